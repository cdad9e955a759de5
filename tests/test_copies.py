"""The real record copied into a dense one (each round ×100 and each event ×20, on the same days:
many records share a day, a source and a delegation). No page passes 150 KB: parts are bounded by
weight as well as count, and lists inside an entry show their latest few with a count."""

from __future__ import annotations

import sys

import pytest

from macros.data.dataset import load_dataset
from macros.data.records import sources_in
from macros.views import paging, rounds, timeline
from tests.conftest import ROOT, Build, run_build

sys.path.insert(0, str(ROOT / "scripts"))
import copy_data

PAGE_LIMIT = 150 * 1024
pytestmark = pytest.mark.xdist_group(name="copies")


@pytest.fixture(scope="session")
def copies_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("copies") / "project"
    copy_data.write(project, rounds=100, events=20)
    # No search index: these tests read pages (the real build's index is tested elsewhere). The English
    # edition is built; the Chinese pages are rendered in process and measured against their English
    # twins' built pages (test_the_chinese_twins_stay_under_the_limit): the suite's budget.
    build = run_build(project, project / "site", {"TTT_SEARCH": "false", "TTT_EDITION": "en"})
    assert build.returncode == 0, build.stderr[-3000:]
    return build


@pytest.fixture(scope="session")
def copies_data(copies_build):
    return load_dataset(copies_build.project)


def test_the_copies_are_dense_and_no_page_passes_the_limit(copies_build, copies_data):
    assert len(copies_data.rounds) >= 800 and len(copies_data.events) >= 3000
    sizes = {p.relative_to(copies_build.site).as_posix(): p.stat().st_size for p in copies_build.site.rglob("*.html")}
    assert {page: size for page, size in sizes.items() if size > PAGE_LIMIT} == {}


def test_timeline_and_issue_parts_are_bounded_by_weight_and_hold_every_entry_once(copies_data):
    pages = paging.timeline_pages(copies_data)
    assert [e.anchor for part in pages.values() for e in part] == \
           [e.anchor for q in timeline.timeline_quarters(copies_data).values() for e in q]
    for part in pages.values():
        assert len(part) <= paging.TIMELINE_ON_PAGE
        assert sum(map(paging.entry_weight, part)) <= paging.PART_BUDGET or len(part) == 1
    by_count = sum(-(-len(q) // paging.TIMELINE_ON_PAGE) for q in timeline.timeline_quarters(copies_data).values())
    assert len(pages) > by_count, "the weight, not only the count, splits the copied record"
    issue = copies_data.issues[0]
    inline = paging.issue_inline(copies_data, issue.id)
    assert sum(map(paging.entry_weight, inline)) <= paging.ISSUE_INLINE_BUDGET


def test_a_source_cited_by_many_records_names_a_few_and_counts_the_rest(copies_build, copies_data):
    cited = {}
    for record in copies_data.all_records():
        for _, source in sources_in(record):
            cited.setdefault(source.url, set()).add(id(record))
    url = max(cited, key=lambda u: len(cited[u]))
    assert len(cited[url]) > paging.CITED_BY_SHOWN
    for key in paging.source_pages(copies_data):
        for li in copies_build.html(f"sources/{key}/").select("ul.ttt-source-index > li"):
            if li.a and li.a["href"] == url:
                note = li.select_one(".ttt-note")
                assert len(note.select("a")) == paging.CITED_BY_SHOWN + 1  # the records shown, and the downloads
                assert f"{len(cited[url])} in all" in note.get_text()
                return
    raise AssertionError("the most cited source is on no Sources page")


def test_a_person_and_a_round_show_their_latest_and_count_the_rest(copies_build, copies_data):
    person = max(copies_data.people, key=lambda p: len(rounds.rounds_attended(copies_data, p.id)))
    attended = rounds.rounds_attended(copies_data, person.id)
    assert len(attended) > paging.ROUNDS_ON_PERSON
    page = copies_build.html(f"people/{person.id}/")
    assert len(page.select("#rounds ~ ul.ttt-points")[0].select("li")) == paging.ROUNDS_ON_PERSON
    assert f"listed in {len(attended)} delegations" in page.get_text(" ")
    related = timeline.events_by_round(copies_data)
    busiest = max(related, key=lambda r: len(related[r]))
    assert len(related[busiest]) > paging.RELATED_ON_ROUND
    page = copies_build.html(f"rounds/{busiest}/")
    assert len(page.select("#related ~ ol.ttt-timeline")[0].select(":scope > li")) == paging.RELATED_ON_ROUND
    assert f"{len(related[busiest])} events are linked to this round" in page.get_text(" ")


def test_the_chinese_twins_stay_under_the_limit(copies_build, copies_data):
    """Each Chinese page of the copied record, rendered in process through the page table: its
    Markdown and held HTML, plus what the theme adds around its English twin's (the built page less
    the twin's own Markdown and HTML: navigation, table of contents), stays under the limit."""
    from macros.render.held import HeldHtml
    from macros.render.jinja import Renderer
    from macros.render.page_table import FAMILIES, ZH, GeneratedPage, generated_pages

    held = HeldHtml()
    renderer = Renderer(copies_data, held)

    def own_size(page) -> int:
        return len(page.render(renderer).encode()) + sum(len(str(b).encode()) for b in held.blocks(page.url))

    measured = 0
    for page in generated_pages(copies_data, (ZH,)):
        family = FAMILIES[page.family.twin]
        twin = GeneratedPage(family, family.url(page.key), page.key)  # the home page's twin is hand-written
        built = copies_build.site / twin.url / "index.html"
        theme = built.stat().st_size - own_size(twin)
        assert own_size(page) + theme < PAGE_LIMIT, page.url
        measured += 1
    assert measured > len(copies_data.rounds)  # every round's Chinese page, and the lists around them
