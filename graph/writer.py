"""Batched, idempotent writes of entities, sources and claims — and the fact edges they support.

Each batch is one managed write transaction: it reads what the graph already holds for the
batch's ids, works out what is new or changed, writes only that with ``UNWIND``, and (for claims)
recomputes the fact edge of every (subject, predicate, object) it touched. A failing batch
leaves nothing behind; a batch that changes nothing writes nothing.

Fact edges are derived data: ``(s)-[:BANNED_BY {fact_id, stances, valid_from, valid_to,
n_claims, n_sources, quote, ...}]->(o)``, recomputed from all claims with that fact id.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import ManagedTransaction

from schema.dates import earliest, latest
from schema.errors import InvalidInput
from schema.models import Claim, Entity, Source, fact_id
from schema.names import alias_key, share_a_word
from schema.ontology import ID_LEVEL, EntityType, Predicate

from . import queries
from .database import Graph
from .fact_rows import _claim_row as _claim_row
from .fact_rows import _fact_row as _fact_row
from .fact_rows import absent_if_empty
from .fact_rows import claim_rows as claim_rows
from .fact_rows import fact_props as fact_props

T = TypeVar("T")


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: Tally) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged


@dataclass
class WriteCounts:
    entities: Tally = field(default_factory=Tally)
    sources: Tally = field(default_factory=Tally)
    claims: Tally = field(default_factory=Tally)
    facts: int = 0

    def add(self, other: WriteCounts) -> None:
        self.entities.add(other.entities)
        self.sources.add(other.sources)
        self.claims.add(other.claims)
        self.facts += other.facts

    @property
    def changed(self) -> int:
        return sum(t.created + t.updated for t in (self.entities, self.sources, self.claims))

    def as_dict(self) -> dict[str, int]:
        out: dict[str, int] = {"facts_touched": self.facts}
        for kind in ("entities", "sources", "claims"):
            tally: Tally = getattr(self, kind)
            for k in ("created", "updated", "unchanged"):
                out[f"{kind}_{k}"] = getattr(tally, k)
        return out


def chunks(items: Sequence[T], size: int) -> Iterable[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# -- entities -----------------------------------------------------------------------------


def identity_problem(e: Entity, old: dict[str, Any] | None, origin: str) -> tuple[str, str] | None:
    """Why writing ``e`` over the graph's ``old`` entity of the same id would blur two entities —
    ``(field, message)`` — or None. An id keeps its type; and a name from a record other than the
    ones that defined the id must share a word (:func:`schema.names.share_a_word`) with one of the
    entity's names or of the entities a same-as decision joins it to. An entity whose origins are
    not recorded (written before they were) is not judged."""
    if old is None:
        return None
    if old["type"] != e.type.value:
        return "type", f"{e.id} already exists as {old['type']}, not {e.type.value}"
    origins = old.get("origins") or []
    if not origins or origin in origins:
        return None
    known = [old["name"], *(old.get("aliases") or []), *(old.get("same_as_names") or [])]
    if share_a_word([e.name, *e.aliases], known):
        return None
    return "name", (
        f"{e.id} already names {old['name']!r} (from {', '.join(origins)}), and {e.name!r} shares no word "
        "with any of its names: give the other entity an id of its own (or record that they are one)"
    )


def _entity_state(e: Entity, existing: dict[str, Any] | None, origin: str | None = None) -> dict[str, Any]:
    """The entity's properties after merging with what the graph holds (aliases, weak aliases, identifiers, dates
    and places of birth, nationalities, which record gave which name, and the origins — the records that define
    it — accumulate; scalar fields take the newest value). Names kept once up to case and accents, strong first."""
    old = existing or {}
    seen = {alias_key(e.name)}
    aliases: list[str] = []
    weak: list[str] = []
    strong = [*(old.get("aliases") or []), *e.aliases, *([old["name"]] if old.get("name") else [])]
    for kept, names in ((aliases, strong), (weak, [*(old.get("weak_aliases") or []), *e.weak_aliases])):
        for alias in names:
            if alias_key(alias) not in seen:
                seen.add(alias_key(alias))
                kept.append(alias)
    identifiers = json.loads(old["identifiers"]) if old.get("identifiers") else {}
    identifiers.update(e.identifiers)
    values = sorted({v.strip() for raw in identifiers.values() for v in str(raw).split(";") if v.strip()})
    candidate = e.candidate and bool(old.get("candidate", True) if existing else True)
    origins = list(old.get("origins") or [])
    if origin is not None and origin not in origins:
        origins.append(origin)
    name_sources: dict[str, list[str]] = json.loads(old["name_sources"]) if old.get("name_sources") else {}
    if origin is not None:
        for name in (e.name, *e.aliases):
            given = name_sources.setdefault(name, [])
            if origin not in given:
                given.append(origin)
    personal = ("birth_dates", "nationalities", "birth_places")  # in order, once each
    return absent_if_empty(
        {
            "type": e.type.value,
            "name": e.name,
            "aliases": aliases,
            "weak_aliases": weak,
            **{k: list(dict.fromkeys([*(old.get(k) or []), *getattr(e, k)])) for k in personal},
            "alias_text": " | ".join([*aliases, *weak]),
            "country": e.country if e.country is not None else old.get("country"),
            "identifiers": json.dumps(identifiers, sort_keys=True),
            "ident_values": values,
            "ident_text": " ".join(values),
            "description": e.description if e.description is not None else old.get("description"),
            "candidate": candidate,
            "origins": origins,
            "name_sources": json.dumps(name_sources, sort_keys=True, ensure_ascii=False),
        }
    )


def plan_entities(
    unique: dict[str, Entity], existing: dict[str, dict[str, Any]], origins: Origins
) -> tuple[Tally, dict[tuple[str, bool], list[dict[str, Any]]]]:
    """What writing ``unique`` over the ``existing`` entities (ENTITIES_EXISTING rows by id) does:
    the tally, and the rows to write by (type label, new?) — an identity problem raises."""
    tally = Tally()
    by_label: dict[tuple[str, bool], list[dict[str, Any]]] = defaultdict(list)
    for eid, entity in unique.items():
        old = existing.get(eid)
        origin = origins.of(eid)
        problem = identity_problem(entity, old, origin)
        if problem is not None:
            raise InvalidInput(origins.where(eid, *problem), {"id": eid, "field": problem[0]})
        props = _entity_state(entity, old, origin)
        if old is None:
            tally.created += 1
        elif all(old.get(k) == props[k] for k in old if k in props) and old.get("aliases") == props["aliases"]:
            tally.unchanged += 1
            continue
        else:
            tally.updated += 1
        by_label[EntityType(entity.type).value, old is None].append({"id": eid, "props": props})
    return tally, by_label


def _write_entities(tx: ManagedTransaction, batch: Sequence[Entity], origins: Origins) -> Tally:
    unique = {e.id: e for e in batch}
    existing = {r["id"]: r for r in tx.run(queries.ENTITIES_EXISTING, ids=list(unique)).data()}
    tally, by_label = plan_entities(unique, existing, origins)
    for (label, new), rows in by_label.items():
        # new ones (absent when the batch looked) are created; a concurrent loader creating the
        # same id first makes this fail on the unique constraint, and Graph.write_tx runs it again
        tx.run(queries.create_entities(label) if new else queries.merge_entities(label), rows=rows).consume()
    return tally


@dataclass(frozen=True)
class Origins:
    """Which record each entity of a load comes from (the loader's name unless the input says
    more, e.g. ``curated:seed.yaml``), and where it is written, for error messages."""

    loader: str
    by_id: dict[str, str] = field(default_factory=dict)
    locations: dict[str, str] = field(default_factory=dict)

    def of(self, eid: str) -> str:
        return self.by_id.get(eid, self.loader)

    def where(self, eid: str, fld: str, message: str) -> str:
        """``FILE:LINE: entities[i].FIELD: message`` when the input said where, else the message."""
        at = self.locations.get(eid)
        return f"{at}.{fld}: {message}" if at else message


# -- sources ------------------------------------------------------------------------------

_SOURCE_FIELDS = (
    "title",
    "kind",
    "url",
    "publisher",
    "author",
    "published_at",
    "retrieved_at",
    "sha256",
    "first_seen",
    "last_seen",
)


@dataclass
class SourcePlan:
    """What writing some sources does: new ones, changed ones, ones only seen again (a later list
    version held them: their dates, not their text) and the DERIVED_FROM pairs to add."""

    tally: Tally = field(default_factory=Tally)
    created: list[dict[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    seen_only: list[dict[str, Any]] = field(default_factory=list)
    pairs: list[list[str]] = field(default_factory=list)


def plan_sources(unique: dict[str, Source], existing: dict[str, dict[str, Any]]) -> SourcePlan:
    """The plan of writing ``unique`` over the ``existing`` sources (SOURCES_EXISTING rows by id)."""
    plan = SourcePlan()
    for sid, src in unique.items():
        props = {k: getattr(src, k) for k in _SOURCE_FIELDS}
        props["text"] = src.text
        old = existing.get(sid)
        if old is not None:  # seen in several versions: the earliest first, the latest last
            seen = [d for d in (old["first_seen"], props["first_seen"]) if d]
            props["first_seen"] = min(seen, key=lambda d: str(earliest(d))) if seen else None
            seen = [d for d in (old["last_seen"], props["last_seen"]) if d]
            props["last_seen"] = max(seen, key=lambda d: str(latest(d))) if seen else None
        new_derived = sorted(set(src.derived_from))
        if old is not None:
            same = all(old.get(k) == props[k] for k in _SOURCE_FIELDS)
            # a source may be derived from more than the sources this input names (another file
            # gave it more): it is unchanged as long as nothing new is added
            if same and set(new_derived) <= set(old["derived"]):
                plan.tally.unchanged += 1
                continue
            plan.tally.updated += 1
            if set(new_derived) <= set(old["derived"]) and all(
                old.get(k) == props[k] for k in _SOURCE_FIELDS if k not in ("first_seen", "last_seen")
            ):
                plan.seen_only.append({"id": sid, "first_seen": props["first_seen"], "last_seen": props["last_seen"]})
                continue
        else:
            plan.tally.created += 1
        (plan.created if old is None else plan.rows).append({"id": sid, "props": props})
        plan.pairs.extend([sid, d] for d in new_derived if not old or d not in old["derived"])
    return plan


def _write_sources(tx: ManagedTransaction, batch: Sequence[Source]) -> Tally:
    unique = {s.id: s for s in batch}
    existing = {r["id"]: r for r in tx.run(queries.SOURCES_EXISTING, ids=list(unique)).data()}
    plan = plan_sources(unique, existing)
    if plan.created:
        tx.run(queries.CREATE_SOURCES, rows=plan.created).consume()
    if plan.rows:
        tx.run(queries.MERGE_SOURCES, rows=plan.rows).consume()
    if plan.seen_only:
        tx.run(queries.SOURCES_SEEN, rows=plan.seen_only).consume()
    if plan.pairs:
        linked = tx.run(queries.MERGE_DERIVED_FROM, pairs=plan.pairs).single()
        if linked is None or linked["n"] != len(plan.pairs):
            raise InvalidInput(DERIVED_MISSING)
    return plan.tally


DERIVED_MISSING = "a derived_from reference names a source that does not exist"


# -- claims and facts ---------------------------------------------------------------------


def _write_facts(
    tx: ManagedTransaction,
    grouped: dict[str, list[dict[str, Any]]],
    new: set[str],
    ends: dict[str, tuple[str, str]],
) -> int:
    """Write the fact edge of each fact from all its claims, between the entities ``ends`` gives
    (the canonical ones): CREATE for facts that had no claim before this batch, MERGE (and
    overwrite) for the others."""
    by_type: dict[tuple[str, bool], list[dict[str, Any]]] = defaultdict(list)
    for fid, claims in grouped.items():
        claims.sort(key=lambda c: c["claim_id"])
        rel = Predicate(claims[0]["predicate"]).rel_type
        subject, obj = ends[fid]
        by_type[rel, fid in new].append(
            {"fact_id": fid, "subject": subject, "object": obj, "props": fact_props(claims)}
        )
    for (rel, is_new), rows in by_type.items():
        tx.run(queries.create_facts(rel) if is_new else queries.merge_facts(rel), rows=rows).consume()
    return len(grouped)


def _canonical_facts(tx: ManagedTransaction, claims: Sequence[Claim]) -> dict[str, tuple[str, str, str]]:
    """Claim id → (fact id, subject, object) of the fact it supports: between the canonical
    entities of its ends (an identity decision — same-as — joins the ids themselves)."""
    ends = sorted({x for c in claims for x in (c.subject, c.object)})
    canon = {r["id"]: r["canonical"] for r in tx.run(queries.CANONICAL_OF, ids=ends).data() if r["canonical"]}
    out: dict[str, tuple[str, str, str]] = {}
    for c in claims:
        if c.predicate in ID_LEVEL:
            out[c.id] = (c.fact_id, c.subject, c.object)
            continue
        s, o = canon.get(c.subject, c.subject), canon.get(c.object, c.object)
        out[c.id] = (fact_id(s, c.predicate, o) if (s, o) != (c.subject, c.object) else c.fact_id, s, o)
    return out


def _with_fact_id(row: dict[str, Any], fid: str) -> dict[str, Any]:
    if row["props"]["fact_id"] == fid:
        return row
    return {**row, "props": {**row["props"], "fact_id": fid}}


CLAIM_REFS_MISSING = "a claim refers to an entity or source that does not exist"
ASSERTED_MISSING = "a claim's asserted_by names an entity that does not exist"


def classify_claims(
    unique: dict[str, Claim], existing: dict[str, dict[str, Any]]
) -> tuple[Tally, list[Claim], dict[str, Claim]]:
    """Which claims are new, which change the graph's (``existing``: CLAIMS_EXISTING rows by id:
    their confidence or method) and how many are unchanged."""
    tally = Tally()
    new: list[Claim] = []
    updated: dict[str, Claim] = {}
    for cid, claim in unique.items():
        old = existing.get(cid)
        if old is None:
            new.append(claim)
            tally.created += 1
        elif old["confidence"] != claim.confidence or old["method"] != claim.method.value:
            updated[cid] = claim
            tally.updated += 1
        else:
            tally.unchanged += 1
    return tally, new, updated


def _write_claims(
    tx: ManagedTransaction, batch: Sequence[Claim], run_id: str, prepared: dict[str, dict[str, Any]] | None = None
) -> tuple[Tally, int]:
    unique = {c.id: c for c in batch}
    existing = {r["id"]: r for r in tx.run(queries.CLAIMS_EXISTING, ids=list(unique)).data()}
    tally, new, updated = classify_claims(unique, existing)
    changed = new + list(updated.values())
    if not changed:
        return tally, 0
    # A fact joins the canonical entities of its ends' same-as clusters (graph.clusters); its id
    # is theirs. Then lock the facts' subjects and read the claims their facts already have: the
    # fact edges are computed from those plus this batch's, without reading back what it wrote.
    keyed = _canonical_facts(tx, changed)
    subjects = sorted({s for _fid, s, _o in keyed.values()})
    tx.run(queries.LOCK_SUBJECTS, ids=subjects).consume()
    fact_ids = sorted({fid for fid, _s, _o in keyed.values()})
    ends = {fid: (s, o) for fid, s, o in keyed.values()}
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in tx.run(queries.FACT_CLAIMS, fact_ids=fact_ids).data():
        if row["claim_id"] in updated:
            row["confidence"] = updated[row["claim_id"]].confidence
        grouped[row["fact_id"]].append(row)
    new_facts = {fid for fid in fact_ids if fid not in grouped}
    if new:
        rows = [prepared[c.id] if prepared and c.id in prepared else _claim_row(c) for c in new]
        rows = [_with_fact_id(row, keyed[c.id][0]) for c, row in zip(new, rows, strict=True)]
        rec = tx.run(queries.CREATE_CLAIMS, rows=rows, run=run_id).single()
        expected_cites = sum(len(c.citations) for c in new)
        if rec is None or rec["claims"] != len(new) or rec["cites"] != expected_cites:
            raise InvalidInput(CLAIM_REFS_MISSING)
        if rec["asserted"] != sum(1 for c in new if c.asserted_by):
            raise InvalidInput(ASSERTED_MISSING)
        for c, row in zip(new, rows, strict=True):
            grouped[keyed[c.id][0]].append(_fact_row(c, row["props"]))
    if updated:
        upd_rows = [{"id": cid, "confidence": c.confidence, "method": c.method.value} for cid, c in updated.items()]
        tx.run(queries.UPDATE_CLAIMS, rows=upd_rows).consume()
        tx.run(queries.LINK_GENERATED, run=run_id, ids=list(updated)).consume()
    return tally, _write_facts(tx, grouped, new_facts, ends)


# -- the writer ---------------------------------------------------------------------------


class Writer:
    """Writes schema objects in batches of ``batch_size``, one transaction per batch."""

    def __init__(
        self,
        graph: Graph,
        run_id: str,
        batch_size: int = 2000,
        on_progress: Callable[[str, int], None] | None = None,
        origins: Origins | None = None,
    ) -> None:
        self.graph = graph
        self.run_id = run_id
        self.origins = origins or Origins("unknown")
        self.batch_size = batch_size
        self.on_progress = on_progress
        self.counts = WriteCounts()

    def _progress(self, kind: str, n: int) -> None:
        if self.on_progress:
            self.on_progress(kind, n)

    def entities(self, items: Sequence[Entity]) -> None:
        for batch in chunks(items, self.batch_size):
            self.counts.entities.add(self.graph.write_tx(_write_entities, batch, self.origins))
            self._progress("entities", len(batch))

    def sources(self, items: Sequence[Source]) -> None:
        # derived_from may point at a source later in the input: write the targets first
        ordered = _topological(items)
        for batch in chunks(ordered, self.batch_size):
            self.counts.sources.add(self.graph.write_tx(_write_sources, batch))
            self._progress("sources", len(batch))

    def claims(self, items: Sequence[Claim], prepared: dict[str, dict[str, Any]] | None = None) -> None:
        for batch in chunks(items, self.batch_size):
            tally, facts = self.graph.write_tx(_write_claims, batch, self.run_id, prepared)
            self.counts.claims.add(tally)
            self.counts.facts += facts
            self._progress("claims", len(batch))

    def write(
        self,
        entities: Sequence[Entity],
        sources: Sequence[Source],
        claims: Sequence[Claim],
        prepared: dict[str, dict[str, Any]] | None = None,
    ) -> WriteCounts:
        """Nodes first, then claims (which need both); ``prepared``: :func:`claim_rows` of the claims."""
        self.entities(entities)
        self.sources(sources)
        self.claims(claims, prepared)
        return self.counts


def _topological(items: Sequence[Source]) -> list[Source]:
    by_id = {s.id: s for s in items}
    done: set[str] = set()
    out: list[Source] = []

    def visit(s: Source, path: frozenset[str]) -> None:
        if s.id in done:
            return
        if s.id in path:
            raise InvalidInput(f"source {s.id} is derived from itself (a derived_from cycle)")
        for d in s.derived_from:
            if d in by_id:
                visit(by_id[d], path | {s.id})
        done.add(s.id)
        out.append(s)

    for s in items:
        visit(s, frozenset())
    return out
