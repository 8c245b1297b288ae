"""The initial import's tables: the graph the writer would build, as ``neo4j-admin`` CSV files.

:class:`TableBuilder` reads load runs' batches exactly as :func:`graph.ingest.ingest` and
:func:`graph.ingest.ingest_stream` would and decides with the writer's own pure functions
(:func:`graph.writer.plan_entities`, :func:`~graph.writer.plan_sources`,
:func:`~graph.writer.classify_claims`, :func:`graph.fact_rows.fact_props`, the references of
:func:`graph.ingest.references`): the same checks, merges, counts and properties, rendered as
pre-quoted CSV rows instead of sent as ``UNWIND`` parameters.

It streams: sources, claims and their relationships are written as each batch is read, and only
the entities (which later records merge into) are held until the end. A source, claim or fact
that a later batch comes back to (a list's entity with records in two batches) cannot be
rewritten in a file already written: the builder notes it, and a second pass over the input holds
exactly those until the end (:func:`graph.import_build.build`).

Several builders can share the work, each in its own process (``share``: this one's part of how
many): each reads the whole input and knows every entity's id and type (references), and writes the
rows of its share only — the sources whose id, and the claims, fact edges and citations whose fact
id, hash to it — into files of its own; the first merges, checks, counts and writes the entities,
and writes the runs. A fact's claims
are one builder's, so its edge is written whole. Every property a row carries must be a declared
column of its table (else :class:`TableDrift`), so a property the writer gains fails loudly here.
"""

from __future__ import annotations

import gc
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from schema.errors import InvalidInput
from schema.models import Claim, Entity, Source
from schema.ontology import TYPED_QUALIFIERS, Predicate

from . import ingest
from .fact_rows import _claim_row, _fact_row, fact_props
from .ingest import Loadable
from .writer import (
    _SOURCE_FIELDS,
    DERIVED_MISSING,
    Origins,
    WriteCounts,
    _topological,
    chunks,
    classify_claims,
    plan_entities,
    plan_sources,
)

ARRAY = "\x1f"  # the array delimiter (--array-delimiter=U+001F): no text regkg stores holds it
ARRAY_OPTION = "U+001F"

SAME_AS = Predicate.SAME_AS.rel_type
S, A, B, L, D, T = "string", "string[]", "boolean", "long", "double", "datetime"
_TYPED = {name: D for names in TYPED_QUALIFIERS.values() for name in names}

ENTITY = {"type": S, "name": S, "aliases": A, "weak_aliases": A, "birth_dates": A, "nationalities": A,
          "birth_places": A, "alias_text": S, "country": S, "identifiers": S, "ident_values": A,
          "ident_text": S, "description": S, "candidate": B, "origins": A, "name_sources": S,
          "created_at": T, "updated_at": T}  # fmt: skip
SOURCE = {**dict.fromkeys(_SOURCE_FIELDS, S), "text": S, "created_at": T, "updated_at": T}
CLAIM = {"fact_id": S, "subject": S, "predicate": S, "object": S, "stance": S, "valid_from": S, "valid_to": S,
         "qualifiers": S, "confidence": D, "method": S, **_TYPED, "created_at": T, "updated_at": T}  # fmt: skip
FACT = {"fact_id": S, "predicate": S, "stances": A, "established": B, "valid_from": S, "valid_to": S,
        "valid_from_key": S, "valid_to_key": S, "gaps": A, "n_claims": L, "n_sources": L,
        **{f"{role}_by": A for role in ("asserted", "alleged", "proposed", "disputed", "denied", "retracted")},
        "confidence": D, "quote": S, **_TYPED}  # fmt: skip
RUN = {"loader": S, "inputs": A, "input_sha256": S, "status": S, "pid": L, "host": S, "series": S,
       "version_date": S, "started_at": T}  # fmt: skip
CITES = {"quote": S, "start": L, "end": L}


class TableDrift(RuntimeError):
    """A row carries a property its table does not declare (the writer stores more than this module knows)."""


def _q(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _str(v: Any) -> str:
    return "" if v is None else '"' + v.replace('"', '""') + '"'


def _arr(v: Any) -> str:
    if v is None:
        return ""
    for x in v:
        if ARRAY in x:
            raise InvalidInput(f"a value holds the control character U+001F, which the import cannot store: {x!r}")
    return '"' + ARRAY.join(v).replace('"', '""') + '"'


def _bool(v: Any) -> str:
    return "" if v is None else ("true" if v else "false")


def _num(v: Any) -> str:
    return "" if v is None else repr(v)


_RENDER: dict[str, Callable[[Any], str]] = {S: _str, A: _arr, B: _bool, L: _num, D: _num, T: _str}


class Table:
    """One CSV file: its header, rows rendered as they come (buffered), whether any spans lines."""

    def __init__(self, path: Path, header: Sequence[str], columns: dict[str, str] | None = None) -> None:
        self.path = path
        self.columns = columns or {}
        self.known = frozenset(self.columns)
        self.render = [(k, _RENDER[kind]) for k, kind in self.columns.items()]
        self.fh: TextIO = path.open("w", encoding="utf-8", newline="", buffering=1 << 20)
        self.fh.write(",".join([*header, *(k if kind == S else f"{k}:{kind}" for k, kind in self.columns.items())]))
        self.fh.write("\n")
        self.buffer: list[str] = []
        self.rows = 0
        self.multiline = False

    def props(self, props: dict[str, Any]) -> str:
        """The property cells of a row (``,`` first) in the header's order."""
        if not props.keys() <= self.known:
            raise TableDrift(f"{self.path.name}: no column for {sorted(props.keys() - self.known)}")
        return "".join(["," + r(props.get(k)) for k, r in self.render])

    def add(self, line: str) -> None:
        self.buffer.append(line)
        if len(self.buffer) >= 2000:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        text = "\n".join(self.buffer)
        if not self.multiline and (text.count("\n") != len(self.buffer) - 1 or "\r" in text):
            self.multiline = True
        self.fh.write(text)
        self.fh.write("\n")
        self.rows += len(self.buffer)
        self.buffer = []

    def close(self) -> None:
        self.flush()
        self.fh.close()

    def written(self) -> TableFile:
        return TableFile(self.path, self.rows, self.multiline)


@dataclass(frozen=True)
class TableFile:
    """A closed table file: what the import tool and the fills need of it (sent from a worker)."""

    path: Path
    rows: int
    multiline: bool


@dataclass
class Files:
    """Every worker's files of an import, by table (each file has its own header)."""

    nodes: dict[str, list[TableFile]] = field(default_factory=lambda: defaultdict(list))
    rels: dict[str, list[TableFile]] = field(default_factory=lambda: defaultdict(list))
    fact_types: set[str] = field(default_factory=set)  # the relationship types of the fact edges written

    def add(self, part: Files) -> None:
        for mine, theirs in ((self.nodes, part.nodes), (self.rels, part.rels)):
            for name, files in theirs.items():
                mine[name].extend(files)
        self.fact_types |= part.fact_types

    def every(self) -> list[TableFile]:
        return [f for group in (self.nodes, self.rels) for files in group.values() for f in files]

    @property
    def node_count(self) -> int:
        return sum(f.rows for files in self.nodes.values() for f in files)

    @property
    def relationship_count(self) -> int:
        return sum(f.rows for files in self.rels.values() for f in files)

    @property
    def bytes(self) -> int:
        return sum(f.path.stat().st_size for f in self.every())


@dataclass
class Tables:
    """The files of one import: node tables (entities, sources, claims, runs), then relationships."""

    directory: Path
    nodes: dict[str, Table] = field(default_factory=dict)
    rels: dict[str, Table] = field(default_factory=dict)
    fact_types: set[str] = field(default_factory=set)  # the relationship types of the fact edges written

    @classmethod
    def create(cls, directory: Path, part: int = 0) -> Tables:
        """The tables of one worker (``part``; its files' names end ``-<part>`` after the first's)."""
        directory.mkdir(parents=True, exist_ok=True)
        t = cls(directory)
        end = f"-{part}" if part else ""

        def table(name: str, header: list[str], columns: dict[str, str] | None = None) -> Table:
            return Table(directory / f"{name}{end}.csv", header, columns)

        t.nodes = {
            "entities": table("entities", ["id:ID(Entity)", ":LABEL"], ENTITY),
            "sources": table("sources", ["id:ID(Source)", ":LABEL"], SOURCE),
            "claims": table("claims", ["id:ID(Claim)", ":LABEL"], CLAIM),
            "runs": table("runs", ["id:ID(LoadRun)", ":LABEL"], RUN),
        }
        t.rels = {
            "claim_ends": table("claim_ends", [":START_ID(Claim)", ":END_ID(Entity)", ":TYPE"]),
            "generated": table("generated", [":START_ID(LoadRun)", ":END_ID(Claim)", ":TYPE"]),
            "cites": table("cites", [":START_ID(Claim)", ":END_ID(Source)", ":TYPE"], CITES),
            "derived": table("derived", [":START_ID(Source)", ":END_ID(Source)", ":TYPE"]),
            "facts": table("facts", [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"], FACT),
        }
        return t

    def close(self) -> None:
        for table in (*self.nodes.values(), *self.rels.values()):
            table.close()

    def written(self) -> Files:
        """The closed files (the empty ones too: each is a valid table with its header)."""
        files = Files(fact_types=set(self.fact_types))
        for name, table in self.nodes.items():
            files.nodes[name].append(table.written())
        for name, table in self.rels.items():
            files.rels[name].append(table.written())
        return files


@dataclass
class RunInput:
    """One load run of the import, as ``regkg load KIND`` would make it. ``batches(resolve)`` reads
    the input (each call anew: a second pass may need it); ``whole``: one Parsed loaded with
    ``ingest`` (its origins and locations count), else a stream (``ingest_stream``). ``inputs`` and
    ``input_sha256`` may be set by ``batches`` while it reads (a curated load knows its files then)."""

    loader: str
    batches: Callable[[Callable[[list[str]], dict[str, str]]], Iterable[Loadable]]
    whole: bool = False
    inputs: list[str] = field(default_factory=list)
    input_sha256: str = ""
    run_props: dict[str, Any] | None = None


@dataclass
class RunResult:
    run_id: str
    spec: RunInput
    counts: WriteCounts
    props: dict[str, Any]


@dataclass
class Hold:
    """Ids whose rows wait until the end of the input (a later batch comes back to them)."""

    sources: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    facts: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.sources or self.claims or self.facts)

    def __len__(self) -> int:
        return len(self.sources) + len(self.claims) + len(self.facts)


class InputChanged(RuntimeError):
    """The second pass read something the first did not (the input changed while it was read)."""


def settle() -> None:
    """After a batch: its garbage collected, and what is left (the builder's state, kept to the end)
    moved out of the collector's way (``gc.freeze``), so full collections no longer walk millions of
    held rows again and again — at L they were a third of a builder's time. Frozen objects are still
    freed when nothing refers to them; :func:`graph.import_build.build` unfreezes at the end."""
    gc.collect()
    gc.freeze()


Started = tuple[str, dict[str, Any]]  # a run's id and properties, made once for every worker


def start_run(spec: RunInput) -> Started:
    run_id, props = ingest.new_run(spec.loader, [], "", spec.run_props)
    props["started_at"] = datetime.now(UTC).isoformat()
    return run_id, props


class TableBuilder:
    """Turns load runs into tables (see the module docstring); one instance per pass."""

    def __init__(
        self,
        tables: Tables,
        *,
        batch_size: int = 2000,
        hold: Hold | None = None,
        on_progress: Callable[[str, int], None] | None = None,
        on_batch: Callable[[RunInput, Loadable], None] | None = None,
        share: tuple[int, int] = (0, 1),
        started: Sequence[Started] = (),
        now: str | None = None,
    ) -> None:
        self.t = tables
        self.share, self.started = share, list(started)
        self.batch_size = batch_size
        self.hold = hold or Hold()
        self.second_pass = hold is not None
        self.reopened = Hold()
        self.on_progress = on_progress
        self.on_batch = on_batch
        self.now = now or datetime.now(UTC).isoformat()
        self.entities: dict[str, dict[str, Any]] = {}
        self.sources_seen: set[int] = set()  # hashes of the ids written (or held)
        self.claims_seen: set[int] = set()
        self.facts_seen: set[int] = set()
        self.held_sources: dict[str, dict[str, Any]] = {}
        self.held_claims: dict[str, dict[str, Any]] = {}
        self.held_facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.fact_ends: dict[str, tuple[str, str]] = {}
        self.creators: dict[str, str] = {}  # held claim → the run that created it
        self.generated: set[tuple[str, str]] = set()  # (a later run, a held claim it updated)
        self.same_as: dict[str, set[str]] = defaultdict(set)  # what SAME_AS fact edges join
        self.runs: list[RunResult] = []
        self.claims = 0

    # -- the runs ---------------------------------------------------------------------------

    def resolve(self, ids: list[str]) -> dict[str, str]:
        """``lookup.resolve_ids`` over what the runs before have defined (the new graph so far)."""
        out = {i: self.entities[i]["type"] for i in ids if i in self.entities}
        out.update({i: "Source" for i in ids if i not in out and hash(i) in self.sources_seen})
        return out

    def mine(self, key: str) -> bool:
        """Does this worker write the rows of ``key`` (a source id, a claim's fact id)?"""
        part, parts = self.share
        return parts == 1 or zlib.crc32(key.encode()) % parts == part

    def run(self, spec: RunInput) -> RunResult:
        run_id, props = self.started.pop(0) if self.started else start_run(spec)
        props = dict(props)
        result = RunResult(run_id, spec, WriteCounts(), props)
        self.runs.append(result)
        for batch in spec.batches(self.resolve):
            if self.on_batch is not None and not self.second_pass:
                self.on_batch(spec, batch)
            origins = Origins(spec.loader, batch.origins, batch.locations) if spec.whole else Origins(spec.loader)
            self._batch(result, batch, origins)
            settle()
        props.update(inputs=list(spec.inputs), input_sha256=spec.input_sha256)
        return result

    def _batch(self, run: RunResult, batch: Loadable, origins: Origins) -> None:
        entity_refs, source_refs = ingest.references(batch)
        missing = [r for r in sorted(entity_refs) if r not in self.entities]
        missing += [r for r in sorted(source_refs) if hash(r) not in self.sources_seen]
        if missing:
            raise ingest.unknown_references(missing)
        for entities in chunks(batch.entities, self.batch_size):
            self._entities(run, entities, origins)
        for sources in chunks(_topological(batch.sources), self.batch_size):
            self._sources(run, sources)
        facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for claims in chunks(batch.claims, self.batch_size):
            self._claims(run, claims, facts)
        self._facts(facts)

    def _progress(self, kind: str, n: int) -> None:
        if self.on_progress is not None:
            self.on_progress(kind, n)

    # -- entities: held until the end (later records merge into them) ----------------------

    def _entities(self, run: RunResult, part: Sequence[Entity], origins: Origins) -> None:
        if self.share[0] != 0:  # the first builder merges, checks, counts and writes them; here, what they are
            for e in part:
                self.entities[e.id] = {"type": e.type.value}
            self._progress("entities", len(part))
            return
        unique = {e.id: e for e in part}
        # as ENTITIES_EXISTING reads them: with the names of the entities a SAME_AS edge joins them to
        existing = {
            i: {**self.entities[i], "same_as_names": [self.entities[m]["name"] for m in sorted(self.same_as[i])]}
            if i in self.same_as
            else self.entities[i]
            for i in unique
            if i in self.entities
        }
        tally, by_label = plan_entities(unique, existing, origins)
        for rows in by_label.values():
            for row in rows:
                self.entities[row["id"]] = row["props"]
        run.counts.entities.add(tally)
        self._progress("entities", len(part))

    # -- sources ----------------------------------------------------------------------------

    def _sources(self, run: RunResult, part: Sequence[Source]) -> None:
        unique: dict[str, Source] = {}
        existing: dict[str, dict[str, Any]] = {}
        for s in part:
            if not self.mine(s.id):
                self.sources_seen.add(hash(s.id))  # another worker's row; defined all the same
                continue
            if s.id in self.hold.sources:
                if s.id in self.held_sources:
                    existing[s.id] = self.held_sources[s.id]
            elif hash(s.id) in self.sources_seen and s.id not in unique:
                self._came_back("sources", s.id)
                continue
            unique[s.id] = s
        plan = plan_sources(unique, existing)
        for row in [*plan.created, *plan.rows]:
            sid, props = row["id"], row["props"]
            self.sources_seen.add(hash(sid))
            if sid in self.hold.sources:
                derived = self.held_sources.get(sid, {}).get("derived", [])
                self.held_sources[sid] = {**props, "derived": derived}
            else:
                self.t.nodes["sources"].add(self._source_line(sid, props))
        for seen in plan.seen_only:
            self.held_sources[seen["id"]].update(first_seen=seen["first_seen"], last_seen=seen["last_seen"])
        derived = self.t.rels["derived"]
        for sid, target in plan.pairs:
            if hash(target) not in self.sources_seen:
                raise InvalidInput(DERIVED_MISSING)
            derived.add(f"{_q(sid)},{_q(target)},DERIVED_FROM")
            if sid in self.held_sources:
                self.held_sources[sid]["derived"] = [*self.held_sources[sid]["derived"], target]
        run.counts.sources.add(plan.tally)
        self._progress("sources", len(part))

    def _source_line(self, sid: str, props: dict[str, Any]) -> str:
        cells = self.t.nodes["sources"].props({**props, "created_at": self.now, "updated_at": self.now})
        return f"{_q(sid)},Source{cells}"

    # -- claims and their facts -------------------------------------------------------------

    def _claims(self, run: RunResult, part: Sequence[Claim], facts: dict[str, list[dict[str, Any]]]) -> None:
        unique: dict[str, Claim] = {}
        existing: dict[str, dict[str, Any]] = {}
        for c in part:
            if c.predicate.rel_type == SAME_AS:  # every worker's entities merge with these names
                self.same_as[c.subject].add(c.object)
                self.same_as[c.object].add(c.subject)
            if not self.mine(c.fact_id):
                continue
            if c.id in self.hold.claims:
                if c.id in self.held_claims:
                    existing[c.id] = self.held_claims[c.id]
            elif hash(c.id) in self.claims_seen and c.id not in unique:
                self._came_back("claims", c.id)
                self.reopened.facts.add(c.fact_id)
                continue
            unique[c.id] = c
        tally, new, updated = classify_claims(unique, existing)
        run.counts.claims.add(tally)
        self._progress("claims", len(part))
        changed = [*new, *updated.values()]
        if not changed:
            return
        run.counts.facts += len({c.fact_id for c in changed})
        t = self.t
        claims, ends, generated, cites = t.nodes["claims"], t.rels["claim_ends"], t.rels["generated"], t.rels["cites"]
        q_run = _q(run.run_id)
        for c in new:
            row = _claim_row(c)
            props = row["props"]
            cid = _q(c.id)
            self.claims_seen.add(hash(c.id))
            self.claims += 1
            if c.id in self.hold.claims:
                self.held_claims[c.id] = {**props, "created_at": self.now}
                self.creators[c.id] = run.run_id
            else:
                claims.add(f"{cid},Claim{claims.props({**props, 'created_at': self.now})}")
            ends.add(f"{cid},{_q(c.subject)},SUBJECT")
            ends.add(f"{cid},{_q(c.object)},OBJECT")
            if c.asserted_by:
                ends.add(f"{cid},{_q(c.asserted_by)},ASSERTED_BY")
            generated.add(f"{q_run},{cid},GENERATED")
            for x in c.citations:
                cells = cites.props({"quote": x.quote, "start": x.start, "end": x.end})
                cites.add(f"{cid},{_q(x.source)},CITES{cells}")
            facts[c.fact_id].append(_fact_row(c, props))
            self.fact_ends.setdefault(c.fact_id, (c.subject, c.object))
        for cid, c in updated.items():  # only held claims can be updated: they were read before
            held = self.held_claims[cid]
            held.update(confidence=c.confidence, method=c.method.value, updated_at=self.now)
            for fact_row in self.held_facts.get(c.fact_id, []):
                if fact_row["claim_id"] == cid:
                    fact_row["confidence"] = c.confidence
            if self.creators[cid] != run.run_id:
                self.generated.add((run.run_id, cid))

    def _facts(self, facts: dict[str, list[dict[str, Any]]]) -> None:
        for fid, rows in facts.items():
            if fid in self.hold.facts:
                self.held_facts[fid].extend(rows)
            elif hash(fid) in self.facts_seen:
                self._came_back("facts", fid)
            else:
                self.facts_seen.add(hash(fid))
                self._fact_line(fid, rows)

    def _fact_line(self, fid: str, rows: list[dict[str, Any]]) -> None:
        rows.sort(key=lambda c: c["claim_id"])
        subject, obj = self.fact_ends.pop(fid)
        table = self.t.rels["facts"]
        rel = Predicate(rows[0]["predicate"]).rel_type
        self.t.fact_types.add(rel)
        table.add(f"{_q(subject)},{_q(obj)},{rel}{table.props({'fact_id': fid, **fact_props(rows)})}")

    def _came_back(self, kind: str, key: str) -> None:
        if self.second_pass:
            raise InputChanged(f"{kind[:-1]} {key} came back in a later batch on the second pass only")
        getattr(self.reopened, kind).add(key)

    # -- the end ----------------------------------------------------------------------------

    def finish(self) -> None:
        """Write what was held (entities, sources, claims and facts that batches came back to) and the runs."""
        t = self.t
        entities = t.nodes["entities"]
        for eid, props in self.entities.items() if self.share[0] == 0 else ():
            cells = entities.props({**props, "created_at": self.now, "updated_at": self.now})
            entities.add(f"{_q(eid)},Entity{ARRAY}{props['type']}{cells}")
        for sid, held in self.held_sources.items():
            t.nodes["sources"].add(self._source_line(sid, {k: v for k, v in held.items() if k != "derived"}))
        claims = t.nodes["claims"]
        for cid, props in self.held_claims.items():
            claims.add(f"{_q(cid)},Claim{claims.props(props)}")
        for run_id, cid in sorted(self.generated):
            t.rels["generated"].add(f"{_q(run_id)},{_q(cid)},GENERATED")
        for fid, rows in self.held_facts.items():
            self._fact_line(fid, rows)
        runs = t.nodes["runs"]
        for r in self.runs if self.share[0] == 0 else ():
            runs.add(f"{_q(r.run_id)},LoadRun{runs.props(r.props)}")
        t.close()
