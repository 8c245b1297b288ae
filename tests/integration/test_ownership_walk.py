"""The walk up the ownership above an entity (graph.ownership.subquery) on the real Neo4j: each edge
in its own direction (an owner owns, a parent has subsidiaries), a diamond read once, a cycle ended,
ten levels and no more, and an owner's other holdings never walked (an owner of many is no hub)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from config import Settings
from graph import maintenance
from graph import ownership as ownership_reads
from graph.database import Graph

# (owner, owned, share) for "owns"; (child, parent, None) for "subsidiary-of" where the owner is "-"
OWNS = [
    ("mid", "target", 70),
    ("root", "mid", 60),
    ("parent", "root", 20),  # a diamond: the parent is above the target twice (through root, and as its parent)
    ("target", "mid", 5),  # a cycle: the target owns part of its owner
    *[("root", f"sibling-{i}", 100) for i in range(1, 31)],  # the root's other holdings: not above the target
    *[(f"level-{i + 1}", f"level-{i}", 51) for i in range(12)],  # a chain twelve levels tall
]
SUBSIDIARY = [("target", "parent")]


def _name(key: str) -> str:
    return key.replace("-", " ").title() + " Walk Co"


def _body() -> dict[str, Any]:
    sentences = [f"{_name(a)} holds {s} percent of {_name(b)}." for a, b, s in OWNS]
    sentences += [f"{_name(a)} is a subsidiary of {_name(b)}." for a, b in SUBSIDIARY]
    keys = sorted({k for a, b, _ in OWNS for k in (a, b)} | {k for pair in SUBSIDIARY for k in pair})
    claims = [
        {"subject": f"firm:w-{a}", "predicate": "owns", "object": f"firm:w-{b}", "source": "source:walk-test",
         "quote": f"{_name(a)} holds {s} percent of {_name(b)}", "qualifiers": {"percentage": s}}
        for a, b, s in OWNS
    ] + [
        {"subject": f"firm:w-{a}", "predicate": "subsidiary-of", "object": f"firm:w-{b}", "source": "source:walk-test",
         "quote": f"{_name(a)} is a subsidiary of {_name(b)}"}
        for a, b in SUBSIDIARY
    ]  # fmt: skip
    return {
        "sources": [{"id": "source:walk-test", "title": "An ownership walk", "kind": "press-release",
                     "publisher": "Office of Foreign Assets Control", "published_at": "2023-01-10",
                     "text": " ".join(sentences)}],
        "entities": [{"id": f"firm:w-{k}", "type": "Firm", "name": _name(k)} for k in keys],
        "claims": claims,
    }  # fmt: skip


@pytest.fixture(scope="module")
def loaded(graph: Graph, settings: Settings) -> Iterator[Graph]:
    maintenance.wipe(graph)
    with TestClient(create_app(settings)) as c:
        r = c.post("/v1/claims", json=_body(), headers={"X-API-Key": settings.api_key.get_secret_value()})
        assert r.status_code == 201, r.text
    yield graph


def _above(graph: Graph, firm: str) -> set[str]:
    found = ownership_reads.above(graph, [f"firm:w-{firm}"], as_of=None, stances=None, lists=[])
    return set(found[f"firm:w-{firm}"]["entities"]) - {f"firm:w-{firm}"}


def test_the_walk_goes_up_owners_and_parents_reads_a_diamond_once_and_ends_a_cycle(loaded: Graph) -> None:
    assert _above(loaded, "target") == {"firm:w-mid", "firm:w-root", "firm:w-parent"}


def test_an_owners_other_holdings_are_not_above_the_entity(loaded: Graph) -> None:
    assert not any("sibling" in e for e in _above(loaded, "target"))
    assert _above(loaded, "sibling-7") == {"firm:w-root", "firm:w-parent"}


def test_the_walk_goes_ten_levels_up_and_no_further(loaded: Graph) -> None:
    assert _above(loaded, "level-0") == {f"firm:w-level-{i}" for i in range(1, 11)}


def test_the_holdings_among_the_entities_above_are_each_read_once(loaded: Graph) -> None:
    found = ownership_reads.above(loaded, ["firm:w-target"], as_of=None, stances=None, lists=[])["firm:w-target"]
    pairs = [(h["owner"], h["owned"]) for h in found["holdings"]]
    assert len(pairs) == len(set(pairs))
    assert ("firm:w-parent", "firm:w-root") in pairs and ("firm:w-target", "firm:w-mid") in pairs
    assert ("firm:w-parent", "firm:w-target") in pairs  # the subsidiary-of fact: the parent above its subsidiary
