"""Cypher of screening (graph/screening.py): candidates for a batch of records in one query."""

from __future__ import annotations

from typing import Final, LiteralString

_FIELDS = (
    "id: {v}.id, type: {v}.type, name: {v}.name, aliases: coalesce({v}.aliases, []), "
    "weak_aliases: coalesce({v}.weak_aliases, []), country: {v}.country, "
    "nationalities: coalesce({v}.nationalities, []), birth_dates: coalesce({v}.birth_dates, []), "
    "birth_places: coalesce({v}.birth_places, []), identifiers: {v}.identifiers"
)

# Each record's candidates: the entities its Lucene query finds (names, aliases, identifiers) of
# the types it may match, as their canonical entities (a same-as cluster answers as one), the
# best ``$per`` by search score, each with its other members.
CANDIDATES: Final = (
    "UNWIND $records AS r "
    "CALL (r) { "
    "  CALL db.index.fulltext.queryNodes('entity_search', r.q, {limit: $scan}) YIELD node, score "
    "  WHERE node.type IN r.types AND NOT coalesce(node.candidate, false) "
    "  WITH coalesce(node.canonical, node.id) AS cid, max(score) AS s ORDER BY s DESC LIMIT $per "
    "  MATCH (c:Entity {id: cid}) "
    "  RETURN collect({entity: {" + _FIELDS.format(v="c") + "}, search_score: s, "
    "    members: COLLECT { MATCH (m:Entity {canonical: c.id}) WHERE m <> c "
    "      RETURN {" + _FIELDS.format(v="m") + "} }}) AS candidates "
    "} "
    "RETURN r.i AS i, candidates"
)


def exposures(single: LiteralString) -> LiteralString:
    """The exposure query of one entity (graph.reads.exposure_query: ``$id``) for a list of them
    (``$ids``), one row per entity that exists."""
    return "UNWIND $ids AS bid CALL (bid) { " + single.replace("$id", "bid") + " } RETURN bid AS id, entity, rows"


# Reviewed screening decisions: the screened-as claims of Record entities (graph/screen_decisions.py),
# each with its record, the entity it names, the Source it cites and the run that wrote it.
_DECISION = (
    "c.id AS id, c.fact_id AS fact_id, e.id AS entity_id, c.qualifiers AS qualifiers, s.id AS source, "
    "[(run:LoadRun)-[:GENERATED]->(c) | run.id][0] AS run"
)
# The decisions on some (record entity id, entity id) pairs; an entity id also finds those on
# the other members of its same-as cluster.
DECISIONS_FOR: Final = (
    "UNWIND $pairs AS p "
    "MATCH (r:Entity {id: p[0]})<-[:SUBJECT]-(c:Claim {predicate: 'screened-as'})-[:OBJECT]->(e:Entity) "
    "WHERE e.id = p[1] OR e.canonical = p[1] "
    "MATCH (c)-[:CITES]->(s:Source) "
    "RETURN p[0] AS record, p[1] AS asked, " + _DECISION
)
DECISIONS_LIST: Final = (
    "MATCH (r:Record) WHERE $record IS NULL OR r.id = $record "
    "MATCH (r)<-[:SUBJECT]-(c:Claim {predicate: 'screened-as'})-[:OBJECT]->(e:Entity) "
    "MATCH (c)-[:CITES]->(s:Source) "
    "RETURN r.id AS record, " + _DECISION
)
# Decisions stored as ScreeningDecision nodes (schema 4), to be rewritten as claims.
LEGACY_DECISIONS: Final = (
    "MATCH (d:ScreeningDecision)-[:ABOUT]->(e:Entity) "
    "RETURN d.id AS id, d.record_key AS record_key, e.id AS entity_id, d.verdict AS verdict, d.by AS by, "
    "d.reason AS reason, d.decided_at AS decided_at, d.exposure_digest AS exposure_digest ORDER BY d.decided_at"
)
LEGACY_FORGET: Final = "UNWIND $ids AS id MATCH (d:ScreeningDecision {id: id}) DETACH DELETE d"
