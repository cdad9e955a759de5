"""Views across rounds: who attended, the issue × round matrix, the expectations tally."""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.data.records import ExpectationResult, Person, Round
from macros.views.memo import memoized
from macros.views.timeline import round_issues

RESULTS: tuple[str, ...] = typing.get_args(ExpectationResult)


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


@memoized
def rounds_by_issue(data: Dataset) -> dict[str, list[Round]]:
    """Issue id → the rounds that list it among their issues, newest first."""
    grouped: dict[str, list[Round]] = {issue.id: [] for issue in data.issues}
    for rnd in reversed(data.rounds):
        for issue_id in rnd.issues:
            grouped.setdefault(issue_id, []).append(rnd)
    return grouped


def rounds_attended(data: Dataset, person_id: str) -> list[Round]:
    return _rounds_by_person(data).get(person_id, [])


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


@memoized
def expectation_tally(data: Dataset) -> dict[str, int]:
    """How the expectations recorded before every round turned out, counted from the data."""
    tally = dict.fromkeys(RESULTS, 0)
    for rnd in data.rounds:
        for expectation in rnd.expectations:
            tally[expectation.result] += 1
    return tally
