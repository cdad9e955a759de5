"""Checks of the ledger: measures' state histories, commitments, and the deadlines suspensions run to."""

from __future__ import annotations

import datetime as dt

from macros.data.load import Located
from macros.data.problems import Problem
from macros.data.records import Commitment, Deadline, Measure, MeasureState
from macros.data.refs import Refs, check_sources, issue_refs, not_future, ref, single_republished_source

_SINGLE_RATE_KINDS = ("tariff",)


def check_measures(located: list[Located], ids: Refs, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for item in located:
        measure: Measure = item.record
        problems += check_sources(item, today) + single_republished_source(item)
        problems += issue_refs(item, ("issues",), measure.issues, ids)
        if measure.counterpart:
            if measure.counterpart == measure.id:
                problems.append(item.problem(("counterpart",), "a measure cannot be its own counterpart",
                                             "name the other side's answering measure"))
            else:
                problems += ref(item, ("counterpart",), measure.counterpart, ids["measures"], "measure",
                                exclude={measure.id})
        if measure.kind == "tariff" and measure.coverage is None:
            problems.append(item.problem(("kind",), "a tariff needs `coverage`",
                                         "add coverage: all-goods (an across-the-board duty) or selected-goods"))
        if measure.kind != "tariff" and measure.coverage is not None:
            problems.append(item.problem(("coverage",),
                                         f"coverage is for tariffs; this measure's kind is {measure.kind}",
                                         "remove coverage"))
        problems += _check_states(item, measure, ids, today)
    return problems


def _check_states(item: Located, measure: Measure, ids: Refs, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    states = measure.states
    for i, state in enumerate(states):
        at = ("states", i)
        problems += not_future(item, (*at, "from"), state.start, today, "the start of a state")
        if state.to is not None and state.to < state.start:
            problems.append(item.problem((*at, "to"), f"to {state.to} is before from {state.start}",
                                         "swap them, or fix the date"))
        elif i + 1 < len(states):
            following = states[i + 1]
            if following.start <= state.start:
                problems.append(item.problem(("states", i + 1, "from"),
                                             f"from {following.start} is not after the previous state's "
                                             f"from {state.start}",
                                             "list states oldest first, one state per date"))
            elif state.to is not None and state.to < following.start:
                problems.append(item.problem((*at, "to"), f"gap: this state ends {state.to} but the next begins "
                                             f"{following.start}", "states must follow on without a gap: "
                                             f"set to: \"{following.start}\" or remove `to`"))
            elif state.to is not None and state.to > following.start:
                problems.append(item.problem((*at, "to"), f"overlap: this state runs to {state.to} but the next "
                                             f"begins {following.start}", f"set to: \"{following.start}\" or "
                                             "remove `to`"))
        elif state.to is not None:
            problems.append(item.problem((*at, "to"), f"this state ends {state.to} but no state follows",
                                         "add the state that followed, or remove `to` if the sources stop here"))
        problems += _check_state_fields(item, measure, at, state, ids)
    return problems


def _check_state_fields(item: Located, measure: Measure, at: tuple[str | int, ...], state: MeasureState,
                        ids: Refs) -> list[Problem]:
    problems: list[Problem] = []
    for name in ("rate", "suspended_rate"):
        if getattr(state, name) is not None and measure.kind not in _SINGLE_RATE_KINDS:
            problems.append(item.problem((*at, name), f"{name} is for tariffs; this measure's kind is {measure.kind}",
                                         f"remove {name}, or describe the terms in a note"))
    suspends = state.status == "suspended" or state.suspended_rate is not None
    if suspends and state.until is None:
        what = "a suspended state" if state.status == "suspended" else "a partly suspended rate"
        problems.append(item.problem((*at, "status") if state.status == "suspended" else (*at, "suspended_rate"),
                                     f"{what} needs `until`", "add until: <id of the deadline it runs to>"))
    if state.until is not None:
        if not suspends and state.status != "in-force":
            problems.append(item.problem((*at, "until"), f"until is for suspensions and statutory ends; this state "
                                         f"is {state.status}",
                                         "set status: suspended (or a suspended_rate), or remove until"))
        problems += ref(item, (*at, "until"), state.until, ids["deadlines"], "deadline")
    if state.status == "ended" and state.reason is None:
        problems.append(item.problem((*at, "status"), "an ended state needs a `reason`",
                                     "add reason: lifted, struck-down, expired, revoked or superseded"))
    if state.reason is not None and state.status != "ended":
        problems.append(item.problem((*at, "reason"), f"reason is for ended states; this one is {state.status}",
                                     "remove reason, or set status: ended"))
    if state.event:
        problems += ref(item, (*at, "event"), state.event, ids["events"], "event")
    return problems


def check_commitments(located: list[Located], ids: Refs, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for item in located:
        commitment: Commitment = item.record
        problems += check_sources(item, today)
        problems += not_future(item, ("as_of",), commitment.as_of, today, "an as-of date")
        problems += ref(item, ("round",), commitment.round, ids["rounds"], "round")
        problems += issue_refs(item, ("issues",), commitment.issues, ids)
        for i, measure_id in enumerate(commitment.measures):
            problems += ref(item, ("measures", i), measure_id, ids["measures"], "measure")
        for i, event_id in enumerate(commitment.evidence):
            problems += ref(item, ("evidence", i), event_id, ids["events"], "event")
        if commitment.due:
            problems += ref(item, ("due",), commitment.due, ids["deadlines"], "deadline")
        if commitment.status == "disputed" and not commitment.disputes:
            problems.append(item.problem(("status",), "a disputed commitment needs the accounts that differ",
                                         "add disputes: with two accounts, each with its sources"))
    return problems


def check_suspension_chains(deadlines: list[Located], measures: list[Located], ids: Refs) -> list[Problem]:
    """A deadline's `measures` and the measures' `until` agree, and an extended deadline's
    suspensions continue to its successor."""
    problems: list[Problem] = []
    by_deadline: dict[str, list[tuple[Located, int]]] = {}
    for item in measures:
        for i, state in enumerate(item.record.states):
            if state.until:
                by_deadline.setdefault(state.until, []).append((item, i))
    listed = {item.record.id: item for item in deadlines}
    for deadline_id, uses in by_deadline.items():
        deadline = listed.get(deadline_id)
        if deadline is None:
            continue  # an unknown deadline is reported on the state itself
        for item, i in uses:
            if item.record.id not in deadline.record.measures:
                problems.append(item.problem(("states", i, "until"),
                                             f"deadline '{deadline_id}' does not list measure '{item.record.id}'",
                                             f"add {item.record.id} to the measures of {deadline_id} "
                                             f"in {deadline.file.path}"))
    measure_items = {item.record.id: item for item in measures}
    for item in deadlines:
        deadline: Deadline = item.record
        for i, measure_id in enumerate(deadline.measures):
            problems += ref(item, ("measures", i), measure_id, ids["measures"], "measure")
            measure = measure_items.get(measure_id)
            if measure is None:
                continue
            states = measure.record.states
            runs_to = [n for n, state in enumerate(states) if state.until == deadline.id]
            if not runs_to:
                problems.append(item.problem(("measures", i), f"measure '{measure_id}' has no state that runs "
                                             f"until '{deadline.id}'",
                                             f"set until: {deadline.id} on its suspended state, or remove it here"))
                continue
            successor = listed.get(deadline.replaced_by or "")
            if deadline.status == "extended" and successor is not None and successor.record.due > deadline.due:
                after = runs_to[-1] + 1
                if after >= len(states) or states[after].until != deadline.replaced_by:
                    problems.append(item.problem(
                        ("measures", i),
                        f"'{deadline.id}' was extended to '{deadline.replaced_by}', but the suspension of "
                        f"'{measure_id}' does not continue to it",
                        f"add a state to {measure_id} from the extension's date with until: {deadline.replaced_by}"))
    return problems
