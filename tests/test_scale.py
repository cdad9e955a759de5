"""A record ten times today's size: long lists split into bounded pages, and nothing is lost."""

from __future__ import annotations

import re
import sys
from collections import Counter

import pytest

from macros.data.dataset import load_dataset
from macros.views import paging, timeline
from tests.conftest import ROOT, Build, run_build
from tests.site_links import broken_links

sys.path.insert(0, str(ROOT / "scripts"))
import synth_data

PAGE_LIMIT = 150 * 1024
# One worker builds the big record once for every test in this module.
pytestmark = pytest.mark.xdist_group("scale")


@pytest.fixture(scope="session")  # session: xdist may interleave other modules on the same worker
def big_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("x10") / "project"
    synth_data.write(project, 10, seed=1)
    # English alone (the Chinese pages at this scale are rendered in process below, and built on the
    # copied record in tests/test_copies.py).
    build = run_build(project, project / "site", {"TTT_EDITION": "en", "TTT_SEARCH": "false"})
    assert build.returncode == 0, build.stderr[-3000:]
    return build


def hrefs(build: Build, url_path: str, pattern: str) -> list[str]:
    return [a["href"] for a in build.html(url_path).select("article a[href]") if re.search(pattern, a["href"])]


def test_every_list_past_its_threshold_is_split(big_build):
    data = load_dataset(big_build.project)
    assert len(data.rounds) > paging.ROUNDS_ON_INDEX and len(data.people) > paging.PEOPLE_ON_INDEX
    assert len(data.deadlines) > paging.DEADLINES_ON_PAGE
    assert all(paging.issue_years(data, i.id) for i in data.issues)
    assert len(data.tariffs) > paging.TARIFFS_ON_PAGE
    for listing in ("rounds/by-year/", "deadlines/", "people/by-letter/", "rounds/matrix/", "rounds/scorecard/",
                    "tariffs/"):
        assert list((big_build.site / listing).glob("*/index.html")), listing


def test_no_page_outgrows_the_limit(big_build):
    sizes = {p.relative_to(big_build.site).as_posix(): p.stat().st_size for p in big_build.site.rglob("*.html")}
    assert len(sizes) > 500
    assert {page: size for page, size in sizes.items() if size > PAGE_LIMIT} == {}


def test_links_and_anchors_resolve_across_the_split_pages(big_build):
    assert broken_links(big_build.site, skip=("/zh/",)) == []


def test_every_person_is_on_exactly_one_letter_page_in_name_order(big_build):
    data = load_dataset(big_build.project)
    index_links = hrefs(big_build, "people/", r"by-letter/")
    assert index_links, "the people index links its letter pages"
    seen: Counter[str] = Counter()
    for link in index_links:
        page = "people/" + link.split("people/")[-1]
        names = [a.get_text() for a in big_build.html(page).select("ul.ttt-people > li .ttt-person__name a")]
        assert len(names) <= paging.PEOPLE_ON_INDEX
        seen.update(a.split("/")[-2] for a in hrefs(big_build, page, r"people/person-\d+/$"))
    assert seen == Counter(p.id for p in data.people)
    # An initial with more people than a page holds is split into numbered parts.
    assert "P, part 2" in big_build.html("people/").select_one(".ttt-jump").get_text()


def test_every_round_and_issue_entry_is_reachable_from_its_index(big_build):
    data = load_dataset(big_build.project)
    listed: Counter[str] = Counter()
    for link in hrefs(big_build, "rounds/", r"by-year/\d{4}(-\d+)?/$"):
        listed.update(h.split("/")[-2] for h in hrefs(big_build, "rounds/by-year/" + link.split("by-year/")[-1],
                                                      r"rounds/[a-z0-9-]+/$") if "by-year" not in h)
    assert set(listed) >= {r.id for r in data.rounds}
    issue = data.issues[0]
    history = {e.anchor for e in timeline.issue_history(data, issue.id)}
    on_year_pages = set()
    for year in paging.issue_years(data, issue.id):
        on_year_pages |= {li["id"] for li in big_build.html(f"issues/{issue.id}/{year}/").select("li[id]")}
    assert history <= on_year_pages


def test_every_tariff_change_is_on_its_year_page_and_the_latest_are_charted(big_build):
    data = load_dataset(big_build.project)
    on_year_pages: Counter[str] = Counter()
    for page in (big_build.site / "tariffs").glob("*/index.html"):
        year = page.parent.name
        rows = big_build.html(f"tariffs/{year}/").select("li.ttt-change[id]")
        assert {data.by_id["tariffs"][row["id"]].effective.year for row in rows} == {int(year.split("-")[0])}
        on_year_pages.update(row["id"] for row in rows)
    assert on_year_pages == Counter(t.id for t in data.tariffs)
    main = big_build.html("tariffs/")
    latest = [row["id"] for row in main.select("li.ttt-change[id]")]
    assert 0 < len(latest) <= paging.TARIFFS_ON_PAGE
    newest = max(data.tariffs, key=lambda t: t.effective)
    assert newest.id in latest
    assert len(main.select("svg.ttt-chart circle")) == len(latest)


def test_the_ledger_lists_split_by_count_and_lose_nothing(big_build):
    data = load_dataset(big_build.project)
    assert len(data.measures) > paging.MEASURES_ON_PAGE and len(data.commitments) > paging.COMMITMENTS_ON_PAGE
    seen: Counter[str] = Counter()
    for key, measures in paging.measure_groups(data).items():
        assert len(measures) <= paging.MEASURES_ON_PAGE
        seen.update(tr["id"] for tr in big_build.html(f"measures/by-kind/{key}/").select("tbody tr[id]"))
    assert seen == Counter(m.id for m in data.measures)
    rows = big_build.html("commitments/").select("#commitments-by-round tbody tr")
    by_round = Counter(c.round for c in data.commitments)
    # The summary names the latest rounds (at most ROUNDS_SUMMARISED) with their counts; every round's
    # own page lists all of its commitments.
    summarised = {tr.a["href"].split("/")[-2]: int(tr.find_all("td")[0].get_text()) for tr in rows}
    latest = [r for r in data.rounds if r.id in by_round][-paging.ROUNDS_SUMMARISED:]
    assert summarised == {r.id: by_round[r.id] for r in latest}
    for rnd_id, n in list(by_round.items())[:5]:
        assert len(big_build.html(f"rounds/{rnd_id}/").select("li.ttt-commitment")) == n
    issue = data.issues[0]
    listed = big_build.html(f"issues/{issue.id}/").select("#commitments ~ ul li.ttt-commitment")
    assert len(listed) == min(paging.LEDGER_ON_ISSUE, sum(issue.id in c.issues for c in data.commitments))


def test_the_timeline_index_lists_the_latest_years_quarters_and_links_every_earlier_year(big_build):
    data = load_dataset(big_build.project)
    pages = list(paging.timeline_pages(data))
    years = sorted({name[:4] for name in pages})
    assert len(years) > paging.QUARTER_YEARS_LISTED  # the 10x span has more years than the index lists
    index = big_build.html("timeline/")
    recent = set(years[-paging.QUARTER_YEARS_LISTED:])
    listed = [a["href"].strip("/").split("/")[-1] for a in index.select("ul.ttt-quarters li a")]
    assert listed == [name for name in pages if name[:4] in recent]
    earlier = index.select("#earlier-years a")
    first_of = {year: next(name for name in pages if name[:4] == year) for year in years}
    assert [(a["id"], a["href"].strip("/").split("/")[-1]) for a in earlier] == \
           [(f"y{year}", first_of[year]) for year in years[:-paging.QUARTER_YEARS_LISTED]]
    # From the first quarter, the next-page links walk through every quarter page in order.
    walked, url = [], f"timeline/{pages[0]}/"
    while url:
        walked.append(url.strip("/").split("/")[-1])
        following = big_build.html(url).select_one("a[rel=next]")
        url = f"timeline/{following['href'].strip('/').split('/')[-1]}/" if following else ""
    assert walked == pages


def test_the_chinese_editions_pages_split_like_the_english_and_stay_bounded(big_build):
    """Every Chinese family at ten times the record, rendered in process through the page table: the
    same parts as the English (years, letters, kinds), each under the page limit as held HTML and text."""
    from macros.render.held import HeldHtml
    from macros.render.jinja import Renderer
    from macros.render.page_table import FAMILIES, ZH, generated_pages

    data = load_dataset(big_build.project)
    held = HeldHtml()
    renderer = Renderer(data, held)
    chinese = generated_pages(data, (ZH,))
    for english, twin in (("deadlines_year", "zh_deadlines_year"), ("people_letter", "zh_people_letter"),
                          ("measures_group", "zh_measures_group"), ("issue_year", "zh_issue_year"),
                          ("tariffs_year", "zh_tariffs_year"), ("rounds_year", "zh_rounds_year")):
        english_keys = {page.key for page in FAMILIES[english].pages(data)}
        assert english_keys, english
        assert {page.key for page in chinese if page.macro == twin} == english_keys, twin
    for page in chinese:
        markdown = page.render(renderer)
        size = len(markdown.encode()) + sum(len(str(block).encode()) for block in held.blocks(page.url))
        assert size < PAGE_LIMIT, (page.url, size)
