"""Sources as a reader sees them: who cites what, by quarter of publication, each URL once."""

from __future__ import annotations

from dataclasses import dataclass

from macros.data.dataset import Dataset
from macros.data.records import Round, Source, sources_in
from macros.views.memo import memoized
from macros.views.timeline import quarter


@dataclass(frozen=True)
class Citation:
    """One record that cites a source, with a label a reader recognises it by."""

    label: str
    record: object


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


@memoized
def record_citations(data: Dataset) -> list[Citation]:
    """Every record with the label a reader knows it by."""
    records: list[Citation] = []
    records += [Citation(f"Round: {r.title}", r) for r in data.rounds]
    records += [Citation(f"Issue: {i.title}", i) for i in data.issues]
    records += [Citation(f"Event: {e.title}", e) for e in data.events]
    records += [Citation(f"Deadline: {d.title}", d) for d in data.deadlines]
    records += [Citation(f"Person: {p.name}", p) for p in data.people]
    records += [Citation(f"Tariff change: {t.rate:g}% from {t.effective.isoformat()}", t) for t in data.tariffs]
    records += [Citation(f"Measure: {m.title}", m) for m in data.measures]
    rounds = {r.id: r.title for r in data.rounds}
    records += [Citation(f"Commitment ({c.side.upper()}), {rounds.get(c.round, c.round)}", c) for c in data.commitments]
    records += [Citation(f"Published average: {e.publisher}, {e.rate:g}% as of {e.as_of.isoformat()}", e)
                for e in data.estimates]
    return records


@memoized
def citations(data: Dataset) -> dict[str, tuple[Source, list[Citation]]]:
    """Every source URL → the source (first seen) and every record citing it."""
    index: dict[str, tuple[Source, list[Citation]]] = {}
    for citation in record_citations(data):
        for _, source in sources_in(citation.record):
            entry = index.setdefault(source.url, (source, []))
            if not entry[1] or entry[1][-1] is not citation:
                entry[1].append(citation)
    return index


@memoized
def source_quarters(data: Dataset) -> dict[str, list[tuple[Source, list[Citation]]]]:
    """Cited sources by the quarter they were published in, oldest quarter first."""
    quarters: dict[str, list[tuple[Source, list[Citation]]]] = {}
    for source, cited in sorted(citations(data).values(), key=lambda item: (item[0].date, item[0].title)):
        quarters.setdefault(quarter(source.date), []).append((source, cited))
    return dict(sorted(quarters.items()))


def publisher_slug(publisher: str) -> str:
    slug = "".join(c.lower() if c.isalnum() else "-" for c in publisher)
    return "-".join(part for part in slug.split("-") if part) or "publisher"


@memoized
def publisher_slugs(data: Dataset) -> dict[str, str]:
    """Publisher → a slug unique among all publishers ('News.az' and 'News AZ' differ)."""
    publishers = sorted({source.publisher for source, _ in citations(data).values()})
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for publisher in publishers:
        slug = base = publisher_slug(publisher)
        n = 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        slugs[publisher] = slug
    return slugs


def single_source_records(data: Dataset) -> list[Citation]:
    """Records whose every source is one URL."""
    return [c for c in record_citations(data) if len({s.url for _, s in sources_in(c.record)}) == 1]
