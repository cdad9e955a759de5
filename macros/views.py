"""Views derived from the Dataset: timeline entries, issue histories, deadline chains, URLs.

Everything here is a pure function of the Dataset, so pages, exports and feeds agree.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from macros.dataset import Dataset
from macros.model import Deadline, Event, Person, Round, Source, sources_in

P = ParamSpec("P")
R = TypeVar("R")


def memoized(view: Callable[P, R]) -> Callable[P, R]:
    """Compute a view of the Dataset once per build: many pages ask for the same one."""

    @functools.wraps(view)
    def wrapper(data: Dataset, *args: object) -> R:  # type: ignore[valid-type]
        key = (view.__name__, *args)
        if key not in data.memo:
            data.memo[key] = view(data, *args)
        return data.memo[key]  # type: ignore[return-value]

    return wrapper  # type: ignore[return-value]


ROUND_KIND_LABELS = {"talks": "Round of talks", "leaders-meeting": "Leaders' meeting"}
EVENT_KIND_LABELS = {
    "call": "Leaders' call",
    "meeting": "Meeting",
    "tariff-action": "Tariff action",
    "export-control": "Export control",
    "executive-order": "Executive order",
    "announcement": "Announcement",
    "ruling": "Court ruling",
    "statement": "Statement",
    "purchase": "Purchase",
    "legislation": "Legislation",
    "other": "Other",
}
SIDE_LABELS = {"us": "United States", "cn": "China", "both": "Both sides"}
STATUS_LABELS = {
    "pending": "Pending",
    "met": "Met",
    "extended": "Extended",
    "lapsed": "Lapsed",
    "superseded": "Superseded",
    "unknown": "Outcome unknown",
}


def round_url(round_id: str) -> str:
    return f"rounds/{round_id}/"


def issue_url(issue_id: str) -> str:
    return f"issues/{issue_id}/"


def person_url(person_id: str) -> str:
    return f"people/{person_id}/"


def timeline_anchor(category: str, record_id: str) -> str:
    return f"{category}-{record_id}"


def quarter(day: dt.date) -> str:
    """The timeline page a date falls on: '2025-q2'. Quarters keep every page small and its URL
    stable however much the record grows."""
    return f"{day.year}-q{(day.month - 1) // 3 + 1}"


def quarter_label(name: str) -> str:
    year, q = name.split("-q")
    months = {"1": "January–March", "2": "April–June", "3": "July–September", "4": "October–December"}[q]
    return f"{months} {year}"


def timeline_page(day: dt.date) -> str:
    return f"timeline/{quarter(day)}/"


def timeline_url(category: str, record_id: str, day: dt.date) -> str:
    return f"{timeline_page(day)}#{timeline_anchor(category, record_id)}"


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
    page: str | None  # site-relative URL of the record's own page, if it has one
    record: Round | Event | Deadline

    @property
    def url(self) -> str:
        """Where the entry sits on the timeline."""
        return f"{timeline_page(self.date)}#{self.anchor}"


def round_issues(rnd: Round) -> tuple[str, ...]:
    """Issues a round touched: its agenda plus any named by its tensions or outcomes."""
    named = list(rnd.issues)
    for entry in (*rnd.tensions, *rnd.outcomes):
        named += [i for i in entry.issues if i not in named]
    return tuple(named)


@memoized
def timeline_entries(data: Dataset) -> list[Entry]:
    """Rounds, events and deadlines in date order (oldest first)."""
    entries = [
        Entry("round", r.kind, ROUND_KIND_LABELS[r.kind], r.start, "day", timeline_anchor("round", r.id),
              r.title, r.summary, round_issues(r), tuple(r.sources), round_url(r.id), r)
        for r in data.rounds
    ]
    entries += [
        Entry("event", e.kind, EVENT_KIND_LABELS[e.kind], e.date, e.precision, timeline_anchor("event", e.id),
              e.title, e.text, tuple(e.issues), tuple(e.sources), None, e)
        for e in data.events
    ]
    entries += [
        Entry("deadline", "deadline", "Deadline", d.due, "day", timeline_anchor("deadline", d.id),
              d.title, d.text, tuple(d.issues), tuple(d.sources), None, d)
        for d in data.deadlines
    ]
    order = {"round": 0, "event": 1, "deadline": 2}
    return sorted(entries, key=lambda e: (e.date, order[e.category], e.anchor))


@memoized
def issue_history(data: Dataset, issue_id: str) -> list[Entry]:
    return [e for e in timeline_entries(data) if issue_id in e.issues]


def role_at(person: Person, when: dt.date) -> str:
    """The person's title on a date: the role whose dates cover it, else the first listed."""
    for role in person.roles:
        if (role.start is None or role.start <= when) and (role.end is None or when <= role.end):
            return role.title
    return person.roles[0].title


@memoized
def _rounds_by_person(data: Dataset) -> dict[str, list[Round]]:
    """Person id → rounds in data order, built in one pass (a scan per person is quadratic)."""
    attended: dict[str, list[Round]] = {}
    for rnd in data.rounds:
        for person_id in dict.fromkeys(m.person for m in (*rnd.delegations.us, *rnd.delegations.cn)):
            attended.setdefault(person_id, []).append(rnd)
    return attended


def rounds_attended(data: Dataset, person_id: str) -> list[Round]:
    return _rounds_by_person(data).get(person_id, [])


def deadline_status(deadline: Deadline, today: dt.date) -> str:
    """The status a reader sees: a past deadline with no sourced outcome is never shown settled."""
    if deadline.status in ("pending", "unknown") and deadline.due < today:
        return "outcome not yet recorded"
    return STATUS_LABELS[deadline.status]


@memoized
def upcoming_deadlines(data: Dataset) -> list[Deadline]:
    return [d for d in data.deadlines if d.status == "pending" and d.due >= data.today]


@memoized
def overdue_deadlines(data: Dataset) -> list[Deadline]:
    """Past deadlines whose outcome no source reports yet."""
    return [d for d in data.deadlines if d.status in ("pending", "unknown") and d.due < data.today]


def deadline_chain(data: Dataset, deadline_id: str) -> list[Deadline]:
    """The whole chain a deadline belongs to, from the first date to the last replacement."""
    predecessor = {d.replaced_by: d.id for d in data.deadlines if d.replaced_by}
    first = deadline_id
    while first in predecessor:
        first = predecessor[first]
    chain = [data.by_id["deadlines"][first]]
    while chain[-1].replaced_by:
        chain.append(data.by_id["deadlines"][chain[-1].replaced_by])
    return chain


@memoized
def deadline_chains(data: Dataset) -> list[list[Deadline]]:
    """Every chain of deadlines (a deadline and what replaced it, and so on), oldest first."""
    replaced = {d.replaced_by for d in data.deadlines if d.replaced_by}
    heads = [d for d in data.deadlines if d.id not in replaced]
    return [deadline_chain(data, head.id) for head in heads]


@dataclass(frozen=True)
class MatrixCell:
    on_agenda: bool
    outcome: bool  # an outcome of the round names the issue: something moved


@memoized
def issue_round_matrix(data: Dataset) -> dict[tuple[str, str], MatrixCell]:
    """(issue id, round id) → whether the issue was on the table, and whether it moved."""
    cells = {}
    for rnd in data.rounds:
        touched = set(round_issues(rnd))
        moved = {i for outcome in rnd.outcomes for i in outcome.issues}
        for issue in data.issues:
            if issue.id in touched:
                cells[(issue.id, rnd.id)] = MatrixCell(True, issue.id in moved)
    return cells


RESULTS = ("met", "partly", "not-met", "unknown")


@memoized
def expectation_tally(data: Dataset) -> dict[str, int]:
    """How the expectations recorded before every round turned out, counted from the data."""
    tally = dict.fromkeys(RESULTS, 0)
    for rnd in data.rounds:
        for expectation in rnd.expectations:
            tally[expectation.result] += 1
    return tally


@dataclass(frozen=True)
class Citation:
    """One place that cites a source: what kind of record, which one, and where it lives."""

    label: str
    url: str


@memoized
def record_citations(data: Dataset) -> list[tuple[object, Citation]]:
    """Every record with a label and the URL where a reader finds it."""
    records: list[tuple[object, Citation]] = []
    records += [(r, Citation(f"Round: {r.title}", round_url(r.id))) for r in data.rounds]
    records += [(i, Citation(f"Issue: {i.title}", issue_url(i.id))) for i in data.issues]
    records += [(e, Citation(f"Event: {e.title}", timeline_url("event", e.id, e.date))) for e in data.events]
    records += [(d, Citation(f"Deadline: {d.title}", timeline_url("deadline", d.id, d.due))) for d in data.deadlines]
    records += [(p, Citation(f"Person: {p.name}", person_url(p.id))) for p in data.people]
    from macros.paging import tariff_url  # paging builds on views

    records += [(t, Citation(f"Tariff change: {t.rate:g}% from {t.effective.isoformat()}", tariff_url(data, t.id)))
                for t in data.tariffs]
    return records


@memoized
def citations(data: Dataset) -> dict[str, tuple[Source, list[Citation]]]:
    """Every source URL → the source (first seen) and every record citing it."""
    index: dict[str, tuple[Source, list[Citation]]] = {}
    for record, citation in record_citations(data):
        for _, source in sources_in(record):
            entry = index.setdefault(source.url, (source, []))
            if citation not in entry[1]:
                entry[1].append(citation)
    return index


@memoized
def round_positions(data: Dataset) -> dict[str, int]:
    return {r.id: i for i, r in enumerate(data.rounds)}


@memoized
def events_by_round(data: Dataset) -> dict[str, list[Entry]]:
    grouped: dict[str, list[Entry]] = {}
    for entry in timeline_entries(data):
        if entry.category == "event" and entry.record.round:
            grouped.setdefault(entry.record.round, []).append(entry)
    return grouped
