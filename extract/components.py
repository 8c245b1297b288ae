"""Rules: what a body is part of, and what it administers, as its name and its neighbours say.

* ``Russia's Federal Security Service`` → part-of Russia; ``Commerce's Entity List`` → administers;
  ``China's Huawei`` → headquartered-in; ``the FSB's "Snake" malware`` → a tie; ``Iran's Islamic
  Revolutionary Guard Corps`` → part-of (a state's armed forces);
* ``Bureau of Industry and Security (BIS) in the Department of Commerce``, ``the CBP Office of Trade``,
  ``BIS, an agency of the Department of Commerce``, ``Commerce, through its BIS`` → part-of."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate, Stance

from .cues import COMPONENT_OF_RE, THROUGH_ITS_RE, UNIT_RE
from .mentions import AUTHORITY
from .patterns import CIVIL_BODY_RE
from .sentence import Sentence

T = EntityType
P = Predicate
_PARTY = frozenset({T.FIRM, T.ORGANIZATION, T.PERSON})
# a state's own body: its armed forces, police, ministries
STATE_BODY_RE = re.compile(rf"\b(?:Corps|Army|Forces|Guard|Navy|Police|Ministry|Militia)\b|{CIVIL_BODY_RE.pattern}")


_OF_ONLY_RE = re.compile(r"(?:\s*\([^()]{1,12}\))?\s*of\s+(?:the\s+)?")


def rule_possessive(sent: Sentence) -> None:
    """``Russia's Federal Security Service`` → part-of; ``Commerce's Entity List`` → administers;
    ``Bureau of Industry and Security (BIS) in the Department of Commerce`` → part-of."""
    for a, b, kind in sent.pairs():
        span = (a.start, b.end)
        if kind == "possessive":
            if a.etype in {T.AGENCY, T.COUNTRY} and b.etype is T.AGENCY:
                sent.add(b, P.PART_OF, a, span, 0.7, stance=Stance.ASSERTED)
            elif a.etype in AUTHORITY and b.etype is T.LIST:
                sent.add(a, P.ADMINISTERS, b, span, 0.7, stance=Stance.ASSERTED)
            elif a.etype is T.FIRM and b.etype is T.PRODUCT:
                sent.add(b, P.PRODUCT_OF, a, span, 0.6, stance=Stance.ASSERTED)
            elif a.etype in {T.AGENCY, T.ORGANIZATION} and b.etype is T.PRODUCT:  # "the FSB's "Snake" malware"
                sent.add(b, P.ALLEGED_TIE_TO, a, span, 0.6, stance=Stance.ASSERTED)
            elif a.etype is T.COUNTRY and b.etype is T.ORGANIZATION and STATE_BODY_RE.search(sent.doc.ents[b.eid].name):
                if CIVIL_BODY_RE.search(sent.doc.ents[b.eid].name):  # an agency of that state unless a measure
                    sent.doc.state_bodies.add(b.eid)  # falls on it (extract.bodies); armed forces stay organizations
                sent.add(
                    b, P.PART_OF, a, span, 0.65, stance=Stance.ASSERTED
                )  # "Iran's Islamic Revolutionary Guard Corps"
            elif a.etype is T.COUNTRY and b.etype in _PARTY and b.eid not in sent.doc.state_bodies:  # "China's Huawei"
                sent.add(b, P.HEADQUARTERED_IN, a, span, 0.65, stance=Stance.ASSERTED)
        elif kind == "of" and a.etype is T.AGENCY and b.etype in {T.AGENCY, T.COUNTRY}:
            if b.etype is T.COUNTRY and not _OF_ONLY_RE.fullmatch(sent.doc.norm, a.end, b.start):
                continue  # "weaponized by the GRU in the UK": where it acted, not the state it belongs to
            sent.add(a, P.PART_OF, b, span, 0.65, stance=Stance.ASSERTED)
        elif kind == "unit":  # "CBP Office of Trade", "FCC Enforcement Bureau"
            sent.add(b, P.PART_OF, a, span, 0.65, stance=Stance.ASSERTED)


def rule_component_of(sent: Sentence) -> None:
    for a in sent.ms:
        through = THROUGH_ITS_RE.match(sent.doc.norm, a.end, sent.end) if a.etype in AUTHORITY else None
        part = sent.next_mention(through.end()) if through is not None else None
        if part is not None and through is not None and part.start == through.end() and part.etype is a.etype:
            if a.etype is not T.COUNTRY:
                sent.add(part, P.PART_OF, a, (a.start, part.end), 0.7, stance=Stance.ASSERTED)
        if a.etype is not T.AGENCY:
            continue
        unit = sent.next_mention(a.end)  # "the CBP Office of Trade": the office is the agency's
        if (
            unit is not None
            and unit.etype is T.AGENCY
            and not sent.doc.norm[a.end : unit.start].strip()
            and UNIT_RE.match(sent.doc.norm, unit.start)
        ):
            sent.add(unit, P.PART_OF, a, (a.start, unit.end), 0.65, stance=Stance.ASSERTED)
        gap = COMPONENT_OF_RE.match(sent.doc.norm, a.end, sent.end)
        b = sent.next_mention(gap.end()) if gap else None
        if b is not None and gap is not None and b.start == gap.end() and b.etype in {T.AGENCY, T.COUNTRY}:
            sent.add(a, P.PART_OF, sent.head(b), (a.start, b.end), 0.7, stance=Stance.ASSERTED)
