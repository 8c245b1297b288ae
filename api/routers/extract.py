"""POST /v1/extract: candidate claims from an article (API key required)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from extract import propose
from graph import reads
from schema.models import Entity

from .. import examples
from ..deps import ApiKeyRequired, GraphDep
from ..errors import responses

router = APIRouter(prefix="/v1", tags=["extract"])


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.EXTRACT_REQUEST]})

    text: str = Field(min_length=1, max_length=5_000_000, description="the article as plain text")
    meta: dict[str, Any] = Field(
        default_factory=dict, description="url, title, publisher, author, published_at, retrieved_at, kind"
    )
    use_graph: bool = Field(True, description="use the graph's reviewed entities as the gazetteer")


class ExtractResult(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.EXTRACT_RESULT]})

    sources: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    curated_yaml: str = Field(description="the same candidates in the curated format, for review")


@router.post(
    "/extract",
    response_model=ExtractResult,
    summary="Propose claims with exact quotes from an article (for review; nothing is written)",
    responses=responses(401, 403, 422, 503),
    dependencies=[ApiKeyRequired],
)
def extract(body: ExtractRequest, graph: GraphDep) -> ExtractResult:
    known = [Entity.model_validate(e) for e in reads.gazetteer(graph)] if body.use_graph else []
    proposal = propose(body.text, body.meta, known)
    parsed = proposal.parsed
    return ExtractResult(
        sources=[s.model_dump(mode="json", exclude={"text"}) for s in parsed.sources],
        entities=[e.model_dump(mode="json") for e in parsed.entities],
        claims=[c.model_dump(mode="json") for c in parsed.claims],
        curated_yaml=proposal.curated_yaml(),
    )
