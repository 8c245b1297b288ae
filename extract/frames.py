"""An action told in two steps: first on a description, then on the names.

Press releases announce a measure on a counted description and name the parties after it::

    OFAC identified eight Chinese technology firms pursuant to E.O. 13959 ...
    The entities identified today are Cloudwalk Technology Co., Ltd.; ...; and Yitu Limited.

    OFAC sanctioned one Chinese government entity and four ... officials ...
    These designations include Chen Quanguo, ..., and Zhu Hailun, ...
    This action is being taken pursuant to Executive Order (E.O.) 13818 ...

:func:`rule_frames` keeps the first sentence's measure as the document's open *frame* — who acts
(the authority before the verb, "We" or the document's issuer), what it is (sanctioned-by), under
which law ("pursuant to", "under"), and the country of the description ("Chinese ... firms") — and
gives it to the parties a later sentence names as its members ("The entities identified today
are", "These designations include", "Also designated today is"). A later "This action is being
taken pursuant to <Law>" adds the law to every member; a party sanctioned while the frame is open
by the same authority is restricted under the frame's law. A frame stays open for a few sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schema.ontology import EntityType, Predicate, Stance

from .builtin import demonyms
from .cues import PERSON_GROUP_OF_RE, designated_before
from .mentions import AFFECTED, AUTHORITY
from .patterns import DEMONYM_ALT, DESIGNATION_TERM
from .sentence import Sentence
from .spans import Mention
from .text import OPENER_RE

T = EntityType
P = Predicate
_I = re.IGNORECASE
_OPEN_FOR = 5  # sentences

_COUNT = (  # "more than fifty", "a dozen", "dozens of": a news story's counts
    r"(?:(?:more\s+than|over|nearly|about|some|at\s+least|almost)\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+dozen|dozens\s+of|"
    r"hundreds\s+of|[\d,]+|several|multiple)"
)
TRIGGER_RE = re.compile(
    r"\b(?:sanction(?:s|ed|ing)?|designat(?:e|es|ed|ing)|identif(?:y|ies|ied|ying)|"
    r"(?:imposed|imposes|imposing|announced|announces|announcing)\s+(?:new\s+)?sanctions\s+(?:on|against))\s+"
    rf"(?P<desc>{_COUNT}\s+(?:[\w-]+\s+){{0,4}}?(?:entities|entity|firms?|compan(?:y|ies)|individuals?|"
    r"persons?|officials?|people|banks?|vessels?|leaders|members|commanders|operatives|financiers|facilitators|"
    r"organi[sz]ations?))\b",
    _I,
)
# what "are" names: members ("The entities are: A", "... are Cloudwalk ..."), not a state ("are responsible for")
_NAMED = r"(?=\s*:|\s+(?-i:[^\sa-z])|\s+(?:the|two|three|four|five|six|seven|eight|nine|ten|both)\b)"
MEMBERS_RE = re.compile(
    r"\b(?:(?:The|These|Those)\s+(?:[\w-]+\s+){0,2}?(?:entities|firms|companies|individuals|persons|"
    r"designations|officials|parties|additions|organi[sz]ations)\b(?:[^.;]{0,60}?\b(?:(?:are|were)\b" + _NAMED + "|"
    r"(?:include|includes|included)\b)|"
    r"[^.;:]{0,240}?\b(?:are|include|includes)\s*:)|"  # "... in connection with <a long reason> are:"
    r"(?-i:Also)\s+(?:designated|sanctioned|identified)\b|They\s+(?:are|include)\b|"  # not "X also sanctioned"
    # "Among those designated are ...", "Those sanctioned today include ...": a news story's members
    r"(?:Among\s+)?(?:those|the\s+(?:individuals|entities|people|persons))\s+(?:designated|sanctioned|targeted)\s+"
    r"(?:today\s+|on\s+\w+\s+)?(?:are|were|include|included)\b)",
    _I,
)
# "announced the addition of five entities based in the PRC to the UFLPA Entity List", "the addition of
# three People's Republic of China (PRC)-based seafood, aluminum, and footwear companies to ...", "the addition
# of textile companies based in the People's Republic of China (PRC) to ..." (uncounted)
LIST_TRIGGER_RE = re.compile(
    r"\b(?:addition|additions|added|adding|adds|add)\s+(?:of\s+)?"
    rf"(?P<desc>(?:{_COUNT}\s+|(?!(?:of|the|these|those|its|their|new|more|any)\b)(?=[a-z]))[^.;]{{0,80}}?(?:entities|entity|firms?|compan(?:y|ies)|individuals?|persons?|"
    r"parties|organizations?))\b(?P<rest>[^.;]{0,80}?)\s+to\s+(?:the\s+)?",
    _I,
)
# "The list includes five Chinese companies": the list named before, on a counted description
LIST_INCLUDES_RE = re.compile(
    r"\b(?:The|This)\s+list\s+(?:now\s+)?(?:includes|names|contains)\s+"
    rf"(?P<desc>{_COUNT}\s+[^.;]{{0,60}}?(?:entities|firms|compan(?:y|ies)|manufacturers|individuals|persons))\b",
    _I,
)
_IN_PLACE_RE = re.compile(r"\s+(?:in|from)\s+(?:the\s+)?")
_PROHIBITED_RE = re.compile(r"\b(?:prohibited|barred|banned|excluded)\b", _I)
_BASED_AFTER_RE = re.compile(r"\s*(?:\([A-Z]{2,6}\))?-based\b")  # "China (PRC)-based"
# "goods produced by these entities will be prohibited": the list's import ban, on members named later
PRESUMPTION_RE = re.compile(
    r"\b(?:goods|products|merchandise)\s+(?:\w+\s+){0,3}?by\s+(?:these|the\s+listed|such)\s+"
    r"(?:entities|companies|firms|parties)\b[^.;]{0,60}?\b(?:prohibited|barred|banned|excluded)\b",
    _I,
)
BASED_IN_RE = re.compile(r"\b(?:based|located|headquartered)\s+in\s+(?:the\s+)?", _I)
# "goods produced by A, B and C" (a list's presumption): the parties the goods are from
GOODS_BY_RE = re.compile(
    r"\b(?:goods|products|items|merchandise|imports)\s+(?:\w+\s+){0,2}?(?:produced|made|manufactured|mined|"
    r"processed|exported)\s+(?:\w+\s+){0,3}?by\s+(?:the\s+)?",
    _I,
)
# "announced the enforcement action against X", "restrictions against X's officer, Y", "a special
# designation of Li": the measure the frame opened, now on named parties
ACTION_ON_RE = re.compile(
    r"\b(?:(?:enforcement\s+)?actions?|restrictions|sanctions|(?:special\s+)?designations?|measures)\s+"
    r"(?:against|on|of)\s+(?:the\s+)?",
    _I,
)
LAW_LATER_RE = re.compile(  # "Today's action is being taken pursuant to E.O. 13382"
    r"\b(?:This|These|The|Today's)\s+(?:public\s+|new\s+|latest\s+)?"  # "This public designation is made under"
    r"(?:action|actions|designations?|orders?|sanctions|entities|individuals|officials|"
    r"measures?)\b[^.;]{0,60}?\b(?:pursuant\s+to|under)\s+(?:the\s+)?",
    _I,
)
DEMONYM_IN_RE = re.compile(rf"\b(?P<d>{DEMONYM_ALT})\b")
WE_RE = re.compile(r"\b(?:We|we|I(?=\s+(?:am|have|will)\b))\b")  # the speaker: "We imposed", "I am designating"


@dataclass
class Frame:
    predicate: Predicate
    authority: str
    law: str | None
    country: str | None
    ttl: int = _OPEN_FOR
    members: list[str] = field(default_factory=list)
    banned_by: str | None = None  # the authority barring the members' goods ("rebuttable presumption")
    tie: str | None = None  # the party the description names them after ("six new IRISL front companies")
    colon: bool = False  # its sentence ends in a colon: the paragraphs after it may each open on a member


def speaker(sent: Sentence) -> str | None:
    """Who "we" is: the authority of the measure the text has open, else the document's issuer."""
    return sent.doc.frame.authority if sent.doc.frame is not None else sent.doc.issuer


def _authority(sent: Sentence, pos: int) -> str | None:
    auths = [m for m in sent.before(pos, AUTHORITY) if not sent.is_modifier(m)]
    if auths:
        return auths[0].eid
    if WE_RE.search(sent.doc.norm, sent.start, pos) and sent.doc.frame is not None:
        return str(sent.doc.frame.authority)
    return sent.doc.issuer


def _open(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in LIST_TRIGGER_RE.finditer(norm, sent.start, sent.end):
        lst = sent.next_mention(cue.end())
        if lst is None or lst.start != cue.end() or lst.etype is not T.LIST:
            continue
        d = DEMONYM_IN_RE.search(cue.group("desc"))
        country = demonyms().get(d.group("d")) if d else None
        for m in sent.ms:  # "three China (PRC)-based companies"
            if cue.start("desc") <= m.start < cue.end("desc") and m.etype is T.COUNTRY:
                if _BASED_AFTER_RE.match(norm, m.end):
                    country = m.eid
        where = BASED_IN_RE.search(cue.group("rest"))
        if where is not None:
            place = sent.next_mention(cue.start("rest") + where.end())
            if place is not None and place.start == cue.start("rest") + where.end() and place.etype is T.COUNTRY:
                country = place.eid
        sent.doc.frame = Frame(P.LISTED_ON, lst.eid, None, country)
        return
    for cue in LIST_INCLUDES_RE.finditer(norm, sent.start, sent.end):
        lists = [m for m in sent.doc.mentions if m.end <= cue.start() and m.etype is T.LIST]
        if lists:
            d = DEMONYM_IN_RE.search(cue.group("desc"))
            sent.doc.frame = Frame(P.LISTED_ON, lists[-1].eid, None, demonyms().get(d.group("d")) if d else None)
            return
    for cue in TRIGGER_RE.finditer(norm, sent.start, sent.end):
        auth = _authority(sent, cue.start())
        if auth is None:
            continue
        law = sent.law_after(cue.end("desc"), within=200)
        d = DEMONYM_IN_RE.search(cue.group("desc"))
        country = demonyms().get(d.group("d")) if d else None
        where = _IN_PLACE_RE.match(norm, cue.end("desc"))
        place = sent.next_mention(where.end()) if where is not None else None
        if (
            country is None
            and where is not None
            and place is not None
            and place.start == where.end()
            and place.etype is T.COUNTRY
        ):
            country = place.eid  # "six new front companies in Panama"
        named = [m for m in sent.ms if cue.start("desc") <= m.start and m.end <= cue.end("desc")]
        tie = next((m.eid for m in named if m.etype in {T.FIRM, T.ORGANIZATION}), None)
        colon = norm[sent.start : sent.end].rstrip().endswith(":")
        sent.doc.frame = Frame(P.SANCTIONED_BY, auth, law.eid if law else None, country, tie=tie, colon=colon)
        return


def _members(sent: Sentence, frame: Frame) -> None:
    norm = sent.doc.norm
    hit = MEMBERS_RE.search(norm, sent.start, sent.end)
    if hit is None and frame.predicate is P.LISTED_ON:
        for by in GOODS_BY_RE.finditer(norm, sent.start, sent.end):
            first = sent.next_mention(by.end())
            if first is not None and first.start == by.end() and first.etype in AFFECTED:
                _give(sent, frame, sent.group(first, 1, AFFECTED), (by.start(), by.end()))
        return
    if hit is None and frame.colon and norm[: sent.start].rstrip(" \t").endswith("\n"):
        first = sent.ms[0] if sent.ms else None  # "...designating five X leaders as SDGTs:" then "A is a senior ..."
        if first is not None and first.start == sent.start and first.etype in AFFECTED and not sent.is_modifier(first):
            _give(sent, frame, [first], (first.start, first.end))
            return
        if OPENER_RE.match(norm, sent.start):
            frame.colon = False  # "Additionally, ...", "The ...": a paragraph of the text again ends the list
    if hit is None:
        for on in ACTION_ON_RE.finditer(norm, sent.start, sent.end):
            first = sent.next_mention(on.end())
            if first is None or first.start != on.end():
                continue
            person = next((m for m in sent.after(first.end, frozenset({T.PERSON}))), None)
            if person is not None and PERSON_OF_RE.fullmatch(norm, first.end, person.start):
                _give(sent, frame, [person], (on.start(), person.end))  # "against X's principal officer, Y"
            elif first.etype in AFFECTED and not sent.is_modifier(first):
                _give(sent, frame, sent.group(first, 1, AFFECTED), (on.start(), on.end()))
        return
    members = [
        m
        for m in sent.ms
        if m.start >= hit.end() and m.etype in AFFECTED and not sent.is_modifier(m) and not _body_of_members(sent, m)
    ]
    d = DEMONYM_IN_RE.search(hit.group(0))
    if frame.country is None and d is not None:  # "The six Panamanian companies are: ..."
        frame.country = demonyms().get(d.group("d"))
    _give(sent, frame, members, (hit.start(), hit.end()))


def _body_of_members(sent: Sentence, m: Mention) -> bool:
    """ "... and members of the National Assembly, A and B": the body its members are named after is no member."""
    norm = sent.doc.norm
    clause = max(norm.rfind(";", sent.start, m.start), norm.rfind(",", sent.start, m.start), m.start - 80)
    return PERSON_GROUP_OF_RE.search(norm, clause + 1, m.start) is not None


# "X's principal executive officer, " / "two executives of X, ": the person named next is the member
PERSON_OF_RE = re.compile(
    r"[^.;]{0,80}?\b(?:officer|executive|director|manager|official|owner|founder|attach[eé]|ambassador|minister|"
    r"secretary|general|commander|chief|president|chairman|head|agent|broker|representative|employee)s?"
    r"(?:\s+in\s+[A-Z][\w]*)?\s*,\s*",
    _I,
)


def _give(sent: Sentence, frame: Frame, members: list[Mention], cue: tuple[int, int]) -> None:
    """The frame's measure (and its law, and the description's country) on each member."""
    seen: set[str] = set()
    for m in members:
        if m.eid in seen or m.eid == frame.authority or sent.is_modifier(m):
            continue
        seen.add(m.eid)
        sent.add(m, frame.predicate, frame.authority, cue, 0.65, stance=Stance.ASSERTED)
        if frame.law:
            sent.add(m, P.RESTRICTED_UNDER, frame.law, cue, 0.6, stance=Stance.ASSERTED)
        if frame.country and m.etype is not T.PERSON:
            sent.add(m, P.HEADQUARTERED_IN, frame.country, cue, 0.6, stance=Stance.ASSERTED)
        if frame.banned_by:
            sent.add(m, P.BANNED_BY, frame.banned_by, cue, 0.6, stance=Stance.ASSERTED)
        if frame.tie and frame.tie != m.eid:
            sent.add(m, P.ALLEGED_TIE_TO, frame.tie, cue, 0.6, stance=Stance.ASSERTED)
        frame.members.append(m.eid)
    frame.ttl = _OPEN_FOR


def _later_law(sent: Sentence, frame: Frame) -> None:
    hit = LAW_LATER_RE.search(sent.doc.norm, sent.start, sent.end)
    if hit is None:
        return
    law = sent.next_mention(hit.end())
    if law is None or law.start != hit.end() or law.etype is not T.LAW:
        return
    if frame.law is None:
        frame.law = law.eid
    for eid in frame.members:
        sent.add(eid, P.RESTRICTED_UNDER, law, (hit.start(), law.end), 0.6, stance=Stance.ASSERTED)


def _presumption(sent: Sentence, frame: Frame) -> None:
    """ "CBP will apply a rebuttable presumption that goods produced by these entities will be
    prohibited": the list's members are banned by that authority, those named and those to come."""
    if frame.predicate is not P.LISTED_ON:
        return
    hit = PRESUMPTION_RE.search(sent.doc.norm, sent.start, sent.end)
    if hit is None:
        return
    auth = next((m for m in sent.before(hit.start(), AUTHORITY) if not sent.is_modifier(m)), None)
    if auth is None:
        return
    frame.banned_by = auth.eid
    for eid in frame.members:
        sent.add(eid, P.BANNED_BY, auth, (hit.start(), hit.end()), 0.6, stance=Stance.ASSERTED)


def _goods_named(sent: Sentence) -> None:
    """ "CBP will apply a rebuttable presumption that goods produced by A, B and C will be
    prohibited from entering": each named is banned by the authority that applies it."""
    norm = sent.doc.norm
    for by in GOODS_BY_RE.finditer(norm, sent.start, sent.end):
        first = sent.next_mention(by.end())
        if first is None or first.start != by.end() or first.etype not in AFFECTED:
            continue
        named = sent.group(first, 1, AFFECTED)
        if not _PROHIBITED_RE.search(norm, named[-1].end, min(sent.end, named[-1].end + 80)):
            continue
        auth = next((m for m in sent.before(by.start(), AUTHORITY) if not sent.is_modifier(m)), None)
        for m in named if auth is not None else []:
            sent.add(m, P.BANNED_BY, auth, (by.start(), m.end), 0.6, stance=Stance.ASSERTED)  # type: ignore[arg-type]


def _designation_law(sent: Sentence, record: bool = True) -> None:
    """ "This designation is made under Section 7031(c) of ...", "These orders are the first actions by
    FinCEN pursuant to A and the B", with no frame open: the laws of the text's measures. The parties it
    named sanctioned or banned under no law of their own get them, and so do those it names so later
    ("I am also designating his wife, A"); while a frame is open (``record`` false), the statement
    still gives the law to the parties named before the frame."""
    doc = sent.doc
    hit = LAW_LATER_RE.search(doc.norm, sent.start, sent.end)
    law = sent.next_mention(hit.end()) if hit is not None else None
    if hit is not None and law is not None and law.start == hit.end() and law.etype is T.LAW:
        laws = [law]
        while (more := _AND_LAW_RE.match(doc.norm, laws[-1].end, sent.end)) is not None:
            nxt = sent.next_mention(more.end())
            if nxt is None or nxt.start != more.end() or nxt.etype is not T.LAW:
                break
            laws.append(nxt)
        doc.designation_laws = [m.eid for m in laws]
        for eid in doc.unlawed:
            for m in laws:
                sent.add(eid, P.RESTRICTED_UNDER, m, (hit.start(), m.end), 0.6, stance=Stance.ASSERTED)
        doc.unlawed = []
    if not record:  # a frame is open: its members take its law (_later_law), not the text's
        return
    lawed = {raw.subject for raw in sent.raws if raw.predicate is P.RESTRICTED_UNDER}
    for raw in list(sent.raws):
        if raw.predicate not in _MEASURES or raw.stance not in {None, Stance.ASSERTED} or raw.subject in lawed:
            continue
        if (
            _STANDING_CUE_RE.search(doc.norm, raw.cue[0], raw.cue[1])
            or (
                doc.norm.endswith("designated", raw.cue[0], raw.cue[1])  # "a designated X", not "OFAC designated X"
                and _ARTICLE_BEFORE_RE.search(doc.norm, max(0, raw.cue[0] - 12), raw.cue[0]) is not None
            )
            or DESIGNATION_TERM.search(doc.norm, raw.cue[0], raw.cue[1])
            or designated_before(doc.norm, raw.cue[0], raw.cue[1], sent.start, sent.end)
        ):
            continue  # "U.S.-designated entities", "a designated FTO", "previously designated": not by this text
        lawed.add(raw.subject)
        for eid in doc.designation_laws:
            sent.add(raw.subject, P.RESTRICTED_UNDER, eid, raw.cue, 0.55, stance=Stance.ASSERTED)
        if not doc.designation_laws and raw.subject not in doc.unlawed:
            doc.unlawed.append(raw.subject)


_MEASURES = frozenset({P.SANCTIONED_BY, P.BANNED_BY})
_STANDING_CUE_RE = re.compile(r"-(?:designated|sanctioned)\b")
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the|other|already)\s+$", re.IGNORECASE)
# "A, as amended, and B": the next law of a list (an amendment of the first is no other law)
_AND_LAW_RE = re.compile(r"(?:\s*,\s*as\s+amended)?\s*,?\s*(?:and|as\s+well\s+as)\s+(?:the\s+)?")


def rule_frames(sent: Sentence) -> None:
    """Open a frame on a counted description; give it to the members named later (see module)."""
    doc = sent.doc
    frame = doc.frame
    if frame is None and doc.closed_frame is not None and _reopens(sent, doc.closed_frame):
        frame = doc.frame = doc.closed_frame  # "The three companies which have been sanctioned include A, B and C"
        frame.ttl = _OPEN_FOR
    _goods_named(sent)
    _designation_law(sent, record=frame is None)  # a frame's members take the frame's law
    if frame is not None:
        _presumption(sent, frame)
        _members(sent, frame)
        _later_law(sent, frame)
        if frame.law:  # a party sanctioned by the frame's authority meanwhile: under its law
            for raw in list(sent.raws):
                if raw.predicate is P.SANCTIONED_BY and raw.object == frame.authority:
                    sent.add(raw.subject, P.RESTRICTED_UNDER, frame.law, raw.cue, 0.6, stance=Stance.ASSERTED)
                    if raw.subject not in frame.members:
                        frame.members.append(raw.subject)
        frame.ttl -= 1
        if frame.ttl <= 0:
            doc.frame, doc.closed_frame = None, frame
    still = doc.frame
    _open(sent)
    if doc.frame is not None and doc.frame is not still:
        doc.closed_frame = None  # a new measure opened: the one before is not reopened


# members named after a description that names the measure itself: "The three cybersecurity companies which have been
# sanctioned include", "Those designated today are" (a frame reopened however far back it was opened)
_MEASURE_MEMBERS_RE = {
    P.SANCTIONED_BY: re.compile(r"\b(?:sanctioned|designated)\b", _I),
    P.LISTED_ON: re.compile(r"\b(?:added|listed)\b", _I),
}


def _reopens(sent: Sentence, frame: Frame) -> bool:
    hit = MEMBERS_RE.search(sent.doc.norm, sent.start, sent.end)
    words = _MEASURE_MEMBERS_RE.get(frame.predicate)
    return hit is not None and words is not None and words.search(hit.group(0)) is not None
