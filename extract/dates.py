"""Dates of a candidate, from its sentence: absolute ones ("in 2017", "March 25, 2022",
"25 March 2022", "Sept. 2019", "2022-03-25") become ``valid_from`` — or ``valid_to`` after
"until", "through", "by", ... — when no clause break (``after``, ``which``, ``;``, ...) stands
between them and the cue; relative ones ("last year", "earlier this month", "yesterday") are
resolved against the published date when it is known, else kept as the qualifier
``relative_date``. Month names come from :mod:`schema.dates`."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from schema.dates import MONTHS, month_number

from .sentence import Raw, Sentence

_I = re.IGNORECASE

# the month names written out, or their first three letters and a dot ("Sept." too; "May" has none)
_MONTH_ALT = (
    "(?:"
    + "|".join(
        [name.capitalize() for name in MONTHS]
        + [name[:3].capitalize() + ("t?" if name == "september" else "") + r"\." for name in MONTHS if len(name) > 3]
    )
    + ")"
)
DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_ALT})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_ALT})\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<m3>{_MONTH_ALT})\s+(?:of\s+)?(?P<y3>(?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"
    r"|(?P<prep>in|since|from|during|by|until|through|before|after|early|late|mid-?)\s+"
    r"(?P<y4>(?:19|20)\d\d))\b"
)
CLAUSE_BREAK_RE = re.compile(r"\b(?:after|before|when|while|because|although|whereas|which|who|following)\b|[;:]", _I)
_TO_PREPS = re.compile(r"\b(?:until|through|till|before|by)\s+$", _I)
RELATIVE_RE = re.compile(
    r"\b(?:(?:last|this|next)\s+(?:year|month|week)|earlier\s+this\s+(?:year|month)|"
    r"today|yesterday)\b",
    _I,
)


def _partial(y: str, m: int | None = None, d: str | None = None) -> str | None:
    try:
        if m is None:
            return y
        if d is None:
            return f"{y}-{m:02d}"
        return date(int(y), m, int(d)).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int:
    number = month_number(name)
    assert number is not None, name  # DATE_RE only matches month names
    return number


def _sentence_dates(sent: Sentence) -> list[tuple[int, int, str, bool]]:
    """(start, end, partial date, is-an-end-date) of every absolute date in the sentence."""
    if sent.date_cache is not None:
        return sent.date_cache
    norm = sent.doc.norm
    out: list[tuple[int, int, str, bool]] = []
    for m in DATE_RE.finditer(norm, sent.start, sent.end):
        if sent.inside_mention(m.start()):
            continue  # "Act of 2019"
        g = m.groupdict()
        if g["y1"]:
            value = _partial(g["y1"], _month(g["m1"]), g["d1"])
        elif g["y2"]:
            value = _partial(g["y2"], _month(g["m2"]), g["d2"])
        elif g["y3"]:
            value = _partial(g["y3"], _month(g["m3"]))
        elif g["iso"]:
            y, mo, d = g["iso"].split("-")
            value = _partial(y, int(mo), d)
        else:
            value = g["y4"]
        if value is None:
            continue
        to = bool(_TO_PREPS.search(norm[max(sent.start, m.start() - 10) : m.start()])) or (g["prep"] or "").lower() in {
            "until",
            "through",
            "before",
            "by",
        }
        out.append((m.start(), m.end(), value, to))
    for m in RELATIVE_RE.finditer(norm, sent.start, sent.end):
        out.append((m.start(), m.end(), " ".join(m.group(0).lower().split()), False))
    sent.date_cache = out
    return out


def claim_dates(sent: Sentence, raw: Raw, published: str | None) -> tuple[str | None, str | None, dict[str, Any]]:
    """valid_from, valid_to and qualifiers from the dates in the claim's clause."""
    norm, cue = sent.doc.norm, raw.cue
    near = [
        (abs(start - cue[0]), value, to)
        for start, end, value, to in _sentence_dates(sent)
        if abs(start - cue[0]) < 300 and not CLAUSE_BREAK_RE.search(_between(norm, (start, end), cue))
    ]
    valid_from = valid_to = None
    relative = None
    for _, value, to in sorted(near):
        if not value[0].isdigit():
            relative = relative or value
        elif to and valid_to is None:
            valid_to = value
        elif not to and valid_from is None:
            valid_from = value
    qualifiers: dict[str, Any] = {}
    if valid_from is None and valid_to is None and relative is not None:
        resolved = resolve_relative(relative, published)
        if resolved is None:
            qualifiers["relative_date"] = relative
        else:
            valid_from = resolved
    return valid_from, valid_to, qualifiers


def _between(norm: str, a: tuple[int, int], b: tuple[int, int]) -> str:
    """The text strictly between two spans."""
    return norm[a[1] : b[0]] if a[0] < b[0] else norm[b[1] : a[0]]


def resolve_relative(phrase: str, published: str | None) -> str | None:
    """``phrase`` ("last year", "earlier this month", "yesterday") as a partial date, counted from
    the partial date ``published``; None when it cannot be resolved (no or too coarse a date)."""
    if published is None:
        return None
    parts = published.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else None
    if phrase in {"last year"}:
        return str(year - 1)
    if phrase in {"this year", "earlier this year"}:
        return str(year)
    if phrase == "next year":
        return str(year + 1)
    if phrase in {"last month", "this month", "earlier this month"} and month is not None:
        if phrase == "last month":
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return f"{year}-{month:02d}"
    if phrase in {"today", "yesterday"}:
        if len(parts) == 3:
            day = date.fromisoformat(published)
            return (day - timedelta(days=1 if phrase == "yesterday" else 0)).isoformat()
        return published
    return None
