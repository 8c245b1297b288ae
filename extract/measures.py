"""Measures a regulator takes that amount to a ban, in the words regulators use for them:

* ``designates X and Y as covered companies`` / ``... as national security threats`` — a
  designation that bars them (``X banned-by`` the regulator);
* ``revokes (and terminates) X's ... authority / license / authorization``, ``revoked the authority
  of X``, ``revocation of X's ...``, ``ending the ability of X to provide ...`` — the regulator ends
  what X may do.

The regulator is the authority the sentence names before the measure (not an owner in ``X's Y``),
else the document's issuer (:attr:`extract.mentions.Doc.issuer`, from the publisher the caller
gives): a notice's "the Commission designates ..." speaks for its publisher."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate

from .cues import CLAUSE_GAP_RE
from .mentions import AFFECTED, AUTHORITY
from .patterns import INSTITUTION_AFTER_RE
from .sentence import Sentence
from .spans import Mention

T = EntityType
P = Predicate
_I = re.IGNORECASE

DESIGNATE_AS_RE = re.compile(r"\bdesignat(?:e|es|ed|ing)\b", _I)
AS_THREAT_RE = re.compile(
    r"\s*,?\s*as\s+(?:posing\s+)?(?:a\s+|an\s+)?(?:covered\s+compan(?:y|ies)|(?:\w+\s+)?(?:national\s+security\s+)?"
    r"threats?\s+to\s+(?:the\s+)?(?:national\s+security|integrity)|national\s+security\s+threats?)\b",
    _I,
)
REVOKE_RE = re.compile(
    r"\b(?:revok(?:e|es|ed|ing)|terminat(?:e|es|ed|ing)|revocation\s+of|termination\s+of|"
    r"end(?:s|ed|ing)?\s+the\s+ability\s+of|end(?:s|ed|ing))\b(?:\s+and\s+terminat(?:e|es|ed|ing))?\s+(?:the\s+)?",
    _I,
)
# "revoked the Section 214 authority of X", "terminated the licenses held by X": what is revoked first
REVOKE_OF_RE = re.compile(
    r"\b(?:revok(?:e|es|ed|ing)|terminat(?:e|es|ed|ing)|revocation|termination)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:authority|authorities|authorization|authorizations|licen[cs]es?|certifications?)\s+"
    r"(?:of|held\s+by|granted\s+to|issued\s+to)\s+(?:the\s+)?",
    _I,
)
WHAT_RE = re.compile(
    r"^(?:'s?)?\s*,?\s*(?:\w+\s+){0,6}?(?:authority|authorities|authorization|authorizations|licen[cs]es?|"
    r"certifications?|to\s+provide)\b",
    _I,
)


_THROUGH_RE = re.compile(r"\bthrough\s+(?:its|the)\s+$", _I)
_APPOSED_RE = re.compile(r"[\"')\s]*,\s*(?:the\s+)?")


def _regulator(sent: Sentence, pos: int) -> str | None:
    near = [m for m in sent.before(pos, AUTHORITY) if not sent.is_modifier(m) and m.etype is T.AGENCY]
    through = {m.eid for m in near if _THROUGH_RE.search(sent.window(m.start, 20))}
    auths = [m for m in near if m.eid not in through]
    # "BIS, U.S. Department of Commerce, through its Office of Export Enforcement (OEE), has requested": BIS acts
    # through its office, and the department named in apposition after it is not the subject either
    while len(auths) > 1 and _APPOSED_RE.fullmatch(sent.doc.norm, auths[1].end, auths[0].start):
        auths = auths[1:]
    if auths:
        return auths[0].eid
    return sent.doc.issuer


def rule_measures(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in sent.cues(DESIGNATE_AS_RE):
        targets = sent.objects_after(cue.end(), AFFECTED)
        if not targets or targets[0].start - cue.end() > 40:
            continue
        last = _last_of(sent, targets)
        if not AS_THREAT_RE.match(norm, last):
            continue
        auth = _regulator(sent, cue.start())
        if auth is not None:
            for t in targets:
                sent.add(t, P.BANNED_BY, auth, cue, 0.7)
    for cue in REVOKE_RE.finditer(norm, sent.start, sent.end):
        if sent.negated(cue.start()) or sent.irrealis(cue.start()):
            continue
        target = sent.next_mention(cue.end())
        if target is None or target.start != cue.end() or target.etype not in AFFECTED:
            continue
        group = sent.group(target, 1, AFFECTED)  # "Pacific Networks Corp. and its subsidiary, ComNet"
        end = _last_of(sent, group)
        if not WHAT_RE.match(norm[end : min(sent.end, end + 120)]):
            continue
        auth = _regulator(sent, cue.start())
        if auth is not None:
            for t in group:
                sent.add(t, P.BANNED_BY, auth, (cue.start(), cue.end()), 0.65)
    for cue in REVOKE_OF_RE.finditer(norm, sent.start, sent.end):
        target = sent.next_mention(cue.end())
        if target is None or target.start != cue.end() or target.etype not in AFFECTED:
            continue
        if sent.negated(cue.start()) or sent.irrealis(cue.start()):
            continue
        auth = _regulator(sent, cue.start())
        if auth is not None:
            for t in sent.group(target, 1, AFFECTED):
                sent.add(t, P.BANNED_BY, auth, (cue.start(), t.end), 0.65)


# "an order denying the export privileges of a fifth Russian airline – Rossiya Airlines"
DENY_RE = re.compile(  # "... temporarily denying all export privileges for Belavia"
    r"\b(?:deny|denies|denied|denying|suspend|suspends|suspended|suspending|revok(?:e|es|ed|ing))\s*"
    r"(?:,\s*for\s+a\s+period\s+of\s+[\w\s-]{1,30}?,\s*)?"  # "denying, for a period of 180 days, the ..."
    r"(?:the\s+|all\s+)?(?:U\.S\.\s+)?export\s+privileges\s+(?:under\s+the\s+(?:Regulations|EAR)\s+)?"
    r"(?:of|to|for)\s*:?\s+",  # "... the export privileges under the Regulations of: A, B, and C"
    _I,
)


# "the Department of Commerce also denied PTC Aerospace's export privileges for three years"
_DENY_BEFORE_RE = re.compile(
    r"\b(?:deny|denies|denied|denying|suspend(?:s|ed|ing)?|revok(?:e|es|ed|ing))\s+(?:the\s+)?$", _I
)
_PRIVILEGES_AFTER_RE = re.compile(r"'s?\s+(?:U\.S\.\s+)?export\s+privileges\b", _I)
_ORDER_GAP_RE = re.compile(r"[ \t]*(?:\)[ \t]*)?,?[ \t]*(?:which[ \t]+is[ \t]+|that[ \t]+is[ \t]+)?")


def rule_denies(sent: Sentence) -> None:
    """``<regulator> ... denying the export privileges of X`` → ``X banned-by`` the regulator."""
    for cue in DENY_RE.finditer(sent.doc.norm, sent.start, sent.end):
        if sent.negated(cue.start()) or sent.irrealis(cue.start()):
            continue
        near = sent.after(cue.end(), AFFECTED)
        if not near or near[0].start - cue.end() > 60 or CLAUSE_GAP_RE.search(sent.doc.norm, cue.end(), near[0].start):
            continue
        auth = _regulator(sent, cue.start())
        order = next(iter(sent.before(cue.start(), frozenset({T.LAW}))), None)
        if order is not None and not _ORDER_GAP_RE.fullmatch(sent.doc.norm, order.end, cue.start()):
            order = None  # "a Temporary Denial Order (TDO) suspending ...": the order the parties are under
        for t in sent.group(near[0], 1, AFFECTED):
            if auth is not None:
                sent.add(t, P.BANNED_BY, auth, (cue.start(), t.end), 0.65)
            if order is not None:
                sent.add(t, P.RESTRICTED_UNDER, order, (order.start, t.end), 0.6)
    for m in sent.ms:  # "denied X's export privileges"
        if m.etype not in AFFECTED or not _PRIVILEGES_AFTER_RE.match(sent.doc.norm, m.end):
            continue
        verb = _DENY_BEFORE_RE.search(sent.doc.norm, max(sent.start, m.start - 24), m.start)
        if verb is None or sent.negated(verb.start()) or sent.irrealis(verb.start()):
            continue
        auth = _regulator(sent, verb.start())
        if auth is not None:
            sent.add(m, P.BANNED_BY, auth, (verb.start(), m.end), 0.65)


DIRECTS_RE = re.compile(r"\s+(?:directs|directed|orders|ordered|requires|required)\s+$", _I)
TO_STOP_RE = re.compile(r"\s+to\s+(?:discontinue|cease|stop|remove|divest|terminate|end)\b", _I)


def rule_directs(sent: Sentence) -> None:
    """``<Order> directs X to discontinue ...`` → the order targets X; an order the text names
    (``Order on ...``, ``... Order``) is enacted by the document's issuer."""
    norm = sent.doc.norm
    for m in sent.ms:
        if m.etype not in AFFECTED or not TO_STOP_RE.match(norm, m.end):
            continue
        verb = DIRECTS_RE.search(norm, max(sent.start, m.start - 20), m.start)
        if verb is None:
            continue
        law = next(iter(sent.before(verb.start(), frozenset({T.LAW}))), None)
        if law is not None and verb.start() - law.end <= 5:
            sent.add(law, P.TARGETS, m, (law.start, m.end), 0.65)
    issuer = sent.doc.issuer
    if issuer is None:
        return
    for m in sent.ms:
        name = sent.doc.ents[m.eid].name
        if m.etype is T.LAW and re.search(r"^Order\b|\b[Oo]rder$", name) and sent.doc.how(m.eid) == "pattern":
            sent.add(m, P.ENACTED_BY, issuer, (m.start, m.end), 0.6)


def _last_of(sent: Sentence, group: list[Mention]) -> int:
    """The end of a group's last member, past its acronym in parentheses: ``ZTE Corporation (ZTE)``."""
    end = group[-1].end
    m = re.match(r"\s*\([^()]{1,40}\)", sent.doc.norm[end : sent.end])
    return end + m.end() if m else end


# a bank found to be of primary money laundering concern (FinCEN's section 311): "identified X as a financial
# institution of primary money laundering concern pursuant to Section 311 ...", "X was now a financial institution of
# primary money laundering concern under Section 311 ..."
_CONCERN_RE = re.compile(
    INSTITUTION_AFTER_RE.pattern + r"[^.;:]{0,80}?\bof[ \t]+primary[ \t]+money[ \t]+laundering[ \t]+concern\b", _I
)


def rule_concern(sent: Sentence) -> None:
    """``X ... a financial institution of primary money laundering concern under <Law>`` → ``X restricted-under``
    the law (the finding is made under it; "no longer" withdraws it)."""
    for m in sent.ms:
        if m.etype not in AFFECTED:
            continue
        hit = _CONCERN_RE.match(sent.doc.norm, m.end, sent.end)
        law = sent.law_after(hit.end(), within=40) if hit is not None else None
        if hit is None or law is None or sent.negated(hit.start()) or sent.irrealis(hit.start()):
            continue
        sent.add(m, P.RESTRICTED_UNDER, law, (m.start, law.end), 0.6)
