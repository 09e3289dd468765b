#!/usr/bin/env bash
# Installs (if missing) and starts a throwaway PostgreSQL server for the tests, on loopback.
#   source scripts/postgres.sh && pg_test_start   -> exports SWITCHBOARD_TEST_POSTGRES
#   pg_test_stop                                  -> stops it and removes its data
set -euo pipefail

pg_bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

pg_install() {
  if [ -z "$(pg_bin_dir)" ]; then
    echo "==> Installing PostgreSQL server (Debian package)"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  fi
}

pg_test_start() {
  pg_install
  local bin; bin=$(pg_bin_dir)
  PG_TEST_DIR=$(mktemp -d /tmp/sb-pg.XXXXXX)
  PG_TEST_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  # initdb refuses to run as root: run the server as the postgres user when we are root.
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_TEST_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres -A trust --no-sync >/dev/null
  # Durability off: these databases live for one test run. The bench (PG_DURABLE=1) keeps fsync on and commits
  # asynchronously, the same promise as Switchboard's SQLite (WAL, synchronous=NORMAL).
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ -n "${PG_DURABLE:-}" ] && durability="-c fsync=on -c synchronous_commit=off -c full_page_writes=on"
  "${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w -t 60 start \
    -o "-p $PG_TEST_PORT -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 $durability -c max_connections=400" >/dev/null
  export SWITCHBOARD_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_TEST_PORT;Username=postgres;Database=postgres;Maximum Pool Size=30;Timeout=30;Command Timeout=60"
  export PG_TEST_DIR PG_TEST_PORT PG_TEST_BIN="$bin"
  echo "==> PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_TEST_PORT"
}

pg_test_stop() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  local run=()
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
}
