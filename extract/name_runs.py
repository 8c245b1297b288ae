"""Name runs: capitalised words a name is made of, joined at most by a connector ("of", "and", "bin", a middle
initial), and names in scripts without capitals (Han, Arabic) standing alone among English words. What a run names,
and whether it is one name or two, is for :mod:`extract.names` and :mod:`extract.conjoined`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .conjoined import PARTICLE
from .patterns import PLURAL_BEFORE_RE
from .text import LETTERS, SYLLABLE_TAIL, UPPER

_UP, _LET = UPPER, LETTERS  # Latin capitals and letters, accented ones too ("Saúl Páez López", "Şahin")
# a capitalised word; Arabic names transliterated keep their article and their ayn or hamza
# ("al-Mawla", "Sa'id", "'Abdul", "Abu-'Umar"), but a possessive "'s" ends the word; a group's name joins its words
# by a particle ("Jaish-e-Mohammed", "Lashkar e-Tayyiba", "Tehrik-i-Taliban", "Hizb ut-Tahrir"), an article
# inside a word too ("al-Abd-al-Muhsin")
_SYLLABLES = rf"[A-Z][a-z]{{1,4}}{SYLLABLE_TAIL}"  # "Park Jin-hyok", "Lee Nak-yon"
NAME_TOKEN = (  # "B/E Aerospace", "Temp.Periscope"
    rf"(?:{_SYLLABLES}(?![\w-])|(?:al-|el-|{PARTICLE})?'?[{_UP}][{_LET}0-9]*"
    rf"(?:'(?!s\b)[a-z]+|[-/]'?[{_UP}0-9][{_LET}0-9]*|\.[{_UP}][{_LET}]{{2,}}|-(?:{PARTICLE}|al-|el-)'?[{_UP}][{_LET}0-9]*)*)"
)
NAME_RE = re.compile(  # a middle initial inside a name: "James P. McGovern"; "Hamza bin Laden"
    rf"(?<![\w.'/-]){NAME_TOKEN}"
    rf"(?:[ \t]+(?:(?:of|and|&|for|de|del|bin|bint|ibn|al|el)[ \t]+|[A-Z]\.[ \t]+)?{NAME_TOKEN}){{0,7}}(?![\w-])"
    # a name in Han script, which has no capitals: two to four characters alone among words of another script
    # ("李明, a Chinese national"); a longer run is a sentence or a firm's name (:mod:`extract.scripts`)
    r"|(?<![\w.'/-])[\u4e00-\u9fff]{2,4}(?![\w-])"
    # a name in Arabic script, likewise without capitals: up to five words alone among words of another script
    r"|(?<![\w.'/-])[\u0621-\u064a\u0671-\u06d3]+(?:[ \t]+[\u0621-\u064a\u0671-\u06d3]+){0,4}(?![\w-])"
)

_CORPORATE_ACRONYMS = frozenset({"CEO", "CFO", "COO", "CTO"})
_TITLE_ABBREVIATIONS = frozenset(
    {"Rep", "Reps", "Sen", "Sens", "Gov", "Gen", "Lt", "Col", "Adm", "Amb", "Dr", "Mr", "Mrs", "Ms"}
)
_CONNECTORS = frozenset({"of", "and", "&", "for", "de", "del"})
# a post named by the chamber its holders sit in, inside a run of capitals: "Members of Parliament", "Member of
# Congress"
MEMBERS_OF_CHAMBER = r"Members?[ \t]+of[ \t]+(?:Parliament|Congress)(?![\w-])"  # a run of capitals holds no "the"
_MEMBERS_OF_CHAMBER_RE = re.compile(MEMBERS_OF_CHAMBER)
_GROUP_WORD_AFTER_RE = re.compile(r"[ \t]+(?:group|actor|gang)s?\b")
_CHAMBER_BEFORE_RE = re.compile(rf"\b{MEMBERS_OF_CHAMBER}[ \t]+$")


def name_runs(norm: str) -> Iterator[list[tuple[int, int, str]]]:
    """The words of each name run, parted at a firm's post written as an acronym ("Rosneft CEO Igor Sechin": the
    firm, then its post's holder)."""
    for m in NAME_RE.finditer(norm):
        toks = [(m.start() + t.start(), m.start() + t.end(), t.group(0)) for t in re.finditer(r"\S+", m.group(0))]
        cut = skip = 0
        for k, tok in enumerate(toks):
            if k < skip:
                continue
            chamber = _MEMBERS_OF_CHAMBER_RE.match(norm, tok[0])  # "Hizballah Members of Parliament A and B"
            if (
                chamber is not None
                or tok[2] in _CORPORATE_ACRONYMS
                or (tok[2] in _TITLE_ABBREVIATIONS and norm.startswith(".", tok[1]))
            ):
                head = toks[cut:k]  # "Ed Rowan and Rep. Eliot Engstrom": the title opens the next name
                while head and head[-1][2] in _CONNECTORS:
                    head = head[:-1]
                if head:
                    yield head
                cut = skip = k + 1 if chamber is None else sum(1 for t in toks if t[0] < chamber.end())
        rest = toks[cut:]
        if len(rest) > 1 and rest[-1][2] == "APT" and _GROUP_WORD_AFTER_RE.match(norm, rest[-1][1]):
            rest = rest[:-1]  # "the MuddyWater APT group": the group's name, then what it is
        if rest:
            yield rest


def plural_before(norm: str, at: int) -> bool:
    """Is the run at ``at`` named after a plural description, so that "A and B" are two names ("two individuals,
    Ivan Petrov and Li Wei", "Hizballah Members of Parliament Amin Sherri and Muhammad Ra'd")?"""
    return bool(
        PLURAL_BEFORE_RE.search(norm, max(0, at - 60), at) or _CHAMBER_BEFORE_RE.search(norm, max(0, at - 40), at)
    )
