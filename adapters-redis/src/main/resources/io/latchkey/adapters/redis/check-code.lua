-- KEYS[1] = lk:verify:<sha256(email)>; ARGV[1] = HMAC of the presented code; ARGV[2] = attempts allowed.
-- 0 = no code, 1 = accepted (and consumed), 2 = rejected (an attempt used; the last one burns the code).
-- One script, so concurrent guesses are serialised and can never exceed the allowance.
local stored = redis.call('HGET', KEYS[1], 'h')
if not stored then
  return 0
end
if stored == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
local attempts = redis.call('HINCRBY', KEYS[1], 'a', 1)
if attempts >= tonumber(ARGV[2]) then
  redis.call('DEL', KEYS[1])
end
return 2
