"""The state of the truce: measures' states, what snaps back, tariffs by authority, commitments.

Views in process on the fixture; the real build's pages, API, CSV and feeds checked against the
same views computed independently here."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import feedparser
import jsonschema
import pytest
from icalendar import Calendar

from macros.data.dataset import load_dataset
from macros.views import ledger
from tests.conftest import FIXTURES

D = dt.date


@pytest.fixture(scope="module")
def fixture_data():
    return load_dataset(FIXTURES / "valid", D(2026, 1, 1))


def test_state_on_a_date_is_the_last_state_begun(fixture_data):
    tariff = fixture_data.by_id["measures"]["us-widget-tariff"]
    assert ledger.state_on(tariff, D(2025, 4, 1)) is None
    assert ledger.state_on(tariff, D(2025, 4, 2)).status == "announced"
    assert ledger.state_on(tariff, D(2025, 5, 11)).rate == 145
    state = ledger.state_on(tariff, D(2025, 5, 12))
    assert (state.status, state.rate, state.suspended_rate, state.until) == ("in-force", 10, 135, "truce-1")
    assert ledger.state_on(tariff, D(2099, 1, 1)).until == "truce-2"  # the last state stays open
    assert ledger.state_end(tariff, tariff.states[1]) == D(2025, 5, 12)
    assert ledger.state_end(tariff, tariff.states[-1]) is None


def test_a_partly_suspended_tariff_counts_only_the_points_in_force(fixture_data):
    assert ledger.headline_on(fixture_data, "us", D(2025, 4, 9)) == 145
    assert ledger.headline_on(fixture_data, "us", D(2025, 5, 12)) == 10
    assert ledger.headline_on(fixture_data, "cn", D(2025, 5, 12)) == 125
    steps = ledger.tariff_steps(fixture_data, "us")
    assert [(s.start, s.total) for s in steps] == [(D(2025, 4, 9), 145), (D(2025, 5, 12), 10)]


def test_what_snaps_back_is_computed_from_the_measures(fixture_data):
    first = {sb.measure.id: sb for sb in ledger.snap_backs(fixture_data, "truce-1")}
    assert set(first) == {"us-widget-tariff", "cn-gadget-controls"}
    assert not first["us-widget-tariff"].still_suspended
    assert first["us-widget-tariff"].after.until == "truce-2"  # extended, not lapsed
    second = {sb.measure.id: sb for sb in ledger.snap_backs(fixture_data, "truce-2")}
    assert second["us-widget-tariff"].still_suspended and second["us-widget-tariff"].rate == 145
    assert second["cn-gadget-controls"].still_suspended and second["cn-gadget-controls"].rate is None
    assert ledger.next_to_run_out(fixture_data).id == "truce-2"


def test_standing_lists_what_is_in_force_or_suspended(fixture_data):
    standing = {s.measure.id: s for s in ledger.standing_on(fixture_data, D(2025, 6, 1))}
    assert set(standing) == {"us-widget-tariff", "cn-widget-tariff", "cn-gadget-controls"}
    assert standing["us-widget-tariff"].since == D(2025, 4, 9)  # in force since, rate changes aside
    assert standing["cn-gadget-controls"].status == "suspended"
    assert [s.measure.id for s in ledger.standing_on(fixture_data, D(2025, 4, 3))] == []


def test_commitment_counts(fixture_data):
    assert ledger.status_counts(list(fixture_data.commitments)) == {
        "kept": 1, "partly-kept": 0, "not-kept": 0, "pending": 1, "disputed": 0, "unknown": 0}


# --- the real record ---------------------------------------------------------------------------


def _on(measure, day):
    found = None
    for state in measure.states:
        if state.start <= day:
            found = state
    return found


def test_headline_rates_agree_with_the_tariff_measures(real_dataset):
    """On every date of the recorded headline series, the across-the-board tariff measures in
    force add up to the headline, unless a recorded dispute explains the difference."""
    data = real_dataset
    side_of = {"us-on-cn": "us", "cn-on-us": "cn"}
    for change in data.tariffs:
        side = side_of[change.direction]
        measures = [m for m in data.measures if m.kind == "tariff" and m.side == side and m.coverage == "all-goods"]
        total = sum((_on(m, change.effective).rate or 0) for m in measures
                    if _on(m, change.effective) and _on(m, change.effective).status == "in-force")
        if total != change.rate:
            disputed = [m for m in measures if m.disputes and _on(m, change.effective)]
            explained = disputed or change_disputed(data, change)
            assert explained, f"{change.id}: measures sum to {total}, the headline says {change.rate}"


def change_disputed(data, change) -> bool:
    event = data.by_id["events"].get(change.event or "")
    return bool(event and event.disputes)


def test_home_says_what_is_in_force_what_is_suspended_and_what_snaps_back(real_build, real_dataset):
    data = real_dataset
    soup = real_build.html("")
    core = soup.select_one(".ttt-standing__core")
    assert core.select_one(".ttt-asof-banner time")["datetime"] == data.as_of.isoformat()
    stale = (data.today - data.as_of).days > 7
    assert core.get_text(" ").strip().startswith("Data as of" if stale else "Now")
    standing = [m for m in data.measures if _on(m, data.as_of) and _on(m, data.as_of).status in ("in-force",
                                                                                                  "suspended")]
    for side, section in zip(("us", "cn"), core.select(".ttt-standing__side"), strict=True):
        text = section.get_text(" ", strip=True)
        mine = [m for m in standing if m.side == side]
        in_force = sum(_on(m, data.as_of).status == "in-force" for m in mine)
        suspended = sum(_on(m, data.as_of).status == "suspended" for m in mine)
        assert f"{in_force} measure{'s' if in_force != 1 else ''} in force, {suspended} suspended" in text
        rate = sum(_on(m, data.as_of).rate or 0 for m in mine
                   if m.kind == "tariff" and m.coverage == "all-goods" and _on(m, data.as_of).status == "in-force")
        assert section.select_one(".ttt-standing__rate").get_text() == f"{rate:g}%"
    rows = soup.select(".ttt-standing__all tbody tr")
    assert len(rows) == len(standing)
    # Every deadline that passed after the data's horizon is counted in the banner, by date.
    passed = [d for d in data.deadlines if data.as_of < d.due < data.today]
    banner = core.select_one(".ttt-asof-banner").get_text(" ", strip=True)
    for day in {d.due for d in passed}:
        n = sum(d.due == day for d in passed)
        assert f"{day.day} {day.strftime('%B %Y')} ({n} deadline{'s' if n != 1 else ''}" in banner


def test_home_names_every_measure_and_deadline_of_the_cliff_and_recomputes_the_rates(real_build, real_dataset):
    """What changes at the cliff: the next date on which measures change unless something is done
    (or, with none ahead, the dates that passed after the horizon): every governed measure and its
    deadline by name, each with a source; the across-the-board rates recomputed here from the
    measures' states, not read from the view that the page used."""
    data = real_dataset
    soup = real_build.html("")
    block = soup.select_one("#cliff-detail")
    ahead = sorted({d.due for d in data.deadlines if d.due >= data.today and d.measures
                    and any(m.states[-1].until == d.id for m in data.measures)})
    governed = [(d, data.by_id["measures"][m]) for d in data.deadlines for m in d.measures
                if data.by_id["measures"][m].states[-1].until == d.id]
    days = ahead[:1] or sorted({d.due for d, _ in governed if d.due > data.as_of})
    shown = [(d, m) for d, m in governed if d.due in days]
    assert shown
    rows = block.select("tbody tr")
    assert len(rows) == len(shown)
    text = block.get_text(" ", strip=True)
    for deadline, measure in shown:
        assert measure.title in text and deadline.title in text
    assert all(row.select_one(".ttt-cite a[href^='http']") for row in rows)
    for side, direction in (("us", "United States"), ("cn", "China")):
        now = after = 0.0
        for m in data.measures:
            if m.side != side or m.kind != "tariff" or m.coverage != "all-goods":
                continue
            state = _on(m, data.as_of)
            rate_now = state.rate or 0 if state and state.status == "in-force" else 0
            now += rate_now
            mine = [d for d, x in shown if x.id == m.id]
            if not mine:
                after += rate_now
            elif state.status == "in-force" and state.suspended_rate is None:
                after += 0  # a statutory end
            elif state.suspended_rate is not None:
                after += (state.rate or 0) + state.suspended_rate
            else:  # wholly suspended: the rate in force before the suspension comes back
                earlier = [s for s in m.states if s.start < state.start and s.status == "in-force"]
                after += earlier[-1].rate or 0 if earlier else 0
        assert f"{direction} on {'Chinese' if side == 'us' else 'U.S.'} goods {now:g}% → {after:g}%" in text


def test_every_measure_has_a_page_with_its_whole_history(real_build, real_dataset):
    for measure in real_dataset.measures:
        soup = real_build.html(f"measures/{measure.id}/")
        assert soup.h1.get_text(strip=True).rstrip("¶") == measure.title
        rows = soup.select("#states ~ div.ttt-table tbody tr")
        assert [r["id"] for r in rows] == [f"state-{s.start.isoformat()}" for s in measure.states]
        assert soup.select_one("figure svg.ttt-strip") is not None
        assert len(soup.select("figure svg.ttt-strip rect")) == len(measure.states)
    index = real_build.html("measures/")
    assert {tr["id"] for tr in index.select("tbody tr")} == {m.id for m in real_dataset.measures}


def test_deadlines_list_what_snaps_back(real_build, real_dataset):
    data = real_dataset
    soups = {}
    for deadline in data.deadlines:
        if not deadline.measures:
            continue
        page = "deadlines/"
        soup = soups.setdefault(page, real_build.html(page))
        item = soup.find("li", id=f"deadline-{deadline.id}")
        listed = [a["href"].rstrip("/").split("/")[-1] for a in item.select(".ttt-snap li > a:first-child")]
        assert listed == list(deadline.measures)
        for measure_id, li in zip(deadline.measures, item.select(".ttt-snap li"), strict=True):
            measure = data.by_id["measures"][measure_id]
            suspended = [s for s in measure.states if s.until == deadline.id][-1]
            last = measure.states[-1] is suspended
            if last and suspended.suspended_rate is not None:
                assert f"returns to force at {(suspended.rate or 0) + suspended.suspended_rate:g}%" in li.get_text()
            elif last and suspended.status == "in-force":  # a statutory end: the measure ends
                assert "ends" in li.get_text() and "returns to force" not in li.get_text()
            elif last:
                assert "returns to force" in li.get_text()
            else:
                assert "returns to force" not in li.get_text()


def test_stacked_tariffs_add_up_layer_by_layer(real_build):
    soup = real_build.html("tariffs/")
    tables = soup.select("#by-authority ~ div.ttt-table")[:2]
    assert tables
    for table in tables:
        for row in table.select("tbody tr"):
            cells = row.find_all("td")
            total = float(cells[1].get_text().rstrip("%"))
            parts = [float(x) for x in re.findall(r"(\d+(?:\.\d+)?)%", cells[2].get_text())]
            assert sum(parts) == total


def test_commitments_ledger_counts_and_lists_every_commitment(real_build, real_dataset):
    data = real_dataset
    soup = real_build.html("commitments/")
    for column, side in enumerate(("us", "cn")):
        mine = [c for c in data.commitments if c.side == side]
        cells = [int(soup.select_one(f"#tally-{s}").find_all("td")[column].get_text())
                 for s in (*ledger.COMMITMENT_STATUSES, "all")]
        assert cells == [*(sum(c.status == s for c in mine) for s in ledger.COMMITMENT_STATUSES), len(mine)]
    assert {li["id"] for li in soup.select("li.ttt-commitment")} == {f"commitment-{c.id}" for c in data.commitments}
    for rnd in data.rounds:
        round_page = real_build.html(f"rounds/{rnd.id}/")
        assert {li["id"] for li in round_page.select("#commitments ~ ul li.ttt-commitment")} == {
            f"commitment-{c.id}" for c in data.commitments if c.round == rnd.id}


def test_api_and_csv_carry_the_ledger(real_build, real_dataset):
    data = real_dataset
    for name in ("measures", "commitments", "deadlines"):
        schema = real_build.json(f"api/v1/schema/{name}.schema.json")
        jsonschema.validate(real_build.json(f"api/v1/{name}.json"), schema,
                            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    measures = real_build.json("api/v1/measures.json")
    assert measures["schema_version"] == 1 and measures["as_of"] == data.as_of.isoformat()
    first = measures["measures"][0]
    assert {"id", "title", "side", "kind", "legal_basis", "issues", "counterpart", "page", "states"} <= set(first)
    assert {"from", "to", "status", "rate", "until", "reason", "event", "sources"} <= set(first["states"][0])
    assert len(measures["measures"]) == len(data.measures)
    commitments = real_build.json("api/v1/commitments.json")["commitments"]
    assert {c["id"] for c in commitments} == {c.id for c in data.commitments}
    deadlines = {d["id"]: d for d in real_build.json("api/v1/deadlines.json")["deadlines"]}
    assert all(deadlines[d.id]["measures"] == list(d.measures) for d in data.deadlines)
    rows = list(csv.DictReader(io.StringIO((real_build.site / "api/v1/measures.csv").read_text(encoding="utf-8"))))
    assert len(rows) == sum(len(m.states) for m in data.measures)
    expected = [(m.id, s.start.isoformat()) for m in data.measures for s in m.states]
    assert [(r["id"], r["from"]) for r in rows] == expected


def test_feeds_announce_state_changes_and_calendars_say_what_snaps_back(real_build, real_dataset):
    feed = feedparser.parse((real_build.site / "feed.atom").read_bytes())
    ids = {entry.id for entry in feed.entries}
    for measure in real_dataset.measures:
        for state in measure.states:
            assert f"tag:trade-truce-tracker,2025:measure-{measure.id}-{state.start.isoformat()}" in ids
    calendar = Calendar.from_ical((real_build.site / "calendar.ics").read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    for deadline in real_dataset.deadlines:
        description = str(events[f"deadline-{deadline.id}@trade-truce-tracker"]["DESCRIPTION"])
        assert ("If nothing is done:" in description) == bool(deadline.measures)


def test_a_replaced_dataset_derives_its_views_afresh(fixture_data):
    """`dataclasses.replace` must not carry the memo over: the copy's views come from the copy."""
    import dataclasses

    from macros.views.deadlines import upcoming
    from macros.views.ledger import cliffs

    ahead = upcoming(fixture_data)
    assert ahead, "the fixture should have a deadline still ahead on its build date"
    cliffs(fixture_data)
    copy = dataclasses.replace(fixture_data, deadlines=())
    assert copy.memo is not fixture_data.memo and not copy.memo
    assert upcoming(copy) == [] and cliffs(copy) == []
    assert upcoming(fixture_data) == ahead
