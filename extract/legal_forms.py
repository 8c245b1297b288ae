"""Legal forms rigour knows (its org types, in many languages): does a name end in one, and where does a
firm's name end past one written after it. The forms this package spells out itself are
:data:`extract.patterns.FIRM_SUFFIX` and ``LEGAL_PREFIX``."""

from __future__ import annotations

import re

from rigour.names.org_types import extract_org_types

__all__ = ["legal_form_last", "legal_tail"]


def legal_form_last(name: str) -> bool:
    """Does the name end in a legal form rigour knows (``... Trading FZE``, ``... DMCC``, ``... SARL``)?
    A one-word name is not enough (``AG`` alone is no firm)."""
    if " " not in name:
        return False
    found = extract_org_types(name)
    if not found or not name.endswith(found[-1][0]) or len(found[-1][0]) >= len(name):
        return _capital_form(name.rsplit(None, 1)[-1])
    return _ROMAN.fullmatch(found[-1][0]) is None  # "Chashma II" is a plant's number, not a form


def _capital_form(word: str) -> bool:
    """A form rigour knows in another spelling, written in capitals: "ZRT" (Zrt.), "AD" (A.D.), "KFT" (Kft)."""
    if not (word.isupper() and word.isalpha() and 2 <= len(word) <= 4) or _ROMAN.fullmatch(word):
        return False
    for spelled in (word.capitalize(), word.capitalize() + ".", ".".join(word) + "."):
        found = extract_org_types(spelled)
        if found and found[-1][0] == spelled:
            return True
    return False


_ROMAN = re.compile(r"[IVX]+")
_REGION_TAIL = re.compile(r"[ \t]+(?:Americas|International|Global|Europe|Asia[ \t]+Pacific|Asia|Eurasia)(?![\w-])")
_TAIL = re.compile(r",?[ \t]+([A-Z][A-Za-z.]{1,6})(?![\w-])")  # "ABLV Bank, AS": a form after a comma too


def legal_tail(norm: str, end: int) -> int:
    """Where a firm's name ends, past a region a subsidiary is named for ("China Telecom" Americas)
    and a legal form rigour knows right after it ("Delta Trading" FZE)."""
    region = _REGION_TAIL.match(norm, end)
    end = region.end() if region is not None else end
    tail = _TAIL.match(norm, end)
    if tail is None or _ROMAN.fullmatch(tail.group(1)):
        return end
    found = extract_org_types(tail.group(1))  # "Bhd." is found as "Bhd"
    return tail.end() if found and found[-1][0] in {tail.group(1), tail.group(1).rstrip(".")} else end
