"""Render records to page fragments with Jinja partials from macros/templates/.

Data text is never a template: it reaches Jinja only as values, autoescaped, and the
Markdown in text fields is converted here and sanitised before it is marked safe.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import markdown
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from macros import html_blocks, paging, views
from macros.dataset import Dataset

TEMPLATES = Path(__file__).parent / "templates"
_ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "br", "del"}
# Markdown's special characters, except inside the character references that HTML escaping made.
_MD_SPECIAL = re.compile(r"(&#\d+;)|([\\`*_{}\[\]()#+!|<>~])")


_MARKDOWN = markdown.Markdown(extensions=["sane_lists"], output_format="html")


@lru_cache(maxsize=20000)
def markdown_html(text: str) -> Markup:
    """Markdown from a data file → sanitised HTML (no raw HTML, only http(s)/mailto links).

    One converter is reused, and results are cached: the same entry appears on its timeline
    page, its issues' pages and the home page."""
    html = _MARKDOWN.reset().convert(text)
    clean = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return Markup(clean)


@lru_cache(maxsize=20000)
def markdown_inline(text: str) -> Markup:
    """Like markdown_html, without the wrapping paragraph (for short text in lists and tables)."""
    html = str(markdown_html(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def heading_text(text: str) -> Markup:
    """Plain text made safe for a Markdown heading line: HTML-escaped once, Markdown-escaped."""
    return Markup(_MD_SPECIAL.sub(lambda m: m.group(1) or "\\" + m.group(2), str(escape(text))))


def human_date(value: dt.date, precision: str = "day") -> str:
    if precision == "month":
        return value.strftime("%B %Y")
    return f"{value.day} {value.strftime('%B %Y')}"


def date_range(start: dt.date, end: dt.date) -> str:
    if start == end:
        return human_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end.strftime('%B %Y')}"
    if start.year == end.year:
        return f"{start.day} {start.strftime('%B')} – {end.day} {end.strftime('%B %Y')}"
    return f"{human_date(start)} – {human_date(end)}"


def relative_base(page_url: str) -> str:
    """The prefix that leads from a page's URL back to the site root ('' for the home page)."""
    directory = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    depth = len([part for part in directory.split("/") if part])
    return "../" * depth


class _HeadingMarkingLoader(FileSystemLoader):
    """Loads partials with their Markdown heading lines marked (see html_blocks)."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        return html_blocks.mark_headings(source), filename, uptodate


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
        md=markdown_html,
        md_inline=markdown_inline,
        heading=heading_text,
        human_date=human_date,
        date_range=date_range,
    )
    env.globals.update(views=views, paging=paging)
    return env


def render(template: str, data: Dataset, page_url: str, **context: object) -> str:
    """Render a partial for the page at `page_url` (links are made relative to it).

    The HTML blocks are held aside until Markdown is done (see html_blocks)."""
    text = environment().get_template(template).render(
        data=data, base=relative_base(page_url), today=data.today, **context
    )
    return html_blocks.hold(page_url, text)
