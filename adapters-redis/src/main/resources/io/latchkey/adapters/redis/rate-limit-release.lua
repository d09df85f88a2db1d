-- Gives back one reserved attempt of a fixed window, keeping its expiry; nothing when the window is gone or empty.
-- KEYS[1] = window key.
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then
  redis.call('DECR', KEYS[1])
end
return 1
