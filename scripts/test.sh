#!/usr/bin/env bash
# Set up (if needed) and run every check and test: lint, data check, strict build, pytest
# (including the browser tests, which need Debian's chromium: installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "test: installing Debian's chromium for the browser tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || { echo "test: could not install chromium" >&2; exit 1; }
  else
    echo "test: the browser tests need /usr/bin/chromium: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check macros tests scripts
.venv/bin/python -m macros.check
.venv/bin/python -m pytest "$@"
