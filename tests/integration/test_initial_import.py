"""Issue 21: ``regkg db import`` builds, with neo4j-admin, the graph the transactional load builds.

The same XS input — the seed through the curated loader, then a real CSL excerpt and the FCC
Covered List streamed in small batches (entities come back in later batches: the writer merges
them, the import holds them) — is loaded once through the writer into the session's database and
once through the initial import into a database of its own; the two graphs have the same nodes by
label, relationships by type, the same properties (timestamps and run ids aside) and both keep
the invariants. A non-empty database is refused without ``--replace``; a failing import leaves it
as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.db_import import _spec
from cli.main import app as cli
from config import Settings
from graph import ingest, initial_import, invariants, lookup, maintenance
from graph.database import Graph
from graph.import_tables import RunInput
from graph.initial_import import DatabaseInUse, ImportFailed
from graph.localdb import LocalNeo4j, free_port
from loaders import csl, curated, fcc
from loaders.base import input_digest
from schema.errors import InvalidInput

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "seed"
CSL = ROOT / "tests" / "fixtures" / "real" / "csl_us_trade_gov_2019_excerpt.csv"
FCC = ROOT / "tests" / "fixtures" / "real" / "fcc_covered_list_2026.csv"
BATCH = 10

TIMES = {"created_at", "updated_at", "started_at", "finished_at", "applied_at"}


def _specs() -> list[RunInput]:
    return [_spec("curated", [SEED], BATCH), _spec("csl", [CSL], BATCH), _spec("fcc", [FCC], BATCH)]


def _transactional(graph: Graph) -> None:
    """What `regkg load curated data/seed`, `regkg load csl …` and `regkg load fcc …` write."""
    parsed = curated.load([SEED], resolve_external=lambda ids: lookup.resolve_ids(graph, ids))
    inputs = [str(p) for p in parsed.inputs]
    ingest.ingest(graph, parsed, loader="curated", inputs=inputs, input_sha256=input_digest(parsed.inputs),
                  batch_size=BATCH)  # fmt: skip
    for loader, batches, path in (("csl", csl.iter_batches, CSL), ("fcc", fcc.iter_batches, FCC)):
        ingest.ingest_stream(graph, batches([path], BATCH), loader=loader, inputs=[str(path)],
                             input_sha256=input_digest([path]), batch_size=BATCH)  # fmt: skip


def _snapshot(graph: Graph) -> dict[str, list[str]]:
    """Every node and relationship with its properties (timestamps out, run ids as their loader)."""
    runs = {
        r["id"]: f"run<{r['loader']}>" for r in graph.read("MATCH (r:LoadRun) RETURN r.id AS id, r.loader AS loader")
    }

    def clean(props: dict[str, Any]) -> str:
        kept = {k: (runs.get(v, v) if k == "id" else v) for k, v in props.items() if k not in TIMES}
        return json.dumps(kept, sort_keys=True, default=str)

    nodes = sorted(
        f"{sorted(r['labels'])} {clean(r['props'])}"
        for r in graph.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    )
    rels = sorted(
        f"{runs.get(r['a'], r['a'])} -{r['type']}-> {r['b']} {clean(r['props'])}"
        for r in graph.read("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")
    )
    return {"nodes": nodes, "relationships": rels}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Settings, initial_import.ImportReport]]:
    """The same input through the initial import, into a local database of its own (left running)."""
    home = tmp_path_factory.mktemp("import") / "home"
    settings = Settings(env="test", neo4j_uri=f"bolt://127.0.0.1:{free_port()}", neo4j_password="",
                        local_db_dir=home, local_db_heap="512m", local_db_pagecache="64m")  # fmt: skip
    report = initial_import.initial_import(settings, _specs(), batch_size=BATCH, start=True)
    try:
        yield settings, report
    finally:
        LocalNeo4j.from_settings(settings).stop()


def test_the_initial_import_builds_the_graph_the_writer_builds(
    clean_graph: Graph, imported: tuple[Settings, initial_import.ImportReport]
) -> None:
    settings, report = imported
    _transactional(clean_graph)
    assert report.passes == 2  # a batch came back to what an earlier one had: the second pass held it
    assert report.replaced is False and report.started is True
    with Graph.connect(settings) as new:
        assert maintenance.shape(new) == maintenance.shape(clean_graph)
        assert maintenance.domain_counts(new) == maintenance.domain_counts(clean_graph)
        assert not {k: v for k, v in invariants.violations(new).items() if v}
        assert not {k: v for k, v in invariants.violations(clean_graph).items() if v}
        theirs, ours = _snapshot(clean_graph), _snapshot(new)
        assert len(theirs["nodes"]) > 400 and len(theirs["relationships"]) > 1000
        assert ours["nodes"] == theirs["nodes"]  # LoadRun counts included: the same runs, the same tallies
        assert ours["relationships"] == theirs["relationships"]
        # no path stores an empty list (the import tool cannot): the same graph without a fill afterwards
        assert not [x for x in [*ours["nodes"], *ours["relationships"]] if ": []" in x]


def test_a_non_empty_database_is_refused_and_a_failed_import_leaves_it_as_it_was(
    imported: tuple[Settings, initial_import.ImportReport], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, _ = imported
    home = settings.local_db_dir
    with Graph.connect(settings) as g:
        before = _snapshot(g)

    with pytest.raises(DatabaseInUse, match="--replace"):
        initial_import.initial_import(settings, _specs(), batch_size=BATCH)
    env = {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_LOCAL_DB_DIR": str(home), "REGKG_NEO4J_PASSWORD": ""}
    result = CliRunner().invoke(cli, ["db", "import", "curated", str(SEED)], env=env)
    assert result.exit_code == 1 and "--replace" in result.output and "nothing imported" in result.output

    # bad input: an entity the claims need is missing — refused while the tables are written
    parsed = curated.load([SEED])
    parsed.entities = parsed.entities[1:]
    broken = RunInput("curated", batches=lambda _resolve: [parsed], whole=True)
    with pytest.raises(InvalidInput, match="unknown reference"):
        initial_import.initial_import(settings, [broken], replace=True)

    # the new database is built and imported, but breaks an invariant: nothing replaced
    monkeypatch.setattr(initial_import.invariants, "violations", lambda _g: {"quotes_not_in_source": ["c -> s"]})
    with pytest.raises(ImportFailed, match="invariants"):
        initial_import.initial_import(settings, [_spec("curated", [SEED], BATCH)], replace=True)
    monkeypatch.undo()

    assert LocalNeo4j.from_settings(settings).status() is not None  # never stopped
    with Graph.connect(settings) as g:
        assert _snapshot(g) == before
    assert not list(home.parent.glob(f"{home.name}.import-*"))  # the work directories are gone
    assert not list(home.glob("data.replaced-*"))

    # told to replace it: the new one (the seed alone) takes its place, the server restarted on it
    report = initial_import.initial_import(settings, [_spec("curated", [SEED], BATCH)], replace=True)
    assert report.replaced and report.started
    with Graph.connect(settings) as g:
        counts = maintenance.domain_counts(g)
    assert counts["load_runs"] == 1 and counts["claims"] == report.claims > 0
    assert not list(home.glob("data.replaced-*"))


def test_a_remote_database_is_refused_naming_the_setting(tmp_path: Path) -> None:
    settings = Settings(env="test", neo4j_uri="bolt://graph.example.org:7687", local_db_dir=tmp_path)
    with pytest.raises(initial_import.NotLocal, match="REGKG_NEO4J_URI"):
        initial_import.initial_import(settings, _specs())
    assert not list(tmp_path.iterdir())
