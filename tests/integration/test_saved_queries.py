"""Issue 17, the analyst's side: saved queries (CLI and API, through the guard), CSV from
POST /v1/query, syntax errors that point into the analyst's own text, hashed API keys and a key
required on reads — on the real Neo4j (seed, analysts' curated files, the FCC sample, an FtM sample)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from api.app import create_app
from api.routers.claims import EXAMPLE
from cli.main import app as cli
from config import Settings
from graph import maintenance
from graph.database import Graph
from tests.conftest import FIXTURES, cli_env, load_fresh

ROOT = Path(__file__).resolve().parents[2]
KASPERSKY = "firm:kaspersky-lab"
SAVED = {"on-list", "sanctioned-since", "owners-of-listed", "disputed-by-target", "ownership-at-least"}


def run(settings: Settings, *args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, list(args), env=cli_env(settings))
    assert result.exit_code == code, result.output
    return result


def lines(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def seeded(graph: Graph, settings: Settings) -> Graph:
    load_fresh(graph, settings)
    run(settings, "load", "curated", str(ROOT / "data" / "curated"))
    run(settings, "load", "fcc", str(ROOT / "data" / "samples" / "fcc_covered_list_2026.csv"))
    run(settings, "load", "ftm", str(FIXTURES / "ftm" / "sample.ftm.jsonl"))
    return graph


@pytest.fixture(scope="module")
def client(seeded: Graph, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


# -- saved queries ---------------------------------------------------------------------------


def test_cli_lists_the_saved_queries_with_their_parameters(seeded: Graph, settings: Settings) -> None:
    listed = {q["name"]: q for q in lines(run(settings, "query", "--list", "--format", "json"))}
    assert set(listed) == SAVED
    assert all(q["description"] for q in listed.values())
    assert {"name": "min_percent", "type": "float", "required": False, "default": 50.0} == {
        k: v for k, v in listed["ownership-at-least"]["params"][0].items() if k != "description"
    }
    assert "on-list" in run(settings, "query", "--list").stdout  # the table


def test_cli_runs_saved_queries_by_name(seeded: Graph, settings: Settings) -> None:
    on_bis = lines(run(settings, "query", "on-list", "--param", "list=list:us-bis-entity-list", "--format", "json"))
    kaspersky = next(r for r in on_bis if r["id"] == KASPERSKY)
    assert kaspersky["listed_from"] == "2024-06-20" and "Entity List" in kaspersky["quote"]
    assert kaspersky["publisher"] == "Bureau of Industry and Security"
    # as_of before the listing: not in force then
    early = lines(run(settings, "query", "--saved", "on-list", "--param", "as_of=2020", "--format", "json"))
    assert KASPERSKY not in {r["id"] for r in early}

    stakes = lines(run(settings, "query", "ownership-at-least", "--param", "min_percent=50", "--format", "json"))
    assert [(s["owner_id"], s["owned_id"], s["percent"]) for s in stakes] == [
        ("person:ftm-ivan-testov", "firm:ftm-acme-holding", 51.0)
    ]
    assert stakes[0]["owned_listed"] is True
    assert run(settings, "query", "ownership-at-least", "--param", "min_percent=60", "--format", "json").stdout == ""
    # the percentage is a number on the claim and on the fact edge: an analyst filters it in Cypher
    typed = "MATCH (o)-[r:OWNS]->(a) WHERE r.percentage >= 50 RETURN o.id AS owner, r.percentage AS percent"
    assert lines(run(settings, "query", typed, "--format", "json")) == [
        {"owner": "person:ftm-ivan-testov", "percent": 51.0}
    ]

    disputed = lines(run(settings, "query", "disputed-by-target", "--format", "json"))
    ban = next(r for r in disputed if r["subject"] == KASPERSKY and r["predicate"] == "banned-by")
    assert ban["contested_by"] == ["Kaspersky Lab"] and "political grounds" in ban["rebuttal_quote"]

    since = lines(run(settings, "query", "sanctioned-since", "--param", "since=2022", "--format", "json"))
    assert ("firm:ftm-acme-holding", "sanctioned-by") in {(r["id"], r["predicate"]) for r in since}
    # a body part of the authority counts: the US covers Commerce, which covers BIS
    us = lines(run(settings, "query", "sanctioned-since", "--param", "authority=country:us", "--param",
                   "since=2024-06", "--format", "json"))  # fmt: skip
    assert ("firm:kaspersky-lab-inc", "agency:us-bis", "2024-06-20") in {
        (r["id"], r["measure_id"], r["since"]) for r in us
    }

    owners = lines(run(settings, "query", "owners-of-listed", "--param", "max_hops=3", "--format", "json"))
    assert ("person:ftm-ivan-testov", "firm:ftm-acme-holding", 1) in {
        (r["owner_id"], r["listed_id"], r["hops"]) for r in owners
    }
    parent = next(r for r in owners if r["listed_id"] == "firm:fcc-comnet-usa-llc")  # subsidiary-of, walked up
    assert parent["owner_id"] == "firm:fcc-pacific-networks-corp" and parent["measures"] == ["FCC Covered List"]
    assert parent["chain"] == "ComNet (USA) LLC <- Pacific Networks Corp"


def test_cli_checks_saved_parameters(seeded: Graph, settings: Settings) -> None:
    unknown = run(settings, "query", "on-list", "--param", "lst=x", code=1)
    assert "no parameter lst" in unknown.output and "list, as_of" in unknown.output
    assert "is a float" in run(settings, "query", "ownership-at-least", "--param", "min_percent=lots", code=1).output
    assert "not a date" in run(settings, "query", "on-list", "--param", "as_of=yesterday", code=1).output
    assert "no saved query named 'nope'" in run(settings, "query", "nope", code=1).output


def test_api_lists_and_runs_saved_queries(client: TestClient) -> None:
    body = client.get("/v1/queries").json()
    assert body["total"] == len(body["items"]) == len(SAVED)
    names = {q["name"]: q for q in body["items"]}
    assert set(names) == SAVED
    assert [p["name"] for p in names["on-list"]["params"]] == ["list", "as_of"]
    assert names["on-list"]["cypher"].startswith("// description:")
    for name in SAVED:  # every one runs with its defaults, through the guard
        r = client.post("/v1/query", json={"saved": name})
        assert r.status_code == 200, (name, r.text)
    r = client.post("/v1/query", json={"saved": "ownership-at-least", "params": {"min_percent": 50}})
    body = r.json()
    assert body["columns"][:2] == ["owner_id", "owner"] and body["rows"][0][0] == "person:ftm-ivan-testov"
    bad = client.post("/v1/query", json={"saved": "ownership-at-least", "params": {"min_percent": "half"}})
    assert bad.status_code == 422 and bad.json()["error"]["details"]["field"] == "params.min_percent"
    assert client.post("/v1/query", json={"saved": "on-list", "params": {"x": 1}}).status_code == 422
    missing = client.post("/v1/query", json={"saved": "no-such-query"})
    assert missing.status_code == 404 and "on-list" in missing.json()["error"]["message"]
    assert client.post("/v1/query", json={"saved": "on-list", "cypher": "RETURN 1"}).status_code == 422
    assert client.post("/v1/query", json={"params": {}}).status_code == 422


def test_a_saved_query_goes_through_the_same_guard(seeded: Graph, settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "sneaky.cypher").write_text(
        '// description: looks harmless\n// param name: string = "x" -- a name\n'
        "MATCH (e:Entity) WHERE e.name = $name SET e.name = 'pwned' RETURN e\n",
        encoding="utf-8",
    )
    before = maintenance.counts(seeded)
    with TestClient(create_app(settings.model_copy(update={"queries_dir": tmp_path}))) as c:
        assert [q["name"] for q in c.get("/v1/queries").json()["items"]] == ["sneaky"]
        r = c.post("/v1/query", json={"saved": "sneaky"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "query_refused"
    assert maintenance.counts(seeded) == before


# -- CSV on Accept -------------------------------------------------------------------------


def test_query_answers_csv_when_accept_asks(client: TestClient) -> None:
    statement = {
        "cypher": "MATCH (e:Entity) WHERE e.country = $c RETURN e.id AS id, e.name AS name, e.aliases AS aliases "
        "ORDER BY id",
        "params": {"c": "RU"},
    }
    as_json = client.post("/v1/query", json=statement).json()
    r = client.post("/v1/query", json=statement, headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["x-regkg-truncated"] == "false"
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["id", "name", "aliases"] == as_json["columns"]
    assert [row[:2] for row in rows[1:]] == [row[:2] for row in as_json["rows"]] and len(rows) > 2
    assert [json.loads(row[2]) if row[2] else None for row in rows[1:]] == [row[2] for row in as_json["rows"]]
    # JSON otherwise, also when CSV is only an afterthought
    for accept in ("application/json", "*/*", "application/json, text/csv;q=0.5"):
        answer = client.post("/v1/query", json=statement, headers={"Accept": accept})
        assert answer.headers["content-type"].startswith("application/json") and answer.json() == as_json, accept
    covered = {"list": "list:us-fcc-covered-list"}
    saved = client.post(
        "/v1/query", json={"saved": "on-list", "params": covered, "limit": 1}, headers={"Accept": "text/csv"}
    )
    assert saved.text.splitlines()[0].startswith("id,name,type") and saved.headers["x-regkg-truncated"] == "true"


# -- syntax errors point into the analyst's text --------------------------------------------


def test_syntax_errors_point_into_the_analysts_own_text(client: TestClient, settings: Settings) -> None:
    r = client.post("/v1/query", json={"cypher": "MATCH (n RETURN n"})
    error = r.json()["error"]
    assert r.status_code == 422 and (error["details"]["column"], error["details"]["offset"]) == (10, 9)
    assert "(line 1, column 10 (offset: 9))" in error["message"]  # 'RETURN' is the 10th character
    two_lines = "MATCH (f:Firm)\nRETURN f.name ORDER BY nme"
    details = client.post("/v1/query", json={"cypher": two_lines}).json()["error"]["details"]
    assert (details["line"], details["column"], details["offset"]) == (2, 24, two_lines.index("nme"))
    # a character NFKC folds into two (the ligature ﬁ) before the error: still the analyst's offset
    folded = "MATCH (n) WHERE n.name = 'ﬁx' RETRN n"
    details = client.post("/v1/query", json={"cypher": folded}).json()["error"]["details"]
    assert details["offset"] == folded.index("RETRN") and details["column"] == folded.index("RETRN") + 1
    # the CLI shows the line with a caret under the column
    out = run(settings, "query", "MATCH (f:Firm) RETURN f.name ORDER BY nme", code=1).output
    assert "column 39" in out and "\n" + " " * 38 + "^" in out


# -- API keys: hashes, constant time, reads too when asked ----------------------------------


def test_hashed_keys_and_a_key_on_reads(seeded: Graph, settings: Settings) -> None:
    key = "analyst-key-7f3a9c"
    digest = "sha256:" + hashlib.sha256(key.encode()).hexdigest()
    other = "sha256:" + hashlib.sha256(b"someone-else").hexdigest()
    locked = settings.model_copy(update={"api_keys": [other, digest], "require_key_for_reads": True})
    with TestClient(create_app(locked)) as c:
        for url in ("/v1/entities?q=kaspersky", f"/v1/entities/{KASPERSKY}", "/v1/queries"):
            assert c.get(url).status_code == 401, url
            wrong = c.get(url, headers={"X-API-Key": "guess"})
            assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "forbidden", url
            assert c.get(url, headers={"X-API-Key": key}).status_code == 200, url
        assert c.get("/v1/entities?q=kaspersky&zz=1").status_code == 401  # the key before anything else
        assert c.post("/v1/query", json={"saved": "on-list"}).status_code == 401
        assert c.post("/v1/query", json={"saved": "on-list"}, headers={"X-API-Key": key}).status_code == 200
        # the plain key of REGKG_API_KEY is still accepted alongside the digests
        plain = settings.api_key.get_secret_value()
        assert c.get("/v1/queries", headers={"X-API-Key": plain}).status_code == 200
        for open_url in ("/health", "/docs", "/openapi.json"):
            assert c.get(open_url).status_code == 200, open_url
        # writes: the hashed key works there too
        assert c.post("/v1/claims", json=EXAMPLE).status_code == 401
        assert c.post("/v1/claims", json=EXAMPLE, headers={"X-API-Key": "guess"}).status_code == 403
        assert c.post("/v1/claims", json=EXAMPLE, headers={"X-API-Key": key}).status_code == 201
    # off by default: reads need no key, writes still do
    with TestClient(create_app(settings.model_copy(update={"api_keys": [digest]}))) as c:
        assert c.get("/v1/queries").status_code == 200
        assert c.post("/v1/claims", json=EXAMPLE).status_code == 401
    # the development default key is not accepted once digests are configured
    password = settings.neo4j_password.get_secret_value()
    dev = Settings(neo4j_uri=settings.neo4j_uri, neo4j_password=password, api_keys=digest, warm_queries=False)
    assert dev.api_key.get_secret_value() == "dev-key-change-me"
    with TestClient(create_app(dev)) as c:
        assert c.post("/v1/claims", json=EXAMPLE, headers={"X-API-Key": "dev-key-change-me"}).status_code == 403
