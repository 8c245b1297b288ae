"""Sources with the claims that cite them, and the load runs."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from graph import reads

from ..deps import GraphDep
from ..errors import responses
from ..models import Changes, LoadRuns, SourceDetail

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


@router.get(
    "/changes",
    response_model=Changes,
    summary="What moved: facts added, ended, returned and changed per load run, newest first",
    responses=responses(404, 422, 503),
)
async def changes(
    graph: GraphDep,
    since: Annotated[
        str | None,
        Query(
            description="a load run id (run:…) or an ISO date or date-time: only runs that started after it",
            pattern=r"^(run:[0-9a-f]{32}|\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)$",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    return await reads.changes.aio(graph, since, limit, offset)
