"""Reader features on the real build agree with the data: chart, deadlines, matrix, scorecard,
downloads, feeds, API schema, sources and coverage."""

from __future__ import annotations

import csv
import io
import itertools
import json

import feedparser
import jsonschema
from icalendar import Calendar

from macros.data.records import sources_in
from macros.views import paging


def test_chart_has_one_linked_point_per_tariff_change(real_build, real_dataset):
    soup = real_build.html("tariffs/")
    svg = soup.select_one("figure.ttt-figure svg[aria-labelledby^='ttt-chart-title']")
    assert svg.find("title").get_text() and svg.find("desc").get_text()
    points = svg.select("a > circle")
    assert len(points) == len(real_dataset.tariffs)
    drawn = sorted((circle.parent["href"], circle.parent["aria-label"]) for circle in points)
    labels = {"us-on-cn": "U.S. tariff on Chinese goods", "cn-on-us": "China's tariff on U.S. goods"}
    expected = sorted((t.sources[0].url, f"{labels[t.direction]}: {t.rate:g}% from {t.effective.day} "
                       f"{t.effective.strftime('%B %Y')} ({t.sources[0].publisher})") for t in real_dataset.tariffs)
    assert drawn == expected
    for change in real_dataset.tariffs:
        item = soup.find("li", id=change.id)
        assert item.select_one(".ttt-change__when time")["datetime"] == change.effective.isoformat()
        assert item.select_one(".ttt-change__rate").get_text() == f"{change.rate:g}%"
    description = svg.find("desc").get_text()
    assert all(f"{t.rate:g}%" in description for t in real_dataset.tariffs)


def test_deadlines_page_counts_and_chains_agree_with_data(real_build, real_dataset):
    data = real_dataset
    soup = real_build.html("deadlines/")
    upcoming = [d for d in data.deadlines if d.status == "pending" and d.due >= data.today]
    overdue = [d for d in data.deadlines if d.status in ("pending", "unknown") and d.due < data.today]
    assert len(soup.select("#ahead + div tbody tr")) == len(upcoming)
    lede = soup.select_one(".ttt-lede").get_text(" ", strip=True)
    assert f"{len(upcoming)} ahead, {len(overdue)} passed" in lede
    chained = {li["id"] for li in soup.select(".ttt-chain__steps > li")}
    assert chained == {f"deadline-{d.id}" for d in data.deadlines}
    for chain in soup.select(".ttt-chain"):
        steps = [li["id"].removeprefix("deadline-") for li in chain.select(".ttt-chain__steps > li")]
        for earlier, later in itertools.pairwise(steps):
            assert data.by_id["deadlines"][earlier].replaced_by == later
        extended = sum(data.by_id["deadlines"][s].status == "extended" for s in steps)
        if len(steps) > 1:
            assert f"{extended} extension" in chain.select_one(".ttt-chain__title").get_text()
    for d in overdue:
        assert soup.find("li", id=f"deadline-{d.id}").select_one(".ttt-status").get_text() == "outcome not yet recorded"


def test_matrix_marks_agenda_and_outcomes(real_build, real_dataset):
    soup = real_build.html("rounds/matrix/")
    rows = soup.select(".ttt-matrix tbody tr")
    assert len(rows) == len(real_dataset.issues)
    for issue, row in zip(real_dataset.issues, rows, strict=True):
        cells = row.find_all("td")
        for rnd, cell in zip(real_dataset.rounds, cells, strict=True):
            named = set(rnd.issues) | {i for t in rnd.tensions for i in t.issues} | {
                i for o in rnd.outcomes for i in o.issues}
            moved = {i for o in rnd.outcomes for i in o.issues}
            link = cell.find("a")
            if issue.id in moved:
                assert link["href"].endswith(f"rounds/{rnd.id}/#outcomes")
            elif issue.id in named:
                assert link["href"].endswith(f"rounds/{rnd.id}/#issues")
            else:
                assert link is None


def test_scorecard_tally_is_counted_from_the_data(real_build, real_dataset):
    expectations = [x for r in real_dataset.rounds for x in r.expectations]
    soup = real_build.html("rounds/scorecard/")
    rows = soup.select("#tally + div tbody tr")
    counts = {}
    for row in rows:
        result = row.select_one(".ttt-result")["class"][1].removeprefix("ttt-result--")
        counts[result] = int(row.find_all("td")[1].get_text())
    assert counts == {result: sum(x.result == result for x in expectations)
                      for result in ("met", "partly", "not-met", "unknown")}
    assert len(soup.select("#rounds ~ div tbody tr")) == len(expectations)


def _csv_rows(build, name):
    return list(csv.DictReader(io.StringIO((build.site / f"api/v1/{name}.csv").read_text(encoding="utf-8"))))


def test_csv_round_trips_to_the_json(real_build):
    rounds = real_build.json("api/v1/rounds.json")["rounds"]
    rows = _csv_rows(real_build, "rounds")
    assert [r["id"] for r in rows] == [r["id"] for r in rounds]
    for row, record in zip(rows, rounds, strict=True):
        assert (row["title"], row["start"], row["end"], row["city"]) == (
            record["title"], record["start"], record["end"], record["location"]["city"])
        assert row["us_delegation"].split(";") == record["delegations"]["us"]
        assert row["issues"].split(";") == record["issues"]
        assert row["source_urls"].split(" ") == [s["url"] for s in record["sources"]]
    for name, date_field in (("events", "date"), ("deadlines", "due")):
        records = real_build.json(f"api/v1/{name}.json")[name]
        rows = _csv_rows(real_build, name)
        assert [(r["id"], r[date_field], r["title"], r["text"]) for r in rows] == [
            (r["id"], r[date_field], r["title"], r["text"]) for r in records]
        assert [r["issues"].split(";") for r in rows] == [r["issues"] for r in records]
    tariffs = real_build.json("api/v1/tariffs.json")["tariffs"]
    rows = _csv_rows(real_build, "tariffs")
    assert [(r["id"], r["effective"], float(r["rate"])) for r in rows] == [
        (t["id"], t["effective"], t["rate"]) for t in tariffs]


def test_api_files_validate_against_their_published_schemas(real_build):
    for name in ("rounds", "issues", "events", "deadlines", "people", "tariffs"):
        schema = real_build.json(f"api/v1/schema/{name}.schema.json")
        jsonschema.validate(real_build.json(f"api/v1/{name}.json"), schema,
                            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    broken = real_build.json("api/v1/rounds.json")
    broken["rounds"][0]["start"] = 20250510
    try:
        jsonschema.validate(broken, real_build.json("api/v1/schema/rounds.schema.json"))
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("the schema accepted a number as a date")


def test_icalendar_feed_parses_and_carries_every_deadline_and_round(real_build, real_dataset):
    calendar = Calendar.from_ical((real_build.site / "calendar.ics").read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    expected = {f"deadline-{d.id}@trade-truce-tracker": d.due for d in real_dataset.deadlines}
    expected |= {f"round-{r.id}@trade-truce-tracker": r.start for r in real_dataset.rounds}
    assert set(events) == set(expected)
    for uid, due in expected.items():
        assert events[uid].decoded("DTSTART") == due
        assert events[uid].get("DTSTAMP") is not None


def test_atom_feed_parses_newest_first_with_every_event_and_round(real_build, real_dataset):
    feed = feedparser.parse((real_build.site / "feed.atom").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    ids = [entry.id for entry in feed.entries]
    assert len(ids) == len(set(ids))
    timeline = ({f"tag:trade-truce-tracker,2025:round-{r.id}" for r in real_dataset.rounds}
                | {f"tag:trade-truce-tracker,2025:event-{e.id}" for e in real_dataset.events})
    ledger = ({f"tag:trade-truce-tracker,2025:measure-{m.id}-{s.start.isoformat()}" for m in real_dataset.measures
               for s in m.states}
              | {f"tag:trade-truce-tracker,2025:commitment-{c.id}-{c.status}" for c in real_dataset.commitments})
    assert set(ids) == timeline | ledger
    published = [entry.published_parsed for entry in feed.entries]
    assert published == sorted(published, reverse=True)
    assert all(e.updated_parsed >= e.published_parsed for e in feed.entries)


def test_timelinejs_file_has_every_entry(real_build, real_dataset):
    document = real_build.json("api/v1/timeline.json")
    ids = [event["unique_id"] for event in document["events"]]
    total = len(real_dataset.rounds) + len(real_dataset.events) + len(real_dataset.deadlines)
    assert len(ids) == len(set(ids)) == total
    assert all(event["text"]["headline"] for event in document["events"])


def test_sources_page_lists_every_source_with_what_cites_it(real_build, real_dataset):
    listed = set()
    for page in (real_build.site / "sources").glob("*/index.html"):
        soup = real_build.html(f"sources/{page.parent.name}/")
        listed |= {a["href"] for a in soup.select(".ttt-source-index > li > a:first-of-type")}
    cited = {s.url for record in real_dataset.all_records() for _, s in sources_in(record)}
    assert listed == cited


def test_coverage_page_states_horizon_gaps_and_awaiting_deadlines(real_build, real_dataset):
    soup = real_build.html("coverage/")
    assert soup.select_one("#horizon + p time")["datetime"] == real_dataset.as_of.isoformat()
    awaiting = {a["href"].split("#")[1] for a in soup.select("#awaiting + ul a")}
    assert awaiting == {f"deadline-{d.id}" for d in real_dataset.deadlines
                        if d.status in ("pending", "unknown") and d.due < real_dataset.today}
    assert {li["id"] for li in soup.select("#gaps + ul > li")} == {f"gap-{g.id}" for g in real_dataset.gaps}


def test_every_person_has_a_page_and_round_pages_carry_issue_tags(real_build, real_dataset):
    for person in real_dataset.people:
        soup = real_build.html(f"people/{person.id}/")
        assert soup.h1.get_text(strip=True).rstrip("¶") == person.name
        if person.name_zh:
            assert soup.select_one(".ttt-facts [lang=zh-Hans]").get_text() == person.name_zh
    for rnd in real_dataset.rounds:
        chips = real_build.html(f"rounds/{rnd.id}/").select("nav.md-tags a.md-tag")
        assert [(a.get_text(strip=True), a["href"]) for a in chips] == \
               [(real_dataset.by_id["issues"][i].title, f"../../issues/{i}/") for i in rnd.issues]


def test_rounds_by_issue_lists_each_issue_with_its_latest_rounds_at_the_old_anchors(real_build, real_dataset):
    """tags/ was Material's listing of every round under every issue; it is now bounded by the number
    of issues, and keeps the listing's anchors ('tag:' and the slug of the title)."""
    soup = real_build.html("tags/")
    headings = soup.select("article h2[id]")
    assert [h.get_text(strip=True).rstrip("¶") for h in headings] == [i.title for i in real_dataset.issues]
    assert "tag:export-controls-and-chips" in {h["id"] for h in headings}
    for heading, issue in zip(headings, real_dataset.issues, strict=True):
        expected = [r.id for r in reversed(real_dataset.rounds) if issue.id in r.issues][:paging.ROUNDS_PER_ISSUE]
        items = heading.find_next_sibling("ul") if expected else None
        listed = [a["href"].split("/")[-2] for a in items.select("li > a")] if items else []
        assert listed == expected, issue.id
        assert heading.find_next_sibling("p").find("a", href=f"../issues/{issue.id}/")


def test_home_and_data_page_link_the_features(real_build):
    home = {a["href"] for a in real_build.html("").find_all("a", href=True)}
    assert {"tariffs/", "deadlines/", "timeline/", "rounds/matrix/", "rounds/scorecard/", "calendar.ics",
            "feed.atom"} <= home
    data_page = {a["href"] for a in real_build.html("data-api/").find_all("a", href=True)}
    assert {"../api/v1/rounds.csv", "../api/v1/timeline.json", "../api/v1/schema/rounds.schema.json",
            "../calendar.ics", "../feed.atom"} <= data_page
    assert json.loads((real_build.site / "api/v1/timeline.json").read_text())["events"]
