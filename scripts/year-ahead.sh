#!/usr/bin/env bash
# Runs the built test assemblies today and with the wall clock a year ahead (libfaketime), and prints both summaries
# per project, so a test that depends on today's date shows as a difference. Not part of CI.
# vstest's test host never connects under libfaketime, so this uses xunit's console runner (restored from NuGet into a
# scratch project). Known limits: under libfaketime redis-server (started by the Redis tests) never answers and ASP.NET's
# WebApplicationFactory times out, so Redis and Api cannot be run a year ahead this way; the clustered-scheduler test
# needs RECOMMENDER_TEST_POSTGRES (see scripts/test.sh), else it fails in both runs alike.
# Usage: dotnet build Recommender.sln -c Release && bash scripts/year-ahead.sh [Core Solver Alibaba Scrapers]
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
command -v faketime >/dev/null || { apt-get update -qq && apt-get install -y -qq faketime >/dev/null; }
preload=$(ls /usr/lib/*/faketime/libfaketime.so.1 | head -1)
scratch=$(mktemp -d)
cat > "$scratch/runner.csproj" <<'PROJ'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageReference Include="xunit.runner.console" Version="2.4.1" /></ItemGroup>
</Project>
PROJ
dotnet restore "$scratch/runner.csproj" -v q >/dev/null
runner=$(ls ~/.nuget/packages/xunit.runner.console/2.4.1/tools/netcoreapp2.0/xunit.console.dll)
projects=("$@"); [ ${#projects[@]} -gt 0 ] || projects=(Core Solver Alibaba Scrapers)
for p in "${projects[@]}"; do
  dir="$root/tests/Recommender.$p.Tests/bin/Release/net10.0/linux-x64"
  run() { (cd "$dir" && timeout 900 dotnet exec --runtimeconfig "Recommender.$p.Tests.runtimeconfig.json" \
    --depsfile "Recommender.$p.Tests.deps.json" "$runner" "Recommender.$p.Tests.dll" -parallel none 2>&1); }
  today=$(run | grep -o 'Total: [0-9]*, Errors: [0-9]*, Failed: [0-9]*')
  ahead=$(FAKETIME="+365d" FAKETIME_DONT_FAKE_MONOTONIC=1 LD_PRELOAD="$preload" run | grep -o 'Total: [0-9]*, Errors: [0-9]*, Failed: [0-9]*')
  echo "$p today: ${today:-no summary} | a year ahead: ${ahead:-no summary}"
done
rm -rf "$scratch"
