"""Read services: search, entities, neighbours, facts, provenance, sources, loads, paths, exposure.

Every function takes the :class:`~graph.database.Graph` and plain, validated arguments, and
returns plain dicts in the API's JSON shapes (DESIGN.md "JSON shapes"). Unknown ids raise
:class:`~schema.errors.NotFound`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Generator, Sequence
from pathlib import PurePath
from typing import Any, Generic, Literal, LiteralString, ParamSpec, TypeVar

import orjson

from schema.errors import InvalidInput, NotFound
from schema.ontology import (
    EXPOSURE_CHAIN,
    ID_LEVEL,
    PREDICATES,
    VERSION_ENDED,
    VERSION_RETURNED,
    EntityType,
    Predicate,
    Stance,
)

from . import paths_why
from . import read_queries as q
from .database import Graph
from .search_text import lucene_query

P = ParamSpec("P")
R = TypeVar("R")

# A read service is written once, as a plan: a generator that yields each query it needs as
# (query, parameters, timeout), is sent the rows back, and returns the answer. ``run`` drives a
# plan with the sync driver (CLI, tests), ``arun`` with the async one (the API's event loop, no
# thread hop); the shaping in between is the same code either way.
Step = tuple[LiteralString, dict[str, Any], float | None]
Plan = Generator[Step, list[dict[str, Any]], R]


def run(graph: Graph, plan: Plan[R]) -> R:
    try:
        step = next(plan)
        while True:
            step = plan.send(graph.read_plain(step[0], step[1], timeout=step[2]))
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


async def arun(graph: Graph, plan: Plan[R]) -> R:
    try:
        step = next(plan)
        while True:
            step = plan.send(await graph.aread_plain(step[0], step[1], timeout=step[2]))
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


class planned(Generic[P, R]):  # noqa: N801 (used as a decorator)
    """``service(graph, ...)`` runs the plan synchronously; ``await service.aio(graph, ...)`` on
    the event loop; ``service.plan(...)`` is the plan itself."""

    def __init__(self, plan: Callable[P, Plan[R]]) -> None:
        self.plan = plan
        self.__doc__ = plan.__doc__
        self.__name__ = plan.__name__

    def __call__(self, graph: Graph, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return run(graph, self.plan(*args, **kwargs))

    async def aio(self, graph: Graph, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return await arun(graph, self.plan(*args, **kwargs))


ALL_TYPES = q.rel_types(Predicate)
# What neighbours and paths walk by default: facts about the world, not decisions about ids
# (a same-as cluster is one entity; its members are listed with it).
FACT_TYPES = q.rel_types(p for p in Predicate if p not in ID_LEVEL)
# Up to this many facts (of the types asked for) an entity's neighbours are read in one pass;
# above, per group a page is read and the totals are the stored counts (see graph.read_queries).
NEIGHBOR_SCAN_MAX = 2000


def _record(raw: dict[str, Any]) -> dict[str, Any]:
    """An entity's properties, its identifiers parsed."""
    out = dict(raw)
    ident = out.get("identifiers")
    out["identifiers"] = orjson.loads(ident) if isinstance(ident, str) and ident not in ("", "{}") else {}
    return out


def _entity(raw: dict[str, Any]) -> dict[str, Any]:
    """An entity as the API shows it: every field of its model (api/answers.py serialises it as it is)."""
    out = _record(raw)
    if "members" not in out:  # its same-as cluster's members are read where the entity is the answer
        out["members"] = []
    return out


def _types(predicates: Sequence[Predicate] | None) -> str:
    return q.rel_types(predicates) if predicates else FACT_TYPES


def _stances(stances: Sequence[Stance] | None) -> list[str] | None:
    return [s.value for s in stances] if stances else None


# -- search -------------------------------------------------------------------------------


@planned
def search(text: str | None, type_: EntityType | None, limit: int, offset: int) -> Plan[dict[str, Any]]:
    """One hit per same-as cluster (its canonical entity, with its members), an exact name, alias
    or identifier first; without ``text``, the entities of ``type_`` by name."""
    params: dict[str, Any] = {"type": type_.value if type_ else None, "limit": limit, "offset": offset}
    if not (text or "").strip():
        if type_ is None:
            raise InvalidInput("give q, or a type to browse", {"field": "q"})
        rows = yield q.BROWSE, params, None
    else:
        lucene = lucene_query(text or "")
        if lucene is None:  # nothing searchable (only punctuation, or a script the index folds away)
            return {"items": [], "total": 0}
        exact = " ".join((text or "").split()).lower()
        rows = yield q.SEARCH, params | {"lucene": lucene, "exact": exact, "cap": 1000}, None
    row = rows[0]
    items = [{**_entity(h["entity"]), "score": round(float(h["score"]), 4)} for h in row["items"]]
    return {"items": items, "total": int(row["total"])}


# -- entities and neighbours --------------------------------------------------------------


@planned
def entity(eid: str) -> Plan[dict[str, Any]]:
    """The entity — the canonical one of ``eid``'s same-as cluster, with its members — the sources
    citing any of them, and which name came from which record (one query)."""
    rows = yield q.ENTITY_WITH_SOURCES, {"id": eid}, None
    if not rows:
        raise NotFound(f"no entity {eid}", {"id": eid})
    out = _entity(rows[0]["entity"])
    out["sources"] = rows[0]["sources"]
    out["names"] = _names(rows[0]["name_sources"])
    return out


def _names(per_member: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``[{name, origins}]``: each name of the cluster once, with the records that gave it."""
    found: dict[str, set[str]] = {}
    for member in sorted(per_member, key=lambda m: m["id"]):
        for name, origins in (json.loads(member["names"]) if member["names"] else {}).items():
            found.setdefault(name, set()).update(origins)
    return [{"name": n, "origins": sorted(o)} for n, o in found.items()]


Undated = Literal["include", "exclude", "mark"]


def validity(fact: dict[str, Any], as_of: str | None, undated: Undated) -> dict[str, Any]:
    """``fact`` with its ``validity`` on ``as_of``: "valid", or "unknown" when its start is not
    known and ``undated`` is "mark" (with "include" an undated fact counts as valid; with
    "exclude" the query has dropped it). Without ``as_of``, no validity."""
    if as_of is not None:
        fact["validity"] = "unknown" if fact.get("valid_from") is None and undated == "mark" else "valid"
    return fact


@planned
def neighbors(
    eid: str,
    predicates: Sequence[Predicate] | None,
    direction: str,
    stances: Sequence[Stance] | None,
    as_of: str | None,
    limit: int,
    undated: Undated = "mark",
    known_at: str | None = None,
    offset: int = 0,
) -> Plan[dict[str, Any]]:
    """The entity and its facts, at most ``limit`` per (predicate, direction) from the ``offset``-th
    of each group on: one query, and a second for a hub (more than ``NEIGHBOR_SCAN_MAX`` facts),
    which reads a page per group.
    ``known_at``: only facts some claim of which cites a source published (or, undated, loaded)
    by that day — what an analyst could have known then."""
    # one query text whatever the filters, every parameter of one type and width (read_queries.dense)
    params: dict[str, Any] = {
        "id": _pad(eid),
        "types": _pad(_bars(type_names(predicates))),
        "stances": _pad(_bars(_stances(stances))),
        "as_of": as_of or q.NO_DAY,
        "undated": undated,
        "known_at": known_at or q.NO_DAY,
        "limit": limit,
        "offset": offset,
    }
    rows = yield q.neighbors(FACT_TYPES, direction), params | {"scan_max": NEIGHBOR_SCAN_MAX}, None
    if not rows:
        raise NotFound(f"no entity {eid}", {"id": eid})
    found = rows[0]["groups"]
    if not rows[0]["scanned"]:
        # every group the hub has, whatever the filters ($types skips an arm once): one text per hub
        degrees = rows[0]["degrees"]
        pairs = tuple((str(rel), str(d)) for rel, d, _n in degrees)
        found = []
        if pairs:
            found = yield q.neighbors_of_hub(pairs), params | {"degrees": [n for *_x, n in degrees]}, None
        found.sort(key=lambda g: (g["predicate"], g["dir"]))
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    groups: list[dict[str, Any]] = []
    for row in found:
        for item in row["items"]:
            nodes[item["node"]["id"]] = _entity(item["node"])
            edges.append(validity(item["fact"], as_of, undated))
        total = int(row["total"])
        groups.append(
            {
                "predicate": row["predicate"],
                "direction": row["dir"],
                "total": total,
                "offset": offset,
                "limit": limit,
                "shown": len(row["items"]),
                "truncated": total > offset + len(row["items"]),
            }
        )
    return {
        "entity": _entity(rows[0]["entity"]),
        "nodes": list(nodes.values()),
        "edges": edges,
        "groups": groups,
        "truncated": any(g["truncated"] for g in groups),
    }


# -- facts and provenance -----------------------------------------------------------------


@planned
def facts(
    subject: str | None,
    predicates: Sequence[Predicate] | Predicate | None,
    obj: str | None,
    limit: int,
    offset: int = 0,
    stances: Sequence[Stance] | None = None,
) -> Plan[dict[str, Any]]:
    """A page of the facts matching (subject, any of the predicates, object) and stances, with their total."""
    types = _types([predicates] if isinstance(predicates, Predicate) else predicates)
    anchor = "subject" if subject else ("object" if obj else None)
    params = {"subject": subject, "object": obj, "stances": _stances(stances), "limit": limit, "offset": offset}
    if anchor:
        rows = yield q.facts_by_triple_anchored(types, anchor), params, None
        counted = yield q.facts_by_triple_anchored(types, anchor, total=True), params, None
    else:
        rows = yield q.facts_by_triple(types), params, None
        counted = yield q.facts_by_triple(types, total=True), params, None
    return {"items": [r["fact"] for r in rows], "total": int(counted[0]["total"]), "limit": limit, "offset": offset}


def _family(sid: str, own: dict[str, Any], ancestors: list[dict[str, Any]]) -> set[str]:
    """What ties a source to others: itself, its ancestors that are statements (not the ``file``
    it came in), and the publishers of all of them. Only a source with neither a statement above
    it nor a publisher is tied through its file (records of one unnamed file are one source)."""
    statements = [a for a in ancestors if a.get("kind") != "file"]
    family = {sid} | {a["id"] for a in statements}
    family |= {f"publisher:{p['publisher']}" for p in (own, *statements) if p.get("publisher")}
    if len(family) == 1:
        family |= {a["id"] for a in ancestors}
    return family


def independent_sources(
    cited: Sequence[str],
    chains: dict[str, list[dict[str, Any]]],
    sources: dict[str, dict[str, Any]] | None = None,
) -> list[str]:
    """One representative per group of sources that are not independent of one another.

    Two cited sources are dependent when one is an ancestor of the other, they share an ancestor
    (both relay the same report, both are records of one dataset) or a publisher (two versions of
    one agency's list). The file a record came in does not tie it to the file's other records:
    one JSONL file may carry a company register's records and a sanctions list's. The
    representative is the group's first cited id. ``sources`` holds the cited sources' own
    ``kind`` and ``publisher``; ``chains`` each one's ancestors with theirs.
    """
    own = sources or {}
    groups: list[tuple[set[str], str]] = []
    for sid in sorted(dict.fromkeys(cited)):
        family = _family(sid, own.get(sid, {}), chains.get(sid, []))
        rep = sid
        kept: list[tuple[set[str], str]] = []
        for fam, group_rep in groups:  # a source that links several groups joins them all
            if fam & family:
                family |= fam
                rep = min(rep, group_rep)
            else:
                kept.append((fam, group_rep))
        groups = [*kept, (family, rep)]
    return sorted(rep for _fam, rep in groups)


PROVENANCE = q.provenance(ALL_TYPES)
_IDENTITY = sorted(p.value for p in ID_LEVEL)


def _nearest_first(ancestors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each ancestor once, at its smallest depth, nearest first (ties by id)."""
    best: dict[str, tuple[int, dict[str, Any]]] = {}
    for a in ancestors:
        sid = a["source"]["id"]
        if sid not in best or a["depth"] < best[sid][0]:
            best[sid] = (a["depth"], a["source"])
    return [src for _depth, src in sorted(best.values(), key=lambda x: (x[0], x[1]["id"]))]


@planned
def provenance(fact_id: str) -> Plan[dict[str, Any]]:
    """The fact, every claim behind it with citations, source chains and load runs (one query)."""
    rows = yield PROVENANCE, {"fact_id": fact_id, "identity": _IDENTITY}, None
    if not rows:
        raise NotFound(f"no fact {fact_id}", {"fact_id": fact_id})
    chains: dict[str, list[dict[str, Any]]] = {}
    own: dict[str, dict[str, Any]] = {}
    cited: list[str] = []
    out_claims = []
    for claim in sorted(rows[0]["claims"], key=lambda c: c["id"]):
        cites = []
        for c in sorted(claim["citations"], key=lambda c: (c["start"] is None, c["start"] or 0, c["source"]["id"])):
            src = dict(c["source"])
            src["derived_from"] = chains.setdefault(src["id"], _nearest_first(c["derived_from"]))
            cited.append(src["id"])
            own[src["id"]] = src
            cites.append({"quote": c["quote"], "start": c["start"], "end": c["end"], "source": src})
        runs = sorted(claim.pop("runs"), key=lambda r: r["started_at"] or "")
        out_claims.append(
            {
                **claim,
                "qualifiers": json.loads(claim["qualifiers"]) if claim["qualifiers"] else {},
                "asserted_by": _entity(claim["asserted_by"]) if claim["asserted_by"] else None,
                "citations": cites,
                "load_runs": runs,
            }
        )
    independent = independent_sources(cited, chains, own)
    return {
        "fact": dict(rows[0]["fact"]),
        "claims": out_claims,
        "independent_sources": independent,
        "n_independent_sources": len(independent),
    }


# -- sources and loads --------------------------------------------------------------------


@planned
def source(sid: str, limit: int = 100, offset: int = 0, with_text: bool = True) -> Plan[dict[str, Any]]:
    """A source, its chain and a page of the claims citing it; its text only ``with_text`` (it can
    be long, and is not read otherwise)."""
    rows = yield q.SOURCE, {"id": sid, "with_text": with_text}, None
    if not rows:
        raise NotFound(f"no source {sid}", {"id": sid})
    out = dict(rows[0]["source"])
    out["text"] = rows[0]["text"]
    chains = yield q.SOURCE_CHAINS, {"ids": [sid]}, None
    out["derived_from"] = list(chains[0]["ancestors"]) if chains else []
    page = yield q.SOURCE_CLAIMS, {"id": sid, "limit": limit, "offset": offset}, None
    out["claims"] = list(page[0]["items"]) if page else []
    out["claims_total"] = int(page[0]["total"]) if page else 0
    out["limit"], out["offset"] = limit, offset
    return out


def _file_name(value: str) -> str:
    """A loaded file's name without its directory; other inputs ("POST /v1/claims") as they are."""
    looks_like_path = " " not in value and ("/" in value or "\\" in value)
    return PurePath(value.replace("\\", "/")).name if looks_like_path else value


@planned
def loads(limit: int, offset: int) -> Plan[dict[str, Any]]:
    items = yield q.LOADS, {"limit": limit, "offset": offset}, None
    for it in items:
        it["counts"] = json.loads(it["counts"]) if it["counts"] else {}
        # file names, not the paths of the machine that loaded them (nothing internal leaks)
        it["inputs"] = [_file_name(x) for x in (it["inputs"] or [])]
    total_rows = yield q.LOADS_TOTAL, {}, None
    total = int(total_rows[0]["total"])
    return {"items": items, "total": total, "limit": limit, "offset": offset}


# -- the change feed ----------------------------------------------------------------------


@planned
def changes(since: str | None, limit: int, offset: int) -> Plan[dict[str, Any]]:
    """Facts added, ended, returned and changed per load run after ``since`` (a load run id or an
    ISO date-time), newest run first: what an application re-screens against."""
    after = since
    if since is not None and since.startswith("run:"):
        rows = yield q.RUN_STARTED, {"id": since}, None
        if not rows:
            raise NotFound(f"no load run {since}", {"field": "since", "id": since})
        after = rows[0]["started_at"]
    marks = {"ended": f'"{VERSION_ENDED}"', "returned": f'"{VERSION_RETURNED}"'}
    params = {"since": after, "limit": limit, "offset": offset, **marks}
    items = yield q.CHANGES, params, None
    total_rows = yield q.CHANGES_TOTAL, {"since": after}, None
    return {"items": items, "total": int(total_rows[0]["total"]), "since": since}


# -- paths --------------------------------------------------------------------------------


def _path(
    nodes: list[dict[str, Any]], rels: list[dict[str, Any]], as_of: str | None = None, undated: Undated = "mark"
) -> dict[str, Any]:
    """A path from its projected entities and hops (``{fact, start}``): each hop's direction."""
    edges = []
    for i, rel in enumerate(rels):
        f = validity(dict(rel["fact"]), as_of, undated)
        f["direction"] = "forward" if rel["start"] == nodes[i]["id"] else "backward"
        edges.append(f)
    return {"nodes": [_entity(n) for n in nodes], "edges": edges, "length": len(rels)}


def paths_query(limit: int, max_hops: int, directed: bool) -> LiteralString:
    """The query shape a paths request runs (the predicates are a parameter: :func:`paths_params`)."""
    return q.shortest_paths(
        FACT_TYPES, FACT_TYPES, q.bucket(limit, q.K_BUCKETS), q.bucket(max_hops, q.HOP_BUCKETS), directed
    )


PAD = 500  # the width the reads' string parameters are padded to (longer ones stay as they are)


def _pad(value: str) -> str:
    return value.ljust(PAD)


def _bars(values: Sequence[str] | None) -> str:
    """``["a", "b"]`` as ``"|a|b|"`` (None or empty: '')."""
    return "|" + "|".join(values) + "|" if values else ""


def type_names(predicates: Sequence[Predicate] | None) -> list[str] | None:
    """The relationship types of ``predicates`` as a query parameter (None: every fact type)."""
    return sorted({p.rel_type for p in predicates}) if predicates else None


# Entities with more fact edges than this are hubs: paths end at them but never pass through.
DEFAULT_MAX_DEGREE = 1000


@planned
def paths(
    source_id: str,
    target_id: str,
    *,
    max_hops: int,
    limit: int,
    predicates: Sequence[Predicate] | None,
    stances: Sequence[Stance] | None,
    as_of: str | None,
    directed: bool,
    timeout: float,
    max_degree: int = DEFAULT_MAX_DEGREE,
    undated: Undated = "mark",
) -> Plan[dict[str, Any]]:
    """The k shortest paths that pass through no hub (an entity with more than ``max_degree``
    fact edges), each hop a full fact (one query, which also checks both ends exist)."""
    if source_id == target_id:
        raise InvalidInput("from and to must differ", {"field": "to"})
    rows = yield (
        paths_query(limit, max_hops, directed),
        {
            # padded strings, never null: a parameter whose type (or size bucket) changes makes
            # Neo4j plan the query anew (graph/read_queries.py, TYPES_OK)
            "from": _pad(source_id),
            "to": _pad(target_id),
            "types": _pad(_bars(type_names(predicates))),
            "limit": limit,
            "max_hops": max_hops,
            "stances": _pad(_bars(_stances(stances))),
            "as_of": as_of or q.NO_DAY,  # a day: always 10 characters
            "undated": undated,
            "max_degree": max_degree,
        },
        timeout,
    )
    row = rows[0]
    for key, eid, found in (("from", source_id, row["from_found"]), ("to", target_id, row["to_found"])):
        if not found:
            raise NotFound(f"no entity {eid}", {"field": key, "id": eid})
    if row["same"]:
        raise InvalidInput(f"{source_id} and {target_id} are one entity (a same-as decision)", {"field": "to"})
    paths = [_path(p["nodes"], p["rels"], as_of, undated) for p in row["paths"]]
    if paths:
        return {"paths": paths, "max_degree": max_degree, "no_path": None}
    why = yield paths_why.QUERY, {"from": _pad(source_id), "to": _pad(target_id), "max_degree": max_degree}, timeout
    return {"paths": [], "max_degree": max_degree, "no_path": paths_why.explain(why, max_hops, max_degree)}


# -- exposure -----------------------------------------------------------------------------


def exposure_query(max_hops: int) -> LiteralString:
    chain = list(EXPOSURE_CHAIN) + [Predicate.OWNS]
    subject_side = [p for p, s in PREDICATES.items() if s.regulatory and s.target == "subject"]
    object_side = [p for p, s in PREDICATES.items() if s.regulatory and s.target == "object"]
    return q.exposure(q.rel_types(chain), q.rel_types(subject_side), q.rel_types(object_side), max_hops)


@planned
def exposure(
    eid: str,
    max_hops: int,
    as_of: str | None,
    timeout: float,
    undated: Undated = "mark",
    known_at: str | None = None,
) -> Plan[dict[str, Any]]:
    """Regulatory facts reaching the entity, each with the chain it reaches it by (one query);
    ``known_at`` keeps the regulatory facts known by then (the chain's are not filtered)."""
    params = {"id": _pad(eid), "as_of": as_of or q.NO_DAY, "undated": undated, "known_at": known_at or q.NO_DAY}
    rows = yield exposure_query(max_hops), params, timeout
    if not rows:
        raise NotFound(f"no entity {eid}", {"id": eid})
    return {"entity": _entity(rows[0]["entity"]), "actions": exposure_actions(rows[0]["rows"], as_of, undated)}


def exposure_actions(rows: list[dict[str, Any]], as_of: str | None, undated: Undated) -> list[dict[str, Any]]:
    """An exposure query's rows as actions: each fact once, by its shortest chain (rows come first)."""
    seen: dict[str, dict[str, Any]] = {}
    for r in rows:
        seen.setdefault(r["fact_id"], r)
    return [
        {
            "fact": validity(dict(r["fact"]), as_of, undated),
            "path": _path(r["chain_nodes"], r["chain_rels"], as_of, undated),
            "via": r["target"],
        }
        for r in seen.values()
    ]


def gazetteer(graph: Graph, limit: int = 100_000) -> list[dict[str, Any]]:
    """Reviewed entities (names, aliases) for the article extractor's gazetteer."""
    return [_record(r["entity"]) for r in graph.read_plain(q.GAZETTEER, {"limit": limit})]


@planned
def graph_version() -> Plan[str]:
    """A short token that changes exactly when a load run (or a resolution decision) changes the graph."""
    rows = yield q.GRAPH_VERSION, {}, None
    row = rows[0] if rows else {"runs": 0, "last": None}
    return hashlib.sha256(f"{row['runs']}|{row['last']}".encode()).hexdigest()[:16]


def graph_stats(graph: Graph) -> dict[str, Any]:
    """What /metrics reports from the graph: schema version and load runs by status."""
    from . import migrations  # local: migrations imports this package's database module only

    return {
        "schema_version": migrations.applied_version(graph),
        "load_runs": {str(r["status"]): int(r["n"]) for r in graph.read_once(q.LOAD_RUNS_BY_STATUS)},
    }
