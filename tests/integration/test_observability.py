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
