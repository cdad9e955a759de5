"""Purchases as data (issue 22): a meter per purchase commitment, computed from the figures on
record against each side's stated deadline, never extrapolated; the page and the API agree."""

from __future__ import annotations

import datetime as dt

from macros.data.records import Purchase
from macros.views.purchases import meter


def purchase(figures: list[dict], deadlines: list[str]) -> Purchase:
    src = [{"url": "https://example.org/a", "publisher": "Example", "title": "T", "date": "2025-01-01"}]
    return Purchase.model_validate({
        "id": "beans", "title": "Beans", "commitment": "c", "product": "beans", "unit": "Mt", "target": 10,
        "counting_from": "2025-01-01", "sources": src,
        "deadlines": [{"side": "us", "due": d, "said_by": "someone", "sources": src} for d in deadlines],
        "figures": [{**f, "basis": "trade-tallies", "sources": src} for f in figures]})


def test_the_meter_reads_each_deadline_against_the_day_the_target_was_reached():
    m = meter(purchase([{"date": "2025-02-01", "quantity": 4}, {"date": "2025-03-15", "quantity": 10}],
                       ["2025-02-28", "2025-03-31", "2025-12-31"]), dt.date(2025, 6, 1))
    assert m.reached_on == dt.date(2025, 3, 15) and m.share == 1
    assert [r.verdict for r in m.readings] == ["met-after", "met-by", "met-by"]


def test_the_meter_never_extrapolates():
    short = meter(purchase([{"date": "2025-02-01", "quantity": 4}], ["2025-03-01", "2026-01-01"]),
                  dt.date(2025, 6, 1))
    assert short.share == 0.4 and short.reached_on is None
    assert [r.verdict for r in short.readings] == ["not-met", "ahead"]
    empty = meter(purchase([], ["2025-03-01"]), dt.date(2025, 6, 1))
    assert empty.latest is None and empty.share is None and [r.verdict for r in empty.readings] == ["no-figure"]


def test_the_purchases_page_and_api_agree_with_the_data(real_build, real_dataset):
    assert real_dataset.purchases
    api = {p["id"]: p for p in real_build.json("api/v1/purchases.json")["purchases"]}
    assert set(api) == {p.id for p in real_dataset.purchases}
    soup = real_build.html("purchases/")
    for p in real_dataset.purchases:
        block = soup.select_one(f"#meter-{p.id}")
        text = block.get_text(" ", strip=True)
        if p.figures:
            latest = p.figures[-1]
            assert f"{latest.quantity:g} of {p.target:g} {p.unit}" in text
            assert float(block.select_one("meter")["value"]) == min(latest.quantity, p.target)
        else:
            assert "No figure on record" in text and block.select_one("meter") is None
        assert len(block.select(".ttt-purchase__deadlines li")) >= len(p.deadlines)
        assert api[p.id]["target"] == p.target and len(api[p.id]["figures"]) == len(p.figures)
