-- GET with a bearer token, round-robin over the tokens in $BENCH_TOKENS (default bench/out/access-tokens.txt).
local tokens = {}
local index = 0
init = function(args)
  for line in io.lines(os.getenv("BENCH_TOKENS") or "bench/out/access-tokens.txt") do tokens[#tokens + 1] = line end
  index = math.random(#tokens)
end
request = function()
  index = index % #tokens + 1
  return wrk.format("GET", nil, { Authorization = "Bearer " .. tokens[index] })
end
dofile("bench/wrk/report.lua")
