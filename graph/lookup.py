"""Small read-only lookups the CLI hands to pure loaders (e.g. to resolve external ids)."""

from __future__ import annotations

from . import queries
from .database import Graph


def resolve_ids(graph: Graph, ids: list[str]) -> dict[str, str]:
    """{id: type} for the ids that exist: an entity's type name, or "Source"."""
    if not ids:
        return {}
    return {r["id"]: r["type"] for r in graph.read(queries.RESOLVE_IDS, {"ids": ids})}
