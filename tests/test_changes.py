"""Change-aware publishing: record-level changes read from git, on the What changed page, in
changes.atom and in the feeds' `updated`; a copy without history still builds and says so."""

from __future__ import annotations

import os
import subprocess

import feedparser
import pytest

from macros.data.history import read_history
from tests.conftest import FIXTURES, make_project, run_build


def git(project, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def history_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("history")
    project = make_project(tmp, FIXTURES / "valid" / "data")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "First record", date="2025-06-01T12:00:00+00:00")
    events = project / "data" / "events" / "2025.yaml"
    events.write_text(events.read_text().replace("text: Talked.", "text: Talked about widgets."))
    commitments = project / "data" / "commitments" / "2025-05-alpha.yaml"
    commitments.write_text(commitments.read_text().replace("status: pending", "status: kept"))
    git(project, "commit", "-q", "-am", "Call text corrected; suspension kept", date="2025-07-02T09:30:00+00:00")
    build = run_build(project, tmp / "site", {"TTT_TODAY": "2026-01-01"})
    assert build.returncode == 0, build.stderr[-2000:]
    return build


def test_history_finds_each_record_level_change_with_its_date(history_build):
    history = read_history(history_build.project)
    assert history.available
    latest = [(c.date.isoformat(), c.kind, c.collection, c.record_id) for c in history.changes
              if c.date.isoformat() == "2025-07-02"]
    assert sorted(latest) == [("2025-07-02", "corrected", "events", "2025-05-alpha-call"),
                              ("2025-07-02", "outcome-recorded", "commitments", "alpha-cn-suspend-gadget-controls")]
    added = {c.record_id for c in history.changes if c.kind == "added"}
    assert {"2025-05-alpha", "us-widget-tariff", "truce-1", "2025-05-alpha-call"} <= added
    assert history.last_changed[("rounds", "2025-05-alpha")].isoformat() == "2025-06-01"


def test_what_changed_and_changes_atom_list_the_changes(history_build):
    rows = history_build.html("changes/").select("#changes tbody tr")
    first = [td.get_text(" ", strip=True) for td in rows[0].find_all("td")]
    assert first[0] == "2 July 2025" and "Call text corrected" in first[3]
    kinds = {tuple(td.get_text(" ", strip=True) for td in row.find_all("td")[:2]) for row in rows[:2]}
    assert kinds == {("2 July 2025", "Corrected"), ("2 July 2025", "Outcome recorded")}
    feed = feedparser.parse((history_build.site / "changes.atom").read_bytes())
    assert feed.bozo == 0
    newest = feed.entries[0]
    assert newest.updated.startswith("2025-07-02") and newest.title.startswith(("Corrected", "Outcome recorded"))
    assert len(feed.entries) == len(rows)


def test_the_feed_dates_an_entry_by_its_event_and_updates_it_by_its_change(history_build):
    feed = feedparser.parse((history_build.site / "feed.atom").read_bytes())
    entry = next(e for e in feed.entries if e.id.endswith("event-2025-05-alpha-call"))
    assert entry.published.startswith("2025-05-01") and entry.updated.startswith("2025-07-02")
    untouched = next(e for e in feed.entries if e.id.endswith("event-2025-04-02-us-tariff"))
    assert untouched.updated.startswith("2025-06-01")


def test_record_pages_say_when_they_last_changed(history_build):
    text = history_build.html("rounds/2025-05-alpha/").select_one(".ttt-changed").get_text(" ", strip=True)
    assert text.startswith("Record last edited 1 June 2025 (the data's newest source:")


def test_a_copy_without_history_builds_and_says_so(fixture_build):
    assert "without the repository's git history" in fixture_build.html("changes/").get_text(" ")
    assert "built without its git history" in fixture_build.html("rounds/2025-05-alpha/").select_one(
        ".ttt-changed").get_text(" ")
    feed = feedparser.parse((fixture_build.site / "changes.atom").read_bytes())
    assert feed.bozo == 0 and feed.entries == []


def test_a_change_to_a_record_without_a_title_names_it_in_words_not_by_its_id():
    import dataclasses
    import datetime as dt

    from macros.data.dataset import load_dataset
    from macros.data.history import Change, History
    from macros.data.records import Estimate
    from macros.views.changes import recent_changes

    estimate = Estimate.model_validate({
        "id": "example-us-on-cn", "publisher": "Example Institute", "direction": "us-on-cn", "rate": 31.5,
        "as_of": "2025-12-01", "definition": "Trade-weighted.",
        "sources": [{"url": "https://example.org/e", "publisher": "Example Institute", "title": "E",
                     "date": "2025-12-02"}]})
    data = dataclasses.replace(load_dataset(FIXTURES / "valid", dt.date(2026, 1, 1)), estimates=(estimate,))
    history = History(True, "read", changes=[Change(dt.date(2025, 12, 3), "abc", "Add", "added", "estimates",
                                                    "example-us-on-cn", "data/estimates/e.yaml")])
    (line,) = recent_changes(data, history)
    assert line.title == "Example Institute: 31.5%, U.S. tariff on Chinese goods"
