"""The Dataset of the build in progress, shared by the page hook and the macros.

MkDocs loads hooks and the macros module separately; both reach the loaded data here, so it is
read and validated exactly once per build (in the hook's on_config).
"""

from __future__ import annotations

from macros.dataset import Dataset

_current: Dataset | None = None


def set_current(dataset: Dataset) -> None:
    global _current
    _current = dataset


def current() -> Dataset:
    if _current is None:
        raise RuntimeError("the data is not loaded: is macros/pages.py listed under hooks in mkdocs.yml?")
    return _current
