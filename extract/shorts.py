"""Short forms: the shorter names a text uses again for a party it named in full.

A firm's first word ("Kaspersky" for "Kaspersky Lab, Inc.") unless it opens two firms' names, and
its name without parentheses or its trailing legal form ("China Unicom (Americas) Operations
Limited" → "China Unicom Americas"); a person's family name ("Vekselberg" for "Viktor
Vekselberg"), written first when the text uses the first word alone ("Lu and Chen" after "Lu
Jianwang" and "Chen Jinping"); a program's name ("Snake" after '"Snake" malware'); a numbered
law's title without its number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from reference import registry
from schema.ontology import EntityType

from .builtin import demonyms
from .patterns import FIRM_SUFFIX, LEGAL_PREFIX, UNIT_NOUNS
from .spans import Mention

if TYPE_CHECKING:
    from .mentions import Ent

T = EntityType

# kinds of instrument whose number is their name: a bare "Executive Order" is not the one named before
_NUMBERED_KIND_RE = re.compile(r"Executive\s+Order|General\s+License|Public\s+Law|Directive|E\.O\.")
# a parent named as such: "an American subsidiary of Russia's Kaspersky Lab", "a unit of Alpha Holdings"
_PARENT_RE = re.compile(
    rf"\b{UNIT_NOUNS}\s+of\s+(?:the\s+)?(?:[A-Z][\w.]*'s\s+)?"
    r"(?P<p>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})"
)
_GENERIC_TAIL = re.compile(rf"(?:,?\s+(?:{FIRM_SUFFIX}|Operations|International|Holdings?|Group|General))$")


def short_forms(norm: str, ents: Iterable[Ent], free: Callable[[str, str], bool]) -> dict[str, str]:
    """Each short form → the entity it stands for, over ``ents`` in the order the text names them
    (the first named keeps a form two share); ``free(form, eid)``: no other entity goes by it."""
    shorts: dict[str, str] = {}
    heads: dict[str, set[str]] = {}  # the firms each first word opens: "Xinjiang" opens three, names none
    firsts: dict[str, set[str]] = {}  # the persons each first word opens
    lasts: set[str] = set()
    ents = list(ents)
    longer = {t for e in ents if e.type is T.FIRM for t in trimmed(e.name)}
    parents = {" ".join(m.group("p").split()) for m in _PARENT_RE.finditer(norm)}
    absorbed = {e.id for e in ents if e.type is T.FIRM and e.name in longer}  # "Huawei Technologies": a short form
    for ent in ents:
        eid = ent.id
        if ent.type is T.FIRM and ent.how in {"pattern", "known"}:
            core = [w.rstrip(",") for w in re.sub(rf"^{LEGAL_PREFIX}\s+", "", ent.name).split()]  # "Truphone, Inc."
            heads.setdefault(core[0] if len(core) > 1 else "", set()).add(eid)
            if (
                len(core) > 1  # a one-word name is no short form of itself
                and (len(core[0]) >= 4 or core[0].isupper() and len(core[0]) == 3)
                and (core[0][0].isupper() and core[0].replace("-", "").isalpha())  # "TP-Link"
                and core[0] not in demonyms()  # "Russian" is no short form of "Russian LNG"
            ):
                if free(core[0], eid):
                    shorts.setdefault(core[0], eid)
            for short in trimmed(ent.name):  # "China Unicom (Americas) Operations Limited"
                if free(short, eid) and short not in parents:  # not "X, Inc., a subsidiary of X": two firms
                    shorts.setdefault(short, eid)
        if ent.type is T.PERSON and ent.how == "pattern":  # "Vekselberg" after "Viktor Vekselberg"
            words = [w for w in ent.name.split() if not w.startswith('"')]  # '"Harry" Lu Jianwang': a nickname
            last = words[-1] if len(words) >= 2 else ""
            lasts.add(last)
            if len(words) >= 2 and words[0].isalpha() and words[0][0].isupper():
                firsts.setdefault(words[0], set()).add(eid)
            paternal = words[1] if len(words) == 3 else ""  # "Nicolas Maduro Moros": "Maduro", the father's name
            if len(paternal) >= 4 and paternal.isalpha() and paternal[0].isupper():
                if free(paternal, eid):
                    shorts.setdefault(paternal, eid)
            bare = re.sub(r"^(?:al|el)-", "", last)  # "al-Mawla", "Al-Mawla" at a sentence's start
            if len(bare) >= 4 and bare.isalpha() and bare[0].isupper():
                for short in dict.fromkeys((last, last[0].upper() + last[1:])):
                    if free(short, eid):
                        shorts.setdefault(short, eid)
        if ent.type is T.PRODUCT and ent.how == "pattern" and ent.name[:1].isupper():  # "Snake" after '"Snake" malware'
            shorts.setdefault(ent.name, eid)
        if ent.type is T.LAW and ent.how == "pattern":
            bare = re.sub(r"\s+(?:\d[\d-]*|of\s+\d{4})$", "", ent.name)
            if bare != ent.name and len(bare.split()) >= 2 and not _NUMBERED_KIND_RE.fullmatch(bare):
                shorts.setdefault(bare, eid)
    for word, owners in firsts.items():  # a family name written first, used alone: one person's only
        if len(owners) == 1 and word not in lasts and word not in shorts and _alone(norm, word):
            (eid,) = owners
            if free(word, eid):
                shorts[word] = eid
    return {k: v for k, v in shorts.items() if len(heads.get(k, set()) - absorbed) < 2}


def _alone(norm: str, word: str) -> bool:
    """Does the text use ``word`` with no other name's word after it ("Lu and Chen are charged")?"""
    return re.search(rf"(?<![\w.'-]){re.escape(word)}(?![\w'-]|[ \t]+[A-Z])", norm) is not None


def trimmed(name: str) -> list[str]:
    """Shorter names of a firm the text may use again: without parentheses and without its
    trailing legal form and generic words, while at least two words remain, and the shortest without
    a country's name before them ("Korea Songkwang Trading General Corp." → "Songkwang Trading")."""
    bare = " ".join(re.sub(r"[()]", "", name).split())
    out = [bare] if bare != name else []
    while True:
        cut = _GENERIC_TAIL.search(bare)
        if cut is None or len(bare[: cut.start()].split()) < 2:
            break
        bare = bare[: cut.start()].rstrip(" ,")
        out.append(bare)
    for form in list(out):
        first, _, rest = form.partition(" ")
        if len(rest.split()) >= 2 and registry().countries.code(first) is not None:
            out.append(rest)
    return out


def anywhere(shorts: dict[str, str], ents: dict[str, Ent]) -> set[str]:
    """The short forms that are their party wherever the text uses them, before its full name too (a headline's
    "Huawei Technologies", "Treasury Sanctions Maduro"): a firm's name without its legal form, a person's family
    name."""
    out = set()
    for term, eid in shorts.items():
        ent = ents[eid]
        if (ent.type is T.FIRM and term in trimmed(ent.name)) or (
            ent.type is T.PERSON and " " not in term and term in ent.name.split()[1:]
        ):
            out.add(term)
    return out


def as_parties(
    mentions: list[Mention],
    norm: str,
    ents: dict[str, Ent],
    forms: dict[str, str],
    first_seen: dict[str, int],
    every: set[str],
) -> tuple[list[Mention], dict[str, str]]:
    """A name typed by its context that is a short form of a party named before it (``every``: anywhere), or a name
    defined after one ("Private Military Company 'Wagner' (Wagner Group)"), is that party: "three companies: China
    Unicom Americas, ..." after "China Unicom (Americas) Operations Limited". Returns the mentions, and each name no
    mention is left of -> the party it became."""
    out, moved = [], {}
    for m in mentions:
        term = " ".join(norm[m.start : m.end].split())
        eid = forms.get(term) if m.how == "pattern" else None
        if eid is not None and eid != m.eid and (term in every or first_seen.get(eid, m.start) < m.start):
            moved[m.eid], m = eid, Mention(m.start, m.end, eid, ents[eid].type, "alias")
        out.append(m)
    return out, {old: new for old, new in moved.items() if all(m.eid != old for m in out)}
