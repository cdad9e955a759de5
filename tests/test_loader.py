"""The loader on good and bad data: every error at once, with path:line:col, field and hint."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.dataset import load_dataset
from macros.data.problems import DataError
from tests.conftest import FIXTURES, ROOT

TODAY = dt.date(2026, 1, 1)


def data_with(tmp_path: Path, changes: dict[str, str | None]) -> Path:
    """A copy of the valid fixture project with some files replaced (None deletes one)."""
    shutil.copytree(FIXTURES / "valid" / "data", tmp_path / "data")
    for name, text in changes.items():
        path = tmp_path / "data" / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    return tmp_path


def problems_for(tmp_path: Path, changes: dict[str, str | None]) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_dataset(data_with(tmp_path, changes), TODAY)
    return [str(p) for p in caught.value.problems if p.severity == "error"]


def test_valid_fixture_loads_with_every_collection():
    data = load_dataset(FIXTURES / "valid", TODAY)
    assert [r.id for r in data.rounds] == ["2025-05-alpha", "2025-06-beta"]
    assert {i.id for i in data.issues} == {"widgets", "gadgets"}
    assert len(data.events) == 3 and len(data.deadlines) == 2 and len(data.people) == 2
    assert data.by_id["people"]["bo-cn"].name_zh == "博例"
    assert data.as_of == dt.date(2025, 5, 12)
    assert data.rounds[0].start == dt.date(2025, 5, 10)


ROUND = (FIXTURES / "valid" / "data" / "rounds" / "2025-05-alpha.yaml").read_text(encoding="utf-8")


def test_unknown_person_reports_line_column_and_suggestion(tmp_path):
    text = ROUND.replace("person: ann-us, role", "person: an-us, role")
    problems = problems_for(tmp_path, {"rounds/2025-05-alpha.yaml": text})
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "an-us" in row)
    col = text.splitlines()[line - 1].index("an-us") + 1
    assert problems == [
        f"data/rounds/2025-05-alpha.yaml:{line}:{col}: delegations.us[0].person: "
        "unknown person 'an-us' — did you mean 'ann-us'? Or add a person with id 'an-us' to data/people/"
    ]


def test_all_errors_are_reported_at_once(tmp_path):
    problems = problems_for(tmp_path, {
        "rounds/2025-05-alpha.yaml": ROUND.replace("summary:", "sumary:").replace(
            'end: "2025-05-11"', 'end: "2025-02-30"'),
        "issues/gadgets.yaml": "id: gadgets\nid: gadgets\n",
        "events/extra.yaml": "- id: Bad_Id\n",
    })
    joined = "\n".join(problems)
    assert "2025-05-alpha.yaml:6:6: end: '2025-02-30' is not a real calendar date" in joined
    assert "sumary: unknown field 'sumary' — did you mean 'summary'?" in joined
    assert "gadgets.yaml:2:1: id: duplicate key 'id' (first set on line 1)" in joined
    assert "extra.yaml:1:7: [0].id: 'Bad_Id' is not a valid id" in joined
    assert len(problems) >= 6


def test_end_before_start_and_chain_without_successor(tmp_path):
    problems = problems_for(tmp_path, {
        "rounds/2025-05-alpha.yaml": ROUND.replace('end: "2025-05-11"', 'end: "2025-05-01"'),
        "deadlines/chain.yaml": (FIXTURES / "valid/data/deadlines/chain.yaml").read_text().replace(
            "  replaced_by: truce-2\n", ""),
    })
    assert any(": end: end 2025-05-01 is before start 2025-05-10" in p for p in problems)
    assert any("status: status 'extended' needs a successor — add replaced_by" in p for p in problems)


def test_yaml_1_1_traps_stay_text(tmp_path):
    """`no`, `on` and `12:30` are text under YAML 1.2, not a boolean or the number 750."""
    data_with(tmp_path, {"issues/gadgets.yaml": (
        "id: gadgets\ntitle: no\naliases: [12:30, on]\nsummary: yes\n"
        'status: {text: x, as_of: "2025-01-01", sources: [{url: "https://e.org", publisher: p, title: t, '
        'date: 2025-01-01}]}\nsources: [{url: "https://e.org", publisher: p, title: t, date: "2025-01-01"}]\n'
    )})
    issue = load_dataset(tmp_path, TODAY).by_id["issues"]["gadgets"]
    assert (issue.title, issue.aliases, issue.summary) == ("no", ["12:30", "on"], "yes")
    assert issue.status.sources[0].date == dt.date(2025, 1, 1)


def test_true_where_text_belongs_is_an_error_with_a_quoting_hint(tmp_path):
    text = (FIXTURES / "valid/data/issues/gadgets.yaml").read_text().replace("title: Gadgets", "title: true")
    problems = problems_for(tmp_path, {"issues/gadgets.yaml": text})
    assert problems == ["data/issues/gadgets.yaml:3:8: title: expected text, got true/false (true) — "
                        "quote it: YAML reads unquoted true/false as a boolean"]


def test_file_name_must_match_id(tmp_path):
    problems = problems_for(tmp_path, {"issues/gizmos.yaml": (FIXTURES / "valid/data/issues/gadgets.yaml").read_text()})
    assert any("gizmos.yaml" in p and "id 'gadgets' differs from the file name 'gizmos'" in p for p in problems)
    assert any("gizmos.yaml" in p and "id 'gadgets' is already used" in p for p in problems)


def test_check_command_prints_the_report_and_fails(tmp_path):
    project = data_with(tmp_path, {"rounds/2025-05-alpha.yaml": ROUND.replace("kind: talks", "kind: talk")})
    proc = subprocess.run([sys.executable, "-m", "macros.check", "--root", str(project)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "data/rounds/2025-05-alpha.yaml:4:7: kind: 'talk' is not allowed here — did you mean 'talks'?" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_command_passes_on_valid_data():
    proc = subprocess.run([sys.executable, "-m", "macros.check", "--root", str(FIXTURES / "valid")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("data OK: 2 rounds, 2 issues, 3 events")


def _every_source(value: object, prefix: tuple = ()) -> list:
    """A walk through every field of every nested model: slow, obviously complete."""
    from pydantic import BaseModel

    from macros.data.records import Source
    if isinstance(value, Source):
        return [(prefix, value)]
    if isinstance(value, (list, tuple)):
        return [found for i, item in enumerate(value) for found in _every_source(item, (*prefix, i))]
    if isinstance(value, BaseModel):
        return [found for name in type(value).model_fields
                for found in _every_source(getattr(value, name), (*prefix, name))]
    return []


def test_sources_in_finds_every_source_and_document_with_its_path(real_dataset):
    from macros.data.records import sources_in
    records = (*real_dataset.all_records(), *real_dataset.gaps)
    found = [list(sources_in(record)) for record in records]
    assert found == [_every_source(record) for record in records]
    assert any(path[0] == "documents" for paths in found for path, _ in paths)  # a round's documents count


def test_the_real_record_has_no_standing_warning(real_dataset):
    """A warning on main shows in every check run, pull request and preview banner, so that a
    contributor cannot tell their own: fix each, or record it (a past-due deadline as unknown or
    with its outcome, a lone syndicated copy with the original or a second source)."""
    assert [str(p) for p in real_dataset.warnings] == []


def test_calls_say_who_spoke_leaders_or_officials(real_dataset):
    """A call between He Lifeng and Bessent is not a leaders' call: the label follows `between`."""
    from macros.views.timeline import timeline_entries

    labels = {e.record.id: e.kind_label for e in timeline_entries(real_dataset) if e.kind == "call"}
    assert labels["2025-02-21-he-lifeng-bessent-first-video-call"] == "Officials' call"
    assert labels["2025-10-18-he-lifeng-bessent-greer-video-call"] == "Officials' call"
    calls = [e for e in real_dataset.events if e.kind == "call"]
    assert calls and all(e.between in ("leaders", "officials") for e in calls)
    for event in calls:
        spoke = "Leaders' call" if "Trump" in event.title and "Xi" in event.title else "Officials' call"
        assert labels[event.id] == spoke, event.title
