-- POST /api/v1/auth/refresh in chains: each thread takes a slice of the tokens in $REFRESH_TOKENS, sends each token
-- once and queues the successor from each 200 answer, so a small seeded pool lasts any duration (as many chains as
-- tokens; a failed refresh ends its chain). Every request presents a current token and rotates it.
local counter = 1
setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
end
init = function(args)
  queue, head, tail = {}, 1, 0
  local n = 0
  for line in io.lines(os.getenv("REFRESH_TOKENS")) do
    n = n + 1
    if n % 2 == id - 1 then tail = tail + 1; queue[tail] = line end
  end
end
-- A thread whose chains have all ended sends "exhausted", which is refused and counted as an error.
next_token = function()
  if head > tail then return "exhausted" end
  local token = queue[head]
  queue[head] = nil
  head = head + 1
  return token
end
request = function()
  return wrk.format("POST", "/api/v1/auth/refresh", { ["Content-Type"] = "application/json" },
    '{"refresh_token":"' .. next_token() .. '"}')
end
response = function(status, headers, body)
  if status == 200 then
    local successor = body:match('"refresh_token":"([^"]+)"')
    if successor then tail = tail + 1; queue[tail] = successor end
  end
end
dofile("bench/wrk/report.lua")
