"""Reviewed screening decisions: "record R is not entity E" (a false positive) or "is" (a true
match), with who decided, why and when.

A decision is a claim like every other statement: the screened record is an entity of type
``Record`` (``record:<slug>-<hash>``, named after the caller's id), and the claim is ``(record)
screened-as (entity)`` — stance ``asserted`` for a true match, ``denied`` for a false positive —
citing a Source that holds the decision's line (who, when, verdict, record, entity, why; the line
is the quote), written through a LoadRun (loader ``screen-decisions``). Its qualifiers keep the
verdict, who, why, when and a digest of the entity's regulatory exposure when it was decided: a
false positive is suppressed from later screenings of the same record only while that exposure is
unchanged (a new listing brings the match back). ``screened-as`` joins the ids themselves and is
never walked as a fact of the world (:data:`schema.ontology.ID_LEVEL`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Literal

from schema.errors import InvalidInput, NotFound
from schema.models import Citation, Claim, Entity, Source, digest, slug
from schema.ontology import EntityType, Method, Predicate, Stance

from . import ingest, queries
from .database import Graph
from .screen_queries import DECISIONS_FOR, DECISIONS_LIST, LEGACY_DECISIONS, LEGACY_FORGET

Verdict = Literal["false-positive", "true-match"]
STANCE: dict[str, Stance] = {"true-match": Stance.ASSERTED, "false-positive": Stance.DENIED}


def exposure_digest(actions: Sequence[dict[str, Any]]) -> str:
    """What a decision remembers of an entity's exposure: each regulatory fact, its dates and stances."""
    facts = sorted(
        (a["fact"]["fact_id"], a["fact"].get("valid_from"), a["fact"].get("valid_to"), sorted(a["fact"]["stances"]))
        for a in actions
    )
    return hashlib.sha256(json.dumps(facts, default=str).encode()).hexdigest()[:16]


def record_entity_id(record_key: str) -> str:
    """The graph id of a caller's record: readable, and distinct for distinct keys."""
    return f"record:{slug(record_key)[:60].strip('-') or 'record'}-{digest(record_key, length=8)}"


def record(
    graph: Graph,
    record_key: str,
    entity_id: str,
    verdict: Verdict,
    by: str,
    reason: str,
    actions: Sequence[dict[str, Any]],
    *,
    decided_at: str | None = None,
    digest_of_exposure: str | None = None,
) -> dict[str, Any]:
    """Write a decision on (record, entity); ``actions``: the entity's exposure now."""
    record_key, by, reason = record_key.strip(), by.strip(), reason.strip()
    if not reason or not by or not record_key:
        raise InvalidInput("a decision needs the record, who decided (by) and why (reason)", {"field": "reason"})
    rows = graph.read(queries.RESOLVE_IDS, {"ids": [entity_id]})
    if not rows or rows[0]["type"] in ("Source", EntityType.RECORD.value):
        raise NotFound(f"no entity {entity_id}", {"id": entity_id})
    when = decided_at or datetime.now(UTC).isoformat(timespec="seconds")
    line = f"screening record {record_key!r} {verdict} {entity_id}: decided by {by} at {when}: {reason}"
    source = Source(
        id=f"source:screening-decision-{digest(line, length=16)}",
        title=f"Screening decision: record {record_key} and {entity_id}: {verdict}",
        kind="dataset",
        publisher="regkg screen",
        published_at=when[:10],
        text=line + "\n",
    )
    rid = record_entity_id(record_key)
    screened = Entity(
        id=rid,
        type=EntityType.RECORD,
        name=f"Screened record {record_key}",
        identifiers={"record": record_key},
        description="a counterparty record screened by a regkg user, under the caller's id",
    )
    qualifiers = {
        "verdict": verdict,
        "record_id": record_key,
        "decided_by": by,
        "reason": reason,
        "decided_at": when,
        "exposure_digest": digest_of_exposure or exposure_digest(actions),
    }
    claim = Claim(
        subject=rid,
        predicate=Predicate.SCREENED_AS,
        object=entity_id,
        stance=STANCE[verdict],
        qualifiers=qualifiers,
        method=Method.CURATED,
        citations=(Citation(source=source.id, quote=line, start=0, end=len(line)),),
    )
    report = ingest.ingest(
        graph,
        ingest.LoadData(entities=[screened], sources=[source], claims=[claim], external_refs={entity_id}),
        loader="screen-decisions",
        inputs=[source.id],
        input_sha256=source.sha256 or "",
    )
    return _answer(
        {"id": claim.id, "fact_id": claim.fact_id, "record": rid, "entity_id": entity_id}
        | {"qualifiers": json.dumps(qualifiers)}
        | {"source": source.id, "run": report.run_id}
    )


def _answer(row: dict[str, Any]) -> dict[str, Any]:
    q = json.loads(row["qualifiers"]) if isinstance(row["qualifiers"], str) else dict(row["qualifiers"] or {})
    return {
        "id": row["id"],
        "fact_id": row["fact_id"],
        "record_id": q.get("record_id"),
        "record_entity": row["record"],
        "entity_id": row["entity_id"],
        "verdict": q.get("verdict"),
        "by": q.get("decided_by"),
        "reason": q.get("reason"),
        "decided_at": q.get("decided_at"),
        "exposure_digest": q.get("exposure_digest"),
        "source": row["source"],
        "run": row["run"],
    }


def latest(graph: Graph, pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The latest decision on each (record key, entity id) pair that has one (an entity id finds
    the decisions on its same-as cluster's members too)."""
    if not pairs:
        return {}
    wanted = {(record_entity_id(k), e): (k, e) for k, e in set(pairs)}
    rows = graph.read_plain(DECISIONS_FOR, {"pairs": [list(p) for p in wanted]})
    decided = _newest_first([_answer(r) | {"_pair": wanted[(r["record"], r["asked"])]} for r in rows])
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for d in decided:
        out.setdefault(d.pop("_pair"), d)
    return out


def _newest_first(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """By the time decided, newest first (ties by id; the sort is stable)."""
    return sorted(sorted(items, key=lambda d: d["id"]), key=lambda d: d["decided_at"] or "", reverse=True)


def listing(graph: Graph, record_key: str | None, limit: int, offset: int) -> dict[str, Any]:
    """The decisions (of one record), newest first, a page of them (they are few: sliced here)."""
    rid = record_entity_id(record_key.strip()) if record_key is not None else None
    items = _newest_first([_answer(r) for r in graph.read_plain(DECISIONS_LIST, {"record": rid})])
    return {"items": items[offset : offset + limit], "total": len(items), "limit": limit, "offset": offset}


def upgrade(graph: Graph) -> int:
    """Rewrite decisions stored as ``ScreeningDecision`` nodes (schema 4) as claims, with their
    own time, verdict and exposure digest, then remove the nodes; the number rewritten."""
    rows = graph.read_plain(LEGACY_DECISIONS, {})
    for r in rows:
        record(
            graph,
            r["record_key"],
            r["entity_id"],
            r["verdict"],
            r["by"],
            r["reason"],
            (),
            decided_at=r["decided_at"],
            digest_of_exposure=r["exposure_digest"],
        )
    if rows:
        graph.write(LEGACY_FORGET, {"ids": [r["id"] for r in rows]})
    return len(rows)
