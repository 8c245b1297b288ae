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


def shape(graph: Graph) -> dict[str, dict[str, int]]:
    """How many nodes carry each label and how many relationships each type has."""
    labels = {r["label"]: int(r["n"]) for r in graph.read(queries.LABEL_COUNTS)}
    types = {r["type"]: int(r["n"]) for r in graph.read(queries.TYPE_COUNTS)}
    return {"labels": labels, "types": types}
