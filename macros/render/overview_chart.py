"""The record as one picture, drawn at build time as SVG: truce bands, lanes of marks, the headline
tariff each way. Every mark links to its record and has a <title>; a list beside it says the same."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from macros.render.jinja import human_date
from macros.render.safe import text as escape
from macros.views import labels
from macros.views.overview import OTHER_ISSUES, Overview, deadline_outcome_label
from macros.views.routes import Routes

LEFT, RIGHT, TOP = 216, 14, 40
LANE = 20
TARIFF_HEIGHT = 96
YEAR_LABELS = 40  # past this many years, the picture rules and labels every tenth year
# Drawn at about the text column's width: at 1280 px the whole span fits, every mark inside the
# frame; below 640 px the frame scrolls (the text then stays at its natural size, 11 px or more).
WIDTH = 720
SIDE_LINES = (("us", "us-on-cn"), ("cn", "cn-on-us"))


def _x(day: dt.date, view: Overview, width: float) -> float:
    span = (view.end - view.start).days or 1
    return round(LEFT + (width - LEFT - RIGHT) * (day - view.start).days / span, 1)


def overview_svg(view: Overview, links: Routes, base: str, *, compact: bool = False, width: int = WIDTH) -> Markup:
    """The picture; `compact` keeps the truce bands, talks, deadlines and tariffs (for the home page)."""
    lanes = [lane for lane in view.lanes if not compact or lane[0] in ("talks", "deadlines")]
    lane_top = TOP + TARIFF_HEIGHT + 16
    height = lane_top + LANE * len(lanes) + 30
    chart_id = "ttt-overview-compact" if compact else "ttt-overview"
    parts = [
        f'<svg class="ttt-overview__svg" viewBox="0 0 {width} {height}" '
        f'role="group" aria-labelledby="{chart_id}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">The record from {human_date(view.start)} to {human_date(view.end)}: truce '
        f"periods, rounds and calls, deadlines{'' if compact else ', events by issue'} and the headline tariff "
        "each way. The list below the picture gives every mark.</title>",
    ]
    bottom = height - 24
    for band in view.bands:
        x0, x1 = _x(band.start, view, width), _x(band.end, view, width)
        tip = f"Truce period: {band.deadline.title} ({human_date(band.start)} to {human_date(band.end)})"
        parts.append(f'<a href="{escape(base + links.deadline(band.deadline.id))}" tabindex="-1">'
                     f'<rect class="ttt-ov__band" x="{x0}" y="{TOP}" width="{max(x1 - x0, 1)}" height="{bottom - TOP}">'
                     f"<title>{escape(tip)}</title></rect></a>")
        for edge in (x0, x1):  # the shading's edges carry its contrast; the fill stays light under the marks
            parts.append(f'<line class="ttt-ov__band-edge" x1="{edge}" x2="{edge}" y1="{TOP}" y2="{TOP + 6}"/>'
                         f'<line class="ttt-ov__band-edge" x1="{edge}" x2="{edge}" y1="{bottom - 6}" y2="{bottom}"/>')
    parts += _legend(width)
    parts += _tariff_lines(view, width)
    years = range(view.start.year, view.end.year + 1)
    step = 1 if len(years) <= YEAR_LABELS else 10  # a record of many decades is ruled by decade
    for year in (y for y in years if y % step == 0 or y == view.start.year):
        x = _x(dt.date(year, 1, 1), view, width)
        parts.append(f'<line class="ttt-ov__year" x1="{x}" x2="{x}" y1="{TOP}" y2="{bottom}"/>')
        parts.append(f'<text class="ttt-ov__label" x="{x + 3}" y="{height - 8}">{year}</text>')
    for i, (lane, label) in enumerate(lanes):
        y = lane_top + i * LANE
        parts.append(f'<line class="ttt-ov__lane" x1="{LEFT}" x2="{width - RIGHT}" y1="{y + LANE / 2}" '
                     f'y2="{y + LANE / 2}"/>')
        parts.append(f'<text class="ttt-ov__label" x="{LEFT - 8}" y="{y + LANE / 2 + 4}" '
                     f'text-anchor="end">{escape(label)}</text>')
        for mark in (m for m in view.marks if m.lane == lane):
            parts.append(_mark(mark, view, links, base, width, y))
    parts.append("</svg>")
    return Markup("".join(parts))


def _mark(mark, view: Overview, links: Routes, base: str, width: int, y: float) -> str:
    x = _x(mark.date, view, width)
    href = escape(base + mark_target(mark, links))
    if mark.record is None:
        radius = {"1": 3, "2": 4.5, "3": 6.5}[mark.style]
        shape = (f'<circle class="ttt-ov__month ttt-ov__month--{mark.style}" cx="{x}" cy="{y + LANE / 2}" '
                 f'r="{radius}"><title>{escape(mark.title)}</title></circle>')
    elif mark.lane == "deadlines":
        tip = f"{human_date(mark.date)}: {mark.title} ({deadline_outcome_label(mark.style)})"
        shape = (f'<rect class="ttt-ov__deadline ttt-ov__deadline--{mark.style}" x="{x - 2}" y="{y + 2}" '
                 f'width="4" height="{LANE - 4}"><title>{escape(tip)}</title></rect>')
    elif mark.lane == "talks":
        tip = f"{human_date(mark.date)}: {mark.title}"
        if hasattr(mark.record, "delegations"):
            shape = (f'<rect class="ttt-ov__round" x="{x - 5}" y="{y + 3}" width="10" height="{LANE - 6}" '
                     f'transform="rotate(45 {x} {y + LANE / 2})"><title>{escape(tip)}</title></rect>')
        else:
            shape = (f'<circle class="ttt-ov__call" cx="{x}" cy="{y + LANE / 2}" r="5">'
                     f"<title>{escape(tip)}</title></circle>")
    else:
        tip = f"{human_date(mark.date)}: {mark.title}"
        shape = (f'<circle class="ttt-ov__event" cx="{x}" cy="{y + LANE / 2}" r="4">'
                 f"<title>{escape(tip)}</title></circle>")
    return f'<a href="{href}" tabindex="-1">{shape}</a>'


def mark_target(mark, links: Routes) -> str:
    if mark.record is None:  # a period's entries: where the timeline shows them (narrowed to the issue)
        issue = None if mark.lane in ("talks", "deadlines", OTHER_ISSUES) else mark.lane
        return links.period(mark.date, mark.grain, issue)
    return links.record(mark.record) if not hasattr(mark.record, "due") else links.deadline(mark.record.id)


def _legend(width: int) -> list[str]:
    """Which line is which side, above the picture."""
    parts = []
    x = LEFT
    for _side, direction in SIDE_LINES:
        label = labels.TARIFF_DIRECTION_SHORT[direction]
        parts.append(f'<line class="ttt-chart__line ttt-chart__line--{direction}" x1="{x}" x2="{x + 26}" '
                     f'y1="12" y2="12"/><text class="ttt-ov__label" x="{x + 32}" y="16">{escape(label)}</text>')
        x += 32 + 8 * len(label) + 24
    return parts


def _tariff_lines(view: Overview, width: int) -> list[str]:
    top_rate = max([step.total for steps in view.tariffs.values() for step in steps] + [50])
    step = 50 if top_rate > 100 else 25
    top_tick = -(-top_rate // step) * step

    def y(rate: float) -> float:
        return round(TOP + TARIFF_HEIGHT * (1 - rate / top_tick), 1)

    parts = [f'<text class="ttt-ov__label" x="4" y="{y(top_tick / 2) + 4}">Headline tariff</text>']
    for tick in range(0, int(top_tick) + 1, step):
        parts.append(f'<line class="ttt-chart__grid" x1="{LEFT}" x2="{width - RIGHT}" y1="{y(tick)}" y2="{y(tick)}"/>'
                     f'<text class="ttt-ov__label" x="{LEFT - 6}" y="{y(tick) + 4}" text-anchor="end">{tick}%</text>')
    for side, direction in SIDE_LINES:
        steps = view.tariffs.get(side) or []
        if not steps:
            continue
        points: list[tuple[float, float]] = []
        for i, one in enumerate(steps):
            until = steps[i + 1].start if i + 1 < len(steps) else view.end
            points += [(_x(one.start, view, width), y(one.total)), (_x(until, view, width), y(one.total))]
        path = " ".join(f"{'M' if i == 0 else 'L'}{px},{py}" for i, (px, py) in enumerate(points))
        label = labels.TARIFF_DIRECTION[direction]
        peak = max(steps, key=lambda s: s.total)
        parts.append(f'<path class="ttt-chart__line ttt-chart__line--{direction}" '
                     f'd="{path}"><title>{escape(label)}: peak {peak.total:g}% from {human_date(peak.start)}'
                     "</title></path>")
    return parts
