"""Who holds a post at a firm, as the text names the post: ``Meng Wanzhou, Huawei's chief financial
officer``, ``Ivan Sidorov, the director of RosGeo LLC``, ``X, who serves as the managing director of Y``,
``X is the chief executive officer of Y`` → the person ``alleged-tie-to`` the firm (the
ontology's tie; the stance cues of the sentence apply). The head of a state's body holds an office,
not a tie, as the rules elsewhere read it.

A firm's post before the name ("Huawei CFO Meng Wanzhou", "Transneft president Nikolay Tokarev") ties its holder
to the firm named right before it; another title before a name is left to the person finder: it types the
name, and what the title ties it to is not always the body named before it."""

from __future__ import annotations

import re

from schema.models import slug
from schema.ontology import EntityType, Predicate

from .builtin import demonyms
from .cues import COUNTRY_NAMES
from .patterns import CORPORATE_TITLE_RE, DEMONYM_ALT, NEWS_ROLE, PERSON_TITLE_RE
from .sentence import Sentence
from .spans import Mention

T = EntityType
P = Predicate

_BODIES = frozenset({T.FIRM, T.ORGANIZATION})  # the head of a state's body holds an office, not a tie (test_known_as)
# a state's body the finder types an organization: "the Atomic Energy Organization of Iran", "the Senate Foreign
# Relations Committee" (its head holds an office); "the Wagner Group", "the Sinaloa Cartel" are no state's
_STATE_SHAPED_RE = re.compile(
    rf"-of-(?:the-)?(?:{'|'.join(sorted({slug(c) for c in COUNTRY_NAMES}, key=len, reverse=True))})$|"
    r"(?:^|-)(?:senate|house|congress|committee|subcommittee|parliament|assembly|court|ministry|council|commission|"
    r"government|cabinet)(?:-|$)"
)
_POST = (
    r"(?:(?:chief|deputy|vice|acting|former|general|managing|executive|senior|principal|financial|operating|"
    r"technology|information|security|commercial)\s+)*"
    r"(?:officer|executive|CEO|CFO|COO|CTO|founder|co-?founder|chairman|chairwoman|chair|director|president|head|"
    r"manager|owner|employee|leader|commander|deputy|secretary|minister|counsel|partner|shareholder)\b"
    r"(?:\s+general\b)?"  # "director general"
)
# "X, Huawei's chief financial officer": the body's possessive, then the post
_POSSESSIVE_POST_RE = re.compile(rf"'s?\s+{_POST}", re.I)
# "Huawei's chief financial officer, X": a post named after the body's possessive, its holder next (a measure
# on the holder is none on the body)
POSSESSIVE_POST_NAMED_RE = re.compile(rf"'s?\s+(?:former\s+|then-?\s*)?{_POST}(?:\s+officer)?\s*,\s*", re.I)
# "X, the director of RosGeo", "X, a former executive of Y"
# "X, who serves as the managing director of Y", "X is the chief executive officer of Y"
_SERVES = r"(?:is|was|serves\s+as|served\s+as|has\s+served\s+as)\s+"
_POST_OF_RE = re.compile(
    rf"\s*(?:,\s*(?:who\s+{_SERVES})?|\s+{_SERVES})(?:the|a|an|its|their)\s+(?:[a-z-]+\s+)?{_POST}"
    rf"(?:\s+and\s+{_POST})?\s+(?:of|at|in)\s+"  # "the chief executive officer and owner of Y"
    r"(?:the\s+)?",
    re.I,
)
# "the Wagner Group and its leader, Yevgeniy Prigozhin": the body, then its post holder named after the post (the body
# may be named in parentheses: "华为技术有限公司 (Huawei Technologies Co., Ltd.) and its director, X")
_ITS_POST_BEFORE_RE = re.compile(
    r"\)?(?:[ \t]*\([^()\n]{1,30}\))?[ \t]+and[ \t]+(?:its|their)[ \t]+(?:former[ \t]+|then-?[ \t]*)?"
    rf"(?P<post>{_POST})"
    # "and its owner, wealthy businessman Ye Cheng": a description of the holder before the name
    rf"[ \t]*,[ \t]*(?:(?-i:[a-z][\w-]*)[ \t]+){{0,2}}?(?:{NEWS_ROLE}[ \t]+)?$",
    re.I,
)
_OWNER_RE = re.compile(r"\b(?:owner|shareholder)\b", re.I)  # the post that is ownership: "its owner, X" owns it
_APPOSITION_RE = re.compile(r"\s*,\s*(?:the\s+|a\s+)?(?:former\s+|then-?\s*)?")
# "Sim Hyon Sop (Sim), a North Korean Foreign Trade Bank (FTB) representative": the firm's name before the post
_NAMED_BEFORE_POST_RE = re.compile(
    rf"\s*(?:\([^()\n]{{1,30}}\)\s*)?(?:,|\s+(?:is|was))\s*(?:a|an|the)\s+(?:former\s+|senior\s+)?(?:(?:{DEMONYM_ALT})\s+)?"
    r"(?=[A-Z]|(?:al|el)-[A-Z])"  # "X, an al-Shabaab leader", "X is a senior al-Shabaab leader"
)
_FIRM_POST_RE = re.compile(
    rf"(?:\s*\([A-Z][\w&-]{{1,10}}\))?\s+(?:{_POST}|representative|official|agent|employee)\b", re.I
)


def _tied_body(sent: Sentence, body: Mention) -> bool:
    """A body whose post holders are tied to it: a firm, or an organization that is no state's body."""
    if body.etype is T.ORGANIZATION:
        if body.eid in sent.doc.state_bodies:  # "the Syrian Ministry of Defense" (extract.bodies)
            return False
        return _STATE_SHAPED_RE.search(body.eid.split(":", 1)[1]) is None  # by the name its id is made of
    return body.etype in _BODIES


def rule_roles(sent: Sentence) -> None:
    norm = sent.doc.norm
    for person in sent.ms:
        if person.etype is not T.PERSON:
            continue
        gap = _APPOSITION_RE.match(norm, person.end, sent.end)
        body = sent.next_mention(gap.end()) if gap is not None else None
        held = _POSSESSIVE_POST_RE.match(norm, body.end) if body is not None else None
        if (
            body is not None
            and gap is not None
            and held is not None
            and body.start == gap.end()
            and _tied_body(sent, body)
        ):
            sent.add(person, P.ALLEGED_TIE_TO, body, (person.start, held.end()), 0.6)
            continue
        before = _NAMED_BEFORE_POST_RE.match(norm, person.end, sent.end)
        firm = sent.next_mention(before.end()) if before is not None else None
        held = _FIRM_POST_RE.match(norm, firm.end, sent.end) if firm is not None else None
        if before is not None and firm is not None and held is not None and firm.start == before.end():
            if _tied_body(sent, firm):
                sent.add(person, P.ALLEGED_TIE_TO, firm, (person.start, held.end()), 0.6)
                continue
        post = _POST_OF_RE.match(norm, person.end, sent.end)
        body = sent.next_mention(post.end()) if post is not None else None
        if body is not None and post is not None and body.start == post.end() and _tied_body(sent, body):
            sent.add(person, P.ALLEGED_TIE_TO, sent.head(body), (person.start, body.end), 0.6)
            continue
        near = sent.before(person.start - 1, _BODIES)
        its = _ITS_POST_BEFORE_RE.fullmatch(norm, near[0].end, person.start) if near else None
        if (
            near
            and _tied_body(sent, near[0])
            and (
                its
                or POSSESSIVE_POST_NAMED_RE.fullmatch(norm, near[0].end, person.start)
                or CORPORATE_TITLE_RE.fullmatch(norm, near[0].end, person.start)  # "Rosneft CEO Igor Sechin"
            )
        ):
            if its is not None and _OWNER_RE.search(its.group("post")) and near[0].etype is T.FIRM:
                sent.add(person, P.OWNS, near[0], (near[0].start, person.end), 0.6)
            else:
                sent.add(person, P.ALLEGED_TIE_TO, near[0], (near[0].start, person.end), 0.6)


# "Nicolas Maduro of Venezuela, Raul Castro of Cuba": a leader named with the country, then a stop
_OF_COUNTRY_RE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")
_COUNTRY_STOP_RE = re.compile(r"[ \t]*(?:[,;.)\n]|--|[\u2013\u2014]|$|(?:and|who|said|says)\b)")
# "Nicolas Maduro Moros, the former president of Venezuela": the post the country gave, after the name
_POST_OF_AFTER_RE = re.compile(
    r"[ \t]*,[ \t]*(?:the|a)[ \t]+(?:(?:former|then|current|acting|deposed)[ \t-]+)?(?:[a-z]+[ \t]+){0,2}?"
    r"(?:president|prime[ \t]+minister|minister|leader|ruler|dictator|king|queen|emir|head[ \t]+of[ \t]+state|"
    r"governor|chief[ \t]+of[ \t]+staff|ambassador)[ \t]+of[ \t]+(?:the[ \t]+)?",
    re.I,
)
# "Attorney General of Guatemala Maria Consuelo Porras", "President of Russia Vladimir Putin": a post of the country
_POST_OF_COUNTRY_RE = re.compile(rf"(?:{PERSON_TITLE_RE.pattern})[ \t]+of[ \t]+(?:the[ \t]+)?$")


def rule_of_country(sent: Sentence) -> None:
    """``X of <Country>`` (a stop after the country), ``<post> of <Country> X`` and ``X, the former president of
    <Country>`` → X ``alleged-tie-to`` the country: the office a leader holds, as the text names it."""
    norm = sent.doc.norm
    for m in sent.ms:
        if m.etype is not T.COUNTRY:
            continue
        person = sent.next_mention(m.end)
        if (
            person is not None
            and person.etype is T.PERSON
            and m.eid != "country:us"  # "Attorney General of the United States Jeff Sessions": the publisher's own
            and norm[m.end : person.start] == " "
            and (post := _POST_OF_COUNTRY_RE.search(norm, max(sent.start, m.start - 40), m.start)) is not None
        ):
            sent.add(person, P.ALLEGED_TIE_TO, m, (post.start(), person.end), 0.6)
    for m in sent.ms:
        post_of = _POST_OF_AFTER_RE.match(norm, m.end, sent.end) if m.etype is T.PERSON else None
        held = sent.next_mention(post_of.end()) if post_of is not None else None
        if held is not None and post_of is not None and held.start == post_of.end() and held.etype is T.COUNTRY:
            if held.eid != "country:us":  # "X, the former president of Venezuela": not the publisher's own state
                sent.add(m, P.ALLEGED_TIE_TO, held, (m.start, held.end), 0.6)
                continue
        of = _OF_COUNTRY_RE.match(norm, m.end, sent.end) if m.etype is T.PERSON else None
        country = sent.next_mention(of.end()) if of is not None else None
        if (
            of is not None
            and country is not None
            and country.start == of.end()
            and country.etype is T.COUNTRY
            and _COUNTRY_STOP_RE.match(norm, country.end)
        ):
            sent.add(m, P.ALLEGED_TIE_TO, country, (m.start, country.end), 0.6)


# "Russian President Vladimir Putin", "Chinese Foreign Minister Wang Yi", "Iran's Supreme Leader Ali Khamenei": a
# country's office before its holder's name
_POST_WORDS = (
    r"[ \t]+(?:[A-Z][a-z]+[ \t]+){0,3}(?:President|Minister|Leader|Adviser|Advisor|Secretary|Ambassador|Chancellor|"
    r"Commander|Premier|King|Emir|Spokesperson|Spokesman|Spokeswoman)[ \t]+$"
)
_DEMONYM_POST_RE = re.compile(rf"\b(?P<d>{DEMONYM_ALT}){_POST_WORDS}")
_POSSESSIVE_POST_OF_RE = re.compile(rf"['\u2019]s{_POST_WORDS}")


def rule_national_post(sent: Sentence) -> None:
    """``<Demonym> <post> X`` / ``<Country>'s <post> X`` -> X ``alleged-tie-to`` the country (not the United States:
    a US-government text names its own officials so)."""
    norm = sent.doc.norm
    for m in sent.ms:
        if m.etype is not T.PERSON:
            continue
        post = _DEMONYM_POST_RE.search(norm, max(sent.start, m.start - 80), m.start)
        country = demonyms().get(post.group("d")) if post is not None else None
        named = sent.before(m.start, frozenset({T.COUNTRY}))
        if country is None and named and _POSSESSIVE_POST_OF_RE.fullmatch(norm, named[0].end, m.start):
            country, post = named[0].eid, None
        if country is not None and country != "country:us":
            sent.add(m, P.ALLEGED_TIE_TO, country, (post.start() if post else named[0].start, m.end), 0.6)
