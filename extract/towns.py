"""A town named like a country, in a US state: "Malta, New York", "Moscow, Idaho", "Lebanon, Ohio".

The town is in the United States, not in the country whose name it shares. The states are rigour's
territories under the United States ("New York", "Texas", "District of Columbia"); "Georgia" is
left to the country, as rigour names the state "Georgia (USA)". A list of places ("offices in
Russia, New York and London") is no town and its state.
"""

from __future__ import annotations

import re
from functools import cache

import rigour.territories as territories

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
