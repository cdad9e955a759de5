"""Purchase commitments measured: each target against its latest figure and each side's stated
deadline, computed from the figures on record (cumulative, never extrapolated)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from macros.data.records import Purchase, PurchaseDeadline, PurchaseFigure


@dataclass(frozen=True)
class DeadlineReading:
    """What the figures say about one stated deadline."""

    deadline: PurchaseDeadline
    verdict: str  # met-by | met-after | not-met | ahead | no-figure


@dataclass(frozen=True)
class Meter:
    purchase: Purchase
    latest: PurchaseFigure | None
    reached_on: dt.date | None  # the first figure at or above the target
    readings: tuple[DeadlineReading, ...]

    @property
    def share(self) -> float | None:
        """The latest figure as a share of the target (None without a figure)."""
        return None if self.latest is None else self.latest.quantity / self.purchase.target


def meter(purchase: Purchase, today: dt.date) -> Meter:
    figures = list(purchase.figures)
    latest = figures[-1] if figures else None
    reached = next((f.date for f in figures if f.quantity >= purchase.target), None)
    readings = []
    for deadline in sorted(purchase.deadlines, key=lambda d: (d.due, d.side)):
        if reached is not None:
            verdict = "met-by" if reached <= deadline.due else "met-after"
        elif deadline.due >= today:
            verdict = "ahead"
        elif latest is None:
            verdict = "no-figure"
        else:
            verdict = "not-met"
        readings.append(DeadlineReading(deadline, verdict))
    return Meter(purchase, latest, reached, tuple(readings))
