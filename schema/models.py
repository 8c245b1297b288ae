"""Pydantic models of what the graph holds: Entity, Source, Citation, Claim, LoadRun.

Ids are stable: entities and sources carry the id their author gave them (``firm:kaspersky-lab``);
a claim's id is a hash of its content (subject, predicate, object, stance, asserted_by, dates,
qualifiers and citations), so loading the same input twice writes nothing new; a fact id is a hash
of (subject, predicate, object) — one fact edge per triple, however many claims support it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from functools import cached_property
from typing import Annotated, Any, Literal

import normality
import orjson
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    computed_field,
    field_validator,
    model_validator,
)

from .dates import PartialDate, coerce_partial_date, earliest, latest
from .ontology import EntityType, Method, Predicate, Stance

# -- ids ----------------------------------------------------------------------------------

ID_PATTERN = r"^[a-z][a-z0-9-]*:[A-Za-z0-9][A-Za-z0-9._:/-]*$"
EntityId = Annotated[str, Field(pattern=ID_PATTERN, max_length=200)]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]  # ISO 3166-1 alpha-2, upper case
SourceId = Annotated[str, Field(pattern=r"^source:[A-Za-z0-9][A-Za-z0-9._:/-]*$", max_length=300)]


def slug(text: str) -> str:
    """``"Kaspersky Lab, Inc."`` → ``kaspersky-lab-inc``; any script is transliterated
    (``"Служба безпеки України"`` → ``sluzba-bezpeki-ukraini``, normality), so two names never
    share a slug because their letters were dropped. Text with no letter or digit at all gets a
    hash of itself (``h-…``)."""
    return normality.slugify(text, sep="-") or "h-" + digest(text, length=12)


# Id prefixes the loaders give after the type (``firm:fcc-…``): how far an id is from a reviewed
# record. A same-as cluster answers under its member with the lowest tier (then the smallest id).
_LIST_PREFIXES = ("csl-", "ofac-", "fcc-")
_DATASET_PREFIXES = ("ftm-",)


def source_tier(entity_id: str) -> int:
    """0 for a curated or reference id (``firm:kaspersky-lab``, ``country:ru``), 1 for an official
    list's (``firm:fcc-…``, ``csl-``, ``ofac-``), 2 for a dataset's (``ftm-``)."""
    local = entity_id.split(":", 1)[-1]
    if local.startswith(_DATASET_PREFIXES):
        return 2
    return 1 if local.startswith(_LIST_PREFIXES) else 0


def canonical_of(ids: Iterable[str]) -> str:
    """The id a same-as cluster answers under: curated before list before dataset, then the smallest."""
    return min(ids, key=lambda i: (source_tier(i), i))


def digest(*parts: Any, length: int = 24) -> str:
    """The first ``length`` hex digits of the SHA-256 of ``parts`` as compact JSON with sorted keys.
    Ids are built on it, so its bytes never change: orjson writes them where its JSON is the
    standard library's byte for byte (strings, ints, booleans, None, lists, tuples, dicts with
    string keys — :func:`_plain`); anything else (a float, whose exponents the two write
    differently; an enum; an int past 64 bits) goes through ``json.dumps`` as it always did."""
    blob: bytes | None = None
    if _plain(parts):
        try:
            blob = orjson.dumps(parts, option=orjson.OPT_SORT_KEYS)
        except orjson.JSONEncodeError:
            blob = None
    if blob is None:
        blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(blob).hexdigest()[:length]


def _plain(value: Any) -> bool:
    """Only types whose orjson output equals ``json.dumps``'s (exact types, not subclasses)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return True
    if kind is tuple or kind is list:
        return all(_plain(v) for v in value)
    if kind is dict:
        return all(type(k) is str and _plain(v) for k, v in value.items())
    return False


def fact_id(subject: str, predicate: Predicate | str, obj: str) -> str:
    return "fact:" + digest(subject, str(predicate), obj, length=20)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


QualifierValue = str | int | float | bool | list[str]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


# -- entities -----------------------------------------------------------------------------


class Entity(_Model):
    id: EntityId
    type: EntityType
    name: Annotated[str, Field(min_length=1, max_length=500)]
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = Field(
        (),
        description="low-quality aliases (OFAC's remarks a.k.a./f.k.a./n.k.a.: nicknames, handles, former names): "
        "searchable, but not names to identify the entity by",
    )
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = Field(
        None, description="ISO 3166-1 alpha-2 code of the entity's country, when known"
    )
    identifiers: dict[str, str] = Field(
        default_factory=dict,
        description="ids by lower-case scheme: a list's or dataset's own (ofac, csl, ftm, wikidata...) and the "
        "entity's (inn, ogrn, lei, imo — checked —, passport, national_id, tax_id, registration, swift, mmsi...); "
        "several values of one scheme joined with '; '",
    )
    description: str | None = None
    candidate: bool = Field(False, description="proposed by the extractor, not yet reviewed")
    birth_dates: tuple[PartialDate, ...] = Field(
        (), description="a person's dates of birth as the sources give them (several when they differ)"
    )
    nationalities: tuple[CountryCode, ...] = Field(
        (),
        description="ISO 3166-1 alpha-2 codes of a person's nationalities and citizenships, as the sources state them",
    )
    birth_places: tuple[Annotated[str, Field(min_length=1)], ...] = Field(
        (), description="a person's places of birth, as the sources write them"
    )

    @field_validator("aliases", "weak_aliases", "birth_dates", "nationalities", "birth_places", mode="before")
    @classmethod
    def _aliases(cls, value: Any) -> Any:
        if value is None:
            return ()
        return value

    @model_validator(mode="after")
    def _id_matches_type(self) -> Entity:
        prefix = self.id.split(":", 1)[0]
        if prefix != self.type.prefix:
            raise ValueError(f"id {self.id!r} must start with '{self.type.prefix}:' for type {self.type.value}")
        return self


# -- sources ------------------------------------------------------------------------------

SourceKind = Literal[
    "article",
    "press-release",
    "register-notice",
    "statement",
    "report",
    "list",
    "dataset",
    "list-entry",
    "web-page",
    "law-text",
    "file",  # a file a loader read: it carries records, it states nothing itself
]


class Source(_Model):
    id: SourceId
    title: Annotated[str, Field(min_length=1)]
    kind: SourceKind
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published_at: PartialDate | None = None
    retrieved_at: PartialDate | None = None
    first_seen: PartialDate | None = Field(
        None, description="the earliest list version or export that held the record (the writer keeps the earliest)"
    )
    last_seen: PartialDate | None = Field(
        None, description="the latest list version or export that held the record (the writer keeps the latest)"
    )
    text: str | None = Field(None, description="the full text quotes are located in")
    derived_from: tuple[SourceId, ...] = ()

    @field_validator("published_at", "retrieved_at", "first_seen", "last_seen", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        return coerce_partial_date(value)

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def sha256(self) -> str | None:
        return sha256_text(self.text) if self.text is not None else None


# -- claims -------------------------------------------------------------------------------


class Citation(_Model):
    source: SourceId
    quote: Annotated[str, Field(min_length=1)]
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=1)]

    @model_validator(mode="after")
    def _ordered(self) -> Citation:
        if self.end <= self.start:
            raise ValueError("end must be after start")
        return self


class Claim(_Model):
    subject: EntityId
    predicate: Predicate
    object: EntityId
    stance: Stance = Stance.ASSERTED
    asserted_by: EntityId | None = None
    valid_from: PartialDate | None = None
    valid_to: PartialDate | None = None
    qualifiers: dict[str, QualifierValue] = Field(default_factory=dict)
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 1.0
    method: Method = Method.CURATED
    citations: Annotated[tuple[Citation, ...], Field(min_length=1)]

    @field_validator("valid_from", "valid_to", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        return coerce_partial_date(value)

    @model_validator(mode="after")
    def _span(self) -> Claim:
        if self.subject == self.object:
            raise ValueError("subject and object must differ")
        lo, hi = earliest(self.valid_from), latest(self.valid_to)
        if lo and hi and hi < lo:
            raise ValueError(f"valid_to {self.valid_to} is before valid_from {self.valid_from}")
        return self

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def id(self) -> str:
        cites = sorted((c.source, c.start, c.end) for c in self.citations)
        return "claim:" + digest(
            self.subject,
            self.predicate.value,
            self.object,
            self.stance.value,
            self.asserted_by,
            self.valid_from,
            self.valid_to,
            self.qualifiers,
            cites,
        )

    @computed_field  # type: ignore[prop-decorator]
    @cached_property
    def fact_id(self) -> str:
        return fact_id(self.subject, self.predicate, self.object)


# -- load runs ----------------------------------------------------------------------------

RunStatus = Literal["running", "succeeded", "failed"]


class LoadRun(_Model):
    id: str
    loader: str
    inputs: tuple[str, ...]
    input_sha256: str
    started_at: datetime
    finished_at: datetime | None = None
    status: RunStatus = "running"
    counts: dict[str, int] = Field(default_factory=dict)
    error: str | None = None
    pid: int | None = None
    host: str | None = None


class Batch(BaseModel):
    """What a loader hands to the writer: everything one transaction writes."""

    model_config = ConfigDict(extra="forbid")

    entities: list[Entity] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)

    def __len__(self) -> int:
        return len(self.entities) + len(self.sources) + len(self.claims)
