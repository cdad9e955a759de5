"""Build time of both editions against the English one alone (a script, not a test).

    .venv/bin/python scripts/bench_editions.py            # median of 3 builds each, prints the ratio
    .venv/bin/python scripts/bench_editions.py --runs 5

Each run is a full `mkdocs build` of the real record into a fresh folder, with TTT_EDITION=en (the
English pages only, as a one-edition preview builds them) and then with both editions (as
published). The budget for the Chinese edition is 1.6× the English build.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 1.6


def build_seconds(edition: str) -> tuple[float, int]:
    """Wall time of one full build of `edition`, and the pages it wrote."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TTT_EDITION": edition}
        started = time.perf_counter()
        subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "-q", "-d", f"{tmp}/site"],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        seconds = time.perf_counter() - started
        pages = sum(1 for _ in Path(tmp, "site").rglob("index.html"))
    return seconds, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    build_seconds("en")  # warm the disk cache and the stored check, as both measured runs have them
    figures = {}
    for edition in ("en", "all"):
        runs = [build_seconds(edition) for _ in range(args.runs)]
        figures[edition] = {"median_s": round(statistics.median(s for s, _ in runs), 2),
                            "runs_s": [round(s, 2) for s, _ in runs], "pages": runs[0][1]}
    ratio = figures["all"]["median_s"] / figures["en"]["median_s"]
    print(json.dumps(figures, indent=2))
    print(f"both editions / English alone: {ratio:.2f}x (budget {BUDGET}x); "
          f"pages {figures['all']['pages']} vs {figures['en']['pages']}")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
