"""A city's country, from GeoNames, only when its name says one place."""

from __future__ import annotations

import pytest

from reference.cities import city_country, place_country


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Chengdu", "CN"),
        ("Karaj", "IR"),
        ("Lahore", "PK"),
        ("Brooklyn", "US"),
        ("São Paulo", "BR"),
        ("Sao Paulo", "BR"),
    ],
)
def test_a_city_whose_name_says_one_place_has_its_country(name: str, code: str):
    assert city_country(name) == code


@pytest.mark.parametrize("name", ["Valencia", "Tripoli", "Hyderabad", "Victoria"])  # two countries' cities
def test_a_name_two_countries_cities_share_has_none(name: str):
    assert city_country(name) is None


def test_a_small_town_or_no_city_has_none():
    assert city_country("Kaspersky") is None
    assert city_country("Delaware") is None  # a US state; its town of 40,000 is too small to say it


def test_a_places_country_is_the_registrys_first_then_the_citys():
    assert place_country("Moscow") == "country:ru"  # the registry's (a capital rigour knows)
    assert place_country("Chengdu") == "country:cn"  # GeoNames'
    assert place_country("Tripoli") == "country:ly"  # the registry's capital wins over a shared city name
    assert place_country("Valencia") is None
