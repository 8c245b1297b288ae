"""Parties added to a list the text named before: ``It added A and B "for ..."`` after a sentence that added
parties to a list, ``the department added A to the list`` after a sentence that named one."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate

from .mentions import AFFECTED
from .sentence import Sentence

T = EntityType
P = Predicate
_I = re.IGNORECASE

_ADDED_RE = re.compile(r"\b(?:also\s+)?(?:added|adds|adding)\s+(?:also\s+)?")
_OWNER_GAP_RE = re.compile(r"(?:(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}['’]s?\s+)?")
_TO_THE_LIST_RE = re.compile(r"\b(?:to|on)\s+(?:the|its|that)\s+(?:same\s+)?(?:list|blacklist)\b", _I)


def rule_added_to_the_list_named_before(sent: Sentence) -> None:
    """``It added A and B "for ..."`` after a sentence that added parties to a list, or ``added A to the list``
    after a sentence that named one: they are on that list."""
    if any(m.etype is T.LIST for m in sent.ms):
        return
    lst = sent.doc.listing
    if lst is None and _TO_THE_LIST_RE.search(sent.doc.norm, sent.start, sent.end):
        named = [m for m in sent.doc.mentions if m.etype is T.LIST and m.end <= sent.start]
        lst = named[-1].eid if named else None
    if lst is None:
        return
    for cue in _ADDED_RE.finditer(sent.doc.norm, sent.start, sent.end):
        if sent.negated(cue.start()) or sent.irrealis(cue.start()):
            continue
        subs = sent.objects_after(cue.end(), AFFECTED)
        if subs and _OWNER_GAP_RE.fullmatch(sent.doc.norm, cue.end(), subs[0].start):  # right after the verb
            # ("added China's X": past its owner; "he added that ...": none)
            for s in subs:
                sent.add(s, P.LISTED_ON, lst, (cue.start(), s.end), 0.6)
