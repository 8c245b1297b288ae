"""A list version as units with fingerprints: a refresh builds and writes only the units that differ.

A new version of a list is mostly the old one again (OFAC's SDN list changes by a few dozen
entries a month). A *unit* is a piece of a version that is written or kept whole — one record a
loader read (an entity, a source, a claim), or for a stream that can tell its units apart before
it builds them, one raw record (a generated fact, a line) — with a **fingerprint**: a digest of
its content and of the code that turns it into records (:data:`CODE`: the loaders' and the
schema's source), so a change of either makes every unit differ.

The **manifest** of a version is the fingerprints of all its units, and for each unit the listings
it holds (for the ends: :func:`loaders.versions.compare` needs the whole version's listings) and the
sources it dated (``last_seen``: seen in this version). :class:`Refresh` walks a version's units
against the manifest of the version before it (the latest of the series on or before its day):
a unit whose fingerprint that version had is **kept** — not built, not sent to the writer; its
listings and sources come from the manifest — every other unit is built. A version and its
manifest are written by one load run (graph.manifests); a missing or unreadable manifest only
means more units are built: the writer skips what the graph already holds.

Pure: no database. The graph layer reads and writes manifests (:mod:`graph.manifests`).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

from schema.ontology import Predicate

from .base import Parsed
from .versions import Key, date_sources, listings

FORMAT = 2  # of the manifest's encoding


@cache
def code_digest() -> str:
    """A digest of the code that turns input into records: every module of loaders/ and schema/."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in sorted([*(root / "loaders").glob("*.py"), *(root / "schema").glob("*.py")]):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def fingerprint(*parts: str) -> str:
    """A unit's fingerprint: 32 hex digits over its parts (length-prefixed) and :func:`code_digest`."""
    h = hashlib.sha256(code_digest().encode())
    for part in parts:
        raw = part.encode("utf-8")
        h.update(len(raw).to_bytes(8, "big") + raw)
    return h.hexdigest()[:32]


@dataclass(frozen=True)
class Unit:
    """A piece of a version: its fingerprint, and how to build its records."""

    fingerprint: str
    build: Callable[[], Parsed]


def version_files(parsed: Parsed) -> set[str]:
    """The ids of a version's file Sources (a new file, a new id: its digest is in it)."""
    return {s.id for s in parsed.sources if s.kind == "file"}


def record_units(parsed: Parsed, day: str, files: Collection[str] | None = None) -> list[Unit]:
    """A loaded version's records as units, one per entity, source and claim: fingerprinted as
    read, built dated by the version (:func:`loaders.versions.date_sources`). Neither the dates of
    a version nor the file it came in are a change of its records: a source is fingerprinted
    without the version's files among what it is derived from (a kept one is linked to them
    afterwards: :attr:`Refresh.kept_linked`). ``files``: the version's file Sources when ``parsed``
    is one batch of a stream (the batch may not hold them)."""
    dated = Parsed(entities=parsed.entities, sources=list(parsed.sources), claims=parsed.claims)
    date_sources(dated, day)
    files = version_files(parsed) if files is None else files
    units: list[Unit] = []
    for e in parsed.entities:
        units.append(Unit(fingerprint("entity", e.model_dump_json()), partial(Parsed, entities=[e])))
    for s, d in zip(parsed.sources, dated.sources, strict=True):
        if s.id in files:
            own = s
        else:
            own = s.model_copy(update={"derived_from": tuple(x for x in s.derived_from if x not in files)})
        units.append(Unit(fingerprint("source", own.model_dump_json()), partial(Parsed, sources=[d])))
    for c in parsed.claims:
        units.append(Unit(fingerprint("claim", c.model_dump_json()), partial(Parsed, claims=[c])))
    return units


@dataclass
class Manifest:
    """A version's units: every fingerprint; the listings and dated sources of those that have any."""

    fingerprints: set[str] = field(default_factory=set)
    keys: dict[str, list[Key]] = field(default_factory=dict)
    seen: dict[str, list[str]] = field(default_factory=dict)
    linked: dict[str, list[str]] = field(default_factory=dict)  # sources derived from the version's file

    def add(self, fp: str, keys: Iterable[Key] = (), seen: Iterable[str] = (), linked: Iterable[str] = ()) -> None:
        self.fingerprints.add(fp)
        if k := sorted(keys):
            self.keys[fp] = k
        if s := sorted(seen):
            self.seen[fp] = s
        if x := sorted(linked):
            self.linked[fp] = x

    def encode(self) -> bytes:
        doc = {
            "format": FORMAT,
            "code": code_digest(),
            "fingerprints": sorted(self.fingerprints),
            "keys": {fp: [[s, p.value, o] for s, p, o in ks] for fp, ks in sorted(self.keys.items())},
            "seen": dict(sorted(self.seen.items())),
            "linked": dict(sorted(self.linked.items())),
        }
        return zlib.compress(json.dumps(doc, separators=(",", ":")).encode("utf-8"), 6)

    @classmethod
    def decode(cls, blob: bytes) -> Manifest | None:
        """The manifest, or None when it is not one this code reads (another format, or written by
        other code: its fingerprints would match nothing anyway)."""
        try:
            doc = json.loads(zlib.decompress(blob))
        except (zlib.error, ValueError):
            return None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or doc.get("code") != code_digest():
            return None
        keys = {fp: [(s, Predicate(p), o) for s, p, o in ks] for fp, ks in doc["keys"].items()}
        return cls(set(doc["fingerprints"]), keys, dict(doc["seen"]), dict(doc["linked"]))

    @classmethod
    def decode_or_none(cls, blob: bytes | None) -> Manifest | None:
        return None if blob is None else cls.decode(blob)


@dataclass
class Refresh:
    """A version's units against the manifest of the version before it (``previous``; None: build
    every unit). :meth:`built` yields the records of the units to write, in order; after it, the
    version's listings (``present``), the sources its kept units hold (``kept_seen``: seen again,
    on ``day``; ``kept_linked``: derived from the version's ``files`` too) and its own manifest are
    complete."""

    day: str
    previous: Manifest | None = None
    files: frozenset[str] = frozenset()
    manifest: Manifest = field(default_factory=Manifest)
    present: set[Key] = field(default_factory=set)
    kept_seen: set[str] = field(default_factory=set)
    kept_linked: set[str] = field(default_factory=set)
    kept: int = 0
    built_units: int = 0

    def built(self, units: Iterable[Unit]) -> Iterator[Parsed]:
        prev = self.previous
        for unit in units:
            fp = unit.fingerprint
            if prev is not None and fp in prev.fingerprints:
                keys, seen, linked = prev.keys.get(fp, []), prev.seen.get(fp, []), prev.linked.get(fp, [])
                self.kept += 1
                self.kept_seen.update(seen)
                self.kept_linked.update(linked)
            else:
                part = unit.build()
                keys = sorted(listings(part))
                seen = [s.id for s in part.sources if s.last_seen == self.day]
                linked = [s.id for s in part.sources if self.files.intersection(s.derived_from)]
                self.built_units += 1
                yield part
            self.present.update(keys)
            self.manifest.add(fp, keys, seen, linked)

    def batches(self, groups: Iterable[Iterable[Unit]]) -> Iterator[Parsed]:
        """One batch per group of units (a loader's batch), of the units built: groups keep a
        stream's order (a record's references come in its own batch or an earlier one)."""
        for group in groups:
            batch = Parsed()
            for part in self.built(group):
                batch.entities.extend(part.entities)
                batch.sources.extend(part.sources)
                batch.claims.extend(part.claims)
            if batch.entities or batch.sources or batch.claims:
                yield batch

    def stream(self, batches: Iterable[Parsed]) -> Iterator[Parsed]:
        """A loader's stream of batches (:mod:`loaders.stream`), each as the records of its units
        that differ from the version before, its rejects and notes kept. The version's files are
        the file Sources the stream has sent so far: a file's Source comes with its first records,
        or before them."""
        for batch in batches:
            self.files = self.files | version_files(batch)
            built = Parsed(rejects=batch.rejects, notes=batch.notes, inputs=batch.inputs)
            for part in self.built(record_units(batch, self.day, self.files)):
                built.entities.extend(part.entities)
                built.sources.extend(part.sources)
                built.claims.extend(part.claims)
            yield built

    def scope(self) -> set[tuple[Predicate, str]]:
        """What the version is a complete list of: each (predicate, list or authority) it names."""
        return {(p, o) for _s, p, o in self.present}
