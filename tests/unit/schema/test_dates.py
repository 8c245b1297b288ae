"""Partial dates, month names and long dates (schema.dates)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import TypeAdapter, ValidationError

from schema.dates import (
    MONTHS,
    PartialDate,
    coerce_partial_date,
    earliest,
    latest,
    long_date,
    month_number,
    partial_date,
)

# -- month names --------------------------------------------------------------------------


def test_months_table_has_the_twelve_english_names() -> None:
    assert MONTHS["january"] == 1
    assert MONTHS["december"] == 12
    assert len(MONTHS) == 12


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("March", 3),
        ("mar.", 3),
        ("MAR", 3),
        ("Sept", 9),
        ("Sept.", 9),
        ("sep", 9),
        ("jun", 6),
        ("jul", 7),
        ("May", 5),
        (" december ", 12),
    ],
)
def test_month_number_reads_names_and_abbreviations(name: str, number: int) -> None:
    assert month_number(name) == number


@pytest.mark.parametrize("name", ["", "ju", "Ma.", "Marchx", "Septembre", "Mai", "13"])
def test_month_number_is_none_for_anything_else(name: str) -> None:
    assert month_number(name) is None


# -- long dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("March 25, 2022", "2022-03-25"),
        ("march 5, 2022", "2022-03-05"),
        ("March 25 2022", "2022-03-25"),
        ("  September 1, 2020  ", "2020-09-01"),
        ("February 29, 2024", "2024-02-29"),
    ],
)
def test_long_date_reads_english_dates(text: str, iso: str) -> None:
    assert long_date(text) == iso


@pytest.mark.parametrize("text", ["Mar. 25, 2022", "Sept. 1, 2020", "25 March 2022", "2022-03-25", "Mars 25, 2022", ""])
def test_long_date_refuses_abbreviations_and_other_shapes(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date like 'March 25, 2022'"):
        long_date(text)


def test_long_date_refuses_a_day_the_month_does_not_have() -> None:
    with pytest.raises(ValueError):
        long_date("February 29, 2023")


# -- partial dates ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2017", "2022-03", "2022-03-25", "2024-02-29"])
def test_partial_date_accepts_the_three_forms(value: str) -> None:
    assert partial_date(value) == value


def test_partial_date_strips_and_treats_blank_as_none() -> None:
    assert partial_date(" 2019-05 ") == "2019-05"
    assert partial_date("") is None
    assert partial_date("   ") is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2022-02-30", "'2022-02-30' is not a real date (day is out of range for month)"),
        ("2023-02-29", "'2023-02-29' is not a real date (day is out of range for month)"),
        ("2022-13", "'2022-13' has no month 13"),
        ("2022-00-01", "'2022-00-01' has no month 00"),
        ("22", "'22' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2022-1-01", "'2022-1-01' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2022/03/25", "'2022/03/25' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ("March 2022", "'March 2022' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_partial_date_names_the_problem(value: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        partial_date(value)
    assert str(info.value) == message


def test_partial_date_validator_message_in_pydantic() -> None:
    adapter = TypeAdapter(PartialDate)
    assert adapter.validate_python("2022-03") == "2022-03"
    with pytest.raises(ValidationError) as info:
        adapter.validate_python("2022-02-30")
    assert (
        info.value.errors()[0]["msg"] == "Value error, '2022-02-30' is not a real date (day is out of range for month)"
    )


# -- earliest / latest --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "first"),
    [("2017", "2017-01-01"), ("2022-03", "2022-03-01"), ("2022-03-25", "2022-03-25"), (None, None)],
)
def test_earliest_is_the_first_day_a_partial_date_can_mean(value: str | None, first: str | None) -> None:
    assert earliest(value) == first


@pytest.mark.parametrize(
    ("value", "last"),
    [
        ("2017", "2017-12-31"),
        ("2022-03", "2022-03-31"),
        ("2022-04", "2022-04-30"),
        ("2022-02", "2022-02-28"),
        ("2024-02", "2024-02-29"),  # leap year
        ("2000-02", "2000-02-29"),  # divisible by 400: leap
        ("1900-02", "1900-02-28"),  # divisible by 100 only: not leap
        ("2022-03-25", "2022-03-25"),
        (None, None),
    ],
)
def test_latest_is_the_last_day_a_partial_date_can_mean(value: str | None, last: str | None) -> None:
    assert latest(value) == last


# -- coercion of YAML scalars -------------------------------------------------------------


def test_coerce_partial_date_accepts_yaml_dates_and_years() -> None:
    assert coerce_partial_date(date(2017, 3, 25)) == "2017-03-25"
    assert coerce_partial_date(datetime(2017, 3, 25, 12, 30)) == "2017-03-25"
    assert coerce_partial_date(2017) == "2017"
    assert coerce_partial_date("2017-03") == "2017-03"


def test_coerce_partial_date_leaves_booleans_and_none_alone() -> None:
    assert coerce_partial_date(True) is True
    assert coerce_partial_date(None) is None
