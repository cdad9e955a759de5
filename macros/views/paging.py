"""Where long lists split into pages, so that no page outgrows a reader's connection.

A list that fits stays on one page. A longer one moves into one page per year (people: per
initial), and its index page links them. Each rule is a view of the Dataset, so every page,
link and the page hook agree on where a record lives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from macros.data.dataset import Dataset
from macros.data.records import Deadline, Measure, Person, Round, Source, TariffChange
from macros.views import deadlines
from macros.views.memo import memoized
from macros.views.sources import Citation, source_quarters
from macros.views.timeline import Entry, issue_history, timeline_quarters

T = TypeVar("T")

HISTORY_INLINE = 40  # an issue page shows at most this many history entries
QUARTER_YEARS_LISTED = 12  # the timeline index lists every quarter of the latest this many years, then years
TIMELINE_ON_PAGE = 60  # a quarter of the timeline past this many entries is split into even parts
SOURCES_ON_PAGE = 150  # a quarter of the Sources pages past this many sources continues on a next part
ENTRIES_ON_PAGE = 60  # a year of an issue's history past this many entries continues on a next part
ROUNDS_ON_INDEX = 60
DEADLINES_ON_PAGE = 60
CHAINS_ON_PAGE = 25  # a year of deadline chains past this many continues on parts
MATRIX_ROUNDS = 24
SCORECARD_ROUNDS = 24
PEOPLE_ON_INDEX = 150
TARIFFS_ON_PAGE = 60
LIST_CAP = 50  # long lists on Coverage and Home show this many, then a count
COMMITMENTS_ON_PAGE = 60  # past this, the commitments page summarises by round (each round's page lists its own)
MEASURES_ON_PAGE = 150  # past this, the measures index splits by kind, and a kind into parts
ROUNDS_PER_ISSUE = 10  # 'Rounds by issue' lists this many of each issue's rounds; the issue's page holds all
LEDGER_ON_ISSUE = 20  # an issue page lists at most this many measures and commitments of each, then links on
ROUNDS_SUMMARISED = 60  # the commitments page's by-round summary shows the latest this many rounds
CHAIN_RUNS_LISTED = 20  # the precedent page names the latest this many chains of extensions
CHAIN_SUBSCRIPTIONS_LISTED = 40  # the subscribe page lists this many chains (the deadlines pages link each)
# Lists inside one entry show this many, then a count and a link to where the rest are.
CITED_BY_SHOWN = 12  # a source's citing records, on the Sources pages
ROUNDS_ON_PERSON = 40  # a person's rounds, on their page (newest first)
ROUNDS_ON_PEOPLE_INDEX = 5  # a person's rounds, on the people index
RELATED_ON_ROUND = 30  # the events around a round, on its page
# Parts are bounded by weight as well as by count: a part whose entries would add more than this
# many bytes of HTML (an estimate, see entry_weight) is split, so that with the page's own
# navigation (about 32 KB) a part stays near 120 KB whatever kind of entry fills it. Measured on the
# real record copied (rounds ×100, events ×20; BENCHMARKS.md): an issue's year part renders an entry
# about 10% heavier than the timeline does, so its budget is lower.
PART_BUDGET = 88_000
ISSUE_YEAR_BUDGET = 80_000
ISSUE_INLINE_BUDGET = 50_000  # an issue page's own history (it also lists measures, commitments, sources)


def by_year(items: Iterable[T], year: Callable[[T], int]) -> dict[int, list[T]]:
    grouped: dict[int, list[T]] = {}
    for item in items:
        grouped.setdefault(year(item), []).append(item)
    return dict(sorted(grouped.items()))


def entry_weight(entry: Entry) -> int:
    """About how many bytes of HTML a timeline entry adds to a page: fitted on the parts of the real
    record copied (scripts/copy_data.py; within ±7 KB a part): ~0.8 KB of markup per entry, ~1.34
    bytes per byte of its text and of its sources' addresses and publishers (titles are not shown)."""
    words = len(entry.text.encode()) + sum(len(s.url) + len(s.publisher.encode()) for s in entry.sources)
    return 810 + 16 * len(entry.sources) + words * 134 // 100


def _even_cuts(count: int, parts: int) -> list[int]:
    size, longer = divmod(count, parts)  # the first `longer` parts hold one more
    cuts, end = [], 0
    for part in range(1, parts + 1):
        end += size + (part <= longer)
        cuts.append(end)
    return cuts


def _greedy_cuts(weights: Sequence[int], cap: int, limit: int) -> list[int]:
    """Fill each part up to `cap` of weight and `limit` items, in order (the fewest parts that can)."""
    cuts, total, count = [], 0, 0
    for index, weight in enumerate(weights):
        if count and (total + weight > cap or count == limit):
            cuts.append(index)
            total, count = 0, 0
        total += weight
        count += 1
    return [*cuts, len(weights)]


def in_parts(name: str, items: Sequence[T], limit: int, weight: Callable[[T], int] | None = None,
             budget: int = PART_BUDGET) -> dict[str, list[T]]:
    """`items` on as few pages as hold them, in order: {'2025-q4': first part, '2025-q4-2': second …}.
    A page holds at most `limit` items, split evenly (63 at 60 a page make 32 + 31, not 60 and a stub
    of 3); with `weight`, also at most `budget` of their weight: then as few parts as that allows,
    sharing the weight as evenly as it can (the smallest cap per part that needs no more parts)."""
    cuts = _even_cuts(len(items), max(1, -(-len(items) // limit)))
    if weight is not None and items:
        weights = [weight(item) for item in items]
        starts = [0, *cuts[:-1]]
        if any(sum(weights[a:b]) > budget for a, b in zip(starts, cuts, strict=True)):
            low, high = max(weights), max(budget, max(weights))
            parts = len(_greedy_cuts(weights, high, limit))
            while low < high:  # the smallest cap that still needs only `parts` parts
                middle = (low + high) // 2
                if len(_greedy_cuts(weights, middle, limit)) <= parts:
                    high = middle
                else:
                    low = middle + 1
            cuts = _greedy_cuts(weights, high, limit)
    pages, start = {}, 0
    for part, end in enumerate(cuts, start=1):
        pages[name if part == 1 else f"{name}-{part}"] = list(items[start:end])
        start = end
    return pages


@memoized
def issue_inline(data: Dataset, issue_id: str) -> list[Entry]:
    """The latest entries of an issue's history that its own page shows: at most HISTORY_INLINE, and
    no more than ISSUE_INLINE_BUDGET of weight (but always the latest one), oldest first."""
    shown: list[Entry] = []
    total = 0
    for entry in reversed(issue_history(data, issue_id)):
        weight = entry_weight(entry)
        if len(shown) >= HISTORY_INLINE or (shown and total + weight > ISSUE_INLINE_BUDGET):
            break
        shown.append(entry)
        total += weight
    return shown[::-1]


@memoized
def issue_years(data: Dataset, issue_id: str) -> dict[str, list[Entry]]:
    """An issue's history by year, once it is too long for the issue page ({} until then); a year
    with more entries than a page holds is split into parts: '2025', '2025-2', '2025-3' …"""
    history = issue_history(data, issue_id)
    if len(issue_inline(data, issue_id)) == len(history):
        return {}
    pages: dict[str, list[Entry]] = {}
    for year, entries in by_year(history, lambda e: e.date.year).items():
        pages.update(in_parts(str(year), entries, ENTRIES_ON_PAGE, entry_weight, ISSUE_YEAR_BUDGET))
    return pages


def year_parts(items: Iterable[T], year: Callable[[T], int], limit: int) -> dict[str, list[T]]:
    """Items by year, oldest first; a year with more than `limit` continues on parts ('2025-2')."""
    pages: dict[str, list[T]] = {}
    for number, group in by_year(items, year).items():
        pages |= in_parts(str(number), group, limit)
    return pages


@memoized
def round_years(data: Dataset) -> dict[str, list[Round]]:
    """Rounds by year (and parts of a busy year), once there are too many for the index ({} until then)."""
    if len(data.rounds) <= ROUNDS_ON_INDEX:
        return {}
    return year_parts(data.rounds, lambda r: r.start.year, ROUNDS_ON_INDEX)


@memoized
def matrix_years(data: Dataset) -> dict[str, list[Round]]:
    if len(data.rounds) <= MATRIX_ROUNDS:
        return {}
    return year_parts(data.rounds, lambda r: r.start.year, MATRIX_ROUNDS)


@memoized
def scorecard_years(data: Dataset) -> dict[str, list[Round]]:
    with_expectations = [r for r in data.rounds if r.expectations]
    if len(with_expectations) <= SCORECARD_ROUNDS:
        return {}
    return year_parts(with_expectations, lambda r: r.start.year, SCORECARD_ROUNDS)


@memoized
def chain_years(data: Dataset) -> dict[str, list[list[Deadline]]]:
    """Deadline chains by the year of their first due date, once there are too many for one page
    ({} until then); a year with more chains than a page holds continues on parts ('2025-2')."""
    if len(data.deadlines) <= DEADLINES_ON_PAGE:
        return {}
    return year_parts(deadlines.chains(data), lambda chain: chain[0].due.year, CHAINS_ON_PAGE)


@memoized
def deadline_years(data: Dataset) -> dict[str, str | None]:
    """Deadline id → the year page that lists its chain (None: the main deadlines page)."""
    years = chain_years(data)
    if not years:
        return {d.id: None for d in data.deadlines}
    return {d.id: year for year, chains in years.items() for chain in chains for d in chain}


@memoized
def tariff_years(data: Dataset) -> dict[str, list[TariffChange]]:
    """Tariff changes by year of effect (and parts of a busy year), once there are too many for one
    page ({} until then)."""
    if len(data.tariffs) <= TARIFFS_ON_PAGE:
        return {}
    return year_parts(sorted(data.tariffs, key=lambda t: t.effective), lambda t: t.effective.year, TARIFFS_ON_PAGE)


@memoized
def tariff_pages(data: Dataset) -> dict[str, str]:
    """Tariff change id → the year page (or part) that lists it."""
    return {t.id: key for key, changes in tariff_years(data).items() for t in changes}


@memoized
def recent_tariffs(data: Dataset) -> list[TariffChange]:
    """What the tariffs page charts and lists: every change, or the latest whole year pages that fit."""
    years = tariff_years(data)
    if not years:
        return list(data.tariffs)
    kept: list[TariffChange] = []
    for key in reversed(list(years)):
        if kept and len(kept) + len(years[key]) > TARIFFS_ON_PAGE:
            break
        kept = years[key] + kept
    return kept


@memoized
def timeline_pages(data: Dataset) -> dict[str, list[Entry]]:
    """The timeline by quarter, oldest first; a quarter with more entries than a page holds
    is split into parts of even size ('2025-q2', '2025-q2-2' …), so 63 entries make 32 + 31
    rather than 60 + a stub of 3; entries keep their order."""
    pages: dict[str, list[Entry]] = {}
    for name, entries in timeline_quarters(data).items():
        pages.update(in_parts(name, entries, TIMELINE_ON_PAGE, entry_weight))
    return pages


@memoized
def entry_pages(data: Dataset) -> dict[str, str]:
    """Timeline anchor → the timeline page (quarter or part) that holds the entry."""
    return {entry.anchor: key for key, entries in timeline_pages(data).items() for entry in entries}


@memoized
def month_pages(data: Dataset) -> dict[str, str]:
    """'2025-05' → the first timeline page showing that month."""
    found: dict[str, str] = {}
    for key, entries in timeline_pages(data).items():
        for entry in entries:
            found.setdefault(entry.date.strftime("%Y-%m"), key)
    return found


def source_weight(item: tuple[Source, list[Citation]]) -> int:
    """About how many bytes of HTML a source adds to a Sources page, with the citing records it shows."""
    source, cited = item
    shown = cited[:CITED_BY_SHOWN]
    words = len(source.title.encode()) + len(source.url) + sum(len(c.label.encode()) for c in shown)
    return 300 + words + 120 * len(shown)


@memoized
def source_pages(data: Dataset) -> dict[str, list[tuple[Source, list[Citation]]]]:
    """Cited sources by the quarter they were published in, publishers together; a quarter with
    more sources than a page holds continues on parts: '2025-q2', '2025-q2-2' …"""
    pages: dict[str, list[tuple[Source, list[Citation]]]] = {}
    for quarter_name, items in source_quarters(data).items():
        ordered = sorted(items, key=lambda item: (item[0].publisher.lower(), item[0].date, item[0].title))
        pages.update(in_parts(quarter_name, ordered, SOURCES_ON_PAGE, source_weight))
    return pages


@memoized
def measure_groups(data: Dataset) -> dict[str, list[Measure]]:
    """Measures by side and kind ('us-tariff'), once there are too many for one index page ({} until
    then); a group larger than a page is split into parts ('us-listing-2' …)."""
    if len(data.measures) <= MEASURES_ON_PAGE:
        return {}
    grouped: dict[str, list[Measure]] = {}
    for measure in data.measures:
        grouped.setdefault(f"{measure.side}-{measure.kind}", []).append(measure)
    pages: dict[str, list[Measure]] = {}
    for key, measures in grouped.items():
        pages |= in_parts(key, measures, MEASURES_ON_PAGE)
    return pages


def initial(person: Person) -> str:
    first = person.name[:1].lower()
    return first if first.isascii() and first.isalpha() else "other"


@memoized
def people_initials(data: Dataset) -> dict[str, list[Person]]:
    """People by initial, once there are too many for one index page ({} until then).

    An initial with more people than one page holds is split into parts: keys 'p-1', 'p-2', …
    """
    if len(data.people) <= PEOPLE_ON_INDEX:
        return {}
    grouped: dict[str, list[Person]] = {}
    for person in sorted(data.people, key=lambda p: p.name.lower()):
        grouped.setdefault(initial(person), []).append(person)
    pages: dict[str, list[Person]] = {}
    for letter, people in grouped.items():
        if len(people) <= PEOPLE_ON_INDEX:
            pages[letter] = people
            continue
        for part, start in enumerate(range(0, len(people), PEOPLE_ON_INDEX), start=1):
            pages[f"{letter}-{part}"] = people[start:start + PEOPLE_ON_INDEX]
    return pages

