"""Issue 21, point 5: regkg through a routing URI (``neo4j://``), as it is pointed at a cluster or
Aura (``neo4j+s://``). The driver asks the server for its routing table and sends reads to readers
and writes to the writer; a standalone server answers that table with itself, so the throwaway test
server stands in for a cluster: the API's representative reads, a write, and the CLI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli
from config import Settings
from graph import ingest
from graph.database import Graph
from tests.conftest import cli_env, load_fresh

ROOT = Path(__file__).resolve().parents[2]
KASPERSKY, RUSSIA = "firm:kaspersky-lab", "country:ru"
LISTING = {
    "sources": [{"id": "source:test-routed", "title": "A listing", "kind": "press-release",
                 "publisher": "Bureau of Industry and Security", "published_at": "2026-11-30",
                 "text": "BIS added Routed Widgets LLC to the Entity List."}],
    "entities": [{"id": "firm:routed-widgets", "type": "Firm", "name": "Routed Widgets LLC"}],
    "claims": [{"subject": "firm:routed-widgets", "predicate": "listed-on", "object": "list:us-bis-entity-list",
                "asserted_by": "agency:us-bis", "valid_from": "2026-11-30", "source": "source:test-routed",
                "quote": "BIS added Routed Widgets LLC to the Entity List"}],
}  # fmt: skip


@pytest.fixture(scope="module")
def routed(graph: Graph, settings: Settings) -> Settings:
    load_fresh(graph, settings)
    uri = settings.neo4j_uri
    if uri.startswith("bolt://"):
        uri = "neo4j://" + uri.removeprefix("bolt://")
    assert uri.startswith("neo4j"), "a routing URI"
    return settings.model_copy(update={"neo4j_uri": uri, "query_timeout": 60.0})


@pytest.fixture(scope="module")
def client(routed: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(routed)) as c:
        yield c
    ingest.AFTER_RUN.clear()


def test_the_driver_routes(routed: Settings) -> None:
    with Graph.connect(routed) as g:
        assert isinstance(g.driver, neo4j.Neo4jDriver)  # the routing driver (bolt:// makes a BoltDriver)
        g.verify()  # it fetched a routing table: the server answered with its readers and writer


def test_reads_through_a_routing_uri(client: TestClient) -> None:
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/ready").json()["status"] == "ready"
    assert client.get("/v1/entities", params={"q": "kaspersky"}).json()["items"][0]["id"] == KASPERSKY
    assert client.get(f"/v1/entities/{KASPERSKY}").json()["name"] == "Kaspersky Lab"
    assert client.get(f"/v1/entities/{KASPERSKY}/neighbors", params={"limit": 3}).json()["edges"]
    assert client.get("/v1/paths", params={"from": KASPERSKY, "to": RUSSIA}).json()["paths"]
    export = client.get("/v1/export", params={"format": "ftm", "entity": KASPERSKY})
    assert export.status_code == 200 and "regkg-firm-kaspersky-lab" in export.text


def test_a_write_through_a_routing_uri(client: TestClient, routed: Settings) -> None:
    r = client.post("/v1/claims", json=LISTING, headers={"X-API-Key": routed.api_key.get_secret_value()})
    assert r.status_code == 201, r.text
    # read back at once: the driver's bookmarks make the read see the write, whichever member serves it
    (fact,) = client.get("/v1/facts", params={"subject": "firm:routed-widgets"}).json()["items"]
    assert fact["object"] == "list:us-bis-entity-list"


def test_the_cli_through_a_routing_uri(routed: Settings) -> None:
    env = cli_env(routed) | {"REGKG_QUERY_TIMEOUT": "60"}
    fcc = str(ROOT / "data" / "samples" / "fcc_covered_list_2026.csv")
    loaded = CliRunner().invoke(cli, ["load", "fcc", fcc, "--batch-size", "5"], env=env)
    assert loaded.exit_code == 0, loaded.output
    found = CliRunner().invoke(cli, ["search", "Hikvision", "--format", "json"], env=env)
    assert found.exit_code == 0 and "firm:fcc-" in found.output, found.output
