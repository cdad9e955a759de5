"""Benchmark the build at 1x, 10x and 100x the real record (a script, not a test).

    .venv/bin/python scripts/benchmark.py                 # all scales, prints figures and ratios
    .venv/bin/python scripts/benchmark.py --scales 1 10   # a quicker run
    .venv/bin/python scripts/benchmark.py --markdown BENCHMARKS.md   # also record the results

For each scale: validation alone (the check command, wall time), the full `mkdocs build` with
its split (load and validate, page generation, exports, MkDocs rendering), peak memory, pages
written, the largest page and the search index; the same pages built by plain Material from
static Markdown (the cost of the data layer); and the time from saving a YAML file to the
served page showing the change under `mkdocs serve`.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import synth_data  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MACRO_CALL = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}")


@dataclass
class Result:
    scale: int
    dense: bool = False
    records: int = 0
    check_seconds: float = 0.0  # without the stored check cache
    check_cold_seconds: float = 0.0  # with an empty cache (it fills)
    check_edit_seconds: float = 0.0  # with the filled cache, after one file was edited (median of 3)
    build_seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    peak_mb: float = 0.0
    pages: int = 0
    largest_page: tuple[int, str] = (0, "")
    over_limit: list[str] = field(default_factory=list)
    search_index_bytes: int = 0
    plain_seconds: float = 0.0
    preview_seconds: float | None = None  # `mkdocs serve --dirty`: unchanged pages keep their output
    preview_all_seconds: float | None = None  # `mkdocs serve`: every page rendered on every save

    @property
    def label(self) -> str:
        return f"{self.scale}x{' dense' if self.dense else ''}"


def timed_run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a command; return its wall time and peak memory (MB)."""
    # stderr goes to a file, not a pipe: at 100x the data warnings would fill a pipe and block the child.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env or ENV, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"failed: {' '.join(args)} in {cwd}\n{errors.read().decode()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


def write_static_project(project: Path, target: Path) -> None:
    """The same pages as plain Markdown, built by Material without the data layer (baseline)."""
    from macros.data.dataset import load_dataset
    from macros.render.held import HeldHtml
    from macros.render.jinja import Renderer
    from macros.render.page_table import FAMILIES, generated_pages
    from macros.render.request import PageRequest

    data = load_dataset(project)
    held = HeldHtml()
    renderer = Renderer(data, held)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(project / "docs", target / "docs")
    shutil.copytree(project / "overrides", target / "overrides")

    def expand(path: str, call: str) -> str:
        name, args = MACRO_CALL.match("{{ " + call + " }}").groups()
        values = ast.literal_eval(f"({args},)") if args else ()
        url = path.removesuffix(".md").removesuffix("index")
        url = url if url.endswith("/") or not url else url + "/"
        if name == "data_as_of":
            return data.as_of.isoformat()
        return held.restore(url, FAMILIES[name].render(renderer, PageRequest(url, tuple(values))))

    for page in generated_pages(data):
        meta = "" if page.searchable else "---\nsearch:\n  exclude: true\n---\n\n"
        out = target / "docs" / page.path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(meta + expand(page.path, page.call), encoding="utf-8")
    for doc in (target / "docs").rglob("*.md"):
        text = doc.read_text(encoding="utf-8")
        if "{{" in text and "render_macros: true" in text:
            path = doc.relative_to(target / "docs").as_posix()
            doc.write_text(MACRO_CALL.sub(lambda m, path=path: expand(path, m.group(0)[2:-2].strip()), text),
                           encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"  - macros:\n(?:      .*\n)+", "", config)
    # The theme overrides escape titles with the site's filter; the baseline registers the same
    # one, and loads Material's bundle with the page, as plain Material does.
    (target / "plain_hook.py").write_text(
        "import html\n\n\ndef on_env(env, config, files):\n"
        "    env.filters['ttt_text'] = lambda value: html.escape(str(value), quote=False)\n"
        "    env.filters['ttt_hold_bundle'] = lambda scripts: scripts\n    return env\n")
    config = config.replace("hooks:\n  - macros/site/hook.py\n", "hooks:\n  - plain_hook.py\n")
    config = re.sub(r"watch:\n(?:  - .*\n)+", "", config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def preview_latency(project: Path, edits: int = 3, dirty: bool = True) -> float:
    """Median seconds from saving a round's YAML file to the served page showing the change
    (`dirty`: as scripts/serve.sh serves, keeping unchanged pages; else rendering every page)."""
    round_file = sorted((project / "data" / "rounds").glob("*.yaml"))[0]
    round_id = round_file.stem
    original = round_file.read_text(encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", *(["--dirty"] if dirty else []),
                               "-a", f"127.0.0.1:{port}"], cwd=project, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/rounds/{round_id}/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    samples = []
    try:
        deadline = time.monotonic() + 900
        while "<h1" not in page():
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not come up (does the data check pass?)")
            time.sleep(0.5)
        for n in range(edits):
            marker = f"Benchmark edit {n}"
            title = re.search(r"^title: (.*)$", original, re.M).group(1)
            round_file.write_text(original.replace(f"title: {title}", f"title: {marker}", 1), encoding="utf-8")
            start = time.perf_counter()
            while marker not in page():
                if time.perf_counter() - start > 600:
                    raise SystemExit("the edit never showed up")
                time.sleep(0.05)
            samples.append(time.perf_counter() - start)
            time.sleep(1.5)
    finally:
        round_file.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    return statistics.median(samples)


def check_after_edit(project: Path, check: list[str]) -> float:
    """The check command with its cache filled, after one round's file was saved with a change."""
    round_file = sorted((project / "data" / "rounds").glob("*.yaml"))[0]
    original = round_file.read_text(encoding="utf-8")
    samples = []
    try:
        for n in range(3):
            round_file.write_text(original + f"\n# edit {n}\n", encoding="utf-8")
            samples.append(timed_run(check, ROOT)[0])
    finally:
        round_file.write_text(original, encoding="utf-8")
    return statistics.median(samples)


def measure(scale: int, workdir: Path, seed: int, preview: bool, dense: bool = False) -> Result:
    project = workdir / f"x{scale}{'-dense' if dense else ''}"
    synth_data.write(project, scale, seed, dense)
    result = Result(scale, dense)
    result.records = sum(synth_data.REAL.values()) * scale + len(synth_data.ISSUES)
    check = [PYTHON, "-m", "macros.check", "--root", str(project)]
    result.check_seconds, _ = timed_run([*check, "--no-cache"], ROOT)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    result.check_cold_seconds, _ = timed_run(check, ROOT)
    result.check_edit_seconds = check_after_edit(project, check)
    site = project / "site"
    timings_file = project / "timings.json"
    result.build_seconds, result.peak_mb = timed_run(
        [PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(site)], project, {**ENV, "TTT_TIMINGS": str(timings_file)})
    result.stages = json.loads(timings_file.read_text())
    pages = list(site.rglob("*.html"))
    result.pages = len(pages)
    largest = max(pages, key=lambda p: p.stat().st_size)
    result.largest_page = (largest.stat().st_size, largest.relative_to(site).as_posix())
    result.over_limit = sorted(f"{p.relative_to(site).as_posix()} ({p.stat().st_size / 1024:.0f} KB)"
                               for p in pages if p.stat().st_size > 150 * 1024)
    result.search_index_bytes = (site / "search" / "search_index.json").stat().st_size
    plain = workdir / f"x{scale}{'-dense' if dense else ''}-plain"
    write_static_project(project, plain)
    result.plain_seconds, _ = timed_run([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(plain / "site")], plain)
    if preview:
        result.preview_seconds = preview_latency(project)
        result.preview_all_seconds = preview_latency(project, dirty=False)
    return result


def _preview_cell(result: Result) -> str:
    if result.preview_seconds is None:
        return ""
    return f"{result.preview_seconds:.2f} / {result.preview_all_seconds:.2f}"


def report(results: list[Result]) -> str:
    lines = ["| scale | records | check (s): no cache / cold / one edit | build (s) | load+validate | "
             "page generation | exports | MkDocs rendering | peak MB | pages | largest page | search index | "
             "plain Material (s) | preview (s): kept / all |", "|" + "---|" * 14]
    for r in results:
        stages = r.stages
        rendering = stages["build_after_config"] - stages.get("page_generation", 0) - stages.get("exports", 0)
        lines.append(
            f"| {r.label} | {r.records:,} | {r.check_seconds:.2f} / {r.check_cold_seconds:.2f} / "
            f"{r.check_edit_seconds:.2f} | {r.build_seconds:.1f} | "
            f"{stages.get('load_and_validate', 0):.2f} | {stages.get('page_generation', 0):.2f} | "
            f"{stages.get('exports', 0):.2f} | {rendering:.1f} | {r.peak_mb:.0f} | {r.pages:,} | "
            f"{r.largest_page[0] / 1024:.0f} KB ({r.largest_page[1]}) | {r.search_index_bytes / 1024:.0f} KB | "
            f"{r.plain_seconds:.1f} | {_preview_cell(r)} |")
    lines.append("")
    for dense, axis in ((False, "span"), (True, "density")):
        by_scale = {r.scale: r for r in results if r.dense == dense}
        if 10 in by_scale and 100 in by_scale:
            a, b = by_scale[10], by_scale[100]
            ratio = (b.build_seconds / b.records) / (a.build_seconds / a.records)
            lines.append(f"- Build time per record along the {axis} axis, 100x over 10x: **{ratio:.2f}** "
                         "(linear = 1.0; aim below 1.2)")
    for r in results:
        overhead = (r.build_seconds - r.plain_seconds) / r.plain_seconds
        lines.append(f"- Data layer at {r.label}: full build {r.build_seconds:.1f} s against plain Material "
                     f"{r.plain_seconds:.1f} s for the same pages: **{overhead:+.0%}** (aim: under +10%)")
    for r in results:
        if r.scale == 100:
            lines.append(f"- Validation at {r.label} (check command, wall): after one edit "
                         f"**{r.check_edit_seconds:.2f} s** (aim: under 1 s); cold "
                         f"**{r.check_cold_seconds:.2f} s** (aim: under 4 s); without the cache "
                         f"{r.check_seconds:.2f} s")
    for r in results:
        if r.preview_seconds is not None:
            lines.append(f"- Preview at {r.label}: save → page updated in **{r.preview_seconds:.2f} s** "
                         f"with unchanged pages kept (`serve --dirty`), {r.preview_all_seconds:.2f} s rendering "
                         "every page (median of 3; aim: under 2 s)")
    over = [f"{r.label}: {len(r.over_limit)} pages ({', '.join(r.over_limit[:5])}"
            f"{' …' if len(r.over_limit) > 5 else ''})" for r in results if r.over_limit]
    lines.append(f"- Pages over 150 KB: {'; '.join(over) or 'none'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--preview-scales", type=int, nargs="*", default=[1, 10])
    parser.add_argument("--dense-scales", type=int, nargs="*", default=[10, 100],
                        help="scales of the density axis: more records in the same months")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ttt-benchmark"))
    parser.add_argument("--markdown", type=Path, help="write the results into this Markdown file")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for scale in args.scales:
        print(f"measuring {scale}x …", file=sys.stderr, flush=True)
        results.append(measure(scale, args.workdir, args.seed, scale in args.preview_scales))
    for scale in args.dense_scales:
        print(f"measuring {scale}x dense …", file=sys.stderr, flush=True)
        results.append(measure(scale, args.workdir, args.seed, False, dense=True))
    real = args.workdir / "real"
    if real.exists():
        shutil.rmtree(real)
    for part in ("mkdocs.yml", "docs", "macros", "overrides", "data"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, real / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            real.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, real / part)
    print("measuring the preview on the real data …", file=sys.stderr, flush=True)
    real_preview = preview_latency(real)
    real_preview_all = preview_latency(real, dirty=False)
    text = report(results)
    text += (f"\n- Preview on the real data: save → page updated in **{real_preview:.2f} s** with unchanged "
             f"pages kept, {real_preview_all:.2f} s rendering every page (median of 3; aim: under 2 s)")
    print(text)
    if args.markdown:
        machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
        body = args.markdown.read_text(encoding="utf-8") if args.markdown.exists() else ""
        marker = "<!-- results -->"
        head = body.split(marker)[0] if marker in body else body
        args.markdown.write_text(f"{head}{marker}\n\nLast run: {time.strftime('%Y-%m-%d')}, {machine}.\n\n"
                                 f"{text}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
