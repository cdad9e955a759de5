"""Trade Truce Tracker macros: the functions pages call to show the data.

`define_env` is the mkdocs-macros entry point; it only registers thin wrappers. The data is
loaded and validated by the hook (macros/pages.py) before this runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def macro_table() -> dict[str, Callable[..., str]]:
    """Macro name → function(data, *arguments, page_url) returning the page's Markdown."""
    # Imported here, not at the top: `python -m macros.check` imports this package too and
    # should not pay for the renderer.
    from macros import page_content as pc

    return {
        "home": pc.home,
        "timeline": pc.timeline_index,
        "rounds_index": pc.rounds_index,
        "issues_index": pc.issues_index,
        "people_index": pc.people_index,
        "tariffs_page": pc.tariffs_page,
        "deadlines_page": pc.deadlines_page,
        "matrix_page": pc.matrix_page,
        "scorecard_page": pc.scorecard_page,
        "sources_index": pc.sources_index,
        "coverage_page": pc.coverage_page,
        "round_page": pc.round_page,
        "issue_page": pc.issue_page,
        "person_page": pc.person_page,
        "timeline_quarter": pc.timeline_quarter,
        "sources_quarter": pc.sources_quarter,
        "issue_year": pc.issue_year,
        "rounds_year": lambda data, year, url: pc.rounds_index(data, url, year),
        "deadlines_year": lambda data, year, url: pc.deadlines_page(data, url, year),
        "matrix_year": lambda data, year, url: pc.matrix_page(data, url, year),
        "scorecard_year": lambda data, year, url: pc.scorecard_page(data, url, year),
        "people_letter": lambda data, letter, url: pc.people_index(data, url, letter),
        "tariffs_year": lambda data, year, url: pc.tariffs_page(data, url, year),
        "data_as_of": lambda data, url: data.as_of.isoformat(),
    }


def define_env(env: Any) -> None:
    from macros.build_context import current
    from macros.timings import timed

    def call(function: Callable[..., str], *args: object) -> str:
        with timed("page_generation"):
            return function(current(), *args, env.page.url)

    for name, function in macro_table().items():
        env.macro(lambda *args, function=function: call(function, *args), name)
