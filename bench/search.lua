-- GET /search?q=… cycling through the queries of BENCH_QUERIES (one a line, # for comments), signed in with
-- the session cookie of BENCH_COOKIE. Each wrk thread starts at another query so that they do not run in step.
dofile("bench/report.lua")
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")

local queries = {}
for line in io.lines(os.getenv("BENCH_QUERIES")) do
    local query = line:match("^%s*(.-)%s*$")
    if query ~= "" and query:sub(1, 1) ~= "#" then
        queries[#queries + 1] = query:gsub("[^%w%-%._~]", function(c)
            return string.format("%%%02X", string.byte(c))
        end)
    end
end

local threads = 0
setup = function(thread)
    threads = threads + 1
    thread:set("offset", threads * 17)
end

local next_query = nil
request = function()
    next_query = next_query or (offset or 0) % #queries
    next_query = next_query % #queries + 1
    return wrk.format("GET", "/search?q=" .. queries[next_query])
end
