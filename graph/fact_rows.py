"""What the writer stores for claims and facts, computed without the database: a claim's row
(its properties, ends and citations) and a fact edge's properties from the rows of its claims.

:mod:`graph.writer` writes them in transactions; :mod:`graph.import_tables` renders the same rows
as ``neo4j-admin`` import tables (``regkg db import``), so the two paths cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from schema.dates import earliest, latest
from schema.models import Claim
from schema.ontology import (
    LISTING_ENDED,
    TYPED_QUALIFIERS,
    VERSION_ENDED,
    Predicate,
    Stance,
    typed_qualifiers,
)

# Which claim's quote represents the fact: established stances first, then confidence.
_STANCE_RANK = {
    Stance.ASSERTED: 0,
    Stance.REPORTED: 1,
    Stance.ALLEGED: 2,
    Stance.PROPOSED: 3,
    Stance.DISPUTED: 4,
    Stance.DENIED: 5,
    Stance.RETRACTED: 6,
}


# A fact's parties by the stance of their claims: ``asserted_by`` holds only those whose claims
# establish it (asserted, or reported by the source); the party that disputes a ban is not one.
_PARTY_ROLES: dict[str, frozenset[str]] = {
    "asserted": frozenset({Stance.ASSERTED.value, Stance.REPORTED.value}),
    "alleged": frozenset({Stance.ALLEGED.value}),
    "proposed": frozenset({Stance.PROPOSED.value}),
    "disputed": frozenset({Stance.DISPUTED.value}),
    "denied": frozenset({Stance.DENIED.value}),
    "retracted": frozenset({Stance.RETRACTED.value}),
}


def _claim_row(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "subject": c.subject,
        "object": c.object,
        "asserted_by": c.asserted_by,
        "citations": [{"source": x.source, "quote": x.quote, "start": x.start, "end": x.end} for x in c.citations],
        "props": {
            "fact_id": c.fact_id,
            "subject": c.subject,
            "predicate": c.predicate.value,
            "object": c.object,
            "stance": c.stance.value,
            "valid_from": c.valid_from,
            "valid_to": c.valid_to,
            "qualifiers": json.dumps(c.qualifiers, sort_keys=True, ensure_ascii=False),
            "confidence": c.confidence,
            "method": c.method.value,
            **typed_qualifiers(c.predicate, c.qualifiers),  # e.g. percentage: 51.0, for Cypher filters
        },
    }


_ENDED_KEY = f'"{VERSION_ENDED}":'  # the qualifier's key as the claim's JSON qualifiers hold it
_LISTING_ENDED_KEY = f'"{LISTING_ENDED}":'


def absent_if_empty(props: dict[str, Any]) -> dict[str, Any]:
    """The properties with every empty list left out (``None``: ``SET x += props`` removes it). A list
    property is absent when it would be empty, on every path into the graph: neo4j-admin import cannot store
    an empty array, so the transactional writer stores none either, and readers read absent as ``[]``."""
    return {k: None if v == [] else v for k, v in props.items()}


def fact_props(claims: list[dict[str, Any]]) -> dict[str, Any]:
    """A fact edge's properties from the rows of its claims (see FACT_CLAIMS)."""
    stances = sorted({c["stance"] for c in claims}, key=lambda s: _STANCE_RANK[Stance(s)])
    ends: list[dict[str, Any]] = []
    rest: list[dict[str, Any]] = []
    for c in claims:  # one pass: a fact may have many claims, and this runs for every fact written
        quals = c.get("qualifiers") or ""
        (ends if _ENDED_KEY in quals else rest).append(c)
        if _LISTING_ENDED_KEY in quals and c["valid_to"]:  # the list says the listing ended: an end too
            ends.append(c)
    rest = rest or claims
    froms = [str(earliest(c["valid_from"])) for c in rest if c["valid_from"]]
    tos = [latest(c["valid_to"]) for c in rest]
    valid_from = min(froms) if froms else None
    # open-ended (no valid_to) on any claim keeps the fact open-ended ...
    valid_to = None if (not tos or None in tos) else max(t for t in tos if t)
    gaps = _gaps(froms, sorted({str(latest(c["valid_to"])) for c in ends}))
    if ends:  # ... unless a later list version no longer holds it, and nothing (a return) starts after
        last_end = max(str(latest(c["valid_to"])) for c in ends)
        if not any(f > last_end for f in froms):
            valid_to = last_end if valid_to is None else max(valid_to, last_end)
    best = min(rest, key=lambda c: (_STANCE_RANK[Stance(c["stance"])], -float(c["confidence"] or 0)))
    best_cites = sorted((x for x in best["cites"] if x.get("quote")), key=lambda x: x.get("start") or 0)
    sources = {x["source"] for c in claims for x in c["cites"] if x.get("source")}
    raw_from = next((c["valid_from"] for c in claims if earliest(c["valid_from"]) == valid_from), None)
    raw_to = next((c["valid_to"] for c in claims if latest(c["valid_to"]) == valid_to), None)
    return absent_if_empty(
        {
            **_typed(claims[0]["predicate"], [best, *claims]),
            "predicate": claims[0]["predicate"],
            "stances": stances,
            "established": any(s in (Stance.ASSERTED.value, Stance.REPORTED.value) for s in stances),
            "valid_from": raw_from,
            "valid_to": raw_to,
            "valid_from_key": valid_from,
            "valid_to_key": valid_to,
            # the periods between an end (a later version lacked it) and a return: "end/return" days
            "gaps": [f"{a}/{b}" for a, b in gaps],
            "n_claims": len(claims),
            "n_sources": len(sources),
            # who establishes the fact, apart from who accuses, proposes, disputes, denies or retracts it
            **{
                f"{role}_by": sorted(
                    {c["asserted_by"] for c in claims if c["asserted_by"] and c["stance"] in stances_of}
                )
                for role, stances_of in _PARTY_ROLES.items()
            },
            "confidence": max(float(c["confidence"] or 0) for c in claims),
            "quote": best_cites[0]["quote"] if best_cites else None,
        }
    )


def _typed(predicate: str, claims: list[dict[str, Any]]) -> dict[str, float]:
    """The fact's typed qualifiers (ontology TYPED_QUALIFIERS): each from the first of ``claims``
    (the best claim first) that has it."""
    names = TYPED_QUALIFIERS.get(Predicate(predicate))
    if not names:
        return {}
    out: dict[str, float] = {}
    for c in claims:
        found = typed_qualifiers(Predicate(predicate), json.loads(c.get("qualifiers") or "{}"))
        for name in names:
            if name in found:
                out.setdefault(name, found[name])
    return out


def _gaps(starts: list[str], ends: list[str]) -> list[tuple[str, str]]:
    """The periods a fact was not in force: from each end (a list version that no longer held it)
    to the first start after it (a return, or a new listing) — an end with no start after it
    closes the fact instead (``valid_to``). Days as ``YYYY-MM-DD`` (partial dates widened)."""
    out: list[tuple[str, str]] = []
    after = sorted(set(starts))
    for end in ends:
        if out and end < out[-1][1]:
            continue  # ended again before it came back: one gap
        nxt = next((s for s in after if s > end), None)
        if nxt is None:
            break
        out.append((end, nxt))
    return out


_FACT_FIELDS = (
    "fact_id",
    "subject",
    "predicate",
    "object",
    "stance",
    "valid_from",
    "valid_to",
    "confidence",
    "qualifiers",
)


def _fact_row(c: Claim, props: dict[str, Any]) -> dict[str, Any]:
    """A new claim in the shape of a FACT_CLAIMS row, from its ``_claim_row`` properties."""
    row = {k: props[k] for k in _FACT_FIELDS}
    row["claim_id"] = c.id
    row["asserted_by"] = c.asserted_by
    row["cites"] = [{"source": x.source, "quote": x.quote, "start": x.start} for x in c.citations]
    return row


def claim_rows(claims: Iterable[Claim]) -> dict[str, dict[str, Any]]:
    """The CREATE_CLAIMS rows of some claims, by id: pure, so a stream computes them in its
    read-ahead thread while the database writes the batch before (see graph.ingest)."""
    return {c.id: _claim_row(c) for c in claims}
