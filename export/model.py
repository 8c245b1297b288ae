"""The shape the writers read, and the formats they write.

A writer reads the fact graph a page at a time (:func:`pages`): the graph layer's
``graph.export.PagedFactGraph`` reads each page from Neo4j when it is needed, so an export holds
one page whatever the graph's size; a :class:`FactGraphLike` held in memory (tests, small
neighbourhoods) is one page.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable


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


class FactGraphLike(Protocol):
    """The fact graph in memory: entities and fact edges as plain dicts (``graph.export.FactGraph``)."""

    entities: list[dict[str, Any]]
    facts: list[dict[str, Any]]


class PageLike(Protocol):
    """Entities (by id) and the facts whose subject is one of them (``facts``: each with
    ``subject_name``, ``object_name``, ``object_type``), and the facts to them from subjects of
    the types asked for (``incoming``: with ``subject_name``, ``subject_type``)."""

    entities: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    incoming: list[dict[str, Any]]


@runtime_checkable
class PagedLike(Protocol):
    """The fact graph read in pages (``graph.export.PagedFactGraph``): every call reads it anew."""

    def pages(self, *, facts: bool = True, incoming_from: Collection[str] = ()) -> Iterable[PageLike]: ...


Exportable = FactGraphLike | PagedLike


@dataclass
class _Page:
    entities: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    incoming: list[dict[str, Any]] = field(default_factory=list)


def pages(fg: Exportable, *, facts: bool = True, incoming_from: Collection[str] = ()) -> Iterator[PageLike]:
    """The fact graph's pages: entities, with ``facts`` their outgoing facts, with ``incoming_from``
    (entity types) the facts to them from subjects of those types."""
    if isinstance(fg, PagedLike):
        yield from fg.pages(facts=facts, incoming_from=incoming_from)
        return
    by_id = {e["id"]: e for e in fg.entities}

    def end(eid: str, what: str) -> Any:
        return by_id.get(eid, {}).get(what)

    page = _Page(entities=list(fg.entities))
    if facts:
        page.facts = [
            {**f, "subject_name": end(f["subject"], "name"), "object_name": end(f["object"], "name"),
             "object_type": end(f["object"], "type")}
            for f in fg.facts
        ]  # fmt: skip
    if incoming_from:
        page.incoming = [
            {**f, "subject_name": end(f["subject"], "name"), "subject_type": end(f["subject"], "type")}
            for f in fg.facts
            if end(f["subject"], "type") in incoming_from
        ]
    yield page


def text(value: Any) -> str:
    """A cell or attribute value: None is empty."""
    return "" if value is None else str(value)
