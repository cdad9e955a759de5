"""Stage durations of one build, for scripts/benchmark.py (written when TTT_TIMINGS is set)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Timings:
    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.durations: dict[str, float] = {}

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.durations[stage] = self.durations.get(stage, 0.0) + time.perf_counter() - start

    def report(self) -> dict[str, float]:
        return {**self.durations, "build_after_config": time.perf_counter() - self.started}
