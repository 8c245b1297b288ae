"""Rules for a party's plain acts toward another: ``X declined to comment to Y`` (the organization it
declined to, after the cue) and ``X invaded Y`` between two countries."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate, Stance

from .builtin import demonyms
from .cues import DECLINE_RE, INVADE_RE
from .mentions import AFFECTED
from .patterns import DEMONYM_ALT
from .sentence import Sentence
from .spans import Mention

T = EntityType
P = Predicate
_COUNTRIES = frozenset({T.COUNTRY})


def rule_declined(sent: Sentence) -> None:
    for cue in sent.cues(DECLINE_RE):
        tail = sent.doc.norm[cue.end() : min(sent.end, cue.end() + 80)]
        if not re.search(r"\bcomment", tail, re.IGNORECASE):
            continue
        orgs = [m for m in sent.after(cue.end(), frozenset({T.ORGANIZATION})) if m.start <= cue.end() + 80]
        subs = sent.subjects_before(cue.start(), AFFECTED | {T.AGENCY})
        for org in orgs[:1]:
            for s in subs:
                sent.add(s, P.DECLINED_COMMENT_TO, org, cue, 0.7)


def rule_invaded(sent: Sentence) -> None:
    for cue in sent.cues(INVADE_RE):
        before: list[Mention | str] = list(sent.before(cue.start(), _COUNTRIES))
        after = sent.after(cue.end(), _COUNTRIES)
        adjective = _DEMONYM_BEFORE_RE.search(sent.doc.norm, max(sent.start, cue.start() - 30), cue.start())
        if adjective is not None and cue.group(0).lower().startswith("invasion"):
            before = [demonyms()[adjective.group("d")]]  # "after the full-scale Russian invasion of Ukraine": Russia's
        if after and not _INVADED_NAMED_RE.fullmatch(sent.doc.norm, cue.end(), after[0].start):
            after = []  # "an invasion of its neighbor in February and ... sanctions from the U.S.": not the U.S.
        if before and after and _eid(before[0]) != after[0].eid:
            owned = _POSSESSIVE_BEFORE.search(sent.doc.norm, sent.start, cue.start())
            stance = Stance.ASSERTED if owned and cue.group(0).lower().startswith("invasion") else None
            sent.add(before[0], P.INVADED, after[0], cue, 0.8, stance=stance)


_INVADED_NAMED_RE = re.compile(r"[ \t]+(?:of[ \t]+)?(?:the[ \t]+)?(?:[a-z-]+[ \t]+){0,2}")  # "invasion of eastern"
_DEMONYM_BEFORE_RE = re.compile(rf"\b(?P<d>{DEMONYM_ALT})[ \t]+(?:[a-z-]+[ \t]+)?$")


def _eid(x: Mention | str) -> str:
    return x if isinstance(x, str) else x.eid


# "accused Tehran of supplying drones to Russia for its invasion of Ukraine": a possessed invasion is
# presupposed, the text's own fact, not part of what the sentence alleges (but "planning an invasion of")
_POSSESSIVE_BEFORE = re.compile(r"(?:\b(?:its|their)|['’]s)[ \t]+(?:[a-z-]+[ \t]+){0,2}$")
