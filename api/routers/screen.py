"""POST /v1/screen: records matched against the graph's entities, explained, with their exposure."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool

from config import Settings
from graph import screen_decisions, screening
from graph.database import Graph
from ownership import service as ownership_rule
from screen.service import Screener

from ..deps import ApiKeyRequired, GraphDep, SettingsDep
from ..errors import responses
from ..screen_models import DecisionList, DecisionRecorded, DecisionRequest, ScreenAnswer, ScreenRequest

router = APIRouter(prefix="/v1", tags=["screening"])


@router.post(
    "/screen",
    response_model=ScreenAnswer,
    summary="Screen up to 1,000 records: scored, explained matches with their regulatory exposure",
    description="Each record (a name and/or identifiers, with type, country and birth date when known) is "
    "matched against the graph's people, firms, organisations, agencies and assets — canonical entities, a "
    "same-as cluster answering as one — with nomenklatura's logic-v2 matcher: names across scripts, word "
    "orders, legal forms and typos; an equal identifier (INN, OGRN, LEI, IMO, …) dominates; another birth "
    "date or country lowers the score and says so. Answers in request order; each match lists the features "
    "that counted and the regulatory facts on the entity or reaching it through ownership / part-of / "
    "same-as, with stance, asserting party, dates and quote, and the ownership rule's finding (`ownership`: "
    "whether blocked owners hold 50 % or more, computed). The receipt names the graph version, the matcher "
    "and the ownership rule. A read: no API key (unless reads need one).",
    responses=responses(401, 403, 422, 503),
)
async def screen(graph: GraphDep, settings: SettingsDep, body: ScreenRequest) -> dict[str, Any]:
    return await run_in_threadpool(_screen, graph, body, settings)


def _screen(graph: Graph, body: ScreenRequest, settings: Settings) -> dict[str, Any]:
    screener = Screener(
        graph,
        threshold=body.threshold,
        limit=body.limit,
        as_of=body.as_of,
        timeout=settings.query_timeout,
        ownership=ownership_rule.Options.of(settings),
    )
    results = screener.batch(body.records)
    return {"results": results, "receipt": screener.receipt()}


@router.post(
    "/screen/decisions",
    response_model=DecisionRecorded,
    status_code=201,
    summary="Record a reviewed screening result: a false positive or a true match (API key)",
    description="A decision on a (record, entity) pair — the record's id as screening answers name it, the "
    "entity's id — with who decided and why. Later screenings of the same record show it; a false positive "
    "is dropped from them while the entity's regulatory exposure is as it was when decided (a new listing "
    "brings the match back). Written with provenance like every statement: a Source holding the decision's "
    "line, and the load run that wrote it.",
    responses=responses(401, 403, 404, 422, 503),
    dependencies=[ApiKeyRequired],
)
async def decide(graph: GraphDep, settings: SettingsDep, body: DecisionRequest) -> dict[str, Any]:
    return await run_in_threadpool(_decide, graph, body, settings.query_timeout)


def _decide(graph: Graph, body: DecisionRequest, timeout: float) -> dict[str, Any]:
    actions = screening.exposures(graph, [body.entity_id], None, timeout).get(body.entity_id, [])
    return screen_decisions.record(graph, body.record_id, body.entity_id, body.verdict, body.by, body.reason, actions)


@router.get(
    "/screen/decisions",
    response_model=DecisionList,
    summary="Screening decisions, newest first (of one record with record_id)",
    responses=responses(401, 403, 422, 503),
)
async def decisions(
    graph: GraphDep,
    record_id: Annotated[str | None, Query(max_length=200, description="one record's decisions")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    return await run_in_threadpool(screen_decisions.listing, graph, record_id, limit, offset)
