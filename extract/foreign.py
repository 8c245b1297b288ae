"""Is a body the patterns found a foreign state's ("Pakistan Atomic Energy Commission", "Iran's
Ministry of Defense")? The mention finder types such a body an organization (:mod:`extract.bodies`
then makes it its state's agency where no measure falls on it)."""

from __future__ import annotations

import re

from reference import registry

from .patterns import CIVIL_BODY_RE

_PLACE_WORD_RE = re.compile(r"\b[A-Z][a-z]{3,}\b")
_TOPIC_RE = re.compile(r"[ \t]+on[ \t]+")  # what a committee is "on" names no owner


def foreign_body(name: str) -> bool:
    """Is a body the patterns found named after a place outside the United States ("Pakistan Atomic
    Energy Commission", "Xinjiang Public Security Bureau")? Then it is an organization the texts
    sanction and list, not one of the authorities (the registry holds the authorities by name)."""
    for word in _PLACE_WORD_RE.findall(_TOPIC_RE.split(name)[0]):  # "House Select Committee on China": its topic
        code = registry().countries.code(word)
        if code is not None and code != "US":
            return True
    return False


_OWNER_BEFORE_RE = re.compile(r"(?<![\w.'-])([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,3})'s?[ \t]+$")


_DEMONYM_BEFORE_RE = re.compile(
    r"(?<![\w-])([A-Z][a-z]{3,})(?:[ \t]+(?:entity|government|state-owned|military))?[ \t]+$"
)


def foreign_owner(norm: str, start: int) -> bool:
    """Is the body named right after a foreign country's possessive ("Iran's Ministry of Defense and
    Armed Forces Logistics") or its demonym ("the Chinese entity Equipment Development Department")?
    Then it is that country's, an organization as in :func:`foreign_body`."""
    for regex in (_OWNER_BEFORE_RE, _DEMONYM_BEFORE_RE):
        owner = regex.search(norm, max(0, start - 40), start)
        code = registry().countries.code(owner.group(1)) if owner is not None else None
        if code is not None and code != "US":
            return True
    return False


def foreign_civil_body(name: str) -> bool:
    """ "Australian Cyber Security Centre": a foreign state's civil body (extract.bodies: an agency unless a
    measure falls on it)."""
    return CIVIL_BODY_RE.search(name) is not None and foreign_body(name)
