"""The JSON API (api/v1/*.json) and its JSON Schema, from the same Dataset as the pages.

API records are pydantic models built on the data models, so the published schema and the
published JSON come from one definition.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from macros.data.dataset import Dataset
from macros.data.records import (
    Commitment,
    Deadline,
    Delegations,
    Estimate,
    Event,
    Id,
    Issue,
    Measure,
    Person,
    Purchase,
    Record,
    Round,
    TariffChange,
)
from macros.outputs.precedent_api import precedent_document, precedent_schema
from macros.views import deadlines, publication, routes
from macros.views.routes import Routes

SCHEMA_VERSION = 1


class DelegationIds(Record):
    us: list[Id]
    cn: list[Id]


class ApiRound(Round):
    delegations: DelegationIds  # type: ignore[assignment]
    delegation_roles: Delegations
    page: str


class ApiIssue(Issue):
    page: str


class ApiEvent(Event):
    page: str


class ApiDeadline(Deadline):
    page: str
    display_status: str


class ApiPerson(Person):
    page: str


class ApiMeasure(Measure):
    page: str


class ApiCommitment(Commitment):
    page: str


class ApiPurchase(Purchase):
    page: str


API_MODELS: dict[str, type[Record]] = {
    "rounds": ApiRound,
    "issues": ApiIssue,
    "events": ApiEvent,
    "deadlines": ApiDeadline,
    "people": ApiPerson,
    "tariffs": TariffChange,
    "measures": ApiMeasure,
    "commitments": ApiCommitment,
    "purchases": ApiPurchase,
    "estimates": Estimate,
}


def _api_round(rnd: Round) -> ApiRound:
    fields = dict(rnd)
    ids = DelegationIds(us=[m.person for m in rnd.delegations.us], cn=[m.person for m in rnd.delegations.cn])
    return ApiRound.model_construct(**{**fields, "delegations": ids, "delegation_roles": rnd.delegations,
                                       "page": Routes.round(rnd.id)})


def api_records(data: Dataset) -> dict[str, list[Record]]:
    links = routes.Routes(data)
    return {
        "rounds": [_api_round(r) for r in data.rounds],
        "issues": [ApiIssue.model_construct(**dict(i), page=Routes.issue(i.id)) for i in data.issues],
        "events": [ApiEvent.model_construct(**dict(e), page=links.on_timeline("event", e.id, e.date))
                   for e in data.events],
        "deadlines": [
            ApiDeadline.model_construct(**dict(d), page=links.on_timeline("deadline", d.id, d.due),
                                        display_status=deadlines.display_status(d, data.today))
            for d in data.deadlines
        ],
        "people": [ApiPerson.model_construct(**dict(p), page=Routes.person(p.id)) for p in data.people],
        "tariffs": list(data.tariffs),
        "measures": [ApiMeasure.model_construct(**dict(m), page=Routes.measure(m.id)) for m in data.measures],
        "commitments": [ApiCommitment.model_construct(**dict(c), page=Routes.commitment(c.id, c.round))
                         for c in data.commitments],
        "purchases": [ApiPurchase.model_construct(**dict(p), page=links.record(p)) for p in data.purchases],
        "estimates": list(data.estimates),
    }


def licence_fields(data: Dataset) -> dict[str, str]:
    """The licence every API file carries inside it, so that a copied file keeps its terms."""
    return {"license": publication.DATA_LICENSE, "license_url": publication.DATA_LICENSE_URL,
            "credit": publication.credit(data.as_of.isoformat())}


LICENCE_SCHEMA = {"license": {"const": publication.DATA_LICENSE},
                  "license_url": {"const": publication.DATA_LICENSE_URL},
                  "credit": {"type": "string"}}


def api_documents(data: Dataset) -> dict[str, dict[str, Any]]:
    """Each API file's name and content."""
    return {
        name: {"schema_version": SCHEMA_VERSION, "as_of": data.as_of.isoformat(), **licence_fields(data),
               name: [record.model_dump(mode="json", by_alias=True) for record in records]}
        for name, records in api_records(data).items()
    }


def api_schema(name: str) -> dict[str, Any]:
    """JSON Schema of one API file."""
    items = TypeAdapter(list[API_MODELS[name]]).json_schema(mode="serialization")  # type: ignore[valid-type]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Trade Truce Tracker API v{SCHEMA_VERSION}: {name}",
        "type": "object",
        "required": ["schema_version", "as_of", "license", name],
        "additionalProperties": False,
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "as_of": {"type": "string", "format": "date"},
            **LICENCE_SCHEMA,
            name: {k: v for k, v in items.items() if k != "$defs"},
        },
        "$defs": items.get("$defs", {}),
    }


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def api_files(data: Dataset) -> dict[str, str]:
    """Site-relative path → file text, for every API file and its schema."""
    files = {Routes.api_json(name): _json(document) for name, document in api_documents(data).items()}
    files |= {Routes.api_schema(name): _json(api_schema(name)) for name in API_MODELS}
    files[Routes.api_json("precedent")] = _json({**precedent_document(data), **licence_fields(data)})
    files[Routes.api_schema("precedent")] = _json(precedent_schema())
    return files
