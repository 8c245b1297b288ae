"""Read the fact graph for export: entities and fact edges, whole or around one entity.

Returns plain dicts; the file formats are written by :mod:`export`. :func:`paged` reads the graph
a page of entities at a time (keyset pagination on the entity id: each page starts after the
last id of the one before, from the id index) with, per page, the fact edges whose subject is one
of its entities — so an export holds one page, whatever the graph's size. :func:`fact_graph`
reads it whole (tests, small neighbourhoods).

The pages are separate reads: a load that writes while an export runs may be partly in it (a fact
to an entity of a page already written is then left out, never an edge to a missing node).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from schema.errors import InvalidInput, NotFound
from schema.ontology import Predicate

from . import export_queries as q
from .database import Graph
from .read_queries import rel_types

ALL_TYPES = rel_types(Predicate)
MAX_HOPS = 6
PAGE_SIZE = 1000


@dataclass
class Page:
    """Entities (id ascending) and, when asked, the facts whose subject is one of them (``facts``:
    with ``subject_name``, ``object_name`` and ``object_type``) and those whose object is
    (``incoming``: only from subjects of the types asked for)."""

    entities: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    incoming: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class FactGraph:
    """Entities (id, type, name, aliases, country, description) and fact edges between them."""

    entities: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)


class PagedFactGraph:
    """The fact graph (or the entities in ``ids`` and the facts among them), read a page at a
    time each time :meth:`pages` is iterated. ``entities_read`` and ``facts_read``: how many the
    last pass that read them found."""

    def __init__(self, graph: Graph, ids: list[str] | None = None, size: int = PAGE_SIZE) -> None:
        self.graph = graph
        self.ids = sorted(set(ids)) if ids is not None else None
        self.size = size
        self.entities_read = 0
        self.facts_read = 0

    def _entity_pages(self) -> Iterator[list[dict[str, Any]]]:
        if self.ids is not None:
            for i in range(0, len(self.ids), self.size):
                rows = self.graph.read(q.ENTITIES_BY_ID, {"page": self.ids[i : i + self.size]})
                if rows:
                    yield rows
            return
        after = ""
        while rows := self.graph.read(q.ENTITY_PAGE, {"after": after, "size": self.size}):
            yield rows
            after = rows[-1]["id"]

    def pages(self, *, facts: bool = True, incoming_from: Collection[str] = ()) -> Iterator[Page]:
        """The pages: entities; with ``facts`` their outgoing facts; with ``incoming_from`` (entity
        types) the facts from subjects of those types to them."""
        self.entities_read = 0
        if facts:
            self.facts_read = 0
        for entities in self._entity_pages():
            page = Page(entities=entities)
            ids = [e["id"] for e in entities]
            if facts:
                page.facts = self.graph.read(q.page_facts(ALL_TYPES), {"page": ids, "ids": self.ids})
                for f in page.facts:
                    f["source_urls"] = [u for u in f["source_urls"] if u]
                self.facts_read += len(page.facts)
            if incoming_from:
                params = {"page": ids, "ids": self.ids, "from": sorted(incoming_from)}
                page.incoming = self.graph.read(q.page_incoming(ALL_TYPES), params)
            self.entities_read += len(entities)
            yield page


def neighbourhood_ids(graph: Graph, entity: str, hops: int) -> list[str]:
    if not 1 <= hops <= MAX_HOPS:
        raise InvalidInput(f"hops must be between 1 and {MAX_HOPS}", {"field": "hops", "value": hops})
    rows = graph.read(q.neighbourhood(ALL_TYPES, hops), {"id": entity})
    ids = list(rows[0]["ids"]) if rows else []
    if not ids:
        raise NotFound(f"no entity {entity}", {"id": entity})
    return ids


def paged(graph: Graph, entity: str | None = None, hops: int = 1, size: int = PAGE_SIZE) -> PagedFactGraph:
    """The whole fact graph, or the entities within ``hops`` of ``entity`` and the facts among them,
    to be read in pages (an unknown entity or a bad ``hops`` is refused here, before any page)."""
    return PagedFactGraph(graph, neighbourhood_ids(graph, entity, hops) if entity else None, size)


def fact_graph(graph: Graph, entity: str | None = None, hops: int = 1) -> FactGraph:
    """The whole fact graph, or the entities within ``hops`` of ``entity`` and the facts among them,
    in memory (tests and small neighbourhoods; exports read :func:`paged`)."""
    ids = neighbourhood_ids(graph, entity, hops) if entity else None
    entities = graph.read(q.EXPORT_ENTITIES, {"ids": ids})
    facts = graph.read(q.export_facts(ALL_TYPES), {"ids": ids})
    for f in facts:
        f["source_urls"] = [u for u in f["source_urls"] if u]
    return FactGraph(entities=entities, facts=facts)


def fact_graph_counts(graph: Graph) -> dict[str, int]:
    """How many entities and fact edges the graph holds (what a full export must contain)."""
    row = graph.read(q.fact_graph_counts(ALL_TYPES))[0]
    return {"nodes": int(row["nodes"]), "edges": int(row["edges"])}


def load_import_csv(graph: Graph, nodes_url: str, relationships_url: str) -> None:
    """Load a ``neo4j-import`` export back with LOAD CSV (the files in the server's import dir)."""
    graph.write(q.IMPORT_NODES_CSV, {"url": nodes_url})
    graph.write(q.IMPORT_RELS_CSV, {"url": relationships_url})
