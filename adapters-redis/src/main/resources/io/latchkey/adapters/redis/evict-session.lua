-- KEYS: 1 generation, 2 session hash, 3 per-user index
-- ARGV: 1 session id, 2 generation ttl ms
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[3], ARGV[1])
local generation = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return generation
