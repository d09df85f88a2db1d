-- KEYS: 1 purge count, 2 per-user index, 3 profile hash
-- ARGV: 1 session key prefix (same hash tag, so same slot), 2 purge count ttl ms, 3 purge channel, 4 purge message
for _, sid in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  redis.call('DEL', ARGV[1] .. sid)
end
redis.call('DEL', KEYS[2], KEYS[3])
local purges = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return purges
