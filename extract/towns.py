"""Places that are no party: a town named like a country, in a US state ("Malta, New York", "Moscow,
Idaho", "Lebanon, Ohio"), a place rigour knows, where a person named with an age lives.

A town in a state is in the United States, not in the country whose name it shares. The states are
rigour's territories under the United States ("New York", "Texas", "District of Columbia");
"Georgia" is left to the country, as rigour names the state "Georgia (USA)". A list of places ("offices in
Russia, New York and London") is no town and its state.
"""

from __future__ import annotations

import re
from functools import cache

import rigour.territories as territories

from reference import registry

# a person's age, then where the person lives: "Lu Jianwang, 61, of the Bronx", "Chen, 59, of Manhattan"
_RESIDENCE_BEFORE_RE = re.compile(r",[ \t]*\d{1,3},[ \t]+of[ \t]+(?:the[ \t]+)?$")
_LIST_GOES_ON_RE = re.compile(r"[ \t]*,?[ \t]*(?:(?:and|or)[ \t]+)?[A-Z][a-z]")


@cache
def _state_after_re() -> re.Pattern[str]:
    states = sorted(
        (t.name for t in territories.get_territories() if t.code.startswith("us-") and "(" not in t.name),
        key=len,
        reverse=True,
    )
    return re.compile(r"[ \t]*,[ \t]*(?:" + "|".join(map(re.escape, states)) + r")(?![\w-])")


def state_after(norm: str, end: int) -> int | None:
    """Where the US state ends that follows a place's name ending at ``end`` ("Malta|, New York"), if one does."""
    hit = _state_after_re().match(norm, end)
    if hit is None or _LIST_GOES_ON_RE.match(norm, hit.end()):
        return None
    return hit.end()


def place_name(name: str) -> bool:
    """Is the name a place rigour knows ("Beijing", "Dubai", "New York"), never a party's name?"""
    return not name.isupper() and registry().countries.code(name) is not None  # "DJI" is a code


def residence_before(norm: str, pos: int) -> bool:
    """Does a place named at ``pos`` follow a person's age ("X, 61, of |the Bronx")? It is where X lives."""
    return _RESIDENCE_BEFORE_RE.search(norm, max(0, pos - 24), pos) is not None
