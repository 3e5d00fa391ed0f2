#!/usr/bin/env bash
# Set up (first time only) and run every test, the browser tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec .venv/bin/python -m pytest "$@"
