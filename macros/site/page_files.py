"""Pages: the generated pages as MkDocs files (from the page table), their Markdown written by
their family's function, "Edit this page" pointing at the data file behind them, and the metadata
the theme reads (a round's issues as tags, an issue's own feed and calendar)."""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros.render.page_table import (
    FAMILIES,
    LANGUAGES,
    ZH,
    GeneratedPage,
    generated_pages,
    hand_written_twin,
    twin_of,
    zh_nav,
)
from macros.render.request import PageRequest
from macros.site.state import BuildState, session
from macros.views.routes import Routes


def page_file(config: MkDocsConfig, page: GeneratedPage, searchable: bool) -> File:
    """A generated page's source: its front matter and the macro call that writes it (for reading;
    `page_markdown` calls the family's function directly, without compiling a template)."""
    meta = "" if searchable else "---\nsearch:\n  exclude: true\n---\n\n"
    return File.generated(config, page.path, content=f"{meta}{{{{ {page.call} }}}}\n")


EDITIONS = {"all": LANGUAGES, "en": ("en",), "zh": (ZH,)}


def built_languages() -> tuple[str, ...]:
    """The editions this build writes: both, unless TTT_EDITION=en or zh asks for one (a preview of
    one edition, as fast as a single-edition site: scripts/serve.sh). Links into the edition left
    out then lead nowhere; a published build always has both."""
    choice = os.environ.get("TTT_EDITION", "all")
    if choice not in EDITIONS:
        raise PluginError(f"TTT_EDITION={choice!r}: use one of {', '.join(EDITIONS)}")
    return EDITIONS[choice]


def hand_written_left_out(files: Files) -> list[File]:
    """The hand-written pages of an edition this build leaves out (docs/zh/ in an English preview)."""
    if ZH in built_languages():
        return []
    return [file for file in files if file.src_uri.startswith(Routes.ZH)]


def generated_files(config: MkDocsConfig, build: BuildState, quick: bool) -> list[File]:
    """Every generated page as a file; `quick` (previewing): none goes into the search index."""
    pages = generated_pages(build.dataset, built_languages())
    # "Edit this page" on a generated page opens the YAML file behind it, or nothing at all
    # for pages made from many files.
    build.edit_paths = {page.path: page.data_file for page in pages}
    build.generated = {page.path: page for page in pages}
    return [page_file(config, page, page.searchable and not quick) for page in pages]


def set_edit_url(page: Page, config: MkDocsConfig) -> None:
    edit_paths = session.current().edit_paths
    if page.file.src_uri in edit_paths:
        data_file = edit_paths[page.file.src_uri]
        page.edit_url = None
        if data_file and config.repo_url:
            page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{data_file}"


def page_markdown(markdown: str, page: Page) -> str:
    """A generated page's Markdown from its family's function; round pages carry their issues as
    tags (indexed by search), issue pages announce their own feed and calendar (overrides/main.html)."""
    build = session.current()
    generated = build.generated.get(page.file.src_uri)
    if generated is not None:
        reuse = session.markdown_reuse
        with build.timings.timed("page_generation"):
            stored = reuse.reusable(page.url) if reuse is not None else None
            if stored is not None:  # previewing, and nothing this page shows has changed
                markdown = stored.markdown
                build.held.put(page.url, stored.blocks)
            else:
                markdown = generated.family.render(build.renderer, PageRequest(page.url, generated.key))
                if reuse is not None:
                    reuse.keep(page.url, markdown, build.held.blocks(page.url))
    page.meta["ttt_alternates"] = alternates(page)
    if page.url.startswith(Routes.ZH):  # generated or hand-written (docs/zh/): the edition's navigation
        page.meta["ttt_zh_nav"] = zh_nav(page.url)
    issue = record_of(page, "issue_page", "issues")
    if issue is not None:
        page.meta["ttt_feed"] = Routes.issue_feed(issue.id)
        page.meta["ttt_calendar"] = Routes.issue_calendar(issue.id)
    zh_issue = record_of(page, "zh_issue_page", "issues")
    if zh_issue is not None:  # the Chinese feed and calendar of the issue (macros/outputs/zh_feeds.py)
        page.meta["ttt_feed"] = Routes.ZH + Routes.issue_feed(zh_issue.id)
        page.meta["ttt_calendar"] = Routes.ZH + Routes.issue_calendar(zh_issue.id)
    rnd = record_of(page, "round_page", "rounds")
    if rnd is not None:
        page.meta["tags"] = [build.dataset.by_id["issues"][i].title for i in rnd.issues]
    return markdown


def record_of(page: Page, macro: str, collection: str) -> Any:
    """The record a generated page is about, if `macro` writes it ('round_page' → its Round)."""
    generated = session.current().generated.get(page.file.src_uri)
    if generated is None or generated.macro != macro:
        return None
    return session.current().dataset.by_id[collection][generated.key[0]]


def alternates(page: Page) -> list[tuple[str, str]]:
    """The same page in the other language, for <link rel="alternate" hreflang> (both ways)."""
    languages = built_languages()
    if page.is_homepage:
        twin = twin_of(FAMILIES["home"], (), languages)
    else:
        generated = session.current().generated.get(page.file.src_uri)
        twin = (twin_of(generated.family, generated.key, languages) if generated is not None
                else hand_written_twin(page.url, languages))
    return [twin] if twin else []
