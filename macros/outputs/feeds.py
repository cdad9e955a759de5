"""Subscriptions: iCalendar feeds of deadlines and rounds (with reminders before pending
deadlines) and Atom feeds of events, rounds and changes — site-wide, per issue, per deadline chain.

Built with `icalendar` and `feedgen` rather than by hand. Timestamps come from the data (never
the clock), so an unchanged record keeps an unchanged entry and UID.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from icalendar import Alarm, Calendar
from icalendar import Event as CalendarEvent

from macros.data.dataset import Dataset
from macros.data.records import Deadline, Source
from macros.render.record_links import RecordLinks
from macros.render.safe import plain, safe_url, text
from macros.views import deadlines, labels, ledger, precedent, publication, routes, timeline
from macros.views.memo import memoized
from macros.views.routes import Routes
from macros.views.subscriptions import REMINDER_DAYS, Subscription, subscriptions

UID_DOMAIN = "trade-truce-tracker"
TAG = "tag:trade-truce-tracker,2025:"


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _all_day_event(uid: str, stamp: dt.datetime, first: dt.date, last: dt.date, summary: str) -> CalendarEvent:
    """An all-day calendar entry from `first` to `last` inclusive (DTEND is exclusive in iCalendar)."""
    item = CalendarEvent()
    item.add("uid", f"{uid}@{UID_DOMAIN}")
    item.add("dtstamp", stamp)
    item.add("dtstart", first)
    item.add("dtend", last + dt.timedelta(days=1))
    item.add("summary", summary)
    return item


def snap_back_text(data: Dataset, deadline_id: str) -> str:
    """What returns to force if the deadline's suspensions lapse, in words (computed from the measures)."""
    lines = []
    for sb in ledger.snap_backs(data, deadline_id):
        title = plain(sb.measure.title)
        if sb.still_suspended and sb.ends:
            lines.append(f"- {title}: ends (the state in force runs out)")
        elif sb.still_suspended:
            rate = f" at {sb.rate:g}%" if sb.rate is not None else ""
            lines.append(f"- {title}: returns to force{rate}")
        elif sb.after is not None and sb.after.until:
            lines.append(f"- {title}: suspension extended to {data.by_id['deadlines'][sb.after.until].due.isoformat()}")
        elif sb.after is not None:
            status = labels.MEASURE_STATUS[sb.after.status].lower()
            lines.append(f"- {title}: {status} from {sb.after.start.isoformat()}")
    return "If nothing is done:\n" + "\n".join(lines) if lines else ""


def _reminders(item: CalendarEvent, title: str) -> None:
    for days in REMINDER_DAYS:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"In {days} day{'s' * (days != 1)}: {title}")
        alarm.add("trigger", dt.timedelta(days=-days))
        item.add_component(alarm)


def icalendar_feed(data: Dataset, site_url: str, subscription: Subscription | None = None) -> str:
    subscription = subscription or subscriptions(data)[0]
    calendar = Calendar()
    calendar.add("prodid", "-//Trade Truce Tracker//Deadlines and rounds//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", subscription.title)
    calendar.add("x-wr-caldesc", publication.credit(data.as_of.isoformat()))
    stamp = _midnight(data.as_of)
    open_deadlines = {d.id for d in precedent.open_deadlines(data)}
    links = routes.Routes(data)
    for deadline in subscription.deadlines:
        item = _all_day_event(f"deadline-{deadline.id}", stamp, deadline.due, deadline.due,
                              f"Deadline: {deadline.title}")
        status = deadlines.display_status(deadline, data.today)
        body = f"{plain(deadline.text)}\n\nStatus: {status}."
        if deadline.outcome:
            body += f"\nOutcome: {plain(deadline.outcome)}"
        if deadline.measures:
            body += "\n" + snap_back_text(data, deadline.id)
        if deadline.id in open_deadlines:
            body += "\n" + precedent.sentence_for(data, deadline.id)
        body += "\nSources: " + " ".join(s.url for s in deadline.sources)
        item.add("description", body)
        item.add("categories", list(deadline.issues))
        if site_url:
            item.add("url", Routes.absolute(site_url, links.on_timeline("deadline", deadline.id, deadline.due)))
        if deadline.status == "pending" and deadline.due >= data.today:
            _reminders(item, deadline.title)
        calendar.add_component(item)
    for rnd in subscription.rounds:
        item = _all_day_event(f"round-{rnd.id}", stamp, rnd.start, rnd.end, rnd.title)
        item.add("location", ", ".join(p for p in (rnd.location.venue, rnd.location.city, rnd.location.country) if p))
        item.add("description", plain(rnd.summary) + "\n\nSources: " + " ".join(s.url for s in rnd.sources))
        item.add("categories", list(rnd.issues))
        if site_url:
            item.add("url", Routes.absolute(site_url, Routes.round(rnd.id)))
        calendar.add_component(item)
    return calendar.to_ical().decode("utf-8")


@memoized
def feed_entries(data: Dataset) -> list[LedgerEntry]:
    """Every entry of the site-wide feed, oldest first: rounds, events, deadline outcomes,
    measures' changes of state and commitments' statuses (computed once; each feed filters it)."""
    links = routes.Routes(data)
    items = [LedgerEntry(e.anchor, e.date, e.title, e.text, links.entry_page(e), e.issues, e.sources)
             for e in timeline.timeline_entries(data) if e.category in ("round", "event")]
    items += ledger_entries(data)
    return sorted(items, key=lambda e: (e.date, e.key))


@memoized
def _entries_by_issue(data: Dataset) -> dict[str, list[LedgerEntry]]:
    return by_issue(feed_entries(data))


def by_issue(entries: list[LedgerEntry]) -> dict[str, list[LedgerEntry]]:
    """Entries by each issue they name, in their order (an issue's feed looks its entries up)."""
    grouped: dict[str, list[LedgerEntry]] = {}
    for entry in entries:
        for issue in entry.issues:
            grouped.setdefault(issue, []).append(entry)
    return grouped


@memoized
def _entries_by_key(data: Dataset) -> dict[str, list[LedgerEntry]]:
    grouped: dict[str, list[LedgerEntry]] = {}
    for entry in feed_entries(data):
        grouped.setdefault(entry.key, []).append(entry)
    return grouped


def _subscription_entries(data: Dataset, subscription: Subscription) -> list[LedgerEntry]:
    """The site-wide entries a subscription carries, oldest first (looked up, not filtered: with a
    feed per chain of deadlines, filtering every entry for every feed grows with their product)."""
    if subscription.key == "all":
        return list(feed_entries(data))
    if subscription.issue is not None:
        return list(_entries_by_issue(data).get(subscription.issue, []))
    by_key = _entries_by_key(data)
    return [entry for d in subscription.deadlines for entry in by_key.get(f"deadline-{d.id}", [])]


def atom_feed(data: Dataset, site_url: str, subscription: Subscription | None = None,
              updated: dict[str, dt.date] | None = None) -> str:
    """The feed of one subscription. `updated`: entry key → the day its record last changed (from
    the repository's history); without it, an entry's updated date is its own date."""
    subscription = subscription or subscriptions(data)[0]
    feed = FeedGenerator()
    feed.id(TAG + ("feed" if subscription.key == "all" else f"feed-{subscription.key}"))
    feed.title("Trade Truce Tracker: " + subscription.title.removeprefix("U.S.–China trade truce: "))
    feed.subtitle("New rounds and events, changes of measures and commitments, on the sourced record of the "
                  "U.S.–China trade negotiations.")
    feed.link(href=Routes.absolute(site_url, subscription.feed_path), rel="self")
    feed.link(href=site_url or "./", rel="alternate")
    feed.language("en")
    feed.rights(publication.credit(data.as_of.isoformat()))
    feed.updated(_midnight(data.as_of))
    items = _subscription_entries(data, subscription)
    if subscription.key.startswith("chain-"):
        items += [_deadline_entry(data, d) for d in subscription.deadlines]
    for entry in sorted(items, key=lambda e: (e.date, e.key)):  # feedgen prepends: the feed reads newest first
        item = feed.add_entry()
        item.id(TAG + entry.key)
        item.title(plain(entry.title))
        item.link(href=Routes.absolute(site_url, entry.page))
        item.published(_midnight(entry.date))
        item.updated(_midnight(max(entry.date, (updated or {}).get(entry.key, entry.date))))
        for issue in entry.issues:
            item.category(term=issue, label=data.by_id["issues"][issue].title)
        contents = _rendered_contents(data)
        if entry.key not in contents:
            contents[entry.key] = _entry_content(entry, _record_links(data), site_url)
        item.content(contents[entry.key], type="html")
    return feed.atom_str(pretty=True).decode("utf-8")


@memoized
def _rendered_contents(data: Dataset) -> dict[str, str]:
    """Entry key → its HTML body, filled as feeds are written: an entry carried by many feeds
    (site-wide, its issues', its chain's) is rendered once."""
    return {}


@memoized
def _record_links(data: Dataset) -> RecordLinks:
    return RecordLinks(data, routes.Routes(data))


def _entry_content(entry: LedgerEntry, links: RecordLinks, site_url: str) -> str:
    sources = "".join(f'<li>{text(s.publisher)}: <a href="{text(safe_url(s.url))}">{text(s.url)}</a></li>'
                      for s in entry.sources)
    relayed = entry.sources and all(s.verification == "relay" for s in entry.sources)
    badge = ("<p><strong>Reported, not verified against the original:</strong> every source is a digest or "
             "note that relays it.</p>") if relayed else ""
    return f"{badge}{links.html(entry.text, site_url)}<p>Sources:</p><ul>{sources}</ul>"


def _deadline_entry(data: Dataset, deadline: Deadline) -> LedgerEntry:
    status = deadlines.display_status(deadline, data.today)
    return LedgerEntry(f"deadline-{deadline.id}", deadline.decided or deadline.due,
                       f"{deadline.title}: {status.lower()}", deadline.outcome or deadline.text,
                       routes.Routes(data).deadline(deadline.id), tuple(deadline.issues), tuple(deadline.sources))


@dataclass(frozen=True)
class LedgerEntry:
    key: str
    date: dt.date
    title: str
    text: str
    page: str
    issues: tuple[str, ...]
    sources: tuple[Source, ...]


def ledger_entries(data: Dataset) -> list[LedgerEntry]:
    """A feed entry for every change of a measure's state and every commitment's latest status,
    oldest first."""
    entries = []
    for measure in data.measures:
        for state in measure.states:
            words = labels.MEASURE_STATUS[state.status]
            if state.rate is not None:
                words += f" at {state.rate:g}%"
            if state.reason:
                words += f" ({labels.END_REASON[state.reason]})"
            if state.until:
                words += f" until {data.by_id['deadlines'][state.until].due.isoformat()}"
            entries.append(LedgerEntry(f"measure-{measure.id}-{state.start.isoformat()}", state.start,
                                       f"{measure.title}: {words}", state.note or words,
                                       Routes.measure(measure.id), tuple(measure.issues), tuple(state.sources)))
    rounds = {r.id: r.title for r in data.rounds}
    for commitment in data.commitments:
        status = labels.COMMITMENT_STATUS[commitment.status].lower()
        entries.append(LedgerEntry(f"commitment-{commitment.id}-{commitment.status}", commitment.as_of,
                                   f"Commitment ({labels.SIDE_SHORT[commitment.side]}, {rounds[commitment.round]}): "
                                   f"{status}", commitment.status_note or commitment.text,
                                   Routes.commitment(commitment.id, commitment.round), tuple(commitment.issues),
                                   tuple(commitment.sources)))
    return sorted(entries, key=lambda e: (e.date, e.key))
