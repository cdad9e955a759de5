"""Stage durations of the build in progress, for scripts/benchmark.py (written when TTT_TIMINGS is set)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

durations: dict[str, float] = {}


@contextmanager
def timed(stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        durations[stage] = durations.get(stage, 0.0) + time.perf_counter() - start
