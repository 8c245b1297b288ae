"""Cypher of screening (graph/screening.py): candidates for a batch of records in one query."""

from __future__ import annotations

from typing import Final, LiteralString

_FIELDS = (
    "id: {v}.id, type: {v}.type, name: {v}.name, aliases: coalesce({v}.aliases, []), country: {v}.country, "
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
