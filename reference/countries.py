"""Countries: the ISO 3166 territories of ``rigour.territories`` (installed with followthemoney),
as regkg entities and as a name → code lookup.

A country's id is ``country:<ISO 3166-1 alpha-2, lower case>`` (``country:us``, ``country:ru``):
the code is the stable key every source shares, so two sources can never give one country two
ids. Its name is rigour's short name ("Russia"), its aliases the full name ("Russian Federation"),
the code itself and the registry's extra spellings (``authorities.yaml``: ``countries``).

:func:`country_code` reads what the lists write — "Korea, North", "Burma", "Man, Isle of",
"Gaza", "Türkiye", a demonym ("Russian"), an alpha-2 or alpha-3 code — through rigour's lookup;
a sub-national territory (Scotland) answers with its country's code, a historical one (the Soviet
Union) with none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache

import rigour.territories as territories
from rigour.territories.territory import Territory

from schema.models import Entity
from schema.ontology import EntityType

_PREFIX = EntityType.COUNTRY.prefix + ":"


def country_id(code: str) -> str:
    """``"RU"`` → ``country:ru``."""
    return _PREFIX + code.lower()


def _alpha2(territory: Territory | None) -> str | None:
    while territory is not None and len(territory.code) != 2:
        territory = territory.parent
    return territory.code.upper() if territory is not None else None


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded.replace("'", "")).split())


class Countries:
    """Country entities and the name lookup, with the registry's extra spellings."""

    def __init__(self, extra_aliases: Mapping[str, Iterable[str]] = {}) -> None:  # noqa: B006 - read only
        self._extra = {code.upper(): tuple(names) for code, names in extra_aliases.items()}
        self._extra_by_key = {_key(name): code for code, names in self._extra.items() for name in names}

    def code(self, name: str) -> str | None:
        """ISO 3166-1 alpha-2 of a country's name, demonym or code (``"Korea, North"`` → ``KP``); else None."""
        name = name.strip()
        if not name:
            return None
        extra = self._extra_by_key.get(_key(name))
        if extra is not None:
            return extra
        return _alpha2(territories.lookup_territory(name))

    def is_code(self, code: str) -> bool:
        """Is ``code`` (any case) the alpha-2 code of a current country or territory? (One with an
        alpha-3 code too: rigour's pseudo-territories — ``zz`` global, ``eu``, ``un`` — are not.)"""
        territory = territories.get_territory(code.lower()) if len(code) == 2 else None
        return territory is not None and not territory.is_historical and territory.alpha3 is not None

    @cache  # noqa: B019 - one registry per process, entities are immutable
    def entity(self, code: str) -> Entity:
        """The Country entity for an alpha-2 code (KeyError for an unknown one)."""
        territory = territories.get_territory(code.lower())
        if territory is None or len(territory.code) != 2:
            raise KeyError(f"no country with the ISO 3166-1 alpha-2 code {code!r}")
        names = [territory.full_name, territory.code.upper(), *self._extra.get(territory.code.upper(), ())]
        if territory.name.endswith(" SAR"):  # "Hong Kong SAR" is "Hong Kong" in most texts
            names.append(territory.name.removesuffix(" SAR"))
        aliases = tuple(dict.fromkeys(n for n in names if n and n != territory.name))
        return Entity(
            id=country_id(territory.code),
            type=EntityType.COUNTRY,
            name=territory.name,
            aliases=aliases,
            country=territory.code.upper(),
        )

    def entities(self, with_territories: bool = False) -> list[Entity]:
        """Every current country (rigour's ``is_country``), by code; ``with_territories`` adds the
        jurisdictions that are not countries but have an ISO code of their own (Hong Kong, Macao,
        Puerto Rico: texts name them as a firm's home)."""
        found = [
            t
            for t in territories.get_territories()
            if (t.is_country or (with_territories and t.is_jurisdiction and t.alpha3))
            and not t.is_historical
            and len(t.code) == 2
        ]
        return [self.entity(t.code) for t in sorted(found, key=lambda t: t.code)]


def single_country(codes: Iterable[str | None]) -> str | None:
    """The one country all the given codes agree on; None when there are none or several."""
    found = {c for c in codes if c}
    return found.pop() if len(found) == 1 else None
