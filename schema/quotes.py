"""Locating a quote in its source text.

Both sides are normalised before matching: every run of white space (including non-breaking
and zero-width spaces, tabs and line breaks) becomes one space, and curly quotes, primes and
backquotes become straight ones (‘ ’ ‚ ‛ ′ → ', “ ” „ ‟ ″ ` → "), and the hyphen and
non-breaking hyphen characters (U+2010, U+2011) the plain hyphen-minus. The offsets returned point
into the *original* text, and the stored quote is the original slice ``text[start:end]`` — so it
equals the source at its offsets byte for byte.

:func:`fold` is the same character mapping without collapsing white space: one character for
one, so an offset into the folded text is an offset into the original (the article extractor
matches its patterns on it).
"""

from __future__ import annotations

from collections.abc import Iterable

import normality

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
_FOLD = str.maketrans(
    {
        **dict.fromkeys(_SPACES, " "),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033`", '"'),
        **dict.fromkeys("\u2010\u2011", "-"),  # "a Hong Kong‑based firm" as a word processor writes it
    }
)


def fold(text: str) -> str:
    """Same length as ``text``: odd spaces → space, curly quotes, primes and backquotes → straight."""
    return text.translate(_FOLD)


def normalise(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the index it came from."""
    out: list[str] = []
    index: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace() or ch in _SPACES:
            if not in_space:
                out.append(" ")
                index.append(i)
            in_space = True
            continue
        in_space = False
        out.append(ch.translate(_FOLD))
        index.append(i)
    return "".join(out), index


def locate(
    text: str, quote: str, start_hint: int | None = None, normalised: tuple[str, list[int]] | None = None
) -> tuple[int, int] | None:
    """(start, end) of ``quote`` in ``text`` after normalisation, or None.

    With several occurrences the one at or after ``start_hint`` wins (else the first).
    ``normalised`` may pass ``normalise(text)`` computed once for many quotes.
    """
    norm_text, index = normalised or normalise(text)
    norm_quote = normalise(quote)[0].strip()
    if not norm_quote:
        return None
    hits: list[int] = []
    pos = norm_text.find(norm_quote)
    while pos != -1:
        hits.append(pos)
        pos = norm_text.find(norm_quote, pos + 1)
    if not hits:
        return None
    chosen = hits[0]
    if start_hint is not None:
        chosen = next((h for h in hits if index[h] >= start_hint), hits[0])
    start = index[chosen]
    end = index[chosen + len(norm_quote) - 1] + 1
    return start, end


def matches(text: str, quote: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is ``quote`` up to the documented normalisation."""
    if not 0 <= start < end <= len(text):
        return False
    return normalise(text[start:end])[0].strip() == normalise(quote)[0].strip()


def _words(text: str) -> list[str]:
    return (normality.normalize(text, lowercase=True, ascii=True) or "").split()


def names_any(quotes: Iterable[str], names: Iterable[str]) -> bool:
    """Whether the quotes name one of ``names`` (an entity's id, name, aliases, identifiers): the
    whole name as words, or one of its words of five letters or more ("Kaspersky" names "AO
    Kaspersky Lab"), compared transliterated and case-folded."""
    said: set[str] = set()
    text = " " + " ".join(" ".join(_words(q)) for q in quotes) + " "
    said.update(text.split())
    for name in names:
        words = _words(name)
        if not words:
            continue
        if f" {' '.join(words)} " in text or any(len(w) >= 5 and w in said for w in words):
            return True
    return False
