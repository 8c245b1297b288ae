"""Text contracts of the export queries (graph.export_queries, graph.export): hop caps, types from
the Predicate enum, the entity set as a parameter."""

from __future__ import annotations

import re

import pytest

from graph import export
from graph import export_queries as q
from graph.read_queries import rel_types
from schema.errors import InvalidInput
from schema.ontology import Predicate

ALL = rel_types(Predicate)


def test_exports_walk_every_fact_type() -> None:
    assert export.ALL_TYPES == ALL


@pytest.mark.parametrize("hops", [0, 7, -1])
def test_neighbourhood_refuses_hops_out_of_range(hops: int) -> None:
    with pytest.raises(AssertionError):
        q.neighbourhood(ALL, hops)


@pytest.mark.parametrize("hops", [1, 6])
def test_neighbourhood_quantifier_is_the_hop_count(hops: int) -> None:
    query = q.neighbourhood(ALL, hops)
    assert re.findall(r"\{\d+,\d+\}", query) == [f"{{0,{hops}}}"]
    assert f"-[:{ALL}]-" in query
    assert "{id: $id}" in query


@pytest.mark.parametrize("hops", [0, export.MAX_HOPS + 1])
def test_neighbourhood_ids_refuses_hops_before_asking_the_graph(hops: int) -> None:
    with pytest.raises(InvalidInput) as info:
        export.neighbourhood_ids(None, "firm:a", hops)  # type: ignore[arg-type]
    assert info.value.details == {"field": "hops", "value": hops}
    assert "between 1 and 6" in info.value.message


def test_export_facts_takes_the_entity_set_as_a_parameter() -> None:
    query = q.export_facts(ALL)
    assert f"MATCH (s:Entity)-[r:{ALL}]->(o:Entity)" in query
    assert "$ids IS NULL OR (s.id IN $ids AND o.id IN $ids)" in query
    assert "$ids IS NULL OR e.id IN $ids" in q.EXPORT_ENTITIES


def test_fact_graph_counts_counts_only_fact_types() -> None:
    query = q.fact_graph_counts("BANNED_BY|OWNS")
    assert "MATCH (:Entity)-[r:BANNED_BY|OWNS]->(:Entity)" in query


def test_import_queries_read_the_file_from_a_parameter() -> None:
    assert "LOAD CSV WITH HEADERS FROM $url" in q.IMPORT_NODES_CSV
    assert "LOAD CSV WITH HEADERS FROM $url" in q.IMPORT_RELS_CSV
