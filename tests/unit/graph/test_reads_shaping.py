"""The read services' pure shaping (no database): ancestor order, independence, Lucene terms."""

from __future__ import annotations

from graph.reads import _nearest_first, independent_sources
from graph.search_text import lucene_query


def src(sid: str) -> dict[str, str]:
    return {"id": sid}


def test_ancestors_once_each_at_their_smallest_depth_nearest_first() -> None:
    rows = [
        {"depth": 2, "source": src("source:wire")},
        {"depth": 1, "source": src("source:wsj")},
        {"depth": 3, "source": src("source:wire")},
        {"depth": 1, "source": src("source:agency")},
    ]
    assert [s["id"] for s in _nearest_first(rows)] == ["source:agency", "source:wsj", "source:wire"]
    assert _nearest_first([]) == []


def test_sources_sharing_an_ancestor_are_not_independent() -> None:
    chains = {"source:a": [src("source:wsj")], "source:b": [src("source:wsj")], "source:c": []}
    assert independent_sources(["source:b", "source:a", "source:c"], chains) == ["source:a", "source:c"]


def test_lucene_query_folds_and_escapes() -> None:
    assert lucene_query("Łukasz") == "(lukasz^4 OR lukasz*^2 OR lukasz~1)"
    assert lucene_query("Lukáš Straße") == "(lukas^4 OR lukas*^2 OR lukas~1) OR (strasse^4 OR strasse*^2 OR strasse~1)"
    assert lucene_query("Касперский") == "(касперский^4 OR касперский*^2 OR касперский~1)"
    assert lucene_query("+-!") is None
