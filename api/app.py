"""``create_app()``: the FastAPI application with a lifespan that owns the driver."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from config import Settings, get_settings
from graph.database import Graph

from . import errors, observability, protocol, receipts, strict, ui
from .routers import claims, entities, export, extract, facts, health, paths, query, resolutions, sources


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Re-entrant: a test client that starts the app again reuses the open driver.
        owned = getattr(app.state, "graph", None) is None
        if owned:
            app.state.graph = Graph.connect(settings)
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
        dependencies=[Depends(strict.reject_unknown_query_parameters)],
    )
    app.state.settings = settings
    errors.install(app)
    observability.install(app, settings)
    app.include_router(health.router)
    for module in (entities, facts, paths, sources, resolutions, claims, query, extract, export):
        app.include_router(module.router)
    ui.install(app)
    app.add_middleware(receipts.Receipts)
    app.add_middleware(protocol.HeadAsGet)
    return app
