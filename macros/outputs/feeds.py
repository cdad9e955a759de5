"""Subscriptions: an iCalendar feed of deadlines and rounds, an Atom feed of events and rounds.

Built with `icalendar` and `feedgen` rather than by hand. Timestamps come from the data (never
the clock), so an unchanged record keeps an unchanged entry and UID.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from macros.data.dataset import Dataset
from macros.data.records import Source
from macros.render.safe import markdown_html, plain, safe_url, text
from macros.views import deadlines, labels, ledger, precedent, routes, timeline

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
        if sb.still_suspended:
            rate = f" at {sb.rate:g}%" if sb.rate is not None else ""
            lines.append(f"- {title}: returns to force{rate}")
        elif sb.after is not None and sb.after.until:
            lines.append(f"- {title}: suspension extended to {data.by_id['deadlines'][sb.after.until].due.isoformat()}")
        elif sb.after is not None:
            status = labels.MEASURE_STATUS[sb.after.status].lower()
            lines.append(f"- {title}: {status} from {sb.after.start.isoformat()}")
    return "If it lapses:\n" + "\n".join(lines) if lines else ""


def icalendar_feed(data: Dataset, site_url: str) -> str:
    calendar = Calendar()
    calendar.add("prodid", "-//Trade Truce Tracker//Deadlines and rounds//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "U.S.–China trade truce: deadlines and rounds")
    stamp = _midnight(data.as_of)
    open_deadlines = precedent.open_deadlines(data)
    for deadline in data.deadlines:
        item = _all_day_event(f"deadline-{deadline.id}", stamp, deadline.due, deadline.due,
                              f"Deadline: {deadline.title}")
        status = deadlines.display_status(deadline, data.today)
        body = f"{plain(deadline.text)}\n\nStatus: {status}."
        if deadline.outcome:
            body += f"\nOutcome: {plain(deadline.outcome)}"
        if deadline.measures:
            body += "\n" + snap_back_text(data, deadline.id)
        if deadline in open_deadlines:
            body += "\n" + precedent.sentence_for(data, deadline.id)
        body += "\nSources: " + " ".join(s.url for s in deadline.sources)
        item.add("description", body)
        item.add("categories", list(deadline.issues))
        if site_url:
            item.add("url", site_url + routes.on_timeline("deadline", deadline.id, deadline.due))
        calendar.add_component(item)
    for rnd in data.rounds:
        item = _all_day_event(f"round-{rnd.id}", stamp, rnd.start, rnd.end, rnd.title)
        item.add("location", ", ".join(p for p in (rnd.location.venue, rnd.location.city, rnd.location.country) if p))
        item.add("description", plain(rnd.summary) + "\n\nSources: " + " ".join(s.url for s in rnd.sources))
        item.add("categories", list(rnd.issues))
        if site_url:
            item.add("url", site_url + routes.round_page(rnd.id))
        calendar.add_component(item)
    return calendar.to_ical().decode("utf-8")


def atom_feed(data: Dataset, site_url: str) -> str:
    feed = FeedGenerator()
    feed.id(TAG + "feed")
    feed.title("Trade Truce Tracker: U.S.–China trade talks and truce")
    feed.subtitle("New rounds and events, changes of measures and commitments, on the sourced record of the "
                  "U.S.–China trade negotiations.")
    feed.link(href=site_url + routes.FEED, rel="self")
    feed.link(href=site_url or "./", rel="alternate")
    feed.language("en")
    feed.updated(_midnight(data.as_of))
    links = routes.Routes(data)
    items = [LedgerEntry(e.anchor, e.date, e.title, e.text, links.entry_page(e), e.issues, e.sources)
             for e in timeline.timeline_entries(data) if e.category in ("round", "event")]
    items += ledger_entries(data)
    for entry in sorted(items, key=lambda e: e.date):  # oldest first; feedgen prepends: the feed reads newest first
        item = feed.add_entry()
        item.id(TAG + entry.key)
        item.title(plain(entry.title))
        item.link(href=site_url + entry.page)
        item.updated(_midnight(entry.date))
        item.published(_midnight(entry.date))
        for issue in entry.issues:
            item.category(term=issue, label=data.by_id["issues"][issue].title)
        sources = "".join(f'<li>{text(s.publisher)}: <a href="{text(safe_url(s.url))}">{text(s.url)}</a></li>'
                          for s in entry.sources)
        item.content(f"{markdown_html(entry.text)}<p>Sources:</p><ul>{sources}</ul>", type="html")
    return feed.atom_str(pretty=True).decode("utf-8")


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
                                       routes.measure_page(measure.id), tuple(measure.issues), tuple(state.sources)))
    rounds = {r.id: r.title for r in data.rounds}
    for commitment in data.commitments:
        status = labels.COMMITMENT_STATUS[commitment.status].lower()
        entries.append(LedgerEntry(f"commitment-{commitment.id}-{commitment.status}", commitment.as_of,
                                   f"Commitment ({labels.SIDE_SHORT[commitment.side]}, {rounds[commitment.round]}): "
                                   f"{status}", commitment.status_note or commitment.text,
                                   routes.commitment(commitment.id), tuple(commitment.issues),
                                   tuple(commitment.sources)))
    return sorted(entries, key=lambda e: (e.date, e.key))
