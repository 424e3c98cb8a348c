-- wrk script: the query of filtered-instance-types.lua sent as GET, query in the URL (filtered-instance-types.graphql).
-- GET needs only ?query= and an Accept the endpoint serves (GraphQLHttpRequestReader); GraphQL-Require-Preflight is
-- not checked today and is sent so the script keeps working if it becomes required.
-- IF_NONE_MATCH='"etag"' (environment) adds If-None-Match, to measure conditional GETs answered 304.
-- wrk -t2 -c16 -d30s --latency -s benchmarks/load/filtered-instance-types-get.lua http://127.0.0.1:18080
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local file = assert(io.open(dir .. "filtered-instance-types.graphql", "r"))
local query = file:read("*a"):gsub("%s+$", "")
file:close()

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

wrk.method = "GET"
wrk.path = "/graphql?query=" .. encode(query)
wrk.headers["Accept"] = "application/graphql-response+json"
wrk.headers["GraphQL-Require-Preflight"] = "1"
local etag = os.getenv("IF_NONE_MATCH")
if etag ~= nil and etag ~= "" then
  wrk.headers["If-None-Match"] = etag
end

done = function(summary, latency, requests)
  io.write(string.format("requests: %d, non-2xx/3xx: %d, socket errors: %d\n", summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
