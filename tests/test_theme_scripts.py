"""Material's bundle is held until a reader acts (overrides/main.html, macros/site/theme_scripts.py)."""

from __future__ import annotations

from macros.site.theme_scripts import HELD_TYPE, hold_theme_bundle

SCRIPTS = ('<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>\n'
           '<script src="../javascripts/a11y.js"></script>')


def test_only_the_bundle_is_held_and_keeps_its_url():
    held = hold_theme_bundle(SCRIPTS)
    assert held.startswith(f'<script type="{HELD_TYPE}" src="../assets/javascripts/bundle.a5f9d56c.min.js">')
    assert held.endswith('<script src="../javascripts/a11y.js"></script>')


def test_a_renamed_bundle_loads_as_before():
    renamed = SCRIPTS.replace("bundle.a5f9d56c.min.js", "app.js")
    assert hold_theme_bundle(renamed) == renamed


def test_every_built_page_holds_the_bundle_once_and_the_loader_follows(real_build):
    pages = sorted(real_build.site.rglob("*.html"))
    themed = [p for p in pages if "assets/javascripts/bundle." in p.read_text(encoding="utf-8")]
    assert len(themed) > 100
    from bs4 import BeautifulSoup, SoupStrainer

    for page in themed:  # only the scripts are parsed: the site has hundreds of pages
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser", parse_only=SoupStrainer("script"))
        held = soup.select(f'script[type="{HELD_TYPE}"]')
        assert len(held) == 1, page
        assert not soup.select('script[src*="assets/javascripts/bundle."]:not([type])'), page
        src = held[0]["src"]
        target = (real_build.site / src.lstrip("/")) if src.startswith("/") else (page.parent / src).resolve()
        assert target.is_file(), (page, src)
        loader = held[0].find_next("script", src=False)
        assert loader is not None and HELD_TYPE in loader.get_text(), page
