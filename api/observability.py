"""Request logs, request ids and Prometheus metrics.

* Every request gets an id (the caller's ``X-Request-ID`` if it is sane, else a new one), echoed
  in the response header and carried by the one log line written per request: method, route
  template, status, latency, request id — never query parameters or bodies (they may hold
  Cypher or secrets).
* Logs are set up by :func:`config.configure_logging` (JSON lines in production, text otherwise).
* ``GET /metrics`` (Prometheus text format, prometheus-client): request counts and latency
  histograms per route template and status, errors, requests in flight, driver pool size, and
  — read from the graph at scrape time — the graph version (``regkg_graph_version_info``), the
  schema version and load runs by status. The neo4j driver has no public pool statistics: the
  configured pool size and the requests in flight stand for the pool in use.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Iterator

from fastapi import FastAPI, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, InfoMetricFamily
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from config import Settings, configure_logging
from graph import reads, timing
from schema.errors import RegkgError

log = logging.getLogger("regkg.api.access")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,100}$")


class _GraphCollector(Collector):
    """Graph-side gauges, read at scrape time (absent while the database is down)."""

    def __init__(self, app: FastAPI, pool_max: int) -> None:
        self.app = app
        self.pool_max = pool_max

    def collect(self) -> Iterator[GaugeMetricFamily | InfoMetricFamily]:
        graph = getattr(self.app.state, "graph", None)
        if graph is None:
            return
        try:
            stats = reads.graph_stats(graph)
            graph_version = reads.graph_version(graph)
        except RegkgError:
            return
        version = GaugeMetricFamily("regkg_graph_schema_version", "schema version recorded by migrations")
        version.add_metric([], stats["schema_version"] or 0)
        yield version
        runs = GaugeMetricFamily("regkg_load_runs", "load runs recorded in the graph, by status", labels=["status"])
        for status, n in sorted(stats["load_runs"].items()):
            runs.add_metric([status], n)
        yield runs
        current = InfoMetricFamily(
            "regkg_graph_version",
            "the graph version answers carry in X-Regkg-Graph-Version (changes when a load run or a "
            "resolution decision changes the graph)",
            value={"version": graph_version},
        )
        yield current
        pool = GaugeMetricFamily(
            "regkg_neo4j_pool_max_size",
            "the driver's configured maximum connection pool size (REGKG_NEO4J_POOL_SIZE); the neo4j driver "
            "exposes no public count of connections in use: see regkg_http_requests_in_flight",
        )
        pool.add_metric([], self.pool_max)
        yield pool


class _Observe:
    """Request id, one log line, the metrics and a ``Server-Timing`` header per HTTP request
    (``db``: the time spent in the database, ``app``: the time until the answer's first byte; what
    is not the query is ``app`` - ``db``).

    A plain ASGI middleware: Starlette's ``BaseHTTPMiddleware`` (``@app.middleware("http")``)
    runs every request through an extra task and memory streams. The latency observed is up to
    the last byte sent (a streamed export included).
    """

    def __init__(
        self, app: ASGIApp, *, requests: Counter, latency: Histogram, errors: Counter, in_flight: Gauge
    ) -> None:
        self.app = app
        self.requests = requests
        self.latency = latency
        self.errors = errors
        self.in_flight = in_flight

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = ""
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                given = value.decode("latin-1")
                break
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        header = (b"x-request-id", request_id.encode("latin-1"))
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                app_ms = (time.perf_counter() - began) * 1000
                timing = f"db;dur={db[0] * 1000:.2f}, app;dur={app_ms:.2f}".encode("latin-1")
                message["headers"] = [*message.get("headers", ()), header, (b"server-timing", timing)]
            await send(message)

        began = time.perf_counter()
        self.in_flight.inc()
        try:
            with timing.measured() as db:  # the time in the database, for Server-Timing
                await self.app(scope, receive, send_with_id)
        finally:
            self.in_flight.dec()
            elapsed = time.perf_counter() - began
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            method = scope["method"]
            self.requests.labels(template, method, str(status)).inc()
            self.latency.labels(template, method).observe(elapsed)
            if status >= 500:
                self.errors.labels(template).inc()
            if log.isEnabledFor(logging.INFO):
                log.info(
                    "request",
                    extra={
                        "fields": {
                            "method": method,
                            "route": template,
                            "status": status,
                            "latency_ms": round(elapsed * 1000, 2),
                            "request_id": request_id,
                        }
                    },
                )


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
    in_flight = Gauge(
        "regkg_http_requests_in_flight",
        "requests being served; the neo4j driver has no public count of pool connections in use, so this "
        "stands for the pool in use (next to regkg_neo4j_pool_max_size)",
        registry=registry,
    )
    registry.register(_GraphCollector(app, settings.neo4j_pool_size))
    app.state.metrics_registry = registry

    app.add_middleware(_Observe, requests=requests, latency=latency, errors=errors, in_flight=in_flight)

    @app.get("/metrics", include_in_schema=False)
    def metrics() -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
