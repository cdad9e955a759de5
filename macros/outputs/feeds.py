"""Subscriptions: an iCalendar feed of deadlines and rounds, an Atom feed of events and rounds.

Built with `icalendar` and `feedgen` rather than by hand. Timestamps come from the data (never
the clock), so an unchanged record keeps an unchanged entry and UID.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from macros.data.dataset import Dataset
from macros.render.safe import markdown_html, plain, safe_url, text
from macros.views import deadlines, routes, timeline

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


def icalendar_feed(data: Dataset, site_url: str) -> str:
    calendar = Calendar()
    calendar.add("prodid", "-//Trade Truce Tracker//Deadlines and rounds//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "U.S.–China trade truce: deadlines and rounds")
    stamp = _midnight(data.as_of)
    for deadline in data.deadlines:
        item = _all_day_event(f"deadline-{deadline.id}", stamp, deadline.due, deadline.due,
                              f"Deadline: {deadline.title}")
        status = deadlines.display_status(deadline, data.today)
        body = f"{plain(deadline.text)}\n\nStatus: {status}."
        if deadline.outcome:
            body += f"\nOutcome: {plain(deadline.outcome)}"
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
    feed.subtitle("New rounds and events on the sourced record of the U.S.–China trade negotiations.")
    feed.link(href=site_url + routes.FEED, rel="self")
    feed.link(href=site_url or "./", rel="alternate")
    feed.language("en")
    feed.updated(_midnight(data.as_of))
    links = routes.Routes(data)
    entries = [e for e in timeline.timeline_entries(data) if e.category in ("round", "event")]
    for entry in entries:  # oldest first; feedgen prepends, so the feed reads newest first
        item = feed.add_entry()
        item.id(TAG + entry.anchor)
        item.title(plain(entry.title))
        item.link(href=site_url + links.entry_page(entry))
        item.updated(_midnight(entry.date))
        item.published(_midnight(entry.date))
        for issue in entry.issues:
            item.category(term=issue, label=data.by_id["issues"][issue].title)
        sources = "".join(f'<li>{text(s.publisher)}: <a href="{text(safe_url(s.url))}">{text(s.url)}</a></li>'
                          for s in entry.sources)
        item.content(f"{markdown_html(entry.text)}<p>Sources:</p><ul>{sources}</ul>", type="html")
    return feed.atom_str(pretty=True).decode("utf-8")
