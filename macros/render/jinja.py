"""Render page fragments with the Jinja partials in macros/render/templates/.

Data text is never a template: it reaches Jinja only as values, autoescaped, and the Markdown in
text fields goes through render.safe. Templates get a page's prepared values, the routes (every
URL) and the labels (every display word); not the Dataset, not the views.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateSyntaxError, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from macros.data.dataset import Dataset
from macros.data.history import History
from macros.data.records import Deadline, is_relayed
from macros.render import safe
from macros.render.held import HeldHtml, mark_headings, unmarkable_headings
from macros.render.record_links import RecordLinks
from macros.render.tables import label_cells
from macros.views import deadlines, labels, ledger, precedent
from macros.views.routes import Routes

TEMPLATES = Path(__file__).parent / "templates"


def _month(value: dt.date) -> str:
    return labels.MONTH[value.month - 1]


def human_date(value: dt.date, precision: str = "day") -> str:
    if precision == "month":
        return f"{_month(value)} {value.year}"
    return f"{value.day} {_month(value)} {value.year}"


def date_range(start: dt.date, end: dt.date) -> str:
    if start == end:
        return human_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {_month(end)} {end.year}"
    if start.year == end.year:
        return f"{start.day} {_month(start)} – {end.day} {_month(end)} {end.year}"
    return f"{human_date(start)} – {human_date(end)}"


class _HeadingMarkingLoader(FileSystemLoader):
    """Loads partials with their Markdown heading lines marked (see render.held)."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if unmarkable := unmarkable_headings(source):
            raise TemplateSyntaxError("a Markdown heading must begin its line (no indent, no tag or "
                                      "expression before it), or it shows as literal '#' text", unmarkable[0],
                                      template, filename)
        return mark_headings(source), filename, uptodate


@pass_context
def _relative(context: Context, target: str) -> str:
    return Routes.relative(target, context["page_url"])


@pass_context
def _display_status(context: Context, deadline: Deadline) -> str:
    return deadlines.display_status(deadline, context["today"])


@pass_context
def _markdown(context: Context, source: str) -> Markup:
    return context["record_links"].html(source, context["base"], _edition(context))


@pass_context
def _markdown_inline(context: Context, source: str) -> Markup:
    return context["record_links"].inline(source, context["base"], _edition(context))


def _edition(context: Context) -> str:
    """'zh/' on a page of the Chinese edition (its record links lead to Chinese pages), else ''."""
    return Routes.ZH if str(context.get("page_url", "")).startswith(Routes.ZH) else ""


def _href(url: str) -> str:
    return safe.safe_url(url)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=_HeadingMarkingLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown heading ids are written `{#id}`: Jinja comments use `{## … ##}` instead.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(
        md=_markdown,
        md_inline=_markdown_inline,
        heading=safe.heading,
        href=_href,
        human_date=human_date,
        date_range=date_range,
        rel=_relative,
        display_status=_display_status,
    )
    env.globals.update(labels=labels, relayed=is_relayed)
    return env


def relative_base(page_url: str) -> str:
    """The prefix that leads from a page's URL back to the site root ('' for the home page)."""
    directory = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    return "../" * len([part for part in directory.split("/") if part])


class Renderer:
    """Renders the partials of one build: the build's data, its routes, and the HTML held back
    from MkDocs' Markdown until each page is converted."""

    def __init__(self, data: Dataset, held: HeldHtml, site_url: str = "", history: History | None = None,
                 repo_url: str = "") -> None:
        self.data = data
        self.site_url = site_url
        self.history = history or History(False, "not read")
        self.repo_url = repo_url.rstrip("/")
        self.routes = Routes(data)
        self.held = held
        # Titles and dates by id, for links to other records (one lookup table each per build).
        self.lookups: dict[str, object] = {
            "issue_titles": {i.id: i.title for i in data.issues},
            "round_titles": {r.id: r.title for r in data.rounds},
            "event_titles": {e.id: e.title for e in data.events},
            "deadline_titles": {d.id: d.title for d in data.deadlines},
            "deadline_dues": {d.id: d.due for d in data.deadlines},
            "measure_titles": {m.id: m.title for m in data.measures},
            # The Chinese edition's (None where a record has no Chinese title yet).
            "zh_event_titles": {e.id: e.title_zh for e in data.events},
            "zh_deadline_titles": {d.id: d.title_zh for d in data.deadlines},
            "snaps": {d.id: ledger.snap_backs(data, d.id) for d in data.deadlines if d.measures},
            "precedents": {d.id: precedent.sentence_for(data, d.id) for d in precedent.open_deadlines(data)},
            "record_links": RecordLinks(data, self.routes),
        }

    def render(self, template: str, page_url: str, **context: object) -> str:
        """Render a partial for the page at `page_url` (links are made relative to it)."""
        text = environment().get_template(template).render(
            base=relative_base(page_url), page_url=page_url, today=self.data.today, as_of=self.data.as_of,
            url=self.routes, site_url=self.site_url, changelog=self.history, repo_url=self.repo_url,
            files=self.data.files, **self.lookups, **context,
        )
        return self.held.hold(page_url, label_cells(text))


def markup(value: str) -> Markup:
    """HTML built by trusted code (the chart) for a template."""
    return Markup(value)
