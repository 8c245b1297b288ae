"""Who owns or controls whom, as the text states it:

* ``X is owned (in part / wholly / ...) by Y``, ``Y owns (a stake in) X`` → ``Y owns X``;
* ``<Country>-owned X`` / ``state-owned X of <Country>`` → ``<Country> owns X``;
* ``X, a subsidiary of Y`` / ``X is a subsidiary (or affiliate) of Y`` / ``Y's subsidiary X`` →
  ``X subsidiary-of Y``;
* ``the IRGC-backed X``, ``a Hizballah-linked exchange house, X`` → ``X alleged-tie-to`` the backer;
  ``the CCP-controlled X`` → the controller ``owns`` X (as the evaluation sets' annotators read it).

Asserted: ownership is a structural fact the text states (a stance cue in the sentence, e.g.
"alleged", still applies through :mod:`extract.stance`)."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate, Stance

from .cues import BACKER_ADJECTIVE_RE, CLAUSE_GAP_RE, COUNTRY_NAMES, ENTRIES_AFTER_RE, MEMBERS_GAP_RE, PARTY_NOUNS_RE
from .patterns import DEMONYM_ALT, UNIT_NOUNS
from .sentence import PLACE_ADJECTIVE_RE, Sentence
from .spans import Mention

T = EntityType
P = Predicate
_I = re.IGNORECASE
_OWNED = frozenset({T.FIRM, T.ORGANIZATION, T.PRODUCT, T.ASSET})
_DESCRIBED_GAP_RE = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*,\s*(?:a|an|the)\s+[^;:()\n]{0,160},\s*")
_OWNERS = frozenset({T.FIRM, T.PERSON, T.ORGANIZATION, T.COUNTRY, T.AGENCY})
_PARENTS = frozenset({T.FIRM, T.ORGANIZATION, T.PERSON})

OWNED_BY_RE = re.compile(
    r"\b(?:is|are|was|were|being|been)?\s*(?:\w+\s+)?"
    r"(?:owned\s+and\s+controlled,?|owned(?:\s*,\s*(?:operated|managed))*,?(?:\s+and\s+(?:operated|managed))?|controlled)"
    r"\s+(?:in\s+part\s+|partly\s+|"
    r"partially\s+|wholly\s+|fully\s+|majority\s+|jointly\s+|directly\s+or\s+indirectly\s+|"
    r"indirectly\s+|directly\s+)?by\s*(?:,\s*(?:directly\s+or\s+indirectly|in\s+part)\s*,\s*)?\s(?:the\s+)?"
    r"(?:[A-Z][\w]*(?:\s+(?:and\s+)?[A-Z][\w]*){0,3}-based\s+)?"  # "by Hong Kong-based X"
    rf"(?:(?:sanctioned|designated)\s+)?(?:(?:(?:{DEMONYM_ALT})\s+)?"  # "by sanctioned Russian oligarch X"
    r"(?:oligarch|businessman|businesswoman|billionaire|tycoon|national|company|firm)\s+)?",
    _I,
)
# "four companies that are ultimately subject to the ownership and control of the Chinese government: A, B"
SUBJECT_TO_OWNERSHIP_RE = re.compile(
    r"\b(?:subject\s+to|under)\s+the\s+(?:ultimate\s+)?ownership\s+(?:and|or)\s+control\s+of\s+(?:the\s+)?", _I
)
# "Y owns X", "Y owns 60 percent of X", "Y holds a controlling stake in X", "Y acquired a 49% interest in X"
OWNS_RE = re.compile(
    r"(?<![\w-])(?:(?:owns|owned)\s+(?:(?:a\s+)?(?P<n>\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent))\s+(?:of|in)\s+"
    r"|(?:a\s+)?(?:majority|minority|controlling|\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent))?\s*"
    r"(?:stake|interest|shares?)\s+in\s+)?"
    r"|(?:holds|held|acquired|acquires)\s+(?:a\s+)?(?:majority|minority|controlling|\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent))?"
    r"\s*(?:stake|interest|shares?|ownership)\s+(?:in|of)\s+)(?:the\s+)?",
    _I,
)
OWNED_ADJ_RE = re.compile(r"(?<![\w-])(?P<c>[A-Z][\w' ]{1,40}?)-owned\s+(?:[a-z][\w-]*\s+){0,2}$")
SUBSIDIARY_RE = re.compile(
    r"\s*,?\s*(?:is\s+|was\s+|are\s+)?(?:a|an|the)\s+(?:[\w.-]+\s+){0,2}?(?:wholly[ -]owned\s+)?"
    # "an American subsidiary of Russia's Kaspersky Lab": the parent's country may come before it
    r"(?:subsidiary|affiliate|unit|arm)\s+of\s+(?:the\s+)?(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?'s?\s+)?$",
    _I,
)


def rule_control(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in OWNED_BY_RE.finditer(norm, sent.start, sent.end):
        if "owned" not in cue.group(0).lower():
            continue  # control without ownership: a tie (extract.rules), not owns
        owner = sent.next_mention(cue.end())
        at = cue.end()
        place = PLACE_ADJECTIVE_RE.match(norm, owner.end) if owner is not None and owner.start == at else None
        if place is not None:  # "owned by Marshall Islands-registered X": X owns, not the islands
            owner = sent.next_mention(place.end())
            at = owner.start if owner is not None and not norm[place.end() : owner.start].strip() else -1
        if owner is None or owner.start != at or owner.etype not in _OWNERS:
            continue
        owned = sent.subjects_before(cue.start(), _OWNED)
        for x in owned:
            if cue.start() - x.end <= 60 and not CLAUSE_GAP_RE.search(norm, x.end, cue.start()):
                sent.add(owner, P.OWNS, x, cue, 0.65)
        if not owned:  # "The company is owned in part by Kalashnikov": the firm last named
            group = sent.group_before(cue.start())  # "these companies are owned by ...": each one
            for eid in group:
                if eid != owner.eid:
                    sent.add(owner, P.OWNS, eid, cue, 0.55, pronoun=True)
            pron = sent.pronoun_before(cue.start()) if not group else None
            if pron is not None and pron != owner.eid:
                sent.add(owner, P.OWNS, pron, cue, 0.55, pronoun=True)
    for cue in SUBJECT_TO_OWNERSHIP_RE.finditer(norm, sent.start, sent.end):
        owner = sent.next_mention(cue.end())
        if owner is None or owner.start != cue.end() or owner.etype not in _OWNERS:
            continue
        owned = [x for x in sent.subjects_before(cue.start(), _OWNED) if cue.start() - x.end <= 60]
        if not owned and PARTY_NOUNS_RE.search(norm, max(sent.start, cue.start() - 60), cue.start()):
            after = ENTRIES_AFTER_RE.match(norm, owner.end, sent.end)  # "four companies that are ...: A, B"
            owned = sent.parties_at(after.end(), _OWNED) if after is not None else []
        for x in owned:
            if x.eid != owner.eid:
                sent.add(owner, P.OWNS, x, cue, 0.6)
    for cue in OWNS_RE.finditer(norm, sent.start, sent.end):
        owned_m = sent.next_mention(cue.end())
        if owned_m is None or owned_m.start != cue.end() or owned_m.etype not in _OWNED:
            continue
        if sent.negated(cue.start()) or sent.irrealis(cue.start()):
            continue
        owners = sent.subjects_before(cue.start(), _OWNERS)
        if not owners or CLAUSE_GAP_RE.search(norm, owners[-1].end, cue.start()):
            continue
        if cue.start() - owners[-1].end > 40 and not _DESCRIBED_GAP_RE.fullmatch(norm, owners[-1].end, cue.start()):
            continue  # near, or past a description set off by commas ("X, a firm incorporated in ..., owns Y")
        for owner in owners:
            for x in sent.group(owned_m, 1, _OWNED):
                if x.eid != owner.eid:
                    sent.add(owner, P.OWNS, x, cue, 0.65)
    for m in sent.ms:
        if m.etype not in _OWNED:
            continue
        adj = OWNED_ADJ_RE.search(norm, max(sent.start, m.start - 80), m.start)
        if adj is not None:
            country = _country_before(sent, adj.start("c"), adj.end("c"))
            if country is not None:
                sent.add(country, P.OWNS, m, (adj.start(), m.end), 0.65)
        sub = SUBSIDIARY_RE.search(norm, max(sent.start, m.start - 60), m.start)
        if sub is not None and m.etype in _PARENTS and not norm.startswith("'s ", m.end):  # "an arm of the CCP's
            # surveillance state": the parent is what the possessive names, not the party
            child = [
                x for x in sent.before(sub.start(), frozenset({T.FIRM, T.ORGANIZATION})) if not sent.is_modifier(x)
            ]
            if child and sub.start() - child[0].end <= 30:
                sent.add(child[0], P.SUBSIDIARY_OF, m, (child[0].start, m.end), 0.65)


MEMBERS_OF_RE = re.compile(rf"\b{UNIT_NOUNS}\s+of\s+(?:the\s+)?$", _I)


ITS_SUBSIDIARY_RE = re.compile(
    r"(?:\s*\([A-Z][\w&.-]{1,15}\))?"  # "X (PKGB) and its subsidiary, Y": past X's acronym
    r"\s*(?:,|[\u2013\u2014])?\s*(?:and|as\s+well\s+as|along\s+with)\s+"  # "X—as well as its subsidiary, Y—"
    r"(?:its\s+|their\s+)?(?:[\w.-]+\s+){0,4}?"
    r"(?:subsidiary|subsidiaries|affiliate|affiliates|unit)"
    r"\s*[,:\u2013\u2014-]?\s*",
    _I,
)
_NAME_GOES_ON_RE = re.compile(r"[ \t]+[A-Z][a-z]")
# "TikTok, its parent company ByteDance", "Yitai's parent company X", "Sub's parent companies A, B and C",
# "TikTok or its parent company ByteDance"
PARENT_RE = re.compile(
    r"(?:\s*,?\s*(?:or|and)\s+(?:its|their)|\s*,\s*(?:its|their)|'s?)\s+(?:ultimate\s+)?parent"
    r"(?:\s+compan(?P<pl>ies)|\s+company)?\s*,?\s*",
    _I,
)
# "Alpha Holdings Inc. (Alpha), the controlling parent of Beta Mobile, LLC": Beta is Alpha's subsidiary
PARENT_OF_RE = re.compile(
    r"\s*(?:\([^()]{0,40}\))?\s*,\s*(?:the|its|a)\s+(?:(?:controlling|ultimate|direct|indirect)\s+)?"
    r"parent(?:\s+company)?\s+of\s+(?:the\s+)?",
    _I,
)
MADE_BY_RE = re.compile(
    r"[^.;]{0,60}?\b(?:developed|made|produced|manufactured|owned|operated)\s+by\s+(?:the\s+)?$", _I
)


def rule_parent(sent: Sentence) -> None:
    """``TikTok, its parent company ByteDance Ltd.`` → product-of (a firm: subsidiary-of); ``A, the
    controlling parent of B`` → B subsidiary-of A;
    ``WeChat, or any successor application that is developed by Tencent ...`` → product-of."""
    norm = sent.doc.norm
    for child in sent.ms:
        if child.etype not in {T.PRODUCT, T.FIRM, T.ORGANIZATION}:
            continue
        gap = PARENT_RE.match(norm, child.end, sent.end)
        parent = sent.next_mention(gap.end()) if gap else None
        if gap is not None and parent is not None and parent.start == gap.end() and parent.etype is T.FIRM:
            pred = P.PRODUCT_OF if child.etype is T.PRODUCT else P.SUBSIDIARY_OF
            for x in sent.group(parent, 1, frozenset({T.FIRM})) if gap.group("pl") else [parent]:
                sent.add(child, pred, x, (child.start, x.end), 0.65)
    for owner in sent.ms:
        if owner.etype is not T.FIRM:
            continue
        gap = PARENT_OF_RE.match(norm, owner.end, sent.end)
        sub = sent.next_mention(gap.end()) if gap else None
        if gap is not None and sub is not None and sub.start == gap.end() and sub.etype is T.FIRM:
            sent.add(sub, P.SUBSIDIARY_OF, owner, (owner.start, sub.end), 0.65)
    for maker in sent.ms:
        if maker.etype is not T.FIRM:
            continue
        made = MADE_BY_RE.search(norm, max(sent.start, maker.start - 80), maker.start)
        if made is None:
            continue
        product = next(iter(sent.before(made.start() + 1, frozenset({T.PRODUCT}))), None)
        if product is not None and made.start() - product.end <= 5:
            sent.add(product, P.PRODUCT_OF, maker, (product.start, maker.end), 0.6)


# the parent described between its name and "and its subsidiary": "X, a wafer maker headquartered in Malta, New York,"
_APPOSITION_RE = re.compile(
    r"[ \t]*,[ \t]+(?:a|an)[ \t]+[^;()\n]{1,160}?(?=[ \t]*,[ \t]*(?:and|as[ \t]+well[ \t]+as)[ \t])", _I
)


def _after_apposition(sent: Sentence, parent: Mention, kinds: frozenset[EntityType]) -> re.Match[str] | None:
    """The "and its subsidiary" gap after the parent's apposition, if no other party is named in it."""
    described = _APPOSITION_RE.match(sent.doc.norm, parent.end, sent.end)
    if described is None or any(parent.end <= m.start < described.end() and m.etype in kinds for m in sent.ms):
        return None
    return ITS_SUBSIDIARY_RE.match(sent.doc.norm, described.end(), sent.end)


# "through its subsidiary, Jumpshot" with no "and" before: "its" is the firm the clause is about
_ITS_SUBSIDIARY_NAMED_RE = re.compile(
    r"(?<!\band\s)(?<!\bwell\sas\s)\bits\s+(?:(?:wholly[- ]owned|majority[- ]owned|direct|indirect)\s+)*"
    r"subsidiary\s*,?\s*",
    _I,
)


def rule_its_subsidiary(sent: Sentence) -> None:
    """``Pacific Networks Corp. and its wholly-owned subsidiary, ComNet (USA) LLC`` → subsidiary-of."""
    norm = sent.doc.norm
    kinds = frozenset({T.FIRM, T.ORGANIZATION})
    for parent in sent.ms:
        if parent.etype not in kinds:
            continue
        gap = ITS_SUBSIDIARY_RE.match(norm, parent.end, sent.end) or _after_apposition(sent, parent, kinds)
        nxt = sent.next_mention(gap.end()) if gap else None
        if gap is None or nxt is None or nxt.start != gap.end() or nxt.etype not in kinds:
            continue
        for x in sent.group(nxt, 1, kinds):
            if x.eid != parent.eid and not _NAME_GOES_ON_RE.match(norm, x.end):  # "ABLV Bank Luxembourg": cut short
                sent.add(x, P.SUBSIDIARY_OF, parent, (parent.start, x.end), 0.65, stance=Stance.ASSERTED)
    for hit in _ITS_SUBSIDIARY_NAMED_RE.finditer(norm, sent.start, sent.end):  # "sold data through its subsidiary, Y"
        sub = sent.next_mention(hit.end())
        owners = [m for m in sent.before(hit.start(), kinds) if m.etype is T.FIRM and not sent.is_modifier(m)]
        if sub is not None and sub.start == hit.end() and sub.etype is T.FIRM and owners and owners[-1].eid != sub.eid:
            sent.add(sub, P.SUBSIDIARY_OF, owners[-1], (owners[-1].start, sub.end), 0.6, stance=Stance.ASSERTED)


def rule_members(sent: Sentence) -> None:
    """``two subsidiaries of X, A and B`` / ``affiliates of X: A, B`` → A, B subsidiary-of X."""
    norm = sent.doc.norm
    for parent in sent.ms:
        if parent.etype not in _PARENTS or not MEMBERS_OF_RE.search(
            norm, max(sent.start, parent.start - 30), parent.start
        ):
            continue
        gap = MEMBERS_GAP_RE.match(norm, parent.end, sent.end)
        nxt = sent.next_mention(gap.end()) if gap else None
        if nxt is None or gap is None or nxt.start != gap.end() or nxt.etype not in {T.FIRM, T.ORGANIZATION}:
            continue
        for x in sent.group(nxt, 1, frozenset({T.FIRM, T.ORGANIZATION})):
            if x.eid != parent.eid:
                sent.add(x, P.SUBSIDIARY_OF, parent, (parent.start, x.end), 0.65)


def _country_before(sent: Sentence, start: int, end: int) -> str | None:
    """The country named in ``[start, end)`` (a mention, or a name of the registry's countries)."""
    for m in sent.ms:
        if m.etype is T.COUNTRY and start <= m.start and m.end <= end + 1:
            return m.eid
    name = sent.doc.norm[start:end].strip()
    return COUNTRY_NAMES.get(name)


# "the U.S.-designated, IRGC-backed Persian Gulf Strait Authority", "a Hizballah-linked exchange house, X"
_BACKED_GAP_RE = re.compile(
    r"(?:\s*,?\s*(?:the\s+)?[\w.]+-(?:backed|based|designated|sanctioned|linked|owned|run))*"
    r"\s*,?\s*(?:[a-z][\w-]*,?\s+){0,4}?(?:the\s+)?"
)
_GROUP_NOUN_AFTER_RE = re.compile(
    r"(?:\s*\([^()]{1,12}\))?\s+(?:entities|institutions|companies|firms|officials|members|affiliates|units)\b"
)
_BACKED = frozenset({T.FIRM, T.ORGANIZATION, T.PERSON, T.ASSET})


def rule_backed(sent: Sentence) -> None:
    norm = sent.doc.norm
    for m in sent.ms:
        hit = BACKER_ADJECTIVE_RE.match(norm, m.end) if m.etype in _OWNERS else None
        if hit is None:
            continue
        nxt = sent.next_mention(hit.end())
        if nxt is not None and _GROUP_NOUN_AFTER_RE.match(norm, nxt.end):
            continue  # "PLA-affiliated institutions and CCP entities": the entities, not the party, are tied
        if nxt is not None and nxt.etype in _BACKED and _BACKED_GAP_RE.fullmatch(norm, hit.end(), nxt.start):
            if hit.group("c"):  # "CCP-Controlled Huawei", "Hizballah-controlled X": the annotators' owns
                sent.add(m, P.OWNS, nxt, (m.start, nxt.end), 0.6)
            else:  # "CCP-backed technology companies, like CXMT and SMIC": each
                for x in sent.group(nxt, 1, _BACKED):
                    sent.add(x, P.ALLEGED_TIE_TO, m, (m.start, x.end), 0.6)
