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

from .model import Exportable, pages

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


# the facts of a subject with no FtM schema become notes of their object: read with the object's page
NOT_THINGS = frozenset(t.value for t in EntityType if ftm_schema(t) is None)


def _thing(e: dict[str, Any]) -> EntityProxy | None:
    schema = ftm_schema(EntityType(e["type"]))
    if schema is None:
        return None
    p = model.make_entity(schema)
    p.id = ftm_id(e["id"])
    p.add("name", e["name"])
    p.add("alias", e["aliases"] or [])
    p.add("country", e["country"], quiet=True)
    p.add("description", e["description"])
    return p


def ftm_entities(fg: Exportable) -> Iterator[EntityProxy]:
    """FtM proxies for the fact graph, a page at a time (each page's things, then its links).

    Firms, organisations, agencies, persons and vessels become entities. ``listed-on`` and
    ``sanctioned-by`` become ``Sanction`` (authority/program from the list or authority's name),
    ``owns`` and ``subsidiary-of`` become ``Ownership``, every other fact between two FtM
    entities an ``UnknownLink`` with the predicate as ``role``. Facts touching a country, law,
    list or product otherwise go into the FtM entity's ``notes``. Stances, asserting parties and
    quotes have no FtM property: they are written into ``summary`` (links) or ``notes``.
    """
    for page in pages(fg, incoming_from=NOT_THINGS):
        things = {e["id"]: p for e in page.entities if (p := _thing(e)) is not None}
        links: list[EntityProxy] = []
        for f in page.facts:
            subj = things.get(f["subject"])
            if subj is None:  # a subject with no FtM schema: its object notes it (page.incoming)
                continue
            pred = Predicate(f["predicate"])
            thing = f["object_type"] is not None and f["object_type"] not in NOT_THINGS
            obj = ftm_id(f["object"]) if thing else None
            link: EntityProxy | None = None
            if pred in SANCTION_PREDICATES:
                link = model.make_entity("Sanction")
                link.add("entity", subj.id)
                if f["object_type"] == EntityType.LIST:
                    link.add("program", f["object_name"])
                else:
                    link.add("authority", f["object_name"])
                if pred is Predicate.LISTED_ON:
                    link.add("listingDate", f["valid_from"], quiet=True)
            elif pred in OWNERSHIP_PREDICATES and obj is not None:
                link = model.make_entity("Ownership")
                owner, asset = (subj.id, obj) if pred is Predicate.OWNS else (obj, subj.id)
                link.add("owner", owner)
                link.add("asset", asset)
                link.add("role", str(pred))
            elif obj is not None:
                link = model.make_entity("UnknownLink")
                link.add("subject", subj.id)
                link.add("object", obj)
                link.add("role", str(pred))
            if link is None:  # the object has no FtM schema: a note of the subject
                subj.add("notes", f"{_fact_notes(f)} ({f['object_name'] or f['object']})")
                continue
            link.id = ftm_id("fact-" + f["fact_id"])
            link.add("startDate", f["valid_from"], quiet=True)
            link.add("endDate", f["valid_to"], quiet=True)
            link.add("sourceUrl", f["source_urls"], quiet=True)
            link.add("summary", _fact_notes(f))
            links.append(link)
        for f in page.incoming:
            noted = things.get(f["object"])
            if noted is not None:
                noted.add("notes", f"{_fact_notes(f)} ({f['subject_name'] or f['subject']})")
        yield from things.values()
        yield from links


def ftm(fg: Exportable) -> Iterator[bytes]:
    """JSON lines, a page's worth at a time."""
    lines: list[str] = []
    for proxy in ftm_entities(fg):
        lines.append(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        if len(lines) >= 500:
            yield "".join(lines).encode()
            lines = []
    if lines:
        yield "".join(lines).encode()
