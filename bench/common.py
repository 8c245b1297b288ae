"""Shared bench plumbing: a throwaway Neo4j (or REGKG_NEO4J_URI), the API (a `regkg serve` process
or uvicorn in a thread), timing, percentiles."""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from config import ROOT, Settings
from graph import migrations
from graph.database import Graph
from graph.localdb import LocalNeo4j, free_port


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


def _settings_env(settings: Settings) -> dict[str, str]:
    """The environment that makes a `regkg` process use these settings' database."""
    return {
        "REGKG_ENV": settings.env,
        "REGKG_NEO4J_URI": settings.neo4j_uri,
        "REGKG_NEO4J_USER": settings.neo4j_user,
        "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "REGKG_NEO4J_DATABASE": settings.neo4j_database,
        "REGKG_NEO4J_POOL_SIZE": str(settings.neo4j_pool_size),
        "REGKG_QUERY_TIMEOUT": str(settings.query_timeout),
        "REGKG_QUERY_ROW_LIMIT": str(settings.query_row_limit),
        "REGKG_WARM_QUERIES": str(settings.warm_queries).lower(),
        "REGKG_WARM_NAMES": str(settings.warm_names).lower(),
        "REGKG_API_RESPONSES": settings.api_responses,
    }


@contextmanager
def serve_process(
    settings: Settings, workers: int = 2, request_log: bool = False, log: Path | None = None, timeout: float = 90.0
) -> Iterator[str]:
    """Run `regkg serve --workers N` as its own process (group) on a free port; yield its base URL.

    Ready once ``/ready`` answers 200 (every worker shares the port, so one answer is enough to
    start measuring; the warm-up of each measurement reaches the others). The server's output
    goes to ``log`` (or is discarded); SIGTERM stops it (uvicorn's graceful shutdown).
    """
    port = free_port()
    cmd = [sys.executable, "-m", "cli.main", "serve", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--workers", str(workers), "--request-log" if request_log else "--no-request-log"]
    env = os.environ | _settings_env(settings)
    base = f"http://127.0.0.1:{port}"
    with ExitStack() as stack:
        out = stack.enter_context(open(log, "ab")) if log else subprocess.DEVNULL
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        stack.callback(_stop, proc)
        deadline = time.monotonic() + timeout
        while not _ready(base):
            if proc.poll() is not None:
                raise RuntimeError(f"regkg serve exited with {proc.returncode} before it was ready (log: {log})")
            if time.monotonic() > deadline:
                raise RuntimeError(f"regkg serve was not ready after {timeout:.0f}s (log: {log})")
            time.sleep(0.2)
        yield base


def _ready(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/ready", timeout=5) as r:
            return bool(r.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's process group (uvicorn's graceful shutdown), SIGKILL if it hangs."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


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
