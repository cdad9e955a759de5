#!/usr/bin/env bash
# Set up (if needed) and serve the site at http://127.0.0.1:8000 with live reload on data edits.
# One edition at a time, as fast as a one-language site: English by default; `--edition zh` for
# the Chinese edition (zh/), `--edition all` for both, as published. Other arguments go to mkdocs.
set -euo pipefail
cd "$(dirname "$0")/.."
edition=${TTT_EDITION:-en}
if [ "${1:-}" = "--edition" ]; then
  edition=${2:?"--edition needs en, zh or all"}
  shift 2
fi
case "$edition" in
  en|zh|all) ;;
  *) echo "serve.sh: --edition must be en, zh or all (not '$edition')" >&2; exit 2 ;;
esac
bash scripts/setup.sh site
export NO_MKDOCS_2_WARNING=1 TTT_EDITION="$edition"
echo "serve.sh: serving the $edition edition (--edition en|zh|all)"
# --dirty: pages whose output did not change are kept, not rendered again (macros/site/reuse.py).
exec .venv/bin/mkdocs serve --dirty --dev-addr 127.0.0.1:8000 "$@"
