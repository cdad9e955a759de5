#!/usr/bin/env bash
# Set up (if needed) and serve the site at http://127.0.0.1:8000 with live reload on data edits.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh site
export NO_MKDOCS_2_WARNING=1
# --dirty: pages whose output did not change are kept, not rendered again (macros/site/reuse.py).
exec .venv/bin/mkdocs serve --dirty --dev-addr 127.0.0.1:8000 "$@"
