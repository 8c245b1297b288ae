"""Query-parameter parsing (api.params): comma-separated enums, the as_of helpers, and the
patterns FastAPI checks predicates= and stances= against."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from api.params import PARTIAL_DATE_PATTERN, AsOf, PredicatesQ, StancesQ, as_of_key, split_enum
from schema.errors import InvalidInput
from schema.ontology import Predicate, Stance


def pattern_of(annotated: Any) -> str:
    """The ``pattern`` a ``Query(...)`` in ``Annotated[...]`` carries."""
    (query,) = annotated.__metadata__
    (pattern,) = [m.pattern for m in query.metadata if getattr(m, "pattern", None)]
    return str(pattern)


def max_length_of(annotated: Any) -> int:
    (query,) = annotated.__metadata__
    (length,) = [m.max_length for m in query.metadata if getattr(m, "max_length", None)]
    return int(length)


# -- split_enum ---------------------------------------------------------------------------


def test_split_enum_reads_a_comma_list_in_order() -> None:
    assert split_enum("listed-on,banned-by", Predicate, "predicates") == [Predicate.LISTED_ON, Predicate.BANNED_BY]


def test_split_enum_strips_blanks_and_skips_empty_items() -> None:
    assert split_enum(" alleged , ,denied,", Stance, "stances") == [Stance.ALLEGED, Stance.DENIED]


@pytest.mark.parametrize("raw", [None, "", "   ", ",", " , ,"])
def test_split_enum_nothing_given_is_none(raw: str | None) -> None:
    assert split_enum(raw, Stance, "stances") is None


def test_split_enum_keeps_repeats() -> None:
    assert split_enum("owns,owns", Predicate, "predicates") == [Predicate.OWNS, Predicate.OWNS]


def test_split_enum_unknown_value_names_the_field_and_the_allowed_values() -> None:
    with pytest.raises(InvalidInput) as info:
        split_enum("asserted,rumoured", Stance, "stances")
    assert info.value.details == {"field": "stances"}
    assert info.value.message == (
        "unknown stances value 'rumoured'; allowed: asserted, alleged, reported, proposed, disputed, denied, retracted"
    )
    assert info.value.status == 422


def test_split_enum_is_case_sensitive() -> None:
    with pytest.raises(InvalidInput, match="unknown predicates value 'BANNED_BY'"):
        split_enum("BANNED_BY", Predicate, "predicates")


# -- as_of --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "key"),
    [("2022", "2022-01-01"), ("2022-03", "2022-03-01"), ("2022-03-25", "2022-03-25"), (None, None), ("", None)],
)
def test_as_of_key_is_the_first_day_the_date_can_mean(value: str | None, key: str | None) -> None:
    assert as_of_key(value) == key


def test_as_of_accepts_partial_dates() -> None:
    adapter = TypeAdapter(AsOf)
    assert adapter.validate_python("2022-02") == "2022-02"
    assert adapter.validate_python(None) is None


@pytest.mark.parametrize("value", ["2022-02-30", "2022-13", "22", "yesterday"])
def test_as_of_refuses_what_is_not_a_real_partial_date(value: str) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(AsOf).validate_python(value)


def test_as_of_query_pattern() -> None:
    (pattern,) = [s["pattern"] for s in TypeAdapter(AsOf).json_schema()["anyOf"] if "pattern" in s]
    assert pattern == PARTIAL_DATE_PATTERN
    assert re.fullmatch(pattern, "2022-03-25")
    assert re.fullmatch(pattern, "2022")
    assert not re.fullmatch(pattern, "2022-3")


def test_the_date_pattern_says_exactly_what_partial_dates_accept() -> None:
    """The OpenAPI's pattern and the server's check agree on every month and day of leap and
    common years, centuries included (2017-02-30 is refused by both; 2000-02-29 accepted by both)."""
    years = [f"{y:04d}" for y in (*range(0, 13), 100, 400, 1900, 1996, 2000, 2017, 2023, 2024, 2100, 9999)]
    candidates = ["", "2017-1-01", "20170", "2017-02-29x", "٢٠١٧", "２０１７-01", "2017\n", "2024-02-29\n"]
    for y in years:
        candidates += [y] + [f"{y}-{m:02d}" for m in range(14)]
        candidates += [f"{y}-{m:02d}-{d:02d}" for m in range(14) for d in range(33)]
    adapter = TypeAdapter(AsOf)
    for value in candidates:
        try:
            adapter.validate_python(value)
            accepted = True
        except ValidationError:
            accepted = False
        # JSON Schema's $ is the end of the text (Python's also matches before a final newline)
        assert accepted == bool(re.search(PARTIAL_DATE_PATTERN.replace("$", r"\Z"), value)), repr(value)


# -- predicates= and stances= patterns ----------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "banned-by",
        "banned-by,listed-on",
        "same-as,owns,considering-action-against",
        ",".join(p.value for p in Predicate),
    ],
)
def test_predicates_pattern_accepts_lists_of_predicates(raw: str) -> None:
    assert re.fullmatch(pattern_of(PredicatesQ), raw)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "banned",
        "banned-byx",
        "banned-by,",
        ",banned-by",
        "banned-by,,listed-on",
        "banned-by, listed-on",
        "BANNED_BY",
        "banned-by;listed-on",
        "banned-by) OR 1=1 //",
        "asserted",
    ],
)
def test_predicates_pattern_refuses_junk(raw: str) -> None:
    assert not re.fullmatch(pattern_of(PredicatesQ), raw)


@pytest.mark.parametrize("raw", ["asserted", "alleged,denied", ",".join(s.value for s in Stance)])
def test_stances_pattern_accepts_lists_of_stances(raw: str) -> None:
    assert re.fullmatch(pattern_of(StancesQ), raw)


@pytest.mark.parametrize(
    "raw", ["", "rumoured", "alleged,", "alleged denied", "Asserted", "banned-by", "alleged|denied"]
)
def test_stances_pattern_refuses_junk(raw: str) -> None:
    assert not re.fullmatch(pattern_of(StancesQ), raw)


def test_patterns_cover_every_enum_value() -> None:
    for p in Predicate:
        assert re.fullmatch(pattern_of(PredicatesQ), p.value)
    for s in Stance:
        assert re.fullmatch(pattern_of(StancesQ), s.value)


def test_list_parameters_are_length_capped() -> None:
    assert max_length_of(PredicatesQ) == 2000
    assert max_length_of(StancesQ) == 500


def test_list_parameters_validate_as_fastapi_does() -> None:
    adapter = TypeAdapter(StancesQ)
    assert adapter.validate_python("asserted,alleged") == "asserted,alleged"
    assert adapter.validate_python(None) is None
    with pytest.raises(ValidationError, match="String should match pattern"):
        adapter.validate_python("asserted, alleged")


def test_what_the_pattern_admits_split_enum_parses() -> None:
    raw = ",".join(p.value for p in Predicate)
    assert re.fullmatch(pattern_of(PredicatesQ), raw)
    assert split_enum(raw, Predicate, "predicates") == list(Predicate)
