"""The whole record as one picture: truce periods, talks, deadlines, the headline tariff each way,
and one lane of events per issue — every mark derived from the data."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.data.records import Deadline, Event, Round
from macros.views import deadlines as deadline_views
from macros.views import labels, ledger
from macros.views.memo import memoized
from macros.views.timeline import round_issues

TALK_EVENT_KINDS = ("call", "meeting")
LANE_LIMIT = 80  # past this many marks, a lane counts them per month (then per quarter, year, decade) instead
GRAINS = ("month", "quarter", "year", "decade")
ISSUE_MARKS_LIMIT = 320  # all issue lanes together
ISSUE_LANES = 12  # past this many issues, the busiest keep a lane and the rest share one
OTHER_ISSUES = "other-issues"


def bucket(day: dt.date, grain: str) -> dt.date:
    """The first day of the month, quarter, year or decade a day falls in."""
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if grain == "decade":
        return dt.date(day.year - day.year % 10, 1, 1)
    return day.replace(month=1, day=1)


def _period_label(start: dt.date, grain: str) -> str:
    if grain == "month":
        return labels.month_year(start)
    if grain == "quarter":
        return labels.quarter(f"{start.year}-q{(start.month - 1) // 3 + 1}")
    if grain == "decade":
        return f"{start.year}s"
    return str(start.year)


@dataclass(frozen=True)
class Band:
    """A truce period: from the day the suspensions governed by a deadline began to its due date."""

    deadline: Deadline
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Mark:
    """One mark in a lane: a round, a call, a deadline or an event."""

    lane: str  # "talks", "deadlines" or an issue id
    date: dt.date
    end: dt.date
    title: str
    record: Round | Event | Deadline | None  # None: a period's entries (count > 0)
    style: str  # CSS modifier: round kind, event kind, deadline outcome, or the period's weight
    count: int = 1
    grain: str = ""  # for a period's entries: month, quarter, year or decade


@dataclass(frozen=True)
class Overview:
    start: dt.date
    end: dt.date
    bands: tuple[Band, ...]
    marks: tuple[Mark, ...]
    lanes: tuple[tuple[str, str], ...]  # (lane id, label) top to bottom, talks and deadlines first
    tariffs: dict[str, list[ledger.Step]]


def _periods(lane: str, items: dict[dt.date, list[str]], grain: str) -> list[Mark]:
    marks = []
    for start, titles in sorted(items.items()):
        weight = "1" if len(titles) == 1 else "2" if len(titles) <= 3 else "3"
        title = f"{len(titles)} entr{'y' if len(titles) == 1 else 'ies'} in {_period_label(start, grain)}"
        marks.append(Mark(lane, start, start, title, None, weight, len(titles), grain))
    return marks


def _grain(dates: list[dt.date], limit: int) -> str:
    """The finest of month, quarter, year and decade that keeps the number of marks within `limit`."""
    for grain in GRAINS[:-1]:
        if len({bucket(d, grain) for d in dates}) <= limit:
            return grain
    return GRAINS[-1]


def _bounded(marks: list[Mark]) -> list[Mark]:
    """A lane's marks one by one, or per period once there are more than LANE_LIMIT of them."""
    if len(marks) <= LANE_LIMIT:
        return marks
    grain = _grain([m.date for m in marks], LANE_LIMIT)
    periods: dict[dt.date, list[str]] = {}
    for mark in marks:
        periods.setdefault(bucket(mark.date, grain), []).append(mark.title)
    return _periods(marks[0].lane, periods, grain)


def deadline_style(deadline: Deadline, today: dt.date) -> str:
    if deadline.status in ("pending", "unknown"):
        return "not-recorded" if deadline.due < today else "pending"
    return deadline.status


@memoized
def truce_bands(data: Dataset) -> list[Band]:
    """Each truce deadline's period, derived from the measures whose suspension runs to it."""
    bands = []
    for deadline in data.deadlines:
        if deadline.kind != "truce" or not deadline.measures:
            continue
        starts = [state.start for m in deadline.measures for state in data.by_id["measures"][m].states
                  if state.until == deadline.id]
        if starts:
            bands.append(Band(deadline, min(starts), deadline.due))
    return bands


@memoized
def overview(data: Dataset) -> Overview:
    dates = [r.start for r in data.rounds] + [e.date for e in data.events] + [d.due for d in data.deadlines]
    start = min(dates, default=data.today).replace(month=1, day=1)
    last = max([*dates, data.as_of])
    end = dt.date(last.year, 12, 31)
    talks = [Mark("talks", r.start, r.end, r.title, r, r.kind) for r in data.rounds]
    talks += [Mark("talks", e.date, e.date, e.title, e, e.kind) for e in data.events if e.kind in TALK_EVENT_KINDS]
    due = [Mark("deadlines", d.due, d.due, d.title, d, deadline_style(d, data.today)) for d in data.deadlines]
    marks = [*_bounded(talks), *_bounded(due)]
    # Issue lanes count entries per month (per quarter or year for a long record), so the picture
    # stays bounded however dense the record grows; each mark links to that period narrowed to the issue.
    entries: list[tuple[str, dt.date, str]] = []
    for event in data.events:
        if event.kind not in TALK_EVENT_KINDS:
            entries += [(issue, event.date, event.title) for issue in event.issues]
    for rnd in data.rounds:
        entries += [(issue, rnd.start, rnd.title) for issue in round_issues(rnd)]
    busiest = [i for i, _ in Counter(issue for issue, _, _ in entries).most_common()]
    shown = set(busiest if len(busiest) <= ISSUE_LANES else busiest[: ISSUE_LANES - 1])
    entries = [(issue if issue in shown else OTHER_ISSUES, day, title) for issue, day, title in entries]
    grain = "month"
    for grain in GRAINS:
        if len({(issue, bucket(day, grain)) for issue, day, _ in entries}) <= ISSUE_MARKS_LIMIT:
            break
    by_issue: dict[str, dict[dt.date, list[str]]] = {}
    for issue, day, title in entries:
        by_issue.setdefault(issue, {}).setdefault(bucket(day, grain), []).append(title)
    for issue, periods in by_issue.items():
        marks += _periods(issue, periods, grain)
    lanes = (("talks", "Rounds, meetings and calls"), ("deadlines", "Deadlines"),
             *((i.id, i.title) for i in data.issues if i.id in shown))
    if len(shown) < len(busiest):
        lanes += ((OTHER_ISSUES, f"{len(busiest) - len(shown)} other issues"),)
    tariffs = {side: ledger.tariff_steps(data, side) for side in ledger.SIDES}
    return Overview(start, end, tuple(truce_bands(data)), tuple(sorted(marks, key=lambda m: (m.date, m.lane))),
                    lanes, tariffs)


def deadline_outcome_label(style: str) -> str:
    return {"pending": "ahead", "not-recorded": labels.PASSED_WITHOUT_OUTCOME}.get(
        style, labels.DEADLINE_STATUS.get(style, style).lower())


def quarter_only_scheduled(data: Dataset, entries: list) -> bool:
    """A quarter whose every entry is a deadline still ahead: nothing in it has happened yet."""
    upcoming = {d.id for d in deadline_views.upcoming(data)}
    return bool(entries) and all(e.category == "deadline" and e.record.id in upcoming for e in entries)
