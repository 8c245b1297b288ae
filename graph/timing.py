"""Time spent waiting on the database, per request: what the API reports as Server-Timing ``db``.

The API opens a :func:`measured` scope around each request; every read through
:class:`graph.database.Graph` in that scope (on the event loop, or in a worker thread, which
runs with a copy of the request's context and so adds to the same holder) adds its time in the
driver — sending the query, Neo4j running it, receiving and decoding the rows. Outside a scope
(the CLI, the loaders) nothing is kept.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_SPENT: ContextVar[list[float] | None] = ContextVar("regkg_db_seconds", default=None)


@contextmanager
def measured() -> Iterator[list[float]]:
    """A scope whose database time accumulates in the yielded one-item list (seconds)."""
    holder = [0.0]
    token = _SPENT.set(holder)
    try:
        yield holder
    finally:
        _SPENT.reset(token)


@contextmanager
def clock() -> Iterator[None]:
    """Add the time of the enclosed database call to the current scope, if there is one."""
    holder = _SPENT.get()
    if holder is None:
        yield
        return
    began = time.perf_counter()
    try:
        yield
    finally:
        holder[0] += time.perf_counter() - began
