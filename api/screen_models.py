"""Request and response models of screening (POST /v1/screen), with their examples."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from schema.ontology import EntityType
from screen.matcher import CUTOFF, THRESHOLD
from screen.records import ScreenRecord

from .models import ExposureAction, Member, _Out, example
from .ownership_models import OWNERSHIP_SUMMARY, OwnershipSummary

_RECORD = {"id": "customer-17", "name": "Kaspersky Labs Ltd.", "type": "Firm", "country": "RU"}
_FIRM = {
    "id": "firm:kaspersky-lab",
    "type": "Firm",
    "name": "Kaspersky Lab",
    "aliases": ["Kaspersky"],
    "weak_aliases": [],
    "country": "RU",
    "nationalities": [],
    "birth_dates": [],
    "birth_places": [],
    "identifiers": {},
    "members": [],
}
_BAN = {
    "fact_id": "fact:982367455608cf46787b",
    "subject": "firm:kaspersky-lab",
    "predicate": "banned-by",
    "object": "country:us",
    "stances": ["asserted", "disputed"],
    "valid_from": "2017",
    "valid_to": None,
    "gaps": [],
    "n_claims": 2,
    "n_sources": 1,
    "asserted_by": ["country:us"],
    "alleged_by": [],
    "proposed_by": [],
    "disputed_by": ["firm:kaspersky-lab"],
    "denied_by": [],
    "retracted_by": [],
    "confidence": 1.0,
    "quote": "the US banned Kaspersky’s use on a federal level back in 2017",
    "direction": None,
    "validity": None,
}
SCREEN_REQUEST: dict[str, Any] = {"records": [_RECORD], "threshold": THRESHOLD, "limit": 3}
SCREEN_ANSWER: dict[str, Any] = {
    "results": [
        {
            "record_id": "customer-17",
            "matches": [
                {
                    "entity": _FIRM,
                    "score": 0.9588,
                    "match": True,
                    "explanation": [
                        {
                            "feature": "name_match",
                            "score": 0.9588,
                            "weight": 1.0,
                            "query_value": "kaspersky labs",
                            "entity_value": "Kaspersky Lab; Kaspersky",
                            "detail": "['labs'≈'lab' symbolMatch [DOMAIN:LAB]: 0.90, weight 0.70] "
                            "['kaspersky' literalMatch: 1.00, weight 1.00]",
                        }
                    ],
                    "exposure": [
                        {
                            "fact": _BAN,
                            "path": {"nodes": [], "edges": [], "length": 0},
                            "via": "firm:kaspersky-lab",
                        }
                    ],
                    "ownership": OWNERSHIP_SUMMARY
                    | {
                        "blocked": False,
                        "blocked_by_50_percent_rule": "false",
                        "reason": "no owners are recorded, so blocked owners hold 0 % (below 50 %)",
                        "blocked_share": 0.0,
                        "blocked_share_max": 0.0,
                    },
                    "decision": None,
                }
            ],
        }
    ],
    "receipt": {
        "graph_version": "3f2a9c0d1e4b5a67",
        "matcher": {"algorithm": "logic-v2", "library": "nomenklatura 4.17.4", "threshold": 0.7, "cutoff": 0.5},
        "threshold": 0.7,
        "as_of": None,
        "ownership_rule": "ofac",
    },
}


_DECISION = {
    "id": "claim:4be1f0c2a9d35e7781c0aa12",
    "fact_id": "fact:0c4f2b9e71d3a5e8b6f0",
    "record_id": "customer-17",
    "record_entity": "record:customer-17-5d0e81a3",
    "entity_id": "firm:kaspersky-lab",
    "verdict": "false-positive",
    "by": "a.analyst",
    "reason": "our customer is a Kaspersky reseller in Lyon, not the Moscow firm",
    "decided_at": "2026-12-05T09:00:00+00:00",
    "exposure_digest": "9c1e2f00a7b3d4e5",
    "source": "source:screening-decision-0f3a9b7c1d2e4f50",
    "run": "run:2f0c1d9e8b7a46c5a1e3d7b9c0f2a4e6",
}
DECISION_REQUEST: dict[str, Any] = {k: _DECISION[k] for k in ("record_id", "entity_id", "verdict", "by", "reason")}
DECISION_LIST: dict[str, Any] = {"items": [_DECISION], "total": 1, "limit": 100, "offset": 0}


class DecisionRequest(BaseModel):
    """A reviewed screening result: the record (its id in screening answers), the entity, the verdict."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [DECISION_REQUEST]}
    )

    record_id: str = Field(min_length=1, max_length=200)
    entity_id: str = Field(min_length=1, max_length=300)
    verdict: Literal["false-positive", "true-match"]
    by: str = Field(min_length=1, max_length=200, description="who decided")
    reason: str = Field(min_length=1, max_length=2000, description="why")


class DecisionRecorded(_Out):
    """A decision as the graph holds it: the claim ``(record) screened-as (entity)``, stance
    ``asserted`` (a true match) or ``denied`` (a false positive), and its provenance."""

    model_config = example(_DECISION)

    id: str = Field(description="the decision's claim")
    fact_id: str = Field(description="its fact: GET /v1/facts/{fact_id}/provenance shows the claim and its source")
    record_id: str
    record_entity: str = Field(description="the screened record in the graph (an entity of type Record)")
    entity_id: str
    verdict: str
    by: str
    reason: str
    decided_at: str
    exposure_digest: str = Field(description="the entity's regulatory exposure when decided (a change un-suppresses)")
    source: str = Field(description="the Source holding the decision's line (its provenance)")
    run: str | None = Field(description="the load run that wrote it")


class DecisionList(_Out):
    model_config = example(DECISION_LIST)

    items: list[DecisionRecorded]
    total: int
    limit: int
    offset: int


class ScreenRequest(BaseModel):
    """Up to 1,000 records, answered in order."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [SCREEN_REQUEST]})

    records: list[ScreenRecord] = Field(min_length=1, max_length=1000)
    threshold: float = Field(THRESHOLD, ge=0.0, le=1.0, strict=True, description="a score at or above it is a match")
    limit: int = Field(
        5, ge=1, le=25, strict=True, description=f"matches per record, best first (scores ≥ {CUTOFF} only)"
    )
    as_of: str | None = Field(None, description="exposure valid on this day (YYYY, YYYY-MM or YYYY-MM-DD)")


class Explanation(_Out):
    feature: str = Field(description="the matcher's feature (GET /v1/screen/features lists them with weights)")
    score: float
    weight: float | None = None
    query_value: str | None = None
    entity_value: str | None = None
    detail: str | None = None


class ScreenedMember(Member):
    aliases: list[str] = []
    country: str | None = None
    identifiers: dict[str, str] = {}


class ScreenedEntity(_Out):
    id: str
    type: EntityType
    name: str
    aliases: list[str] = []
    weak_aliases: list[str] = Field([], description="nicknames and low-quality aliases (OFAC's a.k.a. in remarks)")
    country: str | None = None
    nationalities: list[str] = []
    birth_dates: list[str] = []
    birth_places: list[str] = []
    identifiers: dict[str, str] = {}
    members: list[ScreenedMember] = Field([], description="the ids a same-as decision joins to it")


class Decision(_Out):
    verdict: str = Field(description="false-positive or true-match")
    by: str
    reason: str
    decided_at: str
    suppressed: bool = Field(description="a false positive whose entity's regulatory facts did not change since")


class ScreenMatch(_Out):
    entity: ScreenedEntity
    score: float = Field(ge=0.0, le=1.0)
    match: bool = Field(description="score ≥ threshold")
    explanation: list[Explanation]
    exposure: list[ExposureAction] | None = Field(
        description="regulatory facts on the entity or reaching it up ownership / part-of / same-as chains; "
        "read for matches (score ≥ threshold), null for a candidate below it"
    )
    ownership: OwnershipSummary | None = Field(
        None,
        description="the ownership rule's finding on the entity (computed; the tree: GET "
        "/v1/entities/{id}/ownership); for matches, null for a candidate below the threshold",
    )
    decision: Decision | None = None


class ScreenResult(_Out):
    record_id: str
    matches: list[ScreenMatch]


class Receipt(_Out):
    graph_version: str
    matcher: dict[str, Any]
    threshold: float
    as_of: str | None = None
    ownership_rule: str = Field("ofac", description="the ownership rule the findings apply (ofac or eu)")


class ScreenAnswer(_Out):
    model_config = example(SCREEN_ANSWER)

    results: list[ScreenResult]
    receipt: Receipt
