"""Cypher for the read side (search, entities, neighbours, facts, provenance, paths, exposure).

Relationship-type alternations (``BANNED_BY|LISTED_ON``) and hop counts are formatted in only from
:mod:`schema.ontology` enums and validated integers, never from user text; every value is a
parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, LiteralString

from schema.ontology import Predicate

# Properties of an entity as the API shows them.
_ENTITY = (
    "{id: e.id, type: e.type, name: e.name, aliases: coalesce(e.aliases, []), country: e.country, "
    "identifiers: e.identifiers, description: e.description, candidate: coalesce(e.candidate, false)}"
)


def _entity(var: str) -> str:
    return _ENTITY.replace("e.", f"{var}.")


# A fact edge as the API shows it (r: the relationship, s/o: its ends).
FACT_PROJECTION: Final = (
    "{fact_id: r.fact_id, subject: s.id, predicate: r.predicate, object: o.id, stances: r.stances, "
    "valid_from: r.valid_from, valid_to: r.valid_to, n_claims: r.n_claims, n_sources: r.n_sources, "
    "quote: r.quote, confidence: r.confidence, asserted_by: r.asserted_by}"
)

# A fact edge is valid on $as_of when its span (partial dates widened to days) contains the date.
VALID_AT: Final = (
    "($as_of IS NULL OR ((r.valid_from_key IS NULL OR r.valid_from_key <= $as_of) "
    "AND (r.valid_to_key IS NULL OR r.valid_to_key >= $as_of)))"
)
STANCES_OK: Final = "($stances IS NULL OR any(x IN r.stances WHERE x IN $stances))"


def rel_types(predicates: Iterable[Predicate]) -> str:
    return "|".join(sorted({p.rel_type for p in predicates}))


# -- search and entities ------------------------------------------------------------------

SEARCH: Final = (
    "CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $cap}) YIELD node AS e, score "
    "WHERE $type IS NULL OR e.type = $type "
    "WITH collect({entity: " + _ENTITY + ", score: score}) AS hits "
    "RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS items"
)
ENTITY: Final = "MATCH (e:Entity {id: $id}) RETURN " + _ENTITY + " AS entity"
ENTITIES: Final = "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN " + _ENTITY + " AS entity"
ENTITY_SOURCES: Final = (
    "MATCH (e:Entity {id: $id})<-[:SUBJECT|OBJECT]-(:Claim)-[:CITES]->(s:Source) "
    "RETURN DISTINCT s.id AS id, s.title AS title, s.publisher AS publisher, s.kind AS kind, s.url AS url "
    "ORDER BY id LIMIT 50"
)


def neighbors(types: str, direction: str) -> LiteralString:
    """Facts around one entity, capped per (predicate, direction) with totals."""
    arms = []
    if direction in ("out", "both"):
        arms.append(
            f"MATCH (e)-[r:{types}]->(n:Entity) WHERE {STANCES_OK} AND {VALID_AT} "
            "RETURN r, e AS s, n AS o, n, 'out' AS dir"
        )
    if direction in ("in", "both"):
        arms.append(
            f"MATCH (e)<-[r:{types}]-(n:Entity) WHERE {STANCES_OK} AND {VALID_AT} "
            "RETURN r, n AS s, e AS o, n, 'in' AS dir"
        )
    union = " UNION ALL ".join(arms)
    return (
        "MATCH (e:Entity {id: $id}) "
        f"CALL (e) {{ {union} }} "
        "WITH r.predicate AS predicate, dir, count(*) AS total, "
        "collect({fact: " + FACT_PROJECTION + ", node: " + _entity("n") + "})[..$limit] AS items "
        "RETURN predicate, dir, total, items ORDER BY predicate, dir"
    )


# -- facts and provenance -----------------------------------------------------------------


def facts_by_triple(types: str) -> LiteralString:
    return (
        f"MATCH (s:Entity)-[r:{types}]->(o:Entity) "
        "WHERE ($subject IS NULL OR s.id = $subject) AND ($object IS NULL OR o.id = $object) "
        "RETURN " + FACT_PROJECTION + " AS fact ORDER BY r.predicate, s.id, o.id LIMIT $limit"
    )


def facts_by_triple_anchored(types: str, anchor: str) -> LiteralString:
    """The same, starting from the given end so the id index is used."""
    start = "(s:Entity {id: $subject})" if anchor == "subject" else "(s:Entity)"
    end = "(o:Entity {id: $object})" if anchor == "object" else "(o:Entity)"
    return (
        f"MATCH {start}-[r:{types}]->{end} "
        "WHERE ($subject IS NULL OR s.id = $subject) AND ($object IS NULL OR o.id = $object) "
        "RETURN " + FACT_PROJECTION + " AS fact ORDER BY r.predicate, s.id, o.id LIMIT $limit"
    )


def fact_by_id(types: str) -> LiteralString:
    return (
        "MATCH (c:Claim {fact_id: $fact_id}) WITH c LIMIT 1 "
        f"MATCH (s:Entity {{id: c.subject}})-[r:{types}]->(o:Entity {{id: c.object}}) "
        "WHERE r.fact_id = $fact_id "
        "RETURN " + FACT_PROJECTION + " AS fact"
    )


def facts_by_ids(types: str) -> LiteralString:
    return (
        "UNWIND $fact_ids AS fid "
        "MATCH (c:Claim {fact_id: fid}) WITH fid, c LIMIT 1000000 "
        "WITH fid, head(collect(c)) AS c "
        f"MATCH (s:Entity {{id: c.subject}})-[r:{types}]->(o:Entity {{id: c.object}}) "
        "WHERE r.fact_id = fid "
        "RETURN " + FACT_PROJECTION + " AS fact"
    )


_SOURCE = (
    "{id: s.id, url: s.url, title: s.title, publisher: s.publisher, author: s.author, "
    "published_at: s.published_at, retrieved_at: s.retrieved_at, sha256: s.sha256, kind: s.kind}"
)


def _source(var: str) -> str:
    return _SOURCE.replace("s.", f"{var}.")


PROVENANCE_CLAIMS: Final = (
    "MATCH (c:Claim {fact_id: $fact_id}) "
    "OPTIONAL MATCH (c)-[:ASSERTED_BY]->(a:Entity) "
    "CALL (c) { "
    "  OPTIONAL MATCH (c)-[k:CITES]->(s:Source) "
    "  WITH k, s ORDER BY k.start "
    "  RETURN collect(CASE WHEN s IS NULL THEN NULL ELSE "
    "    {quote: k.quote, start: k.start, end: k.end, source: " + _SOURCE + "} END) AS citations "
    "} "
    "CALL (c) { "
    "  OPTIONAL MATCH (run:LoadRun)-[:GENERATED]->(c) "
    "  WITH run ORDER BY run.started_at "
    "  RETURN collect(CASE WHEN run IS NULL THEN NULL ELSE {id: run.id, loader: run.loader, status: run.status, "
    "    started_at: toString(run.started_at), finished_at: toString(run.finished_at), "
    "    reconfirmed_at: toString(run.reconfirmed_at)} END) AS runs "
    "} "
    "RETURN c.id AS id, c.stance AS stance, c.valid_from AS valid_from, c.valid_to AS valid_to, "
    "c.qualifiers AS qualifiers, c.confidence AS confidence, c.method AS method, "
    "toString(c.created_at) AS first_seen, "
    "CASE WHEN a IS NULL THEN NULL ELSE " + _entity("a") + " END AS asserted_by, citations, runs "
    "ORDER BY c.id"
)

# Each source with its DERIVED_FROM ancestors (nearest first) — for chains and independence.
SOURCE_CHAINS: Final = (
    "UNWIND $ids AS sid MATCH (s:Source {id: sid}) "
    "OPTIONAL MATCH p = (s)-[:DERIVED_FROM*1..6]->(d:Source) "
    "WITH s, d, min(length(p)) AS depth ORDER BY depth "
    "RETURN s.id AS id, collect(CASE WHEN d IS NULL THEN NULL ELSE " + _source("d") + " END) AS ancestors"
)
SOURCE: Final = "MATCH (s:Source {id: $id}) RETURN " + _SOURCE + " AS source, s.text AS text"
SOURCE_CLAIMS: Final = (
    "MATCH (s:Source {id: $id})<-[k:CITES]-(c:Claim) "
    "RETURN c.id AS id, c.fact_id AS fact_id, c.subject AS subject, c.predicate AS predicate, "
    "c.object AS object, c.stance AS stance, k.quote AS quote, k.start AS start, k.end AS end "
    "ORDER BY k.start, c.id LIMIT $limit"
)
LOADS: Final = (
    "MATCH (r:LoadRun) "
    "RETURN r.id AS id, r.loader AS loader, r.status AS status, r.inputs AS inputs, "
    "r.input_sha256 AS input_sha256, toString(r.started_at) AS started_at, "
    "toString(r.finished_at) AS finished_at, r.counts AS counts, r.error AS error, "
    "coalesce(r.reconfirmations, 0) AS reconfirmations "
    "ORDER BY r.started_at DESC SKIP $offset LIMIT $limit"
)
LOADS_TOTAL: Final = "MATCH (r:LoadRun) RETURN count(r) AS total"

# -- paths --------------------------------------------------------------------------------


def shortest_paths(types: str, k: int, max_hops: int, directed: bool) -> LiteralString:
    """The k shortest simple paths; the fact filters sit inside the pattern so they prune the
    search, and the no-repeated-node predicate is a pre-filter of SHORTEST."""
    assert 1 <= k <= 50 and 1 <= max_hops <= 8
    arrow = "->" if directed else "-"
    return (
        f"MATCH p = SHORTEST {k} ((a:Entity {{id: $from}})"
        f"((x:Entity)-[r:{types} WHERE {STANCES_OK} AND {VALID_AT}]{arrow}(y:Entity)){{1,{max_hops}}}"
        "(b:Entity {id: $to}) "
        "WHERE all(i IN range(0, size(x) - 1) WHERE NOT x[i] IN x[i + 1..]) AND NOT b IN x) "
        "RETURN [n IN nodes(p) | n.id] AS nodes, "
        "[e IN relationships(p) | {fact_id: e.fact_id, start: startNode(e).id}] AS rels "
        "ORDER BY length(p)"
    )


# -- exposure -----------------------------------------------------------------------------


def exposure(chain_types: str, subject_side: str, object_side: str, max_hops: int) -> LiteralString:
    """Regulatory facts reaching ``$id`` directly or up ownership/part-of chains.

    A chain edge is walked child → parent: SUBSIDIARY_OF / PART_OF / PRODUCT_OF forwards, OWNS
    backwards (the owner is its start), SAME_AS either way.
    """
    assert 0 <= max_hops <= 6
    chain = (
        f"((x)-[c:{chain_types} WHERE "
        "((type(c) = 'OWNS' AND endNode(c) = x) OR (type(c) = 'SAME_AS') "
        " OR (type(c) <> 'OWNS' AND startNode(c) = x)) "
        "AND ($as_of IS NULL OR ((c.valid_from_key IS NULL OR c.valid_from_key <= $as_of) "
        "AND (c.valid_to_key IS NULL OR c.valid_to_key >= $as_of)))]-(y:Entity))"
        f"{{0,{max_hops}}}"
    )
    return (
        "MATCH (start:Entity {id: $id}) "
        f"MATCH p = (start){chain}(target:Entity) "
        "WITH DISTINCT target, min(length(p)) AS hops, "
        "head(collect([n IN nodes(p) | n.id])) AS chain_nodes, "
        "head(collect([x IN relationships(p) | {fact_id: x.fact_id, start: startNode(x).id}])) AS chain_rels "
        "CALL (target) { "
        f"  MATCH (target)-[r:{subject_side}]->(other:Entity) WHERE {VALID_AT} "
        "  RETURN r.fact_id AS fact_id "
        "  UNION "
        f"  MATCH (other:Entity)-[r:{object_side}]->(target) WHERE {VALID_AT} "
        "  RETURN r.fact_id AS fact_id "
        "} "
        "RETURN fact_id, target.id AS target, hops, chain_nodes, chain_rels ORDER BY hops, fact_id"
    )


# -- analyst Cypher guard -----------------------------------------------------------------

COUNTS_FOR_GUARD: Final = (
    "CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } "
    "RETURN nodes, rels"
)

# -- gazetteer for the article extractor --------------------------------------------------

GAZETTEER: Final = (
    "MATCH (e:Entity) WHERE NOT coalesce(e.candidate, false) "
    "RETURN " + _ENTITY + " AS entity ORDER BY e.id LIMIT $limit"
)

# -- metrics ------------------------------------------------------------------------------

LOAD_RUNS_BY_STATUS: Final = "MATCH (r:LoadRun) RETURN r.status AS status, count(r) AS n"
