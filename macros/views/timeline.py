"""The timeline: rounds, events and deadlines as dated entries, by quarter and by issue."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.data.records import Deadline, Event, Round, Source
from macros.views import labels
from macros.views.memo import memoized

CATEGORY_ORDER = {"round": 0, "event": 1, "deadline": 2}


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: a round, an event or a deadline."""

    category: str  # round | event | deadline
    kind: str  # a round kind, an event kind, or "deadline"
    kind_label: str
    date: dt.date
    precision: str
    anchor: str
    title: str
    text: str
    issues: tuple[str, ...]
    sources: tuple[Source, ...]
    record: Round | Event | Deadline

    @property
    def has_page(self) -> bool:
        """Rounds have a page of their own; events and deadlines live on the timeline."""
        return self.category == "round"


def anchor(category: str, record_id: str) -> str:
    return f"{category}-{record_id}"


def quarter(day: dt.date) -> str:
    """The timeline page a date falls on: '2025-q2'. Quarters keep every page small and its URL
    stable however much the record grows."""
    return f"{day.year}-q{(day.month - 1) // 3 + 1}"


def round_issues(rnd: Round) -> tuple[str, ...]:
    """Issues a round touched: its agenda plus any named by its tensions or outcomes."""
    named = list(rnd.issues)
    for entry in (*rnd.tensions, *rnd.outcomes):
        named += [i for i in entry.issues if i not in named]
    return tuple(named)


@memoized
def _event_positions(data: Dataset) -> dict[str, int]:
    return {e.record.id: n for n, e in enumerate(timeline_entries(data)) if e.category == "event"}


def event_entries(data: Dataset, event_ids: Iterable[str]) -> list[Entry]:
    """The timeline entries of some events, in timeline order (looked up, not scanned for)."""
    positions = _event_positions(data)
    entries = timeline_entries(data)
    return [entries[n] for n in sorted(positions[i] for i in set(event_ids) if i in positions)]


@memoized
def timeline_entries(data: Dataset) -> list[Entry]:
    """Rounds, events and deadlines in date order (oldest first)."""
    entries = [
        Entry("round", r.kind, labels.ROUND_KIND[r.kind], r.start, "day", anchor("round", r.id),
              r.title, r.summary, round_issues(r), tuple(r.sources), r)
        for r in data.rounds
    ]
    entries += [
        Entry("event", e.kind, labels.event_kind(e.kind, e.between), e.date, e.precision, anchor("event", e.id),
              e.title, e.text, tuple(e.issues), tuple(e.sources), e)
        for e in data.events
    ]
    entries += [
        Entry("deadline", "deadline", "Deadline", d.due, "day", anchor("deadline", d.id),
              d.title, d.text, tuple(d.issues), tuple(d.sources), d)
        for d in data.deadlines
    ]
    return sorted(entries, key=lambda e: (e.date, CATEGORY_ORDER[e.category], e.anchor))


@memoized
def issue_history(data: Dataset, issue_id: str) -> list[Entry]:
    return [e for e in timeline_entries(data) if issue_id in e.issues]


@memoized
def timeline_quarters(data: Dataset) -> dict[str, list[Entry]]:
    """Timeline entries by quarter ('2025-q2'), oldest quarter first."""
    quarters: dict[str, list[Entry]] = {}
    for entry in timeline_entries(data):
        quarters.setdefault(quarter(entry.date), []).append(entry)
    return quarters


def category_counts(entries: list[Entry]) -> dict[str, int]:
    """How many rounds, events and deadlines a list of entries holds."""
    counts = Counter(e.category for e in entries)
    return {k: counts.get(k, 0) for k in CATEGORY_ORDER}


@memoized
def events_by_round(data: Dataset) -> dict[str, list[Entry]]:
    grouped: dict[str, list[Entry]] = {}
    for entry in timeline_entries(data):
        if entry.category == "event" and entry.record.round:
            grouped.setdefault(entry.record.round, []).append(entry)
    return grouped


@memoized
def round_positions(data: Dataset) -> dict[str, int]:
    return {r.id: i for i, r in enumerate(data.rounds)}
