"""Exposure through ownership: a firm listed only through its parent shows the listing via the chain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from config import Settings
from graph.database import Graph
from tests.conftest import load_fresh

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "exposure"


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    load_fresh(graph, settings, FIXTURE)
    with TestClient(create_app(settings)) as c:
        yield c


def actions(client: TestClient, eid: str, **params: str) -> list[dict[str, object]]:
    r = client.get(f"/v1/entities/{eid}/exposure", params=params)
    assert r.status_code == 200, r.text
    return list(r.json()["actions"])


def test_listing_reaches_the_subsidiary_through_its_parent(client: TestClient) -> None:
    (action,) = actions(client, "firm:child-software")
    fact, path = action["fact"], action["path"]
    assert fact["predicate"] == "listed-on" and fact["subject"] == "firm:parent-holdings"  # type: ignore[index]
    assert [n["id"] for n in path["nodes"]] == ["firm:child-software", "firm:parent-holdings"]  # type: ignore[index]
    (hop,) = path["edges"]  # type: ignore[index]
    assert hop["predicate"] == "subsidiary-of" and hop["direction"] == "forward"
    assert hop["quote"] == "Child Software LLC is a wholly owned subsidiary of Parent Holdings AO"
    prov = client.get(f"/v1/facts/{hop['fact_id']}/provenance").json()
    assert prov["claims"][0]["citations"][0]["source"]["id"] == "source:exposure-fixture"


def test_two_hops_and_the_hop_cap(client: TestClient) -> None:
    (action,) = actions(client, "firm:grandchild-labs")
    assert action["path"]["length"] == 2  # type: ignore[index]
    assert actions(client, "firm:grandchild-labs", max_hops="1") == []


def test_as_of_before_the_listing(client: TestClient) -> None:
    assert actions(client, "firm:child-software", as_of="2021") == []
    assert len(actions(client, "firm:child-software", as_of="2022-04")) == 1


def test_parent_is_not_exposed_through_its_child_and_strangers_are_clean(client: TestClient) -> None:
    assert [a["path"]["length"] for a in actions(client, "firm:parent-holdings")] == [0]  # type: ignore[index]
    assert actions(client, "firm:unrelated-widgets") == []
