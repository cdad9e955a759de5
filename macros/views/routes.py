"""Every URL and output path of the site, formed here and nowhere else.

URLs are site-relative ('rounds/2025-05-geneva/'); pages prefix them with the way back to the
site root. Where a record lives can depend on paging (a long list moves to year pages), so the
routes are bound to the build's Dataset.
"""

from __future__ import annotations

import datetime as dt
import posixpath

from pymdownx.slugs import slugify

from macros.data import records
from macros.data.dataset import Dataset
from macros.data.records import Commitment, Deadline, Event, Issue, Measure, Person, Purchase, Round, TariffChange
from macros.views import paging
from macros.views.sources import publisher_slugs
from macros.views.timeline import Entry, anchor, quarter

HOME = ""
TIMELINE = "timeline/"
ROUNDS = "rounds/"
MATRIX = "rounds/matrix/"
SCORECARD = "rounds/scorecard/"
TAGS = "tags/"
ISSUES = "issues/"
PEOPLE = "people/"
TARIFFS = "tariffs/"
DEADLINES = "deadlines/"
SOURCES = "sources/"
COVERAGE = "coverage/"
DATA_API = "data-api/"
MEASURES = "measures/"
COMMITMENTS = "commitments/"
PRECEDENT = "precedent/"

API = "api/v1/"
CALENDAR = "calendar.ics"
FEED = "feed.atom"
TIMELINE_ANCHORS = "timeline/anchors.json"
TIMELINEJS = f"{API}timeline.json"
RELEASE_ZIP = "downloads/trade-truce-data.zip"
RELEASE_SUMS = "downloads/SHA256SUMS"
# Places on a page that outputs link to.
TIMELINE_PICTURE = f"{TIMELINE}#picture"
TARIFFS_BY_AUTHORITY = f"{TARIFFS}#by-authority"

# Index pages are written as <section>/index.md; every other generated page as <url>.md.
ZH = "zh/"  # the Chinese edition
ZH_TIMELINE = f"{ZH}{TIMELINE}"
ZH_PEOPLE, ZH_MEASURES = f"{ZH}{PEOPLE}", f"{ZH}{MEASURES}"
ZH_DEADLINES, ZH_COMMITMENTS = f"{ZH}{DEADLINES}", f"{ZH}{COMMITMENTS}"
ZH_FEED = f"{ZH}feed.atom"
ZH_ABOUT = f"{ZH}about/"
ZH_PRECEDENT = f"{ZH}{PRECEDENT}"
ZH_SUBSCRIBE = f"{ZH}subscribe/"
ZH_ROUNDS, ZH_ISSUES = f"{ZH}{ROUNDS}", f"{ZH}{ISSUES}"
ZH_TARIFFS = f"{ZH}{TARIFFS}"
ZH_CITE, ZH_EMBED = f"{ZH}cite/", f"{ZH}embed/"
ZH_SOURCES, ZH_PURCHASES = f"{ZH}{SOURCES}", f"{ZH}purchases/"
ZH_TAGS, ZH_MATRIX, ZH_SCORECARD, ZH_CHANGES = f"{ZH}{TAGS}", f"{ZH}{MATRIX}", f"{ZH}{SCORECARD}", f"{ZH}changes/"
ZH_COVERAGE = f"{ZH}{COVERAGE}"
_SECTION_INDEXES = {TIMELINE, ROUNDS, ISSUES, PEOPLE, TARIFFS, DEADLINES, SOURCES, COVERAGE, MEASURES, COMMITMENTS,
                    PRECEDENT, "subscribe/", "changes/", "embed/", "cite/", "purchases/", ZH, ZH_TIMELINE,
                    ZH_PEOPLE, ZH_MEASURES, ZH_DEADLINES, ZH_COMMITMENTS, ZH_PRECEDENT, ZH_SUBSCRIBE,
                    ZH_ROUNDS, ZH_ISSUES, ZH_TARIFFS, ZH_CITE, ZH_EMBED, ZH_SOURCES, ZH_PURCHASES,
                    ZH_TAGS, ZH_MATRIX, ZH_SCORECARD, ZH_CHANGES, ZH_COVERAGE}


_TAG_SLUG = slugify(case="lower")


SUBSCRIBE = "subscribe/"
CHANGES = "changes/"
EMBED = "embed/"
CITE = "cite/"
PURCHASES = "purchases/"
CHANGES_FEED = "changes.atom"


EMBED_COUNTDOWN = "embed/countdown.html"


class Routes:
    """The URLs that depend on the build's data (paging), plus every static route above."""

    HOME, TIMELINE, ROUNDS, MATRIX, SCORECARD, ISSUES = HOME, TIMELINE, ROUNDS, MATRIX, SCORECARD, ISSUES
    PEOPLE, TARIFFS, DEADLINES, SOURCES, COVERAGE, DATA_API = PEOPLE, TARIFFS, DEADLINES, SOURCES, COVERAGE, DATA_API
    CALENDAR, FEED, MEASURES, COMMITMENTS, PRECEDENT = CALENDAR, FEED, MEASURES, COMMITMENTS, PRECEDENT
    SUBSCRIBE, CHANGES, CHANGES_FEED, TAGS = SUBSCRIBE, CHANGES, CHANGES_FEED, TAGS
    EMBED, CITE, PURCHASES, ZH, ZH_TIMELINE = EMBED, CITE, PURCHASES, ZH, ZH_TIMELINE
    ZH_PEOPLE, ZH_MEASURES, ZH_DEADLINES, ZH_COMMITMENTS, ZH_FEED = (ZH_PEOPLE, ZH_MEASURES, ZH_DEADLINES,
                                                                      ZH_COMMITMENTS, ZH_FEED)
    ZH_PRECEDENT, ZH_ABOUT, ZH_SUBSCRIBE = ZH_PRECEDENT, ZH_ABOUT, ZH_SUBSCRIBE
    ZH_ROUNDS, ZH_ISSUES, ZH_TARIFFS, ZH_CITE, ZH_EMBED = ZH_ROUNDS, ZH_ISSUES, ZH_TARIFFS, ZH_CITE, ZH_EMBED
    ZH_SOURCES, ZH_PURCHASES = ZH_SOURCES, ZH_PURCHASES
    ZH_TAGS, ZH_MATRIX, ZH_SCORECARD, ZH_CHANGES = ZH_TAGS, ZH_MATRIX, ZH_SCORECARD, ZH_CHANGES
    ZH_COVERAGE = ZH_COVERAGE
    EMBED_COUNTDOWN = EMBED_COUNTDOWN


    @staticmethod
    def tag_anchor(issue_title: str) -> str:
        """An issue's anchor on 'Rounds by issue' (tags/): the id Material's tags plugin gave it, so
        links made when that page was Material's listing still land ('tag:export-controls-and-chips')."""
        return "tag:" + _TAG_SLUG(issue_title, "-")

    @staticmethod
    def round(round_id: str) -> str:
        return f"{ROUNDS}{round_id}/"

    @staticmethod
    def issue(issue_id: str) -> str:
        return f"{ISSUES}{issue_id}/"

    @staticmethod
    def zh_round(round_id: str) -> str:
        """A round's page in the Chinese edition."""
        return f"{ZH}{ROUNDS}{round_id}/"

    @staticmethod
    def zh_issue(issue_id: str) -> str:
        return f"{ZH}{ISSUES}{issue_id}/"

    @staticmethod
    def in_zh(path: str) -> str:
        """The Chinese edition's twin of a site path: 'feeds/x.atom' → 'zh/feeds/x.atom'."""
        return f"{ZH}{path}"

    @staticmethod
    def zh_rounds_year(year: str | int) -> str:
        return f"{ZH}{Routes.rounds_year(year)}"

    @staticmethod
    def zh_tariffs_year(year: str | int) -> str:
        return f"{ZH}{Routes.tariffs_year(year)}"

    @staticmethod
    def zh_sources_quarter(name: str) -> str:
        return f"{ZH}{Routes.sources_quarter(name)}"

    @staticmethod
    def zh_issue_year(issue_id: str, year: str) -> str:
        return f"{ZH}{Routes.issue_year(issue_id, year)}"

    @staticmethod
    def zh_deadlines_year(year: str) -> str:
        return f"{ZH}{Routes.deadlines_year(year)}"

    @staticmethod
    def zh_people_letter(letter: str) -> str:
        return f"{ZH}{Routes.people_letter(letter)}"

    @staticmethod
    def zh_measures_group(key: str) -> str:
        return f"{ZH}{Routes.measures_group(key)}"

    @staticmethod
    def zh_matrix_year(year: str) -> str:
        return f"{ZH}{Routes.matrix_year(year)}"

    @staticmethod
    def zh_scorecard_year(year: str) -> str:
        return f"{ZH}{Routes.scorecard_year(year)}"

    @staticmethod
    def zh_person(person_id: str) -> str:
        return f"{ZH}{PEOPLE}{person_id}/"

    @staticmethod
    def zh_measure(measure_id: str) -> str:
        return f"{ZH}{MEASURES}{measure_id}/"

    @staticmethod
    def zh_timeline_quarter(name: str) -> str:
        """A quarter (or a part of a long one) of the timeline in the Chinese edition."""
        return f"{ZH}{TIMELINE}{name}/"

    @staticmethod
    def issue_history(issue_id: str) -> str:
        return f"{ISSUES}{issue_id}/#history"

    @staticmethod
    def issue_year(issue_id: str, year: int | str) -> str:
        return f"{ISSUES}{issue_id}/{year}/"

    @staticmethod
    def measure(measure_id: str) -> str:
        return f"{MEASURES}{measure_id}/"

    @staticmethod
    def commitment(commitment_id: str, round_id: str) -> str:
        """A commitment lives on the page of the round where it was made (bounded however many there are)."""
        return f"{Routes.round(round_id)}#commitment-{commitment_id}"

    @staticmethod
    def measures_group(key: str) -> str:
        return f"{MEASURES}by-kind/{key}/"

    @staticmethod
    def person(person_id: str) -> str:
        return f"{PEOPLE}{person_id}/"

    @staticmethod
    def people_letter(key: str) -> str:
        return f"{PEOPLE}by-letter/{key}/"

    @staticmethod
    def rounds_year(year: str | int) -> str:
        return f"{ROUNDS}by-year/{year}/"

    @staticmethod
    def matrix_year(year: str | int) -> str:
        return f"{MATRIX}{year}/"

    @staticmethod
    def scorecard_year(year: str | int) -> str:
        return f"{SCORECARD}{year}/"

    @staticmethod
    def deadlines_year(year: str | int) -> str:
        return f"{DEADLINES}{year}/"

    @staticmethod
    def tariffs_year(year: str | int) -> str:
        return f"{TARIFFS}{year}/"

    @staticmethod
    def timeline_quarter(name: str) -> str:
        return f"{TIMELINE}{name}/"

    @staticmethod
    def sources_quarter(name: str) -> str:
        return f"{SOURCES}{name}/"

    @staticmethod
    def api_json(name: str) -> str:
        return f"{API}{name}.json"

    @staticmethod
    def api_csv(name: str) -> str:
        return f"{API}{name}.csv"

    @staticmethod
    def api_schema(name: str) -> str:
        return f"{API}schema/{name}.schema.json"

    @staticmethod
    def chart_file(name: str) -> str:
        """A chart as a standalone SVG to download and republish."""
        return f"downloads/charts/{name}.svg"

    @staticmethod
    def cite_file(kind: str, record_id: str, extension: str) -> str:
        """A record's citation as CSL-JSON ('json') or BibTeX ('bib')."""
        return f"cite/{kind}-{record_id}.{extension}"

    @staticmethod
    def issue_feed(issue_id: str) -> str:
        return f"feeds/issue-{issue_id}.atom"

    @staticmethod
    def issue_calendar(issue_id: str) -> str:
        return f"calendars/issue-{issue_id}.ics"

    @staticmethod
    def chain_feed(first_deadline_id: str) -> str:
        return f"feeds/chain-{first_deadline_id}.atom"

    @staticmethod
    def chain_calendar(first_deadline_id: str) -> str:
        return f"calendars/chain-{first_deadline_id}.ics"

    @staticmethod
    def page_file(url: str) -> str:
        """The docs/-relative path of the generated Markdown page behind a URL."""
        if url in _SECTION_INDEXES:
            return f"{url}index.md"
        return url.rstrip("/") + ".md"

    @staticmethod
    def site_root(site_url: str, otherwise: str = "") -> str:
        """The site's address with one trailing slash, or `otherwise` where it is not configured."""
        return site_url.rstrip("/") + "/" if site_url else otherwise

    @staticmethod
    def absolute(site_url: str, target: str, otherwise: str = "") -> str:
        """`target` (site-relative, fragment allowed) as a full address where the site's address is known;
        without one, `otherwise + target` (e.g. "/" for a root-relative link, "../" from a subfolder).
        Feeds, calendars, citations, embeds and releases all join addresses here."""
        return Routes.site_root(site_url, otherwise) + target

    @staticmethod
    def webcal(site_url: str, target: str) -> str:
        """A calendar subscription link (webcal://…) for `target`, or "" without the site's address."""
        return "webcal://" + Routes.absolute(site_url, target).split("://", 1)[1] if site_url else ""

    @staticmethod
    def relative(target: str, page_url: str) -> str:
        """`target` (site-relative) as a link relative to the page at `page_url`. Computed on the path
        segments (both paths are site-relative and normalised): `posixpath.relpath` resolves both
        against the working directory, and pages call this tens of thousands of times."""
        directory = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
        path, _, fragment = target.partition("#")
        here = [part for part in directory.split("/") if part]
        there = [part for part in path.split("/") if part]
        common = 0
        while common < min(len(here), len(there)) and here[common] == there[common]:
            common += 1
        parts = [".."] * (len(here) - common) + there[common:]
        link = "/".join(parts) + ("/" if parts and path.endswith("/") else "")
        return link + (f"#{fragment}" if fragment else "")

    def __init__(self, data: Dataset) -> None:
        self.data = data

    def deadline(self, deadline_id: str) -> str:
        """A deadline's entry on the deadlines page (or the year page) that lists its chain."""
        year = paging.deadline_years(self.data)[deadline_id]
        page = DEADLINES if year is None else Routes.deadlines_year(year)
        return f"{page}#deadline-{deadline_id}"

    def tariff(self, tariff_id: str) -> str:
        if not paging.tariff_years(self.data):
            return f"{TARIFFS}#{tariff_id}"
        return f"{Routes.tariffs_year(paging.tariff_pages(self.data)[tariff_id])}#{tariff_id}"

    def change_target(self, collection: str, record_id: str) -> str | None:
        """Where a changed record is now (None: it is no longer on record)."""
        record = self.data.by_id.get(collection, {}).get(record_id)
        if record is None:
            return None
        if collection == "gaps":
            return f"{COVERAGE}#gap-{record_id}"
        if collection == "tariffs":
            return self.tariff(record_id)
        return self.record(record)

    def publisher_anchor(self, publisher: str) -> str:
        return "pub-" + publisher_slugs(self.data)[publisher]

    def on_timeline(self, category: str, record_id: str, day: dt.date) -> str:
        """Where a round, event or deadline sits on the timeline: its quarter's page, or the part of
        it that holds the entry once the quarter is long."""
        key = paging.entry_pages(self.data).get(anchor(category, record_id), quarter(day))
        return f"{Routes.timeline_quarter(key)}#{anchor(category, record_id)}"

    def event(self, event_id: str) -> str:
        event = self.data.by_id["events"][event_id]
        return self.on_timeline("event", event.id, event.date)

    def period(self, start: dt.date, grain: str, issue_id: str | None = None) -> str:
        """Where the timeline shows a month, quarter or year (narrowed to an issue: the quarter
        pages' filter reads ?issue=; a year goes to the issue's page or the year's quarters)."""
        narrowed = f"?issue={issue_id}" if issue_id else ""
        if grain == "month":
            page = paging.month_pages(self.data).get(start.strftime("%Y-%m"), quarter(start))
            return f"{Routes.timeline_quarter(page)}{narrowed}#m{start.strftime('%Y-%m')}"
        if grain == "quarter":
            return f"{Routes.timeline_quarter(quarter(start))}{narrowed}"
        if issue_id:
            return Routes.issue_history(issue_id)
        if grain == "decade":  # the decade's first year with entries in the list of quarters
            years = sorted({int(name[:4]) for name in paging.timeline_pages(self.data)})
            first = next((y for y in years if start.year <= y < start.year + 10), None)
            return f"{TIMELINE}#y{first}" if first is not None else f"{TIMELINE}#quarters"
        return f"{TIMELINE}#y{start.year}"

    def entry(self, entry: Entry) -> str:
        """Where an entry sits on the timeline."""
        return self.on_timeline(entry.category, entry.record.id, entry.date)

    def zh_timeline_event(self, event_id: str) -> str:
        """An event's place on the Chinese edition's timeline."""
        return f"{ZH}{self.event(event_id)}"

    def zh_deadline(self, deadline_id: str) -> str:
        """A deadline on the Chinese edition's deadlines page."""
        return f"{ZH}{DEADLINES}#deadline-{deadline_id}"

    def zh_timeline_entry(self, entry: Entry) -> str:
        """Where an entry sits on the Chinese edition's timeline (same quarters, same anchors)."""
        return f"{ZH}{self.entry(entry)}"

    def entry_page(self, entry: Entry) -> str:
        """The entry's own page if it has one, else its place on the timeline."""
        return Routes.round(entry.record.id) if entry.has_page else self.entry(entry)

    def record(self, record: object) -> str:
        """Where a reader finds a record."""
        if isinstance(record, Round):
            return Routes.round(record.id)
        if isinstance(record, Issue):
            return Routes.issue(record.id)
        if isinstance(record, Event):
            return self.on_timeline("event", record.id, record.date)
        if isinstance(record, Deadline):
            return self.on_timeline("deadline", record.id, record.due)
        if isinstance(record, Person):
            return Routes.person(record.id)
        if isinstance(record, TariffChange):
            return self.tariff(record.id)
        if isinstance(record, Measure):
            return Routes.measure(record.id)
        if isinstance(record, Commitment):
            return Routes.commitment(record.id, record.round)
        if isinstance(record, Purchase):
            return f"{PURCHASES}#purchase-{record.id}"
        if isinstance(record, records.Estimate):
            return f"{TARIFFS}#{record.id}"
        raise TypeError(f"no page for {type(record).__name__}")
