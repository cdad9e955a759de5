"""One vocabulary: every value the data model allows has exactly one display label, and no label
names a value the model does not allow (except views' own additions, named here)."""

from __future__ import annotations

import types
import typing

import pytest

from macros.data import records as r
from macros.views import labels


def allowed(annotation: object) -> set[str]:
    """The values a Literal (or an optional Literal) annotation allows."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return set().union(*(allowed(a) for a in args if a is not type(None)))
    return set(args)


def field(model: type[r.Record], name: str) -> object:
    return model.model_fields[name].annotation


# (what the model allows, its labels, values the view adds itself)
VOCABULARIES = [
    (field(r.Round, "kind"), labels.ROUND_KIND, set()),
    (r.EventKind, labels.EVENT_KIND, set()),
    (field(r.Event, "between"), labels.CALL_BETWEEN, set()),
    (field(r.Event, "side"), labels.SIDE, set()),
    (r.Side, labels.SIDE_SHORT, set()),
    (r.SourceLevel, labels.SOURCE_LEVEL, set()),
    (r.SourceLevel, labels.ZH_SOURCE_LEVEL, set()),
    (r.PurchaseBasis, labels.PURCHASE_BASIS, set()),
    (r.DeadlineStatus, labels.DEADLINE_STATUS, set()),
    (field(r.Deadline, "kind"), labels.DEADLINE_KIND, set()),
    (field(r.Expectation, "result"), labels.RESULT, set()),
    (field(r.Expectation, "by_kind"), labels.EXPECTATION_BY, {"all", "unclassified"}),
    (r.DocumentKind, labels.DOCUMENT_KIND, set()),
    (field(r.TariffChange, "direction"), labels.TARIFF_DIRECTION, set()),
    (field(r.TariffChange, "direction"), labels.TARIFF_DIRECTION_SHORT, set()),
    (field(r.Estimate, "direction"), labels.TARIFF_DIRECTION, set()),
    (r.MeasureKind, labels.MEASURE_KIND, set()),
    (r.MeasureStatus, labels.MEASURE_STATUS, set()),
    (r.EndReason, labels.END_REASON, set()),
    (field(r.Measure, "coverage"), labels.COVERAGE, set()),
    (r.CommitmentStatus, labels.COMMITMENT_STATUS, set()),
    # The Chinese edition's vocabularies: the same values, each with one Chinese label.
    (field(r.Round, "kind"), labels.ZH_ROUND_KIND, set()),
    (r.EventKind, labels.ZH_EVENT_KIND, set()),
    (field(r.Event, "side"), labels.ZH_SIDE, set()),
    (field(r.Expectation, "result"), labels.ZH_RESULT, set()),
    (r.DocumentKind, labels.ZH_DOCUMENT_KIND, set()),
    (r.CommitmentStatus, labels.ZH_COMMITMENT_STATUS, set()),
    (r.MeasureKind, labels.ZH_MEASURE_KIND, set()),
    (r.MeasureStatus, labels.ZH_MEASURE_STATUS, set()),
    (r.EndReason, labels.ZH_END_REASON, set()),
    (r.DeadlineStatus, labels.ZH_DEADLINE_STATUS, set()),
    (r.PurchaseBasis, labels.ZH_PURCHASE_BASIS, set()),
    (field(r.Deadline, "kind"), labels.ZH_DEADLINE_KIND, set()),
    (field(r.Expectation, "by_kind"), labels.ZH_EXPECTATION_BY, {"all", "unclassified"}),
]


@pytest.mark.parametrize("annotation, label_of, added", VOCABULARIES,
                         ids=[f"{i}-{sorted(v[1])[0]}" for i, v in enumerate(VOCABULARIES)])
def test_every_allowed_value_has_exactly_one_label(annotation, label_of, added):
    values = allowed(annotation)
    assert values, "the annotation should be a Literal"
    assert set(label_of) == values | added
    shown = list(label_of.values())
    assert len(shown) == len(set(shown)), "two values would read the same"
    assert all(isinstance(text, str) and text.strip() for text in shown)


def test_every_collection_and_kind_of_change_has_one_label():
    from macros.data.collections import COLLECTIONS
    from macros.data.history import KINDS

    assert set(labels.COLLECTION) == {c.name for c in COLLECTIONS} == set(labels.ZH_COLLECTION)
    assert set(labels.ZH_CHANGE_KIND) == set(KINDS)
    assert set(labels.COLLECTION_COUNTED) <= set(labels.COLLECTION)
    assert set(labels.CHANGE_KIND) == set(KINDS)
    for vocabulary in (labels.COLLECTION, labels.CHANGE_KIND):
        assert len(set(vocabulary.values())) == len(vocabulary)


def test_dates_read_the_same_whatever_the_machines_locale():
    import datetime as dt
    import locale

    from macros.render.jinja import date_range, human_date

    day = dt.date(2025, 9, 14)
    assert human_date(day) == "14 September 2025" and human_date(day, "month") == "September 2025"
    assert labels.month_year(day, short=True) == "Sep 2025"
    assert date_range(day, dt.date(2025, 9, 15)) == "14–15 September 2025"
    assert date_range(dt.date(2025, 8, 31), day) == "31 August – 14 September 2025"
    try:
        locale.setlocale(locale.LC_TIME, "fr_FR.UTF-8")
    except locale.Error:
        return  # the machine has no other locale to try
    try:
        assert human_date(day) == "14 September 2025"
    finally:
        locale.setlocale(locale.LC_TIME, "C")
