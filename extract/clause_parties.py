"""The parties a sanctioning clause names that the patterns did not place.

The patterns (:mod:`extract.sanctions` and the rules after it) read a sanctioning sentence's
shape: who acts, on whom, in which voice, through which list. Real releases have more shapes than
the patterns: "OFAC today sanctioned the Hong Kong-based firms A and B alongside the tanker C", a
party set off by a description the patterns do not know. This rule runs last and reads the clause
only: after the first sanction cue of the sentence that is neither negated, hypothetical nor an
adjective ("the sanctioned X"), up to the first word that opens another clause or a party's
description ("for", "which", "to", "by" ...), each firm, person, organization, product or vessel
no other rule put under a measure is sanctioned by the authority acting, and restricted under each
law the sentence names. Its claims carry a lower confidence (0.4) than a pattern's.

What the clause holds that is not the sanctioned party is left out: a person named as a speaker or
an official ("said Secretary X"), a party named after "of" or "at" ("12 executives of X"), before
its people ("X operatives") or after "as a" ("designated as a financier of X"), an organization the
registry already knows (the IRGC, the EU: named as the one supported or the one acting beside), and
every party in a bill's text (a bill would sanction; extract.doclaw reads it).
The authority is the one named before the cue, else the one this text last named sanctioning
(``Doc.sanctioner``); never only the publisher, whose own acts a text may not describe.
"""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate

from .cues import AS_ROLE_RE, KIN, MEMBERS_AFTER_RE, SANCTION_RE, SERVING_BEFORE_RE, described_participle
from .mentions import AFFECTED, AUTHORITY
from .roles import POSSESSIVE_POST_NAMED_RE
from .sentence import Sentence
from .spans import Mention

T = EntityType
P = Predicate
_I = re.IGNORECASE

_MEASURED = frozenset({P.SANCTIONED_BY, P.RESTRICTED_UNDER, P.LISTED_ON, P.BANNED_BY})
# what ends the clause's parties: another clause, a party's description, the one supported
_CLAUSE_END_RE = re.compile(
    r"\b(?:for|which|that|who|whose|because|after|since|to|by|with|against|from|said|stated|"
    r"in\s+connection\s+with|on\s+behalf\s+of)\b"
    r"|[,.!?][\"\u201d]",  # a quotation closed: '... and C," Ambassador X said' - its speaker is no party
    _I,
)
_SPEAKER_BEFORE_RE = re.compile(
    r"\b(?:said|says|stated|Secretary|Director|Chairman|Chairwoman|Senator|Sen\.|Rep\.|Representative|"
    r"Administrator|Commissioner|Attorney|General)\s+$"
)
# "Director of the so-called “X”", "one of the constituent gangs in the X alliance"
_OF_BEFORE_RE = re.compile(  # "a leader of the Russia-based LockBit Group"
    r"\b(?:of|at|in)\s+(?:the\s+)?(?:[A-Z][\w.-]*-based\s+)?(?:so-called\s+)?[\"“']?$"
)
_OR_BEFORE_RE = re.compile(r"[\w)]\s+or\s+(?:the\s+)?$")
# a relative's kin named with the title before the name: "two cousins of Syrian President X"
_KIN_OF_BEFORE_RE = re.compile(rf"\b{KIN}\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,3}}$")
_ADJECTIVE_BEFORE_RE = re.compile(r"\b(?:a|an|the|other|previously|already)\s+$", _I)  # "the sanctioned X"
_CONFIDENCE = 0.4


def holder(sent: Sentence, m: Mention) -> bool:
    """Is ``m`` named as the one others belong to ("12 executives of X", "subsidiaries of X", "X
    operatives", "X's chief executive, Y", "entities supporting X"), so that a measure on them is none on it?"""
    norm = sent.doc.norm
    left = norm[max(sent.start, m.start - 40) : m.start]
    if _OR_BEFORE_RE.search(left) and (prev := sent.before(m.start, AFFECTED)) and prev[0].end < m.start:
        return holder(sent, prev[0])  # "chairman of the Hashed al-Shaabi or Popular Mobilisation Forces": one body
    return bool(
        _OF_BEFORE_RE.search(left)
        or _KIN_OF_BEFORE_RE.search(left)
        or MEMBERS_AFTER_RE.match(norm, m.end)
        or POSSESSIVE_POST_NAMED_RE.match(norm, m.end)
        or SERVING_BEFORE_RE.search(sent.bare(max(sent.start, m.start - 140), m.start))
    )


def target_modifier(m: Mention, cue: re.Match[str]) -> bool:
    """A country other than the United States naming the sanctions it is the target of: "the Iran sanctions"."""
    return m.etype is T.COUNTRY and m.eid != "country:us" and m.end == cue.start() - 1 and cue.group(0) == "sanctions"


def rule_clause_parties(sent: Sentence) -> None:
    if sent.doc.is_bill:
        return
    norm = sent.doc.norm
    cue = next(
        (
            c
            for c in sent.cues(SANCTION_RE)
            if not sent.negated(c.start())
            and sent.irrealis(c.start()) is None
            and norm[c.start() - 1 : c.start()] != "-"  # "the U.S.-sanctioned X"
            and not (
                c.group(0).lower().endswith("ed")  # "the sanctioned X", not "the sanctions"
                and _ADJECTIVE_BEFORE_RE.search(norm, max(sent.start, c.start() - 12), c.start())
            )
            and not described_participle(norm, c, sent.start)  # "with blacklisted firms like Huawei"
        ),
        None,
    )
    if cue is None:
        return
    named = [
        m
        for m in sent.before(cue.start(), AUTHORITY)
        if m.etype is not T.ORGANIZATION and not sent.is_modifier(m) and not target_modifier(m, cue)
    ]
    auth = named[0].eid if named else sent.doc.sanctioner
    laws = [m for m in sent.ms if m.etype is T.LAW]
    done = {r.subject for r in sent.raws if r.predicate in _MEASURED}
    done |= {eid for pair in sent.vetoed for eid in pair}  # a party a rule read as given a role, not a measure
    end = _CLAUSE_END_RE.search(norm, cue.end(), sent.end)
    stop = end.start() if end is not None else sent.end
    held = {m.eid for m in sent.ms if m.etype in AFFECTED and holder(sent, m)}  # by any of its names: "X (PMF)"
    for m in sent.ms:
        if m.etype not in AFFECTED or m.start < cue.end() or m.end > stop or m.eid in done or sent.is_modifier(m):
            continue
        if m.etype is T.ORGANIZATION and sent.doc.how(m.eid) != "pattern":
            continue
        if AS_ROLE_RE.search(norm, cue.end(), m.start):
            continue  # "designated as a financier of Hezbollah": what the one designated is, not who
        if _SPEAKER_BEFORE_RE.search(norm[max(sent.start, m.start - 40) : m.start]) or m.eid in held:
            continue  # "said Secretary X", "executives of X", "X operatives"
        if auth is not None:
            sent.add(m, P.SANCTIONED_BY, auth, cue, _CONFIDENCE)
        for law in laws:
            sent.add(m, P.RESTRICTED_UNDER, law, cue, _CONFIDENCE)
        if laws or m.etype is T.ASSET:  # a vessel "identified as blocked property" takes no law of the text's
            continue
        for law_id in sent.doc.designation_laws:  # "Today's action, taken pursuant to <Law>", named before
            sent.add(m, P.RESTRICTED_UNDER, law_id, cue, _CONFIDENCE)
        if not sent.doc.designation_laws and m.eid not in sent.doc.unlawed:
            sent.doc.unlawed.append(m.eid)  # or named after (extract.frames)
