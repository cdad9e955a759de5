"""Trade Truce Tracker macros: the functions pages call to show the data.

`define_env` is the mkdocs-macros entry point; it only registers thin wrappers. The data is
loaded and validated by the hook (macros/pages.py) before this runs.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    # Imported here, not at the top: `python -m macros.check` imports this package too and
    # should not pay for the renderer.
    from macros import page_content
    from macros.build_context import current

    def page_url() -> str:
        return env.page.url

    @env.macro
    def home() -> str:
        return page_content.home(current(), page_url())

    @env.macro
    def round_page(round_id: str) -> str:
        return page_content.round_page(current(), round_id, page_url())

    @env.macro
    def issue_page(issue_id: str) -> str:
        return page_content.issue_page(current(), issue_id, page_url())

    @env.macro
    def timeline() -> str:
        return page_content.timeline_page(current(), page_url())

    @env.macro
    def rounds_index() -> str:
        return page_content.rounds_index(current(), page_url())

    @env.macro
    def issues_index() -> str:
        return page_content.issues_index(current(), page_url())

    @env.macro
    def person_page(person_id: str) -> str:
        return page_content.person_page(current(), person_id, page_url())

    @env.macro
    def people_index() -> str:
        return page_content.people_index(current(), page_url())

    @env.macro
    def data_as_of() -> str:
        return current().as_of.isoformat()
