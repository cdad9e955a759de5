"""MkDocs hook: load the data once per build, stop the build on any data error, generate the
pages, API and feeds, and put held HTML back after MkDocs' Markdown pass.

Listed under `hooks:` in mkdocs.yml. Generated pages hold only a macro call with a record id;
the record's text never enters a template.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; make `macros` importable as a package.
    sys.path.insert(0, str(ROOT))

from jinja2 import Environment  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.nav import Navigation  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from macros.data.dataset import load_dataset  # noqa: E402
from macros.data.history import read_history  # noqa: E402
from macros.data.problems import DataError, format_report  # noqa: E402
from macros.outputs.api import api_files  # noqa: E402
from macros.outputs.changes_feed import changes_feed  # noqa: E402
from macros.outputs.cite import cite_files  # noqa: E402
from macros.outputs.embeds import chart_files, countdown_page  # noqa: E402
from macros.outputs.feeds import atom_feed, icalendar_feed, subscriptions  # noqa: E402
from macros.outputs.release import release_files  # noqa: E402
from macros.outputs.spreadsheets import csv_files  # noqa: E402
from macros.outputs.timelinejs import timelinejs  # noqa: E402
from macros.render.page_table import generated_pages  # noqa: E402
from macros.render.pages import timeline_anchors  # noqa: E402
from macros.render.request import PageRequest  # noqa: E402
from macros.render.safe import theme_text  # noqa: E402
from macros.site.reuse import OutputReuse  # noqa: E402
from macros.site.serve_errors import error_banner  # noqa: E402
from macros.site.state import BuildState, session  # noqa: E402
from macros.site.theme_scripts import hold_theme_bundle  # noqa: E402
from macros.site.timings import Timings  # noqa: E402
from macros.views import routes  # noqa: E402
from macros.views.changes import feed_updates  # noqa: E402

log = logging.getLogger("mkdocs.hooks.trade_truce_tracker")
EMPTY_SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')

# Data warnings go to their own stream: they must be seen, but must not fail `--strict`.
data_log = logging.getLogger("trade_truce_tracker.data")
if not data_log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("DATA WARNING - %(message)s"))
    data_log.addHandler(_handler)
    data_log.propagate = False


class _DirtyWarningFilter(logging.Filter):
    """MkDocs warns that a dirty build leaves navigation stale; with output reuse it does not (a
    navigation change renders every page), so the warning would only cry wolf on every save."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command: str, dirty: bool) -> None:
    session.command = command
    if command == "serve" and dirty and not os.environ.get("TTT_SERVE_RENDER_ALL"):
        session.reuse = OutputReuse()
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarningFilter())


@event_priority(-100)  # after every plugin has changed the navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Under `mkdocs serve --dirty`, pages whose output would not change are not rendered again."""
    if session.reuse is not None:
        # Material's search index merges a dirty build's entries into the previous index by the
        # first page's path; every searchable page is rendered on every build here, so start afresh.
        search = config.plugins.get("material/search")
        if search is not None and hasattr(search, "search_index_prev"):
            search.search_index_prev = None
        session.reuse.start(files, nav, config.config_file_path, config.theme.dirs, search=search is not None)
    return nav


def on_build_error(error: Exception) -> None:
    if session.reuse is not None:
        session.reuse.forget()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """The theme's templates escape data-derived titles and tags with the site's own escaper."""
    env.filters["ttt_text"] = theme_text
    env.filters["ttt_hold_bundle"] = hold_theme_bundle
    return env


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    """With TTT_TIMINGS=path, write the stage durations of this build (for scripts/benchmark.py)."""
    if session.reuse is not None:
        total, reused, converted = len(session.reuse.current), session.reuse.reused, session.reuse.converted
        session.reuse.finish()
        log.info(f"Converted {converted} and rendered {total - reused} of {total} pages; the rest were unchanged")
    target = os.environ.get("TTT_TIMINGS")
    if target and session.build is not None:
        Path(target).write_text(json.dumps(session.build.timings.report(), indent=2))


@event_priority(100)  # before mkdocs-macros, whose define_env reads the data
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    timings = Timings()
    problems = []
    try:
        with timings.timed("load_and_validate"):
            dataset = load_dataset(root, cache=session.file_cache if session.command == "serve" else None)
    except DataError as err:
        report = format_report(err.problems)
        if session.command != "serve" or session.last_good is None:
            raise PluginError("The data has errors; nothing was built.\n" + report) from None
        # While serving, a traceback and a frozen browser help nobody: keep showing the last
        # good data, print the report, and put it on every page until the file is fixed.
        log.error("The data has errors; pages show the last good data until they are fixed.\n" + report)
        problems = err.problems
        dataset = session.last_good
    else:
        session.last_good = dataset
        for warning in dataset.warnings:
            data_log.warning(str(warning))
    with timings.timed("history"):
        history = read_history(root)
    session.build = BuildState.create(dataset, timings, problems, config.site_url or "", history,
                                      config.repo_url or "")
    if config.repo_url and not config.edit_uri:
        config.edit_uri = "edit/main/docs/"
    return config


def _page(config: MkDocsConfig, path: str, macro_call: str, searchable: bool = True) -> File:
    """A generated page's source: its front matter and the macro call that writes it (for reading;
    `on_page_markdown` calls the macro's function directly, without compiling a template)."""
    meta = "" if searchable else "---\nsearch:\n  exclude: true\n---\n\n"
    return File.generated(config, path, content=f"{meta}{{{{ {macro_call} }}}}\n")


def _timeline_anchors(build: BuildState) -> str:
    return timeline_anchors(build.renderer)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = session.current()
    data = build.dataset
    with build.timings.timed("page_generation"):
        pages = generated_pages(data)
        # While previewing, generated pages skip the search index (a quarter of each rebuild);
        # the published build indexes them. TTT_SERVE_SEARCH=1 indexes them while serving too.
        quick = session.command == "serve" and not os.environ.get("TTT_SERVE_SEARCH")
        # Likewise, the preview leaves out the downloads nobody previews (the release zip, the
        # citation files, the chart files, the per-issue feeds); TTT_SERVE_ALL=1 keeps them.
        lean = session.command == "serve" and not os.environ.get("TTT_SERVE_ALL")
        generated = [_page(config, page.path, page.call, page.searchable and not quick) for page in pages]
    # "Edit this page" on a generated page opens the YAML file behind it, or nothing at all
    # for pages made from many files.
    build.edit_paths = {page.path: page.data_file for page in pages}
    build.generated = {page.path: page for page in pages}
    site_url = config.site_url or ""
    with build.timings.timed("exports"):
        downloads = {
            **api_files(data),
            **csv_files(data),
            routes.TIMELINEJS: timelinejs(data, site_url),
            routes.TIMELINE_ANCHORS: _timeline_anchors(build),
        }
        updated = feed_updates(data, build.history)
        for subscription in subscriptions(data)[:1] if lean else subscriptions(data):
            downloads[subscription.calendar_path] = icalendar_feed(data, site_url, subscription)
            downloads[subscription.feed_path] = atom_feed(data, site_url, subscription, updated)
        downloads[routes.CHANGES_FEED] = changes_feed(data, build.history, site_url)
        # Material's script fetches sitemap.xml beside every <link rel="alternate"> it finds (for
        # language versions); issue pages announce feeds in feeds/ and calendars/, so those folders
        # get an empty sitemap rather than a 404 in every reader's console.
        for folder in {path.rsplit("/", 1)[0] for path in downloads if path.startswith(("feeds/", "calendars/"))}:
            downloads[f"{folder}/sitemap.xml"] = EMPTY_SITEMAP
        if not lean:
            downloads |= release_files(data, downloads)
            downloads |= cite_files(data, site_url)
            downloads |= chart_files(data, site_url)
        downloads[routes.EMBED_COUNTDOWN] = countdown_page(data, site_url)
    generated += [File.generated(config, path, content=text) for path, text in downloads.items()]
    for file in generated:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(f"docs/{file.src_uri} would hide a generated page: delete it")
        files.append(file)
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if session.reuse is not None:
        session.reuse.reuse_conversion(page)
    edit_paths = session.current().edit_paths
    if page.file.src_uri in edit_paths:
        data_file = edit_paths[page.file.src_uri]
        page.edit_url = None
        if data_file and config.repo_url:
            page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{data_file}"
    return page


@event_priority(50)  # before mkdocs-macros (hand-written pages) and the tags plugin (-50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Generated pages get their Markdown from their macro's function, called directly (no template
    to compile per page). Round pages carry their issues as tags (indexed by search, shown as chips by
    `on_page_context`); issue pages announce their own feed and calendar (read by overrides/main.html)."""
    uri = page.file.src_uri
    build = session.current()
    generated = build.generated.get(uri)
    if generated is not None:
        with build.timings.timed("page_generation"):
            markdown = generated.family.render(build.renderer, PageRequest(page.url, generated.key))
    issue = _record_of(page, "issue_page", "issues")
    if issue is not None:
        page.meta["ttt_feed"] = routes.issue_feed(issue.id)
        page.meta["ttt_calendar"] = routes.issue_calendar(issue.id)
    rnd = _record_of(page, "round_page", "rounds")
    if rnd is not None:
        page.meta["tags"] = [build.dataset.by_id["issues"][i].title for i in rnd.issues]
    return markdown


def _record_of(page: Page, macro: str, collection: str) -> Any:
    """The record a generated page is about, if `macro` writes it ('round_page' → its Round)."""
    generated = session.current().generated.get(page.file.src_uri)
    if generated is None or generated.macro != macro:
        return None
    return session.current().dataset.by_id[collection][generated.key[0]]


@dataclass(frozen=True)
class IssueChip:
    """An issue shown as a chip at the top of a round's page (overrides/partials/tags.html)."""

    name: str
    url: str
    hidden: bool = False


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    """A round's issues as chips, each linking to the issue's own page (whose history is paged),
    rather than to a listing of every round under every issue."""
    rnd = _record_of(page, "round_page", "rounds")
    if rnd is not None:
        titles = session.current().dataset.by_id["issues"]
        context["tags"] = [IssueChip(titles[i].title, routes.issue_page(i)) for i in rnd.issues]
    return context


@event_priority(100)  # put the held HTML back before other plugins (search) read the page
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = session.current()
    html = build.held.restore(page.url, html)
    if build.problems:
        return error_banner(build.problems) + html
    return html

