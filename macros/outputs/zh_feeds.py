"""The Chinese edition's feeds and calendars (zh/feed.atom, zh/calendar.ics, and one pair per issue
and per chain of deadlines under zh/): the same subscriptions and entries as the English ones
(macros/outputs/feeds.py), written in Chinese from the records' Chinese fields, linking to the
Chinese pages. A part with no Chinese yet is given in English with the 「英文」 marker.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator
from icalendar import Calendar

from macros.data.dataset import Dataset
from macros.data.records import Deadline
from macros.outputs.feeds import TAG, LedgerEntry, _all_day_event, _midnight, _record_links, _reminders, by_issue
from macros.render.safe import plain, safe_url, text
from macros.views import labels, routes, timeline
from macros.views.memo import memoized
from macros.views.routes import Routes
from macros.views.subscriptions import Subscription, subscriptions, zh_title

ZH = Routes.ZH
MARKER = f"「{labels.ZH['in_english']}」"


def _zh(chinese: str | None, english: str) -> str:
    return chinese if chinese else f"{english} {MARKER}"


@memoized
def zh_feed_entries(data: Dataset) -> list[LedgerEntry]:
    """Every entry of the Chinese site-wide feed, oldest first, keyed as the English entries are."""
    links = routes.Routes(data)
    items = []
    for e in timeline.timeline_entries(data):
        if e.category == "round":
            items.append(LedgerEntry(e.anchor, e.date, _zh(e.record.title_zh, e.title),
                                     e.record.summary_zh or e.text, ZH + links.entry_page(e), e.issues, e.sources))
        elif e.category == "event":
            items.append(LedgerEntry(e.anchor, e.date, _zh(e.record.title_zh, e.title), e.record.text_zh or e.text,
                                     ZH + links.entry(e), e.issues, e.sources))
    for measure in data.measures:
        for state in measure.states:
            words = labels.ZH_MEASURE_STATUS[state.status]
            if state.rate is not None:
                words += f"，税率{state.rate:g}%"
            if state.reason:
                words += f"（{labels.ZH_END_REASON[state.reason]}）"
            if state.until:
                words += f"，至{labels.zh_date(data.by_id['deadlines'][state.until].due)}"
            items.append(LedgerEntry(f"measure-{measure.id}-{state.start.isoformat()}", state.start,
                                     f"{_zh(measure.title_zh, measure.title)}：{words}",
                                     state.note_zh or state.note or words, ZH + Routes.measure(measure.id),
                                     tuple(measure.issues), tuple(state.sources)))
    rounds = {r.id: r.title_zh or r.title for r in data.rounds}
    for c in data.commitments:
        items.append(LedgerEntry(f"commitment-{c.id}-{c.status}", c.as_of,
                                 f"承诺（{labels.ZH_SIDE[c.side]}，{rounds[c.round]}）："
                                 f"{labels.ZH_COMMITMENT_STATUS[c.status]}",
                                 c.status_note_zh or c.text_zh or c.status_note or c.text,
                                 ZH + Routes.commitment(c.id, c.round), tuple(c.issues), tuple(c.sources)))
    return sorted(items, key=lambda e: (e.date, e.key))


@memoized
def _by_issue(data: Dataset) -> dict[str, list[LedgerEntry]]:
    return by_issue(zh_feed_entries(data))


@memoized
def _rendered_contents(data: Dataset) -> dict[str, str]:
    """Entry key → its Chinese HTML body, filled as feeds are written: an entry carried by the
    site-wide feed and its issues' is rendered once (as the English feeds do)."""
    return {}


def _deadline_entry(data: Dataset, deadline: Deadline) -> LedgerEntry:
    status = labels.ZH_DEADLINE_STATUS[deadline.status]
    return LedgerEntry(f"deadline-{deadline.id}", deadline.decided or deadline.due,
                       f"{_zh(deadline.title_zh, deadline.title)}：{status}",
                       deadline.outcome_zh or deadline.text_zh or deadline.outcome or deadline.text,
                       ZH + routes.Routes(data).deadline(deadline.id), tuple(deadline.issues), tuple(deadline.sources))


def _entries(data: Dataset, subscription: Subscription) -> list[LedgerEntry]:
    if subscription.key == "all":
        return list(zh_feed_entries(data))
    if subscription.issue is not None:
        return list(_by_issue(data).get(subscription.issue, []))
    return [_deadline_entry(data, d) for d in subscription.deadlines]


def zh_atom_feed(data: Dataset, site_url: str, subscription: Subscription,
                 updated: dict[str, dt.date] | None = None) -> str:
    feed = FeedGenerator()
    feed.id(TAG + "zh-" + ("feed" if subscription.key == "all" else f"feed-{subscription.key}"))
    feed.title(zh_title(data, subscription))
    feed.subtitle("中美经贸谈判有据可查的记录：新的磋商与事件、措施与承诺的变化。译文为本项目自译。")
    feed.link(href=Routes.absolute(site_url, Routes.in_zh(subscription.feed_path)), rel="self")
    feed.link(href=Routes.absolute(site_url, ZH) if site_url else "./", rel="alternate")
    feed.language("zh-Hans")
    feed.updated(_midnight(data.as_of))
    contents = _rendered_contents(data)
    for entry in sorted(_entries(data, subscription), key=lambda e: (e.date, e.key)):  # feedgen prepends
        item = feed.add_entry()
        item.id(TAG + "zh-" + entry.key)
        item.title(plain(entry.title))
        item.link(href=Routes.absolute(site_url, entry.page))
        item.published(_midnight(entry.date))
        item.updated(_midnight(max(entry.date, (updated or {}).get(entry.key, entry.date))))
        for issue in entry.issues:
            chosen = data.by_id["issues"][issue]
            item.category(term=issue, label=chosen.title_zh or chosen.title)
        if entry.key not in contents:
            contents[entry.key] = _entry_content(data, entry, site_url)
        item.content(contents[entry.key], type="html")
    return feed.atom_str(pretty=True).decode("utf-8")


def _entry_content(data: Dataset, entry: LedgerEntry, site_url: str) -> str:
    cited = "".join(f'<li>{text(s.publisher)}：<a href="{text(safe_url(s.url))}">{text(s.url)}</a></li>'
                    for s in entry.sources)
    relayed = entry.sources and all(s.verification == "relay" for s in entry.sources)
    badge = f"<p><strong>{labels.ZH['relayed']}</strong></p>" if relayed else ""
    body = _record_links(data).html(entry.text, site_url, ZH)
    return f"{badge}{body}<p>{labels.ZH['sources']}：</p><ul>{cited}</ul>"


def zh_calendar(data: Dataset, site_url: str, subscription: Subscription) -> str:
    calendar = Calendar()
    calendar.add("prodid", "-//Trade Truce Tracker//Deadlines and rounds//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", zh_title(data, subscription))
    stamp = _midnight(data.as_of)
    links = routes.Routes(data)
    for deadline in subscription.deadlines:
        title = _zh(deadline.title_zh, deadline.title)
        item = _all_day_event(f"zh-deadline-{deadline.id}", stamp, deadline.due, deadline.due, f"截止日期：{title}")
        body = f"{plain(deadline.text_zh or deadline.text)}\n\n状态：{labels.ZH_DEADLINE_STATUS[deadline.status]}。"
        if deadline.outcome:
            body += f"\n结果：{plain(deadline.outcome_zh or deadline.outcome)}"
        body += f"\n{labels.ZH['sources']}：" + " ".join(s.url for s in deadline.sources)
        item.add("description", body)
        if site_url:
            item.add("url", Routes.absolute(site_url, ZH + links.on_timeline("deadline", deadline.id, deadline.due)))
        if deadline.status == "pending" and deadline.due >= data.today:
            _reminders(item, title)
        calendar.add_component(item)
    for rnd in subscription.rounds:
        item = _all_day_event(f"zh-round-{rnd.id}", stamp, rnd.start, rnd.end, _zh(rnd.title_zh, rnd.title))
        item.add("description", plain(rnd.summary_zh or rnd.summary) + f"\n\n{labels.ZH['sources']}："
                 + " ".join(s.url for s in rnd.sources))
        if site_url:
            item.add("url", Routes.absolute(site_url, Routes.zh_round(rnd.id)))
        calendar.add_component(item)
    return calendar.to_ical().decode("utf-8")


def zh_subscription_files(data: Dataset, site_url: str, updated: dict[str, dt.date] | None,
                          lean: bool) -> dict[str, str]:
    """Every Chinese feed and calendar (while previewing, the site-wide pair only)."""
    files = {}
    every = subscriptions(data)
    for subscription in every[:1] if lean else every:
        files[Routes.in_zh(subscription.feed_path)] = zh_atom_feed(data, site_url, subscription, updated)
        files[Routes.in_zh(subscription.calendar_path)] = zh_calendar(data, site_url, subscription)
    return files
