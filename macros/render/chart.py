"""The headline-tariff step chart, drawn at build time as SVG (no JavaScript, vector in print)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from markupsafe import Markup

from macros.data.records import Estimate, TariffChange
from macros.render.jinja import human_date
from macros.render.safe import safe_url
from macros.render.safe import text as escape
from macros.views import labels
from macros.views.labels import TARIFF_DIRECTION as DIRECTIONS

WIDTH, HEIGHT = 800, 380
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 16, 44


@dataclass(frozen=True)
class Axis:
    start: dt.date
    end: dt.date
    top_rate: float

    def x(self, day: dt.date) -> float:
        span = (self.end - self.start).days or 1
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - self.start).days / span, 1)

    def y(self, rate: float) -> float:
        return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - rate / self.top_rate), 1)


def _axis(changes: list[TariffChange], end: dt.date, estimates: tuple[Estimate, ...] = ()) -> Axis:
    first = min(c.effective for c in changes)
    start = first.replace(day=1)
    last = max([end, *(c.effective for c in changes), *(e.as_of for e in estimates)])
    top = max(50.0, math.ceil(max([c.rate for c in changes] + [e.rate for e in estimates]) / 25) * 25)
    return Axis(start, last, top)


def _month_ticks(axis: Axis) -> list[dt.date]:
    """Quarter starts; past three years, only January (the labels would overlap)."""
    months = (1, 4, 7, 10) if (axis.end - axis.start).days <= 3 * 366 else (1,)
    ticks, day = [], axis.start
    while day <= axis.end:
        if day.month in months:
            ticks.append(day)
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return ticks


def tariff_chart(changes: list[TariffChange], as_of: dt.date, estimates: tuple[Estimate, ...] = ()) -> Markup:
    """The chart as inline SVG: one step line per direction, every change linked to its source,
    drawn to the data's horizon `as_of`; published estimates of the average tariff, if given, as
    hollow diamonds beside the lines. The tariffs page charts the latest years once the record is
    long."""
    if not changes:
        return Markup('<p class="ttt-empty">No tariff changes recorded yet.</p>')
    estimates = tuple(e for e in estimates if e.as_of >= min(c.effective for c in changes))
    axis = _axis(changes, as_of, estimates)
    parts = [
        f'<svg class="ttt-chart" viewBox="0 0 {WIDTH} {HEIGHT}" aria-labelledby="ttt-chart-title ttt-chart-desc" '
        'xmlns="http://www.w3.org/2000/svg">',
        '<title id="ttt-chart-title">Headline additional tariffs between the U.S. and China</title>',
        f'<desc id="ttt-chart-desc">Step chart from {human_date(axis.start)} to {human_date(axis.end)}. '
        f'{escape(" ".join(_describe(changes, d) for d in DIRECTIONS))} The table below gives the same figures.</desc>',
    ]
    for step in range(0, int(axis.top_rate) + 1, 25):
        y = axis.y(step)
        parts.append(f'<line class="ttt-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}"/>')
        parts.append(f'<text class="ttt-chart__label" x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{step}%</text>')
    ticks = _month_ticks(axis)
    years_only = all(t.month == 1 for t in ticks) and len(ticks) > 2
    for tick in ticks:
        x = axis.x(tick)
        base = HEIGHT - BOTTOM
        parts.append(f'<line class="ttt-chart__tick" x1="{x}" x2="{x}" y1="{base}" y2="{base + 5}"/>')
        parts.append(f'<text class="ttt-chart__label" x="{x}" y="{HEIGHT - BOTTOM + 20}" text-anchor="middle">'
                     f'{tick.year if years_only else labels.month_year(tick, short=True)}</text>')
    for direction, label in DIRECTIONS.items():
        series = [c for c in changes if c.direction == direction]
        if not series:
            continue
        points = []
        for i, change in enumerate(series):
            x = axis.x(change.effective)
            until = series[i + 1].effective if i + 1 < len(series) else axis.end
            points += [(x, axis.y(change.rate)), (axis.x(until), axis.y(change.rate))]
            if i + 1 < len(series):
                points.append((axis.x(until), axis.y(series[i + 1].rate)))
        path = " ".join(f"{'M' if i == 0 else 'L'}{x},{y}" for i, (x, y) in enumerate(points))
        parts.append(f'<path class="ttt-chart__line ttt-chart__line--{direction}" d="{path}">'
                     f"<title>{label}</title></path>")
        for change in series:
            title = f"{label}: {change.rate:g}% from {human_date(change.effective)} ({change.sources[0].publisher})"
            parts.append(
                f'<a href="{escape(safe_url(change.sources[0].url))}" aria-label="{escape(title)}" tabindex="-1">'
                f'<circle class="ttt-chart__point ttt-chart__point--{direction}" cx="{axis.x(change.effective)}" '
                f'cy="{axis.y(change.rate)}" r="5"><title>{escape(title)}</title></circle></a>'
            )
    for estimate in estimates:
        x, y = axis.x(estimate.as_of), axis.y(estimate.rate)
        tip = (f"{estimate.publisher}: an average of {estimate.rate:g}% ({DIRECTIONS[estimate.direction]}), "
               f"as of {human_date(estimate.as_of)}")
        parts.append(f'<path class="ttt-chart__estimate ttt-chart__estimate--{estimate.direction}" '
                     f'd="M{x},{y - 7} L{x + 7},{y} L{x},{y + 7} L{x - 7},{y} Z"><title>{escape(tip)}</title></path>')
    legend_y = HEIGHT - 8
    for i, (direction, label) in enumerate(DIRECTIONS.items()):
        x = LEFT + i * 280
        parts.append(f'<line class="ttt-chart__line ttt-chart__line--{direction}" x1="{x}" x2="{x + 24}" '
                     f'y1="{legend_y - 4}" y2="{legend_y - 4}"/>')
        parts.append(f'<text class="ttt-chart__label" x="{x + 30}" y="{legend_y}">{label}</text>')
    if estimates:
        x = LEFT + 2 * 280 - 20
        parts.append(f'<path class="ttt-chart__estimate" d="M{x},{legend_y - 11} L{x + 7},{legend_y - 4} '
                     f'L{x},{legend_y + 3} L{x - 7},{legend_y - 4} Z"/>'
                     f'<text class="ttt-chart__label" x="{x + 12}" y="{legend_y}">Published averages</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _describe(changes: list[TariffChange], direction: str) -> str:
    series = [c for c in changes if c.direction == direction]
    if not series:
        return ""
    steps = ", ".join(f"{c.rate:g}% from {human_date(c.effective)}" for c in series)
    return f"{DIRECTIONS[direction]}: {steps}."
