"""The query shapes warmed when the API starts.

Neo4j plans a query the first time it meets its text with its parameters' types (a string's or
list's type includes a bucket of its size): a path query is seconds to plan and milliseconds to
run. Path queries therefore come in a fixed set of shapes — a search width from
``K_BUCKETS``, a depth from ``HOP_BUCKETS``, directed or not (:func:`graph.reads.paths_query`) —
with every filter a parameter of one type and width (:func:`graph.read_queries._dense`).
:func:`warm` runs each shape once, between ids that match nothing, so that the first request of
any ``limit`` / ``max_hops`` / filter combination finds its plan cached. Neighbours (one text per
direction) and exposure (one per depth, 0–6) take their filters the same way and are warmed too.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from itertools import product

from schema.errors import NotFound

from . import read_queries as q
from . import reads
from .database import Graph

log = logging.getLogger("regkg.warm")
NOWHERE = ("warm:nothing-a", "warm:nothing-b")  # ids no entity has


def _quietly(run: Callable[[], object]) -> None:
    try:
        run()
    except NotFound:
        pass  # as expected: the query ran, and its plan is cached


def shapes() -> list[tuple[int, int, bool]]:
    """Every (limit, max_hops, directed) that names a path query shape of its own."""
    return list(product(q.K_BUCKETS, q.HOP_BUCKETS, (False, True)))


def warm(graph: Graph, max_degree: int, timeout: float = 120.0, only: list[tuple[int, int, bool]] | None = None) -> int:
    """Plan every path query shape (or ``only`` these), each run once matching nothing; the
    number warmed."""
    started = time.perf_counter()
    todo = shapes() if only is None else only
    if only is None:  # neighbours (one text per direction) and exposure (one per depth)
        for direction in ("both", "out", "in"):
            _quietly(partial(reads.neighbors, graph, NOWHERE[0], None, direction, None, None, 25))
        for hops in range(0, 7):
            _quietly(partial(reads.exposure, graph, NOWHERE[0], hops, None, timeout))
    for limit, max_hops, directed in todo:
        try:
            reads.paths(
                graph, *NOWHERE, max_hops=max_hops, limit=limit, predicates=None, stances=None, as_of=None,
                directed=directed, timeout=timeout, max_degree=max_degree,
            )  # fmt: skip
        except NotFound:
            pass  # as expected: the query ran, and its plan is cached
    log.info("query shapes warmed shapes=%d seconds=%.1f", len(todo), time.perf_counter() - started)
    return len(todo)
