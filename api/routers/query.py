"""Guarded analyst Cypher: read-only, with a timeout and a row cap."""

from __future__ import annotations

from fastapi import APIRouter

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
def query(graph: GraphDep, settings: SettingsDep, body: QueryRequest) -> QueryResult:
    limit = min(body.limit, settings.query_row_limit)
    return QueryResult.model_validate(
        guard.run_readonly(graph, body.cypher, body.params, limit=limit, timeout=settings.query_timeout)
    )
