"""MkDocs hook: which job runs at which MkDocs event. Each job lives in its own module:

- loading (macros/site/loading.py): the data, read and validated once per build;
- pages (page_files.py): the generated pages from the page table, their Markdown and metadata;
- outputs (outputs.py): API, feeds, calendars, release, citations, charts, one entry each;
- held HTML: finished HTML put back after MkDocs' Markdown pass (macros/render/held.py);
- preview (preview.py): output reuse under `mkdocs serve --dirty`;
- theme (theme.py): the overrides' filters and a round's issue chips.

Listed under `hooks:` in mkdocs.yml. Generated pages hold only a macro call with a record id;
the record's text never enters a template.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

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

from macros.site import loading, page_files, preview, search_editions, theme  # noqa: E402
from macros.site.outputs import write_outputs  # noqa: E402
from macros.site.serve_errors import error_banner  # noqa: E402
from macros.site.state import session  # noqa: E402


def on_startup(command: str, dirty: bool) -> None:
    preview.start_session(command, dirty)


@event_priority(100)  # before mkdocs-macros, whose define_env reads the data
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    loading.load_build(config)
    search_editions.add_words(session.current().dataset)
    if config.repo_url and not config.edit_uri:
        config.edit_uri = "edit/main/docs/"
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = session.current()
    preview.compare_data(config)
    serving = session.command == "serve"
    with build.timings.timed("page_generation"):
        # While previewing, generated pages skip the search index (a quarter of each rebuild);
        # the published build indexes them. TTT_SERVE_SEARCH=1 indexes them while serving too.
        generated = page_files.generated_files(config, build, quick=serving and not os.environ.get("TTT_SERVE_SEARCH"))
    with build.timings.timed("exports"):
        # Likewise, the preview leaves out the downloads nobody previews; TTT_SERVE_ALL=1 keeps them.
        downloads = write_outputs(build, config.site_url or "", lean=serving and not os.environ.get("TTT_SERVE_ALL"))
    generated += [File.generated(config, path, content=text) for path, text in downloads.items()]
    for file in page_files.hand_written_left_out(files):  # docs/zh/ when previewing English alone
        files.remove(file)
    for file in generated:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(f"docs/{file.src_uri} would hide a generated page: delete it")
        files.append(file)
    return files


@event_priority(-100)  # after every plugin has changed the navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    preview.start_build(config, files, nav)
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    theme.add_filters(env)
    return env


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    preview.reuse_conversion(page)
    page_files.set_edit_url(page, config)
    return page


@event_priority(50)  # before mkdocs-macros (hand-written pages) and the tags plugin (-50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return page_files.page_markdown(markdown, page)


@event_priority(100)  # put the held HTML back before other plugins (search) read the page
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = session.current()
    html = build.held.restore(page.url, html)
    return error_banner(build.problems) + html if build.problems else html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    return theme.issue_chips(context, page)


def on_build_error(error: Exception) -> None:
    preview.forget()


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    """With TTT_TIMINGS=path, write the stage durations of this build (for scripts/benchmark.py)."""
    preview.finish_build()
    search_editions.split_index(Path(config.site_dir))
    target = os.environ.get("TTT_TIMINGS")
    if target and session.build is not None:
        Path(target).write_text(json.dumps(session.build.timings.report(), indent=2))
