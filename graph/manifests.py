"""The manifests of list versions (see :mod:`loaders.units`), stored as they are encoded: the one
a refresh compares with, a version's own once it is written, and the sources its kept units hold,
seen again on its day."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable

from . import queries
from .database import Graph


def previous(graph: Graph, series: str, day: str) -> bytes | None:
    """The manifest of the latest version of ``series`` on or before ``day``, if one was saved."""
    rows = graph.read(queries.MANIFEST_LATEST, {"series": series, "date": day})
    if not rows or not isinstance(rows[0]["blob"], str):
        return None
    try:
        return base64.b64decode(rows[0]["blob"], validate=True)
    except binascii.Error:
        return None


def seen_again(graph: Graph, ids: Iterable[str], day: str) -> int:
    """Sources seen in the version of ``day``: their ``last_seen`` moves to it when earlier; how many did."""
    todo = sorted(set(ids))
    n = 0
    for i in range(0, len(todo), 10_000):
        rows = graph.write(queries.SOURCES_SEEN_AGAIN, {"ids": todo[i : i + 10_000], "day": day})
        n += int(rows[0]["n"]) if rows else 0
    return n


def derived_again(graph: Graph, ids: Iterable[str], files: Iterable[str]) -> int:
    """Sources a version's files hold again, unchanged: derived from those files too; how many links."""
    todo, targets = sorted(set(ids)), sorted(set(files))
    n = 0
    for i in range(0, len(todo) if targets else 0, 10_000):
        rows = graph.write(queries.DERIVED_AGAIN, {"ids": todo[i : i + 10_000], "files": targets})
        n += int(rows[0]["n"]) if rows else 0
    return n


def save(graph: Graph, series: str, day: str, run_id: str, units: int, blob: bytes) -> None:
    """A version's manifest, written by run ``run_id``: one per series and day (a version loaded
    again replaces it). Kept as base64 text: Neo4j returns a string of megabytes in milliseconds,
    a byte array of the same size in seconds."""
    graph.write(
        queries.MANIFEST_SAVE,
        {
            "id": f"manifest:{series}@{day}",
            "series": series,
            "date": day,
            "run": run_id,
            "units": units,
            "blob": base64.b64encode(blob).decode("ascii"),
        },
    )


def forget(graph: Graph, series: str | None = None) -> int:
    """Drop the manifests of ``series`` (of every series: None): its next version is read whole."""
    rows = graph.write(queries.MANIFEST_FORGET, {"series": series})
    return int(rows[0]["n"]) if rows else 0
