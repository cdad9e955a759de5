"""The built site in a real browser: reader paths, search, viewports, palettes, offline, no-JS, a11y."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser import ARTIFACTS

KEY_PAGES = ["", "timeline/", "rounds/", "issues/", "rounds/2025-09-madrid/", "issues/tiktok/", "people/",
             "data-api/", "about/"]


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_reader_path_home_round_issue_timeline(new_page, site_url, real_dataset):
    page, watch = new_page()
    page.goto(site_url)
    latest = real_dataset.rounds[-1]
    page.click(".ttt-card__title a")
    page.wait_for_url(f"{site_url}rounds/{latest.id}/")
    assert page.locator("h1").inner_text().rstrip("¶").strip() == latest.title
    first_issue = latest.issues[0]
    page.click(f".ttt-facts a[href$='issues/{first_issue}/']")
    page.wait_for_url(f"{site_url}issues/{first_issue}/")
    assert page.locator("h1").inner_text().rstrip("¶").strip() == real_dataset.by_id["issues"][first_issue].title
    page.go_back()
    page.wait_for_url(f"{site_url}rounds/{latest.id}/")
    page.get_by_role("link", name="Timeline", exact=True).first.click()
    page.wait_for_url(f"{site_url}timeline/")
    expected = len(real_dataset.rounds) + len(real_dataset.events) + len(real_dataset.deadlines)
    assert page.locator("ol.ttt-timeline > li").count() == expected
    assert watch.problems() == []


@pytest.mark.parametrize("path", KEY_PAGES)
@pytest.mark.parametrize("width", [375, 1280])
def test_key_pages_load_clean_offline_at_both_widths(new_page, site_url, path, width):
    page, watch = new_page(width=width)
    page.goto(site_url + path, wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
    assert watch.problems() == []
    shot(page, f"{(path.strip('/') or 'home').replace('/', '_')}-{width}")


def test_dark_palette_applies_and_toggles(new_page, site_url):
    page, watch = new_page(scheme="dark")
    page.goto(site_url + "timeline/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    shot(page, "timeline-dark")
    page.locator("form[data-md-component='palette'] label:visible").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    assert watch.problems() == []


def test_without_javascript_every_timeline_entry_is_there(new_page, site_url, real_dataset):
    page, _ = new_page(javascript=False)
    page.goto(site_url + "timeline/")
    ids = set(page.locator("ol.ttt-timeline > li").evaluate_all("els => els.map(e => e.id)"))
    assert ids == ({f"round-{r.id}" for r in real_dataset.rounds} | {f"event-{e.id}" for e in real_dataset.events}
                   | {f"deadline-{d.id}" for d in real_dataset.deadlines})
    assert page.locator("ol.ttt-timeline > li:visible").count() == len(ids)


@pytest.mark.parametrize(("query", "expected_href"), [
    ("Madrid", "rounds/2025-09-madrid/"),
    ("TikTok", "issues/tiktok/"),
    ("Bessent", "people/bessent/"),
    ("何立峰", "people/he-lifeng/"),
])
def test_search_finds_rounds_issues_and_people(new_page, site_url, query, expected_href):
    page, watch = new_page()
    page.goto(site_url)
    page.locator("input[data-md-component='search-query']").fill(query)
    results = page.locator(".md-search-result__link")
    results.first.wait_for(timeout=10000)
    hrefs = results.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any(re.search(re.escape(expected_href), href or "") for href in hrefs), hrefs
    assert watch.problems() == []


@pytest.mark.parametrize("path", ["", "timeline/", "rounds/2025-09-madrid/", "issues/tiktok/", "rounds/", "people/"])
def test_no_serious_accessibility_violations(new_page, site_url, path):
    page, _ = new_page()
    page.goto(site_url + path, wait_until="networkidle")
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"][:3]]) for v in serious]
