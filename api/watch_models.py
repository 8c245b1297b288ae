"""Request and response models of monitoring (watchlists and alerts), with their examples."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from screen.records import ScreenRecord

from .models import _Out, example

WATCH_REQUEST: dict[str, Any] = {
    "name": "customers",
    "by": "ops@bank.example",
    "records": [
        {"id": "customer-17", "name": "Gulf Gate Spedition GmbH", "type": "Firm", "country": "DE"},
        {"id": "customer-18", "name": "Timchenko Gennady", "type": "Person", "birth_date": "1952-11-09"},
    ],
}
WATCHLIST: dict[str, Any] = {
    "id": "watchlist:customers",
    "name": "customers",
    "records": 2,
    "source": "source:watchlist-5b1f0a3c9d2e7f41",
    "run": "run:7a0c2e9f4b1d4c3e8f5a6b7c8d9e0f1a",
    "exposed_matches": 1,
}
WATCHLISTS: dict[str, Any] = {
    "items": [
        {
            "id": "watchlist:customers",
            "name": "customers",
            "created_at": "2026-12-05T09:00:00.000000+00:00",
            "checked_through": "2026-12-05T10:15:02.123456+00:00",
            "records": 2,
            "sources": ["source:watchlist-5b1f0a3c9d2e7f41"],
        }
    ]
}
_CAUSE = {
    "fact_id": "fact:8a1e3c5b7d9f0a2c4e6b",
    "change": "added",
    "subject": "organization:csl-a1b2c3",
    "predicate": "listed-on",
    "object": "list:us-bis-entity-list",
    "stances": ["asserted"],
    "valid_from": "2016-06-21",
    "valid_to": None,
    "quote": "Entity List (EL) - Bureau of Industry and Security",
    "run": "run:3c2b1a0f9e8d4c7b6a5f4e3d2c1b0a9f",
    "loader": "csl",
}
ALERT: dict[str, Any] = {
    "id": "alert:0f1e2d3c4b5a69788796a5b4",
    "watchlist": "watchlist:customers",
    "record_key": "customer-17",
    "record": {"name": "Gulf Gate Spedition GmbH", "type": "Firm", "country": "DE", "identifiers": {}},
    "entity_id": "organization:csl-a1b2c3",
    "entity_name": "Gulf Gate Spedition GmbH",
    "kind": "new",
    "score": 1.0,
    "explanation": [
        {
            "feature": "name_literal_match",
            "score": 1.0,
            "weight": 1.0,
            "query_value": "Gulf Gate Spedition GmbH",
            "entity_value": "Gulf Gate Spedition GmbH",
            "detail": "",
        }
    ],
    "facts_before": [],
    "facts_after": ["fact:8a1e3c5b7d9f0a2c4e6b"],
    "rule_before": None,
    "rule_after": "false",
    "causes": [_CAUSE],
    "run": "run:3c2b1a0f9e8d4c7b6a5f4e3d2c1b0a9f",
    "created_at": "2026-12-05T10:15:02.654321+00:00",
    "acknowledged_by": None,
    "acknowledged_at": None,
}
ALERTS: dict[str, Any] = {"items": [ALERT], "total": 1, "limit": 100, "offset": 0}


class WatchRequest(BaseModel):
    """Records to watch (each with its ``id``): added to the watchlist ``name``, or replacing the
    records of the same ids; screened now (their baseline: no alert for what they match today)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [WATCH_REQUEST]})

    name: str = Field(min_length=1, max_length=100)
    by: str = Field(min_length=1, max_length=200, description="who adds them")
    records: list[ScreenRecord] = Field(min_length=1, max_length=10_000)


class WatchlistAdded(_Out):
    model_config = example(WATCHLIST)

    id: str
    name: str
    records: int = Field(description="records the watchlist holds now")
    source: str = Field(description="the Source holding this upload's records (its provenance)")
    run: str | None = Field(description="the load run that wrote it")
    exposed_matches: int = Field(description="exposed matches of the records added, at their baseline screening")


class Watchlist(_Out):
    id: str
    name: str
    created_at: str
    checked_through: str = Field(description="the change feed is read up to this load run's start")
    records: int
    sources: list[str]


class WatchlistList(_Out):
    model_config = example(WATCHLISTS)

    items: list[Watchlist]


class Cause(_Out):
    fact_id: str
    change: Literal["added", "ended", "returned", "changed"]
    subject: str
    predicate: str
    object: str
    stances: list[str]
    valid_from: str | None
    valid_to: str | None
    quote: str | None
    run: str
    loader: str


class Alert(_Out):
    model_config = example(ALERT)

    id: str
    watchlist: str
    record_key: str
    record: dict[str, Any]
    entity_id: str
    entity_name: str | None = None
    kind: Literal["new", "changed", "ended"] = Field(
        description="new: an exposed match that was not; changed: its regulatory facts or the ownership rule's "
        "verdict changed; ended: no longer an exposed match (its listing ended, or it no longer matches)"
    )
    score: float | None = None
    explanation: list[dict[str, Any]] = Field(description="the match's explanation (screening's features)")
    facts_before: list[str]
    facts_after: list[str]
    rule_before: str | None = None
    rule_after: str | None = None
    causes: list[Cause] = Field(description="the changes of the feed that touched the match's facts")
    run: str | None = Field(None, description="the latest load run among the causes")
    created_at: str
    acknowledged_by: str | None = None
    acknowledged_at: str | None = None


class AlertList(_Out):
    model_config = example(ALERTS)

    items: list[Alert]
    total: int
    limit: int
    offset: int


class Acknowledge(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"by": "a.analyst"}]})

    by: str = Field(min_length=1, max_length=200)
