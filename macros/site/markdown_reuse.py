"""Under `mkdocs serve --dirty`: after an edit that changes only the words of records (a title, a
name, a summary, a text), write again only the generated pages that show them, and keep the
Markdown (and held HTML) of every other page from the previous build.

Which pages show a record is read from their previous output: a page that shows a record's words
links to it or carries its anchor (its id is in the page), or shows its old title. Anything else
(a record added or removed, a date, a reference, a status, a source, the day) may move records
between pages or change what lists hold, so every page is written again. A full `mkdocs build`
never uses this; a test checks that what the preview serves is byte for byte a full render.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from html import escape

from markupsafe import escape as autoescape

from macros.data.collections import COLLECTIONS
from macros.data.dataset import Dataset
from macros.data.translation_checks import PAIRS

# A record's words (in either language, as the translation check pairs them); the rest is structure.
PROSE = tuple(name for pair in PAIRS for name in pair)


def _structure(record: object) -> str:
    """A digest of everything about a record but its words."""
    dumped = record.model_dump(mode="json", exclude=set(PROSE))  # type: ignore[attr-defined]
    return hashlib.blake2b(json.dumps(dumped, sort_keys=True, default=str).encode(), digest_size=16).hexdigest()


def _words(record: object) -> dict[str, str]:
    return {name: value for name in PROSE if isinstance(value := getattr(record, name, None), str)}


@dataclass
class Stored:
    markdown: str
    blocks: list[str]
    text: str  # what the page shows: its Markdown and held HTML, to search for ids and titles


@dataclass
class MarkdownReuse:
    """The previous build's records and generated pages' Markdown."""

    dataset: Dataset | None = None  # kept alive, so that unchanged records keep their identity
    records: dict[tuple[str, str], tuple[object, str]] = field(default_factory=dict)  # → (record, structure)
    pages: dict[str, Stored] = field(default_factory=dict)  # page URL → what it was
    changed: list[tuple[str, dict[str, str]]] | None = None  # (id, old words) of this build, None: all pages
    written: int = 0
    shared: tuple[object, ...] = ()

    def start(self, data: Dataset, shared: tuple[object, ...]) -> None:
        """Compare the new data with the previous build's; `shared`: what every page depends on."""
        previous, records = self.records, {}
        changed: list[tuple[str, dict[str, str]]] | None = []
        for collection in COLLECTIONS:
            for record in getattr(data, collection.name):
                key = (collection.name, record.id)
                before = previous.get(key)
                if before is not None and before[0] is record:  # from a file that did not change
                    records[key] = before
                    continue
                records[key] = (record, _structure(record))
                if changed is None:
                    continue
                if before is None or before[1] != records[key][1]:
                    changed = None
                elif _words(before[0]) != _words(record):
                    changed.append((record.id, _words(before[0])))
        if set(records) != set(previous) or self.dataset is None or (data.today, *shared) != self.shared:
            changed = None
        self.records, self.changed, self.written = records, changed, 0
        self.dataset, self.shared = data, (data.today, *shared)

    def reusable(self, url: str) -> Stored | None:
        """The page's previous Markdown if nothing it shows changed, else None."""
        stored = self.pages.get(url)
        if stored is None or self.changed is None:
            return None
        for record_id, words in self.changed:
            titles = [text for name, text in words.items() if name in ("title", "name")]
            if record_id in stored.text or any(form in stored.text for text in titles
                                               for form in (text, escape(text, quote=False), str(autoescape(text)))):
                return None
        return stored

    def keep(self, url: str, markdown: str, blocks: list[str]) -> None:
        self.pages[url] = Stored(markdown, list(blocks), markdown + "\n".join(blocks))
        self.written += 1

    def forget(self) -> None:
        self.dataset, self.records, self.pages, self.changed = None, {}, {}, None
