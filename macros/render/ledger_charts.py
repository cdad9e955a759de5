"""Build-time SVG for the ledger: a measure's states as a strip, and each side's headline tariff
stacked by legal authority. No JavaScript; every label escaped through render.safe."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from macros.data.records import Measure
from macros.data.translation_checks import HAN
from macros.render.jinja import human_date
from macros.render.safe import text as escape
from macros.views import labels
from macros.views.ledger import Step

STRIP_WIDTH, STRIP_HEIGHT, STRIP_LEFT, STRIP_RIGHT = 800, 70, 8, 8
FONT = 14  # the charts' text size in SVG units (site stylesheet); an SVG is never drawn under 640 px wide
CHAR = 0.6 * FONT  # a generous average glyph width, to keep labels from running into each other


def _x(day: dt.date, start: dt.date, end: dt.date, left: float, width: float) -> float:
    span = (end - start).days or 1
    return round(left + width * (day - start).days / span, 1)


def text_width(label: str) -> float:
    """Chinese characters are full width: about twice an average Latin glyph."""
    return sum(2 * CHAR if HAN.match(char) else CHAR for char in label)


def _month(day: dt.date, zh: bool) -> str:
    return f"{day.year}年{day.month}月" if zh else labels.month_year(day, short=True)


class Row:
    """One line of labels that must not overlap: each is placed only where it clears the last."""

    def __init__(self, gap: float = 8) -> None:
        self.right = float("-inf")
        self.gap = gap

    def place(self, x: float, label: str, limit: float = float("inf")) -> bool:
        """True (and the space is taken) when `label` fits from `x` before `limit`, clear of the last."""
        end = x + text_width(label)
        if x < self.right + self.gap or end > limit:
            return False
        self.right = end
        return True


def state_strip(measure: Measure, horizon: dt.date, chart_id: str, zh: bool = False) -> Markup:
    """The measure's states from the first to the data's horizon, one coloured segment each; a
    state's label and its start date are written where they fit without overlapping (the table
    below the strip gives every state). `zh`: its words in Chinese, for the Chinese edition."""
    states = list(measure.states)
    start = states[0].start
    end = max(horizon, states[-1].start + dt.timedelta(days=1))
    width = STRIP_WIDTH - STRIP_LEFT - STRIP_RIGHT
    parts = [
        f'<svg class="ttt-strip" viewBox="0 0 {STRIP_WIDTH} {STRIP_HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(measure.title)}: states from {human_date(start)} to '
        f"{human_date(end)} (the table below gives the same)</title>" if not zh else
        f'<title id="{chart_id}-title">{escape(measure.title_zh or measure.title)}：{labels.zh_date(start)}至'
        f"{labels.zh_date(end)}的状态（下表列出相同内容）</title>",
    ]
    inside, dates = Row(), Row(gap=12)
    for i, state in enumerate(states):
        until = states[i + 1].start if i + 1 < len(states) else end
        x0, x1 = _x(state.start, start, end, STRIP_LEFT, width), _x(until, start, end, STRIP_LEFT, width)
        label = (labels.ZH_MEASURE_STATUS if zh else labels.MEASURE_STATUS)[state.status]
        if state.rate is not None:
            label += f" {state.rate:g}%"
        tip = f"{label}，{labels.zh_date(state.start)}起" if zh else f"{label} from {human_date(state.start)}"
        parts.append(f'<rect class="ttt-strip__seg ttt-state-fill--{state.status}" x="{x0}" y="8" '
                     f'width="{max(x1 - x0, 2)}" height="30"><title>{escape(tip)}</title></rect>')
        if inside.place(x0 + 5, label, limit=x1 - 4):
            parts.append(f'<text class="ttt-strip__label ttt-strip__label--{state.status}" x="{x0 + 5}" y="28">'
                         f"{escape(label)}</text>")
        day = _month(state.start, zh)
        if dates.place(x0, day, limit=STRIP_WIDTH):
            parts.append(f'<text class="ttt-chart__label" x="{x0}" y="60">{day}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


STACK_WIDTH, STACK_HEIGHT, STACK_LEFT, STACK_RIGHT, STACK_TOP, STACK_BOTTOM = 800, 300, 56, 16, 22, 36


def month_ticks(start: dt.date, end: dt.date) -> list[dt.date]:
    """Quarter starts between two days; past three years, only Januaries."""
    months = (1, 4, 7, 10) if (end - start).days <= 3 * 366 else (1,)
    ticks, day = [], start.replace(day=1)
    while day <= end:
        if day.month in months and day >= start:
            ticks.append(day)
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return ticks


def stacked_tariff(steps: list[Step], horizon: dt.date, side_label: str, chart_id: str, zh: bool = False) -> Markup:
    """One side's across-the-board tariff as stacked layers, one per measure (legal authority).
    `zh`: its words in Chinese (`side_label` is then the Chinese one)."""
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
    titles = {layer.measure.id: (layer.measure.title_zh or layer.measure.title) if zh else layer.measure.title
              for step in steps for layer in step.layers}
    parts = [
        f'<svg class="ttt-chart ttt-stack" viewBox="0 0 {STACK_WIDTH} {STACK_HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(side_label)}: across-the-board additional tariff by legal '
        f"authority, {human_date(start)} to {human_date(end)} (the table below gives the same figures)</title>"
        if not zh else f'<title id="{chart_id}-title">{escape(side_label)}：按法律依据分层的全面额外关税，'
        f"{labels.zh_date(start)}至{labels.zh_date(end)}（下表列出相同数字）</title>",
    ]
    for rate in range(0, int(top) + 1, 25):
        parts.append(f'<line class="ttt-chart__grid" x1="{STACK_LEFT}" x2="{STACK_WIDTH - STACK_RIGHT}" '
                     f'y1="{y(rate)}" y2="{y(rate)}"/>')
        parts.append(f'<text class="ttt-chart__label" x="{STACK_LEFT - 6}" y="{y(rate) + 4}" '
                     f'text-anchor="end">{rate}%</text>')
    totals, labels_on_top = Row(gap=6), []
    for i, step in enumerate(steps):
        until = steps[i + 1].start if i + 1 < len(steps) else end
        x0, x1 = _x(step.start, start, end, STACK_LEFT, width), _x(until, start, end, STACK_LEFT, width)
        x1 = max(x1, x0 + 3)  # a step of a day or two stays visible
        base = 0.0
        for layer in step.layers:
            layer_index = order.index(layer.measure.id)
            tip = (f"{titles[layer.measure.id]}：{layer.rate:g}%，{labels.zh_date(step.start)}起" if zh
                   else f"{layer.measure.title}: {layer.rate:g}% from {human_date(step.start)}")
            parts.append(f'<rect class="ttt-stack__layer ttt-stack__layer--{layer_index % 6}" x="{x0}" '
                         f'y="{y(base + layer.rate)}" width="{round(x1 - x0, 1)}" '
                         f'height="{round(y(base) - y(base + layer.rate), 1)}"><title>{escape(tip)}</title></rect>')
            base += layer.rate
        total = f"{step.total:g}%"
        if totals.place(x0 + 2, total, limit=max(x1, x0 + 2 + text_width(total))):
            labels_on_top.append(f'<text class="ttt-chart__label" x="{x0 + 2}" y="{y(step.total) - 5}">{total}</text>')
    parts += labels_on_top  # after every bar, so that no later bar covers a total
    baseline = STACK_HEIGHT - STACK_BOTTOM
    parts.append(f'<line class="ttt-chart__axis" x1="{STACK_LEFT}" x2="{STACK_WIDTH - STACK_RIGHT}" '
                 f'y1="{baseline}" y2="{baseline}"/>')
    ticks = Row(gap=10)
    for day in month_ticks(start, end):
        x = _x(day, start, end, STACK_LEFT, width)
        parts.append(f'<line class="ttt-chart__tick" x1="{x}" x2="{x}" y1="{baseline}" y2="{baseline + 5}"/>')
        label = _month(day, zh)
        if ticks.place(x - text_width(label) / 2, label, limit=STACK_WIDTH):  # not cut off at the right edge
            parts.append(f'<text class="ttt-chart__label" x="{x}" y="{baseline + 22}" text-anchor="middle">'
                         f"{label}</text>")
    parts.append("</svg>")
    legend = "".join(f'<li><span class="ttt-swatch ttt-stack__layer--{i % 6}" aria-hidden="true"></span>'
                     f"{escape(titles[measure_id])}</li>" for i, measure_id in enumerate(order))
    return Markup("".join(parts) + f'<ul class="ttt-legend-list">{legend}</ul>')
