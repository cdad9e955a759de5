"""The mkdocs-macros entry: the macros that pages call, each a thin call into render.pages.

The data is loaded and validated by the hook (macros/site/hook.py) before this runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from macros.render import pages as pc
from macros.render.jinja import Renderer
from macros.site.state import session


def macro_table() -> dict[str, Callable[..., str]]:
    """Macro name → function(renderer, *arguments, page_url) returning the page's Markdown."""
    return {
        "home": pc.home,
        "timeline": pc.timeline_index,
        "rounds_index": pc.rounds_index,
        "issues_index": pc.issues_index,
        "tags_page": pc.tags_page,
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
        "measure_page": pc.measure_page,
        "measures_index": pc.measures_index,
        "measures_group": lambda r, key, url: pc.measures_index(r, url, key),
        "commitments_page": pc.commitments_page,
        "precedent_page": pc.precedent_page,
        "subscribe_page": pc.subscribe_page,
        "changes_page": pc.changes_page,
        "embed_page": pc.embed_page,
        "cite_page": pc.cite_page,
        "purchases_page": pc.purchases_page,
        "rounds_year": lambda r, year, url: pc.rounds_index(r, url, year),
        "deadlines_year": lambda r, year, url: pc.deadlines_page(r, url, year),
        "matrix_year": lambda r, year, url: pc.matrix_page(r, url, year),
        "scorecard_year": lambda r, year, url: pc.scorecard_page(r, url, year),
        "people_letter": lambda r, letter, url: pc.people_index(r, url, letter),
        "tariffs_year": lambda r, year, url: pc.tariffs_page(r, url, year),
        "data_as_of": lambda r, url: r.data.as_of.isoformat(),
    }


def define_env(env: Any) -> None:
    def call(function: Callable[..., str], *args: object) -> str:
        build = session.current()
        renderer: Renderer = build.renderer
        with build.timings.timed("page_generation"):
            return function(renderer, *args, env.page.url)

    for name, function in macro_table().items():
        env.macro(lambda *args, function=function: call(function, *args), name)
