"""Cypher for the read side (search, entities, neighbours, facts, provenance, paths, exposure).

Relationship-type alternations (``BANNED_BY|LISTED_ON``) and hop counts are formatted in only from
:mod:`schema.ontology` enums and validated integers, never from user text; every value is a
parameter. The builders are cached: a request for the same shape gets the same string (the path
query takes ~0.1 ms to build).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Final, LiteralString

from schema.ontology import Predicate

_ENTITY = (  # the properties of an entity as the API shows them
    "{id: e.id, type: e.type, name: e.name, aliases: coalesce(e.aliases, []), weak_aliases: coalesce(e.weak_aliases, "
    "[]), country: e.country, identifiers: e.identifiers, description: e.description, candidate: coalesce(e.candidate, "
    "false), birth_dates: coalesce(e.birth_dates, []), nationalities: coalesce(e.nationalities, []), birth_places: "
    "coalesce(e.birth_places, [])}"
)


def _entity(var: str) -> str:
    return _ENTITY.replace("e.", f"{var}.")


# The ids a same-as cluster joins under its canonical entity (none outside a cluster).
_MEMBERS = (
    "COLLECT { MATCH (m:Entity {canonical: e.id}) WHERE m.id <> e.id "
    "RETURN {id: m.id, name: m.name, type: m.type} ORDER BY m.id }"
)


def _with_members(var: str) -> str:
    """An entity as the API shows it, with the members of its same-as cluster."""
    return _entity(var)[:-1] + ", members: " + _MEMBERS.replace("e.id", f"{var}.id") + "}"


# The canonical entity $id answers under (itself outside a same-as cluster): every read that
# starts from an id starts from it, so a cluster answers as one entity.
CANONICAL: Final = "MATCH (req:Entity {id: $id}) MATCH (e:Entity {id: coalesce(req.canonical, req.id)}) "


def fact_projection(rel: str, subject: str, obj: str) -> LiteralString:
    """A fact edge as the API shows it, every field (``rel``; its ends' ids ``subject``, ``obj``)."""
    return (
        f"{{fact_id: {rel}.fact_id, subject: {subject}, predicate: {rel}.predicate, object: {obj}, "
        f"stances: {rel}.stances, valid_from: {rel}.valid_from, valid_to: {rel}.valid_to, "
        f"gaps: coalesce({rel}.gaps, []), "
        f"n_claims: {rel}.n_claims, n_sources: {rel}.n_sources, quote: {rel}.quote, "
        f"confidence: {rel}.confidence, asserted_by: coalesce({rel}.asserted_by, []), "
        f"alleged_by: coalesce({rel}.alleged_by, []), proposed_by: coalesce({rel}.proposed_by, []), "
        f"disputed_by: coalesce({rel}.disputed_by, []), denied_by: coalesce({rel}.denied_by, []), "
        f"retracted_by: coalesce({rel}.retracted_by, []), direction: null, validity: null}}"
    )


# A fact edge as the API shows it (r: the relationship, s/o: its ends).
FACT_PROJECTION: Final = fact_projection("r", "s.id", "o.id")

# Valid on $as_of: the span (partial dates widened) holds the date and no gap (end, exclusive, to a
# return) does; a fact of unknown start is kept unless $undated is 'exclude' (reads.py marks it).
VALID_AT: Final = (
    "($as_of IS NULL OR ((r.valid_from_key <= $as_of OR (r.valid_from_key IS NULL AND $undated <> 'exclude')) "
    "AND (r.valid_to_key IS NULL OR r.valid_to_key >= $as_of) "
    "AND none(g IN coalesce(r.gaps, []) WHERE left(g, 10) < $as_of AND $as_of < right(g, 10))))"
)
STANCES_OK: Final = "($stances IS NULL OR any(x IN r.stances WHERE x IN $stances))"
# Known on $known_at: some claim of the fact cites a source published by then (a partial date by
# its first day), else first seen in a list version by then, else (date unknown) loaded by then.
KNOWN_AT: Final = (
    "($known_at IS NULL OR EXISTS { MATCH (kc:Claim {fact_id: r.fact_id})-[:CITES]->(ks:Source) "
    "WHERE coalesce(ks.published_at, ks.first_seen, left(toString(kc.created_at), 10)) <= $known_at })"
)


def rel_types(predicates: Iterable[Predicate]) -> str:
    return "|".join(sorted({p.rel_type for p in predicates}))


# -- search and entities ------------------------------------------------------------------

# Hits are grouped by same-as cluster (one hit per canonical entity, its best score), an exact
# name, alias or identifier first; they are collected as (node, score) and only the requested
# page is projected: a broad query can hit up to $cap nodes, and reading every property of each
# would dominate the query.
_EXACT = (
    "(toLower(n.name) = $exact OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) = $exact) "
    "OR any(v IN coalesce(n.ident_values, []) WHERE toLower(v) = $exact))"
)
SEARCH: Final = (
    "CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $cap}) YIELD node AS n, score "
    "WITH coalesce(n.canonical, n.id) AS cid, max(score) AS score, max(CASE WHEN " + _EXACT + " THEN 1 ELSE 0 END) "
    "AS exact "
    "MATCH (e:Entity {id: cid}) WHERE $type IS NULL OR e.type = $type "
    "WITH e, score, exact ORDER BY exact DESC, score DESC, e.id "
    "WITH collect({e: e, score: score}) AS hits "
    "RETURN size(hits) AS total, "
    "[h IN hits[$offset..$offset + $limit] | {entity: " + _with_members("h.e") + ", score: h.score}] AS items"
)
# Browsing a type without a query: canonical entities by name.
BROWSE: Final = (
    "MATCH (e:Entity) WHERE e.type = $type AND (e.canonical IS NULL OR e.canonical = e.id) "
    "WITH e ORDER BY toLower(e.name), e.id "
    "WITH collect(e) AS found "
    "RETURN size(found) AS total, "
    "[x IN found[$offset..$offset + $limit] | {entity: " + _with_members("x") + ", score: 0.0}] AS items"
)
# The entity and the sources citing it, in one query.
ENTITY_WITH_SOURCES: Final = (
    CANONICAL + "CALL (e) { "
    "  MATCH (x:Entity) WHERE x = e OR x.canonical = e.id "
    "  MATCH (x)<-[:SUBJECT|OBJECT]-(:Claim)-[:CITES]->(s:Source) "
    "  WITH DISTINCT s ORDER BY s.id LIMIT 50 "
    "  RETURN collect({id: s.id, title: s.title, publisher: s.publisher, kind: s.kind, url: s.url}) AS sources "
    "} "
    "RETURN " + _with_members("e") + " AS entity, sources, "
    "COLLECT { MATCH (x:Entity) WHERE x = e OR x.canonical = e.id RETURN {id: x.id, names: x.name_sources} } "
    "AS name_sources"
)


def _degree_patterns(types: str, direction: str) -> list[tuple[str, str, str]]:
    """(relationship type, direction, degree pattern) for each fact type and direction asked for."""
    out = []
    for rel in types.split("|"):
        if direction in ("out", "both"):
            out.append((rel, "out", f"(e)-[:{rel}]->()"))
        if direction in ("in", "both"):
            out.append((rel, "in", f"(e)<-[:{rel}]-()"))
    return out


@lru_cache(maxsize=512)
def neighbors(types: str, direction: str) -> LiteralString:
    """The entity and the facts around it, capped per (predicate, direction) with totals.

    No row when the entity does not exist. An entity with at most ``$scan_max`` facts of these
    types has them read in one pass (``scanned``: true, ``groups``); only the kept facts are
    projected. A hub's tens of thousands are not read: ``scanned`` is false and ``degrees``
    gives the number of edges per ``[relationship type, direction]`` (stored counts, read
    without walking them), for :func:`neighbors_of_hub` to read a page of each.
    """
    arms = []
    if direction in ("out", "both"):
        arms.append(
            f"MATCH (e)-[r:{types}]->(n:Entity) WHERE {TYPES_OK} AND {STANCES_OK} AND {VALID_AT} AND {KNOWN_AT} "
            "RETURN r, e AS s, n AS o, n, 'out' AS dir"
        )
    if direction in ("in", "both"):
        arms.append(
            f"MATCH (e)<-[r:{types}]-(n:Entity) WHERE {TYPES_OK} AND {STANCES_OK} AND {VALID_AT} AND {KNOWN_AT} "
            "RETURN r, n AS s, e AS o, n, 'in' AS dir"
        )
    union = " UNION ALL ".join(arms)
    arrow = {"out": ("-", "->"), "in": ("<-", "-"), "both": ("-", "-")}[direction]
    degrees = ", ".join(
        f"['{rel}', '{d}', COUNT {{ {pattern} }}]" for rel, d, pattern in _degree_patterns(types, direction)
    )
    return dense(
        CANONICAL + f"WITH e, COUNT {{ (e){arrow[0]}[:{types}]{arrow[1]}() }} <= $scan_max AS scanned "
        "CALL (e, scanned) { "
        "  WITH e WHERE scanned "
        f"  CALL (e) {{ {union} }} "
        "  WITH r.predicate AS predicate, dir, count(*) AS total, "
        "  collect({r: r, s: s, o: o, n: n})[$offset..$offset + $limit] AS hits "
        "  ORDER BY predicate, dir "
        "  RETURN collect({predicate: predicate, dir: dir, total: total, items: [h IN hits | "
        "    {fact: " + fact_projection("h.r", "h.s.id", "h.o.id") + ", node: " + _entity("h.n") + "}]}) AS groups "
        "} "
        "RETURN " + _ENTITY + " AS entity, scanned, groups, "
        f"CASE WHEN scanned THEN [] ELSE [d IN [{degrees}] WHERE d[2] > 0] END AS degrees"
    )


@lru_cache(maxsize=512)
def neighbors_of_hub(pairs: tuple[tuple[str, str], ...]) -> LiteralString:
    """A page of each (relationship type, direction) group of a hub's facts, with its total.

    One arm per group (a hub's edges are stored by type and direction, so an arm reads only its
    own): at most ``$limit`` facts each. The total is ``$degrees[i]`` (the stored count) when no
    filter applies or the page is not full; with a stance or date filter a full page is counted
    by walking the group. ``pairs`` come from the ``degrees`` of :func:`neighbors` (schema
    relationship types), never from user text.
    """
    arms = []
    for i, (rel, dir_) in enumerate(pairs):
        pattern = f"(e)-[r:{rel}]->(n:Entity)" if dir_ == "out" else f"(e)<-[r:{rel}]-(n:Entity)"
        s_, o_ = ("e", "n") if dir_ == "out" else ("n", "e")
        arms.append(
            f"WITH e WHERE $types STARTS WITH ' ' OR $types CONTAINS '|{rel}|' "  # once, not per edge
            f"MATCH {pattern} WHERE {STANCES_OK} AND {VALID_AT} AND {KNOWN_AT} WITH e, r, n SKIP $offset LIMIT $limit "
            f"WITH e, collect({{fact: {fact_projection('r', s_ + '.id', o_ + '.id')}, node: {_entity('n')}}}) AS items "
            "WHERE size(items) > 0 "
            f"RETURN '{dir_}' AS dir, items, CASE WHEN size(items) < $limit THEN $offset + size(items) "
            f"WHEN $stances IS NULL AND $as_of IS NULL AND $known_at IS NULL THEN $degrees[{i}] "
            f"ELSE COUNT {{ MATCH {pattern} WHERE {STANCES_OK} AND {VALID_AT} AND {KNOWN_AT} }} END AS total"
        )
    union = " UNION ALL ".join(arms)
    return dense(
        CANONICAL + f"CALL (e) {{ {union} }} RETURN head(items).fact.predicate AS predicate, dir, total, items"
    )


# -- facts and provenance -----------------------------------------------------------------


# The canonical entities of the ids a fact query names ($subject, $object; null: any).
_ENDS = (
    "OPTIONAL MATCH (sreq:Entity {id: $subject}) OPTIONAL MATCH (oreq:Entity {id: $object}) "
    "WITH coalesce(sreq.canonical, $subject) AS sid, coalesce(oreq.canonical, $object) AS oid "
)


@lru_cache(maxsize=512)
def facts_by_triple(types: str, total: bool = False) -> LiteralString:
    """A page of facts (``$stances`` filters on their claims' stances), or with ``total`` their count."""
    head = f"MATCH (s:Entity)-[r:{types}]->(o:Entity) " + (
        "WHERE ($subject IS NULL OR s.id = $subject) AND ($object IS NULL OR o.id = $object) AND " + STANCES_OK + " "
    )
    if total:
        return head + "RETURN count(r) AS total"
    return head + "RETURN " + FACT_PROJECTION + " AS fact ORDER BY r.predicate, s.id, o.id SKIP $offset LIMIT $limit"


@lru_cache(maxsize=512)
def facts_by_triple_anchored(types: str, anchor: str, total: bool = False) -> LiteralString:
    """The same, starting from the given end (its cluster's canonical entity) so the id index is used."""
    start = "(s:Entity {id: sid})" if anchor == "subject" else "(s:Entity)"
    end = "(o:Entity {id: oid})" if anchor == "object" else "(o:Entity)"
    head = (
        _ENDS + f"MATCH {start}-[r:{types}]->{end} "
        "WHERE (sid IS NULL OR s.id = sid) AND (oid IS NULL OR o.id = oid) AND " + STANCES_OK + " "
    )
    if total:
        return head + "RETURN count(r) AS total"
    return head + "RETURN " + FACT_PROJECTION + " AS fact ORDER BY r.predicate, s.id, o.id SKIP $offset LIMIT $limit"


_SOURCE = (
    "{id: s.id, url: s.url, title: s.title, publisher: s.publisher, author: s.author, "
    "published_at: s.published_at, retrieved_at: s.retrieved_at, first_seen: s.first_seen, "
    "last_seen: s.last_seen, sha256: s.sha256, kind: s.kind}"
)


def _source(var: str) -> str:
    return _SOURCE.replace("s.", f"{var}.")


@lru_cache(maxsize=512)
def provenance(types: str) -> LiteralString:
    """A fact and every claim behind it, in one query (no row when the fact does not exist).

    Each claim carries its asserting party, its citations (quote, offsets, source) with each
    source's ``DERIVED_FROM`` ancestors (``{depth, source}``, one per path), and the runs that
    generated it. Nothing is ordered here: pattern comprehensions instead of sorted subqueries
    make a plan of a few operators, and :func:`graph.reads.provenance` orders the few rows
    (claims by id, citations by offset, ancestors nearest first, runs by start).
    """
    return (
        "MATCH (c:Claim {fact_id: $fact_id}) "
        "WITH collect(c) AS cs WHERE size(cs) > 0 "
        "WITH cs, cs[0] AS c0 "
        # a fact joins the canonical entities of its claims' ends (a same-as decision, the ids)
        "MATCH (s0:Entity {id: c0.subject}) MATCH (o0:Entity {id: c0.object}) "
        "WITH cs, CASE WHEN c0.predicate IN $identity THEN s0.id ELSE coalesce(s0.canonical, s0.id) END AS sid, "
        "CASE WHEN c0.predicate IN $identity THEN o0.id ELSE coalesce(o0.canonical, o0.id) END AS oid "
        f"MATCH (s:Entity {{id: sid}})-[r:{types}]->(o:Entity {{id: oid}}) WHERE r.fact_id = $fact_id "
        "WITH cs, r, s, o LIMIT 1 "
        "RETURN " + FACT_PROJECTION + " AS fact, "
        "[c IN cs | {id: c.id, subject: c.subject, object: c.object, stance: c.stance, "
        "  valid_from: c.valid_from, valid_to: c.valid_to, "
        "  qualifiers: c.qualifiers, confidence: c.confidence, method: c.method, "
        "  first_seen: toString(c.created_at), "
        "  asserted_by: head([(c)-[:ASSERTED_BY]->(a:Entity) | " + _entity("a") + "]), "
        "  citations: [(c)-[k:CITES]->(src:Source) | {quote: k.quote, start: k.start, end: k.end, "
        "    source: " + _source("src") + ", "
        "    derived_from: [p = (src)-[:DERIVED_FROM*1..6]->(d:Source) | {depth: length(p), source: "
        + _source("d")
        + "}]}], "
        "  runs: [(run:LoadRun)-[:GENERATED]->(c) | {id: run.id, loader: run.loader, status: run.status, "
        "    started_at: toString(run.started_at), finished_at: toString(run.finished_at), "
        "    reconfirmed_at: toString(run.reconfirmed_at)}]}] AS claims"
    )


# Each source with its DERIVED_FROM ancestors (nearest first) — for chains and independence.
SOURCE_CHAINS: Final = (
    "UNWIND $ids AS sid MATCH (s:Source {id: sid}) "
    "OPTIONAL MATCH p = (s)-[:DERIVED_FROM*1..6]->(d:Source) "
    "WITH s, d, min(length(p)) AS depth ORDER BY depth "
    "RETURN s.id AS id, collect(CASE WHEN d IS NULL THEN NULL ELSE " + _source("d") + " END) AS ancestors"
)
SOURCE: Final = (
    "MATCH (s:Source {id: $id}) RETURN " + _SOURCE + " AS source, CASE WHEN $with_text THEN s.text END AS text"
)
# A page of the claims citing a source (by position in its text), with their total.
SOURCE_CLAIMS: Final = (
    "MATCH (s:Source {id: $id})<-[k:CITES]-(c:Claim) "
    "WITH c, k ORDER BY k.start, c.id "
    "WITH collect({id: c.id, fact_id: c.fact_id, subject: c.subject, predicate: c.predicate, object: c.object, "
    "stance: c.stance, quote: k.quote, start: k.start, end: k.end}) AS found "
    "RETURN size(found) AS total, found[$offset..$offset + $limit] AS items"
)
LOADS: Final = (
    "MATCH (r:LoadRun) "
    "RETURN r.id AS id, r.loader AS loader, r.status AS status, r.inputs AS inputs, "
    "r.input_sha256 AS input_sha256, toString(r.started_at) AS started_at, "
    "toString(r.finished_at) AS finished_at, r.counts AS counts, r.error AS error, "
    "coalesce(r.reconfirmations, 0) AS reconfirmations, r.series AS series, r.version_date AS version_date "
    "ORDER BY r.started_at DESC SKIP $offset LIMIT $limit"
)
LOADS_TOTAL: Final = "MATCH (r:LoadRun) RETURN count(r) AS total"

# -- the change feed ----------------------------------------------------------------------

RUN_STARTED: Final = "MATCH (r:LoadRun {id: $id}) RETURN toString(r.started_at) AS started_at"

# Per load run after $since (newest first) and fact it touched: whether the run added the fact
# (no earlier run had a claim of it), ended it or brought it back (a list version), or changed
# it (another claim: a new source, stance or date). One row per (run, fact).
_CHANGES: Final = (
    "MATCH (run:LoadRun) WHERE run.status = 'succeeded' AND ($since IS NULL OR run.started_at > datetime($since)) "
    "MATCH (run)-[:GENERATED]->(c:Claim) "
    "WITH run, c.fact_id AS fid, collect(c) AS cs "
)
CHANGES: Final = (
    _CHANGES + "WITH run, fid, cs ORDER BY run.started_at DESC, fid SKIP $offset LIMIT $limit "
    "CALL (run, fid) { "
    "  OPTIONAL MATCH (r2:LoadRun)-[:GENERATED]->(o:Claim {fact_id: fid}) WHERE r2.started_at < run.started_at "
    "  RETURN count(o) AS before "
    "} "
    "WITH run, fid, cs, before, head(cs) AS c "
    "RETURN {id: run.id, loader: run.loader, started_at: toString(run.started_at), series: run.series, "
    "  version_date: run.version_date} AS run, fid AS fact_id, "
    "  CASE WHEN any(x IN cs WHERE x.qualifiers CONTAINS $ended) THEN 'ended' "
    "       WHEN any(x IN cs WHERE x.qualifiers CONTAINS $returned) THEN 'returned' "
    "       WHEN before = 0 THEN 'added' ELSE 'changed' END AS change, "
    "  c.subject AS subject, c.predicate AS predicate, c.object AS object, "
    "  [x IN cs | x.stance] AS stances, c.valid_from AS valid_from, c.valid_to AS valid_to, size(cs) AS claims, "
    "  head(COLLECT { MATCH (c)-[k:CITES]->(:Source) RETURN k.quote ORDER BY size(k.quote) DESC, k.start }) AS quote"
)
CHANGES_TOTAL: Final = _CHANGES + "RETURN count(*) AS total"

# -- paths --------------------------------------------------------------------------------


def _hop(var: str) -> str:
    """One hop of a path or chain: its fact, and its start (to tell the direction it was walked)."""
    start = f"startNode({var}).id"
    return "{fact: " + fact_projection(var, start, f"endNode({var}).id") + f", start: {start}}}"


# Filters are parameters of one type and width, never query text: Neo4j's plan cache is keyed on
# the parameters' types, a string's or list's including a bucket of its size (README, *Query
# shapes*). ``$types`` "|OWNS|" and ``$stances`` padded to graph.reads.PAD (spaces: no filter),
# ``$as_of``/``$known_at`` a day or NO_DAY, ids padded and trimmed once.
TYPES_OK: Final = "($types STARTS WITH ' ' OR $types CONTAINS ('|' + type(r) + '|'))"
NO_DAY: Final = "0000-00-00"


def _dense(filters: str) -> str:
    """The fact filters on fixed-width string parameters (see TYPES_OK)."""
    filters = filters.replace(
        STANCES_OK, "($stances STARTS WITH ' ' OR any(x IN r.stances WHERE $stances CONTAINS ('|' + x + '|')))"
    )
    filters = filters.replace("$stances IS NULL", "$stances STARTS WITH ' '")
    return filters.replace("$as_of IS NULL", f"$as_of = '{NO_DAY}'").replace(
        "$known_at IS NULL", f"$known_at = '{NO_DAY}'"
    )


def dense(query: str) -> LiteralString:
    """A read whose every varying parameter is a fixed-width string (see TYPES_OK): the filters
    as in :func:`_dense`, the entity id ``$id`` padded (and trimmed once, here)."""
    return _dense(query).replace("{id: $id}", "{id: trim($id)}")


def _walk(arrow: str, types: str, var_r: str = "r") -> str:
    """One hop's relationship pattern with the fact filters inside it (they prune the search)."""
    filters = _dense(f"{TYPES_OK} AND {STANCES_OK} AND {VALID_AT}").replace("r.", f"{var_r}.")
    filters = filters.replace("(r)", f"({var_r})")
    left, right = ("<-", "-") if arrow == "<-" else ("-", arrow)
    return f"{left}[{var_r}:{types} WHERE {filters}]{right}"


def _hop_ok(all_types: str, end: str | None = None, y: str = "y") -> str:
    """An entity a path may walk through: at most ``$max_degree`` fact edges (not a hub), or ``end``
    (all its relationships counted first: one look, not one per fact type; fact edges are some)."""
    degree_ok = f"(COUNT {{ ({y})--() }} <= $max_degree OR COUNT {{ ({y})-[:{all_types}]-() }} <= $max_degree)"
    return f"{y} = {end} OR {degree_ok}" if end else degree_ok


_SIMPLE = "all(i IN range(0, size(x) - 1) WHERE NOT x[i] IN x[i + 1..])"


def _from_end(end: str, name: str, walk: str, all_types: str, k: int, hops: int) -> str:
    """The k shortest walks from ``end`` to every entity ``m`` within ``hops`` non-hub hops and
    ``$max_hops - 1`` (0 hops: ``end`` alone), as ``<name>`` nodes and ``<name>_rels``."""
    if hops == 0:
        return f"    WITH fa, fb, {end} AS m, [{end}] AS {name}, [] AS {name}_rels "
    return (
        f"    CALL ({end}) {{ "
        f"      MATCH p = SHORTEST {k} ({end})((x:Entity){walk}(y:Entity) WHERE {_hop_ok(all_types)})"
        f"{{0,{hops}}}(m:Entity) "
        f"      WHERE size(x) < $max_hops AND {_SIMPLE} AND NOT m IN x "
        f"      RETURN nodes(p) AS {name}, relationships(p) AS {name}_rels, m "
        "    } "
    )


def _chain(start: str, end: str, length: int, arrow: str, types: str, all_types: str) -> str:
    """Paths of exactly ``length`` hops from ``start`` to ``end`` through non-hubs, walked from
    ``start`` (rows ``ns``, ``rs``): each hop in a subquery that imports only what came before
    it, so the planner can neither start at the far end nor join the two hubs' edges, and the
    last hop is checked between two bound entities (Expand Into reads the sparser one)."""
    chain = [start, *[f"m{i}" for i in range(1, length)], end]
    rels = [f"r{i}" for i in range(1, length + 1)]
    body = f"RETURN [{', '.join(chain)}] AS ns, [{', '.join(rels)}] AS rs "
    for i in range(length - 1, -1, -1):  # built inside out
        here, there = chain[i], chain[i + 1]
        last = i == length - 1
        cond = [] if last else [_hop_ok(all_types, y=there)]
        cond += [] if last else [f"{there} <> {m}" for m in chain[: i + 1]]
        where = f" WHERE {' AND '.join(cond)}" if cond else ""
        match = f"MATCH ({here}){_walk(arrow, types, rels[i])}({there}{'' if last else ':Entity'}){where} "
        if i == length - 1:
            body = match + body
        else:
            imports = ", ".join(dict.fromkeys([start, end, *rels[: i + 1], *chain[1 : i + 2]]))
            body = f"{match}CALL ({imports}) {{ {body}}} RETURN ns, rs "
    return body


def _between_hubs(types: str, all_types: str, max_hops: int, arrow: str) -> str:
    """Paths between two hubs, one length at a time (up to ``$max_hops``): all of length 1, then
    (if fewer than ``$limit``) length 2 through one non-hub, and so on; each length stops at
    ``$limit`` paths found, and the walk
    starts at the hub with fewer fact edges. (A ``SHORTEST`` search between two hubs keeps
    state for every entity either reaches: minutes at L.)"""
    back = {"->": "<-", "<-": "->", "-": "-"}[arrow]
    branches = []
    for start, end, arr, cond in (("fa", "fb", arrow, "a_deg <= b_deg"), ("fb", "fa", back, "a_deg > b_deg")):
        parts = [f"    WITH fa, fb, [] AS found WHERE a_hub AND b_hub AND {cond} "]
        for length in range(1, max_hops + 1):
            parts.append(
                "    CALL (fa, fb, found) { "
                f"      WITH fa, fb, found WHERE size(found) < $limit AND {length} <= $max_hops "
                f"      CALL (fa, fb) {{ {_chain(start, end, length, arr, types, all_types)}}} "
                "      WITH ns, rs LIMIT $limit "
                "      RETURN collect({ns: ns, rs: rs}) AS more "
                "    } "
                "    WITH fa, fb, found + more AS found "
            )
        flip = "reverse(f.ns) AS ns, reverse(f.rs) AS rs" if start == "fb" else "f.ns AS ns, f.rs AS rs"
        parts.append(f"    UNWIND found AS f RETURN {flip} ")
        branches.append("".join(parts))
    return " UNION ALL ".join(branches)


# Path query shapes: a search width (a bucket; $limit cuts the answer) and a depth (exact: a deeper
# bound walks levels whose paths are all dropped), len(K_BUCKETS) × len(HOP_BUCKETS) × 2, warmed.
K_BUCKETS: Final = (5, 20)  # the API's limit: 1..20
HOP_BUCKETS: Final = (1, 2, 3, 4, 5, 6)  # the API's max_hops: 1..6


def bucket(value: int, buckets: tuple[int, ...]) -> int:
    """The smallest bucket that holds ``value`` (beyond the largest: the value, a shape of its own)."""
    return next((b for b in buckets if value <= b), value)


@lru_cache(maxsize=64)
def shortest_paths(types: str, all_types: str, k: int, max_hops: int, directed: bool) -> LiteralString:
    """The ``$limit`` shortest simple paths of at most ``$max_hops`` hops that walk through no hub,
    with whether each end exists, in one query; ``k`` and ``max_hops`` (a bucket each) bound the
    search, ``$types`` (null: ``types``) the predicates walked.

    A hub is an entity with more than ``$max_degree`` fact edges (of any type): a country every
    firm is based in, a list thousands are on. Paths may start or end at a hub but never pass
    through one — "both are based in Syria" is not a connection, and walking a hub's tens of
    thousands of edges is what made path search slow. How the search runs depends on the ends:

    - neither end a hub: one ``SHORTEST k`` between the two (Neo4j searches from both ends);
    - both ends hubs: one length at a time (:func:`_between_hubs`), the slow case — a hub's
      edges are walked once per length until k paths are found;
    - one end a hub: ``SHORTEST k`` from the other end to every entity within ``max_hops - 1``
      non-hub hops, then the last hop into the hub, checked from the non-hub side (the hub's
      edges are never walked). The k shortest overall are among the k shortest to each last
      entity, so taking k per entity and then the k shortest of all is exact.

    The fact filters sit inside the patterns so they prune the search; the no-repeated-node
    predicate is a pre-filter of SHORTEST. Each path comes with its entities and its facts
    projected (``start``: the id of the fact's subject, to tell the direction of the hop).
    """
    assert 1 <= k <= 50 and 1 <= max_hops <= 8
    fwd = "->" if directed else "-"
    back = "<-" if directed else "-"
    head = max_hops - 1
    return (
        "OPTIONAL MATCH (ra:Entity {id: trim($from)}) OPTIONAL MATCH (rb:Entity {id: trim($to)}) "
        "OPTIONAL MATCH (fa:Entity {id: coalesce(ra.canonical, ra.id)}) "
        "OPTIONAL MATCH (fb:Entity {id: coalesce(rb.canonical, rb.id)}) "
        "CALL (fa, fb) { "
        "  WITH fa, fb WHERE fa IS NOT NULL AND fb IS NOT NULL AND fa <> fb "
        f"  WITH fa, fb, COUNT {{ (fa)-[:{all_types}]-() }} AS a_deg, COUNT {{ (fb)-[:{all_types}]-() }} AS b_deg "
        "  WITH fa, fb, a_deg, b_deg, a_deg > $max_degree AS a_hub, b_deg > $max_degree AS b_hub "
        "  CALL (fa, fb, a_deg, b_deg, a_hub, b_hub) { "
        "    WITH fa, fb WHERE NOT a_hub AND NOT b_hub "
        f"    MATCH p = SHORTEST {k} (fa)((x:Entity){_walk(fwd, types)}(y:Entity) WHERE {_hop_ok(all_types, 'fb')})"
        f"{{1,{max_hops}}}(fb) "
        f"    WHERE size(x) <= $max_hops AND {_SIMPLE} AND NOT fb IN x "
        "    RETURN nodes(p) AS ns, relationships(p) AS rs "
        "    UNION ALL " + _between_hubs(types, all_types, max_hops, fwd) + "    UNION ALL "
        "    WITH fa, fb WHERE b_hub AND NOT a_hub "
        + _from_end("fa", "head", _walk(fwd, types), all_types, k, head)
        + f"    MATCH (m){_walk(fwd, types, 'last')}(fb) "
        "    RETURN head + [fb] AS ns, head_rels + [last] AS rs "
        "    UNION ALL "
        "    WITH fa, fb WHERE a_hub AND NOT b_hub "
        + _from_end("fb", "tail", _walk(back, types), all_types, k, head)
        + f"    MATCH (fa){_walk(fwd, types, 'first')}(m) "
        "    RETURN [fa] + reverse(tail) AS ns, [first] + reverse(tail_rels) AS rs "
        "  } "
        "  WITH ns, rs ORDER BY size(rs) LIMIT $limit "
        "  RETURN collect({nodes: [n IN ns | " + _entity("n") + "], "
        "    rels: [e IN rs | " + _hop("e") + "]}) AS paths "
        "} "
        "RETURN fa IS NOT NULL AS from_found, fb IS NOT NULL AS to_found, fa = fb AS same, paths"
    )


# -- exposure -----------------------------------------------------------------------------


@lru_cache(maxsize=512)
def exposure(chain_types: str, subject_side: str, object_side: str, max_hops: int) -> LiteralString:
    """The entity ``$id`` and the regulatory facts reaching it directly or up ownership/part-of chains.

    A chain edge is walked child → parent: SUBSIDIARY_OF / PART_OF / PRODUCT_OF forwards, OWNS
    backwards (the owner is its start); a same-as cluster's facts are its canonical entity's. No
    row when the entity does not exist; ``rows`` are ordered by chain length, then fact id, each
    with the fact and the chain's entities and facts projected.
    """
    assert 0 <= max_hops <= 6
    chain = (
        f"((x)-[c:{chain_types} WHERE "
        "((type(c) = 'OWNS' AND endNode(c) = x) OR (type(c) = 'SAME_AS') "
        " OR (type(c) <> 'OWNS' AND startNode(c) = x)) "
        "AND " + VALID_AT.replace("r.", "c.") + "]-(y:Entity))"
        f"{{0,{max_hops}}}"
    )
    # no hop at all: the entity itself (a {0,0} quantifier is not Cypher)
    walk = f"MATCH p = (start){chain}(target:Entity)" if max_hops else "MATCH p = (target:Entity) WHERE target = start"
    return dense(
        CANONICAL.replace("(e:Entity", "(start:Entity")
        + "CALL (start) { "
        + f"  {walk} "
        + "  WITH DISTINCT target, min(length(p)) AS hops, "
        "  head(collect(nodes(p))) AS chain_nodes, head(collect(relationships(p))) AS chain_rels "
        "  CALL (target) { "
        f"    MATCH (target)-[r:{subject_side}]->(other:Entity) WHERE {VALID_AT} AND {KNOWN_AT} "
        "    RETURN r.fact_id AS fact_id, " + fact_projection("r", "target.id", "other.id") + " AS fact "
        "    UNION "
        f"    MATCH (other:Entity)-[r:{object_side}]->(target) WHERE {VALID_AT} AND {KNOWN_AT} "
        "    RETURN r.fact_id AS fact_id, " + fact_projection("r", "other.id", "target.id") + " AS fact "
        "  } "
        "  WITH fact_id, fact, target, hops, chain_nodes, chain_rels ORDER BY hops, fact_id "
        "  RETURN collect({fact_id: fact_id, fact: fact, target: target.id, hops: hops, "
        "    chain_nodes: [n IN chain_nodes | " + _entity("n") + "], "
        "    chain_rels: [x IN chain_rels | " + _hop("x") + "]}) AS rows "
        "} "
        "RETURN " + _entity("start") + " AS entity, rows"
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
# What the graph's version is made of: the load runs that changed it (resolution decisions are
# load runs too), and the last one's end. A reload folded into an earlier run changes nothing.
GRAPH_VERSION: Final = (
    "MATCH (r:LoadRun {status: 'succeeded'}) RETURN count(r) AS runs, toString(max(r.finished_at)) AS last"
)
