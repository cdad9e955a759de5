"""Downloads for spreadsheets and timeline tools: CSV per collection and a TimelineJS file."""

from __future__ import annotations

import csv
import io
import json

from markupsafe import escape

from macros import views
from macros.dataset import Dataset
from macros.render import markdown_html


def _csv(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    return out.getvalue()


def _ids(values: list[str]) -> str:
    return ";".join(values)


def _urls(sources: list) -> str:
    return " ".join(s.url for s in sources)


def csv_files(data: Dataset) -> dict[str, str]:
    """CSV files, one row per record; lists of ids are joined with ';', source URLs with spaces."""
    return {
        "api/v1/rounds.csv": _csv(
            ["id", "title", "kind", "start", "end", "city", "country", "venue", "us_delegation", "cn_delegation",
             "issues", "page", "source_urls"],
            [[r.id, r.title, r.kind, r.start.isoformat(), r.end.isoformat(), r.location.city, r.location.country,
              r.location.venue, _ids([m.person for m in r.delegations.us]),
              _ids([m.person for m in r.delegations.cn]), _ids(r.issues), views.round_url(r.id), _urls(r.sources)]
             for r in data.rounds]),
        "api/v1/events.csv": _csv(
            ["id", "date", "precision", "kind", "side", "title", "issues", "round", "counterpart", "text", "page",
             "source_urls"],
            [[e.id, e.date.isoformat(), e.precision, e.kind, e.side, e.title, _ids(e.issues), e.round, e.counterpart,
              e.text, views.timeline_url("event", e.id, e.date), _urls(e.sources)] for e in data.events]),
        "api/v1/deadlines.csv": _csv(
            ["id", "title", "due", "kind", "status", "display_status", "replaced_by", "issues", "text", "outcome",
             "page", "source_urls"],
            [[d.id, d.title, d.due.isoformat(), d.kind, d.status, views.deadline_status(d, data.today), d.replaced_by,
              _ids(d.issues), d.text, d.outcome, views.timeline_url("deadline", d.id, d.due), _urls(d.sources)]
             for d in data.deadlines]),
        "api/v1/tariffs.csv": _csv(
            ["id", "effective", "direction", "rate", "basis", "event", "source_urls"],
            [[t.id, t.effective.isoformat(), t.direction, f"{t.rate:g}", t.basis, t.event, _urls(t.sources)]
             for t in data.tariffs]),
    }


def _date(day, precision: str = "day") -> dict[str, str]:
    parts = {"year": str(day.year), "month": str(day.month)}
    if precision == "day":
        parts["day"] = str(day.day)
    return parts


def timelinejs(data: Dataset, site_url: str) -> str:
    """A TimelineJS3 JSON file: every round, event and deadline, with sanitised HTML text."""
    events = []
    for entry in views.timeline_entries(data):
        link = site_url + (entry.page or entry.url)
        sources = "; ".join(f'<a href="{escape(s.url)}">{escape(s.publisher)}</a>' for s in entry.sources)
        item = {
            "unique_id": entry.anchor,
            "start_date": _date(entry.date, entry.precision),
            # TimelineJS renders these as HTML: every piece is escaped or sanitised.
            "text": {"headline": str(escape(entry.title)),
                     "text": f'{markdown_html(entry.text)}<p>Sources: {sources}. '
                             f'<a href="{escape(link)}">On the site</a></p>'},
            "group": entry.kind_label,
        }
        if entry.category == "round" and entry.record.end != entry.record.start:
            item["end_date"] = _date(entry.record.end)
        events.append(item)
    document = {
        "title": {"text": {"headline": "U.S.–China trade talks and truce",
                           "text": f"Trade Truce Tracker, data as of {data.as_of.isoformat()}"}},
        "events": events,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
