"""The hints a contributor reads: each leads to a fix (in process, fast).

The bad-input corpus (tests/bad_inputs/) holds the whole messages; these tests hold the rules
behind them: a date hint echoes the intended value, a missing target's hint never names the
record itself or a deadline that would close a loop, and every reference field is checked even
in a record that failed validation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from macros.data.load import intended_date
from macros.data.records import SLUG_PATTERN
from macros.data.refs import REFERENCE_FIELDS, missing_hint, values_at

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


@pytest.mark.parametrize(("written", "meant"), [
    ("2026-6-30", "2026-06-30"),
    ("2026/06/30", "2026-06-30"),
    ("2026.6.3", "2026-06-03"),
    ("30.6.2026", "2026-06-30"),
    ("30/06/2026", "2026-06-30"),
    ("6/30/2026", "2026-06-30"),
    ("30 June 2026", "2026-06-30"),
    ("June 30, 2026", "2026-06-30"),
    ("Jun 30th 2026", "2026-06-30"),
    (20260630, "2026-06-30"),
])
def test_a_malformed_date_is_read_as_the_one_date_it_can_mean(written, meant):
    assert intended_date(written) == dt.date.fromisoformat(meant)


@pytest.mark.parametrize("written", ["3/4/2026", "2026-13-01", "2026-02-30", "soon", "", None, True, 2026])
def test_an_ambiguous_or_impossible_date_gets_no_guess(written):
    assert intended_date(written) is None


def test_a_missing_target_hint_says_how_to_add_it_and_never_offers_an_excluded_id():
    known = {"truce-1", "truce-2", "tiktok-2025"}
    hint = missing_hint("truce-3", known, "deadline", exclude={"truce-2", "truce-1"})
    assert "truce-2" not in hint and "truce-1" not in hint
    assert hint == ("add a deadline with id 'truce-3' to data/deadlines/, or name an existing one: "
                    "'tiktok-2025'")
    assert missing_hint("truce-3", known, "deadline") == (
        "did you mean 'truce-2'? Or add a deadline with id 'truce-3' to data/deadlines/")
    assert missing_hint("x", set(), "issue") == "add an issue with id 'x' to data/issues/"
    many = {f"issue-{n}" for n in range(10)}
    assert missing_hint("zzz", many, "issue").endswith(", …")


def test_a_hint_never_offers_an_id_that_is_not_a_valid_id():
    assert "Bad Id" not in missing_hint("bad-idd", {"Bad Id", "good-id"}, "event")


def _slug_paths(schema: dict, node: dict, at: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Every path in a JSON Schema whose value is an id (the slug pattern), '*' for list items."""
    found: set[tuple[str, ...]] = set()
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        defs = schema.get("definitions") or schema.get("$defs")
        return _slug_paths(schema, defs[name], at)
    if node.get("pattern") == SLUG_PATTERN:
        found.add(at)
    for option in node.get("anyOf", []):
        found |= _slug_paths(schema, option, at)
    if node.get("type") == "array" and "items" in node:
        found |= _slug_paths(schema, node["items"], (*at, "*"))
    for name, child in node.get("properties", {}).items():
        found |= _slug_paths(schema, child, (*at, name))
    return found


@pytest.mark.parametrize("folder", sorted(REFERENCE_FIELDS))
def test_the_reference_table_names_every_id_field_of_the_schema(folder):
    schema = json.loads((SCHEMAS / f"{folder}.schema.json").read_text(encoding="utf-8"))
    paths = _slug_paths(schema, schema, ())
    paths = {p[1:] if p and p[0] == "*" else p for p in paths}  # a file of many records is a list
    paths.discard(("id",))
    assert paths == {path for path, _ in REFERENCE_FIELDS[folder]}


def test_values_at_walks_lists_and_skips_what_is_not_there():
    raw = {"states": [{"until": "a"}, {"event": "e"}, "junk", {"until": 3}], "issues": "not-a-list"}
    assert list(values_at(raw, ("states", "*", "until"))) == [(("states", 0, "until"), "a"),
                                                             (("states", 3, "until"), 3)]
    assert list(values_at(raw, ("issues", "*"))) == []
    assert list(values_at(raw, ("round",))) == []
