"""Guarded analyst Cypher: read-only, with a timeout and a row cap."""

from __future__ import annotations

import functools
from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from graph import guard

from ..deps import GraphDep, SettingsDep
from ..errors import responses
from ..models import QueryRequest, QueryResult

router = APIRouter(prefix="/v1", tags=["query"])


@router.post(
    "/query",
    response_model=QueryResult,
    summary="Run one read-only Cypher statement",
    responses=responses(400, 403, 422, 503, 504),
)
async def query(graph: GraphDep, settings: SettingsDep, body: QueryRequest) -> dict[str, Any]:
    limit = min(body.limit, settings.query_row_limit)
    run = functools.partial(guard.run_readonly, limit=limit, timeout=settings.query_timeout)
    return await run_in_threadpool(run, graph, body.cypher, body.params)
