"""The content of each generated page: which records, in which order, through which partial."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from macros import views
from macros.chart import DIRECTIONS, tariff_chart
from macros.dataset import Dataset
from macros.model import Round, Source, sources_in
from macros.render import render

RESULT_LABELS = {"met": "Met", "partly": "Partly met", "not-met": "Not met", "unknown": "Too early to tell"}
DOCUMENT_LABELS = {
    "joint-statement": "Joint statement",
    "fact-sheet": "Fact sheet",
    "executive-order": "Executive order",
    "announcement": "Announcement",
    "statement": "Statement",
    "readout": "Readout",
    "other": "Document",
}


def unique_sources(sources: list[Source]) -> list[Source]:
    """Sources in first-cited order, each URL once."""
    seen: set[str] = set()
    result = []
    for source in sources:
        if source.url not in seen:
            seen.add(source.url)
            result.append(source)
    return result


def round_sources(rnd: Round) -> list[Source]:
    cited: list[Source] = list(rnd.sources)
    for group in (rnd.outcomes, rnd.tensions, rnd.expectations):
        for item in group:
            cited += item.sources
    for dispute in rnd.disputes:
        for account in dispute.accounts:
            cited += account.sources
    return unique_sources(cited)


def round_page(data: Dataset, round_id: str, page_url: str) -> str:
    rnd = data.by_id["rounds"][round_id]
    position = data.rounds.index(rnd)
    related = [e for e in views.timeline_entries(data) if e.category == "event" and e.record.round == rnd.id]
    return render(
        "round.md.j2", data, page_url,
        r=rnd,
        number=position + 1,
        total=len(data.rounds),
        previous=data.rounds[position - 1] if position > 0 else None,
        next=data.rounds[position + 1] if position + 1 < len(data.rounds) else None,
        related=related,
        all_sources=round_sources(rnd),
        result_labels=RESULT_LABELS,
        document_labels=DOCUMENT_LABELS,
    )


def issue_page(data: Dataset, issue_id: str, page_url: str) -> str:
    issue = data.by_id["issues"][issue_id]
    history = views.issue_history(data, issue_id)
    counts = Counter(e.category for e in history)
    cited = [*issue.status.sources, *issue.sources]
    return render("issue.md.j2", data, page_url, i=issue, history=history,
                  counts={k: counts.get(k, 0) for k in ("round", "event", "deadline")},
                  all_sources=unique_sources(cited))


def _counts(entries: list[views.Entry]) -> dict[str, int]:
    counts = Counter(e.category for e in entries)
    return {k: counts.get(k, 0) for k in ("round", "event", "deadline")}


def timeline_quarters(data: Dataset) -> dict[str, list[views.Entry]]:
    """Timeline entries by quarter ('2025-q2'), oldest quarter first."""
    quarters: dict[str, list[views.Entry]] = {}
    for entry in views.timeline_entries(data):
        quarters.setdefault(views.quarter(entry.date), []).append(entry)
    return quarters


def timeline_index(data: Dataset, page_url: str) -> str:
    quarters = [(name, _counts(entries)) for name, entries in timeline_quarters(data).items()]
    years = [(year, list(group)) for year, group in groupby(reversed(quarters), key=lambda q: q[0][:4])]
    return render("timeline_index.md.j2", data, page_url, quarters=quarters, years=years,
                  total=_counts(views.timeline_entries(data)))


def timeline_quarter(data: Dataset, name: str, page_url: str) -> str:
    quarters = timeline_quarters(data)
    names = list(quarters)
    entries = quarters[name]
    position = names.index(name)
    months = [(month, list(in_month)) for month, in_month in groupby(entries, key=lambda e: e.date.replace(day=1))]
    kinds = list(dict.fromkeys((e.kind, e.kind_label) for e in sorted(entries, key=lambda e: e.kind_label)))
    return render("timeline.md.j2", data, page_url, label=views.quarter_label(name), months=months, kinds=kinds,
                  counts=_counts(entries), previous=names[position - 1] if position else None,
                  next=names[position + 1] if position + 1 < len(names) else None)


def timeline_anchors(data: Dataset) -> str:
    """anchor → quarter, so that an old or shortened link `timeline/#event-…` finds its page."""
    import json

    return json.dumps({e.anchor: views.quarter(e.date) for e in views.timeline_entries(data)}, separators=(",", ":"))


def rounds_index(data: Dataset, page_url: str) -> str:
    return render("rounds_index.md.j2", data, page_url, rounds=list(reversed(data.rounds)))


def issues_index(data: Dataset, page_url: str) -> str:
    counts = {i.id: len(views.issue_history(data, i.id)) for i in data.issues}
    return render("issues_index.md.j2", data, page_url, history_counts=counts)


def person_page(data: Dataset, person_id: str, page_url: str) -> str:
    person = data.by_id["people"][person_id]
    attended = []
    for rnd in views.rounds_attended(data, person_id):
        member = next(m for m in (*rnd.delegations.us, *rnd.delegations.cn) if m.person == person_id)
        attended.append((rnd, member.role or views.role_at(person, rnd.start)))
    return render("person.md.j2", data, page_url, p=person, attended=attended)


def people_index(data: Dataset, page_url: str) -> str:
    return render("people_index.md.j2", data, page_url)


def current_rates(data: Dataset) -> list[tuple[str, object]]:
    """The latest headline tariff each way that is already in effect."""
    labels = {"us-on-cn": "U.S. on Chinese goods", "cn-on-us": "China on U.S. goods"}
    rates = []
    for direction, label in labels.items():
        in_force = [t for t in data.tariffs if t.direction == direction and t.effective <= data.today]
        if in_force:
            rates.append((label, in_force[-1]))
    return rates


def home(data: Dataset, page_url: str) -> str:
    entries = views.timeline_entries(data)
    # Latest facts: rounds and events up to the data's horizon (deadlines are not facts yet).
    recent = [e for e in entries if e.category != "deadline" and e.date <= data.as_of][-6:][::-1]
    return render(
        "home.md.j2", data, page_url,
        latest=data.rounds[-1] if data.rounds else None,
        rates=current_rates(data),
        upcoming=views.upcoming_deadlines(data),
        overdue=views.overdue_deadlines(data),
        recent=recent,
    )


def tariffs_page(data: Dataset, page_url: str) -> str:
    series = {d: views.tariff_series(data, d) for d in DIRECTIONS}
    return render("tariffs.md.j2", data, page_url, chart=tariff_chart(data), directions=DIRECTIONS, series=series)


def deadlines_page(data: Dataset, page_url: str) -> str:
    upcoming = views.upcoming_deadlines(data)
    overdue = views.overdue_deadlines(data)
    settled = [d for d in data.deadlines if d not in upcoming and d not in overdue]
    return render("deadlines.md.j2", data, page_url, upcoming=upcoming, overdue=overdue, settled=settled,
                  chains=views.deadline_chains(data))


def matrix_page(data: Dataset, page_url: str) -> str:
    return render("matrix.md.j2", data, page_url, cells=views.issue_round_matrix(data))


def scorecard_page(data: Dataset, page_url: str) -> str:
    tally = views.expectation_tally(data)
    return render("scorecard.md.j2", data, page_url, tally=tally, total=sum(tally.values()),
                  rounds_with=[r for r in data.rounds if r.expectations],
                  rounds_without=[r for r in data.rounds if not r.expectations],
                  result_labels=RESULT_LABELS)


def _slug(text: str) -> str:
    slug = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(part for part in slug.split("-") if part) or "publisher"


def source_quarters(data: Dataset) -> dict[str, list[tuple[Source, list[views.Citation]]]]:
    """Cited sources by the quarter they were published in, oldest quarter first."""
    quarters: dict[str, list] = {}
    for source, cited in sorted(views.citations(data).values(), key=lambda item: (item[0].date, item[0].title)):
        quarters.setdefault(views.quarter(source.date), []).append((source, cited))
    return dict(sorted(quarters.items()))


def _publisher_anchor(publisher: str) -> str:
    return "pub-" + _slug(publisher)


def sources_index(data: Dataset, page_url: str) -> str:
    quarters = source_quarters(data)
    publishers = Counter(source.publisher for items in quarters.values() for source, _ in items)
    first_quarter = {}
    for name, items in quarters.items():
        for source, _ in items:
            first_quarter.setdefault(source.publisher, name)
    return render("sources_index.md.j2", data, page_url, quarters=[(q, len(items)) for q, items in quarters.items()],
                  publishers=sorted(publishers.items(), key=lambda p: p[0].lower()), first_quarter=first_quarter,
                  anchor=_publisher_anchor, total=sum(publishers.values()))


def sources_quarter(data: Dataset, name: str, page_url: str) -> str:
    items = source_quarters(data)[name]
    by_publisher: dict[str, list] = {}
    for source, cited in items:
        by_publisher.setdefault(source.publisher, []).append((source, cited))
    groups = sorted(by_publisher.items(), key=lambda g: g[0].lower())
    return render("sources.md.j2", data, page_url, label=views.quarter_label(name), groups=groups,
                  anchor=_publisher_anchor, total=len(items))


def coverage_page(data: Dataset, page_url: str) -> str:
    collections = [("Rounds and leaders' meetings", data.rounds), ("Issues", data.issues), ("Events", data.events),
                   ("Deadlines", data.deadlines), ("People", data.people), ("Tariff changes", data.tariffs)]
    counts = [(label, len(records), len({s.url for r in records for _, s in sources_in(r)}))
              for label, records in collections]
    parts = {"tensions": "tensions", "expectations": "expectations", "outcomes": "outcomes", "documents": "documents"}
    thin = [(r, [label for name, label in parts.items() if not getattr(r, name)]) for r in data.rounds]
    single = [
        citation for record, citation in views.record_citations(data)
        if len({s.url for _, s in sources_in(record)}) == 1
    ]
    disputes = [(f"Round: {r.title}", views.round_url(r.id), d.about) for r in data.rounds for d in r.disputes]
    disputes += [(f"Event: {e.title}", views.timeline_url("event", e.id, e.date), d.about) for e in data.events
                 for d in e.disputes]
    first = min([r.start for r in data.rounds] + [e.date for e in data.events], default=data.today)
    return render("coverage.md.j2", data, page_url, counts=counts, thin_rounds=[t for t in thin if t[1]],
                  single=single, disputes=disputes, overdue=views.overdue_deadlines(data), first=first)
