"""FollowTheMoney lines as the FtM loader reads them: the plan for each schema, a decoded line, the
on-disk index of pass 1, our ids for FtM ids, and the helpers that read a line's values (its
caption, qualifiers, and the quote of a value as the line writes it). See :mod:`loaders.ftm`.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.schema import Schema

from schema.ftm import FTM_READ_TYPES, FTM_TYPES
from schema.models import Citation, QualifierValue, Source, digest, slug
from schema.ontology import EntityType

REFERENCE_TYPES = FTM_READ_TYPES  # what an FtM id can become here
LINK_SCHEMATA = frozenset(
    {"Directorship", "Employment", "Membership", "Representation", "Family", "Associate", "UnknownLink", "Succession"}
)
ALIAS_PROPS = ("name", "alias", "previousName")
COUNTRY_PROPS = ("country", "jurisdiction", "mainCountry", "nationality", "citizenship", "flag")
# FtM identifier properties → the schemes of Entity.identifiers (loaders.remarks checks inn, ogrn,
# lei and imo, and files a value that fails under tax_id or registration)
IDENTIFIER_PROPS = {
    "imoNumber": "imo",
    "leiCode": "lei",
    "innCode": "inn",
    "ogrnCode": "ogrn",
    "wikidataId": "wikidata",
    "registrationNumber": "registration",
    "taxNumber": "tax_id",
    "vatCode": "vat",
    "swiftBic": "swift",
    "bikCode": "bik",
    "okpoCode": "okpo",
    "kppCode": "kpp",
    "dunsCode": "duns",
    "uscCode": "uscc",
    "mmsi": "mmsi",
    "passportNumber": "passport",
    "idNumber": "national_id",
    "socialSecurityNumber": "ssn",
}
NATIONALITY_PROPS = ("nationality", "citizenship")  # a person's, as ISO codes
SANCTION_QUALIFIERS = ("program", "programId", "provisions", "authorityId", "unscId")
OWNERSHIP_QUALIFIERS = ("percentage", "ownershipType", "role", "sharesCount")
LINK_QUALIFIERS = ("role", "relationship")
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$")


def entity_id(etype: EntityType, ftm_id: str) -> str:
    """``firm:ftm-NK-abc123``; an FtM id with other characters is slugged and hashed."""
    local = ftm_id if SAFE_ID.match(ftm_id) else f"{slug(ftm_id)[:100]}-{digest(ftm_id, length=8)}"
    return f"{etype.prefix}:ftm-{local}"


def id_candidates(ftm_id: str) -> list[str]:
    return [entity_id(t, ftm_id) for t in REFERENCE_TYPES]


@dataclass(frozen=True)
class Plan:
    """What lines of one schema become: an entity type, a relationship kind, both or nothing."""

    etype: EntityType | None
    relation: str | None  # "sanction", "ownership", "link" or None
    schema: Schema
    refs: tuple[str, ...]  # properties of a thing line that name another entity (pass 2)


_PLANS: dict[str, Plan | None] = {}


def plan_for(name: str) -> Plan | None:
    """The plan for a schema name (cached); None for a name FtM does not know."""
    if name in _PLANS:
        return _PLANS[name]
    schema = model.get(name)
    plan: Plan | None = None
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
        plan = Plan(etype, relation, schema, refs)
    _PLANS[name] = plan
    return plan


class Line:
    """One decoded line: where it is, its raw text, its JSON and the plan for its schema."""

    __slots__ = ("number", "offset", "text", "data", "plan", "ftm_id", "props")

    def __init__(self, number: int, offset: int, text: str, data: dict[str, Any], plan: Plan) -> None:
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


class Index:
    """On-disk FtM id → (type, line, name) and the offsets of relationship lines, in a temp dir."""

    def __init__(self, directory: str) -> None:
        self.db = sqlite3.connect(Path(directory) / "ftm-index.sqlite3")
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-8000;"
            "CREATE TABLE ent (id TEXT PRIMARY KEY, type TEXT NOT NULL, line INTEGER NOT NULL, name TEXT);"
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

    def names(self, ids: Iterable[str]) -> dict[str, str]:
        """The name each known id's entity was given (the titles of relationship records use them)."""
        out: dict[str, str] = {}
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for fid, name in self.db.execute(f"SELECT id, name FROM ent WHERE id IN ({marks})", chunk):
                if name:
                    out[fid] = name
        return out

    def add(self, entities: list[tuple[str, str, int, str]], relations: list[tuple[int, int]]) -> None:
        """``entities``: (FtM id, type, line, name) of each thing; ``relations``: (offset, line)."""
        self.db.executemany("INSERT OR IGNORE INTO ent VALUES (?, ?, ?, ?)", entities)
        self.db.executemany("INSERT INTO rel VALUES (?, ?)", relations)
        self.db.commit()

    def relations(self, size: int) -> Iterator[list[tuple[int, int]]]:
        cursor = self.db.execute("SELECT offset, line FROM rel ORDER BY rowid")
        while rows := cursor.fetchmany(size):
            yield rows

    def close(self) -> None:
        self.db.close()


def caption_of(line: Line) -> str:
    caption = line.data.get("caption")
    if isinstance(caption, str) and caption.strip():
        return caption.strip()
    names = line.values("name")
    return names[0] if names else line.ftm_id


def read_qualifiers(line: Line, props: Iterable[str], **extra: QualifierValue) -> dict[str, QualifierValue]:
    out: dict[str, QualifierValue] = dict(extra)
    for prop in props:
        values = line.values(prop)
        if len(values) == 1:
            out[prop] = values[0]
        elif values:
            out[prop] = values
    return out


def quote_value(source: Source, prop: str, value: str | None = None) -> Citation:
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
