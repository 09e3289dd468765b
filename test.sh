#!/usr/bin/env bash
# Runs every test. Installs what a fresh machine lacks (PostgreSQL server, npm packages), starts what it needs and
# stops it again, whatever happens.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh

trap pg_test_stop EXIT
pg_test_start

# The browser tests drive Debian's Chromium (browsers cannot be downloaded by Playwright here).
chromium_install() {
  if ! command -v chromium >/dev/null 2>&1; then
    echo "==> Installing Chromium (Debian package) for the browser tests"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
}

# The cluster test (tests/Switchboard.Cluster.Tests) puts Debian's nginx in front of three server processes. The
# package's own service is not started: a policy-rc.d refuses it for the duration of the install.
nginx_install() {
  if [ ! -x /usr/sbin/nginx ]; then
    echo "==> Installing nginx (Debian package) for the cluster test"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    local policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      policy=/usr/sbin/policy-rc.d
      printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null && $sudo chmod +x "$policy"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx >/dev/null
    if [ -n "$policy" ]; then $sudo rm -f "$policy"; fi
  fi
}
# Not fatal here: without nginx the cluster test fails on its own and says why; every other test still runs.
nginx_install || echo "==> nginx could not be installed; the cluster test will fail"

echo "==> Building"
dotnet build Switchboard.slnx -c Release --nologo -v quiet

echo "==> Running .NET tests (SQLite and PostgreSQL; the cluster test: three nodes behind nginx, one killed)"
log=$(mktemp)
set +e
# The console logger at "minimal" prints each failed test with its message and stack (build output stays quiet).
dotnet test Switchboard.slnx -c Release --no-build --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

echo "==> Running TypeScript tests (web/client: conformance vectors, property tests, shell; web/widget: its live state)"
set +e
(cd web/client && npm ci --no-audit --no-fund --loglevel=error && npm test; client=$?
 cd ../widget && npm ci --no-audit --no-fund --loglevel=error && npm test; widget=$?
 [ "$client" -eq 0 ] && [ "$widget" -eq 0 ]) 2>&1 | tee -a "$log"
ts_status=${PIPESTATUS[0]}
echo "==> Running TypeScript tests (web/dashboard: stores)"
(cd web/dashboard && npm ci --no-audit --no-fund --loglevel=error && npm test) 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || ts_status=1
set -e

echo "==> Running browser tests (tests/browser: the widget and the dashboard in Chromium against the real server)"
browser_log=$(mktemp)
set +e
(chromium_install && cd tests/browser && npm ci --no-audit --no-fund --loglevel=error \
  && SB_SERVER_DLL="$(ls ../../src/Switchboard.Server/bin/Release/*/Switchboard.Server.dll | head -n 1)" npm test) 2>&1 | tee "$browser_log"
browser_status=${PIPESTATUS[0]}
set -e

echo "==> Running the bench's smoke scenarios (bench/: a few seconds each; they assert no loss, duplication or reordering, not speed)"
bench_log=$(mktemp)
set +e
(bench/run smoke --out "$(mktemp -d)" && SWITCHBOARD_BENCH_POSTGRES="$SWITCHBOARD_TEST_POSTGRES" bench/run throughput --smoke --db postgres --out "$(mktemp -d)") 2>&1 | tee "$bench_log"
bench_status=${PIPESTATUS[0]}
set -e
bench_passed=$({ grep -oE '^bench: [0-9]+ runs passed' "$bench_log" || true; } | awk '{s+=$2} END {print s+0}')
bench_failed=$({ grep -oE '^bench: [0-9]+ of' "$bench_log" || true; } | awk '{s+=$2} END {print s+0}')
[ "$bench_status" -ne 0 ] && [ "$bench_failed" -eq 0 ] && bench_failed=1

# One closing line for every runner: "N passed, N failed". Playwright's summary: "  N passed (12.3s)", "  N failed".
browser_passed=$({ grep -oE '^ +[0-9]+ passed' "$browser_log" || true; } | awk '{s+=$1} END {print s+0}')
browser_failed=$({ grep -oE '^ +[0-9]+ (failed|flaky)' "$browser_log" || true; } | awk '{s+=$1} END {print s+0}')
# A run that never got to its summary (no browser, no server) still counts as a failure.
[ "$browser_status" -ne 0 ] && [ "$browser_failed" -eq 0 ] && browser_failed=1
passed=$(( $(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}') + $(grep -oE '^ℹ pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') + browser_passed + bench_passed ))
failed=$(( $(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}') + $(grep -oE '^ℹ fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}') + browser_failed + bench_failed ))
# Name what failed right above the closing line, so the last lines of a CI log say which tests to look at:
# dotnet's "  Failed Name [12 ms]" with the first lines of its message, node's "✖ name", Playwright's
# "  1) [project] › spec › name", the bench's "bench: N of".
if [ "$failed" -ne 0 ]; then
  echo "failures:"
  { awk '/^  Failed [A-Za-z_]/ {print; n=4; next} n > 0 && !/Error Message:/ {print "    " $0; n--}' "$log"
    grep -E '^✖ ' "$log" | grep -v '^✖ failing tests' || true
    # Each failed browser test with the first lines of its error (the locator, expected and received), not only its title.
    awk '/^ +[0-9]+\) \[/ {print; n=8; next} n > 0 && NF > 0 && !/^ +at / {print "    " $0; n--}' "$browser_log"
    grep -E '^bench: [0-9]+ of' "$bench_log" || true; } | cut -c1-300 | head -90
fi
rm -f "$log" "$browser_log" "$bench_log"
echo "tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$ts_status" -eq 0 ] && [ "$browser_status" -eq 0 ] && [ "$bench_status" -eq 0 ]
