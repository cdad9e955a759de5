"""A TimelineJS3 file of every round, event and deadline (its text fields are rendered as HTML by
TimelineJS, so each piece is escaped or sanitised through render.safe)."""

from __future__ import annotations

import datetime as dt
import json

from macros.data.dataset import Dataset
from macros.render.record_links import RecordLinks
from macros.render.safe import safe_url, text
from macros.views import publication, routes, timeline
from macros.views.routes import Routes


def _date(day: dt.date, precision: str = "day") -> dict[str, str]:
    parts = {"year": str(day.year), "month": str(day.month)}
    if precision == "day":
        parts["day"] = str(day.day)
    return parts


def timelinejs(data: Dataset, site_url: str) -> str:
    links = routes.Routes(data)
    record_links = RecordLinks(data, links)
    events = []
    for entry in timeline.timeline_entries(data):
        link = Routes.absolute(site_url, links.entry_page(entry))
        sources = "; ".join(f'<a href="{text(safe_url(s.url))}">{text(s.publisher)}</a>' for s in entry.sources)
        item = {
            "unique_id": entry.anchor,
            "start_date": _date(entry.date, entry.precision),
            "text": {"headline": str(text(entry.title)),
                     "text": f'{record_links.html(entry.text, site_url)}<p>Sources: {sources}. '
                             f'<a href="{text(link)}">On the site</a></p>'},
            "group": entry.kind_label,
        }
        if entry.category == "round" and entry.record.end != entry.record.start:
            item["end_date"] = _date(entry.record.end)
        events.append(item)
    document = {
        "title": {"text": {"headline": "U.S.–China trade talks and truce",
                           "text": str(text(publication.credit(data.as_of.isoformat())))}},
        "events": events,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
