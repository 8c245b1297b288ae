"""Same-as clusters: the recorded decisions that several ids are one real-world entity, applied.

A cluster is the set of ids joined by *active* same-as decisions — for each pair, the latest of
its same-as claims (ordered by the ``decided_at`` qualifier; older claims without one come first)
is a merge (stance ``asserted``), not an undo (stance ``retracted``). Every member of a cluster of
two or more carries ``canonical``: the id the cluster answers under
(:func:`schema.models.canonical_of`: curated before list before dataset, then the smallest id —
stable across reloads). Every fact about any member joins the canonical entities, under the
canonical fact id, while each claim keeps the member it was made about (``SUBJECT``/``OBJECT``
and ``c.subject``/``c.object``): the seed's and the FCC's Covered-List listings of Kaspersky are
one fact with both claims.

:func:`recluster` is run after decisions change (``regkg resolve --apply``, ``regkg resolve
undo``): it recomputes the clusters around the given ids, moves the ``canonical`` marks, and
rebuilds the fact edges of every claim about an id whose canonical entity changed. The writer
keeps later loads in step (:func:`graph.writer._canonical_facts`). Nothing is merged physically:
undoing a decision restores the separate answers.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from schema.models import canonical_of, fact_id
from schema.ontology import ID_LEVEL, Predicate, Stance

from . import queries
from .database import Graph
from .writer import fact_props

_IDENTITY = sorted(p.value for p in ID_LEVEL)


@dataclass
class ReclusterReport:
    clusters: int = 0  # clusters of two or more among the ids looked at
    moved: int = 0  # ids whose canonical entity changed
    facts: int = 0  # fact edges rebuilt
    canonical: set[str] = field(default_factory=set)  # the clusters' canonical ids


CHUNK = 200  # ids per transaction: a cluster's facts are rebuilt whole, a chunk's at a time


def recluster(graph: Graph, ids: Iterable[str]) -> ReclusterReport:
    """Recompute the clusters around ``ids`` and move their facts, :data:`CHUNK` ids per write
    transaction (each takes in the whole clusters its ids belong to; a cluster met again in a
    later chunk is already in step and changes nothing)."""
    wanted = sorted(set(ids))
    total = ReclusterReport()
    canonical: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        part: ReclusterReport = graph.write_tx(_recluster, wanted[start : start + CHUNK])
        canonical |= part.canonical
        total.moved += part.moved
        total.facts += part.facts
    total.clusters = len(canonical)
    return total


def active(claims: list[dict[str, Any]]) -> bool:
    """Is the pair merged: is its latest same-as decision a merge, not an undo?"""

    def when(c: dict[str, Any]) -> str:
        qualifiers = json.loads(c["qualifiers"]) if c["qualifiers"] else {}
        return str(qualifiers.get("decided_at", ""))

    latest = max(claims, key=lambda c: (when(c), c["stance"] != Stance.RETRACTED.value))
    return bool(latest["stance"] != Stance.RETRACTED.value)


def _components(tx: ManagedTransaction, ids: list[str]) -> tuple[list[set[str]], dict[str, str | None]]:
    """The clusters (active same-as components) holding ``ids`` and every member of their old
    clusters, and each of those ids' old canonical mark."""
    old: dict[str, str | None] = {}
    links: dict[str, set[str]] = defaultdict(set)
    seen: set[str] = set()
    frontier = set(ids)
    while frontier:
        batch = sorted(frontier - seen)
        seen |= frontier
        frontier = set()
        if not batch:
            break
        rows = tx.run(queries.CLUSTER_NEIGHBOURHOOD, ids=batch).data()
        decided: dict[str, list[dict[str, Any]]] = defaultdict(list)
        pairs: dict[str, tuple[str, str]] = {}
        for row in rows:
            old[row["id"]] = row["canonical"]
            frontier.update(row["old_members"])
            for link in row["links"]:
                pairs[link["fact_id"]] = (row["id"], link["other"])
        if pairs:
            for c in tx.run(queries.DECISION_CLAIMS, fact_ids=sorted(pairs)).data():
                decided[c["fact_id"]].append(c)
        for fid, (a, b) in pairs.items():
            if decided.get(fid) and active(decided[fid]):
                links[a].add(b)
                links[b].add(a)
                frontier.add(b)
        frontier -= seen
    components: list[set[str]] = []
    placed: set[str] = set()
    for start in sorted(old):
        if start in placed:
            continue
        group, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node in group:
                continue
            group.add(node)
            stack.extend(links[node] - group)
        placed |= group
        components.append(group)
    return components, old


def _recluster(tx: ManagedTransaction, ids: list[str]) -> ReclusterReport:
    components, old = _components(tx, ids)
    new: dict[str, str | None] = {}
    report = ReclusterReport()
    for group in components:
        canonical = canonical_of(group) if len(group) > 1 else None
        if canonical is not None:
            report.canonical.add(canonical)
        report.clusters = len(report.canonical)
        for member in group:
            new[member] = canonical
    moved = sorted(i for i in new if new[i] != old.get(i))
    report.moved = len(moved)
    if not moved:
        return report
    tx.run(queries.SET_CANONICAL, rows=[{"id": i, "canonical": new[i]} for i in moved]).consume()
    report.facts = _rebuild_facts(tx, moved)
    return report


def _rebuild_facts(tx: ManagedTransaction, moved: list[str]) -> int:
    """Give every claim about a moved id the fact id of its canonical ends, then rebuild each fact
    those claims left or joined from all its claims (an old fact may keep claims about ids that
    did not move)."""
    claims = tx.run(queries.CLAIMS_ABOUT, ids=moved, identity=_IDENTITY).data()
    if not claims:
        return 0
    canon = _canonical(tx, {x for c in claims for x in (c["subject"], c["object"])})
    stale: dict[str, set[str]] = defaultdict(set)  # relationship type → fact ids to rebuild
    updates: list[dict[str, str]] = []
    for c in claims:
        predicate = Predicate(c["predicate"])
        fid = fact_id(canon[c["subject"]], predicate, canon[c["object"]])
        stale[predicate.rel_type] |= {c["fact_id"], fid}
        if fid != c["fact_id"]:
            updates.append({"id": c["id"], "fact_id": fid})
    for rel, fids in stale.items():
        tx.run(queries.delete_facts(rel), fact_ids=sorted(fids)).consume()
    if updates:
        tx.run(queries.SET_CLAIM_FACT_IDS, rows=updates).consume()
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    every = sorted(set().union(*stale.values()))
    for row in tx.run(queries.FACT_CLAIMS, fact_ids=every).data():
        grouped[row["fact_id"]].append(row)
    canon |= _canonical(
        tx, {x for rows in grouped.values() for r in rows for x in (r["subject"], r["object"])} - set(canon)
    )
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fid, rows in grouped.items():
        rows.sort(key=lambda r: r["claim_id"])
        first = rows[0]
        by_type[Predicate(first["predicate"]).rel_type].append(
            {
                "fact_id": fid,
                "subject": canon[first["subject"]],
                "object": canon[first["object"]],
                "props": fact_props(rows),
            }
        )
    for rel, rows in by_type.items():
        tx.run(queries.create_facts(rel), rows=rows).consume()
    return len(grouped)


def _canonical(tx: ManagedTransaction, ids: set[str]) -> dict[str, str]:
    """Each id's canonical entity (itself outside a cluster)."""
    if not ids:
        return {}
    return {r["id"]: r["canonical"] or r["id"] for r in tx.run(queries.CANONICAL_OF, ids=sorted(ids)).data()}
