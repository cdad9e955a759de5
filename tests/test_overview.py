"""The one-picture timeline stays bounded however long the record runs (in process)."""

from __future__ import annotations

import datetime as dt

from macros.views import overview, routes
from macros.views.overview import LANE_LIMIT, Mark, bucket


def _marks(years: int, per_year: int) -> list[Mark]:
    return [Mark("talks", dt.date(1900 + y, 1 + m % 12, 1), dt.date(1900 + y, 1 + m % 12, 1), f"r{y}-{m}", None, "x")
            for y in range(years) for m in range(per_year)]


def test_a_lane_counts_by_the_finest_period_that_fits_down_to_decades():
    assert {m.grain for m in overview._bounded(_marks(5, 12))} == {""}  # 60 marks: each its own
    assert {m.grain for m in overview._bounded(_marks(10, 12))} == {"quarter"}
    assert {m.grain for m in overview._bounded(_marks(50, 4))} == {"year"}
    long = overview._bounded(_marks(300, 1))
    assert {m.grain for m in long} == {"decade"} and len(long) == 30 <= LANE_LIMIT
    assert sum(m.count for m in long) == 300  # nothing lost: each decade counts its entries
    assert long[0].title == "10 entries in 1900s"
    assert bucket(dt.date(1987, 6, 30), "decade") == dt.date(1980, 1, 1)


def test_a_decade_links_to_its_first_year_on_the_list_of_quarters(real_dataset):
    links = routes.Routes(real_dataset)
    first = min(int(name[:4]) for name in routes.paging.timeline_pages(real_dataset))
    assert links.period(dt.date(first - first % 10, 1, 1), "decade") == f"timeline/#y{first}"
    assert links.period(dt.date(1900, 1, 1), "decade") == "timeline/#quarters"  # no entries then
    assert links.period(dt.date(2020, 1, 1), "decade", "tiktok") == "issues/tiktok/#history"
