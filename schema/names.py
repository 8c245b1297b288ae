"""Names compared as words: what two names of one entity are expected to share.

A name's tokens are its words after transliteration to Latin, case folding and the removal of
legal-form words (rigour's org types: "LLC", "Limited", "AO", "Inc"…), so "Acme LLC" and
"Globex LLC" share nothing while "АО Лаборатория Касперского" and "Kaspersky Laboratoriya"
share "kasperskogo"/"kaspersky" only where the transliteration does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import normality
from rigour.names import remove_org_types


def name_tokens(name: str) -> frozenset[str]:
    """The words of a name (transliterated, case-folded), legal forms left out."""
    bare = remove_org_types(name, replacement=" ") or name
    text = normality.normalize(bare, lowercase=True, latinize=True) or ""
    return frozenset(t for t in text.split() if len(t) > 1 or t.isdigit())


def share_a_word(names: Iterable[str], others: Iterable[str]) -> bool:
    """Does any of ``names`` share a word with any of ``others``?"""
    mine = frozenset().union(*(name_tokens(n) for n in names))
    return any(mine & name_tokens(o) for o in others)


def alias_key(name: str) -> str:
    """What makes two spellings of a name the same alias: case and accents folded, spaces
    collapsed — scripts kept ("Касперский" and "Kasperskiy" are two aliases)."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
