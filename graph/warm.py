"""The query shapes warmed when the API starts.

Neo4j plans a query the first time it meets its text with its parameters' types (a string's or
list's type includes a bucket of its size): a path query is seconds to plan and milliseconds to
run. Path queries therefore come in a fixed set of shapes — a search width from
``K_BUCKETS``, a depth from ``HOP_BUCKETS``, directed or not (:func:`graph.reads.paths_query`) —
with every filter a parameter of one type and width (:func:`graph.read_queries._dense`).
:func:`warm` runs each shape once, between ids that match nothing, so that the first request of
any ``limit`` / ``max_hops`` / filter combination finds its plan cached. Then each shape runs
between two real entities joined by a fact, once with every filter set and once with none: a plan's
filter code runs for the first time there, not in a user's request (at S, the first request with a
stance and a date filter took 164 ms and its eighth 18 ms before that). Neighbours (one text per
direction) and exposure (one per depth, 0–6) take their filters the same way and are warmed too.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import partial
from itertools import product
from typing import Any, Final

from schema.errors import NotFound, RegkgError
from schema.ontology import Predicate, Stance

from . import read_queries as q
from . import reads
from .database import Graph

log = logging.getLogger("regkg.warm")
NOWHERE = ("warm:nothing-a", "warm:nothing-b")  # ids no entity has
# Two entities a fact joins (their clusters' canonical ones): the pair each shape runs between.
PAIR: Final = (
    "MATCH (a:Entity)-[:" + reads.FACT_TYPES + "]->(b:Entity) "
    "WHERE a.canonical IS NULL AND b.canonical IS NULL AND a <> b RETURN a.id AS a, b.id AS b LIMIT 1"
)
# Every filter set: the fact types, stances and the date each hop is checked against.
FILTERED: Final = {
    "predicates": [Predicate.OWNS, Predicate.SUBSIDIARY_OF, Predicate.LISTED_ON],
    "stances": [Stance.ASSERTED, Stance.ALLEGED],
    "as_of": "2020-06-30",
}


def _quietly(run: Callable[[], object]) -> None:
    try:
        run()
    except NotFound:
        pass  # as expected: the query ran, and its plan is cached


def _run(
    graph: Graph,
    ends: tuple[str, str],
    shape: tuple[int, int, bool],
    filters: dict[str, Any],
    max_degree: int,
    timeout: float,
) -> None:
    limit, max_hops, directed = shape
    args = {"predicates": None, "stances": None, "as_of": None} | filters
    try:
        reads.paths(
            graph, *ends, max_hops=max_hops, limit=limit, directed=directed, timeout=timeout,
            max_degree=max_degree, **args,
        )  # fmt: skip
    except RegkgError:  # a timeout, or ends a merge joined since: the code ran all the same
        log.debug("warm run cut short shape=%s", shape)


def shapes() -> list[tuple[int, int, bool]]:
    """Every (limit, max_hops, directed) that names a path query shape of its own."""
    return list(product(q.K_BUCKETS, q.HOP_BUCKETS, (False, True)))


def warm(
    graph: Graph,
    max_degree: int,
    timeout: float = 120.0,
    only: list[tuple[int, int, bool]] | None = None,
    run_timeout: float = 5.0,
) -> int:
    """Plan every path query shape (or ``only`` these), each run once matching nothing, then run
    it between two real entities with every filter and with none (each run at most
    ``run_timeout`` seconds: a run cut short has warmed its code too); the number warmed."""
    started = time.perf_counter()
    todo = shapes() if only is None else only
    pairs = graph.read(PAIR, {})
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
        for filters in (FILTERED, {}) if pairs else ():
            _run(graph, (pairs[0]["a"], pairs[0]["b"]), (limit, max_hops, directed), filters, max_degree, run_timeout)
    log.info("query shapes warmed shapes=%d seconds=%.1f", len(todo), time.perf_counter() - started)
    return len(todo)
