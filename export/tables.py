"""CSV tables: ``csv`` (``nodes.csv`` and ``edges.csv`` with plain headers) and ``neo4j-import``
(``nodes.csv`` and ``relationships.csv`` in ``neo4j-admin database import`` layout: ``id:ID``,
``:LABEL``; ``:START_ID``, ``:END_ID``, ``:TYPE``; arrays joined with ``;``), and the zip the API
sends them in.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from typing import Any

from schema.ontology import EntityType, Predicate

from .model import ExportFormat, FactGraphLike
from .model import text as _s


def _fact_cells(f: dict[str, Any]) -> list[Any]:
    """A fact's stances, span, counts and asserting parties, as both table formats write them."""
    return [
        ";".join(f["stances"] or []),
        _s(f["valid_from"]),
        _s(f["valid_to"]),
        int(f["n_claims"] or 0),
        int(f["n_sources"] or 0),
        ";".join(f["asserted_by"] or []),
    ]


def _csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode()


def tables(fg: FactGraphLike, fmt: ExportFormat) -> dict[str, bytes]:
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
                    *_fact_cells(f),
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
    names = {e["id"]: _s(e["name"]) for e in fg.entities}
    edges = _csv(
        [
            "fact_id",
            "subject",
            "subject_name",
            "predicate",
            "object",
            "object_name",
            "stances",
            "valid_from",
            "valid_to",
            "n_claims",
            "n_sources",
            "asserted_by",
            "sources",
            "quote",
        ],
        (
            [
                f["fact_id"],
                f["subject"],
                names.get(f["subject"], ""),
                f["predicate"],
                f["object"],
                names.get(f["object"], ""),
                *_fact_cells(f),
                ";".join(f["source_ids"] or []),
                _s(f.get("quote")),
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
