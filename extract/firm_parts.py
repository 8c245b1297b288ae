"""Where one match of the firm pattern holds several firms' names: the ``and`` inside
``China National Electronics Import and Export Corporation`` joins one name, the one in ``Alpha
Trading SARL and Beta Holding S.A.`` parts two (:func:`firm_parts`; :mod:`extract.mentions` asks)."""

from __future__ import annotations

import re

from . import names
from .legal_forms import legal_form_last
from .patterns import CIVIL_BODY_RE, FIRM_SUFFIX, PREFIX_RE
from .personal import person_shaped

__all__ = ["firm_parts"]

_FIRM_AND_RE = re.compile(r"[ \t]+(?:and|&)[ \t]+")
_KIN_FIRM_RE = re.compile(r"(?:Sons|Brothers|Bros\.?|Partners|Associates|Company|Co\.)(?![\w-])")
_SHORT_AFTER_RE = re.compile(r"[ \t]*\([^()]{1,30}\)$")
_BODY_HEAD_END_RE = re.compile(rf"(?:{CIVIL_BODY_RE.pattern}|\b(?:Ministry|Police|Committee))[ \t]*$")


def firm_parts(name: str, plural: bool = False) -> list[tuple[int, int]]:
    """The firm names in a match that has ``and`` inside: ``China National Electronics Import
    and Export Corporation`` is one name (a long descriptive left part); ``Huawei and ZTE
    Corporation`` is one firm after the ``and`` (the left part is short or all capitals), and
    ``Global Training Solutions Limited and Smartech Future Limited`` two (the left part ends with a
    legal form, ours or one rigour knows: ``Alpha Trading SARL and Beta Holding S.A.``), and so are
    both sides after a plural (``two entities, Alpha Energy and Beta Co.``)."""
    parts: list[tuple[int, int]] = []
    cut = 0
    for m in _FIRM_AND_RE.finditer(name):
        left_text = name[cut : m.start()]
        left = left_text.split()
        right = name[m.end() :].split()
        core = _SHORT_AFTER_RE.sub("", left_text)  # "Alpha Trading Corporation (Alpha) and ...": its short name
        if re.search(rf"\b{FIRM_SUFFIX}$", core) or legal_form_last(core):  # "... SARL and ..."
            parts.append((cut, cut + len(core)))
            cut = m.end()
        elif PREFIX_RE.match(name, m.end()) and (len(left) >= 2 or PREFIX_RE.match(left_text)):
            parts.append((cut, m.start()))  # "OOO Sky Frame and AO Ural Plant": a legal form opens the next name
            cut = m.end()
        elif plural and len(left) >= 1:  # "two Chinese entities, Alpha Energy and Beta Tanker Co."
            parts.append((cut, m.start()))
            cut = m.end()
        elif _KIN_FIRM_RE.match(name, m.end()):
            continue  # "Akhtar and Sons Private Limited", "Smith & Partners LLC": one firm's name
        elif len(left) < 2 or right[0].isupper() or _BODY_HEAD_END_RE.search(left_text):
            cut = m.end()  # "Xinjiang Public Security Bureau and Omega Tech Ltd.": a body's name, found as one
        elif "&" not in m.group(0) and person_shaped(left_text.strip(), names.COMMON):
            cut = m.end()  # "Sergey Gorkov and Delta Trading LLC": the person is found as a name
    parts.append((cut, len(name)))
    return parts
