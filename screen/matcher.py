"""Scoring a record against a candidate entity with nomenklatura's ``logic-v2`` matcher.

Both sides become FollowTheMoney proxies (the record: its name, country, birth date and
identifiers; the entity: its names and aliases and its same-as members', countries,
nationalities, birth dates and places, identifiers) and ``logic-v2`` compares them — names
across scripts, word orders, legal forms, initials and typos (rigour's name analysis), then
identifiers (INN, OGRN, LEI, IMO, BIC, registration and tax numbers: an equal one dominates),
and contradictions that lower the score (another birth date, another country, another gender).
Each feature's score and weight is in the explanation, with the values it compared.

The matcher and its configuration are named by :data:`MATCHER` (in every answer, so a past result
can be explained later). nomenklatura takes seconds to import: it is imported on first use.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from typing import Any

from rapidfuzz.distance import Levenshtein
from rigour.names import remove_org_types
from rigour.text.translit import ascii_text

from schema.ftm import ftm_schema
from schema.ontology import EntityType

from .records import ScreenRecord
from .scripts import latin_forms

ALGORITHM = "logic-v2"
THRESHOLD = 0.7  # a score at or above it is a match (logic-v2's calibration: yente's default too)
CUTOFF = 0.5  # candidates scoring below it are not returned at all
SUBSTITUTION = 0.85  # a replaced name part: the score × this (see _substituted)

# identifier schemes (as records and loaders name them) → the FtM property compared
SCHEMES: dict[str, str] = {
    "inn": "innCode",
    "ogrn": "ogrnCode",
    "lei": "leiCode",
    "imo": "imoNumber",
    "mmsi": "mmsi",
    "swift": "swiftBic",
    "bic": "swiftBic",
    "isin": "isinCode",
    "uei": "uniqueEntityId",
    "npi": "npiCode",
    "passport": "passportNumber",
    "national_id": "idNumber",
    "tax_id": "taxNumber",
    "vat": "vatCode",
    "registration": "registrationNumber",
    "duns": "dunsCode",
}
# schemes that are regkg's or a publisher's own record ids, not the entity's: never compared
INTERNAL_SCHEMES = frozenset({"ofac", "opensanctions", "wikidata", "bench", "csl", "fcc", "regkg", "qid"})
GENERIC_PROP = "registrationNumber"  # any other scheme

RECORD_SCHEMA = {"Person": "Person", "Firm": "Company", "Organization": "Organization", "Asset": "Vessel"}
# the entity types a record of each type may match
SCREENED: dict[str, tuple[EntityType, ...]] = {
    "Person": (EntityType.PERSON,),
    "Firm": (EntityType.FIRM, EntityType.ORGANIZATION),
    "Organization": (EntityType.ORGANIZATION, EntityType.FIRM, EntityType.AGENCY),
    "Asset": (EntityType.ASSET,),
    "any": (EntityType.PERSON, EntityType.FIRM, EntityType.ORGANIZATION, EntityType.AGENCY, EntityType.ASSET),
}
# the properties each feature compares (for the explanation's values)
FEATURE_PROPS: dict[str, tuple[str, ...]] = {
    "name_match": ("name", "alias"),
    "weak_alias_match": ("name", "weakAlias"),
    "inn_code_match": ("innCode",),
    "ogrn_code_match": ("ogrnCode",),
    "lei_code_match": ("leiCode",),
    "vessel_imo_mmsi_match": ("imoNumber", "mmsi"),
    "bic_code_match": ("swiftBic",),
    "isin_security_match": ("isinCode",),
    "uei_code_match": ("uniqueEntityId",),
    "npi_code_match": ("npiCode",),
    "identifier_match": ("registrationNumber", "taxNumber", "idNumber", "passportNumber", "vatCode", "innCode"),
    "country_mismatch": ("country", "nationality", "citizenship", "jurisdiction"),
    "dob_year_disjoint": ("birthDate",),
    "dob_day_disjoint": ("birthDate",),
    "gender_mismatch": ("gender",),
}


@cache
def _nomenklatura() -> tuple[Any, Any, Any]:
    from followthemoney import model
    from nomenklatura.matching import get_algorithm

    algorithm = get_algorithm(ALGORITHM)
    if algorithm is None:  # pragma: no cover - a nomenklatura without it
        raise RuntimeError(f"nomenklatura has no {ALGORITHM} matcher")
    return model, algorithm, algorithm.default_config()


def prepare() -> None:
    """Load what the first comparison would: nomenklatura's matcher and rigour's name tables for
    persons and organisations (about 8 s and 550 MB once per process, holding the GIL throughout,
    so a server does it before it serves: ``REGKG_WARM_NAMES``)."""
    for kind, name in (("Person", "Anna Petrova"), ("Firm", "Petrova Trading LLC")):
        score(ScreenRecord(name=name, type=kind), [{"id": "prepare", "type": kind, "name": name}])


def matcher_info() -> dict[str, Any]:
    """What produced a screening answer: the algorithm, its library's version, the threshold."""
    return {
        "algorithm": ALGORITHM,
        "library": f"nomenklatura {version('nomenklatura')}",
        "threshold": THRESHOLD,
        "cutoff": CUTOFF,
    }


def features() -> list[dict[str, Any]]:
    """The matcher's features with their weights and descriptions (for the documentation)."""
    _model, algorithm, _config = _nomenklatura()
    docs = algorithm.get_feature_docs()
    weights = {f.name: f.weight for f in algorithm.features}
    return [
        {"feature": name, "weight": weights.get(name), "description": getattr(doc, "description", str(doc))}
        for name, doc in docs.items()
    ]


_QUOTES = str.maketrans(dict.fromkeys("\"'«»„“”‘’`<>", " "))
# the words of legal forms, for recognising a misspelt one ("LIIMTED", "CMOPANY") before they are dropped
_FORM_WORDS = (
    "limited", "liability", "company", "corporation", "incorporated", "joint", "stock", "public",
    "private", "closed", "open", "partnership", "enterprise", "gesellschaft", "aktiengesellschaft",
    "beschrankter", "haftung", "societe", "anonyme", "sociedad", "anonima", "responsabilidad",
)  # fmt: skip
_LATIN_ONLY = re.compile(r"^[\x00-\u024F\s\W\d]*$")


def _spelt(word: str) -> str:
    """A word one edit from a legal-form word (≥ 5 letters) as that word."""
    if len(word) < 5 or word in _FORM_WORDS:
        return word
    close = [w for w in _FORM_WORDS if abs(len(w) - len(word)) <= 1 and Levenshtein.distance(w, word) <= 1]
    close += [w for w in _FORM_WORDS if len(w) == len(word) and sorted(w) == sorted(word) and not close]
    return close[0] if close else word


def without_legal_form(name: str) -> str | None:
    """The name without its legal forms (LLC, Ltd, AO, ООО, JSC…: rigour's list, every script),
    when that leaves something else: a legal form is not who a firm is. A name in another script
    is compared in Latin letters (the same forms then go on both sides: "АО «РАДИАНТ ЕК»" and
    "RADIANT EK AO"), and a misspelt legal-form word is read as the word ("LIIMTED")."""
    text = name.casefold().translate(_QUOTES)
    if not _LATIN_ONLY.match(text):
        text = ascii_text(text).casefold().translate(_QUOTES)
    words = [_spelt(w) for w in text.split()]
    full = " ".join(words)
    bare = " ".join(remove_org_types(full).split())
    return bare if bare and bare != " ".join(name.casefold().translate(_QUOTES).split()) else None


def _add_names(proxy: Any, names: Iterable[str], primary: str | None) -> None:
    """A firm's or organisation's names are compared without their legal forms (both sides): the
    matcher drops a name contained in a longer one of the same side, so a bare variant next to
    the full name would not count, and "Ltd" against no form is not a reason to doubt a match."""
    strip = proxy.schema.name not in ("Person", "Vessel", "Airplane")
    for name in names:
        if not name:
            continue
        compared = (without_legal_form(name) if strip else None) or name
        proxy.add("name" if name == primary else "alias", compared, quiet=True)


def _prop(scheme: str) -> str | None:
    if scheme in INTERNAL_SCHEMES:
        return None
    return SCHEMES.get(scheme, GENERIC_PROP)


def _add_identifiers(proxy: Any, identifiers: Mapping[str, str]) -> None:
    for scheme, raw in identifiers.items():
        prop = _prop(scheme)
        if prop is None:
            continue
        for value in str(raw).split(";"):
            if value.strip():
                proxy.add(prop, value.strip(), quiet=True, cleaned=False)


def record_proxy(record: ScreenRecord, schema: str) -> Any:
    """The record as a proxy. Its id is a digest of what it holds: nomenklatura caches what it
    works out of a name by the proxy's id, so two different records never share one."""
    model, _algorithm, _config = _nomenklatura()
    proxy = model.make_entity(schema)
    proxy.id = "query-" + hashlib.sha256(f"{schema}|{record.model_dump_json()}".encode()).hexdigest()[:24]
    if record.name:  # and in Latin letters, when written in another script (screen/scripts.py)
        _add_names(proxy, [record.name, *latin_forms(record.name)], record.name)
    if record.country:
        proxy.add("country", record.country.lower(), quiet=True)
    if record.birth_date:
        proxy.add("birthDate", record.birth_date, quiet=True)
    _add_identifiers(proxy, record.identifiers)
    return proxy


def entity_schema(etype: str) -> str:
    """The FtM schema an entity of a regkg type is compared as."""
    schema = ftm_schema(EntityType(etype))
    return "Company" if schema in (None, "LegalEntity") else schema


def entity_proxy(entity: Mapping[str, Any]) -> Any:
    """A candidate (a canonical entity with its same-as ``members``) as one proxy."""
    model, _algorithm, _config = _nomenklatura()
    schema = entity_schema(entity["type"])
    proxy = model.make_entity(schema)
    proxy.id = entity["id"]
    for part in [entity, *entity.get("members", [])]:
        _add_names(proxy, [part.get("name"), *(part.get("aliases") or [])], entity["name"])
        for weak in part.get("weak_aliases") or []:  # a nickname: matched only exactly (weak_alias_match)
            proxy.add("weakAlias", (None if schema == "Person" else without_legal_form(weak)) or weak, quiet=True)
        if part.get("country"):
            proxy.add("country", str(part["country"]).lower(), quiet=True)
        for code in part.get("nationalities") or []:
            proxy.add("nationality" if schema == "Person" else "country", str(code).lower(), quiet=True)
        for day in part.get("birth_dates") or []:
            proxy.add("birthDate", day, quiet=True)
        for place in part.get("birth_places") or []:
            proxy.add("birthPlace", place, quiet=True)
        _add_identifiers(proxy, part.get("identifiers") or {})
    return proxy


@dataclass(frozen=True)
class Scored:
    entity_id: str
    score: float
    explanation: list[dict[str, Any]]


def score(record: ScreenRecord, entities: Iterable[Mapping[str, Any]]) -> list[Scored]:
    """Each entity's score for the record, with the features that counted (best first)."""
    _model, algorithm, config = _nomenklatura()
    weights = {f.name: f.weight for f in algorithm.features}
    queries: dict[str, Any] = {}
    out: list[Scored] = []
    for entity in entities:
        candidate = entity_proxy(entity)
        schema = RECORD_SCHEMA.get(record.type) or candidate.schema.name
        if schema not in queries:
            queries[schema] = record_proxy(record, schema)
        query = queries[schema]
        result = algorithm.compare(query, candidate, config)
        explanation = _explain(result, query, candidate, weights)
        value = float(result.score)
        if _substituted(result):
            value *= SUBSTITUTION
            explanation.append(
                {
                    "feature": "name_part_substituted",
                    "score": round(SUBSTITUTION - 1, 4),
                    "weight": None,
                    "query_value": None,
                    "entity_value": None,
                    "detail": f"a name part of each side matched nothing on the other: score × {SUBSTITUTION}",
                }
            )
        out.append(Scored(entity["id"], round(value, 4), explanation))
    out.sort(key=lambda s: (-s.score, s.entity_id))
    return out


def _substituted(result: Any) -> bool:
    """Whether the best name alignment left a part of the record's name and a part of the
    entity's unmatched: one name part replaced by another ("Sitki" for "Marwan"), which logic-v2
    weighs little on the entity's side. Read from the name feature's alignment detail."""
    found = result.explanations.get("name_match")
    detail = str(found.detail or "") if found is not None else ""
    return "extraQueryPart" in detail and "extraResultPart" in detail


def _explain(result: Any, query: Any, candidate: Any, weights: Mapping[str, float]) -> list[dict[str, Any]]:
    rows = []
    for feature, found in result.explanations.items():
        value = float(found.score)
        if value == 0.0:
            continue
        props = FEATURE_PROPS.get(feature, ())
        rows.append(
            {
                "feature": feature,
                "score": round(value, 4),
                "weight": weights.get(feature),
                "query_value": _values(query, props),
                "entity_value": _values(candidate, props),
                "detail": found.detail,
            }
        )
    rows.sort(key=lambda r: -abs(r["score"] * (r["weight"] or 0)))
    return rows


def _values(proxy: Any, props: tuple[str, ...]) -> str | None:
    values: list[str] = []
    for prop in props:
        if prop in proxy.schema.properties:
            values.extend(proxy.get(prop, quiet=True))
    return "; ".join(dict.fromkeys(values))[:500] or None
