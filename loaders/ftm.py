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
  (``weakAlias`` is left out), for firms also the normalised name
  (:func:`loaders.resolve.normalise_name`); country the one ISO code its ``country``,
  ``jurisdiction``, ``mainCountry``, ``nationality``, ``citizenship`` or ``flag`` agree on;
  identifiers ``ftm`` plus ``imo``, ``lei``, ``inn``, ``ogrn``, ``wikidata``, ``registration``,
  ``tax``, ``swift_bic``, ``mmsi`` from the matching FtM properties. A vehicle's ``owner`` gives
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
``properties`` object when no single value says it.

**Streaming, constant memory.** :class:`FtmReader` reads the file twice, line by line, and never
holds more than one batch: pass 1 turns things into entities and records, in an on-disk SQLite
index in a temporary directory, each FtM id with its type and the byte offset of every line that
carries a relationship; pass 2 reads just those lines again and resolves both ends of each
relationship through the index (or, for ids the file does not define, through
``resolve_external`` — the CLI passes a read-only graph lookup). Batches of pass 1 come before
any batch of pass 2, so a writer that writes each batch before pulling the next always has both
ends of a claim in the graph.

Bad lines (not JSON, not an object, no id, unknown schema, no name, a relationship whose end is
nowhere to be found, a claim the ontology refuses) are rejects with file, line and field; every
other line still loads.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.schema import Schema
from pydantic import ValidationError

from reference import registry, single_country
from schema.dates import earliest, latest, partial_date
from schema.ftm import FTM_READ_TYPES, FTM_TYPES
from schema.models import Citation, Claim, Entity, QualifierValue, Source, digest, slug
from schema.ontology import EntityType, Method, Predicate

from .base import Parsed, RecordError, validation_errors
from .collect import Collector, combine
from .csvfile import file_sha256
from .curated import ExternalResolver
from .resolve import normalise_name

_BOM = b"\xef\xbb\xbf"

REFERENCE_TYPES = FTM_READ_TYPES  # what an FtM id can become here
LINK_SCHEMATA = frozenset(
    {"Directorship", "Employment", "Membership", "Representation", "Family", "Associate", "UnknownLink", "Succession"}
)
_ALIAS_PROPS = ("name", "alias", "previousName")
_COUNTRY_PROPS = ("country", "jurisdiction", "mainCountry", "nationality", "citizenship", "flag")
_IDENTIFIER_PROPS = {
    "imoNumber": "imo",
    "leiCode": "lei",
    "innCode": "inn",
    "ogrnCode": "ogrn",
    "wikidataId": "wikidata",
    "registrationNumber": "registration",
    "taxNumber": "tax",
    "swiftBic": "swift_bic",
    "mmsi": "mmsi",
}
_SANCTION_QUALIFIERS = ("program", "programId", "provisions", "authorityId", "unscId")
_OWNERSHIP_QUALIFIERS = ("percentage", "ownershipType", "role", "sharesCount")
_LINK_QUALIFIERS = ("role", "relationship")
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")



def entity_id(etype: EntityType, ftm_id: str) -> str:
    """``firm:ftm-NK-abc123``; an FtM id with other characters is slugged and hashed."""
    local = ftm_id if _SAFE_ID.match(ftm_id) else f"{slug(ftm_id)[:100]}-{digest(ftm_id, length=8)}"
    return f"{etype.prefix}:ftm-{local}"


def _id_candidates(ftm_id: str) -> list[str]:
    return [entity_id(t, ftm_id) for t in REFERENCE_TYPES]


@dataclass(frozen=True)
class _Plan:
    """What lines of one schema become: an entity type, a relationship kind, both or nothing."""

    etype: EntityType | None
    relation: str | None  # "sanction", "ownership", "link" or None
    schema: Schema
    refs: tuple[str, ...]  # properties of a thing line that name another entity (pass 2)


_PLANS: dict[str, _Plan | None] = {}


def _plan(name: str) -> _Plan | None:
    """The plan for a schema name (cached); None for a name FtM does not know."""
    if name in _PLANS:
        return _PLANS[name]
    schema = model.get(name)
    plan: _Plan | None = None
    if schema is not None:
        etype = next((t for s, t in FTM_TYPES if schema.is_a(s)), None)
        relation: str | None = None
        if schema.is_a("Sanction"):
            relation = "sanction"
        elif schema.is_a("Ownership"):
            relation = "ownership"
        elif schema.name in LINK_SCHEMATA:
            relation = "link"
        refs: tuple[str, ...] = ()
        if etype is not None:
            refs = tuple(p for p in ("owner", "parent") if schema.get(p) is not None)
        plan = _Plan(etype, relation, schema, refs)
    _PLANS[name] = plan
    return plan


class _Line:
    """One decoded line: where it is, its raw text, its JSON and the plan for its schema."""

    __slots__ = ("number", "offset", "text", "data", "plan", "ftm_id", "props")

    def __init__(self, number: int, offset: int, text: str, data: dict[str, Any], plan: _Plan) -> None:
        self.number, self.offset, self.text, self.data, self.plan = number, offset, text, data, plan
        self.ftm_id = str(data["id"])
        self.props: dict[str, list[Any]] = data["properties"]

    def values(self, prop: str) -> list[str]:
        """A property's values as text (a nested entity counts by its id), in order, once each."""
        raw = self.props.get(prop)
        if not raw:
            return []
        out: list[str] = []
        for value in raw:
            if isinstance(value, dict):
                value = value.get("id")
            if value is None:
                continue
            text = str(value).strip()
            if text and text not in out:
                out.append(text)
        return out


class _Index:
    """On-disk FtM id → (type, line) and the offsets of relationship lines, in a temp dir."""

    def __init__(self, directory: str) -> None:
        self.db = sqlite3.connect(Path(directory) / "ftm-index.sqlite3")
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-8000;"
            "CREATE TABLE ent (id TEXT PRIMARY KEY, type TEXT NOT NULL, line INTEGER NOT NULL);"
            "CREATE TABLE rel (offset INTEGER NOT NULL, line INTEGER NOT NULL);"
        )

    def known(self, ids: Iterable[str]) -> dict[str, tuple[str, int]]:
        out: dict[str, tuple[str, int]] = {}
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for fid, etype, line in self.db.execute(f"SELECT id, type, line FROM ent WHERE id IN ({marks})", chunk):
                out[fid] = (etype, line)
        return out

    def add(self, entities: list[tuple[str, str, int]], relations: list[tuple[int, int]]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO ent VALUES (?, ?, ?)", entities)
        self.db.executemany("INSERT INTO rel VALUES (?, ?)", relations)
        self.db.commit()

    def relations(self, size: int) -> Iterator[list[tuple[int, int]]]:
        cursor = self.db.execute("SELECT offset, line FROM rel ORDER BY rowid")
        while rows := cursor.fetchmany(size):
            yield rows

    def close(self) -> None:
        self.db.close()


class FtmReader:
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
        self._file_source_sent = False
        self._entity_cache: dict[tuple[str | None, ...], Entity] = {}
        self.file_source = Source(
            id=f"source:ftm:file-{file_sha256(path)[:16]}",
            title=f"FollowTheMoney entities ({path.name})",
            kind="dataset",
        )

    # -- shared ---------------------------------------------------------------------------

    def _reject(self, out: Collector, line: int | None, field: str | None, message: str) -> None:
        out.rejects.append(RecordError(self.file, line, field, message))

    def _decode(self, out: Collector, number: int, offset: int, raw: bytes) -> _Line | None:
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
        fid = data.get("id")
        if not isinstance(fid, str) or not fid.strip():
            self._reject(out, number, "id", "no entity id")
            return None
        name = data.get("schema")
        plan = _plan(name) if isinstance(name, str) else None
        if plan is None:
            self._reject(out, number, "schema", f"unknown FtM schema {name!r}")
            return None
        props = data.get("properties")
        if props is None:
            data["properties"] = props = {}
        if not isinstance(props, dict) or not all(isinstance(v, list) for v in props.values()):
            self._reject(out, number, "properties", "must be an object of lists")
            return None
        return _Line(number, offset, text, data, plan)

    def _source(self, line: _Line, caption: str) -> Source:
        local = line.ftm_id if _SAFE_ID.match(line.ftm_id) else digest(line.ftm_id, length=16)
        urls = line.values("sourceUrl")
        publishers = line.values("publisher")
        return Source(
            id=f"source:ftm:{local}-{hashlib.sha256(line.text.encode()).hexdigest()[:12]}",
            title=f"FtM {line.plan.schema.name}: {caption}"[:300],
            kind="dataset",
            url=urls[0] if urls else None,
            publisher=publishers[0] if publishers else None,
            text=line.text,
            derived_from=(self.file_source.id,),
        )

    # -- pass 1: things -------------------------------------------------------------------

    def _entity(self, line: _Line) -> Entity:
        assert line.plan.etype is not None
        etype = line.plan.etype
        names = line.values("name")
        caption = line.data.get("caption")
        name = caption.strip() if isinstance(caption, str) and caption.strip() else (names[0] if names else "")
        if not name:
            raise ValueError("no name (no caption and no name property)")
        aliases: list[str] = []
        for prop in _ALIAS_PROPS:
            for alias in line.values(prop):
                if alias != name and alias not in aliases:
                    aliases.append(alias)
        if etype is EntityType.FIRM:
            normalised = normalise_name(name)
            if normalised and normalised != name and normalised not in aliases:
                aliases.append(normalised)
        present = line.props.keys()
        codes = [c.upper() for prop in _COUNTRY_PROPS if prop in present for c in line.values(prop)]
        identifiers = {"ftm": line.ftm_id}
        for prop in _IDENTIFIER_PROPS.keys() & present:
            values = line.values(prop)
            if values:
                identifiers[_IDENTIFIER_PROPS[prop]] = "; ".join(values)
        descriptions = line.values("description")
        return Entity(
            id=entity_id(etype, line.ftm_id),
            type=etype,
            name=name,
            aliases=tuple(aliases),
            country=single_country(c for c in codes if registry().countries.is_code(c)),
            identifiers=identifiers,
            description=descriptions[0] if descriptions else None,
        )

    def _first_pass(self, index: _Index) -> Iterator[Parsed]:
        out = Collector()
        lines: list[_Line] = []
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

    def _things(self, out: Collector, lines: list[_Line], index: _Index) -> Parsed:
        """One batch of pass 1: entities and sources of the things; relationship lines noted."""
        earlier = index.known(line.ftm_id for line in lines if line.plan.etype is not None)
        entities: list[tuple[str, str, int]] = []
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
            entities.append((line.ftm_id, entity.type.value, line.number))
            out.add_entity(entity)
            out.add_source(self._source(line, entity.name))
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

    def _second_pass(self, index: _Index) -> Iterator[Parsed]:
        self.relations_total = int(index.db.execute("SELECT count(*) FROM rel").fetchone()[0])
        with self.path.open("rb") as fh:
            for rows in index.relations(self.size):
                out = Collector()
                lines: list[_Line] = []
                for offset, number in rows:
                    fh.seek(offset)
                    line = self._decode(out, number, offset, fh.readline())
                    if line is not None:
                        lines.append(line)
                self.relations_read += len(rows)
                types = self._resolve(index, lines)
                for line in lines:
                    self._relation(out, line, types)
                yield self._parsed(out)

    def _refs(self, line: _Line) -> list[str]:
        plan = line.plan
        if plan.relation == "sanction":
            return line.values("entity")
        if plan.relation in ("ownership", "link"):
            props = [p.name for p in (plan.schema.source_prop, plan.schema.target_prop) if p is not None]
            return [v for p in props for v in line.values(p)]
        return [v for p in plan.refs for v in line.values(p)]

    def _resolve(self, index: _Index, lines: list[_Line]) -> dict[str, EntityType]:
        wanted = {ref for line in lines for ref in self._refs(line)}
        wanted |= {line.ftm_id for line in lines if line.plan.etype is not None}
        types = {fid: EntityType(t) for fid, (t, _) in index.known(wanted).items()}
        missing = sorted(wanted - types.keys())
        if missing and self.resolve_external is not None:
            by_regkg_id = {cand: fid for fid in missing for cand in _id_candidates(fid)}
            for found, type_name in self.resolve_external(sorted(by_regkg_id)).items():
                if type_name != "Source":
                    types.setdefault(by_regkg_id[found], EntityType(type_name))
        return types

    def _relation(self, out: Collector, line: _Line, types: dict[str, EntityType]) -> None:
        plan = line.plan
        rejects = len(out.rejects)
        claims: list[tuple[str, Claim]] = []
        extra: list[Entity] = []
        source = self._source(line, self._caption(line))
        try:
            if plan.relation == "sanction":
                claims = self._sanction(out, line, types, source, extra)
            elif plan.relation is not None:
                claims = self._edge(out, line, types, source)
            else:
                claims = self._thing_refs(out, line, types, source)
        except ValidationError as exc:
            out.rejects.extend(validation_errors(exc, self.file, default_line=line.number))
            return
        kept = False
        for field, claim in claims:
            problem = out.check_claim(claim)
            if problem:
                self._reject(out, line.number, field, problem)
                continue
            out.add_claim(claim)
            kept = True
        if kept:
            for entity in extra:
                out.add_entity(entity)
            if plan.relation is not None:  # a thing's line was written in pass 1 already
                out.add_source(source)
        elif not claims and len(out.rejects) == rejects and plan.relation is not None:
            self._reject(out, line.number, None, f"a {plan.schema.name} that yields no claim")

    @staticmethod
    def _caption(line: _Line) -> str:
        caption = line.data.get("caption")
        if isinstance(caption, str) and caption.strip():
            return caption.strip()
        names = line.values("name")
        return names[0] if names else line.ftm_id

    def _end(
        self, out: Collector, line: _Line, prop: str, types: dict[str, EntityType], value: str | None = None
    ) -> str | None:
        """Our id for the entity a property names; a reject (and None) when it is nowhere."""
        values = [value] if value is not None else line.values(prop)
        if not values:
            self._reject(out, line.number, f"properties.{prop}", f"a {line.plan.schema.name} needs a {prop}")
            return None
        fid = values[0]
        etype = types.get(fid)
        if etype is None:
            self._reject(
                out,
                line.number,
                f"properties.{prop}",
                f"{prop} {fid!r} is neither an entity of this file nor in the graph",
            )
            return None
        return entity_id(etype, fid)

    def _dates(self, line: _Line, props: Iterable[str], last: bool) -> str | None:
        found: list[str] = []
        for prop in props:
            for value in line.values(prop):
                try:
                    date = partial_date(value[:10])
                except ValueError:
                    self.bad_dates += 1
                    continue
                if date:
                    found.append(date)
            if found and not last:
                break  # the first property that has a date wins (startDate before listingDate)
        if not found:
            return None
        if last:
            return max(found, key=lambda d: latest(d) or "")
        return min(found, key=lambda d: earliest(d) or "")

    @staticmethod
    def _qualifiers(line: _Line, props: Iterable[str], **extra: QualifierValue) -> dict[str, QualifierValue]:
        out: dict[str, QualifierValue] = dict(extra)
        for prop in props:
            values = line.values(prop)
            if len(values) == 1:
                out[prop] = values[0]
            elif values:
                out[prop] = values
        return out

    @staticmethod
    def _quote(source: Source, prop: str, value: str | None = None) -> Citation:
        """The value as written in the line (after the property's key), else the properties object."""
        text = source.text or ""
        key = text.find(json.dumps(prop) + ":")
        if value is not None and key != -1:
            for encoded in dict.fromkeys((json.dumps(value, ensure_ascii=False)[1:-1], json.dumps(value)[1:-1])):
                start = text.find(encoded, key) if encoded else -1
                if start != -1:
                    return Citation(source=source.id, quote=encoded, start=start, end=start + len(encoded))
        start = text.find('"properties":')
        start = text.find("{", start) if start != -1 else 0
        try:
            _, end = json.JSONDecoder().raw_decode(text, start)
        except json.JSONDecodeError:
            start, end = 0, len(text)
        return Citation(source=source.id, quote=text[start:end], start=start, end=end)

    def _made(self, key: tuple[str | None, ...], make: Callable[[], Entity]) -> Entity:
        """An authority's or program's entity, made once (a bounded cache: memory stays flat)."""
        found = self._entity_cache.get(key)
        if found is None:
            if len(self._entity_cache) >= 10_000:
                self._entity_cache.clear()
            found = self._entity_cache[key] = make()
        return found

    def _sanction(
        self, out: Collector, line: _Line, types: dict[str, EntityType], source: Source, extra: list[Entity]
    ) -> list[tuple[str, Claim]]:
        authorities, programs = line.values("authority"), line.values("program") or line.values("programId")
        if not authorities and not programs:
            self._reject(out, line.number, "properties.authority", "a Sanction with neither authority nor program")
            return []
        countries = [c.upper() for c in line.values("country")]
        country = single_country(c for c in countries if registry().countries.is_code(c))
        valid_from = self._dates(line, ("startDate", "listingDate", "date"), last=False)
        valid_to = self._dates(line, ("endDate",), last=True)
        qualifiers = self._qualifiers(line, _SANCTION_QUALIFIERS)
        agency: Entity | None = None
        if authorities:
            agency = registry().body_by_name(authorities[0]) or self._made(
                ("agency", authorities[0], country),
                lambda: Entity(
                    id=f"agency:ftm-{slug(authorities[0])[:100]}",
                    type=EntityType.AGENCY,
                    name=authorities[0],
                    country=country,
                ),
            )
            extra.append(agency)
        lst: Entity | None = None
        if programs:
            ids = line.values("programId")
            names = line.values("program")

            def make_list() -> Entity:
                key = slug(ids[0]) if ids else slug(" ".join([*authorities[:1], programs[0]]))
                if len(key) > 100:
                    key = key[:100] + "-" + digest(key, length=8)
                return Entity(
                    id=f"list:ftm-{key}",
                    type=EntityType.LIST,
                    name=names[0] if names else ids[0],
                    aliases=tuple(i for i in ids[:1] if i != programs[0]),
                    country=country,
                )

            lst = self._made(("list", *ids[:1], *authorities[:1], *names[:1], country or ""), make_list)
            extra.append(lst)
        claims: list[tuple[str, Claim]] = []
        targets = line.values("entity")
        if not targets:
            self._reject(out, line.number, "properties.entity", "a Sanction needs an entity")
            return []
        for fid in targets:
            subject = self._end(out, line, "entity", types, fid)
            if subject is None:
                continue
            common: dict[str, Any] = {
                "subject": subject,
                "asserted_by": agency.id if agency else None,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "qualifiers": qualifiers,
                "method": Method.IMPORTED,
            }
            if agency is not None:
                cite = self._quote(source, "authority", authorities[0])
                claim = Claim(predicate=Predicate.SANCTIONED_BY, object=agency.id, citations=(cite,), **common)
                claims.append(("properties.entity", claim))
            if lst is not None:
                prop = "program" if line.values("program") else "programId"
                cite = self._quote(source, prop, programs[0])
                claims.append(
                    (
                        "properties.entity",
                        Claim(predicate=Predicate.LISTED_ON, object=lst.id, citations=(cite,), **common),
                    )
                )
        return claims

    def _edge(
        self, out: Collector, line: _Line, types: dict[str, EntityType], source: Source
    ) -> list[tuple[str, Claim]]:
        schema = line.plan.schema
        if schema.source_prop is None or schema.target_prop is None:
            return []
        subject = self._end(out, line, schema.source_prop.name, types)
        obj = self._end(out, line, schema.target_prop.name, types)
        if subject is None or obj is None:
            return []
        valid_from = self._dates(line, ("startDate", "date"), last=False)
        valid_to = self._dates(line, ("endDate",), last=True)
        if line.plan.relation == "ownership":
            predicate = Predicate.OWNS
            qualifiers = self._qualifiers(line, _OWNERSHIP_QUALIFIERS)
            quote_props: tuple[str, ...] = ("role", "ownershipType", "percentage")
        else:
            predicate = Predicate.LINKED_TO
            qualifiers = self._qualifiers(line, _LINK_QUALIFIERS, relation=schema.name, label=schema.edge_label or "")
            quote_props = _LINK_QUALIFIERS
        prop = next((p for p in quote_props if line.values(p)), None)
        cite = self._quote(source, prop, line.values(prop)[0]) if prop else self._quote(source, "properties")
        claim = Claim(
            subject=subject,
            predicate=predicate,
            object=obj,
            valid_from=valid_from,
            valid_to=valid_to,
            qualifiers=qualifiers,
            method=Method.IMPORTED,
            citations=(cite,),
        )
        return [(f"properties.{schema.source_prop.name}", claim)]

    def _thing_refs(
        self, out: Collector, line: _Line, types: dict[str, EntityType], source: Source
    ) -> list[tuple[str, Claim]]:
        me = types.get(line.ftm_id)
        if me is None:  # the thing itself was rejected in pass 1
            return []
        own_id = entity_id(me, line.ftm_id)
        claims: list[tuple[str, Claim]] = []
        for prop in line.plan.refs:
            for fid in line.values(prop):
                other = self._end(out, line, prop, types, fid)
                if other is None or other == own_id:
                    continue
                cite = self._quote(source, prop, fid)
                if prop == "owner":
                    claim = Claim(
                        subject=other,
                        predicate=Predicate.OWNS,
                        object=own_id,
                        method=Method.IMPORTED,
                        citations=(cite,),
                    )
                else:
                    claim = Claim(
                        subject=own_id,
                        predicate=Predicate.SUBSIDIARY_OF,
                        object=other,
                        method=Method.IMPORTED,
                        citations=(cite,),
                    )
                claims.append((f"properties.{prop}", claim))
        return claims

    # -- iteration ------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Parsed]:
        with tempfile.TemporaryDirectory(prefix="regkg-ftm-") as directory:
            index = _Index(directory)
            try:
                self.phase = 1
                for number, batch in enumerate(self._first_pass(index)):
                    if number == 0:
                        batch.inputs.append(self.path)
                    yield batch
                self.phase = 2
                yield from self._second_pass(index)
            finally:
                index.close()
        notes = self._notes()
        if notes:
            yield Parsed(notes=notes)

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
