"""The query shapes warmed when the API starts.

Neo4j plans a query the first time it meets its text with its parameters' types (a string's or
list's type includes a bucket of its size): a path query is seconds to plan and milliseconds to
run. Path queries therefore come in a fixed set of shapes — a search width from
``K_BUCKETS``, a depth from ``HOP_BUCKETS``, directed or not (:func:`graph.reads.paths_query`) —
with every filter a parameter of one type and width (:func:`graph.read_queries._dense`).
:func:`warm` runs each shape once, between ids that match nothing, so that the first request of
any ``limit`` / ``max_hops`` / filter combination finds its plan cached.
"""

from __future__ import annotations

import logging
import time
from itertools import product

from schema.errors import NotFound

from . import read_queries as q
from . import reads
from .database import Graph

log = logging.getLogger("regkg.warm")
NOWHERE = ("warm:nothing-a", "warm:nothing-b")  # ids no entity has


def shapes() -> list[tuple[int, int, bool]]:
    """Every (limit, max_hops, directed) that names a path query shape of its own."""
    return list(product(q.K_BUCKETS, q.HOP_BUCKETS, (False, True)))


def warm(graph: Graph, max_degree: int, timeout: float = 120.0, only: list[tuple[int, int, bool]] | None = None) -> int:
    """Plan every path query shape (or ``only`` these), each run once matching nothing; the
    number warmed."""
    started = time.perf_counter()
    todo = shapes() if only is None else only
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
