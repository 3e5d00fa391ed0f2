#!/usr/bin/env bash
# A throwaway PostgreSQL server for the workshop store's tests and benchmark.
#   scripts/postgres.sh start DIR   installs Debian's postgresql if missing, starts a cluster in DIR
#                                   (an empty or missing directory) on a free port of 127.0.0.1 with
#                                   trust authentication, creates the database regards_test and
#                                   prints its URL (postgresql+psycopg://...) on stdout;
#                                   on a DIR it already started, it only prints the URL again
#   scripts/postgres.sh stop DIR    stops that cluster and removes DIR
# Runs as root (the server then runs as the postgres user) or as an ordinary user (sudo only to install).
set -euo pipefail

action="${1:-}"
dir="${2:-}"
if [[ "$action" != "start" && "$action" != "stop" || -z "$dir" ]]; then
  echo "usage: scripts/postgres.sh start|stop DIR" >&2
  exit 2
fi

sudo_cmd=""
[[ "$(id -u)" != "0" ]] && sudo_cmd="sudo"

pg_bin() {
  # Debian puts the server programs under /usr/lib/postgresql/VERSION/bin, off the PATH.
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Run a server program as the postgres user when we are root (PostgreSQL refuses to run as root).
as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [[ "$action" == "stop" ]]; then
  bin="$(pg_bin)"
  if [[ -n "$bin" && -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit 0
fi

if [[ -z "$(pg_bin)" || ! -x "$(pg_bin)/initdb" ]]; then
  echo "Installing Debian's postgresql (once) ..." >&2
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >&2
fi
bin="$(pg_bin)"

url_of() { echo "postgresql+psycopg://postgres@127.0.0.1:$(cat "$dir/port")/regards_test"; }

if [[ -f "$dir/port" && -f "$dir/data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  url_of
  exit 0
fi

mkdir -p "$dir"
[[ "$(id -u)" == "0" ]] && chown postgres: "$dir"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
echo "$port" >"$dir/port"

as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-instructions >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# Unix socket in DIR (no clash with a system cluster), TCP on 127.0.0.1 only.
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-k $dir -p $port -c listen_addresses=127.0.0.1" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres regards_test
url_of
