"""Search text: names folded as the full-text index folds them, and the forgiving Lucene query."""

from __future__ import annotations

import re
import unicodedata

# Latin letters NFKD does not decompose, folded as Lucene's ASCIIFoldingFilter folds them.
_FOLD = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŀ": "l", "ß": "ss", "æ": "ae", "œ": "oe",
                       "þ": "th", "ð": "d"})  # fmt: skip


def fold(text: str) -> str:
    """Lower-cased, accents and ligatures folded to ASCII; other scripts (Cyrillic, Han) kept, as
    the index's ``standard-folding`` analyzer keeps them."""
    out = []
    for ch in unicodedata.normalize("NFC", text.lower()):
        if ch.isascii():
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base if base.isascii() else ch)  # "é" -> "e", "ﬁ" -> "fi"; "й" stays "й"
    return "".join(out).translate(_FOLD)


_LUCENE_SPECIAL = re.compile(r'[+\-&|!(){}\[\]^"~*?:\\/]')


def lucene_query(text: str) -> str | None:
    """A forgiving Lucene query: every term exact (boosted), as a prefix, or within one edit.

    Fuzzy and prefix terms skip the index's analyzer, so terms are folded (accents, case) here.
    """
    folded = fold(text)
    terms = [t for t in _LUCENE_SPECIAL.sub(" ", folded).replace(",", " ").replace(".", " ").split() if t]
    if not terms:
        return None
    parts = []
    for t in terms[:12]:
        fuzzy = f" OR {t}~1" if len(t) >= 4 else ""
        parts.append(f"({t}^4 OR {t}*^2{fuzzy})")
    return " OR ".join(parts)
