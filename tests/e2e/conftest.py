"""Browser end-to-end tests: the investigator's page in headless Chromium (pytest-playwright).

Chromium is Debian's ``/usr/bin/chromium`` (``ops/ensure-chromium.sh`` installs it); Playwright's
own browser downloads are never used. When Chromium or the built page is missing the tests
**fail** with the command that fixes it — they never skip.

The page is served by ``create_app(settings)`` (uvicorn in a background thread, on a free port)
against the session's real Neo4j with the seed loaded through the CLI.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli
from config import Settings
from graph import maintenance
from graph.database import Graph
from graph.localdb import free_port

try:
    import playwright  # noqa: F401  (the plugin's package; a clear failure beats "fixture 'page' not found")
except ImportError as exc:  # pragma: no cover - environment problem
    raise pytest.UsageError(
        "pytest-playwright is not installed: pip install -e '.[dev]' (or pip install pytest-playwright)"
    ) from exc

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "seed"
UI_INDEX = ROOT / "api" / "static" / "ui" / "index.html"
# axe-core, a devDependency of web/ (`make web-build` runs `npm ci`, which installs it)
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
VIEWPORT = {"width": 1600, "height": 900}

# A hub with more facts of one predicate than the page's per-predicate cap (25), for "+N more".
HUB = "list:e2e-watch-list"
HUB_FIRMS = 31


@pytest.fixture(scope="session")
def base_url() -> str | None:
    """Replaces pytest-playwright's fallback ``base_url`` (an instance-method session fixture, which
    pytest 9 deprecates, so ``filterwarnings = error`` turns it into an error). Tests use full URLs."""
    return None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `ops/ensure-chromium.sh` (installs Debian's chromium)", pytrace=False)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": VIEWPORT, "accept_downloads": True}


@pytest.fixture(scope="session")
def ui_built() -> Path:
    if not UI_INDEX.is_file():
        pytest.fail(f"the page is not built ({UI_INDEX} missing): run `make web-build`", pytrace=False)
    return UI_INDEX


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(f"axe-core is not installed ({AXE} missing): run `make web-build` (npm ci in web/)", pytrace=False)
    return AXE


class LiveServer:
    """uvicorn in a background thread."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", ws="none", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"uvicorn-{self.port}", daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                pytest.fail(f"the API did not start on {self.url}", pytrace=False)
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


def hub_fixture(directory: Path) -> Path:
    """A curated file: one list with HUB_FIRMS firms listed on it (every quote in its text)."""
    lines = [f"Test Firm {i:02d} is on the E2E watch list." for i in range(HUB_FIRMS)]
    data = {
        "sources": [
            {"id": "source:e2e-watch-list", "title": "E2E watch list", "kind": "report", "text": " ".join(lines)}
        ],
        "entities": [{"id": HUB, "type": "List", "name": "E2E Watch List"}]
        + [
            {"id": f"firm:e2e-test-firm-{i:02d}", "type": "Firm", "name": f"Test Firm {i:02d}"}
            for i in range(HUB_FIRMS)
        ],
        "claims": [
            {
                "subject": f"firm:e2e-test-firm-{i:02d}",
                "predicate": "listed-on",
                "object": HUB,
                "source": "source:e2e-watch-list",
                "quote": line,
            }
            for i, line in enumerate(lines)
        ],
    }
    path = directory / "e2e-hub.json"
    path.write_text(json.dumps(data))
    return path


@pytest.fixture(scope="module")
def live_url(
    graph: Graph, settings: Settings, ui_built: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The API and page on a free port, with the seed (and the hub fixture) loaded."""
    maintenance.wipe(graph)
    env = {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}
    for path in (SEED, hub_fixture(tmp_path_factory.mktemp("e2e-data"))):
        result = CliRunner().invoke(cli, ["load", "curated", str(path)], env=env)
        assert result.exit_code == 0, result.output
    # a generous query timeout: the first path queries on a cold server and a busy 2-core machine
    # can take seconds, and the page is under test here, not the server's speed
    server = LiveServer(create_app(settings.model_copy(update={"query_timeout": 20.0}))).start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def dead_db_server(settings: Settings, ui_built: Path) -> Iterator[LiveServer]:
    """The API with its database unreachable (nothing listens on the Bolt port)."""
    broken = settings.model_copy(
        update={
            "neo4j_uri": f"bolt://127.0.0.1:{free_port()}",
            "neo4j_connection_timeout": 1.0,
            "neo4j_retry_time": 0.5,
        }
    )
    server = LiveServer(create_app(broken)).start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def served(graph: Graph, settings: Settings, *loads: list[str]) -> Iterator[str]:
    """The API and page on a free port over a graph wiped, then loaded by these ``regkg`` commands."""
    maintenance.wipe(graph)
    env = {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}
    for args in loads:
        result = CliRunner().invoke(cli, args, env=env)
        assert result.exit_code == 0, result.output
    server = LiveServer(create_app(settings.model_copy(update={"query_timeout": 20.0}))).start()
    try:
        yield server.url
    finally:
        server.stop()
