"""The one list of collections: each folder of data/, its record type, how its files hold records,
how the Dataset orders it, and the word a record link or a reference uses for one of its records.

The loader, the Dataset, the check, the history reader, the schemas and the views read this list;
a new collection is one line here (plus its model in records.py and its label in views/labels.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from macros.data.records import (
    RECORD_KINDS,
    Commitment,
    Deadline,
    Estimate,
    Event,
    Gap,
    GlossaryTerm,
    Issue,
    Measure,
    Person,
    Purchase,
    Round,
    TariffChange,
)

_SINGULAR_OF = {folder: single for single, folder in RECORD_KINDS.items()}


@dataclass(frozen=True)
class Collection:
    """A folder of data/ and the Dataset field of the same name."""

    name: str
    model: type[BaseModel]
    one_per_file: bool
    sort_key: Callable[[Any], Any]
    singular: str
    # A gap records what was not found: it is not a fact, so it carries no weight in the data's
    # horizon, the coverage counts or the citation list.
    is_fact: bool = True
    # Changes to its records are news to a reader (the What changed page and changes.atom).
    in_history: bool = True

    @property
    def linkable(self) -> bool:
        """Whether data Markdown may link to its records ([words](round:<id>))."""
        return _SINGULAR_OF.get(self.name) == self.singular


def _collection(name: str, model: type[BaseModel], sort_key: Callable[[Any], Any], singular: str,
                one_per_file: bool = False, is_fact: bool = True, in_history: bool = True) -> Collection:
    return Collection(name, model, one_per_file, sort_key, singular, is_fact, in_history)


COLLECTIONS: tuple[Collection, ...] = (
    _collection("rounds", Round, lambda r: (r.start, r.id), "round", one_per_file=True),
    _collection("issues", Issue, lambda i: i.title.lower(), "issue", one_per_file=True),
    _collection("events", Event, lambda e: (e.date, e.id), "event"),
    _collection("deadlines", Deadline, lambda d: (d.due, d.id), "deadline"),
    _collection("people", Person, lambda p: (p.country, p.name), "person"),
    _collection("tariffs", TariffChange, lambda t: (t.direction, t.effective, t.id), "tariff change"),
    _collection("gaps", Gap, lambda g: (g.issues[0], g.id), "gap", is_fact=False),
    _collection("measures", Measure, lambda m: (m.side != "us", m.kind, m.states[0].start, m.id), "measure"),
    _collection("commitments", Commitment, lambda c: (c.round, c.side != "us", c.id), "commitment"),
    _collection("purchases", Purchase, lambda p: (p.counting_from, p.id), "purchase"),
    _collection("estimates", Estimate, lambda e: (e.as_of, e.direction, e.id), "estimate"),
    # The Chinese the site uses for English terms; like a gap, not a fact on record.
    _collection("glossary", GlossaryTerm, lambda t: (t.en.lower(), t.id), "glossary term", is_fact=False,
                in_history=False),
)
BY_NAME: dict[str, Collection] = {c.name: c for c in COLLECTIONS}
FACTS: tuple[str, ...] = tuple(c.name for c in COLLECTIONS if c.is_fact)
ONE_PER_FILE: tuple[str, ...] = tuple(c.name for c in COLLECTIONS if c.one_per_file)
SINGULAR: dict[str, str] = {c.name: c.singular for c in COLLECTIONS}
IN_HISTORY: frozenset[str] = frozenset(c.name for c in COLLECTIONS if c.in_history)
