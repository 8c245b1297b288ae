from __future__ import annotations

import pytest

from graph import migrations, screen_decisions, storage
from graph.database import Graph
from schema.errors import Conflict


def test_migrations_twice_leave_the_same_schema(graph: Graph) -> None:
    migrations.migrate(graph)
    first = migrations.describe(graph)
    migrations.migrate(graph)
    second = migrations.describe(graph)
    assert first == second
    names = {c["name"] for c in first["constraints"]}
    assert {k.name for k in storage.UNIQUE_KEYS} <= names
    index_names = {i["name"]: i for i in first["indexes"]}
    for ft in storage.FULLTEXT_INDEXES:
        assert index_names[ft.name]["type"] == "FULLTEXT"
        assert index_names[ft.name]["state"] == "ONLINE"
    assert migrations.applied_version(graph) == storage.SCHEMA_VERSION


def test_duplicate_entity_id_is_refused_as_our_error(clean_graph: Graph) -> None:
    create = "CREATE (:Entity:Firm {id: $id, name: 'Dup'})"
    clean_graph.write(create, {"id": "firm:dup"})
    with pytest.raises(Conflict) as info:
        clean_graph.write(create, {"id": "firm:dup"})
    assert "firm:dup" in info.value.message


def test_schema_4_screening_decisions_become_claims(clean_graph: Graph) -> None:
    """A decision stored as a ScreeningDecision node (schema 4) is rewritten as a screened-as
    claim with its own time, verdict and exposure digest, and the node is gone."""
    clean_graph.write("CREATE (:Entity:Firm {id: 'firm:acme', name: 'Acme', type: 'Firm'})", {})
    clean_graph.write(
        "MATCH (e:Entity {id: 'firm:acme'}) "
        "CREATE (:ScreeningDecision {id: 'screening-decision:old', record_key: 'c-9', verdict: 'false-positive', "
        "by: 'a.analyst', reason: 'another Acme', decided_at: '2026-12-04T10:00:00+00:00', "
        "exposure_digest: 'abc'})-[:ABOUT]->(e)",
        {},
    )
    migrations.migrate(clean_graph)
    listed = screen_decisions.listing(clean_graph, "c-9", 10, 0)
    (d,) = listed["items"]
    assert (d["entity_id"], d["verdict"], d["by"], d["decided_at"], d["exposure_digest"]) == (
        "firm:acme", "false-positive", "a.analyst", "2026-12-04T10:00:00+00:00", "abc"
    )  # fmt: skip
    assert d["id"].startswith("claim:") and d["run"]
    assert clean_graph.read("MATCH (d:ScreeningDecision) RETURN count(d) AS n", {})[0]["n"] == 0
    migrations.migrate(clean_graph)  # again: nothing to do, nothing doubled
    assert screen_decisions.listing(clean_graph, "c-9", 10, 0)["total"] == 1
