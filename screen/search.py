"""The search query that finds a record's candidates in the graph's name index.

Recall first — the matcher judges: the record's name without quotes and without its legal forms
(they crowd the real name out of the hits: "EMMA Limited Liability Company" would rank every
LLC above EMMA LLC), in its own script, transliterated to ASCII and, for Cyrillic, romanised as
BGN/PCGN does (as OFAC and most Western lists write Russian names: х → kh, й → y); each word
exact (boosted), as a prefix and within one edit, and its first five letters for a long one (a
Russian genitive, a typo's tail); a dotted word whole too ("vakuum.ru", as the index keeps it);
words of one or two letters only when nothing else is left; identifiers as exact terms, boosted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rigour.names import remove_org_types
from rigour.text.translit import ascii_text

from graph.search_text import fold

from .matcher import without_legal_form
from .scripts import latin_forms

_QUOTES = re.compile(r"[\"'«»„“”‘’`<>]")
_SPECIAL = re.compile(r'[+\-&|!(){}\[\]^"~*?:\\/,;]')


def _bare(text: str) -> str:
    return " ".join(remove_org_types(text.casefold()).split()) or text


def forms(name: str) -> list[str]:
    """The name's forms searched: without quotes and legal forms, in its script and in Latin."""
    plain = " ".join(_QUOTES.sub(" ", name).split())
    out = [_bare(plain), without_legal_form(plain) or _bare(ascii_text(plain))]
    out += [_bare(form) for form in latin_forms(plain)]
    return list(dict.fromkeys(f for f in out if f.strip()))


def _terms(text: str) -> list[str]:
    folded = fold(text)
    words = [w for w in _SPECIAL.sub(" ", folded).split() if w.strip(".")]
    long_enough = [w for w in words if len(w.strip(".")) > 2] or words
    parts: list[str] = []
    for raw in long_enough[:12]:
        if "." in raw.strip("."):  # dotted: whole, as the index keeps it, and its pieces
            parts.append(f"{raw.strip('.')}^4")
        pieces = [p for p in raw.split(".") if len(p) > 2] if "." in raw.strip(".") else [raw.strip(".")]
        for w in pieces:
            if len(w) <= 2 and len(long_enough) > 1:
                continue
            fuzzy = f" OR {w}~1" if len(w) >= 4 else ""
            parts.append(f"({w}^4 OR {w}*^2{fuzzy})")
            if len(w) > 6 and w.isalpha():
                parts.append(f"{w[:5]}*")
    return parts


def record_query(name: str | None, identifiers: Iterable[str]) -> str | None:
    """The Lucene query of a record (None: nothing to search with)."""
    parts: list[str] = []
    if name:
        for form in forms(name):
            parts.extend(_terms(form))
    for value in identifiers:
        token = "".join(ch for ch in value if ch.isalnum())
        if len(token) >= 4:
            parts.append(f'"{token}"^8')
    return " OR ".join(dict.fromkeys(parts)) if parts else None
