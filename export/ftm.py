"""FollowTheMoney entities, one JSON object a line (Aleph, OpenSanctions, yente).

The regkg type → FtM schema map is :mod:`schema.ftm`, the one the FtM loader reads with.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from followthemoney import model
from followthemoney.proxy import EntityProxy

from schema.ftm import ftm_schema
from schema.ontology import EntityType, Predicate

from .model import FactGraphLike

SANCTION_PREDICATES = frozenset({Predicate.LISTED_ON, Predicate.SANCTIONED_BY})
OWNERSHIP_PREDICATES = frozenset({Predicate.OWNS, Predicate.SUBSIDIARY_OF})


def ftm_id(regkg_id: str) -> str:
    """An FtM-safe id: ``firm:kaspersky-lab`` → ``regkg-firm-kaspersky-lab``."""
    return "regkg-" + "".join(ch if ch.isalnum() or ch in "-." else "-" for ch in regkg_id)


def _fact_notes(f: dict[str, Any]) -> str:
    parts = [f"regkg fact {f['fact_id']}: {f['subject']} {f['predicate']} {f['object']}"]
    if f["stances"]:
        parts.append("stances: " + ", ".join(f["stances"]))
    if f["asserted_by"]:
        parts.append("asserted by: " + ", ".join(f["asserted_by"]))
    if f.get("quote"):
        parts.append(f"quote: {f['quote']}")
    return "; ".join(parts)


def ftm_entities(fg: FactGraphLike) -> Iterator[EntityProxy]:
    """FtM proxies for the fact graph.

    Firms, organisations, agencies, persons and vessels become entities. ``listed-on`` and
    ``sanctioned-by`` become ``Sanction`` (authority/program from the list or authority's name),
    ``owns`` and ``subsidiary-of`` become ``Ownership``, every other fact between two FtM
    entities an ``UnknownLink`` with the predicate as ``role``. Facts touching a country, law,
    list or product otherwise go into the FtM entity's ``notes``. Stances, asserting parties and
    quotes have no FtM property: they are written into ``summary`` (links) or ``notes``.
    """
    by_id = {e["id"]: e for e in fg.entities}
    things: dict[str, EntityProxy] = {}
    for e in fg.entities:
        schema = ftm_schema(EntityType(e["type"]))
        if schema is None:
            continue
        p = model.make_entity(schema)
        p.id = ftm_id(e["id"])
        p.add("name", e["name"])
        p.add("alias", e["aliases"] or [])
        p.add("country", e["country"], quiet=True)
        p.add("description", e["description"])
        things[e["id"]] = p

    links: list[EntityProxy] = []
    for f in fg.facts:
        pred = Predicate(f["predicate"])
        subj, obj = things.get(f["subject"]), things.get(f["object"])
        other = by_id.get(f["object"], {})
        link: EntityProxy | None = None
        if pred in SANCTION_PREDICATES and subj is not None:
            link = model.make_entity("Sanction")
            link.add("entity", subj.id)
            if other.get("type") == EntityType.LIST:
                link.add("program", other.get("name"))
            else:
                link.add("authority", other.get("name"))
            if pred is Predicate.LISTED_ON:
                link.add("listingDate", f["valid_from"], quiet=True)
        elif pred in OWNERSHIP_PREDICATES and subj is not None and obj is not None:
            link = model.make_entity("Ownership")
            owner, asset = (subj, obj) if pred is Predicate.OWNS else (obj, subj)
            link.add("owner", owner.id)
            link.add("asset", asset.id)
            link.add("role", str(pred))
        elif subj is not None and obj is not None:
            link = model.make_entity("UnknownLink")
            link.add("subject", subj.id)
            link.add("object", obj.id)
            link.add("role", str(pred))
        if link is None:
            for end, far in ((subj, f["object"]), (obj, f["subject"])):
                if end is not None:
                    name = by_id.get(far, {}).get("name") or far
                    end.add("notes", f"{_fact_notes(f)} ({name})")
            continue
        link.id = ftm_id("fact-" + f["fact_id"])
        link.add("startDate", f["valid_from"], quiet=True)
        link.add("endDate", f["valid_to"], quiet=True)
        link.add("sourceUrl", f["source_urls"], quiet=True)
        link.add("summary", _fact_notes(f))
        links.append(link)
    yield from things.values()
    yield from links


def ftm(fg: FactGraphLike) -> Iterator[bytes]:
    for proxy in ftm_entities(fg):
        yield (json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n").encode()
