"""The ownership above entities, read for the 50 % rule (``ownership/``) in one query: the
``owns`` and ``subsidiary-of`` facts from an entity upwards (the owners it reaches within ten
levels, then every such fact among them: a diamond of owners is read once, a cycle ends the
walk), the blocking facts on each of them — ``sanctioned-by`` any authority, ``listed-on`` the
lists the caller names — and their names.

The same subquery (:func:`subquery`) is part of the exposure query (:func:`exposure`: exposure and
the rule's finding in one round trip) and of :func:`above` (the ownership route, screening's
batch). Facts are filtered like every read (``as_of`` with gaps, ``stances``), on fixed-width
parameters (:func:`graph.read_queries.dense`). An ``owns`` fact brings its typed ``percentage``
(the best claim's; None when no claim states one); a ``subsidiary-of`` fact states no share.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final, LiteralString

from schema.errors import NotFound

from . import reads
from .database import Graph
from .read_queries import NO_DAY, STANCES_OK, VALID_AT, _dense
from .reads import Plan, planned

_FACT = (
    "fact_id: r.fact_id, share: r.percentage, quote: r.quote, valid_from: r.valid_from, "
    "valid_to: r.valid_to, stances: r.stances, predicate: r.predicate"
)
_OK = VALID_AT + " AND " + STANCES_OK
LEVELS = 10  # owners above an entity read for the rule (the tree shown may be cut shorter)


# One level up from the frontier, each edge walked in its own direction (an owner owns the entity,
# the entity is a subsidiary of its parent), so an owner of thousands is never expanded downwards;
# an entity reached before is not walked again (a diamond once, a cycle ends). Unrolled LEVELS times
# (Cypher has no loop): the same set of owners as a shortest-path walk within LEVELS levels.
_LEVEL = (
    "  WITH ns, reduce(acc = [], x IN frontier | acc + "
    "    [(x)<-[r:OWNS]-(o:Entity) WHERE " + _OK + " | o] + [(x)-[r:SUBSIDIARY_OF]->(o:Entity) WHERE " + _OK + " | o]) "
    "    AS reached "
    "  WITH ns, reduce(acc = [], o IN reached | CASE WHEN o IN ns OR o IN acc THEN acc ELSE acc + o END) AS frontier "
    "  WITH ns + frontier AS ns, frontier "
)


def subquery(var: str) -> LiteralString:
    """``CALL (var) { … }`` answering ``ownership``: ``{holdings, blocking, entities}`` of the entity
    bound to ``var`` (parameters ``$as_of``, ``$undated``, ``$stances``, ``$lists``)."""
    body = (
        f"CALL ({var}) {{ "
        f"  WITH [{var}] AS ns, [{var}] AS frontier " + _LEVEL * LEVELS + "  WITH ns "
        "  RETURN {holdings: "
        "    COLLECT { UNWIND ns AS e MATCH (e)<-[r:OWNS]-(o:Entity) WHERE o IN ns AND " + _OK + " "
        "      RETURN {owned: e.id, owner: o.id, fact: {" + _FACT + "}} ORDER BY e.id, o.id, r.fact_id } + "
        "    COLLECT { UNWIND ns AS e MATCH (e)-[r:SUBSIDIARY_OF]->(o:Entity) WHERE o IN ns AND " + _OK + " "
        "      RETURN {owned: e.id, owner: o.id, fact: {" + _FACT + "}} ORDER BY e.id, o.id, r.fact_id }, "
        "  blocking: COLLECT { UNWIND ns AS e MATCH (e)-[r:SANCTIONED_BY|LISTED_ON]->(x:Entity) "
        "      WHERE (type(r) = 'SANCTIONED_BY' OR x.id IN $lists) AND " + _OK + " "
        "      RETURN {id: e.id, by: x.id, by_name: x.name, fact: {" + _FACT + "}} ORDER BY e.id, r.fact_id }, "
        "  entities: [n IN ns | {id: n.id, name: n.name, type: n.type}]} AS ownership "
        "} "
    )
    return _dense(body)


# The rule's data for some ids at once, each as its canonical entity (an id with no entity: no row).
ABOVE: Final = (
    "UNWIND $ids AS asked MATCH (x:Entity {id: asked}) MATCH (t:Entity {id: coalesce(x.canonical, x.id)}) "
    + subquery("t")
    + "RETURN asked, {id: t.id, name: t.name, type: t.type} AS target, ownership"
)
# Entities someone owns or is the parent of (canonical ones): what the rule has something to say about.
OWNED: Final = (
    "MATCH (e:Entity) WHERE e.canonical IS NULL "
    "AND (EXISTS { (e)<-[:OWNS]-() } OR EXISTS { (e)-[:SUBSIDIARY_OF]->() }) RETURN e.id AS id LIMIT $limit"
)


def params(as_of: str | None, stances: Sequence[str] | None, lists: Sequence[str]) -> dict[str, Any]:
    return {
        "as_of": as_of or NO_DAY,
        "undated": "mark",
        "stances": reads._pad(reads._bars(list(stances) if stances else None)),
        "lists": list(lists),
    }


def data(raw: dict[str, Any]) -> dict[str, Any]:
    """The subquery's ``ownership`` as the rule's service reads it: holdings, the blocking facts by
    entity, and the entities' names."""
    blocking: dict[str, list[dict[str, Any]]] = {}
    for r in raw["blocking"]:
        blocking.setdefault(r["id"], []).append({"by": r["by"], "by_name": r["by_name"], **r["fact"]})
    entities = {e["id"]: {"name": e["name"], "type": e["type"]} for e in raw["entities"]}
    return {"holdings": raw["holdings"], "blocking": blocking, "entities": entities}


def above(
    graph: Graph, entity_ids: Sequence[str], *, as_of: str | None, stances: Sequence[str] | None, lists: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """For each id with an entity: its canonical entity (``target``) and the rule's data (one query)."""
    rows = graph.read(ABOVE, {"ids": list(dict.fromkeys(entity_ids))} | params(as_of, stances, lists))
    return {r["asked"]: {"target": r["target"], **data(r["ownership"])} for r in rows}


def one(graph: Graph, entity_id: str, **options: Any) -> dict[str, Any]:
    """:func:`above` for one entity (404 when there is none)."""
    found = above(graph, [entity_id], **options)
    if entity_id not in found:
        raise NotFound(f"no entity {entity_id}", {"id": entity_id})
    return found[entity_id]


def exposure_query(max_hops: int) -> LiteralString:
    """The exposure query (:func:`graph.reads.exposure_query`) answering the rule's data too."""
    base = reads.exposure_query(max_hops)
    cut = base.rindex("RETURN ")
    return base[:cut] + subquery("start") + base[cut:] + ", ownership"


@planned
def exposure(
    eid: str,
    max_hops: int,
    as_of: str | None,
    timeout: float,
    undated: reads.Undated,
    known_at: str | None,
    lists: Sequence[str],
) -> Plan[dict[str, Any]]:
    """What :func:`graph.reads.exposure` answers, and the rule's data on the entity, in one query."""
    ps = {"id": reads._pad(eid), "known_at": known_at or NO_DAY} | params(as_of, None, lists)
    rows = yield exposure_query(max_hops), ps | {"undated": undated}, timeout
    if not rows:
        raise NotFound(f"no entity {eid}", {"id": eid})
    r = rows[0]
    entity = reads._entity(r["entity"])
    return {
        "entity": entity,
        "actions": reads.exposure_actions(r["rows"], as_of, undated),
        "ownership": {"target": {k: entity[k] for k in ("id", "name", "type")}, **data(r["ownership"])},
    }


def owned(graph: Graph, limit: int = 5000) -> list[str]:
    """Up to ``limit`` entities with an owner or a parent (benchmarks)."""
    return [r["id"] for r in graph.read(OWNED, {"limit": limit})]
