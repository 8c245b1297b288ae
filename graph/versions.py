"""What earlier versions of a list series held (for :mod:`loaders.versions`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from schema.ontology import VERSION_ENDED, VERSION_RETURNED, VERSIONED, Predicate

from . import queries
from .database import Graph


def held(graph: Graph, series: str, version_date: str, scope: Iterable[tuple[Predicate, str]]) -> list[dict[str, Any]]:
    """Each listing (subject, predicate, object) of ``scope`` that a load of ``series`` dated
    ``version_date`` or before wrote, with its latest end and return (``ended``, ``returned``):
    the same version loaded again finds its own ends, and ends nothing twice."""
    return graph.read(
        queries.HELD_IN_SERIES,
        {
            "series": series,
            "date": version_date,
            "predicates": [p.value for p in VERSIONED],
            "scope": sorted([p.value, o] for p, o in scope),
            "ended": f'"{VERSION_ENDED}"',
            "returned": f'"{VERSION_RETURNED}"',
        },
    )


def held_by_records(graph: Graph, prefixes: list[str]) -> list[dict[str, Any]]:
    """What the records whose Source ids start with ``prefixes`` stated, whatever the predicate,
    with each statement's latest end and return (for a delta's ``MOD`` and ``DEL`` ops)."""
    if not prefixes:
        return []
    return graph.read(
        queries.HELD_BY_RECORDS,
        {"prefixes": prefixes, "ended": f'"{VERSION_ENDED}"', "returned": f'"{VERSION_RETURNED}"'},
    )
