-- POST /tasks as a signed-in client; the session cookie and CSRF token come from the environment.
dofile("bench/report.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
local counter = 0
request = function()
    counter = counter + 1
    local body = "_csrf=" .. os.getenv("BENCH_CSRF") .. "&title=" .. "Нагрузочная+задача+" .. counter
        .. "&description=Проверка&categoryId=" .. os.getenv("BENCH_CATEGORY")
    return wrk.format(nil, "/tasks", nil, body)
end
