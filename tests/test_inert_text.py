"""Valid data that looks like a template, HTML or Markdown syntax is shown as the text it is."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from tests.conftest import FIXTURES, make_project, run_build


@pytest.fixture(scope="module")
def inert_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("inert")
    data = tmp / "data"
    shutil.copytree(FIXTURES / "valid" / "data", data)
    shutil.copytree(FIXTURES / "inert" / "data", data, dirs_exist_ok=True)
    build = run_build(make_project(tmp, data), tmp / "site")
    assert build.returncode == 0, build.stderr
    return build


def test_round_title_and_fields_are_literal(inert_build):
    soup = inert_build.html("rounds/2025-07-gamma/")
    assert soup.h1.get_text().rstrip("¶") == "Gamma {{ 7*7 }} *talks* & <3 [x] #1"
    page = (inert_build.site / "rounds/2025-07-gamma/index.html").read_text(encoding="utf-8")
    browser_title = BeautifulSoup(page, "html5lib").title.get_text()  # html5lib parses <title> as browsers do
    assert browser_title == "Gamma {{ 7*7 }} *talks* & <3 [x] #1 - Trade Truce Tracker"
    prose = soup.select_one("#what-happened + div").get_text(" ", strip=True)
    assert "Jinja {{ 7*7 }} and {% for x in range(3) %}x{% endfor %} and {{ config }} stay literal" in prose
    assert "AT&T said 3 < 4 and 5 > 2" in prose
    assert soup.select_one("#what-happened + div strong").get_text() == "bold"
    assert soup.select_one("#what-happened + div a")["href"] == "https://example.org/a"
    assert soup.select_one(".ttt-facts").get_text(" ", strip=True).count("{% raw %}Gammaville, {# hidden #}") == 1
    assert soup.select_one(".ttt-role").get_text() == "{{ config.site_name }}"
    assert "Headline {{ 7*7 }}" in soup.select_one(".ttt-sources").get_text()


def test_event_text_is_literal_and_adds_no_markup(inert_build):
    entry = inert_build.timeline_entries()["event-2025-07-02-inert"]
    assert entry.select_one(".ttt-entry__title").get_text(" ", strip=True).startswith(
        "Event {{ 6*6 }} with <3 and & and `code`")
    assert entry.select_one(".ttt-entry__text").get_text() == "Text {{ 8*8 }} {% if true %}yes{% endif %} --> arrows"
    assert entry.find(["script", "iframe", "img", "style"]) is None
    html = (inert_build.site / "timeline/2025-q3/index.html").read_text(encoding="utf-8")
    for evaluated in ("49", "36", "64"):
        assert f"Text {evaluated}" not in html and f"Event {evaluated}" not in html
