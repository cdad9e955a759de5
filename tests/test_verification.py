"""Verification levels (issue 22): a record resting on relays alone is shown as reported, not
verified against the original, on its page and in its feed entry, and counted apart."""

from __future__ import annotations

import datetime as dt
import shutil

import feedparser
import pytest

from macros.data.dataset import load_dataset
from macros.data.problems import DataError
from macros.data.records import Source, is_relayed
from macros.views import precedent
from macros.views.routes import Routes
from macros.views.timeline import anchor
from tests.conftest import FIXTURES

BADGE = "reported, not verified against the original"


def source(**fields) -> Source:
    return Source.model_validate({"url": "https://example.org/a", "publisher": "Example", "title": "T",
                                  "date": "2026-01-01", **fields})


def test_a_sources_level_is_written_or_implied_by_its_publisher():
    assert source().verification == "report"
    assert source(publisher="Site (Reuters)").verification == "repost"
    assert source(level="original").verification == "original"
    assert source(url="https://www.federalregister.gov/d/2025-1").verification == "original"
    assert source(url="https://english.mofcom.gov.cn/a.html").verification == "original"
    assert source(url="https://www.gov.example.org/a").verification == "report"
    relay = source(level="relay", primary={"issuer": "MOFCOM", "title": "Reading"})
    assert relay.verification == "relay" and relay.primary.issuer == "MOFCOM"


def test_relayed_records_show_the_badge_on_the_timeline_and_in_their_feed_entry(real_build, real_dataset):
    relayed = [e for e in real_dataset.events if is_relayed(e)]
    assert relayed, "the record has events known from relays only"
    routes = Routes(real_dataset)
    feed = feedparser.parse((real_build.site / "feed.atom").read_bytes())
    contents = {entry.id.rsplit(":", 1)[-1]: entry.content[0].value for entry in feed.entries}
    for event in relayed:
        page = routes.on_timeline("event", event.id, event.date).split("#")[0]
        item = real_build.html(page).find("li", id=anchor("event", event.id))
        assert BADGE in item.get_text(" ", strip=True)
        publishers = {s.publisher for s in event.sources}
        assert len(publishers) >= 2  # two independent relays
        assert "Reported, not verified against the original" in contents[f"event-{event.id}"]
    verified = next(e for e in real_dataset.events if not is_relayed(e))
    page = routes.on_timeline("event", verified.id, verified.date).split("#")[0]
    assert BADGE not in real_build.html(page).find("li", id=anchor("event", verified.id)).get_text(" ")


def test_a_relayed_round_and_deadline_carry_the_badge_on_their_own_pages_and_lists(real_build, real_dataset):
    rounds = [r for r in real_dataset.rounds if is_relayed(r)]
    deadlines = [d for d in real_dataset.deadlines if is_relayed(d)]
    assert rounds and deadlines, "the record has a round and a deadline known from relays only"
    index = real_build.html("rounds/")
    for rnd in rounds:
        assert BADGE in real_build.html(f"rounds/{rnd.id}/").select_one(".ttt-facts").get_text(" ")
        assert BADGE in index.find("tr", id=rnd.id).get_text(" ")
    verified = next(r for r in real_dataset.rounds if not is_relayed(r))
    assert BADGE not in real_build.html(f"rounds/{verified.id}/").select_one(".ttt-facts").get_text(" ")
    latest = real_dataset.rounds[-1]
    card = real_build.html("").find("a", href=f"rounds/{latest.id}/").find_parent("div")
    assert (BADGE in card.get_text(" ")) == is_relayed(latest)  # the home page's latest round
    chains = real_build.html("deadlines/")
    for deadline in deadlines:
        assert BADGE in chains.find("li", id=f"deadline-{deadline.id}").get_text(" ")


def test_relayed_records_are_counted_apart_from_the_base_rates(real_build, real_dataset):
    apart = precedent.relayed_apart(real_dataset)
    passed = [d for d in real_dataset.deadlines if precedent.outcome_of(d, real_dataset.today) is not None]
    counted = sum(sum(row.values()) for row in precedent.deadline_outcomes(real_dataset).values())
    assert counted == len(passed) - apart["deadlines"]
    note = real_build.html("precedent/").select_one("#relayed-apart").get_text(" ", strip=True)
    assert f"{apart['deadlines']} deadline" in note and f"{apart['commitments']} commitment" in note


def test_the_coverage_page_counts_sources_by_level(real_build, real_dataset):
    from collections import Counter

    from macros.data.records import sources_in

    cited = {s.url: s for x in real_dataset.all_records() for _, s in sources_in(x)}
    levels = Counter(s.verification for s in cited.values())
    text = real_build.html("coverage/").select_one("#levels").get_text(" ", strip=True)
    assert f"How close the {len(cited)} sources" in text
    for level in ("original", "report", "repost", "relay"):
        assert f"{levels[level]} {level}" in text


GAP = """- id: a-gap
  title: Something looked for
  issues: [{issue}]
  text: Only one relay says it.
  checked: "2025-06-01"
  seen:
    - url: https://example.org/digest
      publisher: A digest
      title: A digest
      date: "2025-05-01"
      level: relay
{primary}"""


def test_a_gap_may_cite_a_lone_relay_it_read_but_the_relay_still_names_its_primary(tmp_path):
    shutil.copytree(FIXTURES / "valid", tmp_path / "p", ignore=shutil.ignore_patterns(".cache"))
    issue = sorted((tmp_path / "p" / "data" / "issues").glob("*.yaml"))[0].stem
    gaps = tmp_path / "p" / "data" / "gaps"
    gaps.mkdir(exist_ok=True)
    primary = "      primary: {issuer: A ministry, title: A statement}\n"
    (gaps / "t.yaml").write_text(GAP.format(issue=issue, primary=primary))
    data = load_dataset(tmp_path / "p", dt.date(2026, 1, 1))
    assert [s.url for g in data.gaps for s in g.seen] == ["https://example.org/digest"]
    (gaps / "t.yaml").write_text(GAP.format(issue=issue, primary=""))
    with pytest.raises(DataError) as raised:
        load_dataset(tmp_path / "p", dt.date(2026, 1, 1))
    assert "a relay must name the primary it cites" in str(raised.value)


def test_what_a_gap_read_is_linked_on_the_coverage_page(real_build, real_dataset):
    seen = [g for g in real_dataset.gaps if g.seen]
    assert seen
    soup = real_build.html("coverage/")
    for gap in seen:
        links = {a["href"] for a in soup.select(f"#gap-{gap.id} .ttt-entry__sources a[href]")}
        assert {s.url for s in gap.seen} <= links
