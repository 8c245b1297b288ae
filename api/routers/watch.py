"""Monitoring: watchlists (API key to add), alerts when a watched record's exposure changes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.concurrency import run_in_threadpool

from graph import watch
from graph.database import Graph
from ownership.service import Options
from screen import monitor

from ..deps import ApiKeyRequired, GraphDep, SettingsDep
from ..errors import responses
from ..watch_models import Acknowledge, Alert, AlertList, WatchlistAdded, WatchlistList, WatchRequest

router = APIRouter(prefix="/v1", tags=["monitoring"])


@router.post(
    "/watchlists",
    response_model=WatchlistAdded,
    status_code=201,
    summary="Watch records: re-screened after every load run, alerts when their exposure changes (API key)",
    description="Records in the screening format, each with its `id`, added to the watchlist `name` (created "
    "when new; a record of the same id replaced). Stored in the graph with provenance (a Source holding the "
    "records, the load run that wrote it) and screened now: their baseline. After every load run and every "
    "resolution decision the records a change reaches are re-screened, and each new, changed or ended exposed "
    "match becomes an alert (GET /v1/alerts).",
    responses=responses(401, 403, 422, 503),
    dependencies=[ApiKeyRequired],
)
async def add(graph: GraphDep, settings: SettingsDep, body: WatchRequest) -> dict[str, Any]:
    ownership = Options.of(settings)
    return await run_in_threadpool(lambda: monitor.add(graph, body.name, body.records, body.by, ownership=ownership))


@router.get(
    "/watchlists",
    response_model=WatchlistList,
    summary="The watchlists (API key: they hold a customer's records)",
    responses=responses(401, 403, 422, 503),
    dependencies=[ApiKeyRequired],
)
async def watchlists(graph: GraphDep) -> dict[str, Any]:
    return {"items": await run_in_threadpool(watch.watchlists, graph)}


@router.get(
    "/alerts",
    response_model=AlertList,
    summary="Alerts: new, changed or ended exposed matches of watched records, newest first (API key)",
    description="Each with the record, the match's explanation, the changes that caused it (the facts added or "
    "ended, with their quotes) and the load run. `since`: alerts created after this date-time. Needs the key: "
    "alerts hold the watched records.",
    responses=responses(401, 403, 422, 503),
    dependencies=[ApiKeyRequired],
)
async def alerts(
    graph: GraphDep,
    since: Annotated[str | None, Query(max_length=40, description="ISO date-time: alerts created after it")] = None,
    watchlist: Annotated[str | None, Query(max_length=200, description="one watchlist's alerts (its id)")] = None,
    acknowledged: Annotated[bool | None, Query(description="only acknowledged (true) or open (false) ones")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    return await run_in_threadpool(
        lambda: watch.alerts(
            graph, watchlist=watchlist, since=since, acknowledged=acknowledged, limit=limit, offset=offset
        )
    )


@router.post(
    "/alerts/{id}/acknowledge",
    response_model=Alert,
    summary="Acknowledge an alert (API key): who, and when (the first acknowledgement stays)",
    responses=responses(401, 403, 404, 422, 503),
    dependencies=[ApiKeyRequired],
)
async def acknowledge(
    graph: GraphDep,
    id: Annotated[str, Path(min_length=7, max_length=100, description="the alert's id")],  # noqa: A002
    body: Acknowledge,
) -> dict[str, Any]:
    return await run_in_threadpool(_acknowledge, graph, id, body.by)


def _acknowledge(graph: Graph, alert_id: str, by: str) -> dict[str, Any]:
    return watch.acknowledge(graph, alert_id, by)
