"""The content of each generated page: which records, in which order, through which partial."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import groupby

from macros import paging, views
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
    position = views.round_positions(data)[rnd.id]
    related = views.events_by_round(data).get(rnd.id, [])
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
    years = paging.issue_years(data, issue_id)
    shown = history[-paging.HISTORY_INLINE:] if years else history
    cited = [*issue.status.sources, *issue.sources]
    return render("issue.md.j2", data, page_url, i=issue, history=history, shown=shown, years=years,
                  counts=_counts(history), all_sources=unique_sources(cited))


def issue_year(data: Dataset, issue_id: str, year: int, page_url: str) -> str:
    issue = data.by_id["issues"][issue_id]
    years = paging.issue_years(data, issue_id)
    return render("issue_year.md.j2", data, page_url, i=issue, year=year, entries=years[year],
                  years=list(years), counts=_counts(years[year]))


def _counts(entries: list[views.Entry]) -> dict[str, int]:
    counts = Counter(e.category for e in entries)
    return {k: counts.get(k, 0) for k in ("round", "event", "deadline")}


@views.memoized
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


def rounds_index(data: Dataset, page_url: str, year: int | None = None) -> str:
    years = paging.round_years(data)
    if year is not None:
        shown = list(reversed(years[year]))
    else:
        shown = list(reversed(data.rounds))[: paging.ROUNDS_ON_INDEX] if years else list(reversed(data.rounds))
    return render("rounds_index.md.j2", data, page_url, rounds=shown, years=list(years), year=year)


def issues_index(data: Dataset, page_url: str) -> str:
    counts = {i.id: len(views.issue_history(data, i.id)) for i in data.issues}  # memoized per issue
    return render("issues_index.md.j2", data, page_url, history_counts=counts)


def person_page(data: Dataset, person_id: str, page_url: str) -> str:
    person = data.by_id["people"][person_id]
    attended = []
    for rnd in views.rounds_attended(data, person_id):
        member = next(m for m in (*rnd.delegations.us, *rnd.delegations.cn) if m.person == person_id)
        attended.append((rnd, member.role or views.role_at(person, rnd.start)))
    return render("person.md.j2", data, page_url, p=person, attended=attended)


def people_index(data: Dataset, page_url: str, letter: str | None = None) -> str:
    initials = paging.people_initials(data)
    if letter is not None:
        people = initials[letter]
    elif initials:
        people = []
    else:
        people = list(data.people)
    return render("people_index.md.j2", data, page_url, people=people, initials=initials, letter=letter)


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


def tariffs_page(data: Dataset, page_url: str, year: int | None = None) -> str:
    """The chart and tables; past TARIFFS_ON_PAGE changes, the latest years here and a page per year."""
    years = paging.tariff_years(data)
    changes = years[year] if year is not None else paging.recent_tariffs(data)
    series = {d: [t for t in changes if t.direction == d] for d in DIRECTIONS}
    chart = tariff_chart(data, changes) if year is None else None
    return render("tariffs.md.j2", data, page_url, chart=chart, directions=DIRECTIONS, series=series,
                  years={y: len(c) for y, c in years.items()}, year=year, shown=len(changes))


def deadlines_page(data: Dataset, page_url: str, year: int | None = None) -> str:
    upcoming = views.upcoming_deadlines(data)
    overdue = views.overdue_deadlines(data)
    open_ids = {d.id for d in (*upcoming, *overdue)}
    settled = [d for d in data.deadlines if d.id not in open_ids]
    years = paging.chain_years(data)
    if year is not None:
        chains = years[year]
    else:
        chains = [] if years else views.deadline_chains(data)
    return render("deadlines.md.j2", data, page_url, upcoming=upcoming, overdue=overdue, settled=settled,
                  chains=chains, years={y: len(c) for y, c in years.items()}, year=year)


def matrix_page(data: Dataset, page_url: str, year: int | None = None) -> str:
    years = paging.matrix_years(data)
    if year is not None:
        rounds = years[year]
    else:
        rounds = years[max(years)] if years else list(data.rounds)
    return render("matrix.md.j2", data, page_url, cells=views.issue_round_matrix(data), rounds=rounds,
                  years=list(years), year=year if year is not None else (max(years) if years else None))


def scorecard_page(data: Dataset, page_url: str, year: int | None = None) -> str:
    tally = views.expectation_tally(data)
    years = paging.scorecard_years(data)
    with_expectations = [r for r in data.rounds if r.expectations]
    if year is not None:
        shown = years[year]
    else:
        shown = [] if years else with_expectations
    return render("scorecard.md.j2", data, page_url, tally=tally, total=sum(tally.values()),
                  rounds_with=with_expectations, shown=shown, years={y: len(r) for y, r in years.items()},
                  year=year, rounds_without=[r for r in data.rounds if not r.expectations],
                  result_labels=RESULT_LABELS)


def _slug(text: str) -> str:
    slug = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(part for part in slug.split("-") if part) or "publisher"


@views.memoized
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
                  cap=paging.LIST_CAP,
                  single=single, disputes=disputes, overdue=views.overdue_deadlines(data), first=first)


@dataclass(frozen=True)
class GeneratedPage:
    """A page the data makes: its path under docs/, the macro call it holds, and the data file
    behind it (for 'Edit this page'), if one file is."""

    path: str
    call: str
    data_file: str | None = None
    # Pages that only regroup what other pages say stay out of the search index, which every
    # reader downloads: records are found on their own pages and on the timeline.
    searchable: bool = True


def generated_pages(data: Dataset) -> list[GeneratedPage]:
    """Every page generated from the data. Ids are slugs, so they are safe inside a macro call."""
    pages = [
        GeneratedPage("timeline/index.md", "timeline()"),
        GeneratedPage("rounds/index.md", "rounds_index()"),
        GeneratedPage("issues/index.md", "issues_index()"),
        GeneratedPage("people/index.md", "people_index()"),
        GeneratedPage("tariffs/index.md", "tariffs_page()"),
        GeneratedPage("deadlines/index.md", "deadlines_page()"),
        GeneratedPage("rounds/matrix.md", "matrix_page()", searchable=False),
        GeneratedPage("rounds/scorecard.md", "scorecard_page()", searchable=False),
        GeneratedPage("sources/index.md", "sources_index()"),
        GeneratedPage("coverage/index.md", "coverage_page()", searchable=False),
    ]
    pages += [GeneratedPage(f"rounds/{r.id}.md", f'round_page("{r.id}")', data.file_of("rounds", r.id))
              for r in data.rounds]
    pages += [GeneratedPage(f"issues/{i.id}.md", f'issue_page("{i.id}")', data.file_of("issues", i.id))
              for i in data.issues]
    pages += [GeneratedPage(f"people/{p.id}.md", f'person_page("{p.id}")', data.file_of("people", p.id))
              for p in data.people]
    pages += [GeneratedPage(f"timeline/{q}.md", f'timeline_quarter("{q}")') for q in timeline_quarters(data)]
    derived: list[tuple[str, str]] = [(f"sources/{q}.md", f'sources_quarter("{q}")') for q in source_quarters(data)]
    for issue in data.issues:
        derived += [(f"issues/{issue.id}/{y}.md", f'issue_year("{issue.id}", {y})')
                    for y in paging.issue_years(data, issue.id)]
    derived += [(f"rounds/by-year/{y}.md", f"rounds_year({y})") for y in paging.round_years(data)]
    derived += [(f"deadlines/{y}.md", f"deadlines_year({y})") for y in paging.chain_years(data)]
    derived += [(f"rounds/matrix/{y}.md", f"matrix_year({y})") for y in paging.matrix_years(data)]
    derived += [(f"rounds/scorecard/{y}.md", f"scorecard_year({y})") for y in paging.scorecard_years(data)]
    derived += [(f"people/by-letter/{c}.md", f'people_letter("{c}")') for c in paging.people_initials(data)]
    derived += [(f"tariffs/{y}.md", f"tariffs_year({y})") for y in paging.tariff_years(data)]
    pages += [GeneratedPage(path, call, searchable=False) for path, call in derived]
    return pages
