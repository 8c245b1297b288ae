"""A hub's neighbours are read a page per group with stored counts as totals; the answer is the
same as the one-pass read of a smaller entity (checked by forcing every entity down the hub path)."""

from __future__ import annotations

import pytest

from config import Settings
from graph import reads
from graph.database import Graph
from schema.ontology import Predicate, Stance
from tests.conftest import load_fresh

CASES = [
    {},
    {"direction": "in"},
    {"direction": "out"},
    {"limit": 1},
    {"stances": [Stance.ASSERTED, Stance.REPORTED]},
    {"stances": [Stance.ALLEGED], "limit": 1},
    {"as_of": "2016-01-01"},
    {"predicates": [Predicate.BANNED_BY, Predicate.HEADQUARTERED_IN]},
]
ENTITIES = ["firm:kaspersky-lab", "country:us", "country:ru", "agency:fsb"]


@pytest.fixture(scope="module")
def seeded(graph: Graph, settings: Settings) -> Graph:
    load_fresh(graph, settings)
    return graph


def shape(answer: dict[str, object]) -> dict[str, object]:
    edges = sorted(answer["edges"], key=lambda e: e["fact_id"])  # type: ignore[arg-type, index]
    nodes = sorted(answer["nodes"], key=lambda n: n["id"])  # type: ignore[arg-type, index]
    return {**answer, "edges": edges, "nodes": nodes}


@pytest.mark.parametrize("case", CASES, ids=[str(c) for c in CASES])
def test_hub_path_answers_as_the_one_pass_read(seeded: Graph, monkeypatch: pytest.MonkeyPatch, case: dict) -> None:
    args = {"predicates": None, "direction": "both", "stances": None, "as_of": None, "limit": 25} | case
    for eid in ENTITIES:
        one_pass = reads.neighbors(seeded, eid, **args)
        with monkeypatch.context() as m:
            m.setattr(reads, "NEIGHBOR_SCAN_MAX", 0)
            paged = reads.neighbors(seeded, eid, **args)
        if args["limit"] >= 25:
            assert shape(paged) == shape(one_pass), eid
        else:  # which edge fills a page of one is arbitrary; the groups and totals are not
            assert paged["groups"] == one_pass["groups"], eid
            assert len(paged["edges"]) == len(one_pass["edges"]), eid
