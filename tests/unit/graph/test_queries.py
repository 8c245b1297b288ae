"""Text contracts of the write-side and admin query builders (graph.queries, graph.migrations):
labels and types formatted in from the schema, every value a parameter."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph import migrations, queries, storage
from schema.ontology import EntityType, Predicate


def test_merge_entities_sets_the_label_and_takes_rows_as_a_parameter() -> None:
    query = queries.merge_entities(EntityType.FIRM.value)
    assert query.startswith("UNWIND $rows AS row MERGE (e:Entity {id: row.id})")
    assert "SET e:Firm, e += row.props" in query


def test_create_entities_creates_with_both_labels() -> None:
    assert "CREATE (e:Entity:Agency {id: row.id})" in queries.create_entities(EntityType.AGENCY.value)


@pytest.mark.parametrize(("build", "verb"), [(queries.create_facts, "CREATE"), (queries.merge_facts, "MERGE")])
def test_fact_edges_are_keyed_by_fact_id(build: Callable[[str], str], verb: str) -> None:
    query = build(Predicate.BANNED_BY.rel_type)
    assert f"{verb} (s)-[r:BANNED_BY {{fact_id: row.fact_id}}]->(o)" in query
    assert "MATCH (s:Entity {id: row.subject}) MATCH (o:Entity {id: row.object})" in query
    assert query.endswith("SET r += row.props")


def test_related_pairs_joins_the_types() -> None:
    query = queries.related_pairs(("SAME_AS", "LINKED_TO"))
    assert "[r:SAME_AS|LINKED_TO]" in query
    assert "a.type IN $types" in query


def test_index_and_constraint_statements() -> None:
    assert queries.unique_constraint("entity_id", "Entity", "id") == (
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE"
    )
    assert queries.property_index("run_input", "LoadRun", ("loader", "input_sha256")) == (
        "CREATE INDEX run_input IF NOT EXISTS FOR (n:LoadRun) ON (n.loader, n.input_sha256)"
    )
    assert queries.relationship_index("fact_id_owns", "OWNS", "fact_id") == (
        "CREATE INDEX fact_id_owns IF NOT EXISTS FOR ()-[r:OWNS]-() ON (r.fact_id)"
    )
    assert queries.fulltext_index("names", "Entity", ("name", "alias_text"), "standard-folding") == (
        "CREATE FULLTEXT INDEX names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.alias_text] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}"
    )


def test_migrations_declare_a_fact_id_index_per_predicate_and_are_idempotent() -> None:
    stmts = migrations.statements()
    for p in Predicate:
        assert f"FOR ()-[r:{p.rel_type}]-() ON (r.fact_id)" in "\n".join(stmts)
    expected = (
        len(storage.UNIQUE_KEYS)
        + len(storage.PROPERTY_INDEXES)
        + len(storage.RELATIONSHIP_INDEXES)
        + len(storage.FULLTEXT_INDEXES)
        + len(storage.DROPPED_INDEXES)
        + len(storage.DROPPED_CONSTRAINTS)
    )
    assert len(stmts) == expected
    assert all(
        "IF NOT EXISTS" in s or s.startswith(("DROP INDEX", "DROP CONSTRAINT")) and s.endswith("IF EXISTS")
        for s in stmts
    )


def test_write_queries_take_values_as_parameters() -> None:
    assert "$ids" in queries.CLAIMS_EXISTING
    assert "$run" in queries.CREATE_CLAIMS and "$rows" in queries.CREATE_CLAIMS
    assert "$fact_ids" in queries.FACT_CLAIMS
    assert "$loader" in queries.RUN_PREVIOUS_SUCCESS and "$sha" in queries.RUN_PREVIOUS_SUCCESS
