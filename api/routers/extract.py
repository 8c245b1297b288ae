"""POST /v1/extract: candidate claims from an article (API key required). With
REGKG_EXTRACT_LLM_URL set, a language model's checked proposals join the rules' and the refused ones
are answered in ``rejected`` with their reasons (extract/llm.py); a model that cannot be asked is a 502."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from extract import LlmBackend, propose
from graph import reads
from schema.models import Entity

from .. import examples
from ..deps import ApiKeyRequired, GraphDep, SettingsDep
from ..errors import responses

router = APIRouter(prefix="/v1", tags=["extract"])


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.EXTRACT_REQUEST]})

    text: str = Field(min_length=1, max_length=5_000_000, description="the article as plain text")
    meta: dict[str, Any] = Field(
        default_factory=dict, description="url, title, publisher, author, published_at, retrieved_at, kind"
    )
    use_graph: bool = Field(True, description="use the graph's reviewed entities as the gazetteer")


class RejectedProposal(BaseModel):
    proposal: Any = Field(description="the language model's proposal, as it sent it")
    reason: str = Field(description="the gate it did not pass (quote not found, types, unknown id...)")


class ExtractResult(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.EXTRACT_RESULT]})

    sources: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    curated_yaml: str = Field(description="the same candidates in the curated format, for review")
    rejected: list[RejectedProposal] = Field(
        default_factory=list,
        description="the language model's proposals the checks refused, with the reason (empty without a model)",
    )


@router.post(
    "/extract",
    response_model=ExtractResult,
    summary="Propose claims with exact quotes from an article (for review; nothing is written)",
    responses=responses(401, 403, 422, 502, 503),
    dependencies=[ApiKeyRequired],
)
def extract(body: ExtractRequest, graph: GraphDep, settings: SettingsDep) -> ExtractResult:
    known = [Entity.model_validate(e) for e in reads.gazetteer(graph)] if body.use_graph else []
    proposal = propose(body.text, body.meta, known, llm=LlmBackend.from_settings(settings))
    parsed = proposal.parsed
    return ExtractResult(
        sources=[s.model_dump(mode="json", exclude={"text"}) for s in parsed.sources],
        entities=[e.model_dump(mode="json") for e in parsed.entities],
        claims=[c.model_dump(mode="json") for c in parsed.claims],
        curated_yaml=proposal.curated_yaml(),
        rejected=[RejectedProposal(proposal=r.proposal, reason=r.reason) for r in proposal.rejected],
    )
