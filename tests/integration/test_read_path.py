"""The API's read path: one query per request, the plain-rows read, and `regkg serve --workers`."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from neo4j.exceptions import SessionExpired

from api.app import create_app
from config import Settings
from graph import read_queries, reads
from graph.database import Graph
from graph.localdb import free_port
from schema.errors import InvalidInput
from tests.conftest import cli_env, load_fresh

ROOT = Path(__file__).resolve().parents[2]
KASPERSKY, RUSSIA, FSB = "firm:kaspersky-lab", "country:ru", "agency:fsb"


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    load_fresh(graph, settings)
    with TestClient(create_app(settings)) as c:
        yield c


def _fact_id(client: TestClient) -> str:
    r = client.get("/v1/facts", params={"subject": KASPERSKY, "predicate": "alleged-tie-to", "object": FSB})
    return str(r.json()["items"][0]["fact_id"])


def test_each_read_route_runs_one_query(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Follow-up lookups (the centre entity, the hops' entities and facts, source chains) are
    part of the one query: a request costs one round trip to Neo4j, found or not."""
    fid = _fact_id(client)
    calls: list[str] = []
    for name in ("read", "read_plain", "read_tx", "read_once"):
        original = getattr(Graph, name)

        def counting(self: Graph, *args: Any, _name: str = name, _original: Any = original, **kw: Any) -> Any:
            calls.append(_name)
            return _original(self, *args, **kw)

        monkeypatch.setattr(Graph, name, counting)
    original_async = Graph.aread_plain

    versions: list[float] = []

    async def acounting(self: Graph, *args: Any, **kw: Any) -> Any:
        if args and args[0] == read_queries.GRAPH_VERSION:  # the answer receipt's, at most once a second
            versions.append(time.monotonic())
        else:
            calls.append("aread_plain")
        return await original_async(self, *args, **kw)

    monkeypatch.setattr(Graph, "aread_plain", acounting)
    urls = {
        f"/v1/entities/{KASPERSKY}": 200,
        "/v1/entities/firm:nobody": 404,
        f"/v1/entities/{KASPERSKY}/neighbors?limit=2": 200,
        "/v1/entities/firm:nobody/neighbors": 404,
        f"/v1/entities/{KASPERSKY}/exposure?max_hops=3": 200,
        "/v1/entities/firm:nobody/exposure": 404,
        f"/v1/facts/{fid}/provenance": 200,
        "/v1/facts/fact:nothing/provenance": 404,
        f"/v1/paths?from={KASPERSKY}&to={RUSSIA}": 200,
        f"/v1/paths?from={KASPERSKY}&to=country:nowhere": 404,
        "/v1/entities?q=kaspersky": 200,
    }
    began = time.monotonic()
    for url, status in urls.items():
        calls.clear()
        r = client.get(url)
        assert r.status_code == status, (url, r.text)
        assert calls == ["aread_plain"], (url, calls)  # on the event loop, no thread hop
    # the receipts' graph version is read once a second at most, not once per request
    assert len(versions) <= 1 + int(time.monotonic() - began)


def test_answers_keep_their_shape(client: TestClient) -> None:
    """What the merged queries return is what the separate lookups returned: spot checks."""
    n = client.get(f"/v1/entities/{KASPERSKY}/neighbors", params={"limit": 1}).json()
    assert n["entity"]["id"] == KASPERSKY and n["truncated"] is True
    assert {e["id"] for e in n["nodes"]} == {
        e["object"] if e["subject"] == KASPERSKY else e["subject"] for e in n["edges"]
    }
    assert all(g["shown"] == 1 and g["total"] >= 1 for g in n["groups"])
    p = client.get("/v1/paths", params={"from": KASPERSKY, "to": RUSSIA}).json()["paths"]
    assert p and all(len(path["nodes"]) == path["length"] + 1 == len(path["edges"]) + 1 for path in p)
    for path in p:
        for i, edge in enumerate(path["edges"]):
            ends = (path["nodes"][i]["id"], path["nodes"][i + 1]["id"])
            expected = ends if edge["direction"] == "forward" else ends[::-1]
            assert (edge["subject"], edge["object"]) == expected
    prov = client.get(f"/v1/facts/{_fact_id(client)}/provenance").json()
    chains = [c["source"]["derived_from"] for claim in prov["claims"] for c in claim["citations"]]
    assert any(chains)  # SafetyDetectives relays the WSJ
    assert prov["n_independent_sources"] == len(prov["independent_sources"]) >= 1


def test_read_plain_retries_a_retryable_failure_as_a_managed_transaction(
    graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_session = graph.driver.session
    failed: list[bool] = []

    class Flaky:
        def __init__(self, **kw: Any) -> None:
            self.session = real_session(**kw)

        def __enter__(self) -> Flaky:
            return self

        def __exit__(self, *exc: object) -> None:
            self.session.close()

        def run(self, *args: Any, **kw: Any) -> Any:
            failed.append(True)
            raise SessionExpired("the connection went away")

    monkeypatch.setattr(graph.driver, "session", lambda **kw: Flaky(**kw))
    assert graph.read_plain("RETURN {a: [1, 2], b: $x} AS m", {"x": "y"}) == [{"m": {"a": [1, 2], "b": "y"}}]
    assert failed == [True]


def test_aread_plain_retries_and_translates(graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    async def main() -> None:
        driver = graph.async_driver()
        real_session = driver.session
        failed: list[bool] = []

        class Flaky:
            def __init__(self, **kw: Any) -> None:
                self.session = real_session(**kw)

            async def __aenter__(self) -> Flaky:
                return self

            async def __aexit__(self, *exc: object) -> None:
                await self.session.close()

            async def run(self, *args: Any, **kw: Any) -> Any:
                failed.append(True)
                raise SessionExpired("the connection went away")

        with monkeypatch.context() as m:
            m.setattr(driver, "session", lambda **kw: Flaky(**kw))
            assert await graph.aread_plain("RETURN $x AS x", {"x": 7}) == [{"x": 7}]
        assert failed == [True]
        with pytest.raises(InvalidInput):
            await graph.aread_plain("RETURN $x +", {"x": 1})
        assert await reads.entity.aio(graph, "firm:kaspersky-lab") == reads.entity(graph, "firm:kaspersky-lab")
        await graph.aclose()

    # in a thread of its own: the browser tests' Playwright keeps an event loop running in this one
    errors: list[BaseException] = []

    def in_thread() -> None:
        try:
            asyncio.run(main())
        except BaseException as exc:  # re-raised below, in the test's thread
            errors.append(exc)

    thread = threading.Thread(target=in_thread)
    thread.start()
    thread.join(60)
    if errors:
        raise errors[0]
    assert not thread.is_alive()


def test_read_plain_translates_errors(graph: Graph) -> None:
    with pytest.raises(InvalidInput):
        graph.read_plain("RETURN $x +", {"x": 1})
    assert reads.search(graph, "!!!", None, 5, 0) == {"items": [], "total": 0}


def _server_timing(header: str) -> dict[str, float]:
    return {k: float(v.removeprefix("dur=")) for k, v in (part.strip().split(";") for part in header.split(","))}


def test_each_answer_says_how_long_it_spent_in_the_database(client: TestClient) -> None:
    """Server-Timing ``db`` is the request's time in Neo4j (a real query: above zero), ``app`` the time
    to the answer's first byte (at least ``db``): what is not the query is their difference."""
    for url in ("/v1/entities?q=kaspersky", f"/v1/paths?from={KASPERSKY}&to={FSB}", f"/v1/entities/{KASPERSKY}"):
        r = client.get(url)
        assert r.status_code == 200, r.text
        timing = _server_timing(r.headers["server-timing"])
        assert set(timing) == {"db", "app"}
        assert 0 < timing["db"] <= timing["app"]
    r = client.get("/v1/paths", params={"from": KASPERSKY, "to": KASPERSKY})  # refused before any query
    assert r.status_code == 422
    assert _server_timing(r.headers["server-timing"])["db"] == 0


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, dict(r.headers), r.read()


def test_serve_with_two_workers(client: TestClient, settings: Settings, tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    cmd = [sys.executable, "-m", "cli.main", "serve", "--port", str(port), "--workers", "2", "--no-request-log"]
    env = os.environ | cli_env(settings) | {"REGKG_ENV": "test"}
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                if _get(f"{base}/ready")[0] == 200:
                    break
            except (urllib.error.URLError, OSError):
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
        for _ in range(10):  # requests land on either worker
            status, headers, body = _get(f"{base}/v1/entities?q=kaspersky")
            assert status == 200 and b"firm:kaspersky-lab" in body
            assert headers.get("x-request-id")
    finally:
        # stop the supervisor, as a process manager would: it stops its workers. (A SIGTERM to the
        # whole group killed the workers under the supervisor, which then started a new one while
        # shutting down and waited on it.)
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(60)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)
    text = log.read_text()
    assert proc.returncode == 0 or proc.returncode == -signal.SIGTERM, text
    assert text.count("Started server process") == 2, text
    assert "request method=GET" not in text, text  # --no-request-log
    assert text.count("name tables loaded") == 2, text  # REGKG_WARM_NAMES, on by default: each worker, before serving
