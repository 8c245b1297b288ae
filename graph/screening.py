"""Screening's reads: candidate entities for a batch of records (one query), their exposure.

The matching itself is pure (``screen/``); this module finds whom to compare each record with —
the search index's hits on its name (folded, and transliterated to Latin letters when written in
another script), on its words' beginnings (a Russian genitive, a typo's tail) and on its
identifiers — and reads the regulatory exposure of the entities it matched.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rigour.text.translit import ascii_text

from . import reads, screen_queries
from .database import Graph
from .read_queries import NO_DAY
from .reads import lucene_query
from .screen_queries import CANDIDATES

PER_RECORD = 10  # candidates scored per record
SCAN = 40  # index hits read per record before folding them into canonical entities


def record_query(name: str | None, identifiers: Sequence[str]) -> str | None:
    """The Lucene query of a record: its name as search does it, its Latin transliteration (when
    the name is in another script) and each word's first five letters as a prefix, and its
    identifiers as exact terms (boosted)."""
    parts: list[str] = []
    if name:
        latin = ascii_text(name)
        for text in dict.fromkeys([name, latin]):
            q = lucene_query(text)
            if q:
                parts.append(q)
        words = [w.lower() for w in latin.replace(",", " ").replace(".", " ").split() if w.isalpha() and len(w) > 6]
        parts.extend(f"{w[:5]}*" for w in dict.fromkeys(words))
    for value in identifiers:
        token = "".join(ch for ch in value if ch.isalnum())
        if len(token) >= 4:
            parts.append(f'"{token}"^8')
    return " OR ".join(parts) if parts else None


def candidates(
    graph: Graph, records: Sequence[dict[str, Any]], timeout: float | None = None
) -> list[list[dict[str, Any]]]:
    """For each record (``{"name", "identifiers": [values], "types": [entity types]}``), its
    candidate entities (canonical, with ``members``), best search score first."""
    batch = []
    for i, rec in enumerate(records):
        q = record_query(rec.get("name"), rec.get("identifiers") or [])
        if q:
            batch.append({"i": i, "q": q, "types": list(rec["types"])})
    out: list[list[dict[str, Any]]] = [[] for _ in records]
    if not batch:
        return out
    rows = graph.read_plain(CANDIDATES, {"records": batch, "per": PER_RECORD, "scan": SCAN}, timeout)
    for row in rows:
        found = []
        for c in row["candidates"]:
            entity = _plain(c["entity"])
            entity["members"] = [_plain(m) for m in c["members"]]
            entity["search_score"] = c["search_score"]
            found.append(entity)
        out[row["i"]] = found
    return out


def _plain(raw: dict[str, Any]) -> dict[str, Any]:
    out = dict(raw)
    ident = out.get("identifiers")
    out["identifiers"] = json.loads(ident) if isinstance(ident, str) and ident else {}
    return out


def exposures(
    graph: Graph, ids: Sequence[str], as_of: str | None, timeout: float | None = None, max_hops: int = 3
) -> dict[str, list[dict[str, Any]]]:
    """For each entity, the regulatory facts on it or reaching it up ownership / part-of /
    same-as chains, each with its chain — what :func:`graph.reads.exposure` answers for one, in
    one query for all."""
    if not ids:
        return {}
    params = {
        "ids": [reads._pad(i) for i in ids],
        "as_of": as_of or NO_DAY,
        "undated": "mark",
        "known_at": NO_DAY,
    }
    rows = graph.read_plain(screen_queries.exposures(reads.exposure_query(max_hops)), params, timeout)
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for row in rows:
        seen: dict[str, dict[str, Any]] = {}
        for r in row["rows"]:
            if r["fact_id"] not in seen:  # rows come shortest chain first
                seen[r["fact_id"]] = r
        out[row["id"].strip()] = [
            {
                "fact": reads.validity(dict(r["fact"]), as_of, "mark"),
                "path": reads._path(r["chain_nodes"], r["chain_rels"], as_of, "mark"),
                "via": r["target"],
            }
            for r in seen.values()
        ]
    return out
