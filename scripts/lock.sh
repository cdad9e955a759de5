#!/usr/bin/env bash
# Regenerate the hashed lock files from requirements*.in (maintainers only; needs uv).
set -euo pipefail
cd "$(dirname "$0")/.."
for name in requirements requirements-dev; do
  "${UV:-uv}" pip compile --quiet --generate-hashes --python-version 3.11 "$name.in" -o "$name.lock"
done
