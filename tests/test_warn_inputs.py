"""The warnings corpus (tests/warn_inputs/): data that loads, but that the check reports as
needing attention (a past-due deadline still `pending`, a record resting on one syndicated copy).
Each case is a folder whose data/ files are laid over tests/fixtures/valid/data; expected.txt holds
the exact warning lines, and nothing else may be reported."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.dataset import load_dataset
from tests.conftest import FIXTURES, ROOT

CORPUS = Path(__file__).resolve().parent / "warn_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
TODAY = dt.date(2026, 1, 1)


def test_the_fixture_alone_warns_of_nothing():
    assert [str(p) for p in load_dataset(FIXTURES / "valid", TODAY).warnings] == []


@pytest.mark.parametrize("case", CASES)
def test_loader_warns_exactly_as_expected(tmp_path, case):
    shutil.copytree(FIXTURES / "valid" / "data", tmp_path / "data")
    shutil.copytree(CORPUS / case / "data", tmp_path / "data", dirs_exist_ok=True)
    dataset = load_dataset(tmp_path, TODAY)
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected
    assert [str(p) for p in dataset.warnings] == expected


def test_the_check_command_passes_but_prints_the_warning(tmp_path):
    case = "deadline-pending-past-due"
    shutil.copytree(FIXTURES / "valid" / "data", tmp_path / "data")
    shutil.copytree(CORPUS / case / "data", tmp_path / "data", dirs_exist_ok=True)
    env = {**os.environ, "TTT_TODAY": TODAY.isoformat()}
    check = subprocess.run([sys.executable, "-m", "macros.check", "--root", str(tmp_path)],
                           capture_output=True, text=True, cwd=ROOT, env=env)
    assert check.returncode == 0, check.stderr
    assert (CORPUS / case / "expected.txt").read_text(encoding="utf-8").strip() in check.stderr + check.stdout
