#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the test suite and benchmarks: `start DIR PORT` creates and
# starts it (trust auth, loopback only, a `provscope` superuser), `stop DIR` stops it. PostgreSQL
# refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then
  echo "test-postgres: no PostgreSQL server binaries found (apt-get install postgresql-15, or set PG_BIN)" >&2
  exit 1
fi
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cmd="${1:-}"; dir="${2:-}"
case "$cmd" in
  start)
    port="${3:?usage: test-postgres.sh start DIR PORT}"
    mkdir -p "$dir"
    [[ $(id -u) == 0 ]] && chown postgres "$dir"
    if [[ ! -f "$dir/PG_VERSION" ]]; then
      as_pg "$PG_BIN/initdb" -D "$dir" -A trust -U postgres >/dev/null
    fi
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -w -l "$dir/log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
    "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -qtAc \
      "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='provscope') THEN CREATE ROLE provscope LOGIN SUPERUSER; END IF; END\$\$;" postgres
    echo "postgresql://provscope@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -m fast stop >/dev/null
    ;;
  *)
    echo "usage: test-postgres.sh start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
