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

LEFT, RIGHT, TOP = 190, 12, 22
LANE = 20
TARIFF_HEIGHT = 90
YEAR_LABELS = 40  # past this many years, the picture rules and labels every tenth year


def _x(day: dt.date, view: Overview, width: float) -> float:
    span = (view.end - view.start).days or 1
    return round(LEFT + (width - LEFT - RIGHT) * (day - view.start).days / span, 1)


def overview_svg(view: Overview, links: Routes, base: str, *, compact: bool = False, width: int = 1400) -> Markup:
    """The picture; `compact` keeps the truce bands, talks, deadlines and tariffs (for the home page)."""
    lanes = [lane for lane in view.lanes if not compact or lane[0] in ("talks", "deadlines")]
    lane_top = TOP + TARIFF_HEIGHT + 16
    height = lane_top + LANE * len(lanes) + 30
    chart_id = "ttt-overview-compact" if compact else "ttt-overview"
    parts = [
        f'<svg class="ttt-overview__svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="group" aria-labelledby="{chart_id}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">The record from {human_date(view.start)} to {human_date(view.end)}: truce '
        f"periods, rounds and calls, deadlines{'' if compact else ', events by issue'} and the headline tariff "
        "each way. The list below the picture gives every mark.</title>",
    ]
    bottom = height - 24
    for band in view.bands:
        x0, x1 = _x(band.start, view, width), _x(band.end, view, width)
        tip = f"Truce period: {band.deadline.title} ({human_date(band.start)} to {human_date(band.end)})"
        parts.append(f'<a href="{escape(base + links.deadline(band.deadline.id))}"><rect class="ttt-ov__band" '
                     f'x="{x0}" y="{TOP}" width="{max(x1 - x0, 1)}" height="{bottom - TOP}">'
                     f"<title>{escape(tip)}</title></rect></a>")
    parts.append(f'<text class="ttt-ov__label" x="{LEFT - 8}" y="{TOP + 12}" text-anchor="end">Headline tariff</text>')
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
    return f'<a href="{href}">{shape}</a>'


def mark_target(mark, links: Routes) -> str:
    if mark.record is None:  # a period's entries: where the timeline shows them (narrowed to the issue)
        issue = None if mark.lane in ("talks", "deadlines", OTHER_ISSUES) else mark.lane
        return links.period(mark.date, mark.grain, issue)
    return links.record(mark.record) if not hasattr(mark.record, "due") else links.deadline(mark.record.id)


def _tariff_lines(view: Overview, width: int) -> list[str]:
    top_rate = max([step.total for steps in view.tariffs.values() for step in steps] + [50])

    def y(rate: float) -> float:
        return round(TOP + TARIFF_HEIGHT * (1 - rate / top_rate), 1)

    parts = []
    for side, steps in view.tariffs.items():
        if not steps:
            continue
        points: list[tuple[float, float]] = []
        for i, step in enumerate(steps):
            until = steps[i + 1].start if i + 1 < len(steps) else view.end
            points += [(_x(step.start, view, width), y(step.total)), (_x(until, view, width), y(step.total))]
        path = " ".join(f"{'M' if i == 0 else 'L'}{px},{py}" for i, (px, py) in enumerate(points))
        label = labels.TARIFF_DIRECTION[{"us": "us-on-cn", "cn": "cn-on-us"}[side]]
        peak = max(steps, key=lambda s: s.total)
        parts.append(f'<path class="ttt-chart__line ttt-chart__line--{"us-on-cn" if side == "us" else "cn-on-us"}" '
                     f'd="{path}"><title>{escape(label)}: peak {peak.total:g}% from {human_date(peak.start)}'
                     "</title></path>")
    parts.append(f'<text class="ttt-ov__label" x="{LEFT - 8}" y="{y(top_rate) + 26}" text-anchor="end">'
                 f"0–{top_rate:g}%</text>")
    return parts
