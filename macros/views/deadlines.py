"""Deadlines as a reader needs them: what is ahead, what passed without a sourced outcome, chains."""

from __future__ import annotations

import datetime as dt

from macros.data.dataset import Dataset
from macros.data.records import Deadline
from macros.views import labels
from macros.views.memo import memoized


def display_status(deadline: Deadline, today: dt.date) -> str:
    """The status a reader sees: a past deadline with no sourced outcome is never shown settled."""
    if deadline.status in ("pending", "unknown") and deadline.due < today:
        return labels.PASSED_WITHOUT_OUTCOME
    return labels.DEADLINE_STATUS[deadline.status]


@memoized
def upcoming(data: Dataset) -> list[Deadline]:
    return [d for d in data.deadlines if d.status == "pending" and d.due >= data.today]


@memoized
def overdue(data: Dataset) -> list[Deadline]:
    """Past deadlines whose outcome no source reports yet."""
    return [d for d in data.deadlines if d.status in ("pending", "unknown") and d.due < data.today]


@memoized
def _predecessors(data: Dataset) -> dict[str, str]:
    """Deadline id → the id of the deadline it replaced."""
    return {d.replaced_by: d.id for d in data.deadlines if d.replaced_by}


def chain(data: Dataset, deadline_id: str) -> list[Deadline]:
    """The whole chain a deadline belongs to, from the first date to the last replacement."""
    predecessor = _predecessors(data)
    first = deadline_id
    while first in predecessor:
        first = predecessor[first]
    steps = [data.by_id["deadlines"][first]]
    while steps[-1].replaced_by:
        steps.append(data.by_id["deadlines"][steps[-1].replaced_by])
    return steps


@memoized
def chains(data: Dataset) -> list[list[Deadline]]:
    """Every chain of deadlines (a deadline and what replaced it, and so on), oldest first."""
    replaced = {d.replaced_by for d in data.deadlines if d.replaced_by}
    heads = [d for d in data.deadlines if d.id not in replaced]
    return [chain(data, head.id) for head in heads]
