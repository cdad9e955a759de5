"""The one list of collections (macros/data/collections.py) is what the loader, the Dataset, the
reference checks, the record links and the schemas all use."""

from __future__ import annotations

import dataclasses
import datetime as dt

from macros.data import refs
from macros.data.collections import BY_NAME, COLLECTIONS, FACTS, IN_HISTORY, ONE_PER_FILE
from macros.data.dataset import Dataset, load_dataset
from macros.data.records import RECORD_KINDS
from tests.conftest import FIXTURES, ROOT


def test_every_collection_is_a_dataset_field_a_schema_and_a_table_of_references():
    fields = {f.name for f in dataclasses.fields(Dataset)}
    for collection in COLLECTIONS:
        assert collection.name in fields
        assert (ROOT / "schemas" / f"{collection.name}.schema.json").is_file()
    assert set(refs.REFERENCE_FIELDS) == set(BY_NAME)
    assert ONE_PER_FILE == ("rounds", "issues")
    assert set(BY_NAME) - set(FACTS) == {"gaps", "glossary"}  # an absence and a vocabulary: not facts
    assert set(BY_NAME) - IN_HISTORY == {"glossary"}  # a found gap is news to a reader; a term is not


def test_record_links_name_collections_by_their_singular():
    for single, folder in RECORD_KINDS.items():
        assert BY_NAME[folder].singular == single and BY_NAME[folder].linkable
    assert not BY_NAME["tariffs"].linkable


def test_the_dataset_holds_each_collection_in_the_registry_order_and_indexes_it_by_id():
    data = load_dataset(FIXTURES / "valid", dt.date(2026, 1, 1))
    for collection in COLLECTIONS:
        records = getattr(data, collection.name)
        assert list(records) == sorted(records, key=collection.sort_key)
        assert set(data.by_id[collection.name]) == {record.id for record in records}
    assert data.rounds and data.events and data.deadlines
    assert len(data.all_records()) == sum(len(getattr(data, name)) for name in FACTS)
