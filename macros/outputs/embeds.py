"""What others can embed: every chart as a standalone SVG file carrying its title, source line,
licence and as-of date, and a small deadline-countdown page for an <iframe> (no JavaScript)."""

from __future__ import annotations

import re

from markupsafe import Markup

from macros.data.dataset import Dataset
from macros.render.chart import tariff_chart
from macros.render.jinja import human_date
from macros.render.ledger_charts import stacked_tariff
from macros.render.overview_chart import overview_svg
from macros.render.safe import text
from macros.views import deadlines, labels, ledger, overview, precedent, publication, routes
from macros.views.routes import Routes

# The charts' colours, written out: a standalone file has no site stylesheet to inherit.
_CHART_STYLE = """
text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #555; }
.ttt-chart__grid, .ttt-ov__year { stroke: #ddd; }
.ttt-ov__lane { stroke: #e5e5e5; stroke-dasharray: 2 3; }
.ttt-chart__line { fill: none; stroke-width: 3; }
.ttt-chart__line--us-on-cn { stroke: #3949ab; }
.ttt-chart__line--cn-on-us { stroke: #c2410c; stroke-dasharray: 7 4; }
.ttt-chart__point--us-on-cn { fill: #3949ab; } .ttt-chart__point--cn-on-us { fill: #c2410c; }
.ttt-chart__point { stroke: #fff; stroke-width: 2; }
.ttt-stack__layer--0 { fill: #3949ab; } .ttt-stack__layer--1 { fill: #c2410c; } .ttt-stack__layer--2 { fill: #0f766e; }
.ttt-stack__layer--3 { fill: #7e22ce; } .ttt-stack__layer--4 { fill: #a16207; } .ttt-stack__layer--5 { fill: #be123c; }
.ttt-ov__band { fill: #3949ab; fill-opacity: .10; } .ttt-ov__round { fill: #3949ab; }
.ttt-ov__call { fill: #fff; stroke: #3949ab; stroke-width: 2; }
.ttt-ov__month { fill: #3949ab; fill-opacity: .45; } .ttt-ov__month--2 { fill-opacity: .65; }
.ttt-ov__month--3 { fill-opacity: .9; }
.ttt-ov__deadline--extended { fill: #0f766e; } .ttt-ov__deadline--met { fill: #15803d; }
.ttt-ov__deadline--lapsed { fill: #b91c1c; } .ttt-ov__deadline--superseded { fill: #7e22ce; }
.ttt-ov__deadline--not-recorded { fill: #a16207; } .ttt-ov__deadline--pending { fill: #6b7280; }
.ttt-ov__band-edge { stroke: #5c6bc0; stroke-width: 2; } .ttt-ov__event { fill: #6b7280; }
.ttt-chart__axis, .ttt-chart__tick { stroke: #8a8f98; }
"""
_VIEWBOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')


def standalone_svg(chart: Markup, title: str, data: Dataset, site_url: str, page: str,
                   legend: list[tuple[str, str]] | None = None) -> str:
    """A chart as a file of its own: XML declaration, its styles, a title, a legend (CSS class,
    label) where the page draws one in HTML, and a credit line."""
    inner = str(chart)
    inner = inner[: inner.index("</svg>") + len("</svg>")] if "</svg>" in inner else inner
    match = _VIEWBOX.search(inner)
    width, height = (int(match.group(1)), int(match.group(2))) if match else (800, 400)
    opening = inner[: inner.index(">") + 1]
    inner = re.sub(r' (?:width|height)="[^"]*"', "", opening) + inner[len(opening):]
    keys = "".join(f'<rect class="{css}" x="8" y="{height + 40 + 18 * i}" width="12" height="12"/>'
                   f'<text x="26" y="{height + 50 + 18 * i}">{text(label)}</text>'
                   for i, (css, label) in enumerate(legend or []))
    extra = 18 * len(legend or [])
    link = Routes.absolute(site_url, page)
    source = f"Source: {publication.SITE_NAME}, {link} — data as of {human_date(data.as_of)}."
    licence = f"Licence: {publication.DATA_LICENSE_NAME}, {publication.DATA_LICENSE_URL}"
    credit = f"{source} {licence}"
    nested = inner.replace("<svg ", f'<svg x="0" y="34" width="{width}" height="{height}" ', 1)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 76 + extra}" '
        f'width="{width}" height="{height + 76 + extra}">'
        f"<title>{text(title)}</title><desc>{text(credit)}</desc><style>{_CHART_STYLE}</style>"
        f'<rect width="100%" height="100%" fill="#fff"/>'
        f'<text x="8" y="22" style="font-size:16px;font-weight:700;fill:#222">{text(title)}</text>'
        f"{nested}{keys}"
        f'<text x="8" y="{height + 52 + extra}" style="font-size:11px">{text(source)}</text>'
        f'<text x="8" y="{height + 66 + extra}" style="font-size:11px">{text(licence)}</text></svg>\n'
    )


def chart_files(data: Dataset, site_url: str) -> dict[str, str]:
    """Every chart of the site as a downloadable SVG."""
    links = routes.Routes(data)
    files = {}
    if data.tariffs:
        files[Routes.chart_file("headline-tariffs")] = standalone_svg(
            tariff_chart(list(data.tariffs), data.as_of), "Headline additional tariffs between the U.S. and China",
            data, site_url, routes.TARIFFS)
    for side in ledger.SIDES:
        steps = ledger.tariff_steps(data, side)
        label = labels.TARIFF_DIRECTION[ledger.DIRECTION_OF_SIDE[side]]
        if not steps:  # the file the pages link to exists, and says why it is empty
            empty = Markup('<svg viewBox="0 0 600 60" xmlns="http://www.w3.org/2000/svg"><text x="8" y="34">'
                           "No across-the-board tariff measures are recorded for this side yet.</text></svg>")
            files[Routes.chart_file(f"tariffs-by-authority-{side}")] = standalone_svg(
                empty, f"{label}, by legal authority", data, site_url, routes.TARIFFS)
        else:
            order = list(dict.fromkeys((layer.measure.id, layer.measure.title) for s in steps for layer in s.layers))
            legend = [(f"ttt-stack__layer--{i % 6}", title) for i, (_, title) in enumerate(order)]
            files[Routes.chart_file(f"tariffs-by-authority-{side}")] = standalone_svg(
                stacked_tariff(steps, data.as_of, label, f"embed-stack-{side}"), f"{label}, by legal authority",
                data, site_url, routes.TARIFFS_BY_AUTHORITY, legend)
    base = Routes.site_root(site_url, "../../")
    files[Routes.chart_file("timeline-overview")] = standalone_svg(
        overview_svg(overview.overview(data), links, base), "The U.S.–China trade truce, January 2025 onward",
        data, site_url, routes.TIMELINE_PICTURE)
    return files


def countdown_page(data: Dataset, site_url: str) -> str:
    """A page to embed in an <iframe>: the deadlines still ahead, days to go, precedent; no script."""
    upcoming = deadlines.upcoming(data)[:5]
    base = Routes.site_root(site_url, "../")
    links = routes.Routes(data)
    rows = "".join(
        f'<li><span class="days">{(d.due - data.today).days}</span> days to '
        f'<a href="{text(base + links.deadline(d.id))}" target="_top">{text(d.title)}</a> '
        f'(<time datetime="{d.due.isoformat()}">{human_date(d.due)}</time>)'
        f'<br><small>{text(precedent.sentence_for(data, d.id))}</small></li>'
        for d in upcoming)
    body = f"<ol>{rows}</ol>" if rows else "<p>No deadline on record lies ahead.</p>"
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>U.S.–China trade truce: deadlines ahead</title>"
        "<style>body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:.6rem;"
        "color:#1f2937;background:#fff}h1{font-size:1rem;margin:0 0 .4rem}ol{list-style:none;padding:0;margin:0}"
        "li{margin:0 0 .5rem}.days{font-weight:700;font-size:1.2rem;color:#283593}a{color:#283593}"
        "small,footer{color:#4b5563}footer{font-size:.8rem;margin-top:.4rem}"
        "@media (prefers-color-scheme: dark){body{background:#111827;color:#f3f4f6}a,.days{color:#a5b4fc}"
        "small,footer{color:#d1d5db}}</style></head><body><main>"
        f"<h1>U.S.–China trade truce: deadlines ahead</h1>{body}</main>"
        f'<footer>Counted on {human_date(data.today)} from {publication.SITE_NAME} (data as of '
        f'{human_date(data.as_of)}) · <a href="{text(base)}" target="_top">the full record</a> · '
        f'<a rel="license" href="{publication.DATA_LICENSE_URL}" target="_top">CC BY 4.0</a></footer>'
        "</body></html>\n"
    )
