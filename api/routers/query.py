"""Guarded analyst Cypher: read-only, with a timeout and a row cap; saved queries (``queries/``) by
name through the same guard; JSON, or CSV when the request's ``Accept`` asks for ``text/csv``."""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from graph import guard, saved

from ..deps import GraphDep, SettingsDep
from ..errors import responses
from ..models import QueryRequest, QueryResult, SavedQueries

CSV = "text/csv"

router = APIRouter(prefix="/v1", tags=["query"])


@router.post(
    "/query",
    response_model=QueryResult,
    summary="Run one read-only Cypher statement, or a saved query by name",
    description='`{"cypher": …, "params": {…}}` or `{"saved": NAME, "params": {…}}` (GET /v1/queries lists '
    "them; their parameters are checked against the declared types, defaults fill the rest). Read-only: a lexical "
    "screen, the planner's verdict, a READ transaction with a timeout and a row cap. A syntax error gives its "
    "line, column and offset in the statement as sent. JSON by default; with `Accept: text/csv` the same rows "
    "as CSV (a header line of the column names; `X-Regkg-Truncated: true` when the row cap cut it).",
    responses={
        200: {
            "content": {
                CSV: {"schema": {"type": "string"}, "example": "id,name\r\nfirm:kaspersky-lab,Kaspersky Lab\r\n"}
            }
        },
        **responses(400, 403, 404, 422, 503, 504),
    },
)
async def query(
    request: Request, graph: GraphDep, settings: SettingsDep, body: QueryRequest
) -> dict[str, Any] | Response:
    limit = min(body.limit, settings.query_row_limit)
    run: Callable[[], dict[str, Any]]
    if body.saved is not None:
        run = functools.partial(
            saved.run, graph, settings.queries_dir, body.saved, body.params, limit, settings.query_timeout
        )
    else:
        run = functools.partial(
            guard.run_readonly, graph, body.cypher or "", body.params, limit, settings.query_timeout
        )
    answer = await run_in_threadpool(run)
    if wants_csv(request.headers.get("accept", "")):
        truncated = "true" if answer["truncated"] else "false"
        body_text = as_csv(answer["columns"], answer["rows"])
        return Response(body_text, media_type=f"{CSV}; charset=utf-8", headers={"X-Regkg-Truncated": truncated})
    return answer


@router.get(
    "/queries",
    response_model=SavedQueries,
    summary="The saved queries: name, description, parameters (name, type, default) and statement",
    description='Run one with POST /v1/query `{"saved": NAME, "params": {…}}` or `regkg query NAME --param k=v`. '
    "They are the `*.cypher` files of the queries folder (REGKG_QUERIES_DIR).",
    responses=responses(422),
)
async def saved_queries(settings: SettingsDep) -> dict[str, Any]:
    found = await run_in_threadpool(saved.load_all, settings.queries_dir)
    items = [q.as_dict() for q in found.values()]
    return {"items": items, "total": len(items)}


def wants_csv(accept: str) -> bool:
    """Whether ``Accept`` prefers CSV to JSON (q-values weighed; a tie goes to the one asked by name)."""
    weight = {"csv": 0.0, "json": 0.0}
    for part in accept.split(","):
        media, *options = (p.strip().lower() for p in part.split(";"))
        q = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        kind = (
            "csv"
            if media in (CSV, "text/*")
            else "json"
            if media in ("application/json", "application/*", "*/*")
            else ""
        )
        if kind:
            weight[kind] = max(weight[kind], q)
    return weight["csv"] > 0 and weight["csv"] >= weight["json"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def as_csv(columns: list[str], rows: list[list[Any]]) -> str:
    """A header line of the column names, then one line per row; lists, maps, nodes as JSON."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()
