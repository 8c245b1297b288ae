"""Issue 21, point 5: every read opens READ transactions and every write WRITE ones, so a cluster or
Aura routes reads to secondaries and writes to the leader.

The driver factories ``graph.database`` uses are wrapped for the module: every transaction any
``Graph`` made from then on opens — a managed read or write, an auto-commit ``run`` (its session's
default access mode), ``execute_query`` (its routing) — is recorded with its access mode, for the
API (sync and async driver) and for the command line (run in-process). Then every GET route of the
OpenAPI (and the POST routes that only read: screening, the guarded query, extraction) and each CLI
read must open READ transactions only; each write route (with the key) and CLI write must open a
WRITE one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient
from neo4j import RoutingControl
from typer.testing import CliRunner

import graph.database as database
from api import examples
from api.app import create_app
from api.screen_models import SCREEN_REQUEST
from cli.main import app as cli
from config import Settings
from graph import ingest
from graph.database import Graph
from tests.conftest import cli_env, load_fresh

ROOT = Path(__file__).resolve().parents[2]
READ, WRITE = "READ", "WRITE"
KASPERSKY, RUSSIA = "firm:kaspersky-lab", "country:ru"
TEXT = "Twin Widgets LLC and Twin Widgets Limited are one firm. BIS added Twin Widgets LLC to the Entity List."
LISTING = {
    "sources": [{"id": "source:test-twins", "title": "Twins", "kind": "press-release",
                 "publisher": "Bureau of Industry and Security", "published_at": "2026-11-30", "text": TEXT}],
    "entities": [{"id": "firm:twin-widgets-llc", "type": "Firm", "name": "Twin Widgets LLC", "country": "RU"},
                 {"id": "firm:twin-widgets-ltd", "type": "Firm", "name": "Twin Widgets Limited", "country": "RU"}],
    "claims": [{"subject": "firm:twin-widgets-llc", "predicate": "listed-on", "object": "list:us-bis-entity-list",
                "asserted_by": "agency:us-bis", "valid_from": "2026-11-30", "source": "source:test-twins",
                "quote": "BIS added Twin Widgets LLC to the Entity List"}],
}  # fmt: skip


class Log:
    """The access mode of every transaction opened, in order."""

    def __init__(self) -> None:
        self.modes: list[str] = []

    def take(self) -> list[str]:
        modes, self.modes = self.modes, []
        return modes


def _mode(access_mode: Any) -> str:
    return READ if access_mode == neo4j.READ_ACCESS else WRITE


def _routing(routing: Any) -> str:
    return READ if routing in (RoutingControl.READ, "r") else WRITE


class _Session:
    def __init__(self, session: Any, mode: str, log: Log) -> None:
        self._session, self._mode, self._log = session, mode, log

    def __enter__(self) -> _Session:
        self._session.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._session.__exit__(*exc)

    def execute_read(self, *args: Any, **kw: Any) -> Any:
        self._log.modes.append(READ)
        return self._session.execute_read(*args, **kw)

    def execute_write(self, *args: Any, **kw: Any) -> Any:
        self._log.modes.append(WRITE)
        return self._session.execute_write(*args, **kw)

    def run(self, *args: Any, **kw: Any) -> Any:  # auto-commit: the session's access mode
        self._log.modes.append(self._mode)
        return self._session.run(*args, **kw)

    def begin_transaction(self, *args: Any, **kw: Any) -> Any:
        self._log.modes.append(self._mode)
        return self._session.begin_transaction(*args, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


class _AsyncSession(_Session):
    async def __aenter__(self) -> _AsyncSession:
        await self._session.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> Any:
        return await self._session.__aexit__(*exc)

    async def execute_read(self, *args: Any, **kw: Any) -> Any:
        self._log.modes.append(READ)
        return await self._session.execute_read(*args, **kw)

    async def execute_write(self, *args: Any, **kw: Any) -> Any:
        self._log.modes.append(WRITE)
        return await self._session.execute_write(*args, **kw)

    async def run(self, *args: Any, **kw: Any) -> Any:
        self._log.modes.append(self._mode)
        return await self._session.run(*args, **kw)

    async def begin_transaction(self, *args: Any, **kw: Any) -> Any:
        self._log.modes.append(self._mode)
        return await self._session.begin_transaction(*args, **kw)


class _Driver:
    def __init__(self, driver: Any, log: Log) -> None:
        self._driver, self._log = driver, log

    def session(self, **kw: Any) -> _Session:
        return _Session(self._driver.session(**kw), _mode(kw.get("default_access_mode", neo4j.WRITE_ACCESS)), self._log)

    def execute_query(self, *args: Any, routing_: Any = RoutingControl.WRITE, **kw: Any) -> Any:
        self._log.modes.append(_routing(routing_))
        return self._driver.execute_query(*args, routing_=routing_, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._driver, name)


class _AsyncDriver(_Driver):
    def session(self, **kw: Any) -> _AsyncSession:
        mode = _mode(kw.get("default_access_mode", neo4j.WRITE_ACCESS))
        return _AsyncSession(self._driver.session(**kw), mode, self._log)

    async def execute_query(self, *args: Any, routing_: Any = RoutingControl.WRITE, **kw: Any) -> Any:
        self._log.modes.append(_routing(routing_))
        return await self._driver.execute_query(*args, routing_=routing_, **kw)


class _Factory:
    def __init__(self, real: Any, wrap: type[_Driver], log: Log) -> None:
        self.real, self.wrap, self.log = real, wrap, log

    def driver(self, *args: Any, **kw: Any) -> _Driver:
        return self.wrap(self.real.driver(*args, **kw), self.log)


@pytest.fixture(scope="module")
def log(graph: Graph, settings: Settings) -> Iterator[Log]:
    load_fresh(graph, settings)  # the seed, through the CLI, before anything is recorded
    recorded = Log()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(database, "GraphDatabase", _Factory(database.GraphDatabase, _Driver, recorded))
        patch.setattr(database, "AsyncGraphDatabase", _Factory(database.AsyncGraphDatabase, _AsyncDriver, recorded))
        yield recorded
    ingest.AFTER_RUN.clear()  # the app installed monitoring's hook


@pytest.fixture(scope="module")
def client(log: Log, settings: Settings) -> Iterator[TestClient]:
    # a busy test machine: the first paths query (its plan not warmed) may take seconds
    with TestClient(create_app(settings.model_copy(update={"query_timeout": 60.0}))) as c:
        log.take()
        yield c


def key(settings: Settings) -> dict[str, str]:
    return {"X-API-Key": settings.api_key.get_secret_value()}


@pytest.fixture(scope="module")
def writes(client: TestClient, log: Log, settings: Settings) -> dict[str, list[str]]:
    """Every write route once, with the key: the transactions each opened (and data for the reads:
    a decision, a watchlist, an alert)."""
    done: dict[str, list[str]] = {}

    def call(name: str, method: str, url: str, status: int, **kw: Any) -> Any:
        log.take()
        r = client.request(method, url, headers=key(settings), **kw)
        assert r.status_code == status, (name, r.text)
        done[name] = log.take()
        return r.json()

    watched = {"name": "modes", "by": "test", "records": [{"id": "t-1", "name": "Twin Widgets LLC", "type": "Firm"}]}
    wid = call("POST /v1/watchlists", "POST", "/v1/watchlists", 201, json=watched)["id"]
    call("POST /v1/claims", "POST", "/v1/claims", 201, json=LISTING)
    merge = {"subject": "firm:twin-widgets-llc", "object": "firm:twin-widgets-ltd", "reason": "one firm"}
    call("POST /v1/resolutions", "POST", "/v1/resolutions", 201, json=merge)
    merged = client.get("/v1/resolutions", params={"status": "merged"}).json()["items"]
    (decision,) = [d for d in merged if {d["subject"], d["object"]} == {merge["subject"], merge["object"]}]
    call("DELETE /v1/resolutions/{id}", "DELETE", f"/v1/resolutions/{decision['id']}", 200, params={"reason": "no"})
    verdict = {"record_id": "t-1", "entity_id": "firm:twin-widgets-llc", "verdict": "true-match", "by": "test",
               "reason": "the same firm"}  # fmt: skip
    call("POST /v1/screen/decisions", "POST", "/v1/screen/decisions", 201, json=verdict)
    alerts = client.get("/v1/alerts", params={"watchlist": wid}, headers=key(settings)).json()["items"]
    assert alerts, "the listing alerts the watched record"
    ack = "/v1/alerts/{id}/acknowledge"
    call(f"POST {ack}", "POST", ack.format(id=alerts[0]["id"]), 200, json={"by": "test"})
    return done


def test_every_write_route_opens_a_write_transaction(writes: dict[str, list[str]], client: TestClient) -> None:
    spec = client.get("/openapi.json").json()["paths"]
    routes = {
        f"{method.upper()} {path}"
        for path, ops in spec.items()
        for method, op in ops.items()
        if method in ("post", "delete") and path not in ("/v1/screen", "/v1/query", "/v1/extract")
    }
    assert set(writes) == routes  # every write route of the OpenAPI was called
    for route, modes in writes.items():
        assert WRITE in modes, (route, modes)


def _fact_and_source(client: TestClient) -> tuple[str, str]:
    fact = client.get("/v1/facts", params={"subject": KASPERSKY, "predicate": "alleged-tie-to"}).json()["items"][0]
    prov = client.get(f"/v1/facts/{fact['fact_id']}/provenance").json()
    return fact["fact_id"], prov["claims"][0]["citations"][0]["source"]["id"]


def test_every_read_route_opens_only_read_transactions(
    writes: dict[str, list[str]], client: TestClient, log: Log, settings: Settings
) -> None:
    assert writes
    fact_id, source_id = _fact_and_source(client)
    values = {"id": KASPERSKY, "fact_id": fact_id}
    query = {"/v1/paths": {"from": KASPERSKY, "to": RUSSIA}, "/v1/entities": {"q": "kaspersky"}}
    spec = client.get("/openapi.json").json()["paths"]
    reads = [path for path, ops in spec.items() if "get" in ops]
    assert len(reads) >= 19
    for path in reads:
        url = path.format(**(values | ({"id": source_id} if path.startswith("/v1/sources") else {})))
        log.take()
        r = client.get(url, params=query.get(path, {}), headers=key(settings))
        assert r.status_code == 200, (path, r.text[:300])
        modes = log.take()
        assert set(modes) <= {READ}, (path, modes)
        assert modes or path in ("/health", "/v1/queries"), path  # the others asked the graph something
    for url, body in (
        ("/v1/screen", SCREEN_REQUEST),
        ("/v1/query", {**examples.QUERY_REQUEST, "cypher": "MATCH (e:Entity) RETURN e.id AS id LIMIT 3"}),
        ("/v1/extract", examples.EXTRACT_REQUEST),
    ):  # POST, but reads
        log.take()
        r = client.post(url, json=body, headers=key(settings))
        assert r.status_code == 200, (url, r.text[:300])
        modes = log.take()
        assert modes and set(modes) <= {READ}, (url, modes)


def _cli(settings: Settings, log: Log, *args: str) -> list[str]:
    log.take()
    env = cli_env(settings) | {"REGKG_QUERY_TIMEOUT": "60"}  # a busy test machine: no time-outs here
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == 0, (args, result.output)
    return log.take()


def test_cli_reads_open_only_read_transactions(
    writes: dict[str, list[str]], client: TestClient, log: Log, settings: Settings, tmp_path: Path
) -> None:
    assert writes
    fact_id, _ = _fact_and_source(client)
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "r-1", "name": "Kaspersky Lab", "type": "Firm"}) + "\n")
    commands = [
        ("search", "Kaspersky"),
        ("facts", "--subject", KASPERSKY),
        ("paths", KASPERSKY, RUSSIA),
        ("provenance", fact_id),
        ("exposure", KASPERSKY),
        ("changes",),
        ("query", "MATCH (e:Entity) RETURN e.id LIMIT 3"),
        ("export", str(tmp_path / "g.graphml")),
        ("export", "--format", "csv", str(tmp_path / "tables")),
        ("alerts",),
        ("watch", "list"),
        ("resolve", "list"),
        ("resolve", "review"),
        ("resolve",),
        ("screen", str(records), "--out", str(tmp_path / "answers.jsonl")),
    ]
    for args in commands:
        modes = _cli(settings, log, *args)
        assert modes and set(modes) <= {READ}, (args, modes)


def test_cli_writes_open_write_transactions(
    writes: dict[str, list[str]], log: Log, settings: Settings, tmp_path: Path
) -> None:
    assert writes
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "w-1", "name": "Kaspersky Lab", "type": "Firm"}) + "\n")
    commands = [
        ("load", "curated", str(ROOT / "data" / "seed")),
        ("load", "fcc", str(ROOT / "data" / "samples" / "fcc_covered_list_2026.csv"), "--batch-size", "5"),
        ("resolve", "merge", "firm:twin-widgets-llc", "firm:twin-widgets-ltd", "--reason", "one firm"),
        ("resolve", "undo", "firm:twin-widgets-llc", "firm:twin-widgets-ltd", "--reason", "two after all"),
        ("watch", "add", str(records), "--name", "cli modes"),
        ("watch", "run", "--full"),
        ("migrate",),
    ]
    for args in commands:
        modes = _cli(settings, log, *args)
        assert WRITE in modes, (args, modes)
