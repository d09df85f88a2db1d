-- KEYS: 1 purge count, 2 session hash, 3 per-user index
-- ARGV: 1 expected purge count, 2 ttl ms, 3 session id, then field/value pairs
-- Drops the write when a purge raised the purge count since the caller read it.
local purges = tonumber(redis.call('GET', KEYS[1]) or '0')
if purges ~= tonumber(ARGV[1]) then
  return 0
end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], unpack(ARGV, 4))
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[2]) then
  redis.call('PEXPIRE', KEYS[3], ARGV[2])
end
return 1
