"""Per-build memoisation of views: many pages ask for the same derivation of the Dataset."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from macros.data.dataset import Dataset

P = ParamSpec("P")
R = TypeVar("R")


def memoized(view: Callable[P, R]) -> Callable[P, R]:
    """Compute a view once per Dataset (the Dataset is made once per build and holds the memo)."""

    @functools.wraps(view)
    def wrapper(data: Dataset, *args: object) -> R:  # type: ignore[valid-type]
        key = (view.__module__, view.__name__, *args)
        if key not in data.memo:
            data.memo[key] = view(data, *args)
        return data.memo[key]  # type: ignore[return-value]

    return wrapper  # type: ignore[return-value]
