"""The one place where text from the data becomes output: HTML, Markdown headings, CSV cells,
calendar and feed text, and URLs.

Data Markdown is rendered to HTML once, by one renderer, and sanitised as the last step with one
allow-list; nothing parses that HTML as Markdown again (see render.held). Every other output
escapes through the functions here.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup, escape

ALLOWED_TAGS = frozenset({"p", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "br", "del"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Markdown's special characters, except inside the character references that HTML escaping made.
_MD_SPECIAL = re.compile(r"(&#\d+;)|([\\`*_{}\[\]()#+!|<>~])")
# Spreadsheets run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters other than tab and newline: never part of a title or a text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_MARKDOWN = markdown.Markdown(extensions=["sane_lists"], output_format="html")

text = escape  # plain text into HTML: every <, >, &, ' and " escaped


def theme_text(value: object) -> str:
    """Plain text for a text node of the theme's templates, which do not autoescape (titles,
    tags): <, > and & escaped; quotes kept, as they need no escaping outside attributes."""
    return html.escape(str(value), quote=False)


def _sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
    )


# Texts kept rendered: enough for every text of a record 100 times today's (at 20,000 the 100x record
# evicted entries before the issue-year pages showed them again, and each was rendered anew).
MARKDOWN_CACHE = 200_000


@lru_cache(maxsize=MARKDOWN_CACHE)
def markdown_html(source: str) -> Markup:
    """Markdown from a data file → sanitised HTML (no raw HTML, only http(s)/mailto and
    same-site links). One converter is reused, and results are cached: the same entry appears
    on its timeline page, its issues' pages and the home page."""
    return Markup(_sanitise(_MARKDOWN.reset().convert(source)))


@lru_cache(maxsize=MARKDOWN_CACHE)
def markdown_inline(source: str) -> Markup:
    """Like markdown_html, without the wrapping paragraph (for short text in lists and tables)."""
    html = str(markdown_html(source))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def heading(value: object) -> Markup:
    """Plain text made safe for a Markdown heading line: HTML-escaped once, Markdown-escaped."""
    return Markup(_MD_SPECIAL.sub(lambda m: m.group(1) or "\\" + m.group(2), str(escape(value))))


def plain(value: str) -> str:
    """Text for formats that escape their own syntax (iCalendar, Atom, JSON): control
    characters out, everything else kept as written."""
    return _CONTROL.sub("", value)


def csv_cell(value: object) -> object:
    """A CSV value that a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_url(url: str) -> str:
    """A link target from the data, or '#' where its scheme is not allowed."""
    cleaned = plain(url).strip()
    scheme = urlsplit(cleaned).scheme.lower()
    if scheme and scheme not in URL_SCHEMES:
        return "#"
    return cleaned


_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def bibtex_text(value: str) -> str:
    """Text for a BibTeX field: TeX's special characters escaped, control characters dropped."""
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in plain(value))
