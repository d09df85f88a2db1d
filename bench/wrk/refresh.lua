-- POST /api/v1/auth/refresh, each refresh token of bench/out/refresh-tokens.txt used once: threads take
-- disjoint slices. A thread that runs out sends nothing more useful (its extra requests count as errors).
local tokens = {}
local threads = {}
local counter = 1
setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
init = function(args)
  local n = 0
  for line in io.lines("bench/out/refresh-tokens.txt") do
    n = n + 1
    if n % 2 == id - 1 then tokens[#tokens + 1] = line end
  end
  index = 0
end
request = function()
  index = index + 1
  local token = tokens[index] or "exhausted"
  return wrk.format("POST", "/api/v1/auth/refresh", { ["Content-Type"] = "application/json" },
    '{"refresh_token":"' .. token .. '"}')
end
dofile("bench/wrk/report.lua")
