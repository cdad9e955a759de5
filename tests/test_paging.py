"""How long lists split into pages: in order, nothing lost, no page past its limit, no stubs."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from macros.views.paging import in_parts


@pytest.mark.parametrize("count", [0, 1, 59, 60, 61, 63, 119, 120, 121, 600, 601])
def test_a_list_splits_into_the_fewest_even_parts_in_order(count):
    items = list(range(count))
    pages = in_parts("2025-q4", items, 60)
    assert [item for page in pages.values() for item in page] == items
    assert len(pages) == max(1, -(-count // 60))
    sizes = [len(page) for page in pages.values()]
    assert max(sizes) <= 60
    assert max(sizes) - min(sizes) <= 1  # even: no stub of a few entries at the end
    expected_names = ["2025-q4"] + [f"2025-q4-{n}" for n in range(2, len(pages) + 1)]
    assert list(pages) == expected_names


def test_random_lengths_and_limits_keep_every_item_once():
    rng = random.Random(16)
    for _ in range(500):
        count, limit = rng.randrange(0, 400), rng.randrange(1, 80)
        pages = in_parts("x", list(range(count)), limit)
        assert [item for page in pages.values() for item in page] == list(range(count))
        assert all(len(page) <= limit for page in pages.values())
        assert len(pages) == max(1, -(-count // limit))
        sizes = [len(page) for page in pages.values()]
        assert max(sizes) - min(sizes) <= 1


def test_the_real_busiest_quarter_splits_evenly(real_dataset):
    from macros.views.paging import TIMELINE_ON_PAGE, timeline_pages
    from macros.views.timeline import timeline_quarters

    quarters, pages = timeline_quarters(real_dataset), timeline_pages(real_dataset)
    assert [e for page in pages.values() for e in page] == [e for q in quarters.values() for e in q]
    from macros.views.paging import PART_BUDGET, entry_weight

    for name, entries in quarters.items():
        parts = [key for key in pages if key == name or key.startswith(name + "-")]
        if sum(map(entry_weight, entries)) <= PART_BUDGET:  # no weight pressure: split by count, evenly
            assert len(parts) == -(-len(entries) // TIMELINE_ON_PAGE)
        for key in parts:
            assert len(pages[key]) <= TIMELINE_ON_PAGE
            assert sum(map(entry_weight, pages[key])) <= PART_BUDGET or len(pages[key]) == 1


_SEGMENT = st.sampled_from(["a", "b", "timeline", "2025-q2", "feed.atom", "x.json"])


@given(st.lists(_SEGMENT, max_size=4), st.lists(_SEGMENT, max_size=4), st.booleans(), st.booleans(),
       st.sampled_from(["", "#m2025-05", "#deadline-x"]))
def test_relative_links_agree_with_posixpath_relpath(page, target, page_dir, target_dir, fragment):
    """Routes.relative computes on segments; posixpath.relpath is the reference it must match."""
    import posixpath

    from macros.views.routes import Routes

    page_url = "/".join(page) + ("/" if page and page_dir else "")
    path = "/".join(target) + ("/" if target and target_dir else "")
    directory = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    expected = posixpath.relpath(path or ".", directory.rstrip("/") or ".")
    expected = "" if expected == "." else expected + ("/" if path.endswith("/") else "")
    assert Routes.relative(path + fragment, page_url) == expected + fragment


def test_year_parts_split_only_busy_years_and_keep_order():
    from macros.views.paging import year_parts

    items = [(2024, n) for n in range(3)] + [(2025, n) for n in range(7)]
    pages = year_parts(items, lambda item: item[0], 3)
    assert list(pages) == ["2024", "2025", "2025-2", "2025-3"]
    assert [len(v) for v in pages.values()] == [3, 3, 2, 2]
    assert [item for part in pages.values() for item in part] == items


def test_parts_bounded_by_weight_share_it_and_keep_order_and_every_item():
    from macros.views.paging import in_parts

    items = list(range(30))
    heavy = {3, 4, 5, 20}
    weight = lambda i: 50 if i in heavy else 5  # noqa: E731
    pages = in_parts("q", items, 60, weight, budget=100)
    assert [i for part in pages.values() for i in part] == items
    assert all(sum(map(weight, part)) <= 100 for part in pages.values())
    assert list(pages) == ["q", "q-2", "q-3", "q-4"]  # 330 of weight at 100 a page: the fewest parts, 4
    assert in_parts("q", items, 60, weight, budget=10_000) == {"q": items}  # light: one page, as by count
    assert in_parts("q", items, 20) == in_parts("q", items, 20, lambda i: 1, budget=10_000)  # count rule kept


def test_addresses_join_the_site_address_one_way_with_or_without_its_trailing_slash():
    from macros.views.routes import Routes

    for site in ("https://example.org/ttt/", "https://example.org/ttt"):
        assert Routes.absolute(site, "rounds/x/") == "https://example.org/ttt/rounds/x/"
        assert Routes.absolute(site, "timeline/2025-q2/#event-a") == "https://example.org/ttt/timeline/2025-q2/#event-a"
        assert Routes.webcal(site, "calendar.ics") == "webcal://example.org/ttt/calendar.ics"
    assert Routes.absolute("", "rounds/x/") == "rounds/x/"
    assert Routes.absolute("", "cite/", "/") == "/cite/"
    assert Routes.site_root("", "../") == "../"
    assert Routes.webcal("", "calendar.ics") == ""
