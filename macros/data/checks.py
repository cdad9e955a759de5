"""Checks across records: unique ids, references, date order, deadline chains, honesty warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from macros.data.ledger_checks import check_commitments, check_measures, check_suspension_chains
from macros.data.load import LoadResult, Located
from macros.data.problems import Problem
from macros.data.records import Deadline, Event, Issue, Person, Round, TariffChange
from macros.data.refs import (
    Ids,
    Refs,
    check_sources,
    issue_refs,
    not_future,
    record_link_refs,
    ref,
    single_republished_source,
    unvalidated_refs,
)
from macros.data.translation_checks import check_translations


def check_records(loaded: LoadResult, today: dt.date) -> list[Problem]:
    """Every problem that needs more than one record (or the calendar) to see."""
    problems: list[Problem] = []
    ids: Refs = {}
    unread_folders = {PurePosixPath(path).parent.name for path in loaded.unread}
    for name, located in loaded.records.items():
        ids[name] = Ids(loaded.failed_ids.get(name, ()))
        ids[name].complete = name not in unread_folders
        first_seen: dict[str, Located] = {}
        for item in located:
            record_id = item.record.id
            if record_id in first_seen:
                first = first_seen[record_id]
                line, _ = first.position("id")
                problems.append(item.problem(("id",), f"id '{record_id}' is already used",
                                             f"first used in {first.file.path}:{line}; pick another"))
            else:
                first_seen[record_id] = item
                ids[name].add(record_id)
            if name in ("rounds", "issues"):
                stem = PurePosixPath(item.file.path).stem
                if stem != record_id:
                    problems.append(item.problem(("id",), f"id '{record_id}' differs from the file name '{stem}'",
                                                 f"rename the file to {record_id}.yaml or change the id"))
    for item in loaded.records["rounds"]:
        problems += _check_round(item, ids, today)
    for item in loaded.records["issues"]:
        problems += check_sources(item, today)
        issue: Issue = item.record
        problems += not_future(item, ("status", "as_of"), issue.status.as_of, today, "an as-of date")
    for item in loaded.records["events"]:
        problems += _check_event(item, ids, today)
    for item in loaded.records["people"]:
        problems += _check_person(item, today)
    for item in loaded.records["tariffs"]:
        change: TariffChange = item.record
        problems += check_sources(item, today)
        if change.event:
            problems += ref(item, ("event",), change.event, ids["events"], "event")
    for item in loaded.records["gaps"]:
        problems += issue_refs(item, ("issues",), item.record.issues, ids)
        problems += not_future(item, ("checked",), item.record.checked, today, "a search date")
        problems += check_sources(item, today, claim=False)
    problems += _check_deadlines(loaded.records["deadlines"], ids, today)
    problems += check_measures(loaded.records["measures"], ids, today)
    problems += check_commitments(loaded.records["commitments"], ids, today)
    for item in loaded.records["glossary"]:
        problems += check_sources(item, today, claim=False)
    problems += check_translations(loaded)
    problems += check_suspension_chains(loaded.records["deadlines"], loaded.records["measures"], ids)
    for item in loaded.records["purchases"]:
        problems += _check_purchase(item, ids, today)
    for item in loaded.records["estimates"]:
        problems += check_sources(item, today)
        problems += not_future(item, ("as_of",), item.record.as_of, today, "the day an estimate applies to")
    for name, items in loaded.unvalidated.items():
        for item in items:
            problems += unvalidated_refs(item, name, ids)
    for items in loaded.records.values():
        for item in items:
            problems += record_link_refs(item, ids)
    return problems


def _check_round(item: Located, ids: Refs, today: dt.date) -> list[Problem]:
    rnd: Round = item.record
    problems = check_sources(item, today)
    if rnd.end < rnd.start:
        problems.append(item.problem(("end",), f"end {rnd.end} is before start {rnd.start}",
                                     "swap them, or fix the date"))
    problems += not_future(item, ("start",), rnd.start, today, "a round that took place")
    for side in ("us", "cn"):
        for i, member in enumerate(getattr(rnd.delegations, side)):
            problems += ref(item, ("delegations", side, i, "person"), member.person, ids["people"], "person")
    problems += issue_refs(item, ("issues",), rnd.issues, ids)
    for group in ("tensions", "outcomes"):
        for i, entry in enumerate(getattr(rnd, group)):
            problems += issue_refs(item, (group, i, "issues"), entry.issues, ids)
    for i, outcome in enumerate(rnd.outcomes):
        if all(s.date < rnd.start for s in outcome.sources):
            problems.append(item.problem(("outcomes", i, "sources"),
                                         "every source of this outcome was published before the round began",
                                         "cite a report from after the round", "warning"))
    return problems


def _check_event(item: Located, ids: Refs, today: dt.date) -> list[Problem]:
    event: Event = item.record
    problems = check_sources(item, today) + single_republished_source(item)
    problems += not_future(item, ("date",), event.date, today, "an event that happened")
    problems += issue_refs(item, ("issues",), event.issues, ids)
    if event.kind == "call" and event.between is None:
        problems.append(item.problem(("kind",), "a call needs `between`: who spoke",
                                     "add between: leaders (heads of state or government) or between: officials "
                                     "(ministers, negotiators, officials), as the sources say"))
    elif event.kind != "call" and event.between is not None:
        problems.append(item.problem(("between",), f"between is for calls; this event's kind is {event.kind}",
                                     "remove between, or set kind: call"))
    if event.round:
        problems += ref(item, ("round",), event.round, ids["rounds"], "round")
    if event.counterpart:
        if event.counterpart == event.id:
            problems.append(item.problem(("counterpart",), "an event cannot be its own counterpart",
                                         "name the other side's measure"))
        else:
            problems += ref(item, ("counterpart",), event.counterpart, ids["events"], "event", exclude={event.id})
    return problems


def _check_purchase(item: Located, ids: Refs, today: dt.date) -> list[Problem]:
    """A purchase names its commitment; its figures run oldest first from its start, none in the
    future, and never fall (they are cumulative)."""
    purchase = item.record
    problems = check_sources(item, today)
    problems += ref(item, ("commitment",), purchase.commitment, ids["commitments"], "commitment")
    previous = None
    for i, figure in enumerate(purchase.figures):
        problems += not_future(item, ("figures", i, "date"), figure.date, today, "a measured figure")
        if figure.date < purchase.counting_from:
            problems.append(item.problem(("figures", i, "date"), f"{figure.date} is before counting_from "
                                         f"{purchase.counting_from}", "check the date, or counting_from"))
        if previous is not None and figure.date < previous.date:
            problems.append(item.problem(("figures", i, "date"), "figures must run oldest first",
                                         "move this figure above the one dated " + previous.date.isoformat()))
        elif previous is not None and figure.basis == previous.basis and figure.quantity < previous.quantity:
            problems.append(item.problem(("figures", i, "quantity"), f"{figure.quantity:g} is less than the "
                                         f"previous {figure.basis} figure ({previous.quantity:g}); figures are "
                                         "cumulative", "check the figure, or its basis"))
        previous = figure
    if not purchase.figures and not purchase.no_figures:
        problems.append(item.problem(("figures",), "no figure is stored and no_figures does not say why",
                                     "add a measured figure with its source, or no_figures: what was looked for"))
    return problems


def _check_person(item: Located, today: dt.date) -> list[Problem]:
    person: Person = item.record
    problems = check_sources(item, today)
    for i, role in enumerate(person.roles):
        if role.start and role.end and role.end < role.start:
            problems.append(item.problem(("roles", i, "end"), f"end {role.end} is before start {role.start}",
                                         "swap them, or fix the date"))
    return problems


def _check_deadlines(located: list[Located], ids: Refs, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    by_id = {item.record.id: item for item in located}
    replaces: dict[str, list[str]] = {}
    for item in located:
        if item.record.replaced_by:
            replaces.setdefault(item.record.replaced_by, []).append(item.record.id)
    for item in located:
        deadline: Deadline = item.record
        problems += check_sources(item, today) + single_republished_source(item)
        problems += issue_refs(item, ("issues",), deadline.issues, ids)
        if deadline.replaced_by:
            problems += ref(item, ("replaced_by",), deadline.replaced_by, ids["deadlines"], "deadline",
                            exclude=_earlier_in_chain(deadline.id, replaces))
            if deadline.status not in ("extended", "superseded"):
                problems.append(item.problem(("replaced_by",),
                                             f"a deadline with status '{deadline.status}' is not replaced",
                                             "set status: extended or superseded, or remove replaced_by"))
        elif deadline.status in ("extended", "superseded"):
            problems.append(item.problem(("status",), f"status '{deadline.status}' needs a successor",
                                         "add replaced_by: <id of the new deadline>"))
        if deadline.status == "pending" and deadline.due < today:
            problems.append(item.problem(("status",),
                                         f"due {deadline.due} has passed and the status is still pending",
                                         "record the outcome with a source, or set status: unknown",
                                         "warning"))
        if deadline.decided is not None:
            problems += not_future(item, ("decided",), deadline.decided, today, "a decision date")
            if deadline.status in ("pending", "unknown"):
                problems.append(item.problem(("decided",), f"a decision date on a deadline whose status is "
                                             f"'{deadline.status}'", "record the outcome's status, or remove decided"))
        if deadline.status in ("met", "lapsed") and deadline.due > today:
            problems.append(item.problem(("status",),
                                         f"status '{deadline.status}' but due {deadline.due} is still ahead",
                                         "use pending until the date passes"))
    problems += _chain_loops(by_id)
    return problems


def _earlier_in_chain(deadline_id: str, replaces: dict[str, list[str]]) -> set[str]:
    """The deadline and every deadline its chain came from: naming any of them as the successor
    would close a loop, so no hint offers them."""
    seen = {deadline_id}
    todo = [deadline_id]
    while todo:
        for earlier in replaces.get(todo.pop(), ()):
            if earlier not in seen:
                seen.add(earlier)
                todo.append(earlier)
    return seen


def _chain_loops(by_id: dict[str, Located]) -> list[Problem]:
    problems = []
    reported: set[str] = set()
    for start in by_id:
        seen: list[str] = []
        current: str | None = start
        while current in by_id and current not in seen:
            seen.append(current)
            current = by_id[current].record.replaced_by
        if current in seen and current not in reported:
            loop = seen[seen.index(current):]
            reported.update(loop)
            item = by_id[current]
            problems.append(item.problem(("replaced_by",),
                                         "replaced_by forms a loop: " + " → ".join([*loop, current]),
                                         "a chain of extensions must end in a deadline without replaced_by"))
    return problems
