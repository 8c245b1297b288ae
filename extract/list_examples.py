"""Rule: a list's entries named as examples after it — "an Iranian person on OFAC's SDN List, such as the
National Iranian Oil Company (NIOC), the National Iranian Tanker Company (NITC), and the IRISL" — are each
listed on it, and placed where the description's demonym says."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate, Stance

from .builtin import demonyms
from .cues import ENTRIES_AFTER_RE
from .mentions import AFFECTED
from .patterns import DEMONYM_ALT
from .sentence import Sentence

T = EntityType
P = Predicate
_I = re.IGNORECASE

_ON_BEFORE_RE = re.compile(r"\b(?:on|onto)\s+(?:the\s+)?(?:[\w.]+'s?\s+)?$", _I)
_DEMONYM_KIND_BEFORE_RE = re.compile(
    rf"\b(?:a|an)\s+(?P<d>{DEMONYM_ALT})\s+(?:person|persons|entity|entities|company|companies|firm|firms)\s+$"
)


def rule_list_examples(sent: Sentence) -> None:
    norm = sent.doc.norm
    for lst in (m for m in sent.ms if m.etype is T.LIST):
        on = _ON_BEFORE_RE.search(norm, max(sent.start, lst.start - 40), lst.start)
        such = ENTRIES_AFTER_RE.match(norm, lst.end, sent.end) if on is not None else None
        first = sent.next_mention(such.end()) if such is not None else None
        if on is None or such is None or first is None or first.start != such.end() or first.etype not in AFFECTED:
            continue
        kind = _DEMONYM_KIND_BEFORE_RE.search(norm, max(sent.start, on.start() - 40), on.start())
        place = demonyms().get(kind.group("d")) if kind is not None else None  # "an Iranian person on ..."
        for x in sent.group(first, 1, AFFECTED):
            sent.add(x, P.LISTED_ON, lst, (on.start(), x.end), 0.6, stance=Stance.ASSERTED)
            if kind is not None and place is not None:
                sent.add(x, P.HEADQUARTERED_IN, place, (kind.start(), x.end), 0.6, stance=Stance.ASSERTED)
