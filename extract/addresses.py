"""A party's postal address after its name, as the Entity List's rules and OFAC's notices give it:
``Alpha Electronics Co., Ltd., Room 1203, Tower 2, 88 Queensway, Admiralty, Hong Kong; and Beta
Optics LLC, 15 Leninsky Prospekt, Moscow, Russia``.

An address opens after a comma with a word addresses open with (a room, a floor, a building, a
number, a post-office box, a named street) and ends with the last country named before the next
semicolon, line end or sentence end. Its words are no names ("Room", "Tower"), its country is where
the party is (``headquartered-in``), and the parties it parts are still coordinated ("A, <its
address>; and B").
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from schema.ontology import EntityType, Predicate, Stance

if TYPE_CHECKING:
    from .mentions import Doc
    from .sentence import Sentence

T = EntityType
P = Predicate

_OPENS_RE = re.compile(
    r",[ \t]*(?="
    r"(?:Room|Rm\.?|Unit|Units|Flat|Floor|Fl\.|Suite|Ste\.|Block|Blk\.?|Building|Bldg\.?|Tower|No\.|Nos\.|"
    r"Office|Apt\.?|Apartment|Plot|Level|P\.?[ \t]?O\.?[ \t]+Box|Post[ \t]+Office[ \t]+Box)[ \t]*[\dA-Z#]"
    r"|\d+[A-Za-z]?(?:[-/]\d+)?,?[ \t]+[A-Z]"  # "88 Queensway", "15 Leninsky Prospekt", "12/F"
    r"|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Boulevard|Blvd\.|Lane|"
    r"Highway|Prospekt|Prospect|Ulitsa|Drive|Square)\b)"
)
_END_RE = re.compile(r";|\n")
_PARTIES = frozenset({T.FIRM, T.ORGANIZATION, T.PERSON})


def find(doc: Doc) -> dict[int, tuple[int, str]]:
    """Each address after a party's name: {the name's end: (the address's end, its country)}; the
    mentions inside an address other than its countries are dropped from ``doc.mentions``."""
    norm = doc.norm
    out: dict[int, tuple[int, str]] = {}
    countries = [m for m in doc.mentions if m.etype is T.COUNTRY]
    starts = [c.start for c in countries]
    for m in doc.mentions:
        if m.etype not in _PARTIES or not _OPENS_RE.match(norm, m.end):
            continue
        limit = m.end + 300
        stop = _END_RE.search(norm, m.end, limit)
        limit = stop.start() if stop else min(limit, len(norm))
        first = bisect.bisect_right(starts, m.end)
        inside = [c for c in countries[first : bisect.bisect_left(starts, limit)] if c.end <= limit]
        if not inside:
            continue
        last = inside[-1]
        tail = norm[last.end : limit]
        if tail.strip(" \t.,") and not re.fullmatch(r"[ \t]*[.,]?[ \t]*(?:and|or)?[ \t]*", tail):
            # more words after the country before the clause ends: a sentence goes on, no address
            if re.search(r"\b[a-z]{3,}\b", tail):
                continue
        out[m.end] = (last.end, last.eid)
    if out:
        spans = [(start, end) for start, (end, _) in out.items()]
        doc.mentions = [
            x for x in doc.mentions if x.etype is T.COUNTRY or not any(a < x.start and x.end <= b for a, b in spans)
        ]
    return out


def rule_address_country(sent: Sentence) -> None:
    """The country an address ends with is where the party before it is."""
    addresses = sent.doc.addresses
    for m in sent.ms:
        hit = addresses.get(m.end)
        if hit is not None and m.etype in _PARTIES:
            end, country = hit
            sent.add(m, P.HEADQUARTERED_IN, country, (m.start, end), 0.7, stance=Stance.ASSERTED)
