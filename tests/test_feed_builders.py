"""The feed and calendar builders (macros/outputs/feeds.py), in process on the fixture data: what
a subscriber's reader or calendar receives, without a site build."""

from __future__ import annotations

import dataclasses
import datetime as dt

import feedparser
from icalendar import Calendar

from macros.data.dataset import load_dataset
from macros.outputs.feeds import atom_feed, icalendar_feed
from macros.views.subscriptions import REMINDER_DAYS, subscriptions
from tests.conftest import FIXTURES

TODAY = dt.date(2026, 1, 1)
DATA = load_dataset(FIXTURES / "valid", TODAY)
SITE = "https://example.org/ttt/"
TAG = "tag:trade-truce-tracker,2025:"


def calendar_events(text: str) -> dict[str, object]:
    return {str(item["UID"]): item for item in Calendar.from_ical(text).walk("VEVENT")}


def test_the_calendar_holds_every_deadline_and_round_on_its_day_with_an_absolute_link():
    events = calendar_events(icalendar_feed(DATA, SITE))
    assert set(events) == ({f"deadline-{d.id}@trade-truce-tracker" for d in DATA.deadlines}
                           | {f"round-{r.id}@trade-truce-tracker" for r in DATA.rounds})
    for deadline in DATA.deadlines:
        item = events[f"deadline-{deadline.id}@trade-truce-tracker"]
        assert item.decoded("DTSTART") == deadline.due
        assert str(item["URL"]).startswith(SITE)
        assert "Status: " in str(item["DESCRIPTION"])
    for rnd in DATA.rounds:
        item = events[f"round-{rnd.id}@trade-truce-tracker"]
        assert item.decoded("DTSTART") == rnd.start
        assert item.decoded("DTEND") == rnd.end + dt.timedelta(days=1)  # all-day events end the day after
        assert str(item["URL"]) == f"{SITE}rounds/{rnd.id}/"


def test_only_a_pending_deadline_still_ahead_carries_reminders():
    events = calendar_events(icalendar_feed(DATA, SITE))
    for deadline in DATA.deadlines:
        alarms = events[f"deadline-{deadline.id}@trade-truce-tracker"].walk("VALARM")
        ahead = deadline.status == "pending" and deadline.due >= TODAY
        assert len(alarms) == (len(REMINDER_DAYS) if ahead else 0), deadline.id
        if ahead:
            assert sorted(-a.decoded("TRIGGER").days for a in alarms) == sorted(REMINDER_DAYS)
    assert any(d.status == "pending" and d.due >= TODAY for d in DATA.deadlines)


def test_without_a_site_address_the_calendar_gives_no_links():
    events = calendar_events(icalendar_feed(DATA, ""))
    assert all("URL" not in item for item in events.values())


def test_the_feed_reads_newest_first_with_one_entry_per_round_and_event():
    feed = feedparser.parse(atom_feed(DATA, SITE))
    assert feed.bozo == 0, feed.get("bozo_exception")
    ids = [entry.id for entry in feed.entries]
    assert len(ids) == len(set(ids))
    assert {f"{TAG}round-{r.id}" for r in DATA.rounds} | {f"{TAG}event-{e.id}" for e in DATA.events} <= set(ids)
    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    assert all(entry.link.startswith(SITE) for entry in feed.entries)


def test_a_later_correction_moves_an_entrys_updated_date_but_not_its_published_date():
    rnd = DATA.rounds[0]
    corrected = dt.date(2025, 12, 1)
    feed = feedparser.parse(atom_feed(DATA, SITE, updated={f"round-{rnd.id}": corrected}))
    entry = next(e for e in feed.entries if e.id == f"{TAG}round-{rnd.id}")
    assert dt.date(*entry.published_parsed[:3]) == rnd.start
    assert dt.date(*entry.updated_parsed[:3]) == corrected


def test_an_issue_feed_carries_only_that_issues_entries():
    issue = next(s for s in subscriptions(DATA) if s.issue is not None)
    feed = feedparser.parse(atom_feed(DATA, SITE, issue))
    assert feed.entries
    for entry in feed.entries:
        assert issue.issue in {tag.term for tag in entry.tags}


def test_a_relayed_record_is_marked_in_its_feed_entry():
    event = DATA.events[0]
    relay = {"url": "https://example.org/digest-{}", "publisher": "Digest {}", "title": "Digest",
             "date": event.date.isoformat(), "level": "relay",
             "primary": {"issuer": "Ministry", "title": "Statement"}}
    sources = [type(event.sources[0]).model_validate({**relay, "url": relay["url"].format(n),
                                                      "publisher": relay["publisher"].format(n)}) for n in (1, 2)]
    relayed = event.model_copy(update={"sources": sources})
    data = dataclasses.replace(DATA, events=(relayed, *DATA.events[1:]))
    feed = feedparser.parse(atom_feed(data, SITE))
    entry = next(e for e in feed.entries if e.id == f"{TAG}event-{event.id}")
    assert "Reported, not verified against the original" in entry.content[0].value
    other = next(e for e in feed.entries if e.id == f"{TAG}event-{DATA.events[1].id}") if len(DATA.events) > 1 else None
    assert other is None or "not verified" not in other.content[0].value
