"""The Chinese edition (zh/), as built: every round and issue has a Chinese twin and back, with
Material's Chinese interface, hreflang links both ways, and English shown, marked 「英文」, where
nothing is translated yet."""

from __future__ import annotations

import re

from macros.data.translation_checks import HAN
from tests.conftest import Build


def alternates(soup, hreflang: str) -> list[str]:
    return [link["href"] for link in soup.select(f'link[rel="alternate"][hreflang="{hreflang}"]')]


def test_every_page_with_a_twin_links_it_both_ways_and_the_twin_is_built(real_build: Build, real_dataset):
    """From the page table: each English page whose family has a Chinese twin names it (hreflang and a
    visible 中文 link), the twin exists, reads Chinese and names the English page back."""
    from macros.render.page_table import PAGE_TABLE, generated_pages, twin_of

    checked = 0
    for page in generated_pages(real_dataset, ("en",)):
        twin = twin_of(page.family, page.key)
        if twin is None:
            continue
        english, chinese = light_parse(real_build, page.url), light_parse(real_build, twin[1])
        assert alternates(english, "zh-Hans")[0].rstrip("/").endswith(twin[1].rstrip("/")), page.url
        assert alternates(chinese, "en")[0].rstrip("/").endswith(page.url.rstrip("/")), twin[1]
        assert english.select_one('.ttt-lang-switch a[hreflang="zh-Hans"]'), page.url
        assert chinese.lang.startswith("zh") and HAN.search(chinese.h1.get_text()), twin[1]
        checked += 1
    assert checked >= len(real_dataset.rounds) + len(real_dataset.measures) + len(real_dataset.people)
    assert [family.macro for family in PAGE_TABLE if family.lang == "en" and family.twin is None] == []


def light_parse(build: Build, url_path: str):
    """A built page's links, language switch and heading only (hundreds of pages are read)."""
    from bs4 import BeautifulSoup, SoupStrainer

    path = build.site / url_path / "index.html"
    text = path.read_text(encoding="utf-8")
    soup = BeautifulSoup(text, "html.parser", parse_only=SoupStrainer(["link", "p", "h1"]))
    soup.lang = re.search(r'<html lang="([^"]+)"', text).group(1)
    return soup


def test_the_chinese_feeds_and_calendars_mirror_the_english_ones(real_build: Build, real_dataset):
    from xml.etree import ElementTree

    from macros.views.subscriptions import subscriptions

    atom = "{http://www.w3.org/2005/Atom}"
    for subscription in subscriptions(real_dataset):
        feed = ElementTree.fromstring(real_build.text(f"zh/{subscription.feed_path}"))
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
        assert HAN.search(feed.findtext(f"{atom}title"))
        english = ElementTree.fromstring(real_build.text(subscription.feed_path))
        assert len(feed.findall(f"{atom}entry")) == len(english.findall(f"{atom}entry")), subscription.key
        for entry in feed.findall(f"{atom}entry"):
            assert entry.find(f"{atom}link").get("href").startswith("zh/"), subscription.key
        assert "BEGIN:VCALENDAR" in real_build.text(f"zh/{subscription.calendar_path}")
    site_wide = ElementTree.fromstring(real_build.text("zh/feed.atom"))
    titles = [e.findtext(f"{atom}title") for e in site_wide.findall(f"{atom}entry")]
    assert (real_dataset.rounds[0].title_zh or "") in titles


def test_every_round_and_issue_has_a_chinese_twin_and_back(real_build: Build, real_dataset):
    for kind, records in (("rounds", real_dataset.rounds), ("issues", real_dataset.issues)):
        for record in records:
            english, chinese = real_build.html(f"{kind}/{record.id}/"), real_build.html(f"zh/{kind}/{record.id}/")
            assert chinese.html["lang"].startswith("zh") and english.html["lang"] == "en"
            assert chinese.h1.get_text(strip=True).rstrip("¶") == (record.title_zh or record.title)
            assert alternates(english, "zh-Hans")[0].rstrip("/").endswith(f"zh/{kind}/{record.id}")
            assert alternates(chinese, "en")[0].rstrip("/").endswith(f"{kind}/{record.id}")
            switch = english.select_one('.ttt-lang-switch a[hreflang="zh-Hans"]')
            assert switch["href"].rstrip("/").endswith(f"zh/{kind}/{record.id}")
            back = chinese.select_one('.ttt-lang-switch a[hreflang="en"]')
            assert back["href"].rstrip("/").endswith(f"{kind}/{record.id}")


def test_the_chinese_pages_read_in_chinese_without_the_english_navigation(real_build: Build, real_dataset):
    home = real_build.html("zh/")
    assert [a.get_text(strip=True) for a in home.select("#rounds ~ ol a")] == \
           [r.title_zh or r.title for r in real_dataset.rounds]
    geneva = real_build.html(f"zh/rounds/{real_dataset.rounds[0].id}/")
    assert geneva.select_one('input[name="query"]')["placeholder"] == "搜索"  # Material's Chinese interface
    tabs = [a.get_text(strip=True) for a in geneva.select(".md-tabs a")]  # the edition's own navigation
    assert tabs == ["首页", "磋商", "议题", "时间线", "关税", "措施", "截止日期", "承诺", "先例", "人物", "关于"]
    assert [a.get_text(strip=True) for a in geneva.select(".md-sidebar--primary .md-nav__link")] == tabs
    assert "日内瓦" in geneva.select_one(".ttt-facts").get_text()  # the glossary's place names
    english_home = real_build.html("")
    assert alternates(english_home, "zh-Hans") and alternates(home, "en")
    assert english_home.select_one('.ttt-lang-switch a[hreflang="zh-Hans"]')["href"].rstrip("/").endswith("zh")


def test_a_record_without_chinese_shows_its_english_marked(fixture_build: Build):
    page = fixture_build.html("zh/rounds/2025-05-alpha/")
    text = page.get_text(" ", strip=True)
    assert "「英文」" in text
    assert page.select_one(".ttt-prose [lang=en]") is not None  # the English summary, marked as English


def test_the_timeline_has_a_chinese_twin_of_every_quarter_and_part(real_build: Build, real_dataset):
    from macros.views import paging

    for name, entries in paging.timeline_pages(real_dataset).items():
        chinese = real_build.html(f"zh/timeline/{name}/")
        assert [li["id"] for li in chinese.select("ol.ttt-timeline > li")] == [e.anchor for e in entries]
        assert alternates(chinese, "en")[0].rstrip("/").endswith(f"timeline/{name}")
        english = real_build.html(f"timeline/{name}/")
        assert english.select_one('.ttt-lang-switch a[hreflang="zh-Hans"]')["href"].rstrip("/").endswith(
            f"zh/timeline/{name}")
    titled = [e for e in real_dataset.events if e.title_zh]
    page = paging.entry_pages(real_dataset)[f"event-{titled[0].id}"]
    item = real_build.html(f"zh/timeline/{page}/").find("li", id=f"event-{titled[0].id}")
    assert titled[0].title_zh in item.get_text()


def test_the_chinese_precedent_page_counts_what_the_english_one_counts(real_build: Build):
    """Both editions' base rates come from one computation: every table holds the same numbers."""
    english, chinese = real_build.html("precedent/"), real_build.html("zh/precedent/")
    for table in ("precedent-deadlines", "precedent-expectations", "precedent-commitments", "precedent-rounds"):
        numbers = [[td.get_text(strip=True) for td in soup.select(f"#{table} td")] for soup in (english, chinese)]
        assert numbers[0] and numbers[0] == numbers[1], table
    sentences = [s.get_text() for s in chinese.select("#open ~ ul .ttt-precedent")]
    assert sentences and all(s.startswith("本记录中的先例") for s in sentences)
    assert any("并非预测" in s for s in sentences)


def test_the_hand_written_pages_and_their_chinese_twins_name_each_other(real_build: Build):
    from macros.render.page_table import HAND_WRITTEN_TWINS

    for english_url, chinese_url in HAND_WRITTEN_TWINS:
        english, chinese = real_build.html(english_url), real_build.html(chinese_url)
        assert alternates(english, "zh-Hans")[0].rstrip("/").endswith(chinese_url.rstrip("/"))
        assert alternates(chinese, "en")[0].rstrip("/").endswith(english_url.rstrip("/"))
        assert chinese.html["lang"].startswith("zh") and HAN.search(chinese.h1.get_text())
        assert chinese.select_one(".md-tabs a").get_text(strip=True) == "首页"
        header = english.select_one("a.ttt-header-lang"), chinese.select_one("a.ttt-header-lang")
        assert header[0]["hreflang"] == "zh-Hans" and header[0]["href"].rstrip("/").endswith(chinese_url.rstrip("/"))
        assert header[1]["hreflang"] == "en" and header[1]["href"].rstrip("/").endswith(english_url.rstrip("/"))


def test_the_404_page_speaks_both_languages(real_build: Build):
    """A host serves one 404 page whatever the address's language: it points to both front pages."""
    page = real_build.html("404.html")
    chinese = page.select_one('[lang="zh-Hans"]')
    assert "404" in page.h1.get_text() and chinese and HAN.search(chinese.get_text())
    assert chinese.select_one("a")["href"].endswith("zh/")
