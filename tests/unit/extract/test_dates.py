"""Dates of a candidate: absolute ones in its clause, relative ones against the published date
(extract.dates)."""

from __future__ import annotations

import pytest

from extract import propose
from extract.dates import resolve_relative

BAN = "The Commerce Department banned Acme Labs Limited"


def _dates(text, published=None):
    meta = {"published_at": published} if published else None
    [claim] = propose(text, meta).parsed.claims
    assert (claim.predicate.value, claim.subject) == ("banned-by", "firm:acme-labs-limited")
    return claim.valid_from, claim.valid_to, dict(claim.qualifiers)


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("on Sept. 5, 2019.", ("2019-09-05", None)),
        ("on Sep. 5, 2019.", ("2019-09-05", None)),
        ("on 5 March 2020.", ("2020-03-05", None)),
        ("in May 2019.", ("2019-05", None)),
        ("in December of 2018.", ("2018-12", None)),
        ("on 2020-03-04.", ("2020-03-04", None)),
        ("in 2017.", ("2017", None)),
        ("from 2019 until March 2021.", ("2019", "2021-03")),
        ("on February 30, 2020.", (None, None)),  # no such day: no date
        ("on 2020-02-30.", (None, None)),
    ],
)
def test_absolute_dates(tail, expected):
    assert _dates(f"{BAN} {tail}")[:2] == expected


def test_a_date_behind_a_clause_break_is_not_the_claims():
    assert _dates(f"After the 2016 election, {BAN[0].lower()}{BAN[1:]}.")[:2] == (None, None)
    assert _dates(f"{BAN} in 2019; the firm was founded in 1997.")[:2] == ("2019", None)


def test_relative_dates_kept_or_resolved():
    assert _dates(f"{BAN} last month.") == (None, None, {"relative_date": "last month"})
    assert _dates(f"{BAN} last month.", "2023-01-15") == ("2022-12", None, {})


@pytest.mark.parametrize(
    ("phrase", "by_published"),
    [
        ("last year", ["2022", "2022", "2022"]),
        ("this year", ["2023", "2023", "2023"]),
        ("earlier this year", ["2023", "2023", "2023"]),
        ("next year", ["2024", "2024", "2024"]),
        ("last month", ["2022-12", "2023-02", None]),
        ("this month", ["2023-01", "2023-03", None]),
        ("earlier this month", ["2023-01", "2023-03", None]),
        ("today", ["2023-01-01", "2023-03", "2023"]),
        ("yesterday", ["2022-12-31", "2023-03", "2023"]),
        ("last week", [None, None, None]),
    ],
)
def test_resolve_relative(phrase, by_published):
    assert [resolve_relative(phrase, p) for p in ["2023-01-01", "2023-03", "2023"]] == by_published
    assert resolve_relative(phrase, None) is None
