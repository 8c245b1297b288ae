"""Request logs, request ids and Prometheus metrics.

* Every request gets an id (the caller's ``X-Request-ID`` if it is sane, else a new one), echoed
  in the response header and carried by the one log line written per request: method, route
  template, status, latency, request id — never query parameters or bodies (they may hold
  Cypher or secrets).
* Logs are JSON lines in production (``REGKG_LOG_FORMAT=json``, or ``auto`` with
  ``REGKG_ENV=production``) and readable text otherwise.
* ``GET /metrics`` (Prometheus text format, prometheus-client): request counts and latency
  histograms per route template and status, errors, requests in flight, driver pool size, and
  — read from the graph at scrape time — the schema version and load runs by status.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from fastapi import FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from graph import reads
from schema.errors import RegkgError
from schema.settings import Settings

log = logging.getLogger("regkg.api.access")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,100}$")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        out.update(getattr(record, "fields", {}))
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = getattr(record, "fields", {})
        extra = " ".join(f"{k}={v}" for k, v in fields.items())
        return f"{self.formatTime(record, '%H:%M:%S')} {record.levelname:<7} {record.getMessage()} {extra}".rstrip()


def configure_logging(settings: Settings) -> None:
    """Configure the ``regkg`` loggers once (JSON in production, text in development)."""
    use_json = settings.log_format == "json" or (settings.log_format == "auto" and settings.env == "production")
    root = logging.getLogger("regkg")
    handler = next((h for h in root.handlers if getattr(h, "_regkg", False)), None)
    if handler is None:
        handler = logging.StreamHandler(sys.stderr)
        handler._regkg = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        root.propagate = False
    handler.setFormatter(JsonFormatter() if use_json else TextFormatter())


class _GraphCollector(Collector):
    """Graph-side gauges, read at scrape time (absent while the database is down)."""

    def __init__(self, app: FastAPI, pool_max: int) -> None:
        self.app = app
        self.pool_max = pool_max

    def collect(self) -> Iterator[GaugeMetricFamily]:
        graph = getattr(self.app.state, "graph", None)
        if graph is None:
            return
        try:
            stats = reads.graph_stats(graph)
        except RegkgError:
            return
        version = GaugeMetricFamily("regkg_graph_schema_version", "schema version recorded by migrations")
        version.add_metric([], stats["schema_version"] or 0)
        yield version
        runs = GaugeMetricFamily("regkg_load_runs", "load runs recorded in the graph, by status", labels=["status"])
        for status, n in sorted(stats["load_runs"].items()):
            runs.add_metric([status], n)
        yield runs
        pool = GaugeMetricFamily("regkg_neo4j_pool_max_size", "the driver's maximum connection pool size")
        pool.add_metric([], self.pool_max)
        yield pool


def install(app: FastAPI, settings: Settings) -> None:
    configure_logging(settings)
    registry = CollectorRegistry()
    requests = Counter(
        "regkg_http_requests",
        "HTTP requests by route template, method and status",
        ["route", "method", "status"],
        registry=registry,
    )
    latency = Histogram(
        "regkg_http_request_duration_seconds",
        "request latency by route template",
        ["route", "method"],
        registry=registry,
        buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    )
    errors = Counter("regkg_http_errors", "responses with status >= 500, by route", ["route"], registry=registry)
    in_flight = Gauge("regkg_http_requests_in_flight", "requests being served", registry=registry)
    registry.register(_GraphCollector(app, settings.neo4j_pool_size))
    app.state.metrics_registry = registry

    @app.middleware("http")
    async def observe(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        given = request.headers.get("x-request-id", "")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        request.state.request_id = request_id
        began = time.perf_counter()
        in_flight.inc()
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
        finally:
            in_flight.dec()
            elapsed = time.perf_counter() - began
            route = request.scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            requests.labels(template, request.method, str(status)).inc()
            latency.labels(template, request.method).observe(elapsed)
            if status >= 500:
                errors.labels(template).inc()
            log.info(
                "request",
                extra={
                    "fields": {
                        "method": request.method,
                        "route": template,
                        "status": status,
                        "latency_ms": round(elapsed * 1000, 2),
                        "request_id": request_id,
                    }
                },
            )
        response.headers["X-Request-ID"] = request_id
        return response

    @app.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
