-- Keycloak's refresh grant (the peer of refresh.lua), in chains the same way: each token of $REFRESH_TOKENS sent
-- once, the successor from each 200 answer queued; client credentials from $BENCH_CLIENT_ID / $BENCH_CLIENT_SECRET.
dofile("bench/wrk/refresh.lua")
request = function()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded" },
    "grant_type=refresh_token&client_id=" .. os.getenv("BENCH_CLIENT_ID") .. "&client_secret="
      .. os.getenv("BENCH_CLIENT_SECRET") .. "&refresh_token=" .. next_token())
end
