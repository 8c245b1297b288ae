"""Response models of the ownership rule (GET /v1/entities/{id}/ownership; the summary in
exposure and screening), with their example: OFAC FAQ 401's third case."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from . import examples
from .models import Exposure, _Out, example

Verdict = Literal["true", "false", "unknown"]

_B_REASON = "owned 50 % or more by blocked persons: firm:a 40 % (blocked by the rule), person:x 10 % (listed: …)"
_RULE = {
    "name": "OFAC 50 % rule",
    "key": "ofac",
    "threshold": 50.0,
    "inclusive": True,
    "control": False,
    "cite": "OFAC, Revised Guidance on Entities Owned by Persons Whose Property and Interests in Property Are "
    "Blocked (2014); FAQs 398-402",
    "block_kinds": ["sanctions"],
    "computed": True,
}


def _node(**fields: Any) -> dict[str, Any]:
    """A tree node as the API answers it (every field, defaults included)."""
    return {"listings": [], "cycle": False, "truncated": False} | fields


_X = _node(
    **{
        "entity": "person:x",
        "name": "X",
        "type": "Person",
        "status": "blocked",
        "listed": "listed-on Specially Designated Nationals and Blocked Persons List (since 2022-03-11)",
        "by_rule": "false",
        "reason": "listed (listed-on Specially Designated Nationals and Blocked Persons List (since 2022-03-11)); "
        "the rule alone would not block it: no owners are recorded, so blocked owners hold 0 % (below 50 %)",
        "blocked_share": 0.0,
        "holdings": [],
        "listings": [
            {
                "fact_id": "fact:5e0c3b1f2a9d8e7c6b5a",
                "predicate": "listed-on",
                "by": "list:us-ofac-sdn",
                "by_name": "Specially Designated Nationals and Blocked Persons List",
                "quote": "X (a.k.a. ...) [RUSSIA-EO14024]",
                "valid_from": "2022-03-11",
                "valid_to": None,
                "stances": ["asserted"],
            }
        ],
    }
)


def _holding(owner: dict[str, Any], share: float, fact: str) -> dict[str, Any]:
    return {
        "owner": owner["entity"],
        "share": share,
        "fact_id": fact,
        "quote": f"{owner['name']} holds {share:g} % of the shares",
        "valid_from": None,
        "valid_to": None,
        "stances": ["asserted"],
        "control": False,
        "node": owner,
    }


_A = _node(
    **{
        "entity": "firm:a",
        "name": "A",
        "type": "Firm",
        "status": "blocked",
        "listed": None,
        "by_rule": "true",
        "reason": "owned 50 % or more by blocked persons: person:x 50 % (listed: …)",
        "blocked_share": 50.0,
        "holdings": [_holding(_X, 50.0, "fact:1a2b3c4d5e6f7a8b9c0d")],
    }
)
OWNERSHIP: dict[str, Any] = {
    "entity": {"id": "firm:b", "name": "B", "type": "Firm"},
    "blocked": True,
    "blocked_by_50_percent_rule": "true",
    "reason": _B_REASON,
    "blocked_share": 50.0,
    "blocked_share_max": 50.0,
    "missing": [],
    "rule": _RULE,
    "tree": _node(
        **{
            "entity": "firm:b",
            "name": "B",
            "type": "Firm",
            "status": "blocked",
            "listed": None,
            "by_rule": "true",
            "reason": _B_REASON,
            "blocked_share": 50.0,
            "holdings": [
                _holding(_A, 40.0, "fact:2b3c4d5e6f7a8b9c0d1e"),
                _holding(_X, 10.0, "fact:3c4d5e6f7a8b9c0d1e2f"),
            ],
        }
    ),
}
OWNERSHIP_SUMMARY: dict[str, Any] = {k: OWNERSHIP[k] for k in ("blocked", "blocked_by_50_percent_rule", "reason")} | {
    "blocked_share": 50.0,
    "blocked_share_max": 50.0,
    "rule": _RULE,
    "missing": 0,
}


class RuleApplied(_Out):
    name: str
    key: Literal["ofac", "eu"]
    threshold: float
    inclusive: bool = Field(description="true: the threshold or more blocks (OFAC); false: more than it (EU)")
    control: bool = Field(description="control by a blocked person blocks too (EU)")
    cite: str
    block_kinds: list[str] = Field(description="the kinds of list whose listing blocks (sanctioned-by always does)")
    computed: bool = Field(description="always true: the finding is computed from the graph, no source states it")


class Listing(_Out):
    fact_id: str
    predicate: str
    by: str
    by_name: str | None
    quote: str | None
    valid_from: str | None
    valid_to: str | None
    stances: list[str]


class OwnershipHolding(_Out):
    owner: str
    share: float | None = Field(description="percent; null: the source states no share (never assumed)")
    fact_id: str | None
    quote: str | None
    valid_from: str | None
    valid_to: str | None
    stances: list[str]
    control: bool
    node: OwnershipNode


class MissingHolding(_Out):
    owner: str
    owner_name: str | None = None
    owned: str
    share: float | None
    fact_id: str | None
    quote: str | None


class OwnershipNode(_Out):
    entity: str
    name: str | None = None
    type: str | None = None
    status: Literal["blocked", "not-blocked", "unknown"] | None = Field(
        None, description="blocked (listed, or by the rule), not-blocked or unknown; absent on a cycle's repeat"
    )
    listed: str | None = Field(None, description="why it is blocked in its own right (its listings), if it is")
    by_rule: Verdict | None = Field(None, description="the rule's verdict from its owners alone")
    reason: str | None = None
    blocked_share: float | None = None
    holdings: list[OwnershipHolding] = []
    listings: list[Listing] = []
    cycle: bool = Field(False, description="the entity repeats on this branch: the tree stops here")
    truncated: bool = Field(False, description="owners above this node were not walked (depth or size bound)")


class Ownership(_Out):
    model_config = example(OWNERSHIP)

    entity: dict[str, Any]
    blocked: bool | None = Field(description="blocked (listed or by the rule); null: unknown")
    blocked_by_50_percent_rule: Verdict = Field(description="the rule's verdict from the owners alone")
    reason: str
    blocked_share: float = Field(description="percent held by blocked owners, known shares only")
    blocked_share_max: float = Field(description="the most it could be, counting shares not stated")
    missing: list[MissingHolding] = Field(description="holdings whose unstated share would decide an unknown answer")
    rule: RuleApplied
    tree: OwnershipNode


class OwnershipSummary(_Out):
    """The rule's finding in exposure and screening answers (the tree: GET /v1/entities/{id}/ownership)."""

    model_config = example(OWNERSHIP_SUMMARY)

    blocked: bool | None
    blocked_by_50_percent_rule: Verdict
    reason: str
    blocked_share: float
    blocked_share_max: float
    rule: RuleApplied
    missing: int = Field(description="how many holdings' unstated shares would decide it")


OwnershipHolding.model_rebuild()


class ExposureWithOwnership(Exposure):
    """Exposure, and the ownership rule's finding on the entity (computed, citing the rule)."""

    model_config = example(examples.EXPOSURE | {"ownership": OWNERSHIP_SUMMARY})

    ownership: OwnershipSummary | None = Field(
        description="the ownership rule's finding (computed from the graph's ownership facts; the tree: "
        "GET /v1/entities/{id}/ownership)"
    )
