"""The key pages as a reader sees them (issue 21), in a real browser at 1280 px in both palettes
and at 375 px in the dark one (what is read at 375 px does not depend on the palette but for the
colours, which the dark one tests): text contrast (axe's rule), chart text at 375 px, tables at 1280 px, the one-picture
timeline inside its frame, no record ids in prose; charts that are one tab stop; a palette switch
that re-colours the page without a reload. Screenshots of every page, width and palette read go to
test-artifacts/ (the measuring is shared with scripts/look.py: tests/reading.py)."""

from __future__ import annotations

import pytest

from tests.browser import ARTIFACTS
from tests.reading import (
    READER_PAGES,
    read_page,
    serious_axe_findings,
    text_with_javascript,
    text_without_javascript,
)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", READER_PAGES)
def test_key_pages_read_well_at_both_widths_in_both_palettes(new_page, site_url, path, scheme):
    problems = {}
    # At 375 px what is read (chart text, tables, ids, sideways scroll, and contrast on the cards)
    # does not depend on the palette but for the colours: it is read once, in the dark palette.
    for width in (1280, 375) if scheme == "dark" else (1280,):
        page, watch = new_page(width=width, scheme=scheme)
        page.goto(site_url + path, wait_until="load")
        expected = "slate" if scheme == "dark" else "default"
        page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') === '{expected}'")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"read-{(path.strip('/') or 'home').replace('/', '_')}-{width}-"
                                             f"{scheme}.png"))
        # Contrast does not change with the width but for the cards below 600 px: axe runs at
        # 1280 in both palettes and at 375 in the dark one (where the cards' colours are).
        contrast = width == 1280 or scheme == "dark"
        found = read_page(page, path, width, scheme, contrast=contrast).problems()
        if found:
            problems[f"{width}-{scheme}"] = found
        if width == 1280 and scheme == "light":  # what test_browser's key-pages test checks elsewhere
            seen, js_only = text_with_javascript(page)
            page.wait_for_load_state("networkidle")  # late requests (the search worker, sitemaps)
            assert serious_axe_findings(page) == []
        assert watch.problems() == []
    assert problems == {}
    if scheme == "light":  # without JavaScript, every line a reader sees with it is there
        assert len(seen) > 5
        without_js, _ = new_page(javascript=False)
        without_js.goto(site_url + path)
        kept = text_without_javascript(without_js)
        assert [line for line in seen if line not in kept and line not in js_only] == []


@pytest.mark.parametrize("path", ["", "timeline/", "tariffs/", "measures/us-ieepa-reciprocal-tariff/"])
def test_a_chart_is_one_tab_stop_and_the_arrow_keys_walk_its_marks(new_page, site_url, path):
    """Every chart's frame is one tab stop: the next Tab leaves the chart, however many linked marks
    it holds. Inside a chart with marks, the arrow keys move between them, End goes to the last."""
    page, watch = new_page()
    page.goto(site_url + path)
    frames = page.locator(".ttt-overview__scroll, .ttt-chart-frame")
    assert frames.count() > 0
    walked = 0
    for i in range(frames.count()):
        frame = frames.nth(i)
        marks = frame.locator("svg a[href]")
        assert marks.evaluate_all("els => els.every((a) => a.getAttribute('tabindex') === '-1')")
        frame.focus()
        page.keyboard.press("Tab")
        left = page.evaluate("document.activeElement.closest('.ttt-overview__scroll, .ttt-chart-frame')")
        assert left is None, f"one Tab from chart {i} leaves it"
        if marks.count() < 2:
            continue
        frame.focus()
        page.keyboard.press("ArrowRight")
        first = page.evaluate("document.activeElement.getAttribute('href')")
        page.keyboard.press("ArrowRight")
        second = page.evaluate("document.activeElement.getAttribute('href')")
        assert first == marks.first.get_attribute("href") and second == marks.nth(1).get_attribute("href")
        page.keyboard.press("End")
        assert page.evaluate("document.activeElement.getAttribute('href')") == marks.last.get_attribute("href")
        walked += 1
    assert walked or path.startswith("measures/")
    assert watch.problems() == []


def test_switching_the_palette_recolours_the_site_without_a_reload(new_page, site_url):
    """The site's own colours (muted text, chart lines) follow Material's palette switch."""
    page, watch = new_page(scheme="light")
    page.goto(site_url + "tariffs/")
    probe = """() => [getComputedStyle(document.querySelector('.ttt-note, .ttt-cite')).color,
                      getComputedStyle(document.querySelector('.ttt-chart__line--us-on-cn')).stroke,
                      document.body.getAttribute('data-md-color-scheme')]"""
    light = page.evaluate(probe)
    page.evaluate("window.__ttt_same_document = true")
    page.locator("form[data-md-component='palette'] label:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = page.evaluate(probe)
    assert page.evaluate("window.__ttt_same_document") is True  # no reload
    assert light[2] == "default" and dark[2] == "slate"
    assert light[0] != dark[0] and light[1] != dark[1]
    assert watch.problems() == []
