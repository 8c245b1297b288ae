"""The analyst's read CLI on the seed: query, search, facts, path, why, exposure."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner, Result

from cli.main import app as cli
from config import Settings
from graph.database import Graph
from tests.conftest import cli_env, load_fresh

KASPERSKY, RUSSIA = "firm:kaspersky-lab", "country:ru"


@pytest.fixture(scope="module")
def seeded(graph: Graph, settings: Settings) -> Graph:
    load_fresh(graph, settings)
    return graph


def run(settings: Settings, *args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, list(args), env=cli_env(settings))
    assert result.exit_code == code, result.output
    return result


def test_query_prints_csv(seeded: Graph, settings: Settings) -> None:
    out = run(settings, "query", "MATCH (f:Firm) RETURN f.name ORDER BY f.name", "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["f.name"] and ["Kaspersky Lab"] in rows


def test_query_takes_params_and_stays_read_only(seeded: Graph, settings: Settings) -> None:
    out = run(settings, "query", "MATCH (e:Entity {id: $id}) RETURN e.name AS name", "--param", f"id={KASPERSKY}",
              "--format", "json").stdout  # fmt: skip
    assert json.loads(out.splitlines()[0]) == {"name": "Kaspersky Lab"}
    refused = run(settings, "query", "CREATE (n:Firm {id: 'firm:x'}) RETURN n", code=1)
    assert "read-only" in refused.output or "refused" in refused.output.lower()


def test_search_facts_and_exposure(seeded: Graph, settings: Settings) -> None:
    first = json.loads(run(settings, "search", "Kaspersky", "--format", "json").stdout.splitlines()[0])
    assert first["id"] == KASPERSKY
    facts = [
        json.loads(line)
        for line in run(settings, "facts", "--subject", KASPERSKY, "--format", "json").stdout.splitlines()
    ]
    assert {"banned-by", "alleged-tie-to"} <= {f["predicate"] for f in facts}
    actions = run(settings, "exposure", KASPERSKY, "--format", "json").stdout.splitlines()
    assert any(json.loads(a)["predicate"] == "banned-by" for a in actions)


def test_path_and_why(seeded: Graph, settings: Settings) -> None:
    hops = list(csv.DictReader(io.StringIO(run(settings, "path", KASPERSKY, RUSSIA, "--format", "csv").stdout)))
    assert hops and hops[0]["path"] == "1" and hops[0]["quote"]
    fact_id = json.loads(
        run(settings, "query", "MATCH (:Entity {id: $s})-[r:ALLEGED_TIE_TO]->(:Entity {id: 'agency:fsb'}) "
            "RETURN r.fact_id AS id", "--param", f"s={KASPERSKY}", "--format", "json").stdout.splitlines()[0]
    )["id"]  # fmt: skip
    why = [json.loads(line) for line in run(settings, "why", fact_id, "--format", "json").stdout.splitlines()]
    assert [(c["stance"], c["publisher"], c["by"]) for c in why] == [("alleged", "SafetyDetectives", "United States")]
    assert "Federal Security Service" in why[0]["quote"]
    assert "1 independent source" in run(settings, "why", fact_id).stdout
