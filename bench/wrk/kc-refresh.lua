-- Keycloak refresh grant (the peer of refresh.lua): each refresh token of bench/out/kc-refresh-tokens.txt used
-- once, threads taking disjoint slices; client credentials from $BENCH_CLIENT_ID / $BENCH_CLIENT_SECRET.
local tokens = {}
local counter = 1
setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
end
init = function(args)
  local n = 0
  for line in io.lines("bench/out/kc-refresh-tokens.txt") do
    n = n + 1
    if n % 2 == id - 1 then tokens[#tokens + 1] = line end
  end
  index = 0
end
request = function()
  index = index + 1
  local token = tokens[index] or "exhausted"
  return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded" },
    "grant_type=refresh_token&client_id=" .. os.getenv("BENCH_CLIENT_ID") .. "&client_secret="
      .. os.getenv("BENCH_CLIENT_SECRET") .. "&refresh_token=" .. token)
end
dofile("bench/wrk/report.lua")
