"""MkDocs hook: load the data once, stop the build on any data error, generate the pages and API.

Listed under `hooks:` in mkdocs.yml. Generated pages hold only a macro call with a record id;
the record's text never enters a template.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; make `macros` importable as a package.
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from macros import html_blocks, timings  # noqa: E402
from macros.build_context import current, set_current  # noqa: E402
from macros.dataset import Dataset, load_dataset  # noqa: E402
from macros.downloads import csv_files, timelinejs  # noqa: E402
from macros.exports import api_files  # noqa: E402
from macros.feeds import atom_feed, icalendar_feed  # noqa: E402
from macros.page_content import generated_pages, timeline_anchors  # noqa: E402
from macros.problems import DataError, Problem, format_report  # noqa: E402
from macros.serve_errors import error_banner  # noqa: E402

log = logging.getLogger("mkdocs.hooks.trade_truce_tracker")

# Data warnings go to their own stream: they must be seen, but must not fail `--strict`.
data_log = logging.getLogger("trade_truce_tracker.data")
if not data_log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("DATA WARNING - %(message)s"))
    data_log.addHandler(_handler)
    data_log.propagate = False


class _State:
    """What this hook remembers between the rebuilds of one `mkdocs serve` process."""

    command = "build"
    last_good: Dataset | None = None
    problems: list[Problem] = []  # noqa: RUF012 - data errors shown while serving
    edit_paths: dict[str, str | None] = {}  # noqa: RUF012 - page src_uri → data file to edit


def on_startup(command: str, dirty: bool) -> None:
    _State.command = command


@event_priority(100)
def on_pre_build(config: MkDocsConfig) -> None:
    timings.durations["build_started"] = time.perf_counter()


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    """With TTT_TIMINGS=path, write the stage durations of this build (for scripts/benchmark.py)."""
    target = os.environ.get("TTT_TIMINGS")
    if target:
        stages = dict(timings.durations)
        stages["build_after_config"] = time.perf_counter() - stages.pop("build_started")
        Path(target).write_text(json.dumps(stages, indent=2))
    timings.durations.clear()


@event_priority(100)  # before mkdocs-macros, whose define_env reads the data
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    try:
        with timings.timed("load_and_validate"):
            dataset = load_dataset(root)
    except DataError as err:
        report = format_report(err.problems)
        if _State.command != "serve" or _State.last_good is None:
            raise PluginError("The data has errors; nothing was built.\n" + report) from None
        # While serving, a traceback and a frozen browser help nobody: keep showing the last
        # good data, print the report, and put it on every page until the file is fixed.
        log.error("The data has errors; pages show the last good data until they are fixed.\n" + report)
        _State.problems = err.problems
        dataset = _State.last_good
    else:
        _State.problems = []
        _State.last_good = dataset
        for warning in dataset.warnings:
            data_log.warning(str(warning))
    set_current(dataset)
    if config.repo_url and not config.edit_uri:
        config.edit_uri = "edit/main/docs/"
    return config


def _page(config: MkDocsConfig, path: str, macro_call: str, searchable: bool = True) -> File:
    meta = "render_macros: true\n" + ("" if searchable else "search:\n  exclude: true\n")
    return File.generated(config, path, content=f"---\n{meta}---\n\n{{{{ {macro_call} }}}}\n")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    data = current()
    with timings.timed("page_generation"):
        pages = generated_pages(data)
        # While previewing, generated pages skip the search index (a quarter of each rebuild);
        # the published build indexes them. TTT_SERVE_SEARCH=1 indexes them while serving too.
        quick = _State.command == "serve" and not os.environ.get("TTT_SERVE_SEARCH")
        generated = [_page(config, page.path, page.call, page.searchable and not quick) for page in pages]
    # "Edit this page" on a generated page opens the YAML file behind it, or nothing at all
    # for pages made from many files.
    _State.edit_paths = {page.path: page.data_file for page in pages}
    site_url = config.site_url or ""
    with timings.timed("exports"):
        downloads = {
            **api_files(data),
            **csv_files(data),
            "api/v1/timeline.json": timelinejs(data, site_url),
            "timeline/anchors.json": timeline_anchors(data),
            "calendar.ics": icalendar_feed(data, site_url),
            "feed.atom": atom_feed(data, site_url),
        }
    generated += [File.generated(config, path, content=text) for path, text in downloads.items()]
    for file in generated:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(f"docs/{file.src_uri} would hide a generated page: delete it")
        files.append(file)
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if page.file.src_uri in _State.edit_paths:
        data_file = _State.edit_paths[page.file.src_uri]
        page.edit_url = None
        if data_file and config.repo_url:
            page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{data_file}"
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Round pages carry their issues as Material tags (listed on the 'Rounds by issue' page)."""
    uri = page.file.src_uri
    if uri.startswith("rounds/") and uri.count("/") == 1:
        round_id = uri.removeprefix("rounds/").removesuffix(".md")
        rnd = current().by_id["rounds"].get(round_id)
        if rnd is not None:
            page.meta["tags"] = [current().by_id["issues"][i].title for i in rnd.issues]
    return markdown


@event_priority(100)  # put the held HTML back before other plugins (search, tags) read the page
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = html_blocks.restore(page.url, html)
    if _State.problems:
        return error_banner(_State.problems) + html
    return html
