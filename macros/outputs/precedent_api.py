"""api/v1/precedent.json: the base rates of the Precedent page, with a JSON Schema from the same models."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from macros.data.dataset import Dataset
from macros.views import precedent

SCHEMA_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Spread(_Model):
    n: int
    median: float | None
    min: int | None
    max: int | None


class ChainRun(_Model):
    first: str
    last: str
    extensions: int
    days: int


class OpenDeadline(_Model):
    id: str
    due: str
    kind: str
    earlier: int
    outcomes: dict[str, int]
    decision_lead_days: Spread
    sentence: str


class Deadlines(_Model):
    by_kind: dict[str, dict[str, int]]
    decision_lead_days: dict[str, Spread]
    chain_lengths: dict[str, list[ChainRun]]
    open: list[OpenDeadline]


class Expectations(_Model):
    by_who: dict[str, dict[str, int]]
    by_issue: dict[str, dict[str, int]]


class Commitments(_Model):
    by_side: dict[str, dict[str, int]]
    by_issue: dict[str, dict[str, int]]
    days_to_implement: dict[str, Spread]


class Rounds(_Model):
    by_kind: dict[str, dict[str, int]]
    products: dict[str, list[str]]


class PrecedentDocument(_Model):
    schema_version: Literal[1]
    as_of: str
    license: str = ""
    license_url: str = ""
    credit: str = ""
    note: str
    deadlines: Deadlines
    expectations: Expectations
    commitments: Commitments
    rounds: Rounds


def _spread(spread: precedent.Spread) -> Spread:
    return Spread(n=spread.n, median=spread.median, min=spread.min, max=spread.max)


def precedent_document(data: Dataset) -> dict[str, Any]:
    chains: dict[str, list[ChainRun]] = {}
    for run in precedent.chain_runs(data):
        chains.setdefault(run.kind, []).append(ChainRun(first=run.first.id, last=run.last.id,
                                                        extensions=run.extensions, days=run.days))
    open_deadlines = []
    for deadline in precedent.open_deadlines(data):
        found = precedent.precedent_for(data, deadline.id)
        open_deadlines.append(OpenDeadline(id=deadline.id, due=deadline.due.isoformat(), kind=deadline.kind,
                                           earlier=found.n, outcomes=found.outcomes,
                                           decision_lead_days=_spread(found.lead),
                                           sentence=precedent.sentence_for(data, deadline.id)))
    implement = {k: _spread(v) for k, v in precedent.days_to_implement(data).items()}
    document = PrecedentDocument(
        schema_version=SCHEMA_VERSION,
        as_of=data.as_of.isoformat(),
        note="Counts of this record since 2025, each with its n; not a forecast.",
        deadlines=Deadlines(by_kind=precedent.deadline_outcomes(data),
                            decision_lead_days={k: _spread(v) for k, v in precedent.decision_lead(data).items()},
                            chain_lengths=chains, open=open_deadlines),
        expectations=Expectations(by_who=precedent.expectation_results(data),
                                  by_issue=precedent.expectation_results_by_issue(data)),
        commitments=Commitments(by_side=precedent.commitment_results(data),
                                by_issue=precedent.commitment_results_by_issue(data),
                                days_to_implement=implement),
        rounds=Rounds(by_kind=precedent.round_products(data),
                      products={k: list(v) for k, v in precedent.products_by_round(data).items()}),
    )
    return document.model_dump(mode="json")


def precedent_schema() -> dict[str, Any]:
    schema = PrecedentDocument.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"Trade Truce Tracker API v{SCHEMA_VERSION}: precedent", **schema}
