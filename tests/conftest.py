"""Shared fixtures. The integration tier runs on a real Neo4j that this session starts itself.

``make test`` needs nothing running: the ``neo4j_server`` fixture resolves the jars, starts a
throwaway server on a free port with its own data directory and stops it at the end, also when
tests fail. Set ``REGKG_TEST_NEO4J_URI`` (and ``REGKG_TEST_NEO4J_PASSWORD``) to run against a
server you started yourself (e.g. the Docker one) — its data will be wiped.

When the server cannot start the fixture *fails* the tests (never skips them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from config import Settings
from graph import maintenance, migrations
from graph.database import Graph
from graph.localdb import LocalNeo4j, free_port
from schema.errors import RegkgError

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    external = os.environ.get("REGKG_TEST_NEO4J_URI")
    if external:
        yield external
        return
    server = LocalNeo4j(tmp_path_factory.mktemp("neo4j-home"), port=free_port(), heap="1g", pagecache="256m")
    try:
        info = server.start()
    except RegkgError as exc:
        pytest.fail(f"could not start the test Neo4j: {exc.message} {exc.details or ''}", pytrace=False)
    print(f"\ntest Neo4j {info.version} at {info.uri}, ready in {info.started_in}s")  # noqa: T201
    try:
        yield info.uri
    finally:
        server.stop()


@pytest.fixture(scope="session")
def settings(neo4j_uri: str) -> Settings:
    return Settings(
        env="test",
        neo4j_uri=neo4j_uri,
        neo4j_password=os.environ.get("REGKG_TEST_NEO4J_PASSWORD", ""),
        api_key="test-key-0123456789",
        query_timeout=8.0,
        query_row_limit=500,
        warm_queries=False,  # each app the tests start would plan every path shape; tests/integration/test_warm.py
        warm_names=False,  # nor load the name tables first (tests/unit/api/test_warm_names.py)
        api_responses="checked",  # every read answer a test gets is also built through its model and compared
    )


@pytest.fixture(scope="session")
def graph(settings: Settings) -> Iterator[Graph]:
    with Graph.connect(settings) as g:
        g.verify()
        migrations.migrate(g)
        yield g


@pytest.fixture
def clean_graph(graph: Graph) -> Graph:
    """The session graph, emptied (schema kept) before the test."""
    maintenance.wipe(graph)
    return graph


SEED = Path(__file__).resolve().parents[1] / "data" / "seed"


def cli_env(settings: Settings) -> dict[str, str]:
    """Environment for running the ``regkg`` CLI against the test database."""
    return {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}


def load_fresh(graph: Graph, settings: Settings, path: Path = SEED) -> None:
    """Empty the graph, then load curated files through the CLI (as an analyst would)."""
    from typer.testing import CliRunner

    from cli.main import app as cli

    maintenance.wipe(graph)
    result = CliRunner().invoke(cli, ["load", "curated", str(path)], env=cli_env(settings))
    assert result.exit_code == 0, result.output
