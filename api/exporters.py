"""File formats for an exported fact graph (pure: no database, no Cypher).

Input is a :class:`graph.export.FactGraph`; every writer yields ``bytes`` chunks so the API can
stream them and the CLI can write them to a file. Formats:

- ``graphml`` / ``gexf``: a networkx ``MultiDiGraph`` (parallel facts stay separate edges);
  node attributes ``name, type, country``, edge attributes ``predicate, stances`` (joined with
  ``;``), ``valid_from, valid_to, n_sources, fact_id``.
- ``csv``: ``nodes.csv`` and ``edges.csv`` with plain headers.
- ``neo4j-import``: ``nodes.csv`` and ``relationships.csv`` in ``neo4j-admin database import``
  layout (``id:ID``, ``:LABEL``; ``:START_ID``, ``:END_ID``, ``:TYPE``; arrays joined with ``;``).
- ``ftm``: FollowTheMoney entities, one JSON object a line (see :func:`ftm_entities`).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Any

import networkx as nx  # type: ignore[import-untyped]  # stubs: types-networkx (not a dependency yet)
from followthemoney import model
from followthemoney.proxy import EntityProxy

from graph.export import FactGraph
from schema.ontology import EntityType, Predicate


class ExportFormat(StrEnum):
    FTM = "ftm"
    GRAPHML = "graphml"
    GEXF = "gexf"
    CSV = "csv"
    NEO4J_IMPORT = "neo4j-import"

    @property
    def media_type(self) -> str:
        return {
            ExportFormat.FTM: "application/x-ndjson",
            ExportFormat.GRAPHML: "application/graphml+xml",
            ExportFormat.GEXF: "application/gexf+xml",
        }.get(self, "application/zip")

    @property
    def filename(self) -> str:
        return {
            ExportFormat.FTM: "regkg.ftm.json",
            ExportFormat.GRAPHML: "regkg.graphml",
            ExportFormat.GEXF: "regkg.gexf",
            ExportFormat.CSV: "regkg-csv.zip",
            ExportFormat.NEO4J_IMPORT: "regkg-neo4j-import.zip",
        }[self]

    @property
    def is_table(self) -> bool:
        """Written as several CSV files (a directory in the CLI, a zip over HTTP)."""
        return self in (ExportFormat.CSV, ExportFormat.NEO4J_IMPORT)


def _s(value: Any) -> str:
    return "" if value is None else str(value)


# -- networkx -----------------------------------------------------------------------------


def to_networkx(fg: FactGraph) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for e in fg.entities:
        g.add_node(
            e["id"],
            name=_s(e["name"]),
            type=_s(e["type"]),
            country=_s(e["country"]),
            aliases=";".join(e["aliases"] or []),
            description=_s(e["description"]),
        )
    for f in fg.facts:
        g.add_edge(
            f["subject"],
            f["object"],
            key=f["fact_id"],
            fact_id=f["fact_id"],
            predicate=_s(f["predicate"]),
            stances=";".join(f["stances"] or []),
            valid_from=_s(f["valid_from"]),
            valid_to=_s(f["valid_to"]),
            n_sources=int(f["n_sources"] or 0),
            n_claims=int(f["n_claims"] or 0),
            asserted_by=";".join(f["asserted_by"] or []),
        )
    return g


def graphml(fg: FactGraph) -> Iterator[bytes]:
    for line in nx.generate_graphml(to_networkx(fg)):
        yield (line + "\n").encode()


def gexf(fg: FactGraph) -> Iterator[bytes]:
    for line in nx.generate_gexf(to_networkx(fg)):
        yield (line + "\n").encode()


# -- CSV tables ---------------------------------------------------------------------------


def _csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode()


def tables(fg: FactGraph, fmt: ExportFormat) -> dict[str, bytes]:
    """File name → CSV bytes for ``csv`` or ``neo4j-import``."""
    if fmt is ExportFormat.NEO4J_IMPORT:
        nodes = _csv(
            ["id:ID", ":LABEL", "name", "type", "country", "aliases:string[]", "description"],
            (
                [
                    e["id"],
                    f"Entity;{EntityType(e['type']).value}",
                    _s(e["name"]),
                    e["type"],
                    _s(e["country"]),
                    ";".join(e["aliases"] or []),
                    _s(e["description"]),
                ]
                for e in fg.entities
            ),
        )
        rels = _csv(
            [
                ":START_ID",
                ":END_ID",
                ":TYPE",
                "fact_id",
                "predicate",
                "stances:string[]",
                "valid_from",
                "valid_to",
                "n_claims:int",
                "n_sources:int",
                "asserted_by:string[]",
            ],
            (
                [
                    f["subject"],
                    f["object"],
                    Predicate(f["predicate"]).rel_type,
                    f["fact_id"],
                    f["predicate"],
                    ";".join(f["stances"] or []),
                    _s(f["valid_from"]),
                    _s(f["valid_to"]),
                    int(f["n_claims"] or 0),
                    int(f["n_sources"] or 0),
                    ";".join(f["asserted_by"] or []),
                ]
                for f in fg.facts
            ),
        )
        return {"nodes.csv": nodes, "relationships.csv": rels}
    nodes = _csv(
        ["id", "type", "name", "country", "aliases", "description"],
        (
            [e["id"], e["type"], _s(e["name"]), _s(e["country"]), ";".join(e["aliases"] or []), _s(e["description"])]
            for e in fg.entities
        ),
    )
    edges = _csv(
        [
            "fact_id",
            "subject",
            "predicate",
            "object",
            "stances",
            "valid_from",
            "valid_to",
            "n_claims",
            "n_sources",
            "asserted_by",
            "sources",
        ],
        (
            [
                f["fact_id"],
                f["subject"],
                f["predicate"],
                f["object"],
                ";".join(f["stances"] or []),
                _s(f["valid_from"]),
                _s(f["valid_to"]),
                int(f["n_claims"] or 0),
                int(f["n_sources"] or 0),
                ";".join(f["asserted_by"] or []),
                ";".join(f["source_ids"] or []),
            ]
            for f in fg.facts
        ),
    )
    return {"nodes.csv": nodes, "edges.csv": edges}


def zipped(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


# -- FollowTheMoney -----------------------------------------------------------------------

# regkg entity type → FtM schema (None: not an FtM entity; used as text on the facts instead).
FTM_SCHEMA: dict[EntityType, str | None] = {
    EntityType.FIRM: "Company",
    EntityType.ORGANIZATION: "Organization",
    EntityType.AGENCY: "PublicBody",
    EntityType.PERSON: "Person",
    EntityType.ASSET: "Vessel",
    EntityType.PRODUCT: None,
    EntityType.COUNTRY: None,
    EntityType.LAW: None,
    EntityType.LIST: None,
}
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


def ftm_entities(fg: FactGraph) -> Iterator[EntityProxy]:
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
        schema = FTM_SCHEMA.get(EntityType(e["type"]))
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


def ftm(fg: FactGraph) -> Iterator[bytes]:
    for proxy in ftm_entities(fg):
        yield (json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n").encode()


def stream(fg: FactGraph, fmt: ExportFormat) -> Iterator[bytes]:
    """The export as bytes chunks (table formats as one zip)."""
    if fmt is ExportFormat.GRAPHML:
        yield from graphml(fg)
    elif fmt is ExportFormat.GEXF:
        yield from gexf(fg)
    elif fmt is ExportFormat.FTM:
        yield from ftm(fg)
    else:
        yield zipped(tables(fg, fmt))
