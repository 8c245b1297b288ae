"""Issue 16: the FtM delta format. A delta's DEL and MOD ops end, on its date, what the records
they touch no longer state; its ADD ops add. Base export 2024-04-01, delta 2024-05-01 (dates read
from the file names): the sanction on Bolt Avionics is deleted, the ownership record now names
Bolt instead of Acme, and Ivan Testov is sanctioned.
"""

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
from graph import invariants, maintenance
from graph.database import Graph
from tests.conftest import cli_env

DELTA = Path(__file__).resolve().parents[1] / "fixtures" / "ftm" / "delta"
BASE, CHANGES = DELTA / "base-2024-04-01.ftm.jsonl", DELTA / "delta-2024-05-01.ftm.jsonl"
ACME, BOLT, TESTOV = "firm:ftm-dl-acme", "firm:ftm-dl-bolt", "person:ftm-dl-testov"
OFAC = "agency:us-ofac"


def run(settings: Settings, *args: str) -> str:
    result = CliRunner().invoke(cli, list(args), env=cli_env(settings))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    maintenance.wipe(graph)
    with TestClient(create_app(settings)) as c:
        yield c


def ok(client: TestClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def fact(client: TestClient, subject: str, predicate: str, obj: str) -> dict[str, Any]:
    (found,) = ok(client, "/v1/facts", subject=subject, predicate=predicate, object=obj)["items"]
    return found  # type: ignore[no-any-return]


def test_a_delta_ends_what_its_ops_no_longer_state(client: TestClient, graph: Graph, settings: Settings) -> None:
    run(settings, "load", "ftm", str(BASE), "--version-date", "file")
    since = ok(client, "/v1/loads", limit=1)["items"][0]["id"]
    out = run(settings, "load", "ftm", str(CHANGES), "--version-date", "file")
    assert "ftm delta 2024-05-01: 1 record(s) deleted; 3 fact(s) ended, 0 returned" in out

    assert fact(client, BOLT, "sanctioned-by", OFAC)["valid_to"] == "2024-05-01"  # the deleted sanction
    assert fact(client, ACME, "sanctioned-by", OFAC)["valid_to"] is None  # untouched
    assert fact(client, TESTOV, "owns", ACME)["valid_to"] == "2024-05-01"  # the modified ownership...
    assert fact(client, TESTOV, "owns", BOLT)["valid_to"] is None  # ... now names Bolt
    assert fact(client, TESTOV, "sanctioned-by", OFAC)["valid_from"] == "2024-04-20"  # added
    before = ok(client, f"/v1/entities/{BOLT}/neighbors", predicates="sanctioned-by", as_of="2024-04-15")["edges"]
    after = ok(client, f"/v1/entities/{BOLT}/neighbors", predicates="sanctioned-by", as_of="2024-05-02")["edges"]
    assert [e["object"] for e in before] == [OFAC] and after == []

    feed = ok(client, "/v1/changes", since=since, limit=50)["items"]
    changes = sorted((i["change"], i["subject"], i["predicate"], i["object"]) for i in feed)
    assert [c for c in changes if c[0] == "ended"] == [
        ("ended", BOLT, "listed-on", "list:ftm-office-of-foreign-assets-control-russia-eo14024"),
        ("ended", BOLT, "sanctioned-by", OFAC),
        ("ended", TESTOV, "owns", ACME),
    ]
    assert {c[1:] for c in changes if c[0] == "added"} >= {(TESTOV, "owns", BOLT), (TESTOV, "sanctioned-by", OFAC)}

    # the records keep the days the export says they were first and last seen
    body = ok(client, f"/v1/facts/{fact(client, TESTOV, 'owns', BOLT)['fact_id']}/provenance")
    (claim,) = body["claims"]
    source = claim["citations"][0]["source"]
    assert (source["first_seen"], source["last_seen"]) == ("2023-01-10", "2024-05-01")
    assert not any(invariants.violations(graph).values())


def test_the_same_delta_again_changes_nothing(client: TestClient, graph: Graph, settings: Settings) -> None:
    before = maintenance.counts(graph), maintenance.domain_counts(graph)
    out = run(settings, "load", "ftm", str(CHANGES), "--version-date", "file")
    assert "0 fact(s) ended, 0 returned" in out
    assert (maintenance.counts(graph), maintenance.domain_counts(graph)) == before


def test_a_delta_without_a_date_is_refused(settings: Settings, tmp_path: Path) -> None:
    undated = tmp_path / "delta.ftm.jsonl"
    undated.write_bytes(CHANGES.read_bytes())
    result = CliRunner().invoke(cli, ["load", "ftm", str(undated)], env=cli_env(settings))
    assert result.exit_code != 0 and "--version-date" in result.output
