"""``create_app()``: the FastAPI application with a lifespan that owns the driver."""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from config import Settings, get_settings
from extract import personal, places
from graph import warm
from graph.database import Graph
from ownership.service import Options
from screen import matcher, monitor

from . import deps, docs, errors, observability, protocol, receipts, strict, ui
from .routers import claims, entities, export, extract, facts, health, paths, query, resolutions, screen, sources, watch


def _warm(graph: Graph, max_degree: int) -> None:
    try:
        warm.warm(graph, max_degree)
    except Exception:  # noqa: BLE001 — a warm-up that fails leaves first requests slower, nothing else
        logging.getLogger("regkg.warm").warning("warming the query shapes failed", exc_info=True)


def _load_name_tables() -> None:
    """Screening's matcher and the extractor's given-name check load rigour's name tables on first
    use: about 8 s, holding the GIL (a background thread would stall every request meanwhile), so
    the server loads them before it answers anything and its first screening or extraction is as
    fast as the next (``REGKG_WARM_NAMES``); GeoNames' city table too (half a second)."""
    start = time.perf_counter()
    matcher.prepare()
    personal.prepare()
    places.prepare()
    logging.getLogger("regkg.warm").info("name tables loaded in %.1f s", time.perf_counter() - start)


_frozen = False


def _freeze_startup_heap() -> None:
    """Move everything alive after start-up (modules, the app, its routes and pydantic schemas,
    the driver) out of the cyclic collector's reach, once per process.

    A read allocates thousands of containers (a hub's 200-fact answer: its decoded rows, their
    shaped dicts, the validated models), which triggers collections; a full one walks every
    tracked object, and the app's own are most of them and never garbage. Frozen, a collection
    walks only what requests allocated. Mixed reads at 32 clients at M: the API's CPU per request
    2.5–2.9 → 1.7–2.3 ms; a hub's 200-fact neighbours alone 13 → 7 ms (bench/cpu_share.py,
    bench/results/2026-12-05-M-cpu-share.txt)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Re-entrant: a test client that starts the app again reuses the open driver.
        owned = getattr(app.state, "graph", None) is None
        if owned:
            if settings.warm_names:
                _load_name_tables()
            app.state.graph = Graph.connect(settings)
            if settings.warm_queries:  # the first request of any path combination finds its plan
                threading.Thread(
                    target=_warm, args=(app.state.graph, settings.path_max_degree), name="warm", daemon=True
                ).start()
        _freeze_startup_heap()
        try:
            yield
        finally:
            await app.state.graph.aclose()  # this event loop's async driver
            if owned:
                app.state.graph.close()
                app.state.graph = None

    app = FastAPI(
        title="regkg",
        version="1",
        summary="Regulatory knowledge graph: who is banned, listed, sanctioned or accused by "
        "whom, under which law, since when, and where each fact comes from.",
        lifespan=lifespan,
        docs_url=None,  # api/docs.py serves /docs and /redoc with local assets, not a CDN's
        redoc_url=None,
        # the key first (when reads need one): a client without it learns nothing about parameters
        dependencies=[Depends(deps.require_key_for_reads), Depends(strict.reject_unknown_query_parameters)],
    )
    app.state.settings = settings
    monitor.install(ownership=Options.of(settings))
    errors.install(app)
    observability.install(app, settings)
    app.include_router(health.router)
    for module in (entities, facts, paths, sources, resolutions, claims, query, extract, export, screen, watch):
        app.include_router(module.router)
    ui.install(app)
    docs.install(app)
    app.add_middleware(receipts.Receipts)
    app.add_middleware(protocol.HeadAsGet)
    if settings.cors_origins:  # off by default; outermost, so a preflight is answered before anything else
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "HEAD", "POST", "DELETE"],
            allow_headers=["Accept", "Content-Type", "If-None-Match", "X-API-Key", "X-Request-ID"],
            expose_headers=["Content-Location", "ETag", "Server-Timing", "X-Regkg-Graph-Version", "X-Request-ID"],
            max_age=600,
        )
    return app
