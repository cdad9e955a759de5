"""The JSON Schemas in schemas/ as an editor uses them: draft-07, dates refused by pattern even
without format checking, and what only `python -m macros.check` can find (in process, fast)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = sorted((ROOT / "schemas").glob("*.schema.json"))
EVENT = {"id": "2025-06-02-order", "date": "2025-06-02", "kind": "executive-order", "side": "us",
         "title": "An order", "issues": ["tariffs"], "text": "Ordered.",
         "sources": [{"url": "https://example.org/a", "publisher": "Example", "title": "A", "date": "2025-06-02"}]}


def events_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((ROOT / "schemas" / "events.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)  # no format checker: as many editors run it


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_schema_is_a_valid_draft_07_schema(path):
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in schema and "#/$defs/" not in path.read_text(encoding="utf-8")
    jsonschema.Draft7Validator.check_schema(schema)


def test_the_schema_accepts_a_good_record():
    assert list(events_validator().iter_errors([EVENT])) == []


@pytest.mark.parametrize("date", ["2026-6-30", "30/06/2026", "2026-06-30T00:00", "June 30"])
def test_a_malformed_date_is_refused_without_format_checking(date):
    errors = list(events_validator().iter_errors([{**EVENT, "date": date}]))
    assert [list(e.path) for e in errors] == [[0, "date"]]


def test_references_pass_the_schema_and_only_the_check_finds_them():
    """The guide says so: an unknown issue id is a well-formed id to the schema."""
    assert list(events_validator().iter_errors([{**EVENT, "issues": ["tarrifs"]}])) == []
    guide = (ROOT / "docs" / "contributing" / "index.md").read_text(encoding="utf-8")
    assert "check-jsonschema --schemafile schemas/events.schema.json" in guide
    for only_check in ("references", "deadline chains", "overlap"):
        assert only_check in guide
