-- Reserves one attempt in a fixed window only while it has room. KEYS[1] = window key; ARGV[1] = window in ms;
-- ARGV[2] = limit. Returns {1 if reserved else 0, ms until the window ends}. One script, so concurrent callers
-- never together reserve more than the limit.
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[2]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    ttl = tonumber(ARGV[1])
  end
  return {0, ttl}
end
redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {1, ttl}
