"""Checks shared by every record type: references to other records, source dates, no future."""

from __future__ import annotations

import datetime as dt
import difflib

from macros.data.load import Located
from macros.data.problems import Problem
from macros.data.records import sources_in

Refs = dict[str, set[str]]


def ref(item: Located, fields: tuple[str | int, ...], value: str, known: set[str], what: str) -> list[Problem]:
    if value in known:
        return []
    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"add it to data/{_folder(what)}/ first"
    return [item.problem(fields, f"unknown {what} '{value}'", hint)]


def _folder(what: str) -> str:
    return {"person": "people", "issue": "issues", "round": "rounds", "event": "events",
            "deadline": "deadlines", "measure": "measures", "commitment": "commitments"}[what]


def issue_refs(item: Located, prefix: tuple[str | int, ...], values: list[str], ids: Refs) -> list[Problem]:
    problems = []
    for i, issue_id in enumerate(values):
        problems += ref(item, (*prefix, i), issue_id, ids["issues"], "issue")
    return problems


def check_sources(item: Located, today: dt.date) -> list[Problem]:
    problems = []
    for path, source in sources_in(item.record):
        problems += not_future(item, (*path, "date"), source.date, today, "a source's publication date")
    return problems


def not_future(item: Located, fields: tuple[str | int, ...], when: dt.date | None, today: dt.date,
                what: str) -> list[Problem]:
    if when is None or when <= today:
        return []
    return [item.problem(fields, f"{when.isoformat()} is in the future; {what} cannot be",
                         f"today is {today.isoformat()}: check the year")]


def single_republished_source(item: Located) -> list[Problem]:
    """A record resting on one source that is itself a copy ('Site (Reuters)') is weakly sourced."""
    sources = {s.url: s for _, s in sources_in(item.record)}
    if len(sources) == 1:
        (source,) = sources.values()
        if "(" in source.publisher:
            return [item.problem(("sources",), f"rests on a single republished copy ({source.publisher})",
                                 "add the original report or a second, independent source", "warning")]
    return []
