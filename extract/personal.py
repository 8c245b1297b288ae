"""Does a bare name look like a person's? ``Sergey Gorkov``, ``Zhang Min`` and ``Babak Morteza
Zanjani`` carry no title, legal form or descriptor; what marks them is a given name.

rigour's person tagger knows given and family names from Wikidata in many languages (its ``NAME``
symbols), and its organisation tagger knows the words firms and bodies use (legal forms, sectors,
places). A name is *person-shaped* when it has two to four capitalised words, its first word is a
name rigour knows and no word is one an organisation, a place or a demonym would use. This is
evidence, not proof ("Grace Hopper" is a person, "Nevada Spirit" a firm): :mod:`extract.names`
uses it only where the text already says a party is meant, to tell a person from a firm.

rigour loads its name tables on first use (a few seconds, once per process), so nothing here
runs until a name needs it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reference import registry

from .builtin import DEMONYM_WORDS, demonyms
from .patterns import PERSON_TITLE_RE
from .text import UPPER

_WORD = re.compile(r"[^\W\d_][^\W\d_]+(?:-(?:al-|el-)?[^\W\d_]{2,})?")  # "Gorkov", "Ochur-Suge", "Abd-al-Muhsin"
_DEMONYMS = frozenset(DEMONYM_WORDS)
# what Arabic names transliterated add to a word: the article, the ayn or hamza ("al-Mawla", "Sa'id")
_ARTICLE = re.compile(r"^(?:al|el)-|'")
# who holds, runs or acts for a party, named after the tie: "controlled by Hassan Karimi", "on behalf of X"
TIE_BY_BEFORE_RE = re.compile(
    r"\b(?:(?:owned|controlled|directed|led|run|headed|managed|founded)(?:[ \t]+(?:and|or)[ \t]+\w+)?[ \t]+by"
    r"|on[ \t]+behalf[ \t]+of|(?:close[ \t]+)?associates?[ \t]+of"
    # "transfers possibly tied to Yevgeny Prigozhin", "his ties with John Smith" (a person's name, by its words)
    r"|(?:tied|linked|connected)[ \t]+to"
    r"|(?:ties|links|connections|relations)[ \t]+(?:\w+[ \t]+){0,2}?(?:to|with))[ \t]+$"
)
_INITIAL = re.compile(r"[A-Z]\.")
_PATRONYMIC = frozenset(
    {"bin", "bint", "ibn", "al", "el"}
)  # "son of", "daughter of", an article ("Mohammed al Otaibi")
# the particles inside Spanish and Portuguese names, capitalised or not: "Fidel De Jesus Dominguez Alvarez"
_PARTICLES = frozenset({"de", "De", "del", "Del", "da", "Da", "dos", "Dos", "la", "La"})


# nouns only organisations' names have, wherever they stand ("Bank Melli": rigour reads "Bank" as a given name first)
_ORG_NOUNS = frozenset(
    {"Bank", "Banco", "Banque", "Bankasi", "Company", "Corporation", "Holding", "Holdings", "Airlines"}
)


def person_shaped(name: str, common: frozenset[str] = frozenset(), titled: bool = False) -> bool:
    """Two to four capitalised words (six when the name is Arabic, with its article: "Amir
    Muhammad Sa'id Abdal-Rahman al-Mawla"), the first a given name rigour knows, none a word of
    ``common``, a country, a demonym, or a word organisations use (see the module); in capitals too ("ROMAN STORM")."""
    name = name.title() if name.isupper() and len(name) > 6 else name
    words = [  # "James P. McGovern", "Hamza bin Laden"
        _ARTICLE.sub("", w) for w in name.split() if not _INITIAL.fullmatch(w) and w not in _PATRONYMIC | _PARTICLES
    ]
    most = 6 if _ARTICLE.search(name) else 4
    if not 2 <= len(words) <= most or not all(
        _WORD.fullmatch(w) and w[0].isupper() and w[1:2].islower() for w in words
    ):
        return False
    if any(
        w.lower() in common or w in _DEMONYMS or w in _ORG_NOUNS or (_country(w) and not (titled and k))
        for k, w in enumerate(words)
    ):
        return False  # after a title a family name may be a country's ("Congressperson Boris España Cáceres")
    return _given(words[0]) and not _organisational(name)


def prepare() -> None:
    """Load rigour's person and organisation name tables now rather than at the first bare name
    (a server does it before it serves: ``REGKG_WARM_NAMES``)."""
    _given("Anna")
    _organisational("Anna Trading")


def _country(word: str) -> bool:
    """A country's name ("Jordan", "Georgia"); short words are left out, as the registry also reads
    codes and abbreviations ("Nam", "Un" are parts of Korean and Vietnamese names)."""
    return len(word) >= 4 and registry().countries.code(word) is not None


@lru_cache(maxsize=4096)
def _given(word: str) -> bool:
    from rigour.names import analyze_names
    from rigour.names.symbol import Symbol
    from rigour.names.tag import NameTypeTag

    return any(
        span.symbol.category == Symbol.Category.NAME
        for name in analyze_names(NameTypeTag.PER, [word])
        for span in name.spans
    )


@lru_cache(maxsize=4096)
def _organisational(name: str) -> bool:
    from rigour.names import analyze_names
    from rigour.names.symbol import Symbol
    from rigour.names.tag import NameTypeTag

    org = {Symbol.Category.ORG_CLASS, Symbol.Category.SYMBOL, Symbol.Category.DOMAIN, Symbol.Category.LOCATION}
    first = name.split()[0] if name.split() else ""
    return any(
        span.symbol.category in org and not _family_first(span, first)
        for n in analyze_names(NameTypeTag.ORG, [name])
        for span in n.spans
    )


def _family_first(span: object, first: str) -> bool:
    """ "Yu Hui": a family name written first that rigour also reads as a legal form's abbreviation
    ("yu") is the name's, not a firm's; a legal form before a name is written in capitals ("AO", "OOO")."""
    forms = [p.form for p in getattr(span, "parts", ())]
    return forms == [first.lower()] and not first.isupper() and _given(first)


# the words a name's tail may shed: a body's acronym, a title ("CECC Chairs", "Ranking Member")
_TITLE_WORD = re.compile(
    r"[A-Z]{2,6}|(?:Co-?)?Chair(?:s|m[ae]n|wom[ae]n)?|Ranking|Members?|Senators?|Representatives?|Sens?\.|Reps?\.|"
    r"Speaker|Leader|Former|Deputy|Vice|Secretary|Ministers?|Directors?|Presidents?|Governors?|Commissioners?|"
    r"Congress(?:wo)?m[ae]n|"
    r"Ambassadors?|Judge|General|Prime|Foreign|Defen[cs]e|Finance|Interior|"
    # a role a sentence opens with before the name: "Businessman John Smith", "Oligarch Oleg Petrov"
    r"Business(?:man|woman)|Tycoon|Oligarch|Billionaire|Financier|Magnate|Banker"
)


# an office named without its holder: "the Vice President of the Supreme Court", "a Chief of the National Police"
_OFFICE_WORD = re.compile(
    rf"(?:{_TITLE_WORD.pattern})|Chief|Head|Commander|Chairman|Chairwoman|Justice|Attorney|Attach[e\u00e9]|Envoy|Consul|"
    r"Supreme"  # "Iran's Supreme Leader": an office
)


def office_only(name: str) -> bool:
    """Is ``name`` an office's words only ("Vice President", "Deputy Minister"), no one's name?"""
    words = name.split()
    return bool(words) and all(not w.isupper() and _OFFICE_WORD.fullmatch(w) for w in words)


def titled(norm: str, start: int, end: int) -> bool:
    """Do the words shed before a person's name include a title or a demonym, not only a body's
    acronym? Then the name is a person's whatever the context would type the whole run as."""
    return any(
        not w.group(0).isupper() and (_TITLE_WORD.fullmatch(w.group(0)) or w.group(0) in demonyms())
        for w in re.finditer(r"\S+", norm[start:end])
    )


def person_tail(norm: str, span: tuple[int, int], common: frozenset[str] = frozenset()) -> tuple[int, int]:
    """A person's name after words that are not part of it (a title, a body's acronym): its
    longest person-shaped tail of two words or more, else the span as it is."""
    words = [(span[0] + w.start(), span[0] + w.end()) for w in re.finditer(r"\S+", norm[span[0] : span[1]])]
    if len(words) < 3 or person_shaped(norm[span[0] : span[1]], common):
        return span
    for k, (start, _) in enumerate(words[1:-1], 1):
        if not all(_TITLE_WORD.fullmatch(norm, a, b) or norm[a:b] in demonyms() for a, b in words[:k]):
            break
        if person_shaped(norm[start : span[1]], common):
            return (start, span[1])
    return span


# a body's head: "Palau Senate President Hokkons Baules", "National Assembly Speaker X"
_BODY_WORD = re.compile(r"Senate|Assembly|Parliament|Congress|Council|Court|Party|Committee|Legislature|Duma|Cabinet")


def after_body_title(words: list[str]) -> int:
    """The index of the first word after a body's word and a title ("... Senate President"), when at least two
    capitalised words, none a body's word, follow it; else 0."""
    for k in range(len(words) - 3, 0, -1):
        if PERSON_TITLE_RE.fullmatch(words[k]) and _BODY_WORD.fullmatch(words[k - 1]):
            rest = words[k + 1 :]
            return k + 1 if all(w[:1].isupper() and not _BODY_WORD.fullmatch(w) for w in rest) else 0
    return 0


def name_before_and(run: list[re.Match[str]], names: list[re.Match[str]]) -> list[re.Match[str]]:
    """A title's name among the words after it (``run``, each a connector or a word; ``names`` the words after the
    last connector): the person-shaped name before a last "and" ("CEO Andrey Kostin and Transneft president X",
    "CEO A B and C D": the one after "and" is coordinated with it), else ``names``."""
    if len(run) <= len(names) or run[-len(names) - 1].group(1) != "and":
        return names
    before = run[: -len(names) - 1]
    if len(before) >= 2 and not any(t.group(1) for t in before) and person_shaped(" ".join(t.group(2) for t in before)):
        return before
    return names


# -- a person by the post the text gives the name ------------------------------------------------

# a role in apposition: "Chen Quanguo, the Communist Party Secretary of XUAR", "X's principal executive officer, Y"
ROLES = (
    r"(?:Secretary|Director|Minister|Chairman|Chairwoman|Chair|President|Governor|Commander|Chief|"
    r"[Oo]fficer|[Ee]xecutive|[Ff]ounder|[Oo]wner|[Mm]anager|Mayor|Deputy|Head|General|Ambassador|Attach[eé]|"
    r"Consul|Envoy|CEO|CFO)"
)
HAS_ROLE = re.compile(rf"\b{ROLES}\b")
# the same roles as common nouns: "its director, Ivan Sidorov", "X, the head of RosGeo"
ROLE_NOUNS = (
    r"(?:director|chairman|chairwoman|president|governor|commander|head|manager|deputy|leader|boss|kingpin|"
    r"lieutenant|financier|operative|chief)"
)
ROLE_AFTER = re.compile(  # "Meng Wanzhou, Huawei's chief financial officer": a body's possessive too
    rf"[ \t]*,[ \t]+(?:the|a|an|its|their|his|her|[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){{0,3}}'s)[ \t]+"
    r"(?:current[ \t]+|former[ \t]+|then[ \t]+)?"
    rf"(?:[\w-]+[ \t]+){{0,4}}?(?:{ROLES}|{ROLE_NOUNS})\b"
    r"(?=[ \t]+of\b|[ \t]*[,.;)]|[ \t]*$|[ \t]+(?:and|for|in|at)\b)"
)
# the same post said with a verb: "Zhang Wei is the director of X", "X serves as the managing director of Y",
# "X is a close associate of Y" (only a name shaped like a person's: a firm is "the owner of" a vessel too)
_AKA_BETWEEN = r"(?:,[ \t]+(?:also[ \t]+)?(?:known[ \t]+as|a\.?k\.?a\.?)[ \t]+[^,.;]{1,40},)?"
ROLE_IS_AFTER = re.compile(  # the name's other name may come between: "X, also known as Y, is the chief of Z"
    rf"{_AKA_BETWEEN}[ \t]+(?:is|was|serves[ \t]+as|served[ \t]+as|ha[sd][ \t]+served[ \t]+as|remains|became)"
    r"[ \t]+(?:also[ \t]+)?"
    r"(?:the|a|an|its|their)[ \t]+(?:current[ \t]+|former[ \t]+|longtime[ \t]+|close[ \t]+|senior[ \t]+)?"
    rf"(?:[\w-]+[ \t]+){{0,3}}?(?:{ROLES}|{ROLE_NOUNS}|associate|adviser|advisor|aide|confidant|representative)"
    rf"(?:[ \t]+and[ \t]+(?:[\w-]+[ \t]+)?(?:{ROLES}|{ROLE_NOUNS}))?[ \t]+(?:of|at|for|to)\b|"  # "CEO and owner of"
    # "X is a senior al-Shabaab leader": a group's post, its name before it
    rf"{_AKA_BETWEEN}[ \t]+(?:is|was)[ \t]+(?:a|an)[ \t]+(?:senior[ \t]+|top[ \t]+|former[ \t]+)?"
    r"(?:[\w'-]+[ \t]+){1,2}?"
    r"(?:leader|commander|operative|financier|facilitator|emir|official|member)\b"
)
ROLE_BEFORE = re.compile(
    rf"\b(?:{ROLES}|{ROLE_NOUNS})"
    r"(?:[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?[\w-]+(?:[ \t]+[A-Z][\w-]*){0,4}"
    r"(?:[ \t]+in[ \t]+[A-Z][\w-]*)?)?[ \t]*,[ \t]*$"  # "a Chief of the National Police in Leon, X"
)
POST_OF_BEFORE = re.compile(rf"\b(?:{ROLES}|{ROLE_NOUNS})[ \t]+of[ \t]+(?:the[ \t]+)?\Z")


# an East Slavic patronymic between a given and a family name: "Ivan Aleksandrovich Maslov", "Anna Sergeyevna X"
PATRONYMIC_NAME_RE = re.compile(
    rf"[{UPPER}][a-z]+[ \t]+[{UPPER}][a-z]+(?:[oe]vich|y?evich|yvich|[oe]vna|yevna|ichna)[ \t]+[{UPPER}][a-z'-]+"
)
