#!/usr/bin/env bash
# Set up (first time only) and run every test, the browser tests included.
# The workshop store's tests also run against a real PostgreSQL server: a throwaway cluster
# started here (scripts/postgres.sh installs Debian's postgresql when missing) and stopped on exit.
# With REGARDS_TEST_POSTGRES_URL already set, that server is used instead and none is started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test

if [[ -z "${REGARDS_TEST_POSTGRES_URL:-}" ]]; then
  pg_dir="$(mktemp -d /tmp/regards-pg.XXXXXX)"
  trap 'bash scripts/postgres.sh stop "$pg_dir"' EXIT
  REGARDS_TEST_POSTGRES_URL="$(bash scripts/postgres.sh start "$pg_dir")"
  export REGARDS_TEST_POSTGRES_URL
fi

# Not exec: the trap above must run after pytest to stop the server.
.venv/bin/python -m pytest "$@"
