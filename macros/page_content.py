"""The content of each generated page: which records, in which order, through which partial."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from macros import views
from macros.dataset import Dataset
from macros.model import Round, Source
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


def timeline_page(data: Dataset, page_url: str) -> str:
    entries = views.timeline_entries(data)
    counts = Counter(e.category for e in entries)
    groups = [
        (year, [(month, list(in_month)) for month, in_month in groupby(in_year, key=lambda e: e.date.replace(day=1))])
        for year, in_year in groupby(entries, key=lambda e: e.date.year)
    ]
    return render("timeline.md.j2", data, page_url, groups=groups,
                  counts={k: counts.get(k, 0) for k in ("round", "event", "deadline")})


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
