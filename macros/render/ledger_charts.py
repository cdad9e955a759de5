"""Build-time SVG for the ledger: a measure's states as a strip, and each side's headline tariff
stacked by legal authority. No JavaScript; every label escaped through render.safe."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from macros.data.records import Measure
from macros.render.jinja import human_date
from macros.render.safe import text as escape
from macros.views import labels
from macros.views.ledger import Step

STRIP_WIDTH, STRIP_HEIGHT, STRIP_LEFT, STRIP_RIGHT = 800, 64, 8, 8


def _x(day: dt.date, start: dt.date, end: dt.date, left: float, width: float) -> float:
    span = (end - start).days or 1
    return round(left + width * (day - start).days / span, 1)


def state_strip(measure: Measure, horizon: dt.date, chart_id: str) -> Markup:
    """The measure's states from the first to the data's horizon, one coloured segment each."""
    states = list(measure.states)
    start = states[0].start
    end = max(horizon, states[-1].start + dt.timedelta(days=1))
    width = STRIP_WIDTH - STRIP_LEFT - STRIP_RIGHT
    parts = [
        f'<svg class="ttt-strip" viewBox="0 0 {STRIP_WIDTH} {STRIP_HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(measure.title)}: states from {human_date(start)} to '
        f"{human_date(end)} (the table below gives the same)</title>",
    ]
    for i, state in enumerate(states):
        until = states[i + 1].start if i + 1 < len(states) else end
        x0, x1 = _x(state.start, start, end, STRIP_LEFT, width), _x(until, start, end, STRIP_LEFT, width)
        label = labels.MEASURE_STATUS[state.status]
        if state.rate is not None:
            label += f" {state.rate:g}%"
        tip = f"{label} from {human_date(state.start)}"
        parts.append(f'<rect class="ttt-strip__seg ttt-state-fill--{state.status}" x="{x0}" y="8" '
                     f'width="{max(x1 - x0, 1.5)}" height="28"><title>{escape(tip)}</title></rect>')
        if x1 - x0 > 70:
            parts.append(f'<text class="ttt-strip__label" x="{x0 + 4}" y="27">{escape(label)}</text>')
        parts.append(f'<text class="ttt-chart__label" x="{x0}" y="54">{state.start.strftime("%b %Y")}</text>'
                     if x1 - x0 > 55 or i == 0 else "")
    parts.append("</svg>")
    return Markup("".join(parts))


STACK_WIDTH, STACK_HEIGHT, STACK_LEFT, STACK_RIGHT, STACK_TOP, STACK_BOTTOM = 800, 300, 52, 16, 16, 36


def stacked_tariff(steps: list[Step], horizon: dt.date, side_label: str, chart_id: str) -> Markup:
    """One side's across-the-board tariff as stacked layers, one per measure (legal authority)."""
    if not steps:
        return Markup('<p class="ttt-empty">No across-the-board tariff measures recorded for this side.</p>')
    start = steps[0].start.replace(day=1)
    end = max(horizon, steps[-1].start + dt.timedelta(days=30))
    top = max(50, -(-max(s.total for s in steps) // 25) * 25)
    width = STACK_WIDTH - STACK_LEFT - STACK_RIGHT
    height = STACK_HEIGHT - STACK_TOP - STACK_BOTTOM

    def y(rate: float) -> float:
        return round(STACK_TOP + height * (1 - rate / top), 1)

    order = list(dict.fromkeys(layer.measure.id for step in steps for layer in step.layers))
    titles = {layer.measure.id: layer.measure.title for step in steps for layer in step.layers}
    parts = [
        f'<svg class="ttt-chart ttt-stack" viewBox="0 0 {STACK_WIDTH} {STACK_HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(side_label)}: across-the-board additional tariff by legal '
        f"authority, {human_date(start)} to {human_date(end)} (the table below gives the same figures)</title>",
    ]
    for rate in range(0, int(top) + 1, 25):
        parts.append(f'<line class="ttt-chart__grid" x1="{STACK_LEFT}" x2="{STACK_WIDTH - STACK_RIGHT}" '
                     f'y1="{y(rate)}" y2="{y(rate)}"/>')
        parts.append(f'<text class="ttt-chart__label" x="{STACK_LEFT - 6}" y="{y(rate) + 4}" '
                     f'text-anchor="end">{rate}%</text>')
    for i, step in enumerate(steps):
        until = steps[i + 1].start if i + 1 < len(steps) else end
        x0, x1 = _x(step.start, start, end, STACK_LEFT, width), _x(until, start, end, STACK_LEFT, width)
        base = 0.0
        for layer in step.layers:
            layer_index = order.index(layer.measure.id)
            tip = f"{layer.measure.title}: {layer.rate:g}% from {human_date(step.start)}"
            parts.append(f'<rect class="ttt-stack__layer ttt-stack__layer--{layer_index % 6}" x="{x0}" '
                         f'y="{y(base + layer.rate)}" width="{max(x1 - x0, 1)}" '
                         f'height="{round(y(base) - y(base + layer.rate), 1)}"><title>{escape(tip)}</title></rect>')
            base += layer.rate
        if x1 - x0 > 28:
            parts.append(f'<text class="ttt-chart__label" x="{x0 + 2}" y="{y(step.total) - 4}">'
                         f"{step.total:g}%</text>")
    years = sorted({step.start.year for step in steps} | {end.year})
    for year in years:
        day = dt.date(year, 1, 1)
        if start <= day <= end:
            x = _x(day, start, end, STACK_LEFT, width)
            parts.append(f'<text class="ttt-chart__label" x="{x}" y="{STACK_HEIGHT - 12}" '
                         f'text-anchor="middle">{year}</text>')
    parts.append("</svg>")
    legend = "".join(f'<li><span class="ttt-swatch ttt-stack__layer--{i % 6}" aria-hidden="true"></span>'
                     f"{escape(titles[measure_id])}</li>" for i, measure_id in enumerate(order))
    return Markup("".join(parts) + f'<ul class="ttt-legend-list">{legend}</ul>')
