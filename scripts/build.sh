#!/usr/bin/env bash
# Set up (if needed) and build the site into site/, failing on any data error or warning.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh site
export NO_MKDOCS_2_WARNING=1
.venv/bin/mkdocs build --strict "$@"
