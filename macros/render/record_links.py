"""Links to other records inside data Markdown: [words](event:<id>) becomes a link to where the
record is shown, and [](event:<id>) shows the record's own title. So prose names records by their
titles, linked, while the data keeps ids (the check refuses a link that names no record).

A resolved link points at ROOT, a placeholder for the way back to the site's root: the rendered,
sanitised HTML of a text is the same on every page (and cached once), and each page, feed or
download puts its own root in (`rebase`)."""

from __future__ import annotations

import re

from markupsafe import Markup

from macros.data.dataset import Dataset
from macros.data.records import RECORD_KINDS, RECORD_LINK
from macros.render import safe
from macros.views.routes import Routes

ROOT = "/~ttt-root~/"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


class RecordLinks:
    """Resolves record links for one build."""

    def __init__(self, data: Dataset, routes: Routes) -> None:
        self.data = data
        self.routes = routes
        self._resolved: dict[tuple[str, str], str] = {}

    def title(self, kind: str, record_id: str, edition: str = "") -> str:
        record = self.data.by_id[RECORD_KINDS[kind]][record_id]
        chinese = (getattr(record, "title_zh", None) or getattr(record, "name_zh", None)) if edition else None
        return chinese or getattr(record, "title", None) or getattr(record, "name", None) or record_id

    def resolve(self, source: str, edition: str = "") -> str:
        """The Markdown with every record link pointing at its record (under ROOT). In the Chinese
        edition (`edition` "zh/"), at the record's Chinese page, named by its Chinese title: every
        kind of record a link may name has its place there at the same path under zh/."""
        if "](" not in source:
            return source
        found = self._resolved.get((edition, source))
        if found is None:
            found = self._resolved[(edition, source)] = RECORD_LINK.sub(lambda link: self._one(link, edition), source)
        return found

    def _one(self, link: re.Match[str], edition: str) -> str:
        words, kind, record_id = link.groups()
        record = self.data.by_id[RECORD_KINDS[kind]].get(record_id)
        if record is None:  # the check refuses this; a preview of broken data shows the words alone
            return words or record_id
        shown = words.strip() or _MD_SPECIAL.sub(r"\\\1", self.title(kind, record_id, edition))
        return f"[{shown}]({ROOT}{edition}{self.routes.record(record)})"

    def html(self, source: str, base: str, edition: str = "") -> Markup:
        """Data Markdown → sanitised HTML, its record links made relative to `base`."""
        return rebase(safe.markdown_html(self.resolve(source, edition)), base)

    def inline(self, source: str, base: str, edition: str = "") -> Markup:
        return rebase(safe.markdown_inline(self.resolve(source, edition)), base)


def rebase(html: Markup, base: str) -> Markup:
    """Put a page's way back to the root (or a site's address) in place of ROOT."""
    if ROOT not in html:
        return html
    return Markup(str(html).replace(f'href="{ROOT}', f'href="{base}'))
