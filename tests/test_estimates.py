"""Published averages (issue 22): other people's estimates of the average tariff, shown as theirs,
beside the record's headline rates and never merged with them."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from macros.data.records import Estimate, TariffChange
from macros.data.refs import publisher_key
from macros.render.chart import tariff_chart

SRC = [{"url": "https://example.org/a", "publisher": "Example", "title": "T", "date": "2025-01-01"}]


def change(day: str, rate: float) -> TariffChange:
    return TariffChange.model_validate({"id": f"c-{day}", "direction": "us-on-cn", "effective": day, "rate": rate,
                                        "basis": "b", "sources": SRC})


def estimate(day: str, rate: float, direction: str = "us-on-cn") -> Estimate:
    return Estimate.model_validate({"id": f"e-{day}-{direction}", "publisher": "Smith & Jones", "direction": direction,
                                    "rate": rate, "as_of": day, "definition": "d", "sources": SRC})


def test_the_chart_draws_each_estimate_from_the_first_change_on_and_escapes_its_publisher():
    changes = [change("2025-02-04", 10), change("2025-03-04", 20)]
    raw = str(tariff_chart(changes, dt.date(2025, 6, 1), (
        estimate("2025-01-01", 15), estimate("2025-04-01", 300), estimate("2025-05-01", 30, "cn-on-us"))))
    svg = BeautifulSoup(raw, "html.parser")
    diamonds = svg.select("path.ttt-chart__estimate--us-on-cn, path.ttt-chart__estimate--cn-on-us")
    assert len(diamonds) == 2  # the one dated before the first change is left out
    assert "Smith & Jones" in diamonds[0].title.get_text() and "Smith &amp; Jones" in raw
    assert "300%" in svg.get_text()  # the axis grows to hold the largest estimate
    assert "Published averages" in svg.get_text()
    plain = str(tariff_chart(changes, dt.date(2025, 6, 1)))
    assert "ttt-chart__estimate" not in plain and "Published averages" not in plain


def test_the_tariffs_page_and_api_give_every_estimate_as_its_publisher_does(real_build, real_dataset):
    estimates = real_dataset.estimates
    assert estimates
    soup = real_build.html("tariffs/")
    items = soup.select("ol.ttt-estimates > li")
    assert [item["id"] for item in items] == [e.id for e in estimates]
    for item, e in zip(items, estimates, strict=True):
        head = item.select_one(".ttt-change__head").get_text(" ", strip=True)
        assert e.publisher in head and f"{e.rate:g}%" in head
        assert item.select(".ttt-entry__sources a[href]"), "every estimate links its source"
    shown = [e for e in estimates if e.as_of >= min(t.effective for t in real_dataset.tariffs)]
    assert len(soup.select("#headline ~ figure path[class*='ttt-chart__estimate--']")) == len(shown)
    intro = soup.select_one("#published-averages + p").get_text(" ", strip=True)
    publishers = {publisher_key(e.publisher) for e in estimates}
    assert f"{len(estimates)} estimates from {len(publishers)} publishers" in intro
    api = real_build.json("api/v1/estimates.json")["estimates"]
    assert [(a["id"], a["rate"], a["as_of"]) for a in api] == [(e.id, e.rate, e.as_of.isoformat()) for e in estimates]
    for year in real_build.site.glob("tariffs/*/index.html"):  # year pages keep the record's own figures only
        assert "published-averages" not in year.read_text()


def test_an_estimate_is_found_on_the_tariffs_page(real_dataset):
    from macros.views import routes

    first = real_dataset.estimates[0]
    assert routes.Routes(real_dataset).record(first) == f"{routes.TARIFFS}#{first.id}"
