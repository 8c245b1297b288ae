"""CSV tables: ``csv`` (``nodes.csv`` and ``edges.csv`` with plain headers) and ``neo4j-import``
(``nodes.csv`` and ``relationships.csv`` in ``neo4j-admin database import`` layout: ``id:ID``,
``:LABEL``; ``:START_ID``, ``:END_ID``, ``:TYPE``; arrays joined with ``;``), and the zip the API
sends them in.

Each table is written a page of the graph at a time (:func:`table_files`: the nodes in one pass,
the edges in another), and the zip as its entries are written (:func:`zipped`): nothing holds
more than a page.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from schema.ontology import EntityType, Predicate

from .model import Exportable, ExportFormat, pages
from .model import text as _s

Table = tuple[str, Callable[[], Iterator[bytes]]]  # a file's name, and its bytes a page at a time

IMPORT_NODES = ["id:ID", ":LABEL", "name", "type", "country", "aliases:string[]", "description"]
IMPORT_RELS = [
    ":START_ID", ":END_ID", ":TYPE", "fact_id", "predicate", "stances:string[]", "valid_from", "valid_to",
    "n_claims:int", "n_sources:int", "asserted_by:string[]",
]  # fmt: skip
NODES = ["id", "type", "name", "country", "aliases", "description"]
EDGES = [
    "fact_id", "subject", "subject_name", "predicate", "object", "object_name", "stances", "valid_from",
    "valid_to", "n_claims", "n_sources", "asserted_by", "sources", "quote",
]  # fmt: skip


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


def _csv(rows: Iterable[list[Any]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode()


def _import_node(e: dict[str, Any]) -> list[Any]:
    label = f"Entity;{EntityType(e['type']).value}"
    return [
        e["id"],
        label,
        _s(e["name"]),
        e["type"],
        _s(e["country"]),
        ";".join(e["aliases"] or []),
        _s(e["description"]),
    ]


def _import_rel(f: dict[str, Any]) -> list[Any]:
    rel = Predicate(f["predicate"]).rel_type
    return [f["subject"], f["object"], rel, f["fact_id"], f["predicate"], *_fact_cells(f)]


def _node(e: dict[str, Any]) -> list[Any]:
    return [e["id"], e["type"], _s(e["name"]), _s(e["country"]), ";".join(e["aliases"] or []), _s(e["description"])]


def _edge(f: dict[str, Any]) -> list[Any]:
    return [
        f["fact_id"],
        f["subject"],
        _s(f["subject_name"]),
        f["predicate"],
        f["object"],
        _s(f["object_name"]),
        *_fact_cells(f),
        ";".join(f["source_ids"] or []),
        _s(f.get("quote")),
    ]


def table_files(fg: Exportable, fmt: ExportFormat) -> list[Table]:
    """The files of ``csv`` or ``neo4j-import``: each its name, and its bytes a page at a time."""

    def nodes(header: list[str], row: Callable[[dict[str, Any]], list[Any]]) -> Iterator[bytes]:
        yield _csv([header])
        for page in pages(fg, facts=False):
            yield _csv(row(e) for e in page.entities)

    def edges(header: list[str], row: Callable[[dict[str, Any]], list[Any]]) -> Iterator[bytes]:
        yield _csv([header])
        for page in pages(fg):
            yield _csv(row(f) for f in page.facts)

    if fmt is ExportFormat.NEO4J_IMPORT:
        return [
            ("nodes.csv", lambda: nodes(IMPORT_NODES, _import_node)),
            ("relationships.csv", lambda: edges(IMPORT_RELS, _import_rel)),
        ]
    return [("nodes.csv", lambda: nodes(NODES, _node)), ("edges.csv", lambda: edges(EDGES, _edge))]


def tables(fg: Exportable, fmt: ExportFormat) -> dict[str, bytes]:
    """File name → CSV bytes for ``csv`` or ``neo4j-import``, in memory (small graphs)."""
    return {name: b"".join(chunks()) for name, chunks in table_files(fg, fmt)}


class _Sink(io.RawIOBase):
    """Where the zip writes: what it wrote so far, taken away chunk by chunk (not seekable, so
    ``zipfile`` writes each entry's sizes after its data)."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self.chunks.append(bytes(b))
        return len(b)

    def take(self) -> bytes:
        out = b"".join(self.chunks)
        self.chunks.clear()
        return out


def zipped(files: Iterable[Table]) -> Iterator[bytes]:
    """The files as one zip, yielded as it is written."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, chunks in files:
            with zf.open(name, "w", force_zip64=True) as fh:
                for chunk in chunks():
                    fh.write(chunk)
                    if out := sink.take():
                        yield out
            yield sink.take()
    yield sink.take()
