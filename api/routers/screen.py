"""POST /v1/screen: records matched against the graph's entities, explained, with their exposure."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from graph.database import Graph
from schema.dates import partial_date
from schema.errors import InvalidInput
from screen.service import Screener

from ..deps import GraphDep, SettingsDep
from ..errors import responses
from ..screen_models import ScreenAnswer, ScreenRequest

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
    "same-as, with stance, asserting party, dates and quote. The receipt names the graph version and the "
    "matcher. A read: no API key (unless reads need one).",
    responses=responses(401, 403, 422, 503),
)
async def screen(graph: GraphDep, settings: SettingsDep, body: ScreenRequest) -> dict[str, Any]:
    return await run_in_threadpool(_screen, graph, body, settings.query_timeout)


def _screen(graph: Graph, body: ScreenRequest, timeout: float) -> dict[str, Any]:
    as_of = None
    if body.as_of:
        try:
            as_of = partial_date(body.as_of)
        except ValueError as exc:
            raise InvalidInput(f"as_of: {exc}", {"field": "as_of"}) from None
    screener = Screener(graph, threshold=body.threshold, limit=body.limit, as_of=as_of, timeout=timeout)
    results = screener.batch(body.records)
    return {"results": results, "receipt": screener.receipt()}
