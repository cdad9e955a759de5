"""Precedent and the one-picture timeline: every figure recomputed independently from the API
files, the picture parsed for its marks, the precedent sentence beside every open deadline."""

from __future__ import annotations

import statistics
import subprocess
from collections import Counter, defaultdict

import jsonschema
from icalendar import Calendar

from tests.conftest import REAL_TODAY

DECIDED = ("extended", "met", "lapsed", "superseded")


def test_precedent_api_validates_and_every_figure_recomputes_from_the_other_api_files(real_build):
    document = real_build.json("api/v1/precedent.json")
    jsonschema.validate(document, real_build.json("api/v1/schema/precedent.schema.json"))
    deadlines = real_build.json("api/v1/deadlines.json")["deadlines"]
    by_id = {d["id"]: d for d in deadlines}

    def outcome(d):
        if d["status"] in DECIDED:
            return d["status"]
        return "not-recorded" if d["due"] < REAL_TODAY else None

    by_kind: dict = defaultdict(Counter)
    lead: dict = defaultdict(list)
    for d in deadlines:
        if outcome(d) is None:
            continue
        by_kind[d["kind"]][outcome(d)] += 1
        if d.get("decided"):
            from datetime import date
            lead[d["kind"]].append((date.fromisoformat(d["due"]) - date.fromisoformat(d["decided"])).days)
    assert {k: {o: n for o, n in v.items() if n} for k, v in document["deadlines"]["by_kind"].items()} == {
        k: dict(v) for k, v in by_kind.items()}
    for kind, values in lead.items():
        spread = document["deadlines"]["decision_lead_days"][kind]
        assert (spread["n"], spread["median"], spread["min"], spread["max"]) == (
            len(values), statistics.median(values), min(values), max(values))
    for kind, runs in document["deadlines"]["chain_lengths"].items():
        for run in runs:
            chain = [run["first"]]
            while by_id[chain[-1]]["replaced_by"]:
                chain.append(by_id[chain[-1]]["replaced_by"])
            assert chain[-1] == run["last"] and by_id[run["first"]]["kind"] == kind
            assert run["extensions"] == sum(by_id[i]["status"] == "extended" for i in chain)
    rounds = real_build.json("api/v1/rounds.json")["rounds"]
    expected: dict = defaultdict(Counter)
    for rnd in rounds:
        for x in rnd["expectations"]:
            expected["all"][x["result"]] += 1
            expected[x.get("by_kind") or "unclassified"][x["result"]] += 1
    assert {k: {r: n for r, n in v.items() if n} for k, v in document["expectations"]["by_who"].items()} == {
        k: dict(v) for k, v in expected.items()}
    commitments = real_build.json("api/v1/commitments.json")["commitments"]
    for side in ("us", "cn"):
        counts = Counter(c["status"] for c in commitments if c["side"] == side)
        assert {s: n for s, n in document["commitments"]["by_side"][side].items() if n} == dict(counts)
    kinds = Counter(r["kind"] for r in rounds)
    assert {k: v["n"] for k, v in document["rounds"]["by_kind"].items()} == dict(kinds)
    with_joint = Counter(r["kind"] for r in rounds if any(d["kind"] == "joint-statement" for d in r["documents"]))
    assert {k: v["joint-statement"] for k, v in document["rounds"]["by_kind"].items() if v["joint-statement"]} == dict(
        with_joint)


def test_every_open_deadline_carries_its_precedent_sentence(real_build, real_dataset):
    data = real_dataset
    open_ids = [d.id for d in data.deadlines if (d.status == "pending" and d.due >= data.today)
                or (d.status in ("pending", "unknown") and d.due < data.today)]
    assert open_ids
    api = {d["id"]: d for d in real_build.json("api/v1/precedent.json")["deadlines"]["open"]}
    assert set(api) == set(open_ids)
    soup = real_build.html("deadlines/")
    calendar = Calendar.from_ical((real_build.site / "calendar.ics").read_bytes())
    descriptions = {str(e["UID"]): str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")}
    for deadline_id in open_ids:
        deadline = data.by_id["deadlines"][deadline_id]
        earlier = [d for d in data.deadlines if d.kind == deadline.kind and d.due < deadline.due
                   and (d.status in DECIDED or d.due < data.today)]
        sentence = api[deadline_id]["sentence"]
        assert api[deadline_id]["earlier"] == len(earlier)
        assert sentence.startswith("Precedent in this record:")
        if earlier:
            assert f"of {len(earlier)} earlier" in sentence and sentence.endswith("not a forecast.")
        else:
            assert sentence.endswith("deadline has passed yet.")
        if len(earlier) < 5:
            assert "%" not in sentence  # never a bare percentage on a small n
        anchor = soup.find("li", id=f"deadline-{deadline_id}")
        assert sentence in anchor.get_text(" ", strip=True).replace("  ", " ")
        assert sentence in descriptions[f"deadline-{deadline_id}@trade-truce-tracker"]
    home = real_build.html("").select_one("#deadlines ~ ul.ttt-deadlines").get_text(" ", strip=True)
    assert "Precedent in this record" in home


def test_the_picture_has_a_linked_mark_for_every_round_and_deadline(real_build, real_dataset):
    data = real_dataset
    soup = real_build.html("timeline/")
    svg = soup.select_one("figure.ttt-overview svg")
    assert svg.find("title").get_text()
    hrefs = [a["href"] for a in svg.find_all("a")]
    for rnd in data.rounds:
        assert f"../rounds/{rnd.id}/" in hrefs, rnd.id
    for deadline in data.deadlines:
        assert any(h.endswith(f"#deadline-{deadline.id}") for h in hrefs), deadline.id
    for a in svg.find_all("a"):
        assert a.find("title").get_text().strip()
    # The text alternative lists the same marks (the bands link to their deadlines too).
    listed = [a["href"] for a in soup.select("#picture-as-list .ttt-overview__marks a")]
    marks = [a["href"] for a in svg.find_all("a") if a.find(["circle", "rect"], class_=lambda c: c and (
        "ttt-ov__band" not in c))]
    assert Counter(listed) == Counter(marks)
    from macros.views.paging import month_pages
    pages = month_pages(data)  # a month's first timeline page: its quarter, or a part of a busy one

    def month_link(issue, day):
        month = day.strftime("%Y-%m")
        assert pages[month].startswith(f"{day.year}-q{(day.month - 1) // 3 + 1}")
        return f"../timeline/{pages[month]}/?issue={issue}#m{month}"

    from macros.views.timeline import round_issues
    months = {month_link(i, e.date) for e in data.events if e.kind not in ("call", "meeting") for i in e.issues}
    months |= {month_link(i, r.start) for r in data.rounds for i in round_issues(r)}
    assert {h for h in marks if "?issue=" in h} == months


def test_truce_bands_agree_with_the_suspended_periods_of_the_truce_measures(real_build, real_dataset):
    data = real_dataset
    soup = real_build.html("timeline/")
    bands = soup.select("figure.ttt-overview svg rect.ttt-ov__band")
    expected = []
    for deadline in data.deadlines:
        if deadline.kind == "truce" and deadline.measures:
            starts = [s.start for m in deadline.measures for s in data.by_id["measures"][m].states
                      if s.until == deadline.id]
            expected.append((deadline.id, min(starts), deadline.due))
    assert len(bands) == len(expected) > 0
    texts = [b.find("title").get_text() for b in bands]
    for (deadline_id, start, end), text in zip(expected, texts, strict=True):
        assert f"{start.day} {start.strftime('%B %Y')} to {end.day} {end.strftime('%B %Y')}" in text
        assert data.by_id["deadlines"][deadline_id].title in text


def test_quarters_are_listed_oldest_first_and_scheduled_only_ones_are_marked(real_build, real_dataset):
    soup = real_build.html("timeline/")
    items = soup.select("#quarters ~ ul.ttt-quarters li")
    names = [li.a["href"].strip("/") for li in items]
    assert names == sorted(names)
    upcoming = {d.id for d in real_dataset.deadlines if d.status == "pending" and d.due >= real_dataset.today}
    from macros.views.paging import timeline_pages
    pages = timeline_pages(real_dataset)
    assert names == list(pages)
    for li, name in zip(items, names, strict=True):
        scheduled = all(e.category == "deadline" and e.record.id in upcoming for e in pages[name])
        assert ("scheduled only" in li.get_text()) == scheduled


def test_the_test_machine_renders_chinese_names():
    """The screenshots need a CJK font; the site's CSS names CJK fonts for readers' machines."""
    match = subprocess.run(["fc-match", "sans-serif:lang=zh-cn", "family"], capture_output=True, text=True)
    assert "CJK" in match.stdout or "WenQuanYi" in match.stdout, match.stdout
    from tests.conftest import ROOT
    css = (ROOT / "docs" / "stylesheets" / "ttt.css").read_text()
    assert '[lang="zh-Hans"]' in css and "Noto Sans CJK SC" in css and "PingFang SC" in css
