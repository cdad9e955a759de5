"""The state of the truce, computed from the measures and commitments: what is in force or
suspended on a date, what snaps back at a deadline, the headline tariff by legal authority, and
the commitments ledger. Nothing here is written by hand in the data."""

from __future__ import annotations

import datetime as dt
import typing
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from macros.data.dataset import Dataset
from macros.data.records import Commitment, CommitmentStatus, Deadline, Measure, MeasureState, Side, is_relayed
from macros.views.memo import memoized

T = TypeVar("T")
ACTIVE = ("in-force", "suspended")
SIDES: tuple[str, ...] = typing.get_args(Side)
COMMITMENT_STATUSES: tuple[str, ...] = typing.get_args(CommitmentStatus)
# The headline tariff each side applies to the other's goods is the sum of its across-the-board
# tariff measures in force.
DIRECTION_OF_SIDE = {"us": "us-on-cn", "cn": "cn-on-us"}


def state_on(measure: Measure, day: dt.date) -> MeasureState | None:
    """The measure's state on a day: the last state that began on or before it (None before the
    first). A last state stays open: the record never assumes what followed it."""
    found = None
    for state in measure.states:
        if state.start > day:
            break
        found = state
    return found


def state_end(measure: Measure, state: MeasureState) -> dt.date | None:
    """The day the next state began (None while the state is the last on record)."""
    states = list(measure.states)
    position = states.index(state)
    return states[position + 1].start if position + 1 < len(states) else None


@dataclass(frozen=True)
class Standing:
    """One measure's standing on a date."""

    measure: Measure
    state: MeasureState
    since: dt.date  # when the measure entered its current status (rate changes within it don't count)

    @property
    def status(self) -> str:
        return self.state.status


def _status_since(measure: Measure, state: MeasureState) -> dt.date:
    states = list(measure.states)
    position = states.index(state)
    while position > 0 and states[position - 1].status == state.status:
        position -= 1
    return states[position].start


def standing_on(data: Dataset, day: dt.date) -> list[Standing]:
    """Every measure in force or suspended on `day`, U.S. first, oldest first within a side."""
    found = []
    for measure in data.measures:
        state = state_on(measure, day)
        if state is not None and state.status in ACTIVE:
            found.append(Standing(measure, state, _status_since(measure, state)))
    return sorted(found, key=lambda s: (SIDES.index(s.measure.side), s.since, s.measure.id))


@memoized
def standing_at_horizon(data: Dataset) -> list[Standing]:
    return standing_on(data, data.as_of)


@dataclass(frozen=True)
class SnapBack:
    """What a measure returns to if the suspension that runs to a deadline lapses."""

    measure: Measure
    suspended: MeasureState  # the state that runs until the deadline
    rate: float | None  # tariffs: the rate in force if it lapses (in force now + suspended points)
    after: MeasureState | None  # the state that followed the suspension on record, if any

    @property
    def still_suspended(self) -> bool:
        """Nothing on record followed the governed state: the deadline decides what comes next."""
        return self.after is None

    @property
    def ends(self) -> bool:
        """The governed state is in force until the deadline (a statutory end): at it the measure
        ends, rather than returning to force."""
        return self.suspended.status == "in-force" and self.suspended.suspended_rate is None


def _rate_before_suspension(measure: Measure, suspended: MeasureState) -> float | None:
    states = list(measure.states)
    for state in reversed(states[: states.index(suspended)]):
        if state.status == "in-force":
            return state.rate
    return None


@memoized
def snap_backs(data: Dataset, deadline_id: str) -> list[SnapBack]:
    """For each measure the deadline governs: what it returns to if the suspension lapses."""
    deadline: Deadline = data.by_id["deadlines"][deadline_id]
    result = []
    for measure_id in deadline.measures:
        measure: Measure = data.by_id["measures"][measure_id]
        runs_to = [s for s in measure.states if s.until == deadline.id]
        suspended = runs_to[-1]
        if suspended.suspended_rate is not None:
            rate = (suspended.rate or 0) + suspended.suspended_rate
        elif suspended.status == "in-force":
            rate = 0.0 if measure.kind == "tariff" else None  # it ends at the deadline
        elif measure.kind == "tariff":
            rate = _rate_before_suspension(measure, suspended)
        else:
            rate = None
        states = list(measure.states)
        position = states.index(suspended)
        after = states[position + 1] if position + 1 < len(states) else None
        result.append(SnapBack(measure, suspended, rate, after))
    return result


@memoized
def next_to_run_out(data: Dataset) -> Deadline | None:
    """The earliest deadline on or after the build date to which a suspension still runs."""
    for deadline in data.deadlines:
        if deadline.due >= data.today and any(s.still_suspended for s in snap_backs(data, deadline.id)):
            return deadline
    return None


@dataclass(frozen=True)
class Cliff:
    """One day on which measures change unless something is done: every deadline due that day
    that governs measures, and what each measure still governed by it becomes."""

    day: dt.date
    deadlines: tuple[Deadline, ...]
    changes: tuple[SnapBack, ...]

    def passed(self, today: dt.date) -> bool:
        return self.day < today


@memoized
def cliffs(data: Dataset) -> list[Cliff]:
    """Every day with measures still governed by a deadline (nothing on record followed the
    suspension or the state in force), in date order."""
    days: dict[dt.date, list[Deadline]] = {}
    for deadline in data.deadlines:
        if deadline.measures and any(sb.still_suspended for sb in snap_backs(data, deadline.id)):
            days.setdefault(deadline.due, []).append(deadline)
    return [Cliff(day, tuple(found), tuple(sb for d in found for sb in snap_backs(data, d.id) if sb.still_suspended))
            for day, found in sorted(days.items())]


@memoized
def cliffs_to_show(data: Dataset) -> list[Cliff]:
    """What a reader needs first: the next cliff ahead; when none is ahead, every cliff that passed
    after the data's horizon (what happened at them is not on record)."""
    found = cliffs(data)
    ahead = [c for c in found if c.day >= data.today]
    if ahead:
        return ahead[:1]
    return [c for c in found if c.day > data.as_of] or found[-1:]


def headline_after(data: Dataset, side: str, changes: Iterable[SnapBack]) -> float:
    """The across-the-board tariff `side` would apply if every change in `changes` took effect and
    nothing else changed: each governed all-goods tariff at its rate after the deadline (0 where it
    ends), every other one at its rate at the horizon."""
    after = {sb.measure.id: (sb.rate or 0.0) for sb in changes if sb.measure.side == side}
    total = 0.0
    for measure in tariff_measures(data, side):
        if measure.id in after:
            total += after[measure.id]
            continue
        state = state_on(measure, data.as_of)
        if state is not None and state.status == "in-force" and state.rate is not None:
            total += state.rate
    return total


@memoized
def suspension_deadlines(data: Dataset) -> list[Deadline]:
    """Deadlines that govern at least one measure, in date order."""
    return [d for d in data.deadlines if d.measures]


# --- tariffs from the measures ----------------------------------------------------------------


def tariff_measures(data: Dataset, side: str, coverage: str = "all-goods") -> list[Measure]:
    return [m for m in data.measures if m.kind == "tariff" and m.side == side and m.coverage == coverage]


def headline_on(data: Dataset, side: str, day: dt.date) -> float:
    """The across-the-board additional tariff `side` applies on `day`: the sum of the rates in
    force of its all-goods tariff measures."""
    total = 0.0
    for measure in tariff_measures(data, side):
        state = state_on(measure, day)
        if state is not None and state.status == "in-force" and state.rate is not None:
            total += state.rate
    return total


@dataclass(frozen=True)
class Layer:
    measure: Measure
    rate: float


@dataclass(frozen=True)
class Step:
    """The headline one side applies from `start`, layer by layer (one layer per legal authority)."""

    start: dt.date
    layers: tuple[Layer, ...]

    @property
    def total(self) -> float:
        return sum(layer.rate for layer in self.layers)


@memoized
def tariff_steps(data: Dataset, side: str) -> list[Step]:
    """Every change of the across-the-board tariff of one side, oldest first, as stacked layers."""
    measures = tariff_measures(data, side)
    days = sorted({state.start for m in measures for state in m.states})
    steps: list[Step] = []
    for day in days:
        layers = []
        for measure in measures:
            state = state_on(measure, day)
            if state is not None and state.status == "in-force" and state.rate:
                layers.append(Layer(measure, state.rate))
        step = Step(day, tuple(layers))
        if not steps and not layers:
            continue  # nothing in force yet: an announcement is not a rate
        if not steps or [(x.measure.id, x.rate) for x in steps[-1].layers] != [(x.measure.id, x.rate)
                                                                               for x in step.layers]:
            steps.append(step)
    return steps


# --- commitments ------------------------------------------------------------------------------


def status_counts(commitments: list[Commitment]) -> dict[str, int]:
    """Commitments by status. A commitment resting on relays alone is counted apart (not here):
    see relayed_count."""
    counts = Counter(c.status for c in commitments if not is_relayed(c))
    return {status: counts.get(status, 0) for status in COMMITMENT_STATUSES}


def relayed_count(records: Iterable[object]) -> int:
    """How many of `records` rest on relays alone (reported, not verified against the original)."""
    return sum(is_relayed(record) for record in records)


def _grouped(items: Iterable[T], keys: Callable[[T], Iterable[str]]) -> dict[str, list[T]]:
    grouped: dict[str, list[T]] = {}
    for item in items:
        for key in keys(item):
            grouped.setdefault(key, []).append(item)
    return grouped


@memoized
def commitments_by_round(data: Dataset) -> dict[str, list[Commitment]]:
    return _grouped(data.commitments, lambda c: (c.round,))


@memoized
def commitments_by_issue(data: Dataset) -> dict[str, list[Commitment]]:
    return _grouped(data.commitments, lambda c: c.issues)


@memoized
def commitments_by_measure(data: Dataset) -> dict[str, list[Commitment]]:
    return _grouped(data.commitments, lambda c: c.measures)


@memoized
def events_of_measure(data: Dataset, measure_id: str) -> list[str]:
    """Ids of the events that brought about the measure's states, in date order, each once."""
    measure = data.by_id["measures"][measure_id]
    return list(dict.fromkeys(s.event for s in measure.states if s.event))


@memoized
def measures_by_issue(data: Dataset) -> dict[str, list[Measure]]:
    return _grouped(data.measures, lambda m: m.issues)


def horizon_is_now(data: Dataset, slack_days: int = 7) -> bool:
    """Whether the data is fresh enough for the pages to say 'now' rather than 'as of <date>'."""
    return (data.today - data.as_of).days <= slack_days
