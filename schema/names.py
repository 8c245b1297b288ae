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


def is_latin(name: str) -> bool:
    """Are all the name's letters Latin (accents allowed)? "Zala Aero" yes, "Зала Аэро" no."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def reader_name(names: Iterable[str]) -> str:
    """The name to show: the first one in Latin script, else the first (FtM's caption comes first,
    so an entity is shown by its caption unless that is in another script and a name is not)."""
    given = [n for n in names if n.strip()]
    return next((n for n in given if is_latin(n)), given[0])
