-- Keycloak password grant (the peer of login.lua): POST form to the URL's token endpoint, round-robin over the
-- usernames in bench/out/kc-users.txt (its brute-force detection refuses concurrent logins of one user, so the
-- load is spread), client credentials from $BENCH_CLIENT_ID / $BENCH_CLIENT_SECRET.
local users = {}
local index = 0
init = function(args)
  for line in io.lines("bench/out/kc-users.txt") do users[#users + 1] = line end
  index = math.random(#users)
end
request = function()
  index = index % #users + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded" },
    "grant_type=password&client_id=" .. os.getenv("BENCH_CLIENT_ID") .. "&client_secret=" .. os.getenv("BENCH_CLIENT_SECRET")
      .. "&username=" .. users[index] .. "&password=correct+horse+battery+staple")
end
dofile("bench/wrk/report.lua")
