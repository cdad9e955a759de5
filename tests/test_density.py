"""A record ten times as dense as today's (same months, ten times the records): the busy
quarters, years and source lists split into bounded parts, and nothing is lost or unlinked."""

from __future__ import annotations

import sys
from collections import Counter

import pytest

from macros.data.dataset import load_dataset
from macros.views import paging
from macros.views.timeline import issue_history
from tests.conftest import ROOT, Build, run_build
from tests.site_links import broken_links

sys.path.insert(0, str(ROOT / "scripts"))
import synth_data

PAGE_LIMIT = 150 * 1024
# Its own group: xdist builds this on one worker while the other builds the ten-year record.
pytestmark = pytest.mark.xdist_group("density")


@pytest.fixture(scope="session")
def dense_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("dense10") / "project"
    synth_data.write(project, 10, seed=1, dense=True)
    # English alone: the Chinese edition's pages at scale are bounded in tests/test_copies.py.
    build = run_build(project, project / "site", {"TTT_EDITION": "en", "TTT_SEARCH": "false"})
    assert build.returncode == 0, build.stderr[-3000:]
    return build


@pytest.fixture(scope="session")
def dense_data(dense_build):
    return load_dataset(dense_build.project)


def test_no_page_of_the_dense_record_outgrows_the_limit(dense_build):
    sizes = {p.relative_to(dense_build.site).as_posix(): p.stat().st_size for p in dense_build.site.rglob("*.html")}
    assert {page: size for page, size in sizes.items() if size > PAGE_LIMIT} == {}


def test_links_and_anchors_resolve_across_the_dense_parts(dense_build):
    assert broken_links(dense_build.site, skip=("/zh/",)) == []


def test_every_busy_quarter_is_split_into_even_parts_that_hold_every_entry_once(dense_build, dense_data):
    quarters = paging.timeline_quarters(dense_data)
    assert max(len(entries) for entries in quarters.values()) > paging.TIMELINE_ON_PAGE, "nothing to split"
    pages = {p.parent.name for p in (dense_build.site / "timeline").glob("*/index.html")}
    assert pages == set(paging.timeline_pages(dense_data))
    on_pages = Counter(li["id"] for page in pages
                       for li in dense_build.html(f"timeline/{page}/").select("ol.ttt-timeline > li[id]"))
    assert on_pages == Counter(e.anchor for q in quarters.values() for e in q)  # each entry once
    built = dense_build.timeline_entries()
    for name, entries in quarters.items():
        sizes = Counter(built[e.anchor]["data-page"] for e in entries)
        assert max(sizes.values()) <= paging.TIMELINE_ON_PAGE
        assert len(sizes) >= -(-len(entries) // paging.TIMELINE_ON_PAGE), name  # more where the weight says so
        parts = [key for key in paging.timeline_pages(dense_data) if key == name or key.startswith(f"{name}-")]
        assert len(sizes) == len(parts)
        for key in parts:
            assert sum(map(paging.entry_weight, paging.timeline_pages(dense_data)[key])) <= paging.PART_BUDGET \
                or len(paging.timeline_pages(dense_data)[key]) == 1
    anchors = dense_build.json("timeline/anchors.json")
    assert {a: f"timeline/{page}/" for a, page in anchors.items()} == {a: li["data-page"] for a, li in built.items()}


def test_a_split_quarter_links_its_parts_in_order(dense_build, dense_data):
    pages = list(paging.timeline_pages(dense_data))
    split = next(name for name in pages if name.endswith("-2"))
    first = split.removesuffix("-2")
    assert dense_build.html(f"timeline/{first}/").select_one("a[rel=next]")["href"].rstrip("/").endswith(split)
    assert dense_build.html(f"timeline/{split}/").select_one("a[rel=prev]")["href"].rstrip("/").endswith(first)
    listed = [a["href"].strip("/").split("/")[-1] for a in dense_build.html("timeline/").select("ul.ttt-quarters li a")]
    assert listed == pages


def test_an_issue_year_in_parts_keeps_every_entry(dense_build, dense_data):
    issue = dense_data.issues[0]
    years = paging.issue_years(dense_data, issue.id)
    assert any("-" in key for key in years), "the dense record has a year past a page"
    seen: Counter[str] = Counter()
    for key in years:
        items = dense_build.html(f"issues/{issue.id}/{key}/").select("ol.ttt-timeline > li[id]")
        assert len(items) <= paging.ENTRIES_ON_PAGE
        seen.update(li["id"] for li in items)
    assert seen == Counter(e.anchor for e in issue_history(dense_data, issue.id))


def test_the_sources_of_a_busy_quarter_continue_on_parts(dense_build, dense_data):
    pages = paging.source_pages(dense_data)
    assert any(key.endswith("-2") for key in pages)
    built = {p.parent.name for p in (dense_build.site / "sources").glob("*/index.html")}
    assert set(pages) <= built
    assert all(len(items) <= paging.SOURCES_ON_PAGE for items in pages.values())


def test_rounds_by_issue_stays_bounded_whatever_the_number_of_rounds(dense_build, dense_data):
    soup = dense_build.html("tags/")
    lists = soup.select("ul.ttt-issue-rounds")
    assert lists and all(len(ul.select("li")) <= paging.ROUNDS_PER_ISSUE for ul in lists)
    busiest = max(len([r for r in dense_data.rounds if i.id in r.issues]) for i in dense_data.issues)
    assert busiest > paging.ROUNDS_PER_ISSUE  # the dense record does have more than a page shows


def test_pages_that_summarise_many_chains_and_rounds_name_only_the_latest(dense_build, dense_data):
    from macros.views import deadlines, precedent
    from macros.views.subscriptions import subscriptions

    chains = [s for s in subscriptions(dense_data) if s.key.startswith("chain-")]
    assert len(chains) > paging.CHAIN_SUBSCRIPTIONS_LISTED  # the dense record has more than a page lists
    rows = dense_build.html("subscribe/").select("#subscriptions tr[id^='sub-chain-']")
    assert [r["id"] for r in rows] == [f"sub-{s.key}" for s in chains[-paging.CHAIN_SUBSCRIPTIONS_LISTED:]]
    # Every chain's feed and calendar stay one click away, beside the chain on the deadlines pages.
    linked = set()
    years = [f"deadlines/{p.parent.name}/" for p in dense_build.site.glob("deadlines/*/index.html")]
    for url in ["deadlines/", *years]:
        linked |= {"/".join(a["href"].split("/")[-2:]) for a in dense_build.html(url).select(".ttt-chain__title a")}
    assert {s.feed_path for s in chains} | {s.calendar_path for s in chains} <= linked
    assert len([c for c in deadlines.chains(dense_data) if len(c) > 1]) == len(chains)

    runs = precedent.chain_runs(dense_data)
    assert len(runs) > paging.CHAIN_RUNS_LISTED
    paragraph = next(p for p in dense_build.html("precedent/").select("article p")
                     if p.get_text().startswith("Chains of extensions"))
    assert len(paragraph.select("a[href*='#deadline-']")) == paging.CHAIN_RUNS_LISTED
    assert f"the latest {paging.CHAIN_RUNS_LISTED} of {len(runs)}" in paragraph.get_text()

    rows = dense_build.html("commitments/").select("#commitments-by-round tbody tr")
    with_commitments = [r for r in dense_data.rounds if any(c.round == r.id for c in dense_data.commitments)]
    assert len(with_commitments) > paging.ROUNDS_SUMMARISED
    assert [tr.a["href"].split("/")[-2] for tr in rows] == \
           [r.id for r in reversed(with_commitments[-paging.ROUNDS_SUMMARISED:])]


def test_deadline_lists_of_what_is_ahead_and_overdue_are_capped_and_only_on_the_main_page(dense_build, dense_data):
    from macros.views import deadlines

    main = dense_build.html("deadlines/")
    upcoming, overdue = deadlines.upcoming(dense_data), deadlines.overdue(dense_data)
    assert len(main.select("#ahead ~ div table tbody tr")) == min(paging.LIST_CAP, len(upcoming))
    assert len(main.select("#overdue ~ ul.ttt-points li")) == min(paging.LIST_CAP, len(overdue))
    for key in paging.chain_years(dense_data):
        page = dense_build.html(f"deadlines/{key}/")
        assert page.find(id="ahead") is None and page.find(id="overdue") is None
        assert page.select_one("article a[href='../../deadlines/#ahead']")
