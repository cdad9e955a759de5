"""The bad-input corpus (tests/bad_inputs/): every case fails with exactly its expected report
through the loader (in process, fast); a representative few also through the check command and
`mkdocs build` (end to end: no traceback, the report on stderr, no site written).

Each case is a folder whose data/ files are laid over tests/fixtures/valid/data; expected.txt
holds the exact error lines. To add a case, add a folder and its expected.txt.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.dataset import load_dataset
from macros.data.problems import DataError
from tests.conftest import FIXTURES, ROOT, make_project, run_build

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
# One of each family: YAML syntax, the schema, a reference, the ledger, and many files at once.
END_TO_END = ["syntax-tab-indentation", "schema-missing-required-field", "ref-unknown-person",
              "ledger-extended-suspension-not-continued", "many-errors-in-many-files"]
TODAY = "2026-01-01"


def case_project(tmp_path: Path, case: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "valid" / "data", data)
    shutil.copytree(CORPUS / case / "data", data, dirs_exist_ok=True)
    return tmp_path


def expected_lines(case: str) -> list[str]:
    return (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_the_corpus_is_large_and_every_case_has_an_expected_report():
    assert len(CASES) >= 40
    assert set(END_TO_END) <= set(CASES)
    for case in CASES:
        assert expected_lines(case), case


@pytest.mark.parametrize("case", CASES)
def test_loader_reports_exactly_the_expected_errors(tmp_path, case):
    with pytest.raises(DataError) as caught:
        load_dataset(case_project(tmp_path, case), dt.date.fromisoformat(TODAY))
    errors = [str(p) for p in caught.value.problems if p.severity == "error"]
    assert errors == expected_lines(case)


@pytest.mark.parametrize("case", END_TO_END)
def test_check_command_and_build_fail_cleanly(tmp_path, case):
    env = {**os.environ, "TTT_TODAY": TODAY}
    project = case_project(tmp_path / "check", case)
    check = subprocess.run([sys.executable, "-m", "macros.check", "--root", str(project)],
                           capture_output=True, text=True, cwd=ROOT, env=env)
    assert check.returncode == 1
    assert "Traceback" not in check.stderr
    for line in expected_lines(case):
        assert line in check.stderr
    build_project = make_project(tmp_path / "build", project / "data")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous build")
    build = run_build(build_project, site, {"TTT_TODAY": TODAY})
    assert build.returncode != 0
    assert "Traceback" not in build.stderr + build.stdout
    assert "The data has errors; nothing was built." in build.stderr
    for line in expected_lines(case):
        assert line in build.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "the previous build"


def test_a_very_large_file_is_refused_before_parsing(tmp_path):
    project = case_project(tmp_path, CASES[0])
    shutil.rmtree(project / "data")
    shutil.copytree(FIXTURES / "valid" / "data", project / "data")
    big = project / "data" / "events" / "big.yaml"
    big.write_text("# padding\n" * 120_000)
    with pytest.raises(DataError) as caught:
        load_dataset(project, dt.date.fromisoformat(TODAY))
    assert [str(p) for p in caught.value.problems if p.severity == "error"] == [
        f"data/events/big.yaml:1:1: (file): file is {big.stat().st_size:,} bytes; the limit is 1,000,000 "
        "— split it into smaller files"]


def test_a_file_that_cannot_be_read_is_named_once_and_references_into_its_folder_are_not_errors(tmp_path):
    """data/people/all.yaml is a bare string: the rounds' delegates cannot be told apart from people
    that file may hold, so they are not reported as unknown; a note says what was not checked."""
    with pytest.raises(DataError) as caught:
        load_dataset(case_project(tmp_path, "syntax-scalar-file"), dt.date.fromisoformat(TODAY))
    problems = caught.value.problems
    assert [p.path for p in problems if p.severity == "error"] == ["data/people/all.yaml"]
    notes = [str(p) for p in problems if p.severity == "note"]
    assert notes == ["data/people/all.yaml:1:1: (file): could not be read: its records were not checked, "
                     "nor references to people (it may hold them) — fix the error above, then run the check again"]
    assert "note: data/people/all.yaml:1:1" in str(caught.value)
    assert str(caught.value).endswith("1 error, 0 warnings in the data")


def test_the_error_reference_page_is_generated_from_the_corpus():
    proc = subprocess.run([sys.executable, "scripts/errors_doc.py", "--check"], cwd=ROOT)
    assert proc.returncode == 0, "docs/contributing/errors.md is stale: run .venv/bin/python scripts/errors_doc.py"
