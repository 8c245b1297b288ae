"""/metrics moves after a request; the request's log line carries the id echoed in X-Request-ID."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from config import Settings
from graph.database import Graph


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def count(client: TestClient, route: str) -> float:
    text = client.get("/metrics").text
    pattern = rf'regkg_http_requests_total\{{method="GET",route="{re.escape(route)}",status="200"\}} ([0-9.e+]+)'
    m = re.search(pattern, text)
    return float(m.group(1)) if m else 0.0


def test_request_counter_moves(client: TestClient) -> None:
    before = count(client, "/health")
    assert client.get("/health").status_code == 200
    assert count(client, "/health") == before + 1
    text = client.get("/metrics").text
    assert "regkg_http_request_duration_seconds_bucket" in text
    assert "regkg_graph_schema_version" in text and "regkg_neo4j_pool_max_size" in text


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_log_line_carries_the_request_id(client: TestClient) -> None:
    handler = _Records()
    logger = logging.getLogger("regkg.api.access")
    logger.addHandler(handler)
    try:
        r = client.get("/v1/entities", params={"q": "anything"})
        mine = client.get("/health", headers={"X-Request-ID": "trace-abc-123"})
    finally:
        logger.removeHandler(handler)
    rid = r.headers["X-Request-ID"]
    assert rid and mine.headers["X-Request-ID"] == "trace-abc-123"
    fields = [getattr(rec, "fields", {}) for rec in handler.records]
    assert any(f.get("request_id") == rid and f.get("route") == "/v1/entities" for f in fields)
    assert any(f.get("request_id") == "trace-abc-123" and f.get("status") == 200 for f in fields)
    assert all("q=" not in str(f) for f in fields)  # no query parameters in logs


def test_a_bad_request_id_is_replaced(client: TestClient) -> None:
    r = client.get("/health", headers={"X-Request-ID": "x" * 500})
    assert r.headers["X-Request-ID"] != "x" * 500


def test_metrics_report_the_graph_version_and_the_pool(client: TestClient, settings: Settings) -> None:
    """The version /metrics reports is the one answers carry; the pool: its size and what is in flight."""
    version = client.get("/v1/loads").headers["X-Regkg-Graph-Version"]
    text = client.get("/metrics").text
    assert f'regkg_graph_version_info{{version="{version}"}} 1.0' in text
    assert "# HELP regkg_graph_version_info" in text and "X-Regkg-Graph-Version" in text
    assert f"regkg_neo4j_pool_max_size {float(settings.neo4j_pool_size)}" in text
    help_lines = [line for line in text.splitlines() if line.startswith("# HELP regkg_neo4j_pool_max_size")]
    assert help_lines and "configured" in help_lines[0] and "in_flight" in help_lines[0]
    in_flight = re.search(r"^regkg_http_requests_in_flight ([0-9.]+)$", text, re.M)
    assert in_flight and float(in_flight.group(1)) >= 1  # the scrape itself is in flight
