"""`python -m macros.schema`: write schemas/*.schema.json from the record models.

The committed schemas let editors complete and check data files as you type; a test fails
when they no longer match macros/data/records.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import TypeAdapter

from macros.data.collections import COLLECTIONS
from macros.data.records import ISO_DATE_PATTERN

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
# Draft-07: the draft that editors' YAML support (the YAML language server behind VS Code and
# others) implements fully; later drafts only in part.
DRAFT = "http://json-schema.org/draft-07/schema#"


def schemas() -> dict[str, str]:
    """File name → JSON text, one schema per data folder."""
    result = {}
    for collection in COLLECTIONS:
        shape = collection.model if collection.one_per_file else list[collection.model]  # type: ignore[name-defined]
        schema = TypeAdapter(shape).json_schema(ref_template="#/definitions/{model}")
        if "$defs" in schema:
            schema["definitions"] = schema.pop("$defs")
        schema = {
            "$schema": DRAFT,
            **_with_date_patterns(schema),
            "title": f"Trade Truce Tracker: a file in data/{collection.name}/",
        }
        result[f"{collection.name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return result


def _with_date_patterns(node: object) -> object:
    """Dates get a pattern beside `format: date`: many validators check formats only when asked,
    and would otherwise take '2026-6-30' for a date."""
    if isinstance(node, dict):
        out = {key: _with_date_patterns(value) for key, value in node.items()}
        if out.get("format") == "date":
            out["pattern"] = ISO_DATE_PATTERN
        return out
    if isinstance(node, list):
        return [_with_date_patterns(item) for item in node]
    return node


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, text in schemas().items():
        path = SCHEMA_DIR / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote schemas/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
