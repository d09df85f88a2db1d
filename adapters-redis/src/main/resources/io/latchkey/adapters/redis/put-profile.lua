-- KEYS: 1 purge count, 2 profile hash
-- ARGV: 1 expected purge count, 2 ttl ms, then field/value pairs
local purges = tonumber(redis.call('GET', KEYS[1]) or '0')
if purges ~= tonumber(ARGV[1]) then
  return 0
end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[2], unpack(ARGV, 3))
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return 1
