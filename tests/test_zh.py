"""The Chinese edition (zh/), as built: every round and issue has a Chinese twin and back, with
Material's Chinese interface, hreflang links both ways, and English shown, marked 「英文」, where
nothing is translated yet."""

from __future__ import annotations

from tests.conftest import Build


def alternates(soup, hreflang: str) -> list[str]:
    return [link["href"] for link in soup.select(f'link[rel="alternate"][hreflang="{hreflang}"]')]


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
    assert not geneva.select(".md-tabs") and not geneva.select(".md-sidebar--primary")
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
