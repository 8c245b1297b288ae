"""A name written in another script, in Latin letters: the forms lists write it in.

Cyrillic: ASCII transliteration and the BGN/PCGN romanisation most Western lists use (х → kh,
й → y); Han: pinyin syllables as ICU gives them, and joined as names are written ("xi jin ping" →
"xi jinping", "xijinping"); any other script: ASCII transliteration. A Latin name has none.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from rigour.text.translit import ascii_text

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_HAN = re.compile(r"[\u3400-\u9FFF]")
_NON_LATIN = re.compile(r"[^\x00-\u024F\u1E00-\u1EFF\s\W\d]")


@cache
def _bgn() -> Any:
    import icu  # type: ignore[import-untyped]

    return icu.Transliterator.createInstance("Russian-Latin/BGN")


def latin_forms(name: str) -> list[str]:
    """The name's Latin forms (none when it is written in Latin letters already)."""
    if not _NON_LATIN.search(name):
        return []
    ascii_form = " ".join(ascii_text(name).split())
    out = [ascii_form]
    if _CYRILLIC.search(name):
        out.append(" ".join(_bgn().transliterate(name).replace("·", "").split()))
    if _HAN.search(name):
        syllables = ascii_form.split()
        if len(syllables) > 1:
            out += [f"{syllables[0]} {''.join(syllables[1:])}", "".join(syllables)]
    return list(dict.fromkeys(f for f in out if f.strip()))
