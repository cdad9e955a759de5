"""Theme glue: the filters the theme's overrides use, and a round's issues as chips."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment
from mkdocs.structure.pages import Page

from macros.render.safe import theme_text
from macros.site.page_files import record_of
from macros.site.search_editions import edition_base
from macros.site.state import session
from macros.site.theme_scripts import hold_theme_bundle
from macros.views.routes import Routes


def add_filters(env: Environment) -> None:
    """The theme's templates escape data-derived titles and tags with the site's own escaper."""
    env.filters["ttt_text"] = theme_text
    env.filters["ttt_hold_bundle"] = hold_theme_bundle
    env.filters["ttt_edition_base"] = edition_base


@dataclass(frozen=True)
class IssueChip:
    """An issue shown as a chip at the top of a round's page (overrides/partials/tags.html)."""

    name: str
    url: str
    hidden: bool = False


def issue_chips(context: dict, page: Page) -> dict:
    """A round's issues as chips, each linking to the issue's own page (whose history is paged),
    rather than to a listing of every round under every issue."""
    rnd = record_of(page, "round_page", "rounds")
    if rnd is not None:
        titles = session.current().dataset.by_id["issues"]
        context["tags"] = [IssueChip(titles[i].title, Routes.issue(i)) for i in rnd.issues]
    return context
