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

    whole_pages = {
        "home": page_content.home,
        "timeline": page_content.timeline_index,
        "rounds_index": page_content.rounds_index,
        "issues_index": page_content.issues_index,
        "people_index": page_content.people_index,
        "tariffs_page": page_content.tariffs_page,
        "deadlines_page": page_content.deadlines_page,
        "matrix_page": page_content.matrix_page,
        "scorecard_page": page_content.scorecard_page,
        "sources_index": page_content.sources_index,
        "coverage_page": page_content.coverage_page,
    }
    record_pages = {
        "round_page": page_content.round_page,
        "issue_page": page_content.issue_page,
        "person_page": page_content.person_page,
        "timeline_quarter": page_content.timeline_quarter,
        "sources_quarter": page_content.sources_quarter,
    }
    for name, render_page in whole_pages.items():
        env.macro(lambda render_page=render_page: render_page(current(), env.page.url), name)
    for name, render_record in record_pages.items():
        env.macro(lambda record_id, render_record=render_record: render_record(current(), record_id, env.page.url),
                  name)

    @env.macro
    def data_as_of() -> str:
        return current().as_of.isoformat()
