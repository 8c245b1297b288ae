"""api/answers.py: the fast answer, the validated one, and the check that compares them."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import orjson
import pytest
from fastapi import Response
from pydantic import ValidationError

from api.answers import AnswerMismatch, answer, first_difference
from api.models import Fact, Neighborhood
from config import Settings

ENTITY = {
    "id": "firm:a",
    "type": "Firm",
    "name": "A",
    "aliases": [],
    "weak_aliases": [],
    "country": "RU",
    "identifiers": {},
    "description": None,
    "candidate": False,
    "birth_dates": [],
    "nationalities": [],
    "birth_places": [],
    "members": [],
}
FACT = {
    "fact_id": "f1",
    "subject": "firm:a",
    "predicate": "headquartered-in",
    "object": "country:ru",
    "stances": ["asserted"],
    "valid_from": None,
    "valid_to": None,
    "gaps": [],
    "n_claims": 1,
    "n_sources": 1,
    "quote": "A is headquartered in Russia.",
    "confidence": 1.0,
    "asserted_by": [],
    "alleged_by": [],
    "proposed_by": [],
    "disputed_by": [],
    "denied_by": [],
    "retracted_by": [],
    "direction": None,
    "validity": None,
}


def _request(mode: str) -> Any:
    return SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(settings=Settings(api_responses=mode))))


def _hood(**fact: Any) -> dict[str, Any]:
    return {"entity": ENTITY, "nodes": [ENTITY], "edges": [FACT | fact], "groups": [], "truncated": False}


def test_every_field_of_the_fixture_is_a_field_of_the_model() -> None:
    assert set(FACT) == set(Fact.model_fields)


def test_fast_serialises_the_answer_as_it_is() -> None:
    out = answer(_request("fast"), _hood(), Neighborhood)
    assert isinstance(out, Response) and out.media_type == "application/json"
    assert orjson.loads(out.body) == Neighborhood.model_validate(_hood()).model_dump(mode="json")


def test_fast_bytes_do_not_depend_on_the_order_of_the_keys() -> None:
    shuffled = dict(reversed(list(FACT.items())))
    a = answer(_request("fast"), _hood(), Neighborhood).body
    b = answer(_request("fast"), {**_hood(), "edges": [shuffled]}, Neighborhood).body
    assert a == b


def test_validated_hands_the_dict_to_fastapi() -> None:
    data = _hood()
    assert answer(_request("validated"), data, Neighborhood) is data


def test_checked_passes_a_complete_answer() -> None:
    assert isinstance(answer(_request("checked"), _hood(), Neighborhood), Response)


@pytest.mark.parametrize("change", [{"direction": "sideways"}, {"n_claims": 2.5}])
def test_checked_refuses_what_the_model_refuses(change: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match=f"edges.0.{next(iter(change))}"):
        answer(_request("checked"), _hood(**change), Neighborhood)


def test_checked_names_a_field_the_answer_lacks() -> None:
    data = _hood()
    data["edges"] = [{k: v for k, v in FACT.items() if k != "validity"}]
    with pytest.raises(AnswerMismatch, match=r"\$\.edges\[0\]\.validity \(missing"):
        answer(_request("checked"), data, Neighborhood)


def test_checked_names_a_field_the_model_drops() -> None:
    data = _hood(internal_key="x")
    with pytest.raises(AnswerMismatch, match=r"\$\.edges\[0\]\.internal_key \(not in the model\)"):
        answer(_request("checked"), data, Neighborhood)


def test_first_difference() -> None:
    assert first_difference({"a": [1, {"b": 2}]}, {"a": [1, {"b": 2}]}) is None
    assert first_difference({"a": [1, {"b": 3}]}, {"a": [1, {"b": 2}]}) == "$.a[1].b (3 != 2)"
    assert first_difference({"a": [1]}, {"a": [1, 2]}) == "$.a (1 items, the model has 2)"
    assert first_difference({"a": True}, {"a": 1}) == "$.a (True != 1)"
    assert first_difference({"a": 1}, {"a": 1.0}) is None
