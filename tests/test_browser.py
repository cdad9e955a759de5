"""The built site in a real browser: reader paths, search, viewports, palettes, offline, no-JS, a11y."""

from __future__ import annotations

import re

import pytest

from tests.browser import ARTIFACTS
from tests.reading import READER_PAGES, serious_axe_findings, text_without_javascript

# Each key page is loaded at two widths and without JavaScript, and checked with axe.
KEY_PAGES = ["", "zh/", "timeline/", "timeline/2025-q2/", "timeline/2025-q4/", "rounds/", "issues/",
             "rounds/2025-09-madrid/",
             "issues/tiktok/", "people/", "data-api/", "about/", "tariffs/", "deadlines/", "rounds/matrix/",
             "rounds/scorecard/", "coverage/", "measures/", "measures/us-ieepa-reciprocal-tariff/", "commitments/",
             "precedent/"]


def shot(page, name: str, full_page: bool = False) -> None:
    """A screenshot for test-artifacts/: the first screen (a whole long page costs seconds to paint)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


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
    page.get_by_role("link", name=re.compile("^The latest quarter with events")).click()
    from macros.views.paging import entry_pages
    from macros.views.timeline import timeline_entries
    latest = [e for e in timeline_entries(real_dataset) if e.category != "deadline"][-1]
    page.wait_for_url(f"{site_url}timeline/{entry_pages(real_dataset)[latest.anchor]}/")
    assert page.locator(f"li#{latest.anchor}").is_visible()
    assert watch.problems() == []


@pytest.mark.parametrize("path", [p for p in KEY_PAGES if p not in READER_PAGES])
def test_key_pages_load_clean_offline_at_both_widths_and_without_javascript(new_page, site_url, path):
    """At 375 and 1280 px: no console error, no failed or foreign request, no sideways scroll, and
    no serious or critical axe finding. Without JavaScript, every line a reader sees with it is
    there, except the JS-only filter form. (The reader pages get the same in test_reading.py, where
    they are loaded at both widths in both palettes anyway.)"""
    seen: list[str] = []
    js_only: set[str] = set()
    for width in (1280, 375):
        page, watch = new_page(width=width)
        page.goto(site_url + path, wait_until="load")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        shot(page, f"{(path.strip('/') or 'home').replace('/', '_')}-{width}")
        if width == 1280:
            seen = [line for line in page.locator("article.md-content__inner").inner_text().splitlines()
                    if line.strip()]
            filters = page.locator("#ttt-filters")
            js_only = set(filters.inner_text().splitlines()) if filters.count() else set()
        if width == 1280:  # late requests (the search worker, sitemaps) show up once; no need to wait twice
            page.wait_for_load_state("networkidle")
            assert serious_axe_findings(page) == []
        assert watch.problems() == []
    assert len(seen) > 5
    without_js, _ = new_page(javascript=False)
    without_js.goto(site_url + path)
    kept = text_without_javascript(without_js)
    assert [line for line in seen if line not in kept and line not in js_only] == []


@pytest.mark.parametrize("width", [375, 1280])
def test_home_answers_where_things_stand_in_one_screen(new_page, site_url, width):
    """What is in force, what is suspended until when and what snaps back next: one screen."""
    page, watch = new_page(width=width, height=800)
    page.goto(site_url + "#standing")
    core = page.locator(".ttt-standing__core")
    box = core.bounding_box()
    assert box["height"] <= 800, f"the summary is {box['height']:.0f}px tall at {width}px"
    for part in (".ttt-standing__rate", ".ttt-standing__asof"):
        assert core.locator(part).first.is_visible()
    assert "across-the-board layer" in core.inner_text()
    if width == 1280:  # what changes at the cliff: one screen too
        cliff = page.locator("#cliff-detail").bounding_box()
        assert cliff["height"] <= 900, f"the cliff is {cliff['height']:.0f}px tall at {width}px"
    assert watch.problems() == []
    shot(page, f"home-standing-{width}")


@pytest.mark.parametrize(("width", "javascript", "scheme"), [(375, True, "dark"), (1280, False, "light")])
def test_the_whole_record_as_one_picture(new_page, site_url, width, javascript, scheme):
    """The picture reads at 375 px (it scrolls inside its frame, with a visible hint; the page does
    not), without JavaScript and in the dark palette; its marks are links."""
    page, watch = new_page(width=width, javascript=javascript, scheme=scheme)
    page.goto(site_url + "timeline/#picture")
    frame = page.locator(".ttt-overview__scroll").first
    assert frame.is_visible()
    sizes = frame.evaluate("el => [el.scrollWidth, el.clientWidth]")
    if width == 375:
        assert sizes[0] > sizes[1] and page.locator(".ttt-overview__hint").first.is_visible()
    assert page.locator(".ttt-overview svg a").count() > 100
    page.locator(".ttt-overview svg a").first.scroll_into_view_if_needed()
    assert watch.problems() == []
    shot(page, f"timeline-picture-{width}-{scheme}{'' if javascript else '-nojs'}")


def test_the_countdown_embeds_in_an_iframe_cleanly(new_page, site_url, real_build):
    """The embed loads inside another page's <iframe>: no console error, no request to any other
    host, and axe finds nothing serious in it."""
    host = real_build.site / "embed-host-test.html"
    host.write_text('<!doctype html><html lang="en"><title>Host</title><iframe src="embed/countdown.html" '
                    'title="Deadlines ahead" width="360" height="420"></iframe></html>')
    try:
        page, watch = new_page(width=400)
        page.goto(site_url + "embed-host-test.html", wait_until="networkidle")
        assert page.frame_locator("iframe").locator("main li").count() >= 1
        assert watch.problems() == []
    finally:
        host.unlink()
    embed, embed_watch = new_page(width=360)
    embed.goto(site_url + "embed/countdown.html")
    assert serious_axe_findings(embed) == []
    assert embed_watch.problems() == []
    shot(embed, "embed-countdown-360")


def test_dark_palette_applies_and_toggles(new_page, site_url):
    page, watch = new_page(scheme="dark")
    page.goto(site_url + "timeline/2025-q2/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    shot(page, "timeline-dark")
    page.locator("form[data-md-component='palette'] label:visible").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    assert watch.problems() == []


def test_without_javascript_every_timeline_entry_is_there(new_page, site_url, real_dataset):
    page, _ = new_page(javascript=False)
    page.goto(site_url + "timeline/")
    quarters = page.locator(".ttt-quarters a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    ids: set[str] = set()
    for quarter in quarters:
        page.goto(site_url + "timeline/" + quarter)
        assert page.locator("#ttt-filters").is_hidden()
        found = page.locator("ol.ttt-timeline > li").evaluate_all("els => els.map(e => e.id)")
        assert page.locator("ol.ttt-timeline > li:visible").count() == len(found)
        ids |= set(found)
    assert ids == ({f"round-{r.id}" for r in real_dataset.rounds} | {f"event-{e.id}" for e in real_dataset.events}
                   | {f"deadline-{d.id}" for d in real_dataset.deadlines})


@pytest.mark.parametrize(("query", "expected_href"), [
    ("Madrid", "rounds/2025-09-madrid/"),
    ("TikTok", "issues/tiktok/"),
    ("Bessent", "people/bessent/"),
    ("何立峰", "people/he-lifeng/"),
])
def test_search_finds_rounds_issues_and_people(new_page, site_url, query, expected_href):
    page, watch = new_page(search=True)
    page.goto(site_url)
    page.locator("input[data-md-component='search-query']").fill(query)
    results = page.locator(".md-search-result__link")
    # The index is built in a web worker on first use: allow for a slow, busy machine.
    results.first.wait_for(timeout=30000)
    hrefs = results.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any(re.search(re.escape(expected_href), href or "") for href in hrefs), hrefs
    assert watch.problems() == []


CHINESE_QUERIES = [("稀土", "zh/issues/rare-earths/"), ("出口管制", "zh/issues/export-controls/"),
                   ("何立峰", "zh/people/he-lifeng/"), ("日内瓦", "zh/rounds/2025-05-geneva/")]


def test_chinese_search_finds_the_chinese_editions_pages(new_page, site_url):
    """The Chinese edition searches its own index, with Chinese words segmented: a glossary term or a
    name typed as a reader types it finds the right Chinese page, and only Chinese pages."""
    page, watch = new_page(search=True)
    page.goto(site_url + "zh/")
    box = page.locator("input[data-md-component='search-query']")
    for query, expected_href in CHINESE_QUERIES:
        box.fill(query)
        box.dispatch_event("keyup")  # Material's search reads the box on key events
        # The index is built in a web worker on first use: allow for a slow, busy machine.
        page.wait_for_function(
            "e => [...document.querySelectorAll('.md-search-result__link')].some(a => a.href.includes(e))",
            arg=expected_href, timeout=30000)
        hrefs = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")
        assert all(href.startswith(site_url + "zh/") for href in hrefs), (query, hrefs)
    assert watch.problems() == []


def test_english_search_stays_in_the_english_edition(new_page, site_url):
    page, watch = new_page(search=True)
    page.goto(site_url)
    page.locator("input[data-md-component='search-query']").fill("Geneva")
    results = page.locator(".md-search-result__link")
    results.first.wait_for(timeout=30000)
    hrefs = results.evaluate_all("els => els.map(e => e.href)")
    assert hrefs and not any("/zh/" in href for href in hrefs), hrefs
    assert watch.problems() == []


def test_the_language_switch_keeps_the_reader_on_the_same_record(new_page, site_url):
    page, watch = new_page()
    page.goto(site_url + "rounds/2025-09-madrid/")
    page.locator("a.ttt-header-lang[hreflang='zh-Hans']").click()  # the switch in the header
    page.wait_for_url(site_url + "zh/rounds/2025-09-madrid/")
    assert page.locator("html").get_attribute("lang") == "zh"
    assert "马德里" in page.locator("h1").inner_text()
    page.locator(".ttt-lang-switch a[hreflang='en']").click()
    page.wait_for_url(site_url + "rounds/2025-09-madrid/")
    assert "Madrid" in page.locator("h1").inner_text()
    assert watch.problems() == []


def visible_entry_ids(page) -> set[str]:
    return set(page.locator("ol.ttt-timeline > li.ttt-entry:visible").evaluate_all("els => els.map(e => e.id)"))


def busiest_quarter(real_dataset, issue: str) -> tuple[str, list]:
    """The timeline page (a quarter, or a part of one) with the most entries on `issue`."""
    from macros.views.paging import timeline_pages

    pages = timeline_pages(real_dataset)
    name = max(pages, key=lambda key: sum(issue in e.issues for e in pages[key]))
    return name, pages[name]


def test_timeline_filters_by_issue_and_kind_and_survive_reload(new_page, site_url, real_dataset):
    name, entries = busiest_quarter(real_dataset, "tiktok")
    page, watch = new_page()
    page.goto(site_url + f"timeline/{name}/")
    page.select_option("#ttt-filters select[name=issue]", "tiktok")
    assert visible_entry_ids(page) == {e.anchor for e in entries if "tiktok" in e.issues}
    kind = next(e.kind for e in entries if "tiktok" in e.issues)
    page.select_option("#ttt-filters select[name=kind]", kind)
    expected = {e.anchor for e in entries if "tiktok" in e.issues and e.kind == kind}
    assert visible_entry_ids(page) == expected
    assert page.url.endswith(f"timeline/{name}/?issue=tiktok&kind={kind}")
    page.reload()
    assert page.locator("#ttt-filters select[name=issue]").input_value() == "tiktok"
    assert visible_entry_ids(page) == expected
    assert page.locator(".ttt-filters__count").inner_text() == f"{len(expected)} of {len(entries)} entries shown"
    next_link = page.locator("a.ttt-keep-query[rel=next], a.ttt-keep-query[rel=prev]").first
    assert next_link.evaluate("a => a.search") == f"?issue=tiktok&kind={kind}"
    page.click("#ttt-filters button[type=reset]")
    page.wait_for_function("document.querySelectorAll('ol.ttt-timeline > li[hidden]').length === 0")
    assert page.url.endswith(f"timeline/{name}/")
    assert watch.problems() == []


def test_old_timeline_links_reach_the_right_quarter(new_page, site_url, real_dataset):
    from macros.views.paging import entry_pages
    from macros.views.timeline import timeline_entries

    pages = entry_pages(real_dataset)
    entries = timeline_entries(real_dataset)
    entry = next((e for e in entries if pages[e.anchor].endswith("-2")), entries[0])  # a part, if any
    page, watch = new_page()
    page.goto(site_url + f"timeline/#{entry.anchor}")
    page.wait_for_url(f"{site_url}timeline/{pages[entry.anchor]}/#{entry.anchor}")
    assert page.locator(f"li#{entry.anchor}").is_visible()
    assert watch.problems() == []


def test_timeline_filters_work_with_the_keyboard_alone(new_page, site_url, real_dataset):
    name, entries = busiest_quarter(real_dataset, real_dataset.issues[0].id)
    page, _ = new_page()
    page.goto(site_url + f"timeline/{name}/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "issue":
            break
    else:
        raise AssertionError("Tab never reached the issue filter")
    page.keyboard.press("ArrowDown")  # the first issue in the list
    first_issue = real_dataset.issues[0].id
    page.wait_for_function(f"location.search === '?issue={first_issue}'")
    assert visible_entry_ids(page) == {e.anchor for e in entries if first_issue in e.issues}
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "kind"


def test_timeline_filters_cause_no_layout_shift(new_page, site_url, real_dataset):
    page, _ = new_page()
    page.add_init_script("""
        window.__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
        }).observe({type: "layout-shift", buffered: true});
    """)
    name, _ = busiest_quarter(real_dataset, "tiktok")
    page.goto(site_url + f"timeline/{name}/?issue=tiktok", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") < 0.01


def test_print_hides_navigation_and_shows_link_urls(new_page, site_url):
    page, _ = new_page()
    page.goto(site_url + "rounds/2025-09-madrid/")
    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.ttt-sources a[href^=\"http\"]'), '::after').content")
    assert after.startswith('" <http')
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "round-print.pdf"))


def test_the_theme_bundle_loads_after_the_page_and_is_ready_for_the_first_tap(new_page, site_url):
    """Material's bundle was most of the mobile blocking time: it is not fetched with the page but
    after it has loaded, when the browser is idle (or on a reader's first key or tap, if sooner),
    and it starts without any reader action; so the first tap on search focuses the search box."""
    page, watch = new_page(width=375)
    page.goto(site_url + "issues/tiktok/")
    page.wait_for_function("typeof window.component$ !== 'undefined'")  # started, with nothing pressed
    fetched, loaded = page.evaluate("""() => [
        performance.getEntriesByType('resource').find((e) => e.name.includes('/assets/javascripts/bundle.')).startTime,
        performance.getEntriesByType('navigation')[0].loadEventStart]""")
    assert fetched >= loaded, f"the bundle was fetched at {fetched:.0f} ms, before the page loaded ({loaded:.0f} ms)"
    page.locator("label.md-header__button[for='__search']").first.click()
    page.wait_for_function("document.activeElement?.matches('[data-md-component=search-query]')")
    assert watch.problems() == []
