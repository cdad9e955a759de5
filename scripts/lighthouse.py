"""Lighthouse scores for the key pages of the built site (a script, not a test).

    .venv/bin/python scripts/lighthouse.py            # build, serve on 127.0.0.1, print the scores
    .venv/bin/python scripts/lighthouse.py --desktop  # desktop form factor instead of mobile
    .venv/bin/python scripts/lighthouse.py --runs 1   # one run per page (default: median of 3)

Lighthouse 12 (pinned in tools/lighthouse/package-lock.json, installed there on first run) drives
Debian's Chromium ($CHROMIUM or /usr/bin/chromium). Full JSON reports go to lighthouse-report/.
Lighthouse's mobile run throttles CPU and network as a mid-range phone on a slow connection would
see; on a 2-core machine the performance score moves by a few points between runs.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "lighthouse"
REPORTS = ROOT / "lighthouse-report"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
AIM = 95
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--no-first-run --disable-sync"
)


def key_pages(site: Path) -> list[str]:
    """Home, the timeline index and its longest quarter, the latest round, an issue, deadlines, the chart."""
    quarters = (site / "timeline").glob("*/index.html")
    longest_quarter = max(quarters, key=lambda page: page.stat().st_size).parent.name
    rounds = json.loads((site / "api" / "v1" / "rounds.json").read_text(encoding="utf-8"))["rounds"]
    latest_round = max(rounds, key=lambda r: r["start"])["id"]
    return [
        "",
        "timeline/",
        f"timeline/{longest_quarter}/",
        f"rounds/{latest_round}/",
        "issues/tiktok/",
        "deadlines/",
        "tariffs/",
    ]


def build_site(target: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(target)], cwd=ROOT, env=env, check=True
    )


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped for clients that accept it, as GitHub Pages serves them."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".atom", ".ics", ".csv")

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in self.COMPRESSIBLE):
            return super().do_GET()  # binary files, 404s and directory redirects as usual
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, format: str, *args: object) -> None:
        pass


def ensure_lighthouse() -> Path:
    binary = TOOL / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        npm_ci = ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"]
        subprocess.run(npm_ci, cwd=TOOL, check=True)
    return binary


def run_lighthouse(binary: Path, url: str, chromium: str, desktop: bool) -> dict[str, int]:
    args = [
        str(binary), url, "--quiet", "--output=json", "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
    ]
    if desktop:
        args.append("--preset=desktop")
    proc = subprocess.run(args, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chromium})
    if proc.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
    report = json.loads(proc.stdout)
    name = url.split("/", 3)[3].strip("/").replace("/", "_") or "home"
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / f"{name}{'-desktop' if desktop else ''}.json").write_text(proc.stdout, encoding="utf-8")
    failing = [
        f"    {c}: {a['title']}"
        for c in CATEGORIES
        for ref in report["categories"][c]["auditRefs"]
        if ref["weight"] > 0
        and (a := report["audits"][ref["id"]])["score"] is not None
        and a["score"] < 0.9
    ]
    if failing:
        print(f"  {url} — audits below 0.9:", *failing, sep="\n")
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def median_scores(runs: list[dict[str, int]]) -> dict[str, int]:
    return {c: round(statistics.median(run[c] for run in runs)) for c in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--desktop", action="store_true", help="desktop preset instead of the default mobile run")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; each score is their median")
    args = parser.parse_args()
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    binary = ensure_lighthouse()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build_site(site)
        server, base = serve(site)
        try:
            rows = [(page or "(home)", median_scores([run_lighthouse(binary, base + page, chromium, args.desktop)
                                                      for _ in range(args.runs)]))
                    for page in key_pages(site)]
        finally:
            server.shutdown()
    width = max(len(name) for name, _ in rows)
    print(f"\nLighthouse 12, {'desktop' if args.desktop else 'mobile'} ({len(rows)} pages, median of {args.runs} "
          f"run{'s' * (args.runs != 1)}; aim: {AIM}+ on each)")
    print(f"{'page':<{width}}  " + "  ".join(f"{c:>14}" for c in CATEGORIES))
    for name, scores in rows:
        print(f"{name:<{width}}  " + "  ".join(f"{scores[c]:>14}" for c in CATEGORIES))
    lowest = {c: min(scores[c] for _, scores in rows) for c in CATEGORIES}
    print(f"{'lowest':<{width}}  " + "  ".join(f"{lowest[c]:>14}" for c in CATEGORIES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
