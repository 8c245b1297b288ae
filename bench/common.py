"""Shared bench plumbing: a throwaway Neo4j (or REGKG_NEO4J_URI), timing, percentiles, a table."""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from graph import migrations
from graph.database import Graph
from graph.localdb import LocalNeo4j, free_port
from schema.settings import Settings


@contextmanager
def database(heap: str = "1g", pagecache: str = "512m") -> Iterator[Settings]:
    """A fresh local Neo4j for the benchmark (or the one REGKG_BENCH_NEO4J_URI names)."""
    external = os.environ.get("REGKG_BENCH_NEO4J_URI")
    if external:
        yield Settings(neo4j_uri=external, env="test")
        return
    with tempfile.TemporaryDirectory(prefix="regkg-bench-") as home:
        server = LocalNeo4j(Path(home), port=free_port(), heap=heap, pagecache=pagecache)
        info = server.start()
        print(f"Neo4j {info.version} at {info.uri} (ready in {info.started_in}s)")
        try:
            settings = Settings(neo4j_uri=info.uri, env="test", query_timeout=30.0)
            with Graph.connect(settings) as g:
                migrations.migrate(g)
            yield settings
        finally:
            server.stop()


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Run the app with uvicorn in a thread; yield its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def timings(fn: Callable[[], object], n: int, warmup: int = 10) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "p50": round(pct(values, 50), 2),
        "p95": round(pct(values, 95), 2),
        "p99": round(pct(values, 99), 2),
        "mean": round(statistics.fmean(values), 2),
    }
