"""The JSON API (api/v1/*.json), written from the same Dataset as the pages."""

from __future__ import annotations

import json
from typing import Any

from macros import views
from macros.dataset import Dataset
from macros.model import Round

SCHEMA_VERSION = 1


def _round(rnd: Round) -> dict[str, Any]:
    record = rnd.model_dump(mode="json")
    members = record.pop("delegations")
    record["delegations"] = {side: [m["person"] for m in members[side]] for side in ("us", "cn")}
    record["delegation_roles"] = members
    record["page"] = views.round_url(rnd.id)
    return record


def api_documents(data: Dataset) -> dict[str, dict[str, Any]]:
    """Each API file's name and content."""
    collections: dict[str, list[dict[str, Any]]] = {
        "rounds": [_round(r) for r in data.rounds],
        "issues": [{**i.model_dump(mode="json"), "page": views.issue_url(i.id)} for i in data.issues],
        "events": [{**e.model_dump(mode="json"), "page": views.timeline_url("event", e.id)} for e in data.events],
        "deadlines": [
            {**d.model_dump(mode="json"), "page": views.timeline_url("deadline", d.id),
             "display_status": views.deadline_status(d, data.today)}
            for d in data.deadlines
        ],
        "people": [{**p.model_dump(mode="json"), "page": views.person_url(p.id)} for p in data.people],
        "tariffs": [t.model_dump(mode="json") for t in data.tariffs],
    }
    return {
        name: {"schema_version": SCHEMA_VERSION, "as_of": data.as_of.isoformat(), name: records}
        for name, records in collections.items()
    }


def api_files(data: Dataset) -> dict[str, str]:
    """Site-relative path → file text, for every API file."""
    return {
        f"api/v1/{name}.json": json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        for name, document in api_documents(data).items()
    }
