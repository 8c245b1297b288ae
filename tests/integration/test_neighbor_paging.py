"""Issue 17: a truncated neighbour group can be paged — each group's page starts at ``offset``,
and every group says its ``total``, ``offset`` and ``limit``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli
from config import Settings
from graph import maintenance
from graph.database import Graph
from tests.conftest import cli_env

SEED = Path(__file__).resolve().parents[2] / "data" / "seed"


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    maintenance.wipe(graph)
    result = CliRunner().invoke(cli, ["load", "curated", str(SEED)], env=cli_env(settings))
    assert result.exit_code == 0, result.output
    with TestClient(create_app(settings)) as c:
        yield c


def page(client: TestClient, eid: str, **params: Any) -> dict[str, Any]:
    r = client.get(f"/v1/entities/{eid}/neighbors", params=params)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_a_group_paged_one_by_one_adds_up_to_the_whole_group(client: TestClient) -> None:
    whole = page(client, "country:us", limit=500)
    group = max(whole["groups"], key=lambda g: g["total"])
    assert group["total"] >= 2 and not group["truncated"]
    pred, direction = group["predicate"], group["direction"]
    facts = [e["fact_id"] for e in whole["edges"] if e["predicate"] == pred]
    seen: list[str] = []
    for offset in range(group["total"]):
        body = page(client, "country:us", predicates=pred, direction=direction, limit=1, offset=offset)
        (g,) = body["groups"]
        assert (g["total"], g["offset"], g["limit"], g["shown"]) == (group["total"], offset, 1, 1)
        assert g["truncated"] is (offset < group["total"] - 1)
        seen += [e["fact_id"] for e in body["edges"]]
    assert len(seen) == len(set(seen)) and sorted(seen) == sorted(facts)  # disjoint pages, the whole group
    past = page(client, "country:us", predicates=pred, direction=direction, limit=1, offset=group["total"])
    assert past["edges"] == []


def test_facts_take_predicates_as_every_route_names_them(client: TestClient) -> None:
    def facts(**params: Any) -> list[dict[str, Any]]:
        r = client.get("/v1/facts", params={"subject": "firm:kaspersky-lab", **params})
        assert r.status_code == 200, r.text
        return r.json()["items"]  # type: ignore[no-any-return]

    both = facts(predicates="banned-by,alleged-tie-to")
    assert {f["predicate"] for f in both} == {"banned-by", "alleged-tie-to"}
    assert facts(predicate="banned-by") == facts(predicates="banned-by")  # the old name still answers
    assert client.get("/v1/facts", params={"predicates": "banned"}).status_code == 422


def test_the_claims_citing_a_source_are_paged(client: TestClient) -> None:
    sid = "source:safetydetectives-us-considers-action-against-kaspersky"

    def claims(**params: Any) -> dict[str, Any]:
        r = client.get(f"/v1/sources/{sid}", params=params)
        assert r.status_code == 200, r.text
        return r.json()  # type: ignore[no-any-return]

    whole = claims(limit=1000)
    total = whole["claims_total"]
    assert total == len(whole["claims"]) > 5 and "text" not in whole
    pages = [claims(limit=5, offset=o) for o in range(0, total, 5)]
    assert all((p["claims_total"], p["limit"]) == (total, 5) for p in pages)
    assert [c["id"] for p in pages for c in p["claims"]] == [c["id"] for c in whole["claims"]]
    assert claims(limit=5, include="text")["text"]  # the text only when asked
