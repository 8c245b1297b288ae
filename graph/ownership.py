"""The ownership above an entity, read for the 50 % rule (``ownership/``): the ``owns`` and
``subsidiary-of`` facts from the entity upwards, one level per query (a diamond of owners is read
once, and a cycle ends the walk), then the blocking facts on every entity reached —
``sanctioned-by`` any authority, and ``listed-on`` the lists the caller names — and their names.

Facts are filtered like every read (:data:`graph.read_queries.VALID_AT` on ``as_of``, with gaps;
``stances``). An ``owns`` fact brings its typed ``percentage`` (the best claim's; None when no
claim states one); a ``subsidiary-of`` fact states no share (None: never assumed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from schema.errors import NotFound

from .database import Graph
from .read_queries import STANCES_OK, VALID_AT

_FACT = (
    "fact_id: r.fact_id, share: r.percentage, quote: r.quote, valid_from: r.valid_from, "
    "valid_to: r.valid_to, stances: r.stances, predicate: r.predicate"
)
_FILTERS = VALID_AT + " AND " + STANCES_OK
# The canonical entity of each id (a same-as cluster answers as one).
TARGETS: Final = (
    "UNWIND $ids AS asked MATCH (x:Entity {id: asked}) MATCH (e:Entity {id: coalesce(x.canonical, x.id)}) "
    "RETURN asked, e.id AS id, e.name AS name, e.type AS type"
)
# The owners of some entities: who owns them, or whose subsidiaries they are.
OWNERS: Final = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "CALL (e) { MATCH (e)<-[r:OWNS]-(o:Entity) RETURN r, o "
    "  UNION ALL MATCH (e)-[r:SUBSIDIARY_OF]->(o:Entity) RETURN r, o } "
    "WITH e, r, o WHERE " + _FILTERS + " "
    "RETURN e.id AS owned, o.id AS owner, {" + _FACT + "} AS fact ORDER BY owned, owner, fact.fact_id"
)
# What blocks some entities in their own right: sanctions by anyone, listings on the named lists.
BLOCKING: Final = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id})-[r:SANCTIONED_BY|LISTED_ON]->(x:Entity) "
    "WHERE (type(r) = 'SANCTIONED_BY' OR x.id IN $lists) AND " + _FILTERS + " "
    "RETURN e.id AS id, x.id AS by, x.name AS by_name, {" + _FACT + "} AS fact ORDER BY id, fact.fact_id"
)
# Entities someone owns or is the parent of (canonical ones): what the rule has something to say about.
OWNED: Final = (
    "MATCH (e:Entity) WHERE e.canonical IS NULL "
    "AND (EXISTS { (e)<-[:OWNS]-() } OR EXISTS { (e)-[:SUBSIDIARY_OF]->() }) RETURN e.id AS id LIMIT $limit"
)
NAMES: Final = "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id, e.name AS name, e.type AS type"


def above(
    graph: Graph,
    entity_ids: Sequence[str],
    *,
    as_of: str | None,
    stances: Sequence[str] | None,
    lists: Sequence[str],
    max_depth: int = 10,
) -> dict[str, Any]:
    """For some entities at once: each one's canonical entity (``targets``: asked id → its row;
    an id with no entity is left out), every holding above them within ``max_depth`` levels, the
    blocking facts of every entity reached, and the names of all: ``{targets, holdings, blocking,
    entities}``."""
    targets = {r["asked"]: r for r in graph.read(TARGETS, {"ids": list(dict.fromkeys(entity_ids))})}
    filters = {"as_of": as_of, "stances": list(stances) if stances else None, "undated": "mark"}
    holdings: list[dict[str, Any]] = []
    seen = {t["id"] for t in targets.values()}
    frontier = sorted(seen)
    for _level in range(max_depth):
        if not frontier:
            break
        found = graph.read(OWNERS, {"ids": frontier} | filters)
        holdings.extend(found)
        frontier = sorted({r["owner"] for r in found} - seen)
        seen.update(frontier)
    ids = sorted(seen)
    blocking: dict[str, list[dict[str, Any]]] = {}
    for r in graph.read(BLOCKING, {"ids": ids, "lists": list(lists)} | filters) if ids else ():
        blocking.setdefault(r["id"], []).append({"by": r["by"], "by_name": r["by_name"], **r["fact"]})
    entities = {r["id"]: {"name": r["name"], "type": r["type"]} for r in graph.read(NAMES, {"ids": ids})} if ids else {}
    return {"targets": targets, "holdings": holdings, "blocking": blocking, "entities": entities}


def one(graph: Graph, entity_id: str, **options: Any) -> dict[str, Any]:
    """:func:`above` for one entity (404 when there is none): ``target`` is its canonical entity."""
    data = above(graph, [entity_id], **options)
    if entity_id not in data["targets"]:
        raise NotFound(f"no entity {entity_id}", {"id": entity_id})
    return data | {"target": data["targets"][entity_id]}


def owned(graph: Graph, limit: int = 5000) -> list[str]:
    """Up to ``limit`` entities with an owner or a parent (benchmarks, the page's samples)."""
    return [r["id"] for r in graph.read(OWNED, {"limit": limit})]
