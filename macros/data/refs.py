"""Checks shared by every record type: references to other records, source dates, no future."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Collection, Iterator

from macros.data.collections import SINGULAR
from macros.data.load import Located
from macros.data.problems import Problem
from macros.data.records import RECORD_KINDS, SLUG_PATTERN, record_links_in, sources_in


class Ids(set[str]):
    """The ids of one folder's records. Not `complete` when a file of that folder could not be
    read: a reference that matches none of them may name a record in that file, so it is not
    reported (a note on the file says what was not checked)."""

    complete: bool = True


Refs = dict[str, set[str]]
FieldPath = tuple[str, ...]

# Every field that names another record, by the folder it is written in: (path, the folder of the
# record it names). '*' stands for each item of a list. A test checks this against the schema (every
# id-typed field but a record's own `id`), so a new reference field cannot be left out.
REFERENCE_FIELDS: dict[str, tuple[tuple[FieldPath, str], ...]] = {
    "rounds": ((("delegations", "us", "*", "person"), "people"), (("delegations", "cn", "*", "person"), "people"),
               (("issues", "*"), "issues"), (("tensions", "*", "issues", "*"), "issues"),
               (("outcomes", "*", "issues", "*"), "issues")),
    "issues": (),
    "events": ((("issues", "*"), "issues"), (("round",), "rounds"), (("counterpart",), "events")),
    "deadlines": ((("issues", "*"), "issues"), (("replaced_by",), "deadlines"), (("measures", "*"), "measures")),
    "people": (),
    "tariffs": ((("event",), "events"),),
    "gaps": ((("issues", "*"), "issues"),),
    "measures": ((("issues", "*"), "issues"), (("counterpart",), "measures"),
                 (("states", "*", "until"), "deadlines"), (("states", "*", "event"), "events")),
    "commitments": ((("round",), "rounds"), (("issues", "*"), "issues"), (("measures", "*"), "measures"),
                    (("due",), "deadlines"), (("evidence", "*"), "events")),
    "purchases": ((("commitment",), "commitments"),),
    "estimates": (),
    "glossary": (),
}
_SLUG = re.compile(SLUG_PATTERN)
_EXAMPLES = 3


def ref(item: Located, fields: tuple[str | int, ...], value: str, known: set[str], what: str,
        exclude: Collection[str] = ()) -> list[Problem]:
    """An error when `value` names no known record. The hint never offers `exclude` (the record's
    own id, or a deadline that would close a loop): only a target that would fix the mistake."""
    if value in known or not getattr(known, "complete", True):
        return []
    return [item.problem(fields, f"unknown {what} '{value}'", missing_hint(value, known, what, exclude))]


def missing_hint(value: str, known: set[str], what: str, exclude: Collection[str] = ()) -> str:
    """'did you mean …?' when one id is close; otherwise how to add the record, with a few to name instead."""
    candidates = sorted(k for k in known - set(exclude) if _SLUG.match(k))
    folder = _folder(what)
    what = f"{'an' if what[0] in 'aeiou' else 'a'} {what}"
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'? Or add {what} with id '{value}' to data/{folder}/"
    nearest = difflib.get_close_matches(value, candidates, n=_EXAMPLES, cutoff=0) or candidates[:_EXAMPLES]
    if not nearest:
        return f"add {what} with id '{value}' to data/{folder}/"
    more = ", …" if len(candidates) > len(nearest) else ""
    names = ", ".join(f"'{n}'" for n in nearest)
    return f"add {what} with id '{value}' to data/{folder}/, or name an existing one: {names}{more}"


def _folder(what: str) -> str:
    return {single: folder for folder, single in SINGULAR.items()}[what]


Place = tuple[str | int, ...]


def values_at(value: object, path: FieldPath, at: Place = ()) -> Iterator[tuple[Place, object]]:
    """The values found at `path` inside data as written ('*' walks each item of a list)."""
    if not path:
        yield at, value
        return
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from values_at(item, rest, (*at, i))
    elif isinstance(value, dict) and head in value:
        yield from values_at(value[head], rest, (*at, head))


def unvalidated_refs(item: Located, collection: str, ids: Refs) -> list[Problem]:
    """The references of a record that failed validation, checked as written: an id that is
    well-formed and names nothing is reported now, not on a later run once the rest is fixed.
    Values of the wrong type or shape are left alone (validation reported them already)."""
    problems: list[Problem] = []
    raw = item.record
    own = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    for path, target in REFERENCE_FIELDS[collection]:
        for at, value in values_at(raw, path):
            if not isinstance(value, str) or not _SLUG.match(value) or len(value) > 80:
                continue
            if value == own and target == collection:
                continue  # naming itself is its own error, reported once the record is valid
            problems += ref(item, at, value, ids[target], SINGULAR[target], exclude={own} if own else ())
    return problems


def issue_refs(item: Located, prefix: tuple[str | int, ...], values: list[str], ids: Refs) -> list[Problem]:
    problems = []
    for i, issue_id in enumerate(values):
        problems += ref(item, (*prefix, i), issue_id, ids["issues"], "issue")
    return problems


def check_sources(item: Located, today: dt.date, claim: bool = True) -> list[Problem]:
    """Dates, levels and primaries of every source in a record; a `claim` (not a gap's list of what was
    read) may not rest on relays from fewer than two publishers."""
    problems = []
    found = list(sources_in(item.record))
    for path, source in found:
        problems += not_future(item, (*path, "date"), source.date, today, "a source's publication date")
        if source.verification == "relay" and source.primary is None:
            problems.append(item.problem((*path, "level"), "a relay must name the primary it cites",
                                         "add primary: {issuer: …, title: …, date: …, url: …} as the relay gives it"))
        if source.primary is not None and source.verification != "relay":
            problems.append(item.problem((*path, "primary"), f"primary is for relays; this source is a "
                                         f"{source.verification}", "set level: relay, or remove primary"))
    if claim and found and all(source.verification == "relay" for _, source in found):
        publishers = {publisher_key(source.publisher) for _, source in found}
        if len(publishers) < 2:
            problems.append(item.problem(("sources",), f"rests on relays alone, from {len(publishers)} publisher: "
                                         "a relayed record needs two independent relays",
                                         "add a relay from another publisher (not a copy of the first), or a "
                                         "source you read: the original or a report of it"))
    return problems


def publisher_key(publisher: str) -> str:
    """Publishers compared without case, spacing or the bracketed original ('Site (Reuters)')."""
    return " ".join(publisher.split("(")[0].lower().split())


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


def record_link_refs(item: Located, ids: Refs) -> list[Problem]:
    """Links to other records in a record's Markdown ([words](event:<id>)) name records that exist;
    a link to a commitment brings its own words (a commitment has no title to show)."""
    problems: list[Problem] = []
    for path, words, kind, record_id in record_links_in(item.record):
        folder = RECORD_KINDS[kind]
        if record_id not in ids[folder] and getattr(ids[folder], "complete", True):
            problems.append(item.problem(path, f"links to unknown {kind} '{record_id}'",
                                         missing_hint(record_id, ids[folder], kind)))
        elif kind == "commitment" and not words.strip():
            problems.append(item.problem(path, f"a link to commitment '{record_id}' has no words",
                                         f"write what it promised: [the promise to …](commitment:{record_id})"))
    return problems
