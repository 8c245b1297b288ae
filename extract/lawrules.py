"""Rules about laws that are not the document's own (:mod:`extract.doclaw`):

* ``X was designated pursuant to <Law>`` / ``sanctioned under <Law>`` → ``X restricted-under
  <Law>`` (``This entity`` / ``the company`` → the party last named);
* ``Mr. Scott (for himself, Mr. Warner, and Mr. Tester) introduced <Law>`` → ``<Law>
  proposed-by`` each person before the verb;
* ``<Law> authorizes <Agency> to enforce ...`` → ``<Agency> administers <Law>`` (proposed in a
  bill)."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate, Stance

from . import doclaw
from .mentions import AFFECTED
from .sentence import Sentence

T = EntityType
P = Predicate
_I = re.IGNORECASE

DESIGNATED_UNDER_RE = re.compile(
    r"\b(?:designated|sanctioned|listed|added|blocked|identified)\s+(?:\w+\s+){0,2}?"
    r"(?:pursuant\s+to|under)\s+(?:the\s+)?",
    _I,
)
ANAPHOR_RE = re.compile(
    r"\b(?:this|the|these|such)\s+(?:entity|company|firm|entities|companies|firms)\s+(?:\w+\s+){0,2}$", _I
)
INTRODUCED_RE = re.compile(r"\b(?:introduced|sponsored)\b", _I)
AUTHORIZES_RE = re.compile(
    r"\b(?:authorizes|directs|requires|tasks)\s+(?:the\s+)?$",
    _I,
)
ENFORCE_RE = re.compile(r"\s+to\s+(?:\w+\s+(?:\w+\s+){0,5}?and\s+)?(?:enforce|administer|implement)\b", _I)


def rule_pursuant(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in DESIGNATED_UNDER_RE.finditer(norm, sent.start, sent.end):
        law = sent.next_mention(cue.end())
        if law is None or law.etype is not T.LAW or law.start != cue.end():
            continue
        subs = sent.subjects_before(cue.start(), AFFECTED)
        if not subs and ANAPHOR_RE.search(norm, sent.start, cue.start()):
            last = sent.doc.last_affected
            if last is not None:
                sent.add(last, P.RESTRICTED_UNDER, law, cue, 0.6, stance=Stance.ASSERTED, pronoun=True)
            continue
        for s in subs:
            sent.add(s, P.RESTRICTED_UNDER, law, cue, 0.7, stance=Stance.ASSERTED)


def rule_introduced(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in INTRODUCED_RE.finditer(norm, sent.start, sent.end):
        law = sent.next_mention(cue.end())
        if law is None or law.etype is not T.LAW or law.start - cue.end() > 30:
            continue
        clause = max(norm.rfind(";", sent.start, cue.start()), sent.start)
        people = [m for m in sent.ms if clause <= m.start and m.end <= cue.start() and m.etype is T.PERSON]
        for p in {m.eid: m for m in people}.values():
            sent.add(law, P.PROPOSED_BY, p, cue, 0.7, stance=Stance.ASSERTED)


def rule_authorizes(sent: Sentence) -> None:
    norm = sent.doc.norm
    for m in sent.ms:
        if m.etype is not T.AGENCY:
            continue
        left = AUTHORIZES_RE.search(norm, max(sent.start, m.start - 30), m.start)
        if left is None or not ENFORCE_RE.match(norm, m.end):
            continue
        law = next(iter(sent.before(left.start(), frozenset({T.LAW}))), None)
        if law is None:
            continue
        stance = Stance.PROPOSED if doclaw.proposed(sent, law) else Stance.ASSERTED
        sent.add(m, P.ADMINISTERS, law, (left.start(), m.end), 0.65, stance=stance)
