"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict
from starlette.concurrency import run_in_threadpool

from graph import migrations, storage
from graph.database import Graph
from schema.errors import GraphUnavailable

from .. import examples
from ..deps import GraphDep
from ..errors import ERROR_RESPONSES

router = APIRouter(tags=["health"])


class Health(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.HEALTH]})

    status: str


class Ready(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.READY]})

    status: str
    neo4j_version: str
    schema_version: int
    expected_schema_version: int


@router.get("/health", response_model=Health, summary="Liveness: the process answers")
async def health() -> Health:
    return Health(status="ok")


@router.get(
    "/ready",
    response_model=Ready,
    summary="Readiness: Neo4j reachable and migrated",
    responses={503: ERROR_RESPONSES[503]},
)
async def ready(graph: GraphDep) -> Ready:
    return await run_in_threadpool(_ready, graph)


def _ready(graph: Graph) -> Ready:
    version = graph.server_version()
    applied = migrations.applied_version(graph)
    if applied != storage.SCHEMA_VERSION:
        raise GraphUnavailable(
            "the database is reachable but not migrated; run `regkg migrate`",
            {"schema_version": applied, "expected": storage.SCHEMA_VERSION},
        )
    return Ready(
        status="ready",
        neo4j_version=version,
        schema_version=applied,
        expected_schema_version=storage.SCHEMA_VERSION,
    )
