"""POST /v1/claims: write claims in the curated format (API key required), all or nothing."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

from fastapi import APIRouter, Body
from fastapi.concurrency import run_in_threadpool

from graph import ingest, lookup
from graph.database import Graph
from loaders import curated
from schema.errors import InvalidInput

from ..deps import ApiKeyRequired, GraphDep
from ..errors import responses
from ..models import ClaimsWritten

router = APIRouter(prefix="/v1", tags=["claims"])

EXAMPLE: dict[str, Any] = {
    "sources": [
        {
            "id": "source:example-notice",
            "title": "An agency's notice",
            "kind": "press-release",
            "publisher": "Bureau of Industry and Security",
            "published_at": "2024-06-20",
            "text": "BIS added Example Corp to the Entity List.",
        }
    ],
    "entities": [{"id": "firm:example-corp", "type": "Firm", "name": "Example Corp"}],
    "claims": [
        {
            "subject": "firm:example-corp",
            "predicate": "listed-on",
            "object": "list:us-bis-entity-list",
            "asserted_by": "agency:us-bis",
            "valid_from": "2024-06-20",
            "source": "source:example-notice",
            "quote": "BIS added Example Corp to the Entity List",
        }
    ],
}


@router.post(
    "/claims",
    response_model=ClaimsWritten,
    status_code=201,
    summary="Write claims (the curated format as JSON): validated, all or nothing, idempotent",
    description="The same validation as `regkg load curated`: every quote must occur in its source's text, "
    "ids must resolve, the ontology must allow each claim. Any problem → 422 naming the JSON path of the "
    "field, and nothing is written. The same body again writes nothing. Sources give their text inline.",
    responses=responses(401, 403, 422, 503),
    dependencies=[ApiKeyRequired],
)
async def write_claims(graph: GraphDep, body: Annotated[dict[str, Any], Body(examples=[EXAMPLE])]) -> dict[str, Any]:
    return await run_in_threadpool(_write, graph, body)


def _write(graph: Graph, body: dict[str, Any]) -> dict[str, Any]:
    parsed = curated.load_document(body, "request", lambda ids: lookup.resolve_ids(graph, ids))
    if parsed.rejects:
        first = parsed.rejects[0]
        raise InvalidInput(
            f"{len(parsed.rejects)} problem(s), nothing written; {first.field or 'the body'}: {first.message}",
            {"field": first.field, "rejects": [{"field": r.field, "message": r.message} for r in parsed.rejects]},
        )
    if not parsed.claims:
        raise InvalidInput("no claims: nothing to write", {"field": "claims"})
    digest = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    report = ingest.ingest(graph, parsed, loader="api", inputs=["POST /v1/claims"], input_sha256=digest)
    counts = report.counts
    return {
        "run_id": report.run_id,
        "reconfirmed": report.reconfirmed is not None,
        "claims": sorted(c.id for c in parsed.claims),
        "created": {
            "entities": counts.entities.created,
            "sources": counts.sources.created,
            "claims": counts.claims.created,
        },
    }
