"""Shared fixtures: real builds of the real site and of small fixture projects."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

# Every test on the real data sees the same "today", so results do not change with the calendar
# (deadlines that are ahead today stay ahead). Builds inherit it through the environment.
REAL_TODAY = "2026-12-06"
os.environ.setdefault("TTT_TODAY", REAL_TODAY)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT_PARTS = ("mkdocs.yml", "docs", "macros", "overrides")


@dataclass
class Build:
    """The result of one `mkdocs build --strict` run."""

    project: Path
    site: Path
    returncode: int
    stdout: str
    stderr: str

    def html(self, url_path: str) -> BeautifulSoup:
        """Parse the built page at a site-relative URL such as 'rounds/2025-05-geneva/'."""
        path = self.site / url_path
        if url_path == "" or url_path.endswith("/"):
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def timeline_entries(self) -> dict[str, BeautifulSoup]:
        """Every timeline entry on every quarter page: anchor → its <li>, with the page it is on."""
        entries = {}
        for page in sorted((self.site / "timeline").glob("*/index.html")):
            quarter = page.parent.name
            for li in self.html(f"timeline/{quarter}/").select("ol.ttt-timeline > li"):
                li["data-page"] = f"timeline/{quarter}/"
                entries[li["id"]] = li
        return entries

    def json(self, url_path: str) -> dict:
        return json.loads((self.site / url_path).read_text(encoding="utf-8"))

    def text(self, url_path: str) -> str:
        return (self.site / url_path).read_text(encoding="utf-8")


def run_build(project: Path, site: Path, extra_env: dict[str, str] | None = None) -> Build:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=project, timeout=600,
    )
    return Build(project, site, proc.returncode, proc.stdout, proc.stderr)


def make_project(tmp: Path, data: Path) -> Path:
    """A copy of the site's code with another data folder, to build fixture data."""
    project = tmp / "project"
    project.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / part)
    shutil.copytree(data, project / "data")
    return project


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], Build]) -> Build:
    """One build for the whole run, however many xdist workers: the first worker to ask builds it
    under a lock, the others read the same site (builds are only read by the tests)."""
    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, record = shared / f"shared-{name}", shared / f"shared-{name}.json"
    with FileLock(str(shared / f"shared-{name}.lock")):
        if record.exists():
            fields = json.loads(record.read_text(encoding="utf-8"))
            return Build(Path(fields["project"]), Path(fields["site"]), fields["returncode"], fields["stdout"],
                         fields["stderr"])
        folder.mkdir(parents=True, exist_ok=True)
        made = build(folder)
        record.write_text(json.dumps({"project": str(made.project), "site": str(made.site),
                                      "returncode": made.returncode, "stdout": made.stdout,
                                      "stderr": made.stderr}), encoding="utf-8")
        return made


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test run from the repository's own data."""
    build = shared_build(tmp_path_factory, "real", lambda folder: run_build(ROOT, folder / "site"))
    assert build.returncode == 0, build.stderr
    return build


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site built from tests/fixtures/valid (fictional records, hostile-looking text)."""
    build = shared_build(tmp_path_factory, "fixture", lambda folder: run_build(
        make_project(folder, FIXTURES / "valid" / "data"), folder / "site"))
    assert build.returncode == 0, build.stderr
    return build


@pytest.fixture(scope="session")
def real_dataset():
    from macros.data.dataset import build_date, load_dataset

    return load_dataset(ROOT, build_date())


@pytest.fixture(scope="session")
def site_url(real_build: Build):
    from tests.browser import serve_directory

    with serve_directory(real_build.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_FLAGS

    if not Path(CHROMIUM).exists():
        pytest.fail("browser tests need Debian's chromium at /usr/bin/chromium (scripts/test.sh installs it)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def empty_search_index(real_build: Build) -> str:
    """The site's search configuration with no documents: what pages that do not search load."""
    return json.dumps({"config": real_build.json("search/search_index.json")["config"], "docs": []})


@pytest.fixture
def new_page(browser, site_url, empty_search_index):
    """Open pages in a fresh context; every page is watched for errors and foreign requests."""
    from tests.browser import PageWatch

    contexts = []
    watches = []

    def open_page(*, width: int = 1280, height: int = 900, javascript: bool = True, scheme: str = "light",
                  search: bool = False):
        context = browser.new_context(viewport={"width": width, "height": height},
                                      java_script_enabled=javascript, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        watch = PageWatch(site_url, real_search=search, empty_search_index=empty_search_index)
        watch.attach(page)
        watches.append(watch)
        return page, watch

    yield open_page
    for context in contexts:
        context.close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep an `xdist_group` on one worker. pytest-xdist's `--dist loadgroup` marks a group by
    appending '@group' to each test's id, but it writes `item._nodeid`, which pytest 9 no longer
    reads: every group was silently spread over both workers, and each built its heavy fixture (the
    copied, dense and ten-year records) twice at once. Set the id pytest does read."""
    if not getattr(config.option, "loadgroup", False):
        return
    from _pytest.nodeid import coerce_node_id

    for item in items:
        names = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                        for mark in item.iter_markers("xdist_group")})
        if names and "@" not in item.nodeid:
            item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(names)}")
