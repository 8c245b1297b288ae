"""Paths never pass through a hub (an entity with more fact edges than ``max_degree``), but may
start or end at one; each of the query's three shapes (no hub end, one, two) is exercised."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from config import Settings
from graph.database import Graph
from tests.conftest import load_fresh

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "hubs"
HUBLAND, WATCH = "country:hubland", "list:watch-list"  # 5 and 4 fact edges: hubs at max_degree=3


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    load_fresh(graph, settings, FIXTURE)
    with TestClient(create_app(settings)) as c:
        yield c


def paths(client: TestClient, a: str, b: str, **params: str) -> list[dict[str, object]]:
    r = client.get("/v1/paths", params={"from": a, "to": b, "max_degree": "3", **params})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["max_degree"] == int(params.get("max_degree", "3"))
    for p in body["paths"]:
        nodes, edges = p["nodes"], p["edges"]
        assert [n["id"] for n in nodes][0] == a and nodes[-1]["id"] == b
        assert len(edges) == p["length"] == len(nodes) - 1
        assert len({n["id"] for n in nodes}) == len(nodes)  # simple
        for i, e in enumerate(edges):  # each hop joins nodes[i] and nodes[i + 1] as its direction says
            ends = (e["subject"], e["object"]) if e["direction"] == "forward" else (e["object"], e["subject"])
            assert ends == (nodes[i]["id"], nodes[i + 1]["id"])
    return list(body["paths"])


def ids(ps: list[dict[str, object]]) -> list[list[str]]:
    return [[n["id"] for n in p["nodes"]] for p in ps]  # type: ignore[attr-defined]


def test_two_firms_linked_only_through_hubs_are_not_connected(client: TestClient) -> None:
    assert paths(client, "firm:alpha", "firm:delta") == []
    walked = ids(paths(client, "firm:alpha", "firm:delta", max_degree="100"))
    assert ["firm:alpha", HUBLAND, "firm:delta"] in walked


def test_a_hub_at_the_end(client: TestClient) -> None:
    assert ids(paths(client, "firm:alpha", HUBLAND)) == [
        ["firm:alpha", HUBLAND],
        ["firm:alpha", "firm:beta", HUBLAND],
        ["firm:alpha", "firm:beta", "firm:gamma", HUBLAND],
    ]
    assert len(paths(client, "firm:alpha", HUBLAND, max_hops="2")) == 2
    assert len(paths(client, "firm:alpha", HUBLAND, limit="1")) == 1
    assert ids(paths(client, "firm:alpha", HUBLAND, max_hops="1")) == [["firm:alpha", HUBLAND]]


def test_a_hub_at_the_start(client: TestClient) -> None:
    ps = paths(client, HUBLAND, "firm:alpha")
    assert ids(ps) == [
        [HUBLAND, "firm:alpha"],
        [HUBLAND, "firm:beta", "firm:alpha"],
        [HUBLAND, "firm:gamma", "firm:beta", "firm:alpha"],
    ]
    assert ps[0]["edges"][0]["direction"] == "backward"  # type: ignore[index]
    assert ids(paths(client, HUBLAND, "firm:beta", max_hops="1")) == [[HUBLAND, "firm:beta"]]


def test_hub_to_hub_goes_through_non_hubs_only(client: TestClient) -> None:
    walked = ids(paths(client, HUBLAND, WATCH))
    assert sorted(p[1] for p in walked[:3]) == ["firm:delta", "firm:epsilon", "firm:gamma"]
    assert [len(p) for p in walked] == [3, 3, 3, 4, 5]
    assert all(HUBLAND not in p[1:-1] and WATCH not in p[1:-1] for p in walked)


def test_directed_with_a_hub_end(client: TestClient) -> None:
    ps = paths(client, "firm:alpha", HUBLAND, directed="true")
    assert len(ps) == 3
    assert all(e["direction"] == "forward" for p in ps for e in p["edges"])  # type: ignore[attr-defined]
    assert paths(client, HUBLAND, "firm:alpha", directed="true") == []
    assert paths(client, WATCH, HUBLAND, directed="true") == []


def test_unconnected_and_the_default(client: TestClient) -> None:
    assert paths(client, "firm:zeta", HUBLAND) == []
    r = client.get("/v1/paths", params={"from": "firm:alpha", "to": "firm:delta"})
    assert r.json()["max_degree"] == 1000 and r.json()["paths"]  # nothing is a hub at 1000
    assert (
        client.get("/v1/paths", params={"from": "firm:alpha", "to": "firm:delta", "max_degree": "0"}).status_code == 422
    )
