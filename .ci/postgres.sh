#!/usr/bin/env bash
# A throwaway PostgreSQL on 127.0.0.1 for the PostgreSQL variants of the store and clock tests.
#   - it runs: prints its SQLAlchemy URL, exit 0
#   - PostgreSQL is not installed and cannot be installed here: prints nothing, exit 0 (SQLite only)
#   - PostgreSQL is installed but will not start: says why on stderr, exit 1 (CI must not skip quietly)
set -u
port=$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] && command -v apt-get >/dev/null 2>&1; then
  (timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq postgresql) >/dev/null 2>&1
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -n "$bindir" ] || exit 0
log=$(mktemp /tmp/briefing-pg-log.XXXXXX)
fail() {
  echo "PostgreSQL is installed ($bindir) but could not be started: $1" >&2
  tail -n 5 "$log" >&2
  exit 1
}
id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres >>"$log" 2>&1 || fail "no postgres user"
data=$(mktemp -d /tmp/briefing-pg.XXXXXX) && chown postgres "$data" "$log" || fail "no data folder"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$bindir/initdb" -D "$data" -U briefing --auth=trust >>"$log" 2>&1 || fail "initdb failed"
as_pg "$bindir/pg_ctl" -D "$data" -l "$log" -o "-p $port -k $data -c listen_addresses=127.0.0.1" -w start \
  >/dev/null 2>&1 || fail "pg_ctl start failed"
as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U briefing briefing >>"$log" 2>&1 || fail "createdb failed"
echo "postgresql+psycopg://briefing@127.0.0.1:$port/briefing"
