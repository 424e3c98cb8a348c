#!/usr/bin/env bash
# Recommend, then provision, end to end on one machine: starts the Alibaba ECS + CS emulator, the Vault emulator and
# the service wired to them on loopback, prints a development token and the calls to try, and stops everything it
# started on Ctrl-C. Nothing leaves the machine. Ports: API 8080, emulator 5080, Vault 8200 (override with
# DEMO_API_PORT, DEMO_ALIBABA_PORT, DEMO_VAULT_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."

api_port=${DEMO_API_PORT:-8080}
alibaba_port=${DEMO_ALIBABA_PORT:-5080}
vault_port=${DEMO_VAULT_PORT:-8200}
# ACK's delays scaled down: a cluster that takes 10 minutes is running after 12 seconds.
time_scale=${DEMO_TIME_SCALE:-0.02}
work=$(mktemp -d /tmp/recommender-demo.XXXXXX)
root_token="demo-root-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
pids=()

stop() {
  trap - INT TERM EXIT
  echo; echo "Stopping the demo..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap stop INT TERM EXIT

wait_for() { # url, name, log: any HTTP answer means it is listening
  for _ in $(seq 1 240); do
    if curl -sS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not start; its log:" >&2; tail -40 "$3" >&2; exit 1
}

echo "Building (Release)..."
dotnet build tests/Recommender.Emulators -c Release -v quiet -nologo >/dev/null
dotnet build src/Recommender.Api -c Release -v quiet -nologo >/dev/null

dotnet run --no-build -c Release --project tests/Recommender.Emulators -- serve \
  --url "http://127.0.0.1:$alibaba_port" --cs-time-scale "$time_scale" >"$work/alibaba.log" 2>&1 &
pids+=($!)
dotnet run --no-build -c Release --project tests/Recommender.Emulators -- vault \
  --url "http://127.0.0.1:$vault_port" --root-token "$root_token" >"$work/vault.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$alibaba_port/" "The Alibaba emulator" "$work/alibaba.log"
wait_for "http://127.0.0.1:$vault_port/v1/sys/health" "The Vault emulator" "$work/vault.log"

export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://127.0.0.1:$api_port"
export DataDirectory="$work/data"
export Alibaba__Endpoints__Ecs="http://127.0.0.1:$alibaba_port"
export Alibaba__Endpoints__Cs="http://127.0.0.1:$alibaba_port"
export Alibaba__AccessKeyId=emulator-access-key-id
export Alibaba__AccessKeySecret=emulator-access-key-secret
export Secrets__Vault__Address="http://127.0.0.1:$vault_port"
export Secrets__Vault__Token="$root_token"
export Provisioning__ClusterPollInterval=00:00:01
export Provisioning__NodePoolPollInterval=00:00:01
export Provisioning__PollInterval=00:00:01
dotnet run --no-build -c Release --project src/Recommender.Api >"$work/api.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$api_port/healthz" "The service" "$work/api.log"
token=$(dotnet run --no-build -c Release --project src/Recommender.Api -- dev-token --org demo --role admin --user you)

api="http://127.0.0.1:$api_port/graphql"
cat <<EOF

Recommender is running on $api, with emulated Alibaba (ECS + CS) on :$alibaba_port and Vault on :$vault_port.
Logs: $work/{api,alibaba,vault}.log

A development token (admin of organisation 'demo'):
  export TOKEN=$token

1. Store the emulator's access key in Vault (values are write-only):
  curl -s $api -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '{"query":"mutation { createSecret(org: \"demo\", input: {name: \"alibaba\", type: ALIBABA, values: [{field: \"ALIBABA_ACCESS_KEY_ID\", value: \"emulator-access-key-id\"}, {field: \"ALIBABA_ACCESS_KEY_SECRET\", value: \"emulator-access-key-secret\"}]}) { id } }"}'

2. Recommend a layout for the organisation (keep the id):
  curl -s $api -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '{"query":"{ recommendLayout(org: \"demo\", input: {region: \"cn-hangzhou\", cpu: 32, memoryGiB: 64}) { id status layouts { hourlyPrice pools { instanceTypeName capacityType nodeCount } } } }"}'

3. Provision it (SECRET_ID from 1, RECOMMENDATION_ID from 2):
  curl -s $api -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '{"query":"mutation { provisionCluster(org: \"demo\", idempotencyKey: \"demo-1\", input: {secretId: \"SECRET_ID\", recommendationId: \"RECOMMENDATION_ID\", cluster: {name: \"demo\", region: \"cn-hangzhou\"}}) { id state } }"}'

4. Follow it, then look at what was built:
  curl -s $api -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '{"query":"{ operations(org: \"demo\") { items { id kind state steps { name state attempts clusterId vendorCode } } } clusters(org: \"demo\") { clusterId state hourlyPrice } }"}'

Ctrl-C stops everything this script started.
EOF
wait "${pids[@]}"
