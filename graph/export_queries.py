"""Cypher for exports: the fact graph (entities and fact edges), whole or around one entity.

Relationship-type alternations come only from :class:`schema.ontology.Predicate`; the hop
count is a validated integer; every value is a parameter.
"""

from __future__ import annotations

from typing import Final, LiteralString

_ENTITY_COLUMNS: Final = (
    "RETURN e.id AS id, e.type AS type, e.name AS name, coalesce(e.aliases, []) AS aliases, "
    "e.country AS country, e.description AS description "
)
# a fact edge s-[r]->o with the sources its claims cite: the columns both fact reads return
_FACT_COLUMNS: Final = (
    "CALL (r) { "
    "  OPTIONAL MATCH (c:Claim {fact_id: r.fact_id})-[:CITES]->(src:Source) "
    "  RETURN collect(DISTINCT src.id) AS source_ids, collect(DISTINCT src.url) AS source_urls "
    "} "
    "RETURN r.fact_id AS fact_id, s.id AS subject, r.predicate AS predicate, o.id AS object, "
    "coalesce(r.stances, []) AS stances, r.valid_from AS valid_from, r.valid_to AS valid_to, "
    "r.n_claims AS n_claims, r.n_sources AS n_sources, coalesce(r.asserted_by, []) AS asserted_by, "
    "r.quote AS quote, source_ids, source_urls"
)
EXPORT_ENTITIES: Final = "MATCH (e:Entity) WHERE $ids IS NULL OR e.id IN $ids " + _ENTITY_COLUMNS + "ORDER BY e.id"


def export_facts(types: str) -> LiteralString:
    """Every fact edge (both ends in ``$ids`` when given) with the sources its claims cite."""
    return (
        f"MATCH (s:Entity)-[r:{types}]->(o:Entity) "
        "WHERE $ids IS NULL OR (s.id IN $ids AND o.id IN $ids) "
        + _FACT_COLUMNS
        + " ORDER BY subject, predicate, object, fact_id"
    )


# -- the fact graph a page at a time (graph.export.PagedFactGraph) ------------------------------

# keyset pagination on the unique entity id: the page after $after, from the id index, in id order
ENTITY_PAGE: Final = "MATCH (e:Entity) WHERE e.id > $after " + _ENTITY_COLUMNS + "ORDER BY e.id LIMIT $size"
ENTITIES_BY_ID: Final = "MATCH (e:Entity) WHERE e.id IN $page " + _ENTITY_COLUMNS + "ORDER BY e.id"


def page_facts(types: str) -> LiteralString:
    """The fact edges whose subject is one of ``$page`` (each fact in exactly one page; its object
    in ``$ids`` when given), with the sources its claims cite and the names of both ends."""
    return (
        f"MATCH (s:Entity)-[r:{types}]->(o:Entity) "
        "WHERE s.id IN $page AND ($ids IS NULL OR o.id IN $ids) "
        + _FACT_COLUMNS
        + ", s.name AS subject_name, o.name AS object_name, "
        "o.type AS object_type "
        "ORDER BY subject, predicate, object, fact_id"
    )


def page_incoming(types: str) -> LiteralString:
    """The fact edges whose object is one of ``$page`` and whose subject is of a type in ``$from``
    (in ``$ids`` when given): what a writer that notes a fact at both ends needs at the object's."""
    return (
        f"MATCH (s:Entity)-[r:{types}]->(o:Entity) "
        "WHERE o.id IN $page AND s.type IN $from AND ($ids IS NULL OR s.id IN $ids) "
        "RETURN r.fact_id AS fact_id, s.id AS subject, r.predicate AS predicate, o.id AS object, "
        "coalesce(r.stances, []) AS stances, coalesce(r.asserted_by, []) AS asserted_by, r.quote AS quote, "
        "s.name AS subject_name, s.type AS subject_type "
        "ORDER BY object, subject, predicate, fact_id"
    )


def neighbourhood(types: str, hops: int) -> LiteralString:
    """Ids of the entities within ``hops`` fact edges of ``$id`` (either direction)."""
    assert 1 <= hops <= 6
    return (
        f"MATCH (c:Entity {{id: $id}}) MATCH (c)-[:{types}]-{{0,{hops}}}(n:Entity) RETURN collect(DISTINCT n.id) AS ids"
    )


def fact_graph_counts(types: str) -> LiteralString:
    return (
        "CALL () { MATCH (e:Entity) RETURN count(e) AS nodes } "
        f"CALL () {{ MATCH (:Entity)-[r:{types}]->(:Entity) RETURN count(r) AS edges }} "
        "RETURN nodes, edges"
    )


# -- loading an export back (round-trip tests; files must sit in the server's import dir) ----

IMPORT_NODES_CSV: Final = (
    "LOAD CSV WITH HEADERS FROM $url AS row "
    "CREATE (n:Entity {id: row.`id:ID`, name: row.name, type: row.type}) "
    "WITH n, row SET n:$(split(row.`:LABEL`, ';'))"
)
IMPORT_RELS_CSV: Final = (
    "LOAD CSV WITH HEADERS FROM $url AS row "
    "MATCH (s:Entity {id: row.`:START_ID`}), (o:Entity {id: row.`:END_ID`}) "
    "CREATE (s)-[r:$(row.`:TYPE`)]->(o) SET r.fact_id = row.fact_id, r.predicate = row.predicate"
)
