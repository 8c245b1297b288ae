"""Dependencies the routers reach through ``Annotated`` aliases (tests override them)."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from config import Settings, get_settings
from graph.database import Graph
from schema.errors import GraphUnavailable


# The dependencies are ``async def`` on purpose: FastAPI runs a plain ``def`` dependency in the
# thread pool, one thread hop per dependency per request, for what is an attribute lookup.
async def _graph(request: Request) -> Graph:
    graph: Graph | None = getattr(request.app.state, "graph", None)
    if graph is None:
        raise GraphUnavailable("the API's database connection is not open (the app has not started)")
    return graph


def _settings_of(request: Request) -> Settings:
    settings: Settings = getattr(request.app.state, "settings", None) or get_settings()
    return settings


async def _settings(request: Request) -> Settings:
    return _settings_of(request)


GraphDep = Annotated[Graph, Depends(_graph)]
SettingsDep = Annotated[Settings, Depends(_settings)]


async def require_api_key(
    request: Request, x_api_key: Annotated[str | None, Header(description="the API key for write routes")] = None
) -> None:
    expected = _settings_of(request).api_key.get_secret_value()
    if not x_api_key:
        raise HTTPException(status_code=401, detail="this route needs an API key: send it in the X-API-Key header")
    if not secrets.compare_digest(x_api_key.encode(), expected.encode()):  # constant time
        raise HTTPException(status_code=403, detail="the X-API-Key given is not a valid key")


ApiKeyRequired = Depends(require_api_key)
