"""Small read-only lookups the CLI hands to pure loaders (e.g. to resolve external ids)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from pydantic import ValidationError

from schema.models import Entity
from schema.ontology import EntityType, Predicate

from . import queries
from .database import Graph


def resolve_ids(graph: Graph, ids: list[str]) -> dict[str, str]:
    """{id: type} for the ids that exist: an entity's type name, or "Source"."""
    if not ids:
        return {}
    return {r["id"]: r["type"] for r in graph.read(queries.RESOLVE_IDS, {"ids": ids})}


def entities_by_type(graph: Graph, types: Iterable[EntityType]) -> list[Entity]:
    """Every entity of these types, as models (name, aliases and weak aliases, country, identifiers,
    birth and nationality), by id.

    A node whose properties no longer validate as an Entity is left out (it cannot be compared).
    """
    out: list[Entity] = []
    for row in graph.read(queries.ENTITIES_BY_TYPE, {"types": sorted(t.value for t in types)}):
        try:
            out.append(
                Entity(
                    id=row["id"],
                    type=EntityType(row["type"]),
                    name=row["name"],
                    aliases=tuple(row["aliases"] or ()),
                    weak_aliases=tuple(row["weak_aliases"] or ()),
                    country=row["country"],
                    identifiers=json.loads(row["identifiers"]) if row["identifiers"] else {},
                    birth_dates=tuple(row["birth_dates"] or ()),
                    nationalities=tuple(row["nationalities"] or ()),
                    birth_places=tuple(row["birth_places"] or ()),
                )
            )
        except (ValidationError, ValueError):
            continue
    return out


def cluster_members(graph: Graph, types: Iterable[EntityType]) -> dict[str, str]:
    """{member id: the id its cluster answers under} for the members of clusters of these types
    (a canonical entity itself, and an entity in no cluster, are left out)."""
    rows = graph.read(queries.CLUSTER_MEMBERS, {"types": sorted(t.value for t in types)})
    return {row["id"]: row["canonical"] for row in rows}


def linked_pairs(
    graph: Graph, predicates: Iterable[Predicate], types: Iterable[EntityType]
) -> dict[frozenset[str], str]:
    """{pair: "a predicate b"} for every fact edge of these predicates whose subject has one of the types."""
    query = queries.related_pairs(tuple(sorted(p.rel_type for p in predicates)))
    out: dict[frozenset[str], str] = {}
    for row in graph.read(query, {"types": sorted(t.value for t in types)}):
        pair = frozenset((row["subject"], row["object"]))
        predicate = Predicate.from_rel_type(row["rel_type"]).value
        out.setdefault(pair, f"{row['subject']} {predicate} {row['object']}")
    return out
