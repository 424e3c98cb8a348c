#!/usr/bin/env bash
# Runs every test of the solution and prints one closing line "N passed, N failed".
# On a fresh Debian machine it first installs what the tests need: Node.js and npm (the web console's build), chromium
# (tests/Recommender.Web.Tests), redis-server (the Redis store tests start their
# own server from this binary on a free loopback port) and PostgreSQL (the clustered Quartz tests; started here as a
# throwaway cluster on loopback, its connection string handed to the tests in RECOMMENDER_TEST_POSTGRES).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# The web console's build (npm ci + npm run build, run by the Api project's build).
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# The console's browser tests drive Debian's chromium through Playwright (which never downloads a browser of its own).
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Throwaway PostgreSQL cluster (PostgreSQL refuses to run as root, hence the postgres user).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_dir=$(mktemp -d /tmp/recommender-pg.XXXXXX)
pg_port=${RECOMMENDER_TEST_PG_PORT:-55432}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" -l "$pg_dir/log" -w start >/dev/null
trap 'as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"' EXIT
export RECOMMENDER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

results="$root/TestResults"
rm -rf "$results"
set +e
dotnet test Recommender.sln -c Release --logger "trx" --results-directory "$results" "$@"
status=$?
set -e

passed=0; failed=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f_=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f_:-0}))
done
# A build failure runs no test: count it as a failure so it can never look green.
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit $status
