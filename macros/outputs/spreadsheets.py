"""CSV downloads, one row per record: lists of ids joined with ';', source URLs with spaces.

Every cell goes through render.safe.csv_cell, so no value runs as a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io

from macros.data.dataset import Dataset
from macros.data.records import Source
from macros.render.safe import csv_cell
from macros.views import deadlines, ledger, routes
from macros.views.routes import Routes


def table(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell("" if value is None else value) for value in row] for row in rows)
    return out.getvalue()


def _ids(values: list[str]) -> str:
    return ";".join(values)


def _urls(sources: list[Source]) -> str:
    return " ".join(s.url for s in sources)


def csv_files(data: Dataset) -> dict[str, str]:
    """Site-relative path → CSV text, one file per collection."""
    links = routes.Routes(data)
    return {
        Routes.api_csv("rounds"): table(
            ["id", "title", "kind", "start", "end", "city", "country", "venue", "us_delegation", "cn_delegation",
             "issues", "page", "source_urls"],
            [[r.id, r.title, r.kind, r.start.isoformat(), r.end.isoformat(), r.location.city, r.location.country,
              r.location.venue, _ids([m.person for m in r.delegations.us]),
              _ids([m.person for m in r.delegations.cn]), _ids(r.issues), Routes.round(r.id), _urls(r.sources)]
             for r in data.rounds]),
        Routes.api_csv("events"): table(
            ["id", "date", "precision", "kind", "side", "title", "issues", "round", "counterpart", "text", "page",
             "source_urls"],
            [[e.id, e.date.isoformat(), e.precision, e.kind, e.side, e.title, _ids(e.issues), e.round, e.counterpart,
              e.text, links.on_timeline("event", e.id, e.date), _urls(e.sources)] for e in data.events]),
        Routes.api_csv("deadlines"): table(
            ["id", "title", "due", "kind", "status", "display_status", "replaced_by", "issues", "text", "outcome",
             "page", "source_urls"],
            [[d.id, d.title, d.due.isoformat(), d.kind, d.status, deadlines.display_status(d, data.today),
              d.replaced_by, _ids(d.issues), d.text, d.outcome, links.on_timeline("deadline", d.id, d.due),
              _urls(d.sources)]
             for d in data.deadlines]),
        Routes.api_csv("tariffs"): table(
            ["id", "effective", "direction", "rate", "basis", "event", "source_urls"],
            [[t.id, t.effective.isoformat(), t.direction, f"{t.rate:g}", t.basis, t.event, _urls(t.sources)]
             for t in data.tariffs]),
        # One row per state: a measure's history reads down the file.
        Routes.api_csv("measures"): table(
            ["id", "title", "side", "kind", "coverage", "legal_basis", "issues", "counterpart", "from", "to",
             "status", "rate", "suspended_rate", "until", "reason", "event", "page", "source_urls"],
            [[m.id, m.title, m.side, m.kind, m.coverage, m.legal_basis, _ids(m.issues), m.counterpart,
              s.start.isoformat(), (s.to or ledger.state_end(m, s) or ""), s.status, _rate(s.rate),
              _rate(s.suspended_rate), s.until, s.reason, s.event, Routes.measure(m.id), _urls(s.sources)]
             for m in data.measures for s in m.states]),
        Routes.api_csv("commitments"): table(
            ["id", "side", "round", "made_in", "text", "issues", "measures", "due", "status", "as_of", "evidence",
             "page", "source_urls"],
            [[c.id, c.side, c.round, c.made_in, c.text, _ids(c.issues), _ids(c.measures), c.due, c.status,
              c.as_of.isoformat(), _ids(c.evidence), Routes.commitment(c.id, c.round), _urls(c.sources)]
             for c in data.commitments]),
    }


def _rate(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
