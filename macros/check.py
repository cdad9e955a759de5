"""`python -m macros.check`: validate data/ and print every problem, without building the site."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from macros.data.dataset import load_dataset
from macros.data.load import load_data
from macros.data.problems import DataError, format_report
from macros.data.stored import CheckStore
from macros.data.translation_checks import missing_translations

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.check", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder holding data/")
    parser.add_argument("--github", action="store_true", default=bool(os.environ.get("GITHUB_ACTIONS")),
                        help="also print GitHub Actions annotations (default inside Actions)")
    parser.add_argument("--translations", action="store_true",
                        help="also list every English title, name, summary or text with no Chinese beside it yet")
    parser.add_argument("--no-cache", action="store_true",
                        help="parse and check every file again, without the stored check cache (.cache/check/)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    store = None if args.no_cache else CheckStore(root / ".cache" / "check")
    try:
        dataset = load_dataset(root, store=store)
    except DataError as err:
        print(format_report(err.problems), file=sys.stderr)
        if args.github:
            for problem in err.problems:
                print(problem.as_annotation())
        return 1
    if dataset.warnings:
        print(format_report(list(dataset.warnings)), file=sys.stderr)
        if args.github:
            for problem in dataset.warnings:
                print(problem.as_annotation())
    if args.translations:
        notes = missing_translations(load_data(root / "data", root))
        if notes:
            print(format_report(notes), file=sys.stderr)
        print(f"translations: {len(notes)} English fields have no Chinese beside them yet")
    counts = ", ".join(f"{len(v)} {k}" for k, v in dataset.by_id.items())
    print(f"data OK: {counts}; data as of {dataset.as_of.isoformat()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
