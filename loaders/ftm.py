"""FollowTheMoney / OpenSanctions entities as JSON lines, streamed in batches.

Each line is one FtM entity in its flat JSON form::

    {"id": "...", "schema": "Company", "properties": {"name": ["..."], "country": ["ru"], ...},
     "caption"?: "...", "datasets"?: [...], ...}

The schemata come from the ``followthemoney`` package (so ``Company`` is understood as a kind of
``Organization`` and of ``LegalEntity``, and an edge schema names its two ends). What each line
becomes:

- **things**: Vessel/Airplane → Asset, Person → Person, PublicBody → Agency, Company → Firm,
  Organization → Organization, any other LegalEntity → Firm. Id ``<type>:ftm-<ftm id>``; name the
  ``caption`` (else the first ``name``); aliases the other names, ``alias`` and ``previousName``
  (``weakAlias`` is left out); when the caption is not in Latin script and a name is, that name is
  shown and the caption kept as an alias (:func:`schema.names.reader_name`); aliases once up to
  case and accents; country the one ISO code its ``country``,
  ``jurisdiction``, ``mainCountry``, ``nationality``, ``citizenship`` or ``flag`` agree on;
  identifiers ``ftm`` plus those of the FtM identifier properties (``ftm_lines.IDENTIFIER_PROPS``:
  ``innCode`` → ``inn``, ``ogrnCode`` → ``ogrn``, ``leiCode`` → ``lei``, ``imoNumber`` → ``imo``,
  each checked with rigour.ids — a value that fails is kept as ``tax_id`` or ``registration`` —;
  ``passportNumber`` → ``passport``, ``idNumber`` → ``national_id``, ``taxNumber`` → ``tax_id``,
  ``registrationNumber`` → ``registration``, ``swiftBic`` → ``swift``, ``mmsi``, ``wikidata``...);
  a person's ``birthDate`` (dates of birth), ``birthPlace`` (places of birth, as written) and
  ``nationality`` and ``citizenship`` (nationalities, ISO codes). A vehicle's ``owner`` gives
  ``owner owns vehicle``; a legal entity's ``parent`` gives ``entity subsidiary-of parent``.
- **Sanction** (``entity`` sanctioned by ``authority`` under ``program``): ``entity sanctioned-by
  <authority agency>`` and ``entity listed-on <program list>``, ``valid_from`` the earliest of
  ``startDate``/``listingDate``/``date``, ``valid_to`` the latest ``endDate``, asserted by the
  authority, qualifiers ``program``, ``programId``, ``provisions``, ``authorityId``, ``unscId``.
  The authority is the reference registry's body when its name is one of the registry's
  ("Office of Foreign Assets Control" → ``agency:us-ofac``), else ``agency:ftm-<slug>``; the
  program is ``list:ftm-<programId or slug>``.
- **Ownership** → ``owner owns asset`` (qualifiers ``percentage``, ``ownershipType``, ``role``,
  ``sharesCount``); **Directorship, Employment, Membership, Representation, Family, Associate,
  UnknownLink, Succession** → ``linked-to`` from the edge's source to its target, qualifiers
  ``relation`` (the schema), ``label`` (FtM's edge label: "directs", "works for"...), ``role`` /
  ``relationship``; dates from ``startDate``/``endDate``.
- every other schema (Address, Identification, Position, Payment, ...) is skipped and counted in
  the notes.

Provenance: one ``dataset`` Source per line, its text the raw line (without the line break),
derived from a ``dataset`` Source for the file; each claim quotes the value it rests on as it is
written in the line (the authority, the program, the role, the owner's id...), or the line's
``properties`` object when no single value says it. A record's Source is titled by its dataset,
its schema and what it states (``ru_egrul (FtM) Ownership: Kalashnikov Concern JSC owns 51 % of LLC
CST``; ``FtM Company: Acme Holding JSC`` when the line names no dataset); a sanction's is dated by
its ``listingDate`` (else ``startDate``), as a list row is by its date of inclusion.

**Streaming, constant memory.** :class:`FtmReader` reads the file twice, line by line, and never
holds more than one batch: pass 1 turns things into entities and records, in an on-disk SQLite
index in a temporary directory, each FtM id with its type and name and the byte offset of every
line that carries a relationship; pass 2 reads just those lines again and resolves both ends of each
relationship through the index (or, for ids the file does not define, through
``resolve_external`` — the CLI passes a read-only graph lookup). Batches of pass 1 come before
any batch of pass 2, so a writer that writes each batch before pulling the next always has both
ends of a claim in the graph.

Bad lines (not JSON, not an object, no id, unknown schema, no name, a relationship whose end is
nowhere to be found, a claim the ontology refuses) are rejects with file, line and field; every
other line still loads.

Modules: this one reads (the two passes, things into entities); :mod:`loaders.ftm_lines` holds
the per-schema plans, the decoded line, the pass-1 index and the value helpers;
:mod:`loaders.ftm_claims` turns relationships into claims.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from reference import registry, single_country
from schema.dates import written_date
from schema.models import Entity, Source
from schema.names import alias_key, reader_name
from schema.ontology import EntityType, Predicate

from .base import Parsed, validation_errors
from .collect import Collector, combine
from .csvfile import file_sha256
from .curated import ExternalResolver
from .ftm_claims import FtmRelations, add_sources, record_key
from .ftm_lines import (
    ALIAS_PROPS,
    COUNTRY_PROPS,
    IDENTIFIER_PROPS,
    LINK_SCHEMATA,
    NATIONALITY_PROPS,
    REFERENCE_TYPES,
    Index,
    Line,
    entity_id,
    id_candidates,
    plan_for,
)
from .remarks import Identifiers

_BOM = b"\xef\xbb\xbf"
DELTA_OPS = frozenset({"ADD", "MOD", "DEL"})


class FtmReader(FtmRelations):
    """Iterate an FtM JSON-lines file as :class:`Parsed` batches of at most ``size`` lines each.

    ``phase`` (1 or 2), ``lines_read`` (pass 1) and ``relations_read`` / ``relations_total``
    (pass 2) tell how far the reading is (the benchmark reports memory against them).
    """

    def __init__(self, path: Path, size: int = 2000, resolve_external: ExternalResolver | None = None) -> None:
        self.path = path
        self.file = str(path)
        self.size = size
        self.resolve_external = resolve_external
        self.phase = 0
        self.lines_read = 0
        self.relations_read = 0
        self.relations_total = 0
        self.skipped: Counter[str] = Counter()
        self.bad_dates = 0
        # the delta format: ids of records an ADD, MOD or DEL op touched, and what this file states
        self.delta = False
        self.touched: set[str] = set()
        self.deleted = 0
        self.present: set[tuple[str, Predicate, str]] = set()
        self._file_source_sent = False
        self._entity_cache: dict[tuple[str | None, ...], Entity] = {}
        self._datasets = {}
        self._names = {}
        self.file_source = Source(
            id=f"source:ftm:file-{file_sha256(path)[:16]}",
            title=f"FollowTheMoney entities ({path.name})",
            kind="file",
        )

    # -- shared ---------------------------------------------------------------------------

    def _decode(self, out: Collector, number: int, offset: int, raw: bytes) -> Line | None:
        if offset == 0 and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        try:
            text = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as exc:
            self._reject(out, number, None, f"not UTF-8 ({exc.reason} at byte {exc.start})")
            return None
        if not text.strip():
            return None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            self._reject(out, number, None, f"not JSON: {exc.msg} at column {exc.colno}")
            return None
        if not isinstance(data, dict):
            self._reject(out, number, None, "not a JSON object")
            return None
        if "op" in data:  # the delta format: {"op": "ADD" | "MOD" | "DEL", "entity": {...}}
            op, data = data.get("op"), data.get("entity")
            if op not in DELTA_OPS:
                self._reject(out, number, "op", f"unknown op {op!r} (ADD, MOD or DEL)")
                return None
            if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"].strip():
                self._reject(out, number, "entity.id", "a delta op names no entity id")
                return None
            self.delta = True
            self.touched.add(data["id"])
            if op == "DEL":  # what the record stated ends (see the CLI); nothing of it is read
                self.deleted += int(self.phase == 1)
                return None
        fid = data.get("id")
        if not isinstance(fid, str) or not fid.strip():
            self._reject(out, number, "id", "no entity id")
            return None
        name = data.get("schema")
        plan = plan_for(name) if isinstance(name, str) else None
        if plan is None:
            self._reject(out, number, "schema", f"unknown FtM schema {name!r}")
            return None
        props = data.get("properties")
        if props is None:
            data["properties"] = props = {}
        if not isinstance(props, dict) or not all(isinstance(v, list) for v in props.values()):
            self._reject(out, number, "properties", "must be an object of lists")
            return None
        return Line(number, offset, text, data, plan)

    # -- pass 1: things -------------------------------------------------------------------

    def _entity(self, line: Line) -> Entity:
        assert line.plan.etype is not None
        etype = line.plan.etype
        caption = line.data.get("caption")
        caption = caption.strip() if isinstance(caption, str) else ""
        every = [*([caption] if caption else []), *(v for prop in ALIAS_PROPS for v in line.values(prop))]
        if not every:
            raise ValueError("no name (no caption and no name property)")
        name = reader_name(every)  # the caption unless it is not in Latin script and a name is
        seen = {alias_key(name)}
        aliases: list[str] = []
        for alias in every:  # every other name once (case and accents aside), original scripts kept
            if alias_key(alias) not in seen:
                seen.add(alias_key(alias))
                aliases.append(alias)
        present = line.props.keys()
        codes = [c.upper() for prop in COUNTRY_PROPS if prop in present for c in line.values(prop)]
        identifiers = Identifiers({"ftm": line.ftm_id})
        for prop in IDENTIFIER_PROPS:  # in the table's order, so the dict is the same for equal lines
            for value in line.values(prop) if prop in present else ():
                identifiers.add(IDENTIFIER_PROPS[prop], value)
        descriptions = line.values("description")
        person = etype is EntityType.PERSON
        births = (written_date(v[:10]) for v in line.values("birthDate")) if person else ()
        nationalities = (c.upper() for p in NATIONALITY_PROPS if person for c in line.values(p))
        return Entity(
            birth_dates=tuple(dict.fromkeys(d for d in births if d)),
            nationalities=tuple(dict.fromkeys(c for c in nationalities if registry().countries.is_code(c))),
            birth_places=tuple(line.values("birthPlace")) if person else (),
            id=entity_id(etype, line.ftm_id),
            type=etype,
            name=name,
            aliases=tuple(aliases),
            country=single_country(c for c in codes if registry().countries.is_code(c)),
            identifiers=identifiers.as_dict(),
            description=descriptions[0] if descriptions else None,
        )

    def _first_pass(self, index: Index) -> Iterator[Parsed]:
        out = Collector()
        lines: list[Line] = []
        count = number = 0
        with self.path.open("rb") as fh:
            offset = 0
            for number, raw in enumerate(fh, start=1):
                line = self._decode(out, number, offset, raw)
                offset += len(raw)
                if line is not None:
                    lines.append(line)
                count += 1
                if count >= self.size:
                    self.lines_read = number
                    yield self._things(out, lines, index)
                    out, lines, count = Collector(), [], 0
        self.lines_read = number
        yield self._things(out, lines, index)

    def _things(self, out: Collector, lines: list[Line], index: Index) -> Parsed:
        """One batch of pass 1: entities and sources of the things; relationship lines noted."""
        earlier = index.known(line.ftm_id for line in lines if line.plan.etype is not None)
        entities: list[tuple[str, str, int, str]] = []
        relations: list[tuple[int, int]] = []
        for line in lines:
            plan = line.plan
            if plan.relation is not None:
                relations.append((line.offset, line.number))
                continue
            if plan.etype is None:
                self.skipped[plan.schema.name] += 1
                continue
            try:
                entity = self._entity(line)
            except ValidationError as exc:
                out.rejects.extend(validation_errors(exc, self.file, default_line=line.number))
                continue
            except ValueError as exc:
                self._reject(out, line.number, "properties.name", str(exc))
                continue
            before = earlier.get(line.ftm_id)
            if before is not None and before[0] != entity.type.value:
                self._reject(
                    out,
                    line.number,
                    "schema",
                    f"id {line.ftm_id!r} is already a {before[0]} (line {before[1]}), not a {entity.type.value}",
                )
                continue
            earlier.setdefault(line.ftm_id, (entity.type.value, line.number))
            entities.append((line.ftm_id, entity.type.value, line.number, entity.name))
            out.add_entity(entity)
            add_sources(out, self._sources(line, entity.name), self)
            if any(line.props.get(p) for p in plan.refs):
                relations.append((line.offset, line.number))
        index.add(entities, relations)
        return self._parsed(out)

    def _parsed(self, out: Collector) -> Parsed:
        """The batch; the file's Source comes with the first batch that has a line's Source."""
        if out.sources and not self._file_source_sent:
            out.add_source(self.file_source)
            self._file_source_sent = True
        return out.parsed()

    # -- pass 2: relationships ------------------------------------------------------------

    def _second_pass(self, index: Index) -> Iterator[Parsed]:
        self.relations_total = int(index.db.execute("SELECT count(*) FROM rel").fetchone()[0])
        with self.path.open("rb") as fh:
            for rows in index.relations(self.size):
                out = Collector()
                lines: list[Line] = []
                for offset, number in rows:
                    fh.seek(offset)
                    line = self._decode(out, number, offset, fh.readline())
                    if line is not None:
                        lines.append(line)
                self.relations_read += len(rows)
                types = self._resolve(index, lines)
                # the names of both ends and of each thing, for the records' titles
                self._names = index.names({ref for line in lines for ref in [line.ftm_id, *self._refs(line)]})
                for line in lines:
                    self._relation(out, line, types)
                yield self._parsed(out)

    def _refs(self, line: Line) -> list[str]:
        plan = line.plan
        if plan.relation == "sanction":
            return line.values("entity")
        if plan.relation in ("ownership", "link"):
            props = [p.name for p in (plan.schema.source_prop, plan.schema.target_prop) if p is not None]
            return [v for p in props for v in line.values(p)]
        return [v for p in plan.refs for v in line.values(p)]

    def _resolve(self, index: Index, lines: list[Line]) -> dict[str, EntityType]:
        wanted = {ref for line in lines for ref in self._refs(line)}
        wanted |= {line.ftm_id for line in lines if line.plan.etype is not None}
        types = {fid: EntityType(t) for fid, (t, _) in index.known(wanted).items()}
        missing = sorted(wanted - types.keys())
        if missing and self.resolve_external is not None:
            by_regkg_id = {cand: fid for fid in missing for cand in id_candidates(fid)}
            for found, type_name in self.resolve_external(sorted(by_regkg_id)).items():
                if type_name != "Source":
                    types.setdefault(by_regkg_id[found], EntityType(type_name))
        return types

    # -- iteration ------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Parsed]:
        with tempfile.TemporaryDirectory(prefix="regkg-ftm-") as directory:
            index = Index(directory)
            try:
                self.phase = 1
                for number, batch in enumerate(self._first_pass(index)):
                    if number == 0:
                        batch.inputs.append(self.path)
                    yield self._seen(batch)
                self.phase = 2
                for batch in self._second_pass(index):
                    yield self._seen(batch)
            finally:
                index.close()
        notes = self._notes()
        if notes:
            yield Parsed(notes=notes)

    def _seen(self, batch: Parsed) -> Parsed:
        self.present.update((c.subject, c.predicate, c.object) for c in batch.claims)
        return batch

    def record_prefixes(self) -> list[str]:
        """The id prefix of the Sources of each record a delta op touched (every version of the
        record: :meth:`loaders.ftm_claims.FtmRelations._sources`)."""
        return sorted(f"source:ftm:{record_key(fid)}-" for fid in self.touched)

    def _notes(self) -> list[str]:
        notes: list[str] = []
        if self.skipped:
            listed = ", ".join(f"{name} ×{n}" for name, n in sorted(self.skipped.items()))
            notes.append(f"{self.file}: lines of schemata not modelled here, skipped: {listed}")
        if self.bad_dates:
            notes.append(f"{self.file}: {self.bad_dates} date value(s) that are not ISO dates ignored")
        return notes


def iter_batches(path: Path, size: int = 2000, resolve_external: ExternalResolver | None = None) -> Iterator[Parsed]:
    """The file as :class:`Parsed` batches of at most ``size`` lines, things before relationships."""
    return iter(FtmReader(path, size, resolve_external))


def load(path: Path, resolve_external: ExternalResolver | None = None) -> Parsed:
    """The whole file in one :class:`Parsed` (small files; large ones go through :func:`iter_batches`)."""
    return combine(iter_batches(path, resolve_external=resolve_external))


__all__ = ["FtmReader", "iter_batches", "load", "entity_id", "REFERENCE_TYPES", "LINK_SCHEMATA"]
