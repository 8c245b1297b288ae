"""How is A connected to B: the k shortest paths, evidence on every hop."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from graph import reads
from schema.ontology import Predicate, Stance

from ..answers import answer
from ..deps import GraphDep, SettingsDep
from ..errors import responses
from ..models import Paths
from ..params import AsOf, PredicatesQ, StancesQ, UndatedQ, as_of_key, split_enum

router = APIRouter(prefix="/v1", tags=["paths"])

MAX_HOPS = 6


@router.get(
    "/paths",
    response_model=Paths,
    summary="k shortest paths between two entities",
    responses=responses(404, 422, 503, 504),
)
async def paths(
    request: Request,
    graph: GraphDep,
    settings: SettingsDep,
    from_: Annotated[
        str,
        Query(
            alias="from", min_length=3, max_length=300, description="start entity id", examples=["firm:kaspersky-lab"]
        ),
    ],
    to: Annotated[str, Query(min_length=3, max_length=300, description="end entity id", examples=["country:ru"])],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description=f"hop cap (at most {MAX_HOPS})")] = 4,
    limit: Annotated[int, Query(ge=1, le=20, description="k: how many paths")] = 5,
    predicates: PredicatesQ = None,
    stances: StancesQ = None,
    as_of: AsOf = None,
    undated: UndatedQ = "mark",
    directed: Annotated[bool, Query(description="follow facts only in their direction")] = False,
    max_degree: Annotated[
        int | None,
        Query(
            ge=1,
            le=1_000_000_000,
            description="hubs: paths may start or end at an entity with more fact edges than this, but never "
            "pass through one (a country every firm is based in is not a connection); default REGKG_PATH_MAX_DEGREE "
            "(1000); a huge value walks through everything, slowly",
        ),
    ] = None,
) -> dict[str, Any] | Response:
    found = await reads.paths.aio(
        graph,
        from_,
        to,
        max_hops=max_hops,
        limit=limit,
        predicates=split_enum(predicates, Predicate, "predicates"),
        stances=split_enum(stances, Stance, "stances"),
        as_of=as_of_key(as_of),
        directed=directed,
        timeout=settings.query_timeout,
        max_degree=max_degree or settings.path_max_degree,
        undated=undated,
    )
    return answer(request, found, Paths)
