"""Screening's reads: candidate entities for a batch of records (one query), their exposure.

The matching itself is pure (``screen/``, which also builds each record's search query:
``screen/search.py``); this module runs the queries — the search index's hits folded into
canonical entities — and reads the regulatory exposure of the entities matched.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from . import reads, screen_queries
from .database import Graph
from .read_queries import NO_DAY
from .screen_queries import CANDIDATES

PER_RECORD = 10  # candidates scored per record
SCAN = 40  # index hits read per record before folding them into canonical entities


def candidates(
    graph: Graph, records: Sequence[dict[str, Any]], timeout: float | None = None
) -> list[list[dict[str, Any]]]:
    """For each record (``{"q": a Lucene query or None, "types": [entity types]}``), its candidate
    entities (canonical, with ``members``), best search score first."""
    batch = [{"i": i, "q": rec["q"], "types": list(rec["types"])} for i, rec in enumerate(records) if rec["q"]]
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
        out[row["id"].strip()] = reads.exposure_actions(row["rows"], as_of, "mark")
    return out
