#!/usr/bin/env bash
# Load run of README.md: the filtered instanceTypes query (POST, then GET without and with If-None-Match) and /healthz,
# each `wrk -t2 -c16 -d30s --latency` after a 5 s warm-up, against a running service on loopback.
#   benchmarks/load/run.sh [http://127.0.0.1:18080]
# Environment: THREADS (2), CONNECTIONS (16), DURATION (30s), WARMUP (5s), WARMUP_ROUNDS (24); TOKEN (a bearer token the
# service accepts, e.g. from `dev-token`): also runs the catalog query with it, and compares against anonymous.
# A fresh service runs slow tier-0 code until the tiered JIT has compiled the GraphQL path (about 5 CPU seconds of
# JIT; a minute or more of wall time on a busy machine), so the catalog query is first repeated in WARMUP rounds until a
# round makes the JIT compile fewer than 100 methods (service /metrics; without them: until the rate moves by under
# 10 %), at most WARMUP_ROUNDS rounds; each run then gets its own WARMUP.
set -euo pipefail

base=${1:-http://127.0.0.1:18080}
base=${base%/}
base=${base%/graphql}
case "$base" in
  http://127.0.0.1:* | http://localhost:* | "http://[::1]:"*) ;;
  *) echo "run.sh: loopback URLs only (http://127.0.0.1:PORT), got $base" >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "run.sh: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
threads=${THREADS:-2} connections=${CONNECTIONS:-16} duration=${DURATION:-30s} warmup=${WARMUP:-5s} rounds=${WARMUP_ROUNDS:-24}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# wrk latency ("850.00us", "8.32ms", "1.02s") in ms.
ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'; }

# run NAME URL [wrk options]: warm-up, then the measured run; prints one table row.
run() {
  local name=$1 url=$2
  shift 2
  wrk -t"$threads" -c"$connections" -d"$warmup" "$@" "$url" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" "$url" >"$out/$name.txt"
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out/$name.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$out/$name.txt" | ms)
  p99=$(awk '$1 == "99%" { print $2 }' "$out/$name.txt" | ms)
  bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out/$name.txt")
  echo "$rps $p99" >"$out/$name.sum"
  printf '| %s | %s | %s ms | %s ms | %s |\n' "$name" "$rps" "$p50" "$p99" "${bad:-0}"
}

query=$(cat "$here/filtered-instance-types.graphql")
accept='Accept: application/graphql-response+json'
status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "$accept" -H 'Content-Type: application/json' \
  --data-binary "{\"query\":$(printf '%s' "$query" | sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/"/')}" "$base/graphql")
echo "$(date -u '+%Y-%m-%d %H:%M') UTC, $base, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg); POST check: HTTP $status"
etag=$(curl -s -D - -o /dev/null --max-time 10 -G -H "$accept" --data-urlencode "query=$query" "$base/graphql" \
  | awk 'tolower($1) == "etag:" { sub(/\r$/, ""); $1 = ""; sub(/^ /, ""); print }')
if [ -n "$etag" ]; then
  conditional=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -G -H "$accept" -H "If-None-Match: $etag" \
    --data-urlencode "query=$query" "$base/graphql")
  echo "GET ETag: $etag; the same GET with If-None-Match answers HTTP $conditional"
else
  echo "GET: no ETag in the response, so no conditional (If-None-Match) run"
fi

# Methods the JIT has (re)compiled, from the service's /metrics (empty when it does not export runtime metrics).
jitted() { { curl -s --max-time 5 "$base/metrics" || true; } | awk '$1 == "system_runtime_dotnet_jit_compiled_methods" { printf "%.0f", $2 }'; }

rates=""
previous_rate=0
previous_jit=$(jitted)
for _ in $(seq 1 "$rounds"); do
  rate=$(wrk -t"$threads" -c"$connections" -d"$warmup" -s "$here/filtered-instance-types.lua" "$base/graphql" \
    | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
  jit=$(jitted)
  if [ -n "$jit" ] && [ -n "$previous_jit" ]; then
    # Warm when a whole round compiled (almost) nothing new: tier-1 code is in place.
    rates="$rates $rate (+$((jit - previous_jit)) jitted)"
    [ $((jit - previous_jit)) -lt 100 ] && break
  else
    rates="$rates $rate"
    awk -v a="$previous_rate" -v b="$rate" 'BEGIN { exit !(a > 0 && b > 0 && (a > b ? a - b : b - a) < 0.1 * b) }' && break
  fi
  previous_rate=$rate previous_jit=$jit
done
echo "warm-up, catalog requests/s per $warmup round:$rates"

echo
echo "| run (wrk -t$threads -c$connections -d$duration --latency) | requests/s | p50 | p99 | non-2xx/3xx |"
echo "|---|---:|---:|---:|---:|"
BEARER_TOKEN= run catalog "$base/graphql" -s "$here/filtered-instance-types.lua"
if [ -n "${TOKEN:-}" ]; then
  BEARER_TOKEN=$TOKEN run catalog-with-token "$base/graphql" -s "$here/filtered-instance-types.lua"
fi
run healthz "$base/healthz"
run catalog-get "$base" -s "$here/filtered-instance-types-get.lua"
if [ -n "$etag" ]; then
  export IF_NONE_MATCH=$etag
  run catalog-get-if-none-match "$base" -s "$here/filtered-instance-types-get.lua"
  unset IF_NONE_MATCH
fi

read -r catalog_rps catalog_p99 <"$out/catalog.sum"
read -r health_rps health_p99 <"$out/healthz.sum"
if [ -n "${TOKEN:-}" ]; then
  read -r token_rps token_p99 <"$out/catalog-with-token.sum"
  awk -v a="$token_rps" -v b="$catalog_rps" 'BEGIN { printf "with a token: %.1f %% fewer requests/s than anonymous\n", 100 * (1 - a / b) }'
fi
echo
awk -v a="$catalog_rps" -v b="$health_rps" -v c="$catalog_p99" -v d="$health_p99" \
  'BEGIN { printf "catalog/healthz: requests/s %.2f, p99 %.2f\n", a / b, c / d }'
