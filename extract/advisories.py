"""Rule: an advisory's authors publicly warn against what it is about.

A cybersecurity advisory, an alert or a bulletin that bodies release about a threat group or a
firm is their public warning against it (``warned-against-by``, each author):

* ``CISA and FBI have released Joint Cybersecurity Advisory: TTPs of X``;
* ``A, in coordination with B and C, published a joint cybersecurity advisory that highlights X``;
* ``This advisory was written by A and B to provide information on X``;
* ``The advisory was coauthored with the following organizations: - A; - B`` names more authors;
  a later ``This advisory was crafted to highlight X`` names what it is about.

The authors a sentence names are kept for the document's later sentences about "the advisory".
What the advisory is about is the first party named after the advisory (or after its authors, in
the passive), with the parties coordinated with it; a party only said to be tied to that one
("actors associated with X") is not warned against by this rule."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate, Stance

from .builtin import demonyms
from .known_as import ACTORS_KNOWN_AS_RE
from .mentions import AFFECTED
from .sentence import Sentence
from .spans import Mention

T = EntityType
_I = re.IGNORECASE
_AUTHORS = frozenset({T.AGENCY, T.ORGANIZATION})

# the document: "joint Cybersecurity Advisory", "advisories", "a cyber alert", "security bulletin"
ADVISORY_RE = re.compile(
    r"\b(?:(?:(?:joint|cybersecurity|cyber[ \t-]?security|cyber|security|threat)[ \t]+){0,3}(?:advisory|advisories)|"
    r"(?:(?:joint|cybersecurity|cyber[ \t-]?security|cyber|security|threat)[ \t]+){1,3}(?:alert|bulletin)s?)\b"
    r"(?![ \t]+(?:committee|council|board|opinion|panel|group|services?|body|role|capacity|vote)\b)",
    _I,
)
# the authors' verb right before it: "have released a joint", "published two", "issued an updated"
_PUBLISHED_BEFORE_RE = re.compile(
    r"\b(?:releas|publish|issu|author|co-?author|writ|wrote|produc|jointly[ \t]+releas|updat)\w*[ \t]+"
    r"(?:(?:a|an|the|its|their|two|three|four|several|new|updated|joint|additional)[ \t]+)*$",
    _I,
)
# the passive after it: "was written by", "was coauthored with the following organizations:"
_PUBLISHED_BY_RE = re.compile(
    r"[ \t]+(?:is|was|were|has[ \t]+been|have[ \t]+been)[ \t]+(?:jointly[ \t]+)?"
    r"(?:written|authored|co-?authored|released|published|issued|produced|prepared|developed)[ \t]+"
    r"(?P<how>by|with)[ \t]+",
    _I,
)
# the advisory named again as the sentence's subject: "This advisory ...", "The joint advisory ..."
_THIS_ADVISORY_RE = re.compile(r"\W*(?:this|the)[ \t]+(?:[\w-]+[ \t]+){0,2}", _I)
# what leads to its subject: "on", "about", "highlight", "provide information on", "TTPs of"
_ABOUT_RE = re.compile(
    r"(?:\b(?:on|about|regarding|concerning|detailing|describing|highlight(?:s|ing)?|of|"
    r"against|warning[ \t]+of|attributed[ \t]+to|alert(?:s|ing)?[ \t]+(?:[\w-]+[ \t]+){0,3}?to)\b|:)",
    _I,
)
# a party after its subject only tied to it: "actors associated with X", "backed by X"
_TIED_GAP_RE = re.compile(
    r"\b(?:associated|affiliated|linked|tied|connected)[ \t]+(?:with|to)\b|\b(?:backed|sponsored|directed)[ \t]+by\b",
    _I,
)

_ACTIVITY_GAP_RE = re.compile(r"\b(?:actors?|hackers?|activity|activities|operations|campaigns?)\b", _I)
# the first party after the advisory opens another clause: "an advisory on phishing, and X was not named"
_CLAUSE_BREAK_RE = re.compile(
    r",[ \t]+(?:and|but|while)[ \t]+(?:the[ \t]+)?$|,[ \t]+(?:which|who)\b|;|\b(?:since|because|although|whereas)\b", _I
)

# the advisory's title in quotation marks right after it (its own quotation marks may nest)
_TITLE_AFTER_RE = re.compile(r"[ \t]*,?[ \t]*\"(?P<t>[^\n]{3,160}?)\"(?=[ \t]*(?:[,.;:)]|$))")

# where the passive's "by" phrase ends: an infinitive, a relative clause, a word of aboutness, another clause
_BY_PHRASE_END_RE = re.compile(r"\b(?:to|that|which|on|about|regarding|highlighting)\b|[;:.]", _I)


def rule_advisories(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in sent.cues(ADVISORY_RE):
        authors, after = _authors(sent, cue)
        if _THIS_ADVISORY_RE.fullmatch(norm, sent.start, cue.start()):  # the advisory named before: more authors
            authors = [*sent.doc.advisory_authors, *authors]
        if authors:
            sent.doc.advisory_authors = list(dict.fromkeys(authors))
        if not authors:
            continue
        for subject in _titled(sent, cue.end(), authors) or _subjects(sent, after, authors):
            for author in authors:
                sent.add(subject, Predicate.WARNED_AGAINST_BY, author, cue, 0.6, stance=Stance.ASSERTED)


def _authors(sent: Sentence, cue: re.Match[str]) -> tuple[list[str], int]:
    """The bodies the sentence says wrote the advisory at ``cue``, and where its subject may start."""
    norm = sent.doc.norm
    verb = _PUBLISHED_BEFORE_RE.search(norm, max(sent.start, cue.start() - 60), cue.start())
    if verb is not None:
        clause = max(sent.start, *(norm.rfind(c, sent.start, verb.start()) + 1 for c in ";:"))
        found = [m for m in sent.ms if clause <= m.start and m.end <= verb.start() and m.etype in _AUTHORS]
        return _ids(sent, found), cue.end()
    by = _PUBLISHED_BY_RE.match(norm, cue.end(), sent.end)
    if by is None:
        return [], cue.end()
    if by.group("how") == "with":  # "coauthored with the following organizations: - A; - B"
        found = [m for m in sent.ms if m.start >= by.end() and m.etype in _AUTHORS]
        return _ids(sent, found), sent.end
    end = _BY_PHRASE_END_RE.search(sent.bare(by.end(), sent.end))  # "by the FBI (FBI) and the CISA (CISA) to provide"
    stop = by.end() + end.start() if end is not None else sent.end
    found = [m for m in sent.ms if by.end() <= m.start and m.end <= stop and m.etype in _AUTHORS]
    return _ids(sent, found), (found[-1].end if found else by.end())


def _titled(sent: Sentence, pos: int, authors: list[str]) -> list[Mention]:
    """The parties the advisory's quoted title right after it names: 'the joint Cybersecurity Advisory,
    "Hunting Russian Intelligence "Snake" Malware"' is about Snake."""
    title = _TITLE_AFTER_RE.match(sent.doc.norm, pos, sent.end)
    if title is None:
        return []
    inside = [m for m in sent.ms if title.start("t") <= m.start and m.end <= title.end("t")]
    return [m for m in inside if m.etype in AFFECTED and m.eid not in authors and not sent.is_modifier(m)]


def _ids(sent: Sentence, found: list[Mention]) -> list[str]:
    out: list[str] = []
    for m in found:
        if not sent.is_modifier(m) and m.eid not in out:
            out.append(m.eid)
    return out


def _subjects(sent: Sentence, pos: int, authors: list[str]) -> list[Mention]:
    """The first party named after ``pos`` that a word of aboutness leads to, with those coordinated
    with it ("the TTPs of X, as well as Y's role")."""
    norm = sent.doc.norm
    about = _ABOUT_RE.search(sent.bare(pos, sent.end))
    if about is None:
        return []
    cands = [m for m in sent.after(pos + about.start(), AFFECTED) if m.eid not in authors and not sent.is_modifier(m)]
    if not cands:
        return []
    first = sent.head(cands[0])
    gap = sent.bare(pos + about.end(), first.start)
    far = 170 if _ACTIVITY_GAP_RE.search(gap) else 100  # "continued malicious cyber activity by APT actors tied to X"
    if first.etype not in AFFECTED or first.eid in authors or len(gap) > far or _CLAUSE_BREAK_RE.search(gap):
        return []  # "an advisory about phishing, and X was not named": X is in another clause
    out = [first]
    for m in cands[1:]:
        gap = norm[out[-1].end : m.start]
        if m.start <= out[-1].end or _TIED_GAP_RE.search(gap):
            break
        if re.fullmatch(r"[^.;:]{0,40}?(?:,?[ \t]+(?:and|as[ \t]+well[ \t]+as)[ \t]+|,[ \t]+)", gap):
            out.append(m)
            continue
        break
    return out


def rule_actors_of(sent: Sentence) -> None:
    """``Russian Foreign Intelligence Service (SVR) cyber actors—also known as APT 29``: the group is
    ``part-of`` the body that fields it (:data:`extract.known_as.ACTORS_KNOWN_AS_RE`)."""
    norm = sent.doc.norm
    for g in sent.ms:
        cue = (
            ACTORS_KNOWN_AS_RE.search(norm, max(sent.start, g.start - 60), g.start)
            if g.etype is T.ORGANIZATION
            else None
        )
        if cue is None or cue.end() != g.start:
            continue
        body = next(iter(sent.before(cue.start() + 1, _AUTHORS)), None)
        if (
            body is not None
            and body.eid != g.eid
            and re.fullmatch(r"\)?(?:\s*\([^()]{1,12}\))?\s*", norm[body.end : cue.start()])
        ):
            sent.add(g, Predicate.PART_OF, body, (body.start, g.end), 0.65, stance=Stance.ASSERTED)


# "PRC state-sponsored cyber actors known as Volt Typhoon", "Russian cyber actors known as Fancy Bear", "Chinese
# state-sponsored threat actors referred to by names such as Salt Typhoon", "Iranian ... actors, tracked as X"
_STATES_ACTORS_RE = re.compile(
    r"(?P<d>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+)?(?:\([A-Z]{2,5}\)[ \t]*)?"
    r"(?P<w>(?P<ss>(?:state|government)-(?:sponsored|backed|directed)[ \t]+)?"
    r"(?:(?:malicious|cyber|threat|hacking)[ \t]+)*"
    r"(?:actors?|groups?|hackers?|hacker[ \t]+group|operators?))[ \t]*,?[ \t]*\(?[ \t]*"
    r"(?:(?:also[ \t]+|commonly[ \t]+)?known[ \t]+as|referred[ \t]+to[ \t]+(?:by[ \t]+names[ \t]+such[ \t]+as|as)|"
    r"tracked[ \t]+as|dubbed|called)[ \t]+(?:the[ \t]+)?$"
)


def rule_states_actors(sent: Sentence) -> None:
    """A state's actors named as a group: the group is ``headquartered-in`` that state and, when the state
    sponsors them, ``alleged-tie-to`` it ("PRC state-sponsored cyber actors known as Volt Typhoon")."""
    norm = sent.doc.norm
    for g in sent.ms:
        window = max(sent.start, g.start - 120)
        hit = _STATES_ACTORS_RE.search(norm, window, g.start) if g.etype is T.ORGANIZATION else None
        if hit is None:
            continue
        lead = hit.start("w")  # the state is named right before the actors: a country, or a demonym
        state = next((c for c in sent.ms if c.etype is T.COUNTRY and window <= c.start < lead <= c.end + 8), None)
        place = state.eid if state is not None else demonyms().get((hit.group("d") or "").strip())
        if place is None:
            continue
        sent.add(g, Predicate.HEADQUARTERED_IN, place, (hit.start(), g.end), 0.65, stance=Stance.ASSERTED)
        if hit.group("ss"):
            sent.add(g, Predicate.ALLEGED_TIE_TO, place, (hit.start(), g.end), 0.6, stance=Stance.ASSERTED)
