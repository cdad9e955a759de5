"""Check every source URL in data/ and report the dead ones, suggesting an archived copy.

Reports only (exit status 0 unless --strict): source sites come and go, and a dead link must
never stop a build or a deploy. Used weekly by .github/workflows/links.yml.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.data.dataset import load_dataset  # noqa: E402
from macros.data.records import sources_in  # noqa: E402

USER_AGENT = "TradeTruceTracker-linkcheck/1 (+source link check)"


@dataclass(frozen=True)
class Result:
    url: str
    status: int | None
    error: str = ""

    @property
    def dead(self) -> bool:
        return self.status is None or self.status >= 400


def check(url: str, timeout: float) -> Result:
    for method in ("HEAD", "GET"):  # some servers refuse HEAD
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Result(url, response.status)
        except urllib.error.HTTPError as err:
            if method == "GET" or err.code not in (403, 405, 501):
                return Result(url, err.code, err.reason)
        except (urllib.error.URLError, TimeoutError, OSError) as err:
            if method == "GET":
                return Result(url, None, str(getattr(err, "reason", err)))
    return Result(url, None, "no answer")  # pragma: no cover


def archive_suggestion(url: str) -> str:
    return f"https://web.archive.org/web/2026/{url}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--github", action="store_true", help="print GitHub Actions warnings")
    parser.add_argument("--summary", type=Path, help="append a Markdown report to this file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a link is dead")
    args = parser.parse_args(argv)
    data = load_dataset(args.root.resolve())
    sources = {}
    for record in data.all_records():
        for _, source in sources_in(record):
            if source.archived_url is None or source.url not in sources:
                sources[source.url] = source
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(lambda url: check(url, args.timeout), sorted(sources)))
    dead = [r for r in results if r.dead]
    lines = [f"{len(results)} source links checked, {len(dead)} dead."]
    for result in dead:
        source = sources[result.url]
        fix = f"archived copy on record: {source.archived_url}" if source.archived_url else (
            f"add archived_url, e.g. {archive_suggestion(result.url)}")
        lines.append(f"- {result.url} ({result.status or result.error}): {source.publisher}, "
                     f"“{source.title}” — {fix}")
        if args.github:
            print(f"::warning title=Dead source link::{result.url} ({result.status or result.error}) — {fix}")
    print("\n".join(lines))
    if args.summary:
        with args.summary.open("a", encoding="utf-8") as summary:
            summary.write("## Source links\n\n" + "\n".join(lines) + "\n")
    return 1 if dead and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
