"""Facts by triple, and the full provenance of one fact."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from graph import reads
from schema.ontology import Predicate, Stance

from .. import examples
from ..answers import answer as json_answer
from ..deps import GraphDep
from ..errors import responses
from ..models import FactList, Provenance
from ..params import PredicatesQ, StancesQ, split_enum
from ..prov import MEDIA_TYPE as JSONLD
from ..prov import to_prov_jsonld

router = APIRouter(prefix="/v1/facts", tags=["facts"])


@router.get("", response_model=FactList, summary="Facts by (subject, predicate, object)", responses=responses(422, 503))
async def facts(
    request: Request,
    graph: GraphDep,
    subject: Annotated[str | None, Query(max_length=300, description="subject entity id")] = None,
    predicates: PredicatesQ = None,
    object: Annotated[str | None, Query(max_length=300, description="object entity id")] = None,  # noqa: A002
    stances: StancesQ = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    predicate: Annotated[
        Predicate | None, Query(description="one predicate (deprecated: `predicates`, as every route names it)")
    ] = None,
) -> dict[str, Any] | Response:
    chosen = split_enum(stances, Stance, "stances")
    wanted = split_enum(predicates, Predicate, "predicates") or []
    wanted += [predicate] if predicate and predicate not in wanted else []
    found = await reads.facts.aio(graph, subject, wanted or None, object, limit, offset, chosen)
    return json_answer(request, found, FactList)


@router.get(
    "/{fact_id}/provenance",
    response_model=Provenance,
    summary="Every claim behind a fact: stance, who asserts it, quotes, sources and their chains, load runs",
    description="JSON by default; with `Accept: application/ld+json` the same answer as W3C PROV-O JSON-LD "
    "(claims and sources as prov:Entity, load runs as prov:Activity, asserting parties as prov:Agent).",
    responses={
        200: {"content": {JSONLD: {"schema": {"type": "object"}, "example": examples.PROVENANCE_JSONLD}}},
        **responses(404, 422, 503),
    },
)
async def provenance(
    request: Request,
    graph: GraphDep,
    fact_id: Annotated[str, Path(min_length=1, max_length=100, description="fact id", examples=[examples.BAN])],
) -> Any:
    answer = await reads.provenance.aio(graph, fact_id)
    if JSONLD in request.headers.get("accept", ""):
        as_json = Provenance.model_validate(answer).model_dump(mode="json")
        return JSONResponse(to_prov_jsonld(as_json), media_type=JSONLD)
    return json_answer(request, answer, Provenance)
