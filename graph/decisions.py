"""Entity-resolution decisions, one at a time: list them, merge a pair, undo a merge.

A decision is a claim like any other — ``same-as`` (merge, stance ``asserted``), its undo (the same
pair, stance ``retracted``), or ``possibly-same-as`` (unsure, left for review) — with a Source
holding the decision's line as its text (who, when, why), written through a LoadRun (loader
``resolve``). After a merge or an undo the clusters around the pair are recomputed
(:func:`graph.clusters.recluster`), so the answers change at once and undoing restores them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, Literal

from schema.errors import InvalidInput, NotFound
from schema.models import Citation, Claim, Source, digest
from schema.ontology import DISTINCT_BY, IDENTITY, Method, Predicate, Stance

from . import ingest, queries
from .clusters import ReclusterReport, active, recluster
from .database import Graph

Status = Literal["merged", "undone", "unsure"]


def resolutions(graph: Graph, status: Status | None = None, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """Every recorded decision about a pair, newest state first: merged, undone or unsure."""
    items: list[dict[str, Any]] = []
    for row in graph.read(queries.RESOLUTIONS, {"types": sorted(p.value for p in IDENTITY)}):
        claims = list(row["claims"])
        if row["predicate"] == Predicate.POSSIBLY_SAME_AS.value:
            state: Status = "unsure"
        else:
            state = "merged" if active(claims) else "undone"
        latest = max(claims, key=_when)
        qualifiers = json.loads(latest["qualifiers"]) if latest["qualifiers"] else {}
        items.append(
            {
                "id": row["fact_id"],
                "status": state,
                "subject": row["subject"],
                "object": row["object"],
                "score": qualifiers.get("score"),
                "reason": qualifiers.get("reason"),
                "decided_at": qualifiers.get("decided_at"),
                "claims": len(claims),
            }
        )
    decided = {frozenset((i["subject"], i["object"])) for i in items if i["status"] != "unsure"}
    items = [i for i in items if i["status"] != "unsure" or frozenset((i["subject"], i["object"])) not in decided]
    if status is not None:
        items = [i for i in items if i["status"] == status]
    items.sort(key=lambda i: (i["decided_at"] or "", i["id"]), reverse=True)
    return {"items": items[offset : offset + limit], "total": len(items), "limit": limit, "offset": offset}


def pair_of(graph: Graph, decision_id: str) -> tuple[str, str]:
    """The (subject, object) of a same-as decision, by its id (its fact id)."""
    rows = graph.read(queries.DECISION_PAIR, {"id": decision_id})
    if not rows:
        raise NotFound(f"no same-as decision {decision_id}", {"id": decision_id})
    return str(rows[0]["subject"]), str(rows[0]["object"])


def _when(claim: dict[str, Any]) -> str:
    qualifiers = json.loads(claim["qualifiers"]) if claim["qualifiers"] else {}
    return str(qualifiers.get("decided_at", ""))


def _refuse_related(graph: Graph, a: str, b: str) -> None:
    """A merge of two entities the graph itself calls two (one a subsidiary, owner, part of or
    linked to the other, or to a member of its cluster) is refused: retract that fact first."""
    rows = graph.read(queries.distinct_between(tuple(sorted(p.rel_type for p in DISTINCT_BY))), {"a": a, "b": b})
    if rows:
        row = rows[0]
        fact = f"{row['subject']} {Predicate.from_rel_type(row['rel_type']).value} {row['object']}"
        raise InvalidInput(
            f"{a} and {b} are two entities by the graph's own facts ({fact}); retract that claim before merging them",
            {"field": "object"},
        )


def decide(
    graph: Graph, a: str, b: str, action: Literal["merge", "undo"], reason: str, by: str = "regkg"
) -> tuple[dict[str, Any], ReclusterReport]:
    """Merge ``a`` and ``b`` or undo their merge: write the decision, recompute their clusters."""
    if a == b:
        raise InvalidInput("a decision needs two different ids", {"field": "object"})
    if not reason.strip():
        raise InvalidInput("say why (reason)", {"field": "reason"})
    rows = graph.read(queries.PAIR, {"a": a, "b": b})
    found = {r["id"]: r for r in rows}
    for eid in (a, b):
        if eid not in found:
            raise NotFound(f"no entity {eid}", {"id": eid})
    existing = graph.read(queries.PAIR_DECISIONS, {"a": a, "b": b})
    merged = bool(existing) and active(existing)
    if action == "undo" and not merged:
        raise InvalidInput(f"{a} and {b} are not merged: nothing to undo", {"field": "object"})
    if action == "merge" and merged:
        raise InvalidInput(f"{a} and {b} are merged already", {"field": "object"})
    if action == "merge":
        _refuse_related(graph, a, b)
    subject, obj = (existing[0]["subject"], existing[0]["object"]) if existing else (a, b)
    when = datetime.now(UTC).isoformat(timespec="seconds")
    verb = "merged" if action == "merge" else "undone"
    line = f"{subject} same-as {obj}: {verb} by {by} at {when}: {reason.strip()}"
    source = Source(
        id=f"source:resolution-{digest(line, length=16)}",
        title=f"Entity-resolution decision: {subject} and {obj} {verb}",
        kind="dataset",
        publisher="regkg resolve",
        text=line + "\n",
    )
    claim = Claim(
        subject=subject,
        predicate=Predicate.SAME_AS,
        object=obj,
        stance=Stance.ASSERTED if action == "merge" else Stance.RETRACTED,
        qualifiers={"decision": verb, "reason": reason.strip(), "decided_at": when, "decided_by": by},
        method=Method.CURATED,
        citations=(Citation(source=source.id, quote=line, start=0, end=len(line)),),
    )
    data = ingest.LoadData(sources=[source], claims=[claim], external_refs={subject, obj})
    report = ingest.ingest(graph, data, loader="resolve", inputs=[source.id], input_sha256=source.sha256 or "")
    moved = recluster(graph, [subject, obj])
    ingest.after_run(graph, report.run_id or "")
    return {"subject": subject, "object": obj, "status": verb, "decided_at": when, "run": report.run_id}, moved
