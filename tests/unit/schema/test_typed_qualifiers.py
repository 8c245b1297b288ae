"""Typed qualifiers: the numbers analysts filter on, read from what the sources wrote."""

from __future__ import annotations

from schema.ontology import Predicate, typed_qualifiers


def test_a_percentage_as_sources_write_it_is_a_number() -> None:
    assert typed_qualifiers(Predicate.OWNS, {"percentage": "51"}) == {"percentage": 51.0}
    assert typed_qualifiers(Predicate.OWNS, {"percentage": ["51.5 %"]}) == {"percentage": 51.5}
    assert typed_qualifiers(Predicate.OWNS, {"percentage": 49, "sharesCount": "1200"}) == {
        "percentage": 49.0,
        "sharesCount": 1200.0,
    }


def test_what_is_not_one_number_is_left_out() -> None:
    assert typed_qualifiers(Predicate.OWNS, {"percentage": "25-50%"}) == {}
    assert typed_qualifiers(Predicate.OWNS, {"percentage": ["10", "20"]}) == {}
    assert typed_qualifiers(Predicate.OWNS, {"percentage": True}) == {}
    assert typed_qualifiers(Predicate.BANNED_BY, {"percentage": "51"}) == {}  # the ontology types it on owns only
