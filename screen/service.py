"""Screening a batch of records: candidates from the graph, scores from the matcher, exposure.

    Screener(graph, threshold=0.7, limit=5).batch(records)      # one batch (the API)
    Screener(graph).stream(batches)                               # batch after batch (the CLI)

One candidates query per batch (:func:`graph.screening.candidates`); each record's candidates
scored (:func:`screen.matcher.score`); the best ``limit`` at or above :data:`~screen.matcher.CUTOFF`
returned with their exposure (read once per entity and batch, and kept for the next batches of
the same :class:`Screener`) and the ownership rule's finding (``ownership``: OFAC's 50 % rule by
default, :mod:`ownership.service`); recorded decisions on (record, entity) pairs applied. The receipt
names the graph version and the matcher, so a past answer can be explained later.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph import reads, screen_decisions, screening
from graph.database import Graph
from graph.ingest import prefetched
from ownership import service as ownership_rule
from schema.dates import earliest

from .matcher import CUTOFF, SCREENED, THRESHOLD, matcher_info, score
from .records import ScreenRecord
from .search import record_query


@dataclass
class Screener:
    """Screens batches against one graph; exposure read for an entity is reused by later batches."""

    graph: Graph
    threshold: float = THRESHOLD
    limit: int = 5
    as_of: str | None = None
    timeout: float = 30.0
    decisions: bool = True  # apply reviewed decisions (graph.screen_decisions)
    ownership: ownership_rule.Options = field(default_factory=ownership_rule.Options)  # the rule findings apply
    exposures: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    ownerships: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def as_of_day(self) -> str | None:
        """``as_of`` as the day facts are compared with (a year or month: its first day)."""
        return earliest(self.as_of) if self.as_of else None

    def receipt(self) -> dict[str, Any]:
        return {
            "graph_version": reads.graph_version(self.graph),
            "matcher": matcher_info(),
            "threshold": self.threshold,
            "as_of": self.as_of,
            "ownership_rule": self.ownership.rule,
        }

    def batch(self, records: Sequence[ScreenRecord], first: int = 0) -> list[dict[str, Any]]:
        """The results of ``records`` in order; ``first``: the position of the first (a record
        without an id is keyed by it)."""
        return self.finish(records, self.fetch(records), first)

    def stream(
        self, batches: Iterable[Sequence[ScreenRecord]]
    ) -> Iterator[tuple[Sequence[ScreenRecord], list[dict[str, Any]]]]:
        """Each batch with its results, in turn; the next batch's candidates are read (in a
        thread) while this one is scored."""
        first = 0
        for records, found in prefetched((b, self.fetch(b)) for b in batches):
            yield records, self.finish(records, found, first)
            first += len(records)

    def fetch(self, records: Sequence[ScreenRecord]) -> list[list[dict[str, Any]]]:
        """Each record's candidates (one query)."""
        asked = [
            {
                "q": record_query(r.name, r.identifiers.values()),
                "types": [t.value for t in SCREENED[r.type]],
            }
            for r in records
        ]
        return screening.candidates(self.graph, asked, self.timeout)

    def finish(
        self, records: Sequence[ScreenRecord], found: list[list[dict[str, Any]]], first: int = 0
    ) -> list[dict[str, Any]]:
        """The records' results from their candidates: scored, their matches' exposure read."""
        results: list[dict[str, Any]] = []
        for i, (record, candidates) in enumerate(zip(records, found, strict=True)):
            by_id = {c["id"]: c for c in candidates}
            kept = [s for s in score(record, candidates) if s.score >= CUTOFF][: self.limit]
            matches = [
                {
                    "entity": _entity(by_id[s.entity_id]),
                    "score": s.score,
                    "match": s.score >= self.threshold,
                    "explanation": s.explanation,
                    "exposure": None,
                    "ownership": None,
                    "decision": None,
                }
                for s in kept
            ]
            results.append({"record_id": record.key(first + i), "matches": matches})
        # exposure is read for the matches (score ≥ threshold); a candidate below it says null
        hits = [m for r in results for m in r["matches"] if m["match"]]
        wanted = sorted({m["entity"]["id"] for m in hits} - set(self.exposures))
        self.exposures.update(screening.exposures(self.graph, wanted, self.as_of_day, self.timeout))
        unassessed = sorted({m["entity"]["id"] for m in hits} - set(self.ownerships))
        if unassessed:
            self.ownerships.update(
                ownership_rule.assess_many(self.graph, unassessed, as_of=self.as_of_day, options=self.ownership)
            )
        for m in hits:
            m["exposure"] = self.exposures.get(m["entity"]["id"], [])
            m["ownership"] = self.ownerships.get(m["entity"]["id"])
        if self.decisions:
            self._apply_decisions(results)
        return results

    def _apply_decisions(self, results: list[dict[str, Any]]) -> None:
        """Each match's latest decision; a false positive whose entity's regulatory exposure is
        as it was when decided is dropped (a new listing, an end, another stance: it is back)."""
        pairs = [(r["record_id"], m["entity"]["id"]) for r in results for m in r["matches"]]
        known = screen_decisions.latest(self.graph, pairs)
        if not known:
            return
        for r in results:
            kept = []
            for m in r["matches"]:
                d = known.get((r["record_id"], m["entity"]["id"]))
                if d is not None:
                    exposure = m["exposure"] if m["exposure"] is not None else self.exposures.get(m["entity"]["id"])
                    same = exposure is not None and screen_decisions.exposure_digest(exposure) == d["exposure_digest"]
                    suppressed = d["verdict"] == "false-positive" and (same or not m["match"])
                    m["decision"] = {
                        "verdict": d["verdict"],
                        "by": d["by"],
                        "reason": d["reason"],
                        "decided_at": d["decided_at"],
                        "suppressed": suppressed,
                    }
                    if suppressed:
                        continue  # a reviewed false positive, and nothing regulatory changed since
                kept.append(m)
            r["matches"] = kept


def _entity(c: dict[str, Any]) -> dict[str, Any]:
    keys = ["id", "type", "name", "aliases", "weak_aliases", "country", "nationalities", "birth_dates", "birth_places"]
    keys.append("identifiers")
    out = {k: c.get(k) for k in keys}
    out["members"] = [
        {k: m.get(k) for k in ("id", "type", "name", "aliases", "country", "identifiers")} for m in c["members"]
    ]
    return out
