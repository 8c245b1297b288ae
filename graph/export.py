"""Read the fact graph for export: entities and fact edges, whole or around one entity.

Returns plain dicts (:class:`FactGraph`); the file formats are written by :mod:`export`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from schema.errors import InvalidInput, NotFound
from schema.ontology import Predicate

from . import export_queries as q
from .database import Graph
from .read_queries import rel_types

ALL_TYPES = rel_types(Predicate)
MAX_HOPS = 6


@dataclass
class FactGraph:
    """Entities (id, type, name, aliases, country, description) and fact edges between them."""

    entities: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)


def neighbourhood_ids(graph: Graph, entity: str, hops: int) -> list[str]:
    if not 1 <= hops <= MAX_HOPS:
        raise InvalidInput(f"hops must be between 1 and {MAX_HOPS}", {"field": "hops", "value": hops})
    rows = graph.read(q.neighbourhood(ALL_TYPES, hops), {"id": entity})
    ids = list(rows[0]["ids"]) if rows else []
    if not ids:
        raise NotFound(f"no entity {entity}", {"id": entity})
    return ids


def fact_graph(graph: Graph, entity: str | None = None, hops: int = 1) -> FactGraph:
    """The whole fact graph, or the entities within ``hops`` of ``entity`` and the facts among them."""
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
