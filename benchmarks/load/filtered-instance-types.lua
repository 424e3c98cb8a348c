-- wrk script: POST one filtered instanceTypes query (first page of 20, cheapest per vCPU).
-- wrk -t2 -c32 -d30s --latency -s benchmarks/load/filtered-instance-types.lua http://127.0.0.1:8080/graphql
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
-- BEARER_TOKEN set: every request authenticates (the cost of identity on an anonymous-capable query).
local token = os.getenv("BEARER_TOKEN")
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.body = [[{"query":"{ instanceTypes(provider: \"alibaba\", region: \"cn-hangzhou\", filter: { vcpu: { min: 4, max: 32 }, memoryGiB: { min: 8 }, architectures: [X86], availableInZone: \"cn-hangzhou-i\", maxPrice: 2 }, orderBy: { field: PRICE_PER_VCPU }, first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { name vcpu memoryGiB onDemandPrice pricePerVcpu currency } } }"}]]

done = function(summary, latency, requests)
  io.write(string.format("requests: %d, non-2xx: %d, socket errors: %d\n", summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
