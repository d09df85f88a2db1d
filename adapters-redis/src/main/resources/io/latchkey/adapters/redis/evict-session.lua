-- KEYS: 1 purge count, 2 session hash, 3 per-user index
-- ARGV: 1 session id, 2 purge count ttl ms, 3 purge channel, 4 purge message
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[3], ARGV[1])
local purges = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return purges
