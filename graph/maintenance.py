"""Whole-graph maintenance: counts and wiping (tests, restore)."""

from __future__ import annotations

from . import queries
from .database import Graph


def counts(graph: Graph) -> dict[str, int]:
    row = graph.read(queries.COUNTS)[0]
    return {"nodes": int(row["nodes"]), "relationships": int(row["relationships"])}


def wipe(graph: Graph) -> None:
    """Delete every node and relationship (schema, indexes and the migration record stay)."""
    graph.run_autocommit(queries.WIPE)


def domain_counts(graph: Graph) -> dict[str, int]:
    """Entities, claims, sources, fact edges and load runs."""
    return {k: int(v) for k, v in graph.read(queries.DOMAIN_COUNTS)[0].items()}
