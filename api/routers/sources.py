"""Sources with the claims that cite them, and the load runs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from graph import reads

from ..deps import GraphDep
from ..errors import responses
from ..models import LoadRuns, SourceDetail

router = APIRouter(prefix="/v1", tags=["sources"])


@router.get(
    "/sources/{id}",
    response_model=SourceDetail,
    summary="A source, its text, chain and the claims citing it",
    responses=responses(404, 422, 503),
)
async def source(graph: GraphDep, id: Annotated[str, Path(min_length=3, max_length=300)]) -> dict[str, Any]:  # noqa: A002
    return await reads.source.aio(graph, id)


@router.get("/loads", response_model=LoadRuns, summary="Load runs, newest first", responses=responses(422, 503))
async def loads(
    graph: GraphDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    return await reads.loads.aio(graph, limit, offset)
