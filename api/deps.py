"""Dependencies the routers reach through ``Annotated`` aliases (tests override them), and the API
key checks: keys are compared by their SHA-256 (REGKG_API_KEYS holds digests, never keys)."""

from __future__ import annotations

import hashlib
import hmac
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


def key_is_valid(settings: Settings, presented: str) -> bool:
    """Whether the key's SHA-256 is one of the accepted digests: compared in constant time, with
    every digest (no early exit that would tell how many there are or which one matched)."""
    digest = hashlib.sha256(presented.encode()).digest()
    valid = False
    for expected in settings.api_key_digests:
        valid |= hmac.compare_digest(digest, expected)
    return valid


def check_key(settings: Settings, presented: str | None) -> None:
    """No key → 401, a key that is not accepted → 403."""
    if not presented:
        raise HTTPException(status_code=401, detail="this route needs an API key: send it in the X-API-Key header")
    if not key_is_valid(settings, presented):
        raise HTTPException(status_code=403, detail="the X-API-Key given is not a valid key")


async def require_api_key(
    request: Request, x_api_key: Annotated[str | None, Header(description="the API key for write routes")] = None
) -> None:
    check_key(_settings_of(request), x_api_key)


async def require_key_for_reads(request: Request) -> None:
    """With REGKG_REQUIRE_KEY_FOR_READS, every /v1 route needs the key too (the app applies this to
    every route; /health, /ready, /metrics, /ui, /docs, /redoc and /openapi.json stay open)."""
    settings = _settings_of(request)
    if settings.require_key_for_reads and request.url.path.startswith("/v1/"):
        check_key(settings, request.headers.get("x-api-key"))


ApiKeyRequired = Depends(require_api_key)
