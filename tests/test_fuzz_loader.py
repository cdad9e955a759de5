"""Property tests (hypothesis): mutated real data files never crash the loader.

Whatever a contributor's editor does to a file, the result either loads or gives clean,
located problems; never another exception.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data.dataset import build_dataset
from macros.data.load import FileCache, load_data
from macros.data.problems import DataError
from tests.conftest import ROOT

REAL_FILES = sorted(p.relative_to(ROOT / "data") for p in (ROOT / "data").rglob("*.yaml"))
TODAY = dt.date(2026, 11, 24)
TRICKY = ":-\"' \t\n{}[]&*!|>#%@`\\,?0123456789abcyesnotrue\u202e\u200b<>=~"

mutation = st.tuples(
    st.sampled_from(["insert", "delete", "replace_line", "duplicate_line", "swap_lines", "truncate"]),
    st.floats(min_value=0, max_value=1),
    st.floats(min_value=0, max_value=1),
    st.text(alphabet=TRICKY, max_size=12),
)


def mutate(text: str, how: str, a: float, b: float, payload: str) -> str:
    i = int(a * len(text))
    lines = text.split("\n")
    j, k = int(a * (len(lines) - 1)), int(b * (len(lines) - 1))
    if how == "insert":
        return text[:i] + payload + text[i:]
    if how == "delete":
        return text[:i] + text[i + 1 + int(b * 40):]
    if how == "replace_line":
        lines[j] = payload
    elif how == "duplicate_line":
        lines.insert(j, lines[j])
    elif how == "swap_lines":
        lines[j], lines[k] = lines[k], lines[j]
    elif how == "truncate":
        return text[:i]
    return "\n".join(lines)


_BASE: Path | None = None


def workspace() -> Path:
    """One copy of the real data for the whole module; each example rewrites one file, then restores it."""
    global _BASE
    if _BASE is None:
        _BASE = Path(tempfile.mkdtemp(prefix="fuzz-"))
        shutil.copytree(ROOT / "data", _BASE / "data")
    return _BASE


def run_with(file: Path, text: str) -> None:
    root = workspace()
    target = root / "data" / file
    original = target.read_bytes()
    target.write_text(text, encoding="utf-8")
    try:
        assert_loads_or_fails_cleanly(root)
    finally:
        target.write_bytes(original)


# Unchanged files are read once: each example re-reads only the file it mutated.
_CACHE = FileCache()


def assert_loads_or_fails_cleanly(root: Path) -> None:
    try:
        build_dataset(load_data(root / "data", root, _CACHE), TODAY)
    except DataError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.path.startswith("data/")
            assert problem.line >= 1 and problem.col >= 1
            assert problem.field and problem.message
            assert str(problem).startswith(f"{problem.path}:{problem.line}:{problem.col}: ")


@given(file=st.sampled_from(REAL_FILES), mutations=st.lists(mutation, min_size=1, max_size=4))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_text_mutations_never_crash_the_loader(file, mutations):
    text = (ROOT / "data" / file).read_text(encoding="utf-8")
    for how, a, b, payload in mutations:
        text = mutate(text, how, a, b, payload)
    run_with(file, text)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


replacement = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=False),
                        st.text(alphabet=TRICKY, max_size=8), st.lists(st.integers(0, 3), max_size=2),
                        st.dictionaries(st.sampled_from(["id", "x", "date"]), st.text(max_size=4), max_size=2))


@given(file=st.sampled_from(REAL_FILES), pick=st.floats(0, 1), new_value=replacement, delete=st.booleans())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_structural_mutations_never_crash_the_loader(file, pick, new_value, delete):
    document = yaml.safe_load((ROOT / "data" / file).read_text(encoding="utf-8"))
    paths = [p for p in _paths(document) if p]
    path = paths[int(pick * (len(paths) - 1))]
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new_value
    run_with(file, yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
