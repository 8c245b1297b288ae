"""Places that are no party: a town named like a country, in a US state ("Malta, New York", "Moscow,
Idaho", "Lebanon, Ohio"), a place rigour knows, where a person named with an age lives.

A town in a state is in the United States, not in the country whose name it shares. The states are the
``us`` package's (states, the District of Columbia and the territories), by name and by the AP style's
abbreviation that US-government releases write ("of Litchfield, Conn."); the state "Georgia" is left to
the country, unless abbreviated ("Ga."). A list of places ("offices in Russia, New York and London") is no
town and its state.
"""

from __future__ import annotations

import re
from functools import cache

import us

from reference import registry
from reference.cities import city_country

from .builtin import demonyms

# a person's age, then where the person lives: "Lu Jianwang, 61, of the Bronx", "Chen, 59, of Manhattan"
_RESIDENCE_BEFORE_RE = re.compile(r",[ \t]*\d{1,3},[ \t]+of[ \t]+(?:the[ \t]+)?$")
_LIST_GOES_ON_RE = re.compile(r"[ \t]*,?[ \t]*(?:(?:and|or)[ \t]+)?[A-Z][a-z]")


@cache
def _state_re() -> re.Pattern[str]:
    """A US state's name or its AP abbreviation ("Connecticut", "Conn.", "D.C."), at a position."""
    names = {st.name for st in us.states.STATES_AND_TERRITORIES if st.name != "Georgia"}
    names |= {st.ap_abbr for st in us.states.STATES_AND_TERRITORIES if st.ap_abbr}
    names |= {us.states.DC.name, us.states.DC.ap_abbr or "D.C."}
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?:{alternatives})(?![\w-])")


def us_state_at(norm: str, pos: int) -> int | None:
    """Where a US state named at ``pos`` ends ("Conn.", "New York"), if one is."""
    hit = _state_re().match(norm, pos)
    return hit.end() if hit is not None else None


def state_after(norm: str, end: int) -> int | None:
    """Where the US state ends that follows a place's name ending at ``end`` ("Malta|, New York"), if one does."""
    comma = re.compile(r"[ \t]*,[ \t]*").match(norm, end)
    stop = us_state_at(norm, comma.end()) if comma is not None else None
    if stop is None or _LIST_GOES_ON_RE.match(norm, stop):
        return None
    return stop


def place_name(name: str) -> bool:
    """Is the name a place rigour knows ("Beijing", "Dubai", "New York"), never a party's name?"""
    return not name.isupper() and registry().countries.code(name) is not None  # "DJI" is a code


def residence_before(norm: str, pos: int) -> bool:
    """Does a place named at ``pos`` follow a person's age ("X, 61, of |the Bronx")? It is where X lives."""
    return _RESIDENCE_BEFORE_RE.search(norm, max(0, pos - 24), pos) is not None


# a headline's "Staten Island Company Pays ...", "Connecticut Company Settles ...": a place, then a common noun
_PLACE_NOUN_RE = re.compile(
    r"(?P<p>[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,2})[ \t]+(?:Company|Firm|Exporter|Businessman)"
)


def place_described(norm: str, name: str, pos: int) -> bool:
    """Is a firm's name in a headline at ``pos`` only a place and a common noun ("Staten Island Company"):
    a description of the firm the text names below, no name? The place is one rigour knows, a US state, or
    one the text names a party "of" in the 4,000 characters after the headline ("AAT Communications of
    Staten Island")."""
    words = name.split()
    if len(words) <= 4 and words[0] in demonyms() and words[-1] in {"Company", "Group", "Firm"}:
        return True  # "Shipments to Sudanese Mining Company Linked to Russian Paramilitary Group": descriptions
    hit = _PLACE_NOUN_RE.fullmatch(name)
    if hit is None:
        return False
    place = hit.group("p")
    return (
        place_name(place)
        or us_state_at(place, 0) == len(place)
        or re.compile(rf"\bof[ \t]+{re.escape(place)}\b").search(norm, pos, pos + 4000) is not None
    )


_AT_PLACE_BEFORE_RE = re.compile(r"(?:\bin|\bof|,)[ \t]+$")
_HEAD_CITY_RE = re.compile(r"\b(?:Center|Centre|Institute|University|Academy|College)[ \t]+([A-Z][a-z]+)$")


def city_at(norm: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` a city GeoNames knows, named where a party is ("in Shenzhen", "X, Shenzhen;")?"""
    before = _AT_PLACE_BEFORE_RE.search(norm, max(0, start - 6), start)
    return before is not None and city_country(norm[start:end]) is not None


def head_in_city(name: str) -> bool:
    """ "National Supercomputing Center Wuxi": a body's head, then the city it is in."""
    hit = _HEAD_CITY_RE.search(name)
    return hit is not None and city_country(hit.group(1)) is not None


# a name's head that "of <country>" belongs to: "Bank of China", "Aviation Industry Corporation of China",
# "Atomic Energy Organization of Iran"; after another word it says where the party is ("Dalian Ocean Fishing of China")
OF_PART_HEAD_RE = re.compile(
    r"Bank|Organi[sz]ation|Ministry|Government|Republic|Office|Bureau|Department|Academy|University|Institute|Chamber|"
    r"Council|Commission|Committee|Agency|Authority|Corporation|Company|Group|Association|Federation|Union|Party|"
    r"Army|Navy|Forces?|Guard|Corps|Court|Assembly|Parliament|Senate|Congress|Embassy|Consulate|State|States|People|"
    r"Kingdom|Emirates|Islands|Province|Region|City|Port|Center|Centre|Services?|Administration|Directorate|Service"
)


def of_country(norm: str, start: int, end: int) -> bool:
    """Is ``norm[start:end]`` a country's name, the whole of it ("China", "the United Arab Emirates")?"""
    name = re.sub(r"^the[ \t]+", "", norm[start:end])
    return registry().countries.code(name) is not None and not name.isupper()
