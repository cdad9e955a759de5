"""The loaded, validated, cross-checked data: built once per build, read by everything after."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from macros.data.checks import check_records
from macros.data.collections import COLLECTIONS, FACTS
from macros.data.load import FileCache, LoadResult, load_data
from macros.data.problems import DataError, Problem
from macros.data.records import (
    Commitment,
    Deadline,
    Estimate,
    Event,
    Gap,
    GlossaryTerm,
    Issue,
    Measure,
    Person,
    Purchase,
    Round,
    TariffChange,
    sources_in,
)
from macros.data.stored import CheckStore


@dataclass(frozen=True)
class Dataset:
    rounds: tuple[Round, ...]
    issues: tuple[Issue, ...]
    events: tuple[Event, ...]
    deadlines: tuple[Deadline, ...]
    people: tuple[Person, ...]
    tariffs: tuple[TariffChange, ...]
    today: dt.date
    gaps: tuple[Gap, ...] = ()
    measures: tuple[Measure, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    purchases: tuple[Purchase, ...] = ()
    estimates: tuple[Estimate, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()
    # Derived views computed once per build (see views.memoized): pages reuse them. Not an init
    # field, so `dataclasses.replace` gives the copy an empty memo instead of the original's views.
    memo: dict[object, object] = field(default_factory=dict, init=False, compare=False, repr=False)

    @cached_property
    def as_of(self) -> dt.date:
        """The date of the latest sourced fact: the newest source that anything cites."""
        dates = [source.date for record in self.all_records() for _, source in sources_in(record)]
        return max(dates, default=self.today)

    @cached_property
    def as_of_read(self) -> dt.date:
        """The newest source read as an original, a report or a repost (relays left out): where the
        record stops being verified against what it cites."""
        dates = [source.date for record in self.all_records() for _, source in sources_in(record)
                 if source.verification != "relay"]
        return max(dates, default=self.today)

    def all_records(self) -> tuple[object, ...]:
        """Every record of every collection of facts (gaps record absences, so they are not here)."""
        return tuple(record for name in FACTS for record in getattr(self, name))

    @cached_property
    def by_id(self) -> dict[str, dict[str, Any]]:
        """Records by collection name and id: `data.by_id["people"]["bessent"]`."""
        return {c.name: {record.id: record for record in getattr(self, c.name)} for c in COLLECTIONS}

    def file_of(self, collection: str, record_id: str) -> str:
        """The data file a record was written in, relative to the project root."""
        return self.files[(collection, record_id)]


def build_dataset(loaded: LoadResult, today: dt.date) -> Dataset:
    """Turn a clean load into a Dataset, or raise DataError listing every problem."""
    problems = loaded.problems + check_records(loaded, today)
    problems += [Problem(path, 1, 1, "(file)", "could not be read: its records were not checked, nor references "
                         f"to {PurePosixPath(path).parent.name} (it may hold them)",
                         "fix the error above, then run the check again", "note")
                 for path in dict.fromkeys(loaded.unread)]
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(problems)
    records = {name: [item.record for item in items] for name, items in loaded.records.items()}
    files = {(name, item.record.id): item.file.path for name, items in loaded.records.items() for item in items}
    return Dataset(
        **{c.name: tuple(sorted(records[c.name], key=c.sort_key)) for c in COLLECTIONS},
        today=today,
        files=files,
        warnings=tuple(sorted(p for p in problems if p.severity == "warning")),
    )


def build_date() -> dt.date:
    """Today, or the date in TTT_TODAY (YYYY-MM-DD) for reproducible builds and tests."""
    fixed = os.environ.get("TTT_TODAY")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the record is read.

    Reading allocates millions of small objects (values, marks, records) and no reference
    cycles; each allocation burst triggers a full collection that walks all of them again. At
    100x the record that was 8 of the 14 seconds of `python -m macros.check`."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_dataset(root: Path, today: dt.date | None = None, cache: FileCache | None = None,
                 store: CheckStore | None = None) -> Dataset:
    """Read, validate and cross-check `root/data`; raise DataError with every problem found.
    `cache`: the in-memory file cache of `mkdocs serve`; `store`: the stored check cache."""
    today = today or build_date()
    with collector_paused():
        try:
            return build_dataset(load_data(root / "data", root, cache, store), today)
        finally:
            if store is not None:
                store.finish()
