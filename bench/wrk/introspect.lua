-- RFC 7662 introspection: POST form token=…, HTTP Basic client credentials from $BENCH_BASIC (base64 of id:secret),
-- round-robin over the tokens in $BENCH_TOKENS (default bench/out/access-tokens.txt). The path is the URL's.
local tokens = {}
local index = 0
init = function(args)
  for line in io.lines(os.getenv("BENCH_TOKENS") or "bench/out/access-tokens.txt") do tokens[#tokens + 1] = line end
  index = math.random(#tokens)
end
request = function()
  index = index % #tokens + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded",
    Authorization = "Basic " .. os.getenv("BENCH_BASIC") }, "token=" .. tokens[index])
end
dofile("bench/wrk/report.lua")
