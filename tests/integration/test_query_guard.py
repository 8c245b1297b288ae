"""Guarded analyst Cypher: 40+ write or escape attempts refused, counts unchanged; runaway reads end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from config import Settings
from graph import maintenance
from graph.database import Graph
from tests.conftest import load_fresh

SEED = Path(__file__).resolve().parents[2] / "data" / "seed"

ATTEMPTS = [
    "CREATE (n:Entity {id: 'x'})",
    "create (n)",
    "MERGE (n:Entity {id: 'firm:kaspersky-lab'}) RETURN n",
    "MATCH (n:Entity) SET n.name = 'pwned'",
    "MATCH (n:Entity) SET n:Hacked",
    "MATCH (n:Entity) REMOVE n.name",
    "MATCH (n:Entity) REMOVE n:Firm",
    "MATCH (n:Claim) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH ()-[r]->() DELETE r",
    "MATCH (n) FOREACH (x IN [1] | SET n.x = 1)",
    "FOREACH (x IN range(1, 3) | CREATE (:Junk))",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row RETURN row",
    "CALL db.createLabel('Junk')",
    "CALL db.createProperty('junk')",
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    "CALL dbms.security.createUser('eve', 'password123', false)",
    "CALL db.clearQueryCaches()",
    "CALL dbms.killQueries(['query-1'])",
    "CALL apoc.create.node(['Junk'], {})",
    "RETURN apoc.text.join(['a'], ',')",
    "CALL apoc.cypher.runWrite('CREATE (n)', {})",
    "MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS RETURN count(*)",
    "CALL { CREATE (n:Junk) } IN TRANSACTIONS OF 10 ROWS",
    "CREATE INDEX junk FOR (n:Junk) ON (n.x)",
    "DROP INDEX entity_names",
    "CREATE CONSTRAINT junk FOR (n:Junk) REQUIRE n.x IS UNIQUE",
    "DROP CONSTRAINT entity_id",
    "CREATE DATABASE junk",
    "STOP DATABASE neo4j",
    "SHOW USERS",
    "ALTER USER neo4j SET PASSWORD 'abcdefgh'",
    "GRANT ROLE admin TO eve",
    "MATCH (n) RETURN n; CREATE (m)",
    "MATCH (n) RETURN count(n);\nMATCH (n) DETACH DELETE n",
    "MATCH (n) RETURN n // harmless\nCREATE (m)",
    "MATCH (n) /* comment */ CREATE (m) RETURN m",
    "MATCH (n) WHERE n.name = 'x' CREATE (m) RETURN m",
    "CYPHER runtime=interpreted CREATE (n)",
    "CYPHER 5 MATCH (n) DETACH DELETE n",
    "EXPLAIN CREATE (n)",
    "PROFILE MATCH (n) RETURN n",
    "USE system SHOW USERS",
    "ＣＲＥＡＴＥ (n)",  # fullwidth letters (NFKC folds them to CREATE)
    "MATCH (n) RETURN n \u200b CREATE (m)",  # zero-width space
    "MATCH (n) RETURN n\u202e ETAERC",  # right-to-left override
    "MATCH (n) RETURN n \\u0043REATE (m)",
    "CALL db.index.fulltext.queryNodes('entity_names', 'x') YIELD node SET node.x = 1",
    "UNWIND [1] AS x CALL { WITH x CREATE (:Junk {x: x}) } RETURN x",
    "MATCH (n) WITH n LIMIT 1 MERGE (n)-[:OWNS]->(n)",
    "WITH 1 AS x CALL db.awaitIndexes() RETURN x",
]


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    load_fresh(graph, settings, SEED)
    with TestClient(create_app(settings)) as c:
        yield c


def test_corpus_is_large_enough() -> None:
    assert len(ATTEMPTS) >= 40


def test_every_attempt_is_refused_and_nothing_changes(client: TestClient, graph: Graph) -> None:
    before = maintenance.counts(graph)
    passed = []
    for cypher in ATTEMPTS:
        r = client.post("/v1/query", json={"cypher": cypher})
        if not (400 <= r.status_code < 500 and "error" in r.json()):
            passed.append((cypher, r.status_code, r.text[:200]))
    assert passed == []
    assert maintenance.counts(graph) == before
    assert graph.read("MATCH (n:Entity {name: 'pwned'}) RETURN count(n) AS n")[0]["n"] == 0


def test_reads_work_with_parameters_and_row_cap(client: TestClient) -> None:
    r = client.post(
        "/v1/query",
        json={
            "cypher": "MATCH (e:Entity) WHERE e.country = $c RETURN e.id AS id, e.name AS name ORDER BY id",
            "params": {"c": "RU"},
            "limit": 2,
        },
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["columns"] == ["id", "name"] and len(body["rows"]) == 2 and body["truncated"] is True
    r = client.post("/v1/query", json={"cypher": "MATCH (c)-[k:CITES]->(s) RETURN k.start AS start LIMIT 1"})
    assert r.status_code == 200, r.text  # `start` as a property is not the START keyword
    r = client.post("/v1/query", json={"cypher": "MATCH p = (:Firm)-[:BANNED_BY]->() RETURN p, date() AS today"})
    assert r.status_code == 200, r.text
    path = r.json()["rows"][0][0]
    assert path["nodes"][0]["properties"]["id"] == "firm:kaspersky-lab"
    assert client.post("/v1/query", json={"cypher": "CALL db.labels() YIELD label RETURN label"}).status_code == 200


def test_syntax_error_is_a_clear_4xx(client: TestClient) -> None:
    r = client.post("/v1/query", json={"cypher": "MATCH (n RETURN n"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_input"


def test_runaway_read_times_out_and_the_next_request_works(client: TestClient, settings: Settings) -> None:
    r = client.post(
        "/v1/query",
        json={"cypher": "UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n"},
    )
    assert r.status_code in (408, 504, 400, 422), r.text
    assert r.json()["error"]["code"] == "query_timeout"
    assert client.get("/v1/entities", params={"q": "kaspersky"}).status_code == 200
    assert client.post("/v1/query", json={"cypher": "RETURN 1 AS one"}).json()["rows"] == [[1]]
