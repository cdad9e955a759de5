"""Write a denser copy of the real record: each round copied `--rounds` times and each event
`--events` times, on the same days, with the same sources and delegations (for the density test and
benchmarks: many records share a day, a source and a person, as a busy real record would).

Usage: python scripts/copy_data.py --rounds 100 --events 20 --out /tmp/copies [--report]

With --report it also builds the copy and prints a Markdown table of page weights (for BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PER_FILE = 200  # the loader refuses files over 1 MB, as it would a contributor's


def _load(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _Dumper(yaml.SafeDumper):
    """Copies share their nested values; the loader refuses YAML aliases, so write each out in full."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _dump(path: Path, value: object) -> None:
    path.write_text(yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def _copy(record: dict, n: int) -> dict:
    return {**record, "id": f"{record['id']}-c{n}", "title": f"{record['title']} (copy {n})"}


def write(out: Path, rounds: int, events: int) -> None:
    """The real project at `out`, with `rounds` copies of each round and `events` of each event
    (the originals included: ×1 is the real record)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for part in ("mkdocs.yml", "docs", "macros", "overrides", "data"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, out / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        else:
            shutil.copy2(source, out / part)
    data = out / "data"
    for path in sorted((data / "rounds").glob("*.yaml")):
        record = _load(path)
        for n in range(1, rounds):
            _dump(path.with_name(f"{record['id']}-c{n}.yaml"), _copy(record, n))
    copies: list[dict] = []
    for path in sorted((data / "events").glob("*.yaml")):
        copies += [_copy(record, n) for record in _load(path) or [] for n in range(1, events)]
    for start in range(0, len(copies), PER_FILE):
        _dump(data / "events" / f"zz-copies-{start // PER_FILE:03d}.yaml", copies[start:start + PER_FILE])


def report(out: Path, limit_kb: int = 150) -> str:
    """Build the copy at `out` and describe its pages' weight: how many, how many over the limit,
    the heaviest page of each section."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out / "site")], cwd=out, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - started
    sizes = {p.relative_to(out / "site").as_posix(): p.stat().st_size for p in (out / "site").rglob("*.html")}
    over = sorted((size, page) for page, size in sizes.items() if size > limit_kb * 1024)
    heaviest: dict[str, tuple[int, str]] = {}
    for page, size in sizes.items():
        section = page.split("/", 1)[0] if "/" in page else "(home)"
        heaviest[section] = max(heaviest.get(section, (0, "")), (size, page))
    lines = [f"Build {seconds:.0f} s; {len(sizes)} pages; {len(over)} over {limit_kb} KB"
             + (f" (the heaviest {over[-1][1]}, {over[-1][0] // 1024} KB)" if over else ""), "",
             "| section | heaviest page | KB |", "| --- | --- | ---: |"]
    lines += [f"| {section} | {page} | {size // 1024} |" for section, (size, page) in
              sorted(heaviest.items(), key=lambda item: -item[1][0])[:10]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--report", action="store_true", help="build the copy and print its pages' weights")
    args = parser.parse_args(argv)
    write(args.out, args.rounds, args.events)
    if args.report:
        print(report(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
