"""Rule: an alleged tie (``alleged-tie-to``) — "X's ties to Y", "controlled by Y", "on behalf of Y",
"an associate of Y", "the relationship between X and Y"; a tie held by "its", "their" or "these
companies'" is the party or the group an earlier sentence named."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate

from .cues import CLAUSE_GAP_RE, PARTY_NOUNS_RE, TIE_POSTS, TIE_RE
from .mentions import AFFECTED
from .sentence import Sentence
from .spans import Mention

T = EntityType
P = Predicate

# a mention used as an adjective: "the U.S.-designated X", "the UN- and U.S.-designated X"
_NEXT_VERB_RE = re.compile(r"\band\s+(?:will|would|has|have|had|is|are|was|were|did|does|can|could|should|must|may)\b")
_COUNTED_BEFORE_RE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|many|numerous|some)\s+$", re.I
)
_COMPOUND_ADJ_RE = re.compile(r"(?:[\w.]+-\s+and\s+)?[\w.]+-(?:designated|sanctioned)\s+")
_UNNAMED_THEN_COMMA_RE = re.compile(
    r"\b[A-Z0-9][\w-]*\s*,(?!\s*$)"
)  # not "in Xinjiang, China": a place and its country
_UNNAMED_APPOSED_RE = re.compile(r"\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s*,\s*(?:the\s+)?")
_POSSESSIVE_RE = re.compile(r"['\u2019]s\b")
_ADJECTIVAL_RE = re.compile(r"-(?:\s+and\b|designated|sanctioned|based|backed|owned|controlled)")


def rule_tie(sent: Sentence) -> None:
    anything = frozenset(T) - {T.LIST, T.LAW, T.RECORD}
    for cue in sent.cues(TIE_RE):
        if _GERUND_AFTER_RE.match(sent.doc.norm, cue.end()) or _UNNAMED_OBJECT_RE.match(sent.doc.norm, cue.end()):
            continue  # "proxies for violating X's sovereignty": a purpose; "conspired with others": no one named
        if _LIMITED_RE.search(sent.doc.norm, max(sent.start, cue.start() - 30), cue.start()):
            continue  # "its attempt to limit the influence of Huawei": no tie, its curbing
        held: list[Mention | str] = []
        if cue.group("between"):
            firsts = sent.after(cue.end(), AFFECTED)
            if not firsts:
                continue
            subs = [firsts[0]]
            conj = re.search(r"\band\b", sent.doc.norm[firsts[0].end : sent.end])
            objs = sent.after(firsts[0].end + conj.end(), anything) if conj else []
            obj = sent.head(objs[0]) if objs else None
        else:
            owner = _possessor(sent, cue.start())  # "Quectel's problematic relationships with X": Quectel's
            subs = [owner] if owner is not None else sent.subjects_before(cue.start(), AFFECTED)
            if subs and (
                CLAUSE_GAP_RE.search(sent.doc.norm, subs[-1].end, cue.start())
                or PARTY_NOUNS_RE.search(sent.doc.norm, subs[-1].end, cue.start())
            ):
                subs = []  # "X, or an entity ... controlled by China", "X ... to entities affiliated with": they are
            if subs and _COUNTED_BEFORE_RE.search(sent.doc.norm, subs[-1].end, cue.start()):
                subs = []  # "the ERC decided to add three affiliates of X": the affiliates, unnamed
            held = _tie_holders(sent, cue.start()) if not subs else []
            objs = [m for m in sent.after(cue.end(), anything) if not _ADJECTIVAL_RE.match(sent.doc.norm, m.end)]
            obj = sent.head(objs[0]) if objs else None
        if obj is None or CLAUSE_GAP_RE.search(sent.doc.norm, cue.end(), obj.start) or (obj.start - cue.end() > 80):
            continue
        if _NEXT_VERB_RE.search(sent.doc.norm, cue.end(), obj.start):
            continue  # "does not work with the military in any country and will ask the Pentagon": another verb's
        if _UNNAMED_IN_RE.fullmatch(sent.doc.norm, cue.end(), obj.start):
            continue  # "work with all stakeholders in Venezuela", "ties to identify loopholes in X": no tie to X
        if _UNNAMED_THEN_COMMA_RE.search(sent.doc.norm, cue.end(), obj.start):
            continue  # "front companies for Department 53, with Chonsurim ...": the tie is to a name not read
        if _UNNAMED_APPOSED_RE.fullmatch(sent.doc.norm, cue.end(), obj.start) and _POSSESSIVE_RE.match(
            sent.doc.norm, obj.end
        ):
            continue  # "transactions with Rosoboronexport, Russia's main arms exporter": Russia describes the name
        gap = _COMPOUND_ADJ_RE.sub("", sent.doc.norm[cue.end() : obj.start])  # "of the UN- and U.S.-designated X"
        if cue.group(0)[:2].lower() in {"a ", "an", "th"} and len(gap) > 25:
            continue  # "a leader in the Sinaloa cartel, as well as B": the group must follow
        for o in _tied_to(sent, cue, obj, anything):
            for s in [*subs, *held]:  # "owned or controlled by A and/or B": tied to each
                if (s if isinstance(s, str) else s.eid) != o.eid:
                    sent.add(s, P.ALLEGED_TIE_TO, o, cue, 0.7)


_POST_CUE_RE = re.compile(rf"\b(?:{TIE_POSTS}|officers?)\b", re.I)
_LISTED_RE = re.compile(r"\b(?:and|or)\b")


def _tied_to(sent: Sentence, cue: re.Match[str], obj: Mention, anything: frozenset[EntityType]) -> list[Mention]:
    """The parties a tie is to: each of a list after the cue ("owned or controlled by A and B"); one for a post ("the
    Commander of the IRGC-QF, and Mohsen Chizari": Chizari is the next party, not a second body), a country, or a
    name a comma sets off without "and" ("linked to Nasrallah, Safa has ...")."""
    if obj.etype is T.COUNTRY or _POST_CUE_RE.search(cue.group(0)):
        return [obj]
    group = sent.group(obj, 1, anything - {T.COUNTRY})
    if len(group) > 1 and not _LISTED_RE.search(sent.doc.norm, obj.end, min(sent.end, group[-1].end + 8)):
        return [obj]
    return group


_GERUND_AFTER_RE = re.compile(r"\s+[a-z]+ing\b")
_UNNAMED_OBJECT_RE = re.compile(r"\s+(?:others|one\s+another|each\s+other|them|him|her|someone|anyone)\b")
_LIMITED_RE = re.compile(r"\b(?:limit|curb|counter|reduce|combat|fight|end|check|resist)\s+(?:the\s+)?$", re.I)
_UNNAMED_IN_RE = re.compile(r"\s+(?:(?:all|the|its|their|other|many|some)\s+)?(?:[a-z][\w-]*\s+){1,3}in\s+(?:the\s+)?")
_POSSESSIVE_GAP_RE = re.compile(r"'s?[ \t]+(?:[a-z][\w-]*[ \t]+){0,3}")


def _possessor(sent: Sentence, pos: int) -> Mention | None:
    """The party whose tie the cue at ``pos`` names: "X's (close) ties to", "X' relationships with"."""
    before = sent.before(pos, AFFECTED | {T.COUNTRY})  # "Russia's increased cooperation with North Korea"
    m = before[0] if before else None
    if m is None or not _POSSESSIVE_GAP_RE.fullmatch(sent.doc.norm, m.end, pos):
        return None
    return m


def _tie_holders(sent: Sentence, pos: int) -> list[Mention | str]:
    """Who holds a tie named by a pronoun or a plural description before ``pos``, in an earlier sentence:
    "its ties to X" the party last named, "their direct ties to X", "these companies' vulnerability to the
    control of X" the group last named. Not when words part them and the sentence names who it stands
    for ("Treasury remains committed to its longstanding work with X")."""
    held = _TIE_HOLDER_RE.search(sent.doc.norm, max(sent.start, pos - 90), pos)
    if held is None:
        return []
    named = sent.before(held.start(), _HOLDERS)
    if held.end() - held.start() > 6 and len(named) >= (1 if held.group("one") else 2):
        return []
    if held.group("one"):
        last = sent.doc.last_affected_mention
        return [last] if last is not None else []
    return list(sent.doc.last_group)


_HOLDERS = frozenset({T.FIRM, T.ORGANIZATION, T.AGENCY, T.PRODUCT, T.ASSET})  # not "U.S. networks", a speaker
# who a tie is held by, named before it by a pronoun or a plural description with a few words between
_TIE_HOLDER_RE = re.compile(
    r"\b(?:(?P<one>its)|their|(?:these|the|those)\s+(?:companies|entities|firms|carriers)')\s+"
    r"(?:[a-z][\w-]*,?\s+(?:and\s+)?){0,6}$"
)


# attribution, as advisories word it: "attributed the Sandworm actor to the GRU", "X, which the UK and the US
# have attributed to the GRU", "X has been attributed to Y"
_ATTRIBUTED_RE = re.compile(r"\battribut(?:e|es|ed|ing)\b", re.IGNORECASE)
_TO_RE = re.compile(r"(?:\s+(?:cyber\s+)?(?:actors?|group|malware|activity))?\s+to\s+(?:the\s+)?")
_NAME_WORDS_RE = re.compile(r"(?:[A-Z][\w-]*(?:'s?)?\s+){0,4}")  # "to the Russian GRU": the demonym before it
_WHICH_BEFORE_RE = re.compile(r",\s*(?:which|who|whom)\s+[^,;]{0,80}$", re.IGNORECASE)
_ATTRIBUTED_TO = frozenset({T.AGENCY, T.ORGANIZATION, T.COUNTRY})
_ATTRIBUTED = frozenset({T.ORGANIZATION, T.PRODUCT, T.PERSON, T.FIRM})


def rule_attributed(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in _ATTRIBUTED_RE.finditer(norm, sent.start, sent.end):
        if sent.negated(cue.start()) or sent.irrealis(cue.start()):
            continue
        if (to := _TO_RE.match(norm, cue.end())) is not None:  # "X, which ... attributed to Y", "X was attributed to Y"
            which = _WHICH_BEFORE_RE.search(norm, max(sent.start, cue.start() - 90), cue.start())
            before = sent.before(which.start() + 1 if which else cue.start(), _ATTRIBUTED)
            subs = before[:1] if before and (which or sent.passive(cue)) else []
            at = to.end()
        else:  # "attributed the Sandworm actor to the GRU"
            subs = sent.objects_after(cue.end(), _ATTRIBUTED)[:1]
            to = _TO_RE.match(norm, subs[0].end) if subs else None
            at = to.end() if to else -1
        obj = sent.next_mention(at) if subs and at >= 0 else None
        if obj is None or obj.etype not in _ATTRIBUTED_TO or not _NAME_WORDS_RE.fullmatch(norm, at, obj.start):
            continue
        obj = sent.head(obj) if sent.head(obj).etype in _ATTRIBUTED_TO else obj
        for s in subs:
            if s.eid != obj.eid:
                sent.add(s, P.ALLEGED_TIE_TO, obj, cue, 0.6)


# a group's post named before its holders: "Hizballah official Ali Karaki", "Cali Cartel leaders Miguel and Gilberto
# Rodriguez Orejuela", "Wagner Group senior commander X" (the group, then the post, then the person or persons)
_PRENOMINAL_POST_RE = re.compile(
    r"[ \t]+(?:(?:senior|key|top|former|deputy|chief|military|financial|regional|founding)[ \t]+){0,2}"
    r"(?:leaders?|officials?|commanders?|members?|operatives?|financiers?|founders?|chiefs?|spokes(?:man|person)|"
    r"emirs?|Leaders?|Officials?|Commanders?|Members?|Operatives?|Financiers?|Founders?)[ \t]+(?=[A-Z])"
)
_GROUPS = frozenset({T.ORGANIZATION, T.AGENCY})


def rule_prenominal_post(sent: Sentence) -> None:
    for m in sent.ms:
        if m.etype not in _GROUPS or m.eid.startswith("agency:us-"):
            continue  # "Treasury official X": a US body's own staff, who speak for it, are not tied to it
        if (post := _PRENOMINAL_POST_RE.match(sent.doc.norm, m.end)) is None:
            continue
        first = sent.next_mention(post.end())
        if first is None or first.start != post.end() or first.etype is not T.PERSON:
            continue
        for person in sent.group(first, 1, frozenset({T.PERSON})):
            sent.add(person, P.ALLEGED_TIE_TO, m, (m.start, person.end), 0.65)
