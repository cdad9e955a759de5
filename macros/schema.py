"""`python -m macros.schema`: write schemas/*.schema.json from the record models.

The committed schemas let editors complete and check data files as you type; a test fails
when they no longer match macros/data/records.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import TypeAdapter

from macros.data.load import COLLECTIONS

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def schemas() -> dict[str, str]:
    """File name → JSON text, one schema per data folder."""
    result = {}
    for collection in COLLECTIONS:
        shape = collection.model if collection.one_per_file else list[collection.model]  # type: ignore[name-defined]
        schema = TypeAdapter(shape).json_schema()
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **schema,
            "title": f"Trade Truce Tracker: a file in data/{collection.name}/",
        }
        result[f"{collection.name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return result


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
