"""The stored check cache of `python -m macros.check`: it never changes a result (good data and
every case of the bad-input corpus, in one process and across worker processes), a run after
one edit parses only that file, and a damaged cache is a miss, never a wrong answer."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from macros.data import load, yaml_reader
from macros.data.dataset import Dataset, load_dataset
from macros.data.problems import DataError, Problem
from macros.data.stored import CheckStore
from tests.conftest import FIXTURES, ROOT
from tests.test_bad_inputs import CASES, TODAY, case_project

DAY = dt.date.fromisoformat(TODAY)


def report(root: Path, store: CheckStore | None) -> tuple[str, list[Problem], dict[str, int]]:
    """Everything a run tells: errors or the warnings, and how many records of each kind (the
    corpus is checked as of its day, the real record as of today)."""
    day = None if root.name == "real" else DAY
    try:
        data: Dataset = load_dataset(root, day, store=store)
    except DataError as err:
        return "errors", err.problems, {}
    return "ok", sorted(data.warnings), {name: len(records) for name, records in data.by_id.items()}


def three_runs(root: Path) -> list[tuple[str, list[Problem], dict[str, int]]]:
    """Without the cache, with an empty one (it fills), with the filled one."""
    folder = root / ".cache" / "check"
    shutil.rmtree(folder, ignore_errors=True)
    return [report(root, None), report(root, CheckStore(folder)), report(root, CheckStore(folder))]


@pytest.mark.parametrize("case", CASES)
def test_the_cache_never_changes_a_report_on_bad_data(tmp_path, case):
    plain, filling, filled = three_runs(case_project(tmp_path, case))
    assert plain[0] == "errors"
    assert filling == plain
    assert filled == plain


def test_the_cache_never_changes_a_report_on_good_data(tmp_path):
    root = tmp_path / "real"
    shutil.copytree(ROOT / "data", root / "data")
    # The real record has no standing warning; one past-due pending deadline gives it one, so
    # warnings' positions (read back from the stored marks) are exercised too.
    (root / "data" / "deadlines" / "zz-past-due.yaml").write_text(
        '- id: zz-past-due\n  title: A deadline past due\n  due: "2025-06-01"\n  kind: other\n'
        '  issues: [tariffs]\n  status: pending\n  text: Due.\n  sources:\n'
        '    - {url: "https://example.org/a", publisher: Example, title: A, date: "2025-05-01"}\n')
    plain, filling, filled = three_runs(root)
    assert plain[0] == "ok" and [(p.path, p.line) for p in plain[1]] == [("data/deadlines/zz-past-due.yaml", 6)]
    assert filling == plain
    assert filled == plain


def test_worker_processes_give_the_same_report(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "PARALLEL_FROM", 2)
    for root in (case_project(tmp_path / "bad", "many-errors-in-many-files"), tmp_path / "real"):
        if not (root / "data").exists():
            shutil.copytree(ROOT / "data", root / "data")
        plain, filling, filled = three_runs(root)
        assert filling == plain
        assert filled == plain


@pytest.fixture
def counted_parses(monkeypatch) -> list[str]:
    parsed: list[str] = []
    real = yaml_reader.read_yaml

    def counting(file: Path, display: str, raw: bytes | None = None):
        parsed.append(display)
        return real(file, display, raw)

    monkeypatch.setattr(load, "read_yaml", counting)
    monkeypatch.setattr(yaml_reader, "read_yaml", counting)
    monkeypatch.setattr(load, "PARALLEL_FROM", 10**6)  # parse here, where the count is kept
    return parsed


def test_a_run_after_one_edit_parses_only_that_file(tmp_path, counted_parses):
    root = tmp_path / "real"
    shutil.copytree(ROOT / "data", root / "data")
    folder = root / ".cache" / "check"
    report(root, CheckStore(folder))
    files = sorted((root / "data").rglob("*.yaml"))
    assert len(counted_parses) >= len(files)
    counted_parses.clear()
    store = CheckStore(folder)
    report(root, store)
    assert counted_parses == [] and store.hits == len(files)
    edited = root / "data" / "rounds" / "2025-09-madrid.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    store = CheckStore(folder)
    report(root, store)
    assert counted_parses == ["data/rounds/2025-09-madrid.yaml"]
    assert (store.hits, store.misses) == (len(files) - 1, 1)
    # The old entry of the edited file is pruned: one entry (and one marks file) per data file.
    assert len(list(store.folder.glob("*.json"))) == len(files)


def test_an_error_in_an_unchanged_file_is_placed_from_its_stored_positions(tmp_path, counted_parses):
    """Removing a person makes every file that names them wrong: those files are not parsed
    again, yet each problem has the line and column that a run without the cache gives."""
    root = tmp_path / "fixture"
    shutil.copytree(FIXTURES / "valid" / "data", root / "data")
    folder = root / ".cache" / "check"
    assert report(root, CheckStore(folder))[0] == "ok"
    people = sorted((root / "data" / "people").glob("*.yaml"))
    for file in people:
        file.write_text("[]\n", encoding="utf-8")
    counted_parses.clear()
    cached = report(root, CheckStore(folder))
    assert set(counted_parses) == {f"data/people/{file.name}" for file in people}
    assert cached == report(root, None)
    assert cached[0] == "errors" and any("unknown person" in p.message for p in cached[1])


def test_a_damaged_cache_is_a_miss_never_a_wrong_answer(tmp_path):
    root = tmp_path / "fixture"
    shutil.copytree(FIXTURES / "valid" / "data", root / "data")
    (root / "data" / "rounds" / "2025-05-alpha.yaml").write_text(
        (FIXTURES / "valid" / "data" / "rounds" / "2025-05-alpha.yaml").read_text(encoding="utf-8")
        .replace("title:", "titel:", 1), encoding="utf-8")
    folder = root / ".cache" / "check"
    report(root, CheckStore(folder))
    (root / "data" / "people" / "all.yaml").write_text("[]\n", encoding="utf-8")  # errors in other files
    expected = report(root, None)
    assert expected[0] == "errors" and any("unknown person" in p.message for p in expected[1])
    store = CheckStore(folder)
    entries = sorted(store.folder.glob("*.json"))
    assert len(entries) > 4
    entries[0].write_text('{"parsed": true, "value": [', encoding="utf-8")  # cut short
    entries[1].write_text(json.dumps({"parsed": True}), encoding="utf-8")  # fields missing
    for marks in store.folder.glob("*.marks"):  # positions that fit no file: parse it again
        marks.write_bytes(marks.read_bytes()[:-8] if len(marks.read_bytes()) > 20 else b"\x01\x02\x03")
    assert report(root, CheckStore(folder)) == expected
    assert report(root, CheckStore(folder)) == expected


def test_the_cache_holds_only_json_and_integer_arrays(tmp_path):
    root = tmp_path / "fixture"
    shutil.copytree(FIXTURES / "valid" / "data", root / "data")
    store = CheckStore(root / ".cache" / "check")
    report(root, store)
    names = {p.suffix for p in store.folder.iterdir()}
    assert names == {".json", ".marks"}
    for entry in store.folder.glob("*.json"):
        assert isinstance(json.loads(entry.read_bytes()), dict)
    for mark in store.folder.glob("*.marks"):
        assert len(mark.read_bytes()) % 4 == 0
