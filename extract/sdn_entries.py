"""OFAC's entry lines, as its Recent Actions notices and press releases print them::

    LI, Hong Ri (Chinese Simplified: 李红日) (a.k.a. LI, Hongri), China; DOB 05 Jul 1964; nationality
    China; Gender Male (individual) [DPRK3] (Linked To: RI, Song-hyok).
    DALIAN GLOBAL UNITY SHIPPING CO., LTD. (...), Dalian, China; Pyongyang, Korea, North [DPRK3].

A line is an entry when it ends in a program tag (``[DPRK3]``, ``[SDGT] [IFSR]``) or ``(Linked To:
...)``. Its name is a person's (``LAST, First``, marked ``(individual)``) or a firm's; the places it
gives (``nationality X``, the country ending each address) are where it is; ``Linked To: Y`` is a
``linked-to``. The entry does not say who listed it (a notice of OFAC's does, elsewhere), so no
sanction claim comes from the line itself."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reference import country_id, registry
from schema.ontology import EntityType, Predicate, Stance

if TYPE_CHECKING:  # the mention finder imports this module before the sentence module exists
    from .sentence import Sentence

T = EntityType
P = Predicate

ENTRY_RE = re.compile(
    r"^(?P<name>[A-Z][A-Z0-9'’.&\- ]+(?:,[ \t]+(?:LTD|LLC|INC|CO|LIMITED|JSC|PJSC|S\.A|FZE|FZCO)\.?)+|"
    r"[A-Z][A-Z0-9'’.&\- ]+?(?:,[ \t]+[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,3})?)"
    r"(?=[ \t]*[,(])(?P<rest>[^\n]*\[[A-Z0-9-]+\](?:[ \t]*\[[A-Z0-9-]+\])*[^\n]*)$",
    re.M,
)
LINKED_RE = re.compile(r"\(Linked[ \t]+To:[ \t]*(?P<other>[^)]+)\)")
NATIONALITY_RE = re.compile(r"\b(?:nationality|citizen)[ \t]+(?P<c>[A-Z][\w ,]*?)(?=[;)]|$)")
ADDRESS_END_RE = re.compile(
    r",[ \t]*(?P<c>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*(?:,[ \t]+(?:North|South))?)[ \t]*(?=;|\[|$)"
)
_PAREN_RE = re.compile(r"\([^()]*\)")


def _display(name: str) -> tuple[str, EntityType | None]:
    """``LI, Hong Ri`` → (``Li Hong Ri``, person); ``DALIAN ... CO., LTD.`` → (as written, None)."""
    last, sep, first = name.partition(", ")
    if sep and first[:1].isupper() and not first.isupper() and last.isupper():
        return f"{last.title()} {first}", T.PERSON
    return name.strip(), None


def names(norm: str) -> list[tuple[int, int, EntityType, str]]:
    """``(start, end, type, name)`` of each entry's name and of the parties it is linked to."""
    out: list[tuple[int, int, EntityType, str]] = []
    for m in ENTRY_RE.finditer(norm):
        name, kind = _display(m.group("name"))
        if kind is None:
            kind = T.PERSON if "(individual)" in m.group("rest") else T.FIRM
        out.append((m.start("name"), m.end("name"), kind, name))
        for link in LINKED_RE.finditer(norm, m.start("rest"), m.end("rest")):
            other, other_kind = _display(link.group("other").strip())
            out.append((link.start("other"), link.end("other"), other_kind or T.FIRM, other))
    return out


def rule_entries(sent: Sentence) -> None:
    norm = sent.doc.norm
    m = ENTRY_RE.match(norm, sent.start, sent.end)
    if m is None:
        return
    subject = next((x for x in sent.ms if x.start == m.start("name")), None)
    if subject is None:
        return
    rest = _PAREN_RE.sub(lambda p: " " * len(p.group(0)), norm[m.start("rest") : m.end("rest")])
    places = [x.group("c") for x in NATIONALITY_RE.finditer(rest)]
    if subject.etype is not T.PERSON or not places:
        places += [x.group("c") for x in ADDRESS_END_RE.finditer(rest)]
    seen: set[str] = set()
    for place in places:
        code = registry().countries.code(place.strip())
        if code and code not in seen:
            seen.add(code)
            sent.add(subject, P.HEADQUARTERED_IN, country_id(code), (m.start(), m.end()), 0.7, stance=Stance.ASSERTED)
    for link in LINKED_RE.finditer(norm, m.start("rest"), m.end("rest")):
        other = next((x for x in sent.ms if x.start == link.start("other")), None)
        if other is not None and other.eid != subject.eid:
            sent.add(subject, P.LINKED_TO, other, (link.start(), link.end()), 0.7, stance=Stance.ASSERTED)
