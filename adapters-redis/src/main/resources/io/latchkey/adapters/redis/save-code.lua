-- KEYS[1] = lk:verify:<sha256(email)>; ARGV[1] = HMAC of the code; ARGV[2] = TTL in ms.
-- A new code replaces the old one and its used attempts.
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'h', ARGV[1], 'a', 0)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
