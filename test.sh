#!/usr/bin/env bash
# Runs every test. Installs what a fresh machine lacks (PostgreSQL server, npm packages), starts what it needs and
# stops it again, whatever happens.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh

trap pg_test_stop EXIT
pg_test_start

echo "==> Building"
dotnet build Switchboard.slnx -c Release --nologo -v quiet

echo "==> Running .NET tests (SQLite and PostgreSQL)"
log=$(mktemp)
set +e
dotnet test Switchboard.slnx -c Release --no-build --nologo -v quiet 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

echo "==> Running TypeScript tests (web/client: conformance vectors, property tests, shell)"
set +e
(cd web/client && npm ci --no-audit --no-fund --loglevel=error && npm test) 2>&1 | tee -a "$log"
ts_status=${PIPESTATUS[0]}
echo "==> Running TypeScript tests (web/dashboard: stores)"
(cd web/dashboard && npm ci --no-audit --no-fund --loglevel=error && npm test) 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || ts_status=1
set -e

# One closing line for every runner: "N passed, N failed".
passed=$(( $(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}') + $(grep -oE '^ℹ pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ))
failed=$(( $(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}') + $(grep -oE '^ℹ fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') ))
rm -f "$log"
echo "tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$ts_status" -eq 0 ]
