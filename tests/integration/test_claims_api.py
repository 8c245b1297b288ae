"""POST /v1/claims on the real Neo4j: the curated format as JSON, a key, all or nothing, idempotent."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.routers.claims import EXAMPLE
from config import Settings
from graph import invariants, maintenance
from graph.database import Graph


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    maintenance.wipe(graph)
    with TestClient(create_app(settings)) as c:
        yield c


def key(settings: Settings) -> dict[str, str]:
    return {"X-API-Key": settings.api_key.get_secret_value()}


def test_no_key_is_401_and_a_wrong_key_403(client: TestClient) -> None:
    assert client.post("/v1/claims", json=EXAMPLE).status_code == 401
    r = client.post("/v1/claims", json=EXAMPLE, headers={"X-API-Key": "wrong"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"


def test_a_valid_body_is_written_once(client: TestClient, graph: Graph, settings: Settings) -> None:
    r = client.post("/v1/claims", json=EXAMPLE, headers=key(settings))
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    assert body["created"]["claims"] == 1 and body["reconfirmed"] is False
    (fact,) = client.get("/v1/facts", params={"subject": "firm:example-corp"}).json()["items"]
    assert fact["predicate"] == "listed-on" and fact["object"] == "list:us-bis-entity-list"
    assert fact["quote"] == "BIS added Example Corp to the Entity List"
    loads = client.get("/v1/loads").json()["items"]
    assert loads[0]["loader"] == "api" and loads[0]["inputs"] == ["POST /v1/claims"]
    before = maintenance.counts(graph)
    again = client.post("/v1/claims", json=EXAMPLE, headers=key(settings))
    assert again.status_code == 201 and again.json()["created"] == {"entities": 0, "sources": 0, "claims": 0}
    assert maintenance.counts(graph) == before
    assert not any(invariants.violations(graph).values())


def test_a_bad_quote_names_its_field_and_writes_nothing(client: TestClient, graph: Graph, settings: Settings) -> None:
    bad = copy.deepcopy(EXAMPLE)
    bad["claims"][0]["quote"] = "BIS removed Example Corp"
    bad["entities"].append({"id": "firm:other-corp", "type": "Firm", "name": "Other Corp"})
    before = maintenance.counts(graph)
    r = client.post("/v1/claims", json=bad, headers=key(settings))
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["details"]["field"] == "claims[0].quote" and "nothing written" in error["message"]
    assert maintenance.counts(graph) == before
    assert client.get("/v1/entities/firm:other-corp").status_code == 404


def test_a_text_file_is_refused(client: TestClient, settings: Settings) -> None:
    bad = copy.deepcopy(EXAMPLE)
    del bad["sources"][0]["text"]
    bad["sources"][0]["text_file"] = "/etc/passwd"
    r = client.post("/v1/claims", json=bad, headers=key(settings))
    assert r.status_code == 422 and r.json()["error"]["details"]["field"] == "sources[0].text_file"


def test_receipts_etag_and_a_version_that_moves_with_a_write(client: TestClient, settings: Settings) -> None:
    first = client.get("/v1/loads")
    etag, version = first.headers["etag"], first.headers["x-regkg-graph-version"]
    assert first.headers["cache-control"] == "no-cache" and etag.startswith('"')
    again = client.get("/v1/loads", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    body = copy.deepcopy(EXAMPLE)
    body["entities"][0]["name"] = "Example Corp"
    body["claims"][0]["valid_from"] = "2024-06-21"  # another claim: the graph changes
    written = client.post("/v1/claims", json=body, headers=key(settings))
    assert written.status_code == 201 and written.headers["cache-control"] == "no-store"
    after = client.get("/v1/loads", headers={"If-None-Match": etag})
    assert after.status_code == 200 and after.headers["x-regkg-graph-version"] != version
    assert client.get("/v1/loads").headers["x-regkg-graph-version"] == after.headers["x-regkg-graph-version"]
