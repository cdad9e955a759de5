"""Preview reuse: under `mkdocs serve --dirty`, pages whose output would not change are not
rendered again (macros/site/reuse.py); these are the MkDocs events it hangs on."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros.site.markdown_reuse import MarkdownReuse
from macros.site.reuse import OutputReuse
from macros.site.state import session

log = logging.getLogger("mkdocs.hooks.trade_truce_tracker")
TEMPLATES = Path(__file__).resolve().parents[1] / "render" / "templates"


class _DirtyWarningFilter(logging.Filter):
    """MkDocs warns that a dirty build leaves navigation stale; with output reuse it does not (a
    navigation change renders every page), so the warning would only cry wolf on every save."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def start_session(command: str, dirty: bool) -> None:
    session.command = command
    if command == "serve" and dirty and not os.environ.get("TTT_SERVE_RENDER_ALL"):
        session.reuse = OutputReuse()
        session.markdown_reuse = MarkdownReuse()
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyWarningFilter())


def start_build(config: MkDocsConfig, files: Files, nav: Navigation) -> None:
    if session.reuse is None:
        return
    # Material's search index merges a dirty build's entries into the previous index by the first
    # page's path; every searchable page is rendered on every build here, so start afresh.
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None
    session.reuse.start(files, nav, config.config_file_path, config.theme.dirs, search=search is not None)


def reuse_conversion(page: Page) -> None:
    if session.reuse is not None:
        session.reuse.reuse_conversion(page)


def finish_build() -> None:
    if session.reuse is not None:
        total, reused, converted = len(session.reuse.current), session.reuse.reused, session.reuse.converted
        session.reuse.finish()
        written = session.markdown_reuse.written if session.markdown_reuse is not None else total
        log.info(f"Wrote {written}, converted {converted} and rendered {total - reused} of {total} pages; "
                 "the rest were unchanged")


def forget() -> None:
    if session.reuse is not None:
        session.reuse.forget()
    if session.markdown_reuse is not None:
        session.markdown_reuse.forget()


def compare_data(config: MkDocsConfig) -> None:
    """Before the pages are written: which records' words changed since the previous build."""
    reuse, build = session.markdown_reuse, session.current()
    if reuse is None:
        return
    history = build.history
    shared = (config.site_url, config.repo_url, len(history.changes), history.changes[-1].commit if history.changes
              else "", tuple(_stamps(TEMPLATES)))
    reuse.start(build.dataset, shared)


def _stamps(folder: Path) -> list[tuple[str, int, int]]:
    return [(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.rglob("*")) if p.is_file()]
