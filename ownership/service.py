"""The ownership rule over the graph: the tree above an entity, who in it is blocked and why.

Reads the holdings and blocking facts (:func:`graph.ownership.above`), turns them into
:class:`ownership.rule.Holding` and listing reasons, applies the rule (:func:`ownership.rule.assess`)
and gives every node of the tree its entity's name and type and, for a listed owner, the facts
that list it (with their quotes). Which lists block comes from the reference registry's list kinds.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from config import Settings
from graph import ownership as reads
from graph.database import Graph
from reference.registry import registry

from .rule import EU, OFAC, Holding, Rule, assess

RuleName = Literal["ofac", "eu"]
RULES: dict[str, Rule] = {"ofac": OFAC, "eu": EU}


@dataclass(frozen=True)
class Options:
    """The rule the findings apply: which one, a threshold other than its own, the list kinds that block."""

    rule: RuleName = "ofac"
    threshold: float | None = None
    block_kinds: tuple[str, ...] = ("sanctions",)

    @classmethod
    def of(cls, settings: Settings, rule: RuleName | None = None) -> Options:
        """The server's configuration (REGKG_OWNERSHIP_*), with a request's ``rule`` when it names one."""
        kinds = tuple(settings.ownership_block_kinds)
        return cls(rule or settings.ownership_rule, settings.ownership_threshold, kinds)

    def applied(self) -> Rule:
        base = RULES[self.rule]
        return base if self.threshold is None else replace(base, threshold=self.threshold)


def blocking_lists(kinds: Collection[str]) -> list[str]:
    """The ids of the registry's lists of these kinds (``sanctions``: SDN, SSI, FSE …)."""
    return sorted(ref.entity.id for ref in registry().lists() if ref.kind in kinds)


def _listed_reason(facts: Sequence[dict[str, Any]]) -> str:
    """``sanctioned-by Office of Foreign Assets Control (since 2022-04-06)``, several joined by ``; ``."""
    parts = []
    for f in facts:
        since = f" (since {f['valid_from']})" if f.get("valid_from") else ""
        parts.append(f"{f['predicate']} {f['by_name'] or f['by']}{since}")
    return "; ".join(dict.fromkeys(parts))


def _holdings(rows: Sequence[dict[str, Any]]) -> list[Holding]:
    return [
        Holding(
            owner=r["owner"],
            owned=r["owned"],
            share=r["fact"]["share"],
            fact_id=r["fact"]["fact_id"],
            quote=r["fact"]["quote"],
            valid_from=r["fact"]["valid_from"],
            valid_to=r["fact"]["valid_to"],
            stances=tuple(r["fact"]["stances"] or ()),
        )
        for r in rows
    ]


def _finding(target: dict[str, Any], data: dict[str, Any], options: Options, depth: int) -> dict[str, Any]:
    listed = {eid: _listed_reason(facts) for eid, facts in data["blocking"].items()}
    rule = options.applied()
    finding = assess(target["id"], _holdings(data["holdings"]), listed, rule, max_depth=depth).to_dict(copy_tree=False)
    _decorate(finding["tree"], data["entities"], data["blocking"])
    for h in finding["missing"]:
        h["owner_name"] = data["entities"].get(h["owner"], {}).get("name")
    finding["rule"] |= {"key": options.rule, "block_kinds": sorted(options.block_kinds), "computed": True}
    finding["entity"] = {k: target[k] for k in ("id", "name", "type")}
    return finding


def assess_entity(
    graph: Graph,
    entity_id: str,
    *,
    as_of: str | None = None,
    stances: Sequence[str] | None = None,
    options: Options = Options(),
    max_depth: int = 10,
) -> dict[str, Any]:
    """The rule's finding for ``entity_id`` (its canonical entity) with the tree above it (one query)."""
    lists = blocking_lists(options.block_kinds)
    data = reads.one(graph, entity_id, as_of=as_of, stances=stances, lists=lists)
    return finding(data, options, max_depth)


def finding(data: dict[str, Any], options: Options = Options(), max_depth: int = 10) -> dict[str, Any]:
    """The rule's finding from the data :mod:`graph.ownership` reads (``target``, holdings, blocking)."""
    return _finding(data["target"], data, options, max_depth)


def summary(finding: dict[str, Any]) -> dict[str, Any]:
    """What exposure and screening say of the finding (the tree is at /v1/entities/{id}/ownership)."""
    keep = ("blocked", "blocked_by_50_percent_rule", "reason", "blocked_share", "blocked_share_max", "rule")
    return {k: finding[k] for k in keep} | {"missing": len(finding["missing"])}


def assess_many(
    graph: Graph,
    entity_ids: Sequence[str],
    *,
    as_of: str | None = None,
    options: Options = Options(),
    max_depth: int = 10,
) -> dict[str, dict[str, Any]]:
    """The summary of the rule's finding for each of some entities, read together (screening's batch)."""
    lists = blocking_lists(options.block_kinds)
    found = reads.above(graph, entity_ids, as_of=as_of, stances=None, lists=lists)
    return {asked: summary(finding(data, options, max_depth)) for asked, data in found.items()}


def _decorate(node: dict[str, Any], entities: dict[str, dict[str, Any]], blocking: dict[str, list[Any]]) -> None:
    """Each node's name and type, a listed node's listing facts; down every holding's owner."""
    info = entities.get(node["entity"], {})
    node["name"], node["type"] = info.get("name"), info.get("type")
    if node.get("listed"):
        node["listings"] = [
            {k: f[k] for k in ("fact_id", "predicate", "by", "by_name", "quote", "valid_from", "valid_to", "stances")}
            for f in blocking.get(node["entity"], [])
        ]
    for h in node.get("holdings", []):
        _decorate(h["node"], entities, blocking)
