"""Faults mid-load: the loader SIGKILLed, and Neo4j stopped. After a rerun the invariants hold,
the counts equal an uninterrupted load's, and the interrupted LoadRun is recorded as failed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from config import Settings
from graph import invariants, maintenance, migrations
from graph.database import Graph
from graph.localdb import LocalNeo4j, free_port
from loaders import curated
from tests.support.generate import curated_file

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    srv = LocalNeo4j(tmp_path_factory.mktemp("faults"), port=free_port(), heap="768m", pagecache="128m")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = curated_file(tmp_path_factory.mktemp("big"))
    parsed = curated.load([path])
    expected = {
        "entities": len(parsed.entities),
        "sources": len(parsed.sources),
        "claims": len(parsed.claims),
        "facts": len({c.fact_id for c in parsed.claims}),
    }
    return path, expected


def connect(srv: LocalNeo4j) -> Graph:
    return Graph.connect(Settings(env="test", neo4j_uri=srv.uri, neo4j_retry_time=2.0))


def loader(srv: LocalNeo4j, path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "REGKG_NEO4J_URI": srv.uri, "REGKG_NEO4J_RETRY_TIME": "2"}
    return subprocess.Popen(
        [sys.executable, "-m", "cli.main", "load", "curated", str(path), "--batch-size", "500"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def wait_for_some_claims(g: Graph, total: int, proc: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert proc.poll() is None, (proc.stdout.read() if proc.stdout else b"").decode()
        n = maintenance.domain_counts(g)["claims"]
        if 0 < n < total:
            return n
        time.sleep(0.2)
    raise AssertionError("the load never got under way")


def assert_complete(g: Graph, expected: dict[str, int]) -> None:
    counts = maintenance.domain_counts(g)
    assert {k: counts[k] for k in expected} == expected
    assert not any(invariants.violations(g).values()), invariants.violations(g)


def rerun(srv: LocalNeo4j, path: Path) -> None:
    proc = loader(srv, path)
    out, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0, out.decode()


def runs(g: Graph) -> list[dict[str, object]]:
    return g.read("MATCH (r:LoadRun) RETURN r.status AS status, r.error AS error ORDER BY r.started_at")


def test_loader_killed_mid_load(server: LocalNeo4j, big: tuple[Path, dict[str, int]]) -> None:
    path, expected = big
    with connect(server) as g:
        maintenance.wipe(g)
        migrations.migrate(g)
        proc = loader(server, path)
        partial = wait_for_some_claims(g, expected["claims"], proc)
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        assert maintenance.domain_counts(g)["claims"] < expected["claims"], "the kill came too late to test anything"
        assert partial > 0
        rerun(server, path)
        assert_complete(g, expected)
        statuses = [r["status"] for r in runs(g)]
        assert statuses == ["failed", "succeeded"]
        assert "interrupted" in str(runs(g)[0]["error"])


def test_database_stopped_mid_load(server: LocalNeo4j, big: tuple[Path, dict[str, int]]) -> None:
    path, expected = big
    with connect(server) as g:
        maintenance.wipe(g)
        proc = loader(server, path)
        wait_for_some_claims(g, expected["claims"], proc)
    server.stop()
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode != 0, "the loader should fail when the database goes away"
    assert b"unreachable" in out or b"failed" in out, out.decode()
    server.start()
    with connect(server) as g:
        assert maintenance.domain_counts(g)["claims"] < expected["claims"]
        rerun(server, path)
        assert_complete(g, expected)
        assert [r["status"] for r in runs(g)] == ["failed", "succeeded"]
