-- POST /api/v1/auth/login, round-robin over the emails in bench/out/users.txt (all share one password), each from
-- a random client address (X-Forwarded-For; the service trusts one proxy in the benchmark), as a real crowd.
local users = {}
local index = 0
init = function(args)
  for line in io.lines("bench/out/users.txt") do users[#users + 1] = line end
  index = math.random(#users)
end
request = function()
  index = index % #users + 1
  return wrk.format("POST", "/api/v1/auth/login", { ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254) },
    '{"email":"' .. users[index] .. '","password":"correct horse battery staple"}')
end
dofile("bench/wrk/report.lua")
