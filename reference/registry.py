"""The reference registry, read from ``authorities.yaml`` (next to this module): the bodies and
lists every loader, the article extractor and the seed share, and the countries of
:mod:`reference.countries`.

Each entity is written once, there; a loader that meets BIS or the Entity List takes the entity
from here (``registry().entity("agency:us-bis")``), with its part-of chain
(:meth:`Registry.chain`) and the body that administers a list (:attr:`RefList.administered_by`).
A list is found by a source's own code (``list_by_code("csl", "EL")``), a body by any of its
names (``body_by_name("Office of Foreign Assets Control")``) or by a source's name for it
(``body_by_code("csl", "Treasury Department")``).

Every ``part_of`` and ``administered_by`` names the source and quote that state it
(:meth:`Registry.evidence`): the sources are real public texts, kept as excerpts in
``sources/``, and each quote is located in its text when the registry is read.

The file is validated when read (ids unique, types from the id prefix, every ``part_of`` and
``administered_by`` known and quoted, codes unique per scheme); a broken registry raises
:class:`~schema.errors.InvalidInput` naming the entry and field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from schema.dates import coerce_partial_date
from schema.errors import InvalidInput
from schema.models import Citation, Entity, Source
from schema.ontology import EntityType, Predicate
from schema.quotes import locate, normalise

from .countries import Countries, country_id

FILE = Path(__file__).with_name("authorities.yaml")

ListKind = Literal["sanctions", "export-control", "debarment", "nonproliferation", "telecom-security", "import-ban"]
_TYPE_BY_PREFIX = {t.prefix: t for t in EntityType}
# "Entity List (EL) - Bureau of Industry and Security": the list's code in parentheses
LABEL_CODE = re.compile(r"\(([A-Za-z0-9 -]+?)(?: List)?\)")


class _Link(BaseModel):
    """A structural fact (``part_of``, ``administered_by``) and the quote in a source that states it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    source: str
    quote: str


class _Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    kind: str
    publisher: str | None = None
    url: str | None = None
    published_at: str | None = None
    text_file: str
    licence: str

    _dates = field_validator("published_at", mode="before")(lambda value: coerce_partial_date(value))


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    description: str | None = None
    codes: dict[str, str] = {}


class _Body(_Entry):
    part_of: _Link | None = None


class _List(_Entry):
    administered_by: _Link
    kind: ListKind


class _Country(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str
    aliases: tuple[str, ...] = ()


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: tuple[_Source, ...] = ()
    countries: tuple[_Country, ...] = ()
    bodies: tuple[_Body, ...] = ()
    lists: tuple[_List, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """The source and the located quote behind a registry fact (``part-of`` or ``administers``)."""

    subject: str
    predicate: Predicate
    object: str
    source: Source
    citation: Citation


@dataclass(frozen=True)
class RefList:
    """A list or programme: its entity, the body that administers it, its kind and codes."""

    entity: Entity
    administered_by: str
    kind: ListKind
    codes: dict[str, str] = field(default_factory=dict)


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


class Registry:
    """Bodies, lists and countries by id, name and code (see the module docstring)."""

    def __init__(self, data: dict[str, Any], where: str = str(FILE), base: Path = FILE.parent) -> None:
        try:
            parsed = _File.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first.get("loc", ()))
            raise InvalidInput(f"{where}: {loc}: {first.get('msg')}", exc.errors()) from None
        self.countries = Countries({c.code: c.aliases for c in parsed.countries})
        self._sources = {src.id: self._source(src, base, where) for src in parsed.sources}
        self._evidence: dict[tuple[str, Predicate, str], Evidence] = {}
        self._normalised: dict[str, tuple[str, list[int]]] = {}
        self._entities: dict[str, Entity] = {}
        self._parent: dict[str, str] = {}
        self._body_codes: dict[tuple[str, str], str] = {}
        self._lists: dict[str, RefList] = {}
        self._list_codes: dict[tuple[str, str], str] = {}
        for i, entry in enumerate((*parsed.bodies, *parsed.lists)):
            section = "bodies" if isinstance(entry, _Body) else "lists"
            at = f"{where}: {section}[{i if section == 'bodies' else i - len(parsed.bodies)}] {entry.id}"
            entity = self._entity(entry, at)
            if entity.id in self._entities:
                raise InvalidInput(f"{at}: id: defined twice")
            self._entities[entity.id] = entity
            codes = self._body_codes if isinstance(entry, _Body) else self._list_codes
            for scheme, code in entry.codes.items():
                if (scheme, _fold(code)) in codes:
                    raise InvalidInput(f"{at}: codes.{scheme}: {code!r} is already another entry's")
                codes[(scheme, _fold(code))] = entity.id
            if isinstance(entry, _Body) and entry.part_of:
                self._parent[entity.id] = entry.part_of.id
                self._cite(entity.id, Predicate.PART_OF, entry.part_of, f"{at}: part_of")
            if isinstance(entry, _List):
                body = entry.administered_by
                self._lists[entity.id] = RefList(entity, body.id, entry.kind, dict(entry.codes))
                self._cite(
                    body.id,
                    Predicate.ADMINISTERS,
                    _Link(id=entity.id, source=body.source, quote=body.quote),
                    f"{at}: administered_by",
                )
        for child, parent in self._parent.items():
            if self.get(parent) is None:
                raise InvalidInput(f"{where}: {child}: part_of: unknown id {parent}")
        for ref in self._lists.values():
            if ref.administered_by not in self._entities:
                raise InvalidInput(f"{where}: {ref.entity.id}: administered_by: unknown id {ref.administered_by}")
        self._by_name: dict[str, str] = {}
        for entity in self._entities.values():
            if entity.type is EntityType.LIST:
                continue
            for name in (entity.name, *entity.aliases):
                self._by_name.setdefault(_fold(name), entity.id)

    @staticmethod
    def _source(src: _Source, base: Path, where: str) -> Source:
        path = base / src.text_file
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInput(f"{where}: {src.id}: text_file: cannot read {path}: {exc}") from None
        try:
            return Source.model_validate({**src.model_dump(exclude={"text_file", "licence"}), "text": text})
        except ValidationError as exc:
            first = exc.errors()[0]
            raise InvalidInput(f"{where}: {src.id}: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None

    def _cite(self, subject: str, predicate: Predicate, link: _Link, at: str) -> None:
        """Record the evidence of ``subject predicate link.id``; the quote must be in the source."""
        source = self._sources.get(link.source)
        if source is None or source.text is None:
            raise InvalidInput(f"{at}.source: unknown source {link.source}")
        folded = self._normalised.get(source.id)
        if folded is None:
            folded = self._normalised[source.id] = normalise(source.text)
        span = locate(source.text, link.quote, normalised=folded)
        if span is None:
            raise InvalidInput(f"{at}.quote: not found in the text of {link.source}: {link.quote[:80]!r}")
        start, end = span
        citation = Citation(source=source.id, quote=source.text[start:end], start=start, end=end)
        self._evidence[(subject, predicate, link.id)] = Evidence(subject, predicate, link.id, source, citation)

    @staticmethod
    def _entity(entry: _Entry, at: str) -> Entity:
        etype = _TYPE_BY_PREFIX.get(entry.id.split(":", 1)[0])
        if etype is None:
            raise InvalidInput(f"{at}: id: the prefix names no entity type")
        if isinstance(entry, _List) and etype is not EntityType.LIST:
            raise InvalidInput(f"{at}: id: a list's id starts with 'list:'")
        if isinstance(entry, _Body) and etype not in (EntityType.AGENCY, EntityType.ORGANIZATION):
            raise InvalidInput(f"{at}: id: a body is an agency: or organization:")
        try:
            return Entity(
                id=entry.id,
                type=etype,
                name=entry.name,
                aliases=entry.aliases,
                country=entry.country,
                description=entry.description,
                # a list's codes identify it (search finds the Entity List by "EL"); a body's codes
                # are only how one source names it
                identifiers=dict(entry.codes) if isinstance(entry, _List) else {},
            )
        except ValidationError as exc:
            first = exc.errors()[0]
            raise InvalidInput(f"{at}: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None

    # -- look-ups --------------------------------------------------------------------------

    def get(self, entity_id: str) -> Entity | None:
        """A registry entity (body, list or country) by id; None when the registry has none."""
        found = self._entities.get(entity_id)
        if found is not None or not entity_id.startswith("country:"):
            return found
        code = entity_id.split(":", 1)[1]
        if len(code) != 2 or not self.countries.is_code(code):
            return None
        return self.countries.entity(code)

    def entity(self, entity_id: str) -> Entity:
        found = self.get(entity_id)
        if found is None:
            raise KeyError(f"{entity_id} is not in the reference registry")
        return found

    def country(self, code: str) -> Entity:
        """The Country entity of an alpha-2 code."""
        return self.countries.entity(code)

    def parent(self, entity_id: str) -> str | None:
        return self._parent.get(entity_id)

    def chain(self, entity_id: str) -> Iterator[tuple[str, str]]:
        """``(child, parent)`` from a body up to its country: BIS → Commerce → United States."""
        child = entity_id
        while (parent := self._parent.get(child)) is not None:
            yield child, parent
            child = parent

    def list_ref(self, entity_id: str) -> RefList | None:
        return self._lists.get(entity_id)

    def list_by_code(self, scheme: str, code: str) -> RefList | None:
        """The list a source's code names: ``("csl", "EL")`` → the Entity List."""
        found = self._list_codes.get((scheme, _fold(code)))
        return self._lists[found] if found else None

    def list_by_label(self, label: str) -> RefList | None:
        """The list a label in the CSL's form names — ``"Entity List (EL) - Bureau of Industry and
        Security"``, as the CSL and OpenSanctions write a list where an authority is expected — by
        the code in parentheses (``codes: {csl: EL}``)."""
        match = LABEL_CODE.search(label)
        return self.list_by_code("csl", match.group(1).strip()) if match else None

    def body_by_code(self, scheme: str, code: str) -> Entity | None:
        """The body a source's own name for it names: ``("csl", "Treasury Department")`` → OFAC."""
        found = self._body_codes.get((scheme, _fold(code)))
        return self._entities[found] if found else None

    def body_by_name(self, name: str) -> Entity | None:
        """A body (agency or organisation) by its name or an alias, case-insensitively."""
        found = self._by_name.get(_fold(name))
        return self._entities[found] if found else None

    def evidence(self, subject: str, predicate: Predicate, obj: str) -> Evidence | None:
        """The registry's source and quote for ``subject predicate obj`` (part-of, administers)."""
        return self._evidence.get((subject, predicate, obj))

    def all_evidence(self) -> list[Evidence]:
        return list(self._evidence.values())

    def sources(self) -> list[Source]:
        return list(self._sources.values())

    def bodies(self) -> list[Entity]:
        return [e for e in self._entities.values() if e.type is not EntityType.LIST]

    def lists(self) -> list[RefList]:
        return list(self._lists.values())

    def entities(self) -> list[Entity]:
        """Every body and list (countries: :meth:`Countries.entities`)."""
        return list(self._entities.values())


@cache
def registry() -> Registry:
    """The registry of ``authorities.yaml``, read once per process."""
    try:
        data = yaml.safe_load(FILE.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidInput(f"{FILE}: cannot read the reference registry: {exc}") from None
    return Registry(data)


__all__ = ["Registry", "RefList", "Evidence", "registry", "country_id", "FILE"]
