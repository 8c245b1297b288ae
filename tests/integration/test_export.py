"""Issue 9: exports of the fact graph (GraphML, GEXF, CSV, neo4j-import, FollowTheMoney), round-tripped."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx  # type: ignore[import-untyped]
import pytest
from fastapi.testclient import TestClient
from followthemoney import model
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli
from config import Settings
from graph import export, maintenance
from graph.database import Graph
from graph.localdb import LocalNeo4j, free_port

SEED = Path(__file__).resolve().parents[2] / "data" / "seed"
KASPERSKY = "firm:kaspersky-lab"


@pytest.fixture(scope="module")
def env(graph: Graph, settings: Settings) -> dict[str, str]:
    maintenance.wipe(graph)
    env = {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}
    result = CliRunner().invoke(cli, ["load", "curated", str(SEED)], env=env)
    assert result.exit_code == 0, result.output
    return env


@pytest.fixture(scope="module")
def client(env: dict[str, str], settings: Settings) -> Iterator[TestClient]:
    assert env
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture(scope="module")
def counts(env: dict[str, str], graph: Graph) -> dict[str, int]:
    assert env
    c = export.fact_graph_counts(graph)
    assert c["nodes"] > 10 and c["edges"] > 10
    return c


def _cli(env: dict[str, str], *args: str) -> None:
    result = CliRunner().invoke(cli, ["export", *args], env=env)
    assert result.exit_code == 0, result.output


def test_graphml_round_trip(client: TestClient, counts: dict[str, int]) -> None:
    r = client.get("/v1/export", params={"format": "graphml"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/graphml+xml")
    g = nx.read_graphml(io.BytesIO(r.content), force_multigraph=True)
    assert (g.number_of_nodes(), g.number_of_edges()) == (counts["nodes"], counts["edges"])
    assert g.nodes[KASPERSKY]["name"] == "Kaspersky Lab" and g.nodes[KASPERSKY]["type"] == "Firm"
    ties = [d for _, o, d in g.out_edges(KASPERSKY, data=True) if o == "agency:fsb"]
    assert ties and ties[0]["predicate"] == "alleged-tie-to" and "alleged" in ties[0]["stances"]
    assert {"fact_id", "valid_from", "valid_to", "n_sources"} <= set(ties[0])


def test_gexf_from_the_cli(env: dict[str, str], counts: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "g.gexf"
    _cli(env, "--format", "gexf", str(out))
    g = nx.read_gexf(out)
    assert (g.number_of_nodes(), g.number_of_edges()) == (counts["nodes"], counts["edges"])


def test_neighbourhood(client: TestClient, counts: dict[str, int]) -> None:
    r = client.get("/v1/export", params={"format": "graphml", "entity": KASPERSKY, "hops": 1})
    g = nx.read_graphml(io.BytesIO(r.content), force_multigraph=True)
    assert KASPERSKY in g and "agency:fsb" in g
    assert 1 < g.number_of_nodes() < counts["nodes"]
    assert all(KASPERSKY in g.predecessors(n) or KASPERSKY in g.successors(n) for n in g if n != KASPERSKY)
    assert client.get("/v1/export", params={"entity": "firm:nope"}).json()["error"]["code"] == "not_found"
    assert client.get("/v1/export", params={"entity": KASPERSKY, "hops": 0}).status_code == 422
    assert client.get("/v1/export", params={"format": "pdf"}).status_code == 422


def test_csv_zip(client: TestClient, counts: dict[str, int]) -> None:
    r = client.get("/v1/export", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    zf = zipfile.ZipFile(io.BytesIO(r.content))
    assert sorted(zf.namelist()) == ["edges.csv", "nodes.csv"]
    nodes = list(csv.DictReader(io.TextIOWrapper(zf.open("nodes.csv"), "utf-8")))
    edges = list(csv.DictReader(io.TextIOWrapper(zf.open("edges.csv"), "utf-8")))
    assert (len(nodes), len(edges)) == (counts["nodes"], counts["edges"])
    assert {"fact_id", "subject", "predicate", "object", "stances", "sources"} <= set(edges[0])
    assert {"subject_name", "object_name", "valid_from", "valid_to", "quote"} <= set(edges[0])
    assert all(e["subject_name"] and e["object_name"] for e in edges)  # every end is a node of the export
    assert any(e["quote"] for e in edges)


def test_ftm(client: TestClient) -> None:
    r = client.get("/v1/export", params={"format": "ftm"})
    assert r.status_code == 200
    proxies = [model.get_proxy(json.loads(line)) for line in r.text.splitlines()]
    by_schema: dict[str, list[str]] = {}
    for p in proxies:
        by_schema.setdefault(p.schema.name, []).append(p.id or "")
    assert "regkg-firm-kaspersky-lab" in by_schema["Company"]
    assert "regkg-agency-fsb" in by_schema["PublicBody"]
    sanctions = [p for p in proxies if p.schema.name == "Sanction"]
    assert any(p.get("entity") == ["regkg-firm-kaspersky-lab"] for p in sanctions)
    ties = [p for p in proxies if p.schema.name == "UnknownLink" and p.get("object") == ["regkg-agency-fsb"]]
    assert ties and "alleged" in ties[0].first("summary", quiet=True)  # type: ignore[operator]
    ids = {p.id for p in proxies}
    for p in proxies:  # every reference resolves
        for prop, value in p.itervalues():
            if prop.type.name == "entity":
                assert value in ids


def test_neo4j_import_loads_into_a_fresh_server(env: dict[str, str], counts: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "import"
    _cli(env, "--format", "neo4j-import", str(out))
    header = (out / "nodes.csv").read_text().splitlines()[0]
    assert header.startswith("id:ID,:LABEL,name")
    assert (out / "relationships.csv").read_text().startswith(":START_ID,:END_ID,:TYPE,")

    server = LocalNeo4j(tmp_path / "fresh", port=free_port(), heap="512m", pagecache="64m")
    info = server.start()
    try:
        for name in ("nodes.csv", "relationships.csv"):
            shutil.copy(out / name, server.home / "import" / name)
        with Graph.connect(Settings(neo4j_uri=info.uri, neo4j_password="")) as fresh:
            export.load_import_csv(fresh, "file:///nodes.csv", "file:///relationships.csv")
            assert export.fact_graph_counts(fresh) == counts
            tie = [f for f in export.fact_graph(fresh, KASPERSKY, 1).facts if f["object"] == "agency:fsb"]
            assert tie and tie[0]["predicate"] == "alleged-tie-to"
    finally:
        server.stop()
