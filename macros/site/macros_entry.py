"""The mkdocs-macros entry: the macros that pages call, one per family of the page table
(macros/render/page_table.py), plus `data_as_of` for hand-written pages.

The data is loaded and validated by the hook (macros/site/hook.py) before this runs. Generated
pages do not go through here: the hook calls their family's function directly.
"""

from __future__ import annotations

from typing import Any

from macros.render.page_table import PAGE_TABLE, PageFamily
from macros.render.request import PageRequest
from macros.site.state import session


def _macro(family: PageFamily, env: Any) -> Any:
    def call(*key: str) -> str:
        build = session.current()
        with build.timings.timed("page_generation"):
            return family.render(build.renderer, PageRequest(env.page.url, tuple(key)))
    return call


def define_env(env: Any) -> None:
    for family in PAGE_TABLE:
        env.macro(_macro(family, env), family.macro)
    env.macro(lambda: session.current().dataset.as_of.isoformat(), "data_as_of")
