"""One sentence at a time: its mentions (sorted, non-overlapping) and the neighbour look-ups the
rules use — the nearest mentions of some types before or after a position, the head of a
possessive (``Russia's Federal Security Service``), coordinated groups (``A and B (Russia), and
C``), passive voice and its ``by`` agent, pronouns, irrealis and negation before a cue — and the
raw candidates the rules add (:class:`Raw`)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from schema.ontology import EntityType, Predicate, Stance

from .cues import (
    BACKER_ADJECTIVE_RE,
    GAP_AND_RE,
    GAP_APPOSITION_RE,
    GAP_DESCRIBED_RE,
    GAP_POST_RE,
    GAP_SEMI_RE,
    IRREALIS_PROPOSED_RE,
    IRREALIS_SKIP_RE,
    NEGATED_RE,
    OF_RE,
    POSSESSIVE_RE,
    PURSUANT_RE,
    QUOTE_ENDS_RE,
    REQUEST_RE,
)
from .mentions import AUTHORITY, Doc
from .patterns import CORPORATE_TITLE_RE, PERSON_TITLE_RE, UNIT_NOUNS
from .personal import POST_OF_BEFORE
from .spans import Mention
from .text import BULLET

T = EntityType
_I = re.IGNORECASE
# a pronoun or a definite description of a firm: "it", "they", "the company", "the Moscow-based firm"
_PAREN_AFTER_RE = re.compile(r"[ \t]*\([^()\n]{1,40}\)")
_ANAPHOR_RE = re.compile(
    r"\b(?:[Ii]t|[Tt]hey)\b|\b[Tt]he\s+(?:[A-Z][\w]*-based\s+|[a-z][\w-]*\s+){0,2}(?:company|firm)\b"
)

# "X's successor, Y", "X's front company, Y": the party named in apposition is the head
_POSSESSIVE_ROLE_RE = re.compile(
    r"'s?[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?(?:successor|predecessor|subsidiary|affiliate|front(?:[ \t]+company)?|"
    r"parent(?:[ \t]+company)?)[ \t]*,[ \t]*"
)
_GROUP_ANAPHOR_RE = re.compile(
    r"\b(?:[Tt]hese|[Tt]hose|[Bb]oth|[Tt]he\s+(?:two|three|four|five|six|seven|eight|nine|ten))\s+"
    r"(?:[a-z][\w-]*\s+)?(?:companies|entities|firms|carriers|banks|parties|subsidiaries)\b"
)
# "A, a subsidiary of B, ...", "A, the parent company of B, ...": B is named in A's description
_APPOSITION_OPEN_RE = re.compile(
    # "A, a subsidiary of B, ...", "A, who serves as the director of B, ..."
    r"\s*(?:\([^()]{0,40}\))?\s*,\s*(?:(?:a|an|the|its|their|one\s+of\s+the)\s+|(?:who|which)\s+)[^,;:()\n]{0,60}?"
    r"\b(?:of|for|to|by|from|with|at|in)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_UNIT_NOUN_AFTER_RE = re.compile(rf"[ \t]+{UNIT_NOUNS}\b")
# who a speaker speaks to: "told Reuters", "denied to Reuters" (the addressee is no subject of what is said)
_ADDRESSEE_BEFORE_RE = re.compile(
    r"\b(?:told|(?:said|denied|confirmed|stated|explained|wrote|admitted|insisted)[ \t]+to)[ \t]+$", re.I
)
_OPEN_PAREN_RE = re.compile(r"[ \t]*\([ \t]*")
_APPOSITION_CLOSE_RE = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*,")
# "A, which supplies B with parts, was designated", "A, which falls under B, ...": B is named in a
# relative clause about A, which runs to the next comma
_RELATIVE_OPEN_RE = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*,\s*(?:which|who|whose)\s+[^,;:()\n]{0,80}", re.IGNORECASE)
_RELATIVE_GAP_RE = re.compile(r",\s*(?:which|who|whose|whom)\b", re.IGNORECASE)
_RELATIVE_CLOSE_RE = re.compile(r"\s*(?:\([^()]{0,40}\))?[^,;:()\n]{0,60}?,")

# a word that opens another clause between a verb and the first name after it
_CLAUSE_OPENS_RE = re.compile(
    # "announced sanctions on Iran two days after President X instructed ...": X is another clause's
    r"\b(?:since|because|although|though|until|unless|whereas|while|after|before|when)\b|;|,[ \t]+(?:and|but)[ \t]+$"
    # "sanctions three vessels linked to Houthis", "sanctioned individuals tied to X": the ones linked, unnamed, not X
    r"|\b[a-z]+s[ \t]+(?:linked|tied|connected)[ \t]+(?:to|with)[ \t]+(?:the[ \t]+)?$"
    # "blacklist five Chinese companies suspected of aiding the CCP", "blacklist companies that ... CCP surveillance"
    r"|\b(?:companies|firms|entities|individuals|persons|people|banks)[ \t]+(?:that|which|who|suspected|accused)\b"
    r"(?![^:]*:)"  # not "against four companies that are ...: A, B, C, and D": the list after the colon
)
# a title between "by" and the person it names: "by President Biden", "by Treasury Secretary Janet Yellen"
_TITLE_GAP_RE = re.compile(rf"(?:(?:U\.S\.|[A-Z][a-z]+)[ \t]+){{0,2}}(?:{PERSON_TITLE_RE.pattern})[ \t]+")


# a participle before the cue's, its agent named: "have been identified by the DOJ and charged"
_AGENT_AND_RE = re.compile(r"\b(?:is|are|was|were|been|being)\s+\w+ed\s+by\s+(?P<by>[^,.;]{1,80}?)\s+and\s+$", _I)
_DATELINE_CLOSE_RE = re.compile(r"\)[ \t]*(?:[\u2013\u2014]|--?)")
_AMONG_BEFORE_RE = re.compile(r"\b(?:is|are|was|were)\s+(?:one\s+of|among)\s+(?:the\s+)?(?:[\w-]+\s+){0,5}$", re.I)
_AUXILIARY_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+\s+)?$", _I)
_POST_BODIES = frozenset({EntityType.FIRM, EntityType.ORGANIZATION})
_PLACE_OF_RE = re.compile(
    r"\b(?:based|located|headquartered|registered|incorporated|headquarters)\s+in\s+(?:the\s+)?(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+)?$"
)
# "a Hong Kong-based firm", "Marshall Islands-registered X", "Venezuela-related sanctions": the place describes
PLACE_ADJECTIVE_RE = re.compile(r"-(?:based|headquartered|registered|flagged|incorporated|related)\b")


@dataclass
class Raw:
    """A candidate as a rule found it: ids, predicate, the sentence and cue spans, a confidence."""

    subject: str
    predicate: Predicate
    object: str
    sentence: tuple[int, int]
    cue: tuple[int, int]
    confidence: float
    stance: Stance | None = None  # None: read the stance cues of the sentence
    asserted_by: str | None = None
    pronoun: bool = False
    spans: tuple[tuple[int, int], ...] = ()  # where subject and object are named in the sentence
    learned: bool = False  # proposed by the learned reader (extract.reader), not a pattern


_TITLE_AFTER_RE = re.compile(r'[ \t]*,?[ \t]*(?:\([^()]{1,12}\)[ \t]*,?[ \t]*)?"([^"]{3,300}?)[,.]?"')


_STATES = frozenset({EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.AGENCY})  # named with "the" in a run
# any party in a run each of whose members has "the": "the National Iranian Oil Company (NIOC), the National ..."
_THE_RUN_RE = re.compile(r"\)?,[ \t]+(?:and[ \t]+)?the[ \t]+")


_POSSESSIVE_PAREN_RE = re.compile(r"['\u2019]s[ \t]*\([ \t]*")  # "the Commission's (FCC)": its acronym after


_QUOTE_CLOSED_RE = re.compile(r"[,.!?][\"\u201d]")  # '..., and vessels," Treasury Secretary X said'
_ITS_GAP_RE = re.compile(r"\b(?:its|their|his|her)\b")


class Sentence:
    """One sentence: its mentions (sorted, non-overlapping) and the neighbour look-ups the rules
    use, each a bisection plus a short scan, so a sentence costs about O(cues × log mentions)."""

    NEAR = 12  # before()/after() return at most this many mentions (of the 48 nearest)

    def __init__(self, doc: Doc, span: tuple[int, int], mentions: list[Mention]) -> None:
        self.doc = doc
        self.start, self.end = span
        self.span = span
        self.ms = mentions
        self.starts = [m.start for m in mentions]
        self.ends = [m.end for m in mentions]
        self.raws: list[Raw] = []
        self.consumed: list[tuple[int, int]] = []
        self.vetoed: set[frozenset[str]] = set()  # pairs a rule read as no claim: the learned reader leaves them
        self._pair_cache: list[tuple[Mention, Mention, str]] | None = None
        self._modifiers: set[int] | None = None
        self._heads: dict[int, Mention] = {}
        self.date_cache: list[tuple[int, int, str, bool]] | None = None  # filled by extract.dates
        self.stance_cache: list[tuple[int, Stance, re.Match[str]]] | None = None  # by extract.stance
        self._groupable: dict[frozenset[EntityType], tuple[list[Mention], dict[int, int]]] = {}
        self.titles: list[tuple[int, int]] = []  # a law's title in quotes after its name: 'General License 83, "..."'
        for m in mentions:
            if m.etype is EntityType.LAW and not (self.titles and m.start < self.titles[-1][1]):
                t = _TITLE_AFTER_RE.match(doc.norm, m.end, self.end)
                if t is not None:
                    self.titles.append((t.start(1), t.end(1)))

    # finding neighbours -----------------------------------------------------------------------

    def inside_mention(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.ms[i].end > pos

    def cues(self, regex: re.Pattern[str]) -> list[re.Match[str]]:
        """Cue matches that do not fall inside a mention (``list`` in ``Entity List``) or a law's
        quoted title ("Imports ... Prohibited by Executive Order 14068" bans nothing)."""
        return [
            c
            for c in regex.finditer(self.doc.norm, self.start, self.end)
            if not self.inside_mention(c.start()) and not self.in_title(c.start())
        ]

    def in_title(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.titles)

    def laws_listed(self, first: Mention) -> list[Mention]:
        """``General License 83, "Title," General License 84, "Title," and General License 85``: the
        laws listed from ``first``, past the titles (and what they name) between them."""
        out = [first]
        for m in self.ms:
            if m.start <= out[-1].end or m.etype is not EntityType.LAW or self.in_title(m.start):
                continue
            gap = self.doc.norm[out[-1].end : m.start]
            title = _TITLE_AFTER_RE.match(gap)
            if not GAP_AND_RE.fullmatch(gap[title.end() :].lstrip('",') if title else gap):
                break
            out.append(m)
        return out

    def before(self, pos: int, types: frozenset[EntityType]) -> list[Mention]:
        """Mentions ending at or before ``pos`` whose type is in ``types``, nearest first."""
        out: list[Mention] = []
        i = bisect.bisect_right(self.ends, pos) - 1
        stop = max(-1, i - 4 * self.NEAR)
        while i > stop and len(out) < self.NEAR:
            if self.ms[i].etype in types:
                out.append(self.ms[i])
            i -= 1
        return out

    def after(self, pos: int, types: frozenset[EntityType]) -> list[Mention]:
        """Mentions starting at or after ``pos`` whose type is in ``types``, nearest first."""
        out: list[Mention] = []
        i = bisect.bisect_left(self.starts, pos)
        stop = min(len(self.ms), i + 4 * self.NEAR)
        while i < stop and len(out) < self.NEAR:
            if self.ms[i].etype in types:
                out.append(self.ms[i])
            i += 1
        return out

    def next_mention(self, pos: int) -> Mention | None:
        i = bisect.bisect_left(self.starts, pos)
        return self.ms[i] if i < len(self.ms) else None

    def parties_at(self, pos: int, types: frozenset[EntityType]) -> list[Mention]:
        """The parties named together from exactly ``pos`` on ("A, B and C"), or none."""
        first = self.next_mention(pos)
        if first is None or first.start != pos or first.etype not in types:
            return []
        return self.group(first, 1, types)

    def head(self, m: Mention) -> Mention:
        """``Russia's Federal Security Service``: the owner's possession is the head."""
        cached = self._heads.get(m.start)
        if cached is not None:
            return cached
        h = m
        for _ in range(3):
            gap = POSSESSIVE_RE.match(self.doc.norm, h.end)
            nxt = self.next_mention(h.end)
            if gap is not None and nxt is not None and gap.end() != nxt.start:
                gap = _POSSESSIVE_ROLE_RE.match(self.doc.norm, h.end)  # "Garantex's successor, Grinex"
            if gap is None or nxt is None or gap.end() != nxt.start:
                break
            h = nxt
        if h is m and m.etype in _POST_BODIES | {T.AGENCY}:
            post = CORPORATE_TITLE_RE.match(self.doc.norm, m.end) if m.etype is not T.AGENCY else None
            if post is None and POST_OF_BEFORE.search(self.doc.norm, max(self.start, m.start - 60), m.start):
                post = re.compile(r"[ \t]+").match(self.doc.norm, m.end)  # "Director of the X Authority Edgar Y"
            nxt = self.next_mention(post.end()) if post is not None else None
            if nxt is not None and post is not None and nxt.start == post.end() and nxt.etype is T.PERSON:
                h = nxt  # "Transneft president Nikolay Tokarev": the body names its post's holder, who is the head
        self._heads[m.start] = h
        return h

    def pairs(self) -> list[tuple[Mention, Mention, str]]:
        """Adjacent mentions joined by ``'s`` (possessive), ``of``/``in the`` (of) or a space (a unit
        after its body), skipping a parenthesised acronym of the first one: ``BIS (BIS) of the U.S. ...``."""
        out: list[tuple[Mention, Mention, str]] = []
        ms = self.ms
        for i, a in enumerate(ms):
            j = i + 1
            end = a.end
            while j < len(ms) and ms[j].eid == a.eid and re.fullmatch(r"\s*\(\s*", self.doc.norm[end : ms[j].start]):
                end = self.doc.norm.find(")", ms[j].end, ms[j].end + 5) + 1 or ms[j].end
                j += 1
            if (
                j + 1 < len(ms)
                and ms[j].eid == a.eid
                and _POSSESSIVE_PAREN_RE.fullmatch(self.doc.norm, a.end, ms[j].start)
            ):
                close = self.doc.norm.find(")", ms[j].end, ms[j].end + 3)  # "the Commission's (FCC) Covered List"
                if close > 0 and not self.doc.norm[close + 1 : ms[j + 1].start].strip():
                    out.append((a, ms[j + 1], "possessive"))
                    continue
            if j >= len(ms):
                break
            b = ms[j]
            gap = self.doc.norm[end : b.start]
            if POSSESSIVE_RE.fullmatch(gap) and gap.startswith("'"):  # "the DPRK's", "... Korea (DPRK)'s"
                out.append((a, b, "possessive"))
                c = ms[j + 1] if j + 1 < len(ms) else None  # "China's Ministry of State Security and People's
                if (
                    c is not None and c.etype is b.etype and self.doc.norm[b.end : c.start] == " and "
                ):  # Liberation Army"
                    out.append((a, c, "possessive"))
            elif OF_RE.fullmatch(gap) and a.eid != b.eid:
                out.append((a, b, "of"))
            elif gap in {" ", "\t"} and a.etype is b.etype is EntityType.AGENCY and a.eid != b.eid:
                out.append((a, b, "unit"))  # "CBP Office of Trade": the unit named after its body
            elif gap in {" ", "\t"} and a.etype is EntityType.AGENCY and b.etype is EntityType.LIST:
                out.append((a, b, "possessive"))  # "the BIS Entity List", "the OFAC SDN List": the body's list
        return out

    def is_modifier(self, m: Mention) -> bool:
        """The owner in ``X's Y``, the parent in ``Y of the X``, the place in ``X-based``: not an actor of its own."""
        norm = self.doc.norm
        if self.head(m) is not m or PLACE_ADJECTIVE_RE.match(norm, m.end) or BACKER_ADJECTIVE_RE.match(norm, m.end):
            return True
        if norm[m.start - 1 : m.start] == "(" and _DATELINE_CLOSE_RE.match(norm, m.end):
            return True  # "WASHINGTON (AP) — A programmer accused of ...": the agency's dateline, no party
        if m.etype in {T.FIRM, T.ORGANIZATION, T.AGENCY} and _UNIT_NOUN_AFTER_RE.match(norm, m.end):
            return True  # "one Kaspersky unit based in the United Kingdom", "an AEOI subsidiary designated by OFAC"
        if _PLACE_OF_RE.search(self.doc.norm, max(self.start, m.start - 60), m.start):
            return True  # "a bank located in Riga, Latvia": where a party is, not who acts
        if self._modifiers is None:
            mods: set[int] = set()
            for a, b, kind in self._pairs:
                if kind != "of" or a.etype is not T.AGENCY:
                    continue
                mods.add(b.start)
                nxt = self.next_mention(b.end)
                if nxt is not None and nxt.eid == b.eid and re.fullmatch(r"\s*\(\s*", self.doc.norm[b.end : nxt.start]):
                    mods.add(nxt.start)  # "Department of Commerce (Commerce)"
            self._modifiers = mods
        return m.start in self._modifiers

    @property
    def _pairs(self) -> list[tuple[Mention, Mention, str]]:
        if self._pair_cache is None:
            self._pair_cache = self.pairs()
        return self._pair_cache

    def group(self, m: Mention, direction: int, types: frozenset[EntityType]) -> list[Mention]:
        """``A and B (Russia), and C`` — the coordinated mentions around ``m``."""
        if types not in self._groupable:
            ok = [x for x in self.ms if x.etype in types and not self.is_modifier(x)]
            self._groupable[types] = (ok, {x.start: k for k, x in enumerate(ok)})
        cands, index = self._groupable[types]
        out = [m]
        i = index.get(m.start, -1)
        if i == -1:
            return out
        last = i  # the last member (an acronym of it, "X (XC), and Y", is skipped)
        alias = -1  # its other name last named, inside a parenthesis after it ("A (also known as A2; A3), B")
        for _ in range(self.NEAR):
            j = i + direction
            if not 0 <= j < len(cands):
                break
            if cands[j].eid == cands[last].eid or (direction > 0 and self._in_paren_after(cands[last], cands[j])):
                i = j  # "A (A's acronym), B" / "B (Huawei USA), C": what the parenthesis holds is skipped
                if direction > 0 and cands[j].eid == cands[last].eid and cands[j].start > cands[last].end:
                    alias = j
                elif direction < 0 and cands[j].eid == cands[last].eid:
                    last = j  # "A (AQIM), all of which": back from the acronym, the name it follows is the member
                continue
            a, b = (cands[j], cands[last]) if direction < 0 else (cands[last], cands[j])
            gap = self.doc.norm[a.end : self.phrase_start(b)]
            address = self.doc.addresses.get(a.end)  # "A, Room 1203, ..., Hong Kong; and B"
            if address is not None and address[0] <= self.phrase_start(b):
                gap = self.doc.norm[address[0] : self.phrase_start(b)]
            if alias > last and "(" in self.doc.norm[cands[last].end : cands[alias].start]:
                rest = self.doc.norm[cands[alias].end : self.phrase_start(b)]
                gap = rest[1:] if rest.startswith(")") else gap
            if gap.startswith(")") and self.doc.norm[a.start - 1 : a.start] == "(":
                gap = gap[1:]  # "A (AQAP), B": from the acronym in its parenthesis
            if gap.endswith("the ") and ({a.etype, b.etype} <= _STATES or _THE_RUN_RE.fullmatch(gap)):
                gap = gap[:-4]  # "The United States, the United Kingdom, the European Union, and Canada"
            if not (
                GAP_AND_RE.fullmatch(gap)
                or GAP_APPOSITION_RE.fullmatch(gap)
                or GAP_DESCRIBED_RE.fullmatch(gap)
                or (b.etype is T.PERSON and a.etype is T.PERSON and GAP_POST_RE.fullmatch(gap))
                or (GAP_SEMI_RE.fullmatch(gap) and self._colon_list(out[0] if direction > 0 else cands[j]))
            ):
                break
            out.append(cands[j])
            i = last = j
            alias = -1
        return out if direction > 0 else list(reversed(out))

    def _quote_closes(self, pos: int, end: int) -> bool:
        """Does a quotation open before ``pos`` close before ``end`` ('... designate companies," Secretary X said'),
        not one the gap holds whole (', "Blocking Property of ...," A and B')?"""
        close = _QUOTE_CLOSED_RE.search(self.doc.norm, pos, end)
        return close is not None and not re.search(r"(?:^|[\s(])[\"\u201c]", self.doc.norm[pos : close.start()])

    def described_only(self, members: list[Mention]) -> list[Mention]:
        """The members a description before the first covers: up to one named as another's ("the U.S.-sanctioned
        Iranian firm A and its subsidiary, B": A only)."""
        for k in range(1, len(members)):
            if _ITS_GAP_RE.search(self.doc.norm, members[k - 1].end, members[k].start):
                return members[:k]
        return members

    def _in_paren_after(self, a: Mention, b: Mention) -> bool:
        """Is ``b`` inside the parenthesis that follows ``a`` ("A (B)")?"""
        m = _PAREN_AFTER_RE.match(self.doc.norm, a.end, self.end)
        return m is not None and a.end < b.start and b.end <= m.end()

    def _colon_list(self, first: Mention) -> bool:
        """Is ``first`` the first item of a list a colon opens ("the following entities: A; B; and
        C"), where items are parted by semicolons?"""
        left = self.doc.norm[max(self.start, first.start - 12) : first.start]
        return bool(re.search(rf":\s*(?:\(?[1a-z0-9]\)\s*|1\.[ \t]+|{BULLET}[ \t]+)?$", left))

    def phrase_start(self, m: Mention) -> int:
        """Where the phrase headed by ``m`` starts: ``the U.S. Department of the Treasury's Office
        of Foreign Assets Control`` starts at its owner."""
        i = bisect.bisect_left(self.starts, m.start) - 1
        start = m.start
        while i >= 0 and self.head(self.ms[i]) is m:
            start = self.ms[i].start
            i -= 1
        if start != m.start:
            det = re.search(r"(?:the|a|an)\s+$", self.doc.norm[max(self.start, start - 6) : start], _I)
            start -= len(det.group(0)) if det else 0
        return start

    def subjects_before(self, pos: int, types: frozenset[EntityType]) -> list[Mention]:
        near = [m for m in self.before(pos, types) if not self.is_modifier(m)]
        if len(near) > 1 and _ADDRESSEE_BEFORE_RE.search(
            self.doc.norm, max(self.start, near[0].start - 30), near[0].start
        ):
            near = near[1:]  # "X categorically denied to Reuters handling transfers on behalf of Y": X, not Reuters
        if (
            len(near) > 2
            and near[0].eid == near[1].eid
            and _OPEN_PAREN_RE.fullmatch(self.doc.norm, near[1].end, near[0].start)
        ):
            near = near[1:]  # "A, the leader of B (BC), was designated": B and its acronym are one party
        if len(near) > 1 and self.in_apposition(near[1], near[0], pos):
            near = near[1:]  # "A, a subsidiary of B, was designated": A was
        else:
            near = self.past_relative(near, pos)
        return self.group(near[0], -1, types) if near else []

    def in_apposition(self, a: Mention, b: Mention, pos: int) -> bool:
        """Is ``b`` named inside a description of ``a`` set off by commas before ``pos``?"""
        norm = self.doc.norm
        return bool(_APPOSITION_OPEN_RE.fullmatch(norm, a.end, self.phrase_start(b))) and bool(
            _APPOSITION_CLOSE_RE.match(norm, b.end, pos)
        )

    def past_relative(self, near: list[Mention], pos: int) -> list[Mention]:
        """``near`` (nearest first) without the parties of a relative clause between its first party
        and ``pos``: "A, which sells parts to B and C, was designated" — A was."""
        return next((near[k:] for k in range(1, min(len(near), 4)) if self.in_relative(near[k], near[0], pos)), near)

    def in_relative(self, a: Mention, b: Mention, pos: int) -> bool:
        """Is ``b`` named in a relative clause about ``a`` that a comma closes before ``pos``?"""
        norm = self.doc.norm
        return bool(_RELATIVE_OPEN_RE.fullmatch(norm, a.end, b.start)) and bool(
            _RELATIVE_CLOSE_RE.match(norm, b.end, pos)
        )

    def objects_after(self, pos: int, types: frozenset[EntityType]) -> list[Mention]:
        near = [m for m in self.after(pos, types) if not self.is_modifier(m)]  # not "the IRGC-backed X"'s IRGC
        if not near:
            return []
        first = self.head(near[0])
        if first.etype not in types or _CLAUSE_OPENS_RE.search(self.bare(pos, first.start)):
            return []  # "action against an unnamed refinery since President Trump issued ...": another clause
        if _RELATIVE_GAP_RE.search(self.bare(pos, first.start)):
            return []  # "Executive Order 13920, which President Trump issued, bans": a relative clause's party
        if QUOTE_ENDS_RE.search(self.doc.norm, pos, first.start) or self._quote_closes(pos, first.start):
            return []  # '"... restricting the military's ability," said Under Secretary X': the speaker
        return self.group(first, 1, types)

    def pronoun_before(self, pos: int) -> str | None:
        """The party a pronoun or a definite description before ``pos`` stands for (``it``,
        ``they``, ``the company``, ``the Moscow-based firm``): the last firm or product named."""
        if _ANAPHOR_RE.search(self.doc.norm, self.start, pos):
            return self.doc.last_affected
        return None

    def group_before(self, pos: int) -> list[str]:
        """The parties a plural description before ``pos`` stands for ("these companies", "the three
        entities", "both firms"): the group the text last named together, in an earlier sentence."""
        if _GROUP_ANAPHOR_RE.search(self.doc.norm, self.start, pos):
            return list(self.doc.last_group)
        return []

    def last_group(self) -> list[Mention]:
        """The last parties this sentence names together ("A, B, and C"), firms and organizations."""
        parties = [m for m in self.ms if m.etype in {T.FIRM, T.ORGANIZATION}]
        return self.group(parties[-1], -1, frozenset({T.FIRM, T.ORGANIZATION})) if parties else []

    def pronoun_after(self, pos: int) -> str | None:
        """The party ``it`` or ``the company`` right after ``pos`` stands for: a firm named earlier in this
        sentence ("its decision to add X was motivated by Y banning the company's products": X), else the
        last firm or product the text named."""
        hit = re.match(r"\s+(?:it|them|the\s+(?:[\w-]+\s+)?(?P<d>company|firm))\b", self.doc.norm[pos : pos + 40])
        if hit is None:
            return None
        if hit.group("d"):
            here = [m for m in self.ms if m.end <= pos and m.etype is T.FIRM and not self.is_modifier(m)]
            if len({m.eid for m in here}) == 1:
                return here[-1].eid
        return self.doc.last_affected

    def law_after(self, pos: int, within: int = 80) -> Mention | None:
        """The law a measure is taken under: named right after ``pursuant to`` / ``under`` within
        ``within`` characters of ``pos``, in the same clause (no ``;`` between)."""
        stop = min(self.end, pos + within)
        semi = self.doc.norm.find(";", pos, stop)
        for m in PURSUANT_RE.finditer(self.doc.norm, pos, semi if semi != -1 else stop):
            for at in (m.start("sec"), m.end()) if m.group("sec") else (m.end(),):
                law = self.next_mention(at)
                if law is not None and law.start == at and law.etype is T.LAW:
                    return law
        return None

    def passive(self, cue: re.Match[str]) -> bool:
        left = self.doc.norm[max(self.start, cue.start() - 40) : cue.start()]
        right = self.doc.norm[cue.end() : min(self.end, cue.end() + 40)]
        if re.match(r"\s+by\b", right):
            return True
        # an auxiliary makes a participle passive ("was designated"), not a progressive or a noun
        # ("is sanctioning X", "is imposing sanctions on X")
        last = cue.group(0).split()[-1].lower()
        return last.endswith(("ed", "en", "wn", "put")) and bool(
            re.search(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+\s+)?$", left, _I)
        )

    def passive_agent(self, cue: re.Match[str]) -> Mention | None:
        """The authority a passive cue names as its agent ("X was charged by the DOJ"), or the agent of the participle
        coordinated before it ("X have been identified by the DOJ and charged")."""
        if not cue.group(0).lower().endswith("ed"):
            return None
        if self.passive(cue) and (
            _AUXILIARY_BEFORE_RE.search(self.window(cue.start(), 40))
            or _AMONG_BEFORE_RE.search(self.window(cue.start(), 80))
        ):  # "X was charged by", "A and B were among the seven GRU officers indicted by"
            return self.by_agent(cue.end(), AUTHORITY)
        hit = _AGENT_AND_RE.search(self.doc.norm, max(self.start, cue.start() - 120), cue.start())
        if hit is None:
            return None
        named = self.after(hit.start("by"), AUTHORITY)
        return named[0] if named and named[0].end <= hit.end("by") else None

    def by_agent(self, pos: int, types: frozenset[EntityType]) -> Mention | None:
        m = re.match(r"(?:\s+[\w-]+){0,3}?\s+by\s+(?:the\s+)?", self.doc.norm[pos : self.end])
        if m is None:
            return None
        nxt = self.after(pos + m.end(), types)
        if not nxt:
            return None
        gap = self.doc.norm[pos + m.end() : nxt[0].start]  # "issued by President Biden": the title is no party
        if gap and not (nxt[0].etype is EntityType.PERSON and _TITLE_GAP_RE.fullmatch(gap)):
            return None
        head = self.head(nxt[0])  # "by BIS's Office of Export Enforcement": the office acts
        return head if head.etype in types else nxt[0]

    def bare(self, lo: int, hi: int) -> str:
        """The text of ``[lo, hi)`` with every mention in it masked by ``_`` (same length), so a cue
        word inside a name ("People" in "People's Republic of China") is not read as a cue."""
        out = self.doc.norm[lo:hi]
        i = bisect.bisect_right(self.ends, lo)
        while i < len(self.ms) and self.ms[i].start < hi:
            a, b = max(lo, self.ms[i].start) - lo, min(hi, self.ms[i].end) - lo
            out = out[:a] + "_" * (b - a) + out[b:]
            i += 1
        return out

    def window(self, pos: int, size: int = 60) -> str:
        return self.doc.norm[max(self.start, pos - size) : pos]

    def irrealis(self, pos: int) -> str | None:
        win = self.window(pos)
        if IRREALIS_SKIP_RE.search(win):
            return "skip"
        if IRREALIS_PROPOSED_RE.search(win) or REQUEST_RE.search(self.doc.norm, self.start, pos):
            return "proposed"
        return None

    def negated(self, pos: int) -> bool:
        return bool(NEGATED_RE.search(self.window(pos, 20)))

    def add(
        self,
        subject: str | Mention,
        predicate: Predicate,
        obj: str | Mention,
        cue: re.Match[str] | tuple[int, int],
        confidence: float,
        **kw: Any,
    ) -> None:
        s = subject.eid if isinstance(subject, Mention) else subject
        o = obj.eid if isinstance(obj, Mention) else obj
        span = (cue.start(), cue.end()) if isinstance(cue, re.Match) else cue
        named = tuple(
            (m.start, m.end)
            for m in (subject, obj)
            if isinstance(m, Mention) and self.start <= m.start and m.end <= self.end
        )
        self.raws.append(Raw(s, predicate, o, self.span, span, confidence, spans=named, **kw))
