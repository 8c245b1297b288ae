"""Mentions and how overlapping ones are settled: the span type every part of the extractor passes
around (:class:`Mention`), the resolution of overlaps between the finders' candidates (leftmost wins;
at one start the gazetteer, then the longest) and the look-ups over sorted spans."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from schema.ontology import EntityType

T = EntityType
_PRIORITY = {"known": 0, "builtin": 1, "alias": 2, "pattern": 3}


@dataclass(frozen=True, slots=True)
class Mention:
    """A span ``[start, end)`` of the text that names entity ``eid``."""

    start: int
    end: int
    eid: str
    etype: EntityType
    how: str  # known | builtin | pattern | alias


def resolve_gaps(
    mentions: list[Mention],
    extra: list[Mention],
    replace_laws: bool = False,
) -> list[Mention]:
    """``mentions`` plus the ``extra`` ones that overlap none of them (with ``replace_laws``, an
    extra law mention also replaces the law mentions it covers: a longer name of the same law)."""
    kept = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in kept]
    width = max((m.end - m.start for m in kept), default=0)
    dropped: set[int] = set()
    added: list[Mention] = []
    for x in sorted(extra, key=lambda m: m.start):
        lo = bisect.bisect_left(starts, x.start - width)
        hi = bisect.bisect_left(starts, x.end)
        over = [i for i in range(lo, hi) if i not in dropped and kept[i].end > x.start]
        if added and added[-1].end > x.start:
            continue
        if (
            over
            and replace_laws
            and all(kept[i].etype is T.LAW and x.start <= kept[i].start and kept[i].end <= x.end for i in over)
        ):
            dropped.update(over)
            over = []
        if not over:
            added.append(x)
    out = [m for i, m in enumerate(kept) if i not in dropped] + added
    return sorted(out, key=lambda m: m.start)


def within(ms: Sequence[Mention], starts: Sequence[int], lo: int, hi: int) -> list[Mention]:
    """The mentions of ``ms`` (sorted, non-overlapping) that lie inside ``[lo, hi)``."""
    return [m for m in ms[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)] if m.end <= hi]


def overlaps(spans: list[tuple[int, int]], start: int, end: int, width: int) -> bool:
    """Does ``[start, end)`` overlap a span of the sorted ``spans`` (none longer than ``width``)?"""
    i = bisect.bisect_left(spans, (start - width, -1))
    while i < len(spans) and spans[i][0] < end:
        if start < spans[i][1]:
            return True
        i += 1
    return False


def _starts_alias(starts: list[int], spans: list[tuple[int, int]], m: Mention) -> bool:
    i = bisect.bisect_left(starts, m.start)
    return i < len(spans) and spans[i][0] == m.start and spans[i][1] > m.end


def resolve(cands: list[Mention], keep_existing: bool = False) -> list[Mention]:
    """Non-overlapping mentions: leftmost wins; at one start the gazetteer, then the longest.
    With ``keep_existing`` the non-alias mentions all stay and aliases only fill the gaps."""
    if keep_existing:
        kept = sorted((m for m in cands if m.how != "alias"), key=lambda m: m.start)
        # a firm's name that starts with a country's ("China Unicom Americas") is the firm's
        firm_aliases = sorted((m.start, m.end) for m in cands if m.how == "alias" and m.etype is T.FIRM)
        if firm_aliases:
            starts = [a for a, _ in firm_aliases]
            kept = [m for m in kept if not (m.etype is T.COUNTRY and _starts_alias(starts, firm_aliases, m))]
        spans = [(m.start, m.end) for m in kept]
        width = max((e - s for s, e in spans), default=0)
        extra: list[Mention] = []
        for m in sorted((m for m in cands if m.how == "alias"), key=lambda m: m.start):
            if not overlaps(spans, m.start, m.end, width) and (not extra or extra[-1].end <= m.start):
                extra.append(m)
        return sorted(kept + extra, key=lambda m: m.start)
    order = sorted(cands, key=lambda m: (m.start, _PRIORITY[m.how] >= 3, -(m.end - m.start)))
    out: list[Mention] = []
    last_end = -1
    for m in order:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out
