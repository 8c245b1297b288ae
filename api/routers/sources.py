"""Sources with the claims that cite them, and the load runs."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from graph import reads
from schema.dates import DATE_PATTERN

from .. import examples
from ..deps import GraphDep
from ..errors import responses
from ..models import Changes, LoadRuns, SourceDetail

router = APIRouter(prefix="/v1", tags=["sources"])

# A run id, or a real date with an optional time (hours 00-23, an offset within ±18:00) that the
# database parses as it is: a schema-valid `since` is never refused.
_TIME = (
    r"T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?)?"
    r"(?:Z|[+-](?:0[0-9]|1[0-7]):[0-5][0-9]|[+-]18:00)?"
)
SINCE_PATTERN = rf"^(?:run:[0-9a-f]{{32}}|{DATE_PATTERN}(?:{_TIME})?)$"


@router.get(
    "/sources/{id}",
    response_model=SourceDetail,
    summary="A source, its chain and the claims citing it; its text with include=text",
    responses=responses(404, 422, 503),
)
async def source(
    graph: GraphDep,
    id: Annotated[str, Path(min_length=3, max_length=300, examples=[examples.ARTICLE])],  # noqa: A002
    include: Annotated[
        Literal["text"] | None,
        Query(description="text: add the source's stored text (left out otherwise: it can be long)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="at most this many of the claims citing it")] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="the page of claims starts here")] = 0,
) -> dict[str, Any]:
    body = await reads.source.aio(graph, id, limit, offset, include == "text")
    if include != "text":
        body.pop("text", None)
    return body


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
            pattern=SINCE_PATTERN,
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    return await reads.changes.aio(graph, since, limit, offset)
