"""The article workflow on the real Neo4j: extract → review draft → load; and POST /v1/extract."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli
from config import Settings
from graph import invariants, maintenance
from graph.database import Graph
from tests.conftest import load_fresh

SEED = Path(__file__).resolve().parents[2] / "data" / "seed"
ARTICLE = SEED / "000_66c8fb9bb78ccfc2.txt"


def env(settings: Settings) -> dict[str, str]:
    return {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    load_fresh(graph, settings, SEED)
    with TestClient(create_app(settings)) as c:
        yield c


def test_extract_needs_the_api_key(client: TestClient) -> None:
    r = client.post("/v1/extract", json={"text": ARTICLE.read_text(encoding="utf-8")})
    assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    r = client.post("/v1/extract", json={"text": "x"}, headers={"X-API-Key": "wrong"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden"  # a key, but not a valid one


def test_extract_returns_candidates_with_exact_quotes(client: TestClient, settings: Settings) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    r = client.post(
        "/v1/extract",
        json={"text": text, "meta": {"publisher": "SafetyDetectives", "title": "US Considers Action"}},
        headers={"X-API-Key": settings.api_key.get_secret_value()},
    )
    assert r.status_code == 200, r.text
    body = r.json()
    triples = {(c["subject"], c["predicate"], c["object"], c["stance"]) for c in body["claims"]}
    assert ("firm:kaspersky-lab", "alleged-tie-to", "agency:fsb", "alleged") in triples
    assert ("firm:kaspersky-lab", "banned-by", "country:us", "asserted") in triples
    assert ("firm:kaspersky-lab", "alleged-tie-to", "agency:kremlin", "alleged") in triples
    for c in body["claims"]:
        assert c["method"] == "extracted"
        for cite in c["citations"]:
            assert text[cite["start"] : cite["end"]] == cite["quote"]
    assert yaml.safe_load(body["curated_yaml"])["claims"]


def test_garbage_is_a_clear_4xx(client: TestClient, settings: Settings) -> None:
    key = {"X-API-Key": settings.api_key.get_secret_value()}
    r = client.post("/v1/extract", json={"text": "\x00\x01\x02" * 100}, headers=key)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_input"
    r = client.post("/v1/extract", json={"text": "Das ist ein deutscher Text ohne Bezug."}, headers=key)
    assert r.status_code == 200 and r.json()["claims"] == []


def test_cli_extract_then_load_the_reviewed_draft(
    tmp_path: Path, client: TestClient, graph: Graph, settings: Settings
) -> None:
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    (tmp_path / "meta.yaml").write_text("title: US Considers Action\npublisher: SafetyDetectives\n")
    result = CliRunner().invoke(
        cli, ["extract", str(tmp_path / "article.txt"), "--meta", str(tmp_path / "meta.yaml")], env=env(settings)
    )
    assert result.exit_code == 0, result.output
    draft = tmp_path / "draft.yaml"
    draft.write_text(result.stdout)
    before = maintenance.domain_counts(graph)["claims"]
    loaded = CliRunner().invoke(cli, ["load", "curated", str(draft)], env=env(settings))
    assert loaded.exit_code == 0, loaded.output
    assert maintenance.domain_counts(graph)["claims"] > before
    assert not any(invariants.violations(graph).values())
    rows = graph.read("MATCH (c:Claim {method: 'extracted'}) RETURN count(c) AS n")
    assert rows[0]["n"] > 0
