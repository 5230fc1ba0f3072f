#!/usr/bin/env bash
# Best effort: a throwaway PostgreSQL on 127.0.0.1 for the store and clock tests' PostgreSQL variants.
# Prints the SQLAlchemy URL on success; prints nothing (and the suite runs on SQLite only) on failure.
set -u
port=$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] && command -v apt-get >/dev/null 2>&1; then
  (timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq postgresql) >/dev/null 2>&1
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
[ -n "$bindir" ] || exit 0
id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres >/dev/null 2>&1 || exit 0
data=$(mktemp -d /tmp/briefing-pg.XXXXXX) && chown postgres "$data" || exit 0
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$bindir/initdb" -D "$data" -U briefing --auth=trust >/dev/null 2>&1 || exit 0
as_pg "$bindir/pg_ctl" -D "$data" -o "-p $port -k $data -c listen_addresses=127.0.0.1" -w start >/dev/null 2>&1 || exit 0
as_pg "$bindir/createdb" -h 127.0.0.1 -p "$port" -U briefing briefing >/dev/null 2>&1 || exit 0
echo "postgresql+psycopg://briefing@127.0.0.1:$port/briefing"
