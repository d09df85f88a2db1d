-- Reads a fixed-window counter without counting. KEYS[1] = window key.
-- Returns {count in this window (0 when none), ms until the window ends (0 when none)}.
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  ttl = 0
end
return {count, ttl}
