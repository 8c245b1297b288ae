"""Entities: search, one entity, its neighbours, its regulatory exposure, the ownership rule's finding."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from graph import ownership as ownership_reads
from graph import reads
from ownership import service as ownership_rule
from schema.ontology import EntityType, Predicate, Stance

from ..answers import answer
from ..deps import GraphDep, SettingsDep
from ..errors import responses
from ..models import EntityDetail, Neighborhood, SearchPage
from ..ownership_models import ExposureWithOwnership, Ownership
from ..params import AsOf, KnownAt, PredicatesQ, StancesQ, UndatedQ, as_of_key, split_enum

router = APIRouter(prefix="/v1/entities", tags=["entities"])

# The read routes are ``async def`` and run their plan on the event loop (the async driver); their
# answers become JSON through api/answers.py (REGKG_API_RESPONSES: as shaped, or through the model).

EntityId = Annotated[
    str,
    Path(
        description="entity id, e.g. firm:kaspersky-lab", min_length=3, max_length=300, examples=["firm:kaspersky-lab"]
    ),
]


@router.get(
    "",
    response_model=SearchPage,
    summary="Search names, aliases and identifiers; or browse a type",
    description="One hit per same-as cluster (its canonical entity, with its members); an exact name, alias, "
    "code or identifier first. Without `q`, the entities of `type` by name.",
    responses=responses(422, 503),
)
async def search(
    request: Request,
    graph: GraphDep,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="name, alias, code or identifier; fuzzy, accent-insensitive"),
    ] = None,
    type: Annotated[EntityType | None, Query(description="only this entity type")] = None,  # noqa: A002
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=900)] = 0,
) -> dict[str, Any] | Response:
    return answer(request, await reads.search.aio(graph, q, type, limit, offset), SearchPage)


@router.get(
    "/{id}",
    response_model=EntityDetail,
    summary="One entity",
    description="A member of a same-as cluster answers with the cluster's canonical entity (its `id`; the "
    "requested id is among its `members`, and `Content-Location` names the canonical entity).",
    responses=responses(404, 422, 503),
)
async def get_entity(request: Request, graph: GraphDep, id: EntityId, response: Response) -> dict[str, Any] | Response:  # noqa: A002
    found = await reads.entity.aio(graph, id)
    out = answer(request, found, EntityDetail)
    if found["id"] != id:
        (out if isinstance(out, Response) else response).headers["Content-Location"] = f"/v1/entities/{found['id']}"
    return out


@router.get(
    "/{id}/neighbors",
    response_model=Neighborhood,
    summary="Facts around an entity, capped per predicate",
    responses=responses(404, 422, 503),
)
async def neighbors(
    request: Request,
    graph: GraphDep,
    id: EntityId,  # noqa: A002
    predicates: PredicatesQ = None,
    direction: Annotated[Literal["out", "in", "both"], Query(description="edge direction")] = "both",
    stances: StancesQ = None,
    as_of: AsOf = None,
    undated: UndatedQ = "mark",
    known_at: KnownAt = None,
    limit: Annotated[int, Query(ge=1, le=500, description="at most this many facts per predicate and direction")] = 25,
    offset: Annotated[
        int, Query(ge=0, le=1_000_000, description="each group's page starts at this fact (page a truncated group)")
    ] = 0,
) -> dict[str, Any] | Response:
    found = await reads.neighbors.aio(
        graph,
        id,
        split_enum(predicates, Predicate, "predicates"),
        direction,
        split_enum(stances, Stance, "stances"),
        as_of_key(as_of),
        limit,
        undated,
        as_of_key(known_at),
        offset,
    )
    return answer(request, found, Neighborhood)


RuleQ = Annotated[
    Literal["ofac", "eu"] | None,
    Query(
        description="the ownership rule: ofac (50 % or more in the aggregate by blocked persons) or eu (more than "
        "50 %, or control); default: the server's REGKG_OWNERSHIP_RULE"
    ),
]


@router.get(
    "/{id}/exposure",
    response_model=ExposureWithOwnership,
    summary="Regulatory actions reaching an entity directly or through ownership / part-of chains",
    description="Each action with the chain it reaches the entity by; and `ownership`, the ownership rule's "
    "finding on the entity (computed from the ownership facts above it, citing the rule).",
    responses=responses(404, 422, 503, 504),
)
async def exposure(
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
    id: EntityId,  # noqa: A002
    max_hops: Annotated[int, Query(ge=0, le=6, description="longest ownership/part-of chain walked")] = 3,
    as_of: AsOf = None,
    undated: UndatedQ = "mark",
    known_at: KnownAt = None,
    rule: RuleQ = None,
) -> dict[str, Any] | Response:
    options = ownership_rule.Options.of(settings, rule)
    found = await ownership_reads.exposure.aio(
        graph,
        id,
        max_hops,
        as_of_key(as_of),
        settings.query_timeout,
        undated,
        as_of_key(known_at),
        ownership_rule.blocking_lists(options.block_kinds),
    )  # exposure and the rule's data: one query
    finding = ownership_rule.finding(found.pop("ownership"), options)
    return answer(request, found | {"ownership": ownership_rule.summary(finding)}, ExposureWithOwnership)


@router.get(
    "/{id}/ownership",
    response_model=Ownership,
    summary="The ownership tree above an entity and the 50 % rule's finding",
    description="Every holding above the entity (owns facts with their share, subsidiary-of facts with none), "
    "each with its dates and quote; which owners are blocked — listed (sanctioned-by, or listed-on a list of the "
    "blocking kinds) or blocked by the rule, recursively — and why; the combined share of blocked owners; and "
    "`blocked_by_50_percent_rule`: true, false or unknown when a share that is not stated could decide it "
    "(`missing` names those holdings; a share is never assumed). Cycles end a branch (`cycle`).",
    responses=responses(404, 422, 503),
)
async def ownership(
    graph: GraphDep,
    settings: SettingsDep,
    id: EntityId,  # noqa: A002
    as_of: AsOf = None,
    stances: StancesQ = None,
    rule: RuleQ = None,
    max_depth: Annotated[int, Query(ge=1, le=10, description="levels of owners walked up")] = 10,
) -> dict[str, Any]:
    return await run_in_threadpool(
        ownership_rule.assess_entity,
        graph,
        id,
        as_of=as_of_key(as_of),
        stances=[s.value for s in split_enum(stances, Stance, "stances") or []] or None,
        options=ownership_rule.Options.of(settings, rule),
        max_depth=max_depth,
    )
