#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on a loopback port for the tests.
#   scripts/pg.sh start   -> prints the SQLAlchemy URL
#   scripts/pg.sh stop
set -euo pipefail
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}"
PORT="${WOMS_PG_PORT:-55432}"
DIR="${WOMS_PG_DIR:-/tmp/woms-pg-$PORT}"
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

case "${1:-}" in
  start)
    if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
      echo "==> Cài PostgreSQL từ Debian" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
    fi
    run_pg "$PGBIN/pg_ctl -D $DIR/data stop -m immediate" >/dev/null 2>&1 || true
    rm -rf "$DIR"; mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    run_pg "$PGBIN/initdb -D $DIR/data -U woms --auth=trust -E UTF8 --locale=C.UTF-8" >"$DIR.initdb.log" 2>&1
    run_pg "$PGBIN/pg_ctl -D $DIR/data -w -o \"-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" -l $DIR/log start" >/dev/null
    echo "postgresql+psycopg://woms@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    run_pg "$PGBIN/pg_ctl -D $DIR/data -w stop -m fast" >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
