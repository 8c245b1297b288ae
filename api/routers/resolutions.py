"""Entity-resolution decisions: the list (merged, undone, the unsure review queue), a merge, an undo.

Writing needs the API key. A decision is recorded as a claim with its source (who, when, why) and
the same-as clusters are recomputed at once: a merged pair answers as one entity everywhere, and
undoing the merge restores separate answers.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from starlette.concurrency import run_in_threadpool

from graph import decisions

from ..deps import ApiKeyRequired, GraphDep
from ..errors import responses
from ..models import Decision, DecisionRequest, Resolutions

router = APIRouter(prefix="/v1/resolutions", tags=["resolutions"])


@router.get("", response_model=Resolutions, summary="Resolution decisions, newest first", responses=responses(422, 503))
async def list_resolutions(
    graph: GraphDep,
    status: Annotated[
        Literal["merged", "undone", "unsure"] | None,
        Query(description="merged, undone, or unsure (the review queue: possibly-same-as, never merged)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    return await run_in_threadpool(decisions.resolutions, graph, status, limit, offset)


async def _decide(graph: Any, body: DecisionRequest, action: Literal["merge", "undo"]) -> dict[str, Any]:
    done, moved = await run_in_threadpool(
        decisions.decide, graph, body.subject, body.object, action, body.reason, "api"
    )
    return {**done, "moved": moved.moved, "facts": moved.facts}


@router.post(
    "",
    response_model=Decision,
    status_code=201,
    summary="Merge two entities (record that they are one)",
    responses=responses(401, 403, 404, 422, 503),
    dependencies=[ApiKeyRequired],
)
async def merge(graph: GraphDep, body: DecisionRequest) -> dict[str, Any]:
    return await _decide(graph, body, "merge")


@router.delete(
    "/{id}",
    response_model=Decision,
    summary="Undo a merge: the two answer separately again",
    responses=responses(401, 403, 404, 422, 503),
    dependencies=[ApiKeyRequired],
)
async def undo(
    graph: GraphDep,
    id: Annotated[str, Path(min_length=3, max_length=100, description="the decision's id (GET /v1/resolutions)")],  # noqa: A002
    reason: Annotated[str, Query(min_length=1, max_length=2000, description="why (recorded with the undo)")],
) -> dict[str, Any]:
    pair = await run_in_threadpool(decisions.pair_of, graph, id)
    return await _decide(graph, DecisionRequest(subject=pair[0], object=pair[1], reason=reason), "undo")
