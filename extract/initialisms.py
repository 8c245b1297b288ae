"""An acronym's name: the run of capitalised words before a parenthesised acronym whose initials spell it
("Islamic State of Iraq and Syria (ISIS)", "Atomic Energy Organization of Iran (AEOI)"), found so that the
countries and bodies inside such a name are not taken for parties of their own (:mod:`extract.mentions`)."""

from __future__ import annotations

import re

from reference import registry

from .name_runs import NAME_TOKEN
from .spans import Mention

_PAREN_ACRONYM = re.compile(r"[ \t]*\((?:the[ \t]+)?([A-Z][A-Z&]{1,9})\)")
_RUN_WORD = re.compile(rf"{NAME_TOKEN}|of|and|for|the|on|in|&")
_INITIAL_SKIP = frozenset({"of", "and", "for", "the", "on", "in", "&"})  # words an initialism leaves out


def initialism(norm: str, start: int, stop: int) -> tuple[int, int] | None:
    """The name whose capitals' initials spell the acronym defined right after it, when the
    acronym's parenthesis begins at ``stop``: "Islamic State of Iraq and Syria (ISIS)",
    "Atomic Energy Organization of Iran (AEOI)". The shortest such run of at least two
    capitalised words ending at ``stop`` (no earlier than ``start``), else None."""
    m = _PAREN_ACRONYM.match(norm, stop)
    if m is None:
        return None
    letters = m.group(1).replace("&", "")
    words = list(_RUN_WORD.finditer(norm, start, stop))
    run: list[re.Match[str]] = []
    for w in reversed(words):  # back from the parenthesis over one run of words and spaces
        if run and norm[w.end() : run[-1].start()].strip(" \t"):
            break
        run.append(w)
    initials = ""
    for k, w in enumerate(run):
        if w.group(0) in _INITIAL_SKIP:
            continue
        word = w.group(0).lstrip("'")
        article = re.match(r"(?:al|el)-'?(\w)", word)  # "al-Qa'ida in the Arabian Peninsula (AQAP)"
        initials = ("A" + article.group(1) if article else word[0]) + initials
        if initials == letters and k >= 1 and run[k].group(0) not in _INITIAL_SKIP:
            return w.start(), run[0].end()
        if len(initials) >= len(letters):
            return None
    return None


def initialisms(norm: str) -> list[tuple[int, int]]:
    """Every :func:`initialism` of the text."""
    out = []
    for m in _PAREN_ACRONYM.finditer(norm):
        span = initialism(norm, max(0, m.start() - 150), m.start())
        if span is not None:
            out.append(span)
    return out


_INITIALS_AFTER_RE = re.compile(r"[ \t]*\(([A-Z][A-Za-z]{1,11})\)")


def initials_follow(norm: str, name: str, end: int) -> bool:
    """Do the initials the text defines right after ``name`` stand for all of it ("Countering America's
    Adversaries Through Sanctions Act (CAATSA)": "Through" is then a word of the name, not a headline's)?"""
    defined = _INITIALS_AFTER_RE.match(norm, end)
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isalpha() and w.lower() not in {"of", "the", "and"}]
    return defined is not None and "".join(w[0] for w in words).upper() == defined.group(1).upper()


def abbreviates_country(norm: str, m: Mention, acronym: str) -> bool:
    """Does ``acronym`` stand for the country ``m`` names ("People's Republic of China (PRC)",
    "Burma (Myanmar)"), not for a longer name ending in it ("Commission on China (CECC)")?"""
    if registry().countries.code(acronym) == registry().countries.code(m.eid.split(":", 1)[1].upper()):
        return True
    words = [w for w in re.split(r"[\s-]+", norm[m.start : m.end]) if w and w.lower() not in {"of", "the", "and"}]
    return "".join(w[0] for w in words).upper() == acronym.replace(".", "").upper()
