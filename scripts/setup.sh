#!/usr/bin/env bash
# Create .venv and install the locked dependencies (site only, or with "dev" the test tools too).
# Re-running is cheap: it reinstalls only when the lock file changed.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-site}"
lock=requirements.lock
[ "$profile" = dev ] && lock=requirements-dev.lock
python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv || {
    rm -rf .venv
    echo "setup: could not create .venv; on Debian/Ubuntu: sudo apt-get install -y python3-venv" >&2
    exit 1
  }
fi
stamp=".venv/.installed-$(sha256sum "$lock" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
