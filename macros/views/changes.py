"""What changed in the record, newest first, from the repository's history: what a subscriber to
changes.atom and a reader of the What changed page see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.data.history import History
from macros.data.records import Commitment, Estimate, TariffChange
from macros.views import labels

CHANGES_SHOWN = 200  # the page and the feed list this many, newest first (300 made a 170 KB page)


@dataclass(frozen=True)
class ChangeLine:
    date: dt.date
    kind: str
    collection: str
    record_id: str
    title: str
    subject: str
    commit: str

    @property
    def key(self) -> str:
        return f"change-{self.commit[:12]}-{self.collection}-{self.record_id}"


def _title(data: Dataset, collection: str, record_id: str) -> str:
    record = data.by_id.get(collection, {}).get(record_id)
    if record is None:
        return record_id
    for name in ("title", "name"):
        if getattr(record, name, None):
            return getattr(record, name)
    if isinstance(record, Estimate):  # an estimate has no title: say whose figure it is, of what
        return f"{record.publisher}: {record.rate:g}%, {labels.TARIFF_DIRECTION[record.direction]}"
    if isinstance(record, TariffChange):  # nor a tariff change: which way, how much, from when
        direction = labels.TARIFF_DIRECTION_SHORT[record.direction]
        return f"{direction}: {record.rate:g}% from {record.effective.isoformat()}"
    if isinstance(record, Commitment):  # nor a commitment: say whose, made where
        rnd = data.by_id["rounds"].get(record.round)
        return f"{labels.SIDE_SHORT[record.side]} commitment at {rnd.title if rnd else record.round}"
    return record_id


SUBJECT_SHOWN = 140  # characters of a commit's subject the list shows; the commit link has the rest


def _short(subject: str) -> str:
    return subject if len(subject) <= SUBJECT_SHOWN else subject[:SUBJECT_SHOWN].rsplit(" ", 1)[0] + " …"


def recent_changes(data: Dataset, history: History, limit: int = CHANGES_SHOWN) -> list[ChangeLine]:
    lines = [ChangeLine(c.date, c.kind, c.collection, c.record_id, _title(data, c.collection, c.record_id),
                        _short(c.subject), c.commit) for c in reversed(history.changes)]
    return lines[:limit]


def feed_updates(data: Dataset, history: History) -> dict[str, dt.date]:
    """Feed entry key → the day its record last changed (for the `updated` of the feeds)."""
    changed = history.last_changed
    updates: dict[str, dt.date] = {}
    for collection, prefix in (("rounds", "round"), ("events", "event"), ("deadlines", "deadline")):
        for record in getattr(data, collection):
            if (collection, record.id) in changed:
                updates[f"{prefix}-{record.id}"] = changed[(collection, record.id)]
    for measure in data.measures:
        if ("measures", measure.id) in changed:
            for state in measure.states:
                updates[f"measure-{measure.id}-{state.start.isoformat()}"] = changed[("measures", measure.id)]
    for commitment in data.commitments:
        if ("commitments", commitment.id) in changed:
            updates[f"commitment-{commitment.id}-{commitment.status}"] = changed[("commitments", commitment.id)]
    return updates
