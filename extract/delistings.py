"""Rule: a party taken off a list — "OFAC removed X from the SDN List", "the removal of X from the Entity
List", "X and Y were removed from ...", "delisted X from ..." — is ``listed-on`` that list with stance
``retracted`` (withdrawn by the body that made it), said by the body that removed it where the text names
one before the verb. A removal from something else ("removed the license exception for X") names no list
and is none."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate, Stance

from .mentions import AFFECTED, AUTHORITY
from .sentence import Sentence

T = EntityType
P = Predicate
_I = re.IGNORECASE

REMOVED_RE = re.compile(r"\b(?:remov(?:e|es|ed|ing|al\s+of)|delist(?:s|ed|ing)?|delisting\s+of)\b", _I)
# "from the", "from OFAC's", "from its": what comes between "from" and the list's name
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+(?:the\s+|its\s+|their\s+|[A-Z][\w.&-]*'s?\s+)?$")
_PASSIVE_RE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$", _I)


def rule_delisted(sent: Sentence) -> None:
    norm = sent.doc.norm
    for lst in (m for m in sent.ms if m.etype is T.LIST):
        frm = _FROM_BEFORE_RE.search(norm, max(sent.start, lst.start - 30), lst.start)
        if frm is None:
            continue
        cues = [c for c in REMOVED_RE.finditer(norm, sent.start, frm.start()) if not sent.negated(c.start())]
        if not cues:
            continue
        cue = cues[-1]
        parties = [m for m in sent.ms if cue.end() <= m.start and m.end <= frm.start() and m.etype in AFFECTED]
        if not parties and _PASSIVE_RE.search(norm, max(sent.start, cue.start() - 20), cue.start()):
            parties = sent.subjects_before(cue.start(), AFFECTED)  # "A and B were removed from the List"
        if not parties or sent.irrealis(cue.start()):
            continue
        by = [m for m in sent.before(cue.start(), AUTHORITY) if m.etype is T.AGENCY and not sent.is_modifier(m)]
        speaker = by[0].eid if by else None
        for x in parties:
            sent.add(x, P.LISTED_ON, lst, (cue.start(), lst.end), 0.6, stance=Stance.RETRACTED, asserted_by=speaker)
