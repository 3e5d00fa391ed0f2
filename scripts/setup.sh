#!/usr/bin/env bash
# Set up everything Regards needs on a fresh machine; safe to run again (it skips what is done).
#   scripts/setup.sh          the app: a virtual environment with the package and its dependencies
#   scripts/setup.sh --test   also the test and benchmark tools, and Chromium and strace for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

extras="."
[[ "${1:-}" == "--test" ]] && extras=".[test,bench]"

if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
stamp=".venv/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-${1:-app}"
if [[ ! -f "$stamp" ]]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet --editable "$extras"
  touch "$stamp"
fi

if [[ "${1:-}" == "--test" ]]; then
  # Debian's Chromium drives the browser tests (Playwright's own browser download is not used);
  # strace watches the server's files in the upload privacy test.
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v strace >/dev/null 2>&1 || missing+=(strace)
  # nginx: the test of several server processes behind a reverse proxy with session affinity
  command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
  if (( ${#missing[@]} )); then
    sudo_cmd=""
    [[ "$(id -u)" != "0" ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

if [[ "${1:-}" == "--test" ]] && ! command -v pdftotext >/dev/null 2>&1; then
  # poppler-utils reads the report's PDF back (pdftotext) and draws its pages (pdftoppm) in the tests.
  sudo_cmd=""
  [[ "$(id -u)" != "0" ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq poppler-utils >/dev/null
fi
