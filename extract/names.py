"""Names the gazetteer and the name patterns missed, typed by what the text says around them.

A *name* is a run of capitalised tokens (``Candiru``, ``WuXi AppTec``, ``CEIEC``, ``Guan
Tianfeng``, ``Indian Rare Earths``), joined at most by ``of``/``and``/``&``/``for``. A name alone
says nothing of what it names, so it becomes a mention only where the text types it:

* **its head word**: ``... Research Center``, ``... Corps``, ``... Institute`` → organization;
* **a descriptor just before it**: ``company X``, ``Chinese entities X``, ``companies ... include
  X``, ``such as X`` → firm; ``national X``, ``employees, X``, ``Mr. X`` → person;
* **an entry's form**: ``X (Israel)`` → firm; ``X, a Chinese company`` → firm;
* **the act it undergoes**: between ``added`` and ``to the <List>``; right after ``designated``,
  ``sanctioning``, ``sanctions`` → firm, or person when a person descriptor precedes;
* **coordination** with a typed mention: ``Candiru (Israel), NSO Group (Israel)`` — the type of
  its neighbours joined by ``,``/``and``/``or``.

A name typed once is recognised everywhere in the text (the same string, as a whole word). Names
are candidates (``how="pattern"``): the assembly marks their entities ``candidate: true``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from schema.ontology import EntityType

from . import towns
from .conjoined import ACRONYM, AND_SPLIT, FORM_START_RE, group_name, group_place_end, parted
from .cues import (
    COUNTRY_WORDS_RE,
    DESCRIBED_AFTER_RE,
    GAP_AND_RE,
    KIN,
    MEMBERS_OF_BEFORE_RE,
    OF_COUNTRY_AFTER_RE,
    PERSON_AFTER_RE,
    UNDERGOES_AFTER_RE,
    acted_on,
    past_possessor,
)
from .headings import in_heading, list_intro
from .legal_forms import legal_form_last
from .name_runs import MEMBERS_OF_CHAMBER, name_runs, plural_before
from .patterns import (
    ACCUSED_BEFORE_RE,
    ACCUSED_OF_RE,
    ACRONYM_PAREN_AFTER_RE,
    ADD_BEFORE_RE,
    AFTER_PREPOSITION_RE,
    AND_FTO_AFTER_RE,
    AND_OTHER_AFTER_RE,
    APPLICATION_AFTER_RE,
    APPOSED_AND_RE,
    AS_FTO_AFTER_RE,
    CIVIL_BODY_RE,
    CORPORATE_POST_AFTER_RE,
    CORPORATE_TITLE,
    COUNTRY_PAREN_RE,
    DESIGNATION_TERM,
    DISTRICT_PAREN_RE,
    DOCUMENT_NAME_RE,
    FIRM_BEFORE_RE,
    GROUP_ACTOR_AFTER_RE,
    GROUP_AFTER_RE,
    GROUP_BEFORE_RE,
    GROUP_HEAD_RE,
    GROUP_POST_AFTER_RE,
    GROUP_POST_DET_RE,
    GROUP_TERM_RE,
    IMO_AFTER_RE,
    INSTITUTION_AFTER_RE,
    LIST_AFTER_RE,
    LIST_INTRO_PARTIES_RE,
    NAME_STOP,
    NEWS_ROLE,
    NEWS_ROLE_BEFORE_RE,
    NEWS_ROLE_WORDS,
    NO_PARTY_EXAMPLES_RE,
    OF_TOWN_AFTER_RE,
    ORG_HEADS,
    PERSON_TITLE_RE,
    PLAIN_NAME_RE,
    POST_OF_BODY_BEFORE_RE,
    RANKS,
    TERRORIST_AFTER_RE,
    THE_BEFORE_RE,
    THREAT_NAME_RE,
    VESSEL_BEFORE_RE,
)
from .personal import (
    HAS_ROLE,
    PATRONYMIC_NAME_RE,
    POST_OF_BEFORE,
    ROLE_AFTER,
    ROLE_BEFORE,
    ROLE_IS_AFTER,
    TIE_BY_BEFORE_RE,
    after_body_title,
    office_only,
    person_shaped,
    person_tail,
    titled,
)
from .text import UPPER
from .towns import OF_PART_HEAD_RE, city_at, head_in_city, of_country, place_name, residence_before

T = EntityType
_I = re.IGNORECASE

_UP = UPPER  # Latin capitals, accented ones too ("Saúl Páez López", "Şahin")

COMMON = frozenset(  # capitalised words that are not names on their own (sentence openers, headings, generic nouns)
    """
a an the this that these those today yesterday additionally specifically however further first
second third also as in on of for to by with from at under after before since while when where
it its they their he she his her we our you your i mr ms mrs dr no not any all each some such
washington summary agency action dates section sec part rule order act bill final notice
department secretary office bureau commission government federal national security state states
united entity entities list lists company companies firm firms president congress senate house
committee court chair chairman administration executive branch director general attorney
january february march april may june july august september october november december monday
tuesday wednesday thursday friday saturday sunday press release statement background
feb apr aug sep sept oct nov dec
supplementary information contact people republic listed listing listings pursuant
temporary license licenses regulations regulation case docket federal register about author
war leader leaders
""".split()
)


def surname_alone(word: str) -> bool:
    """A word after a title that is a family name alone: not "President Elect", "Secretary General"."""
    return len(word) >= 3 and word not in NAME_STOP and word.lower() not in COMMON | {"elect", "emeritus", "designate"}


_ACTOR_BEFORE = re.compile(r"\b(?:(?:ransomware|malware)[ \t]+actor|hacker|administrator)[ \t]+$")
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:nationals?|citizens?|individuals?|employees?|executives?|businessman|businesswoman|businessmen|"
    r"officials?|officers?|founder|oligarchs?|tycoons?|billionaires?|financiers?|co-?defendants?|"
    r"commanders?|leaders?|operatives?|spokes(?:man|woman|person)|(?<=\w\s)(?:men|women)|"  # "three men — A, B"
    r"(?<=[\w.] )(?:president|chairman|chairwoman|owner|CEO|CFO|COO|CTO)|"  # "Transneft president Nikolay Tokarev"
    rf"(?:Mr|Ms|Mrs|Dr)\.)[ \t]*[,\u2014\u2013]?[ \t]*|\b{KIN}[ \t]*,?[ \t]*"  # "his wife, Iryna Kolomoyska"
    rf"|{MEMBERS_OF_CHAMBER}[ \t]+)$"  # "Hizballah Members of Parliament A and B"
)
_DEFINED_ACRONYM = re.compile(r"[\w.][ \t]*,?[ \t]*\([ \t]*\"?([A-Z][A-Za-z0-9&.-]{1,15})\"?[ \t]*\)")  # ("IRGC")
_DEFINED_SHORT = re.compile(r"[\w.][ \t]*\([ \t]*(?:the[ \t]+)?\"?([A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){1,3})\"?[ \t]*\)")
# "... is being designated ... for her role as ...": the name is a person's
_PRONOUN_AFTER = re.compile(
    r"(?:[^.;]|\.(?!\s*(?:$|[A-Z][a-z]))){0,120}?\b(?:for|of)\s+(?:his|her)\s+(?:role|involvement|position|work|conduct)\b"
)
# the acts that fall on persons and firms alike: a given name tells which ("designating Zhang Min")
_HUMAN_AFTER = re.compile(
    r"[ \t]+(?:(?:has|had)[ \t]+)?(?:pleaded|pled|admitted|confessed|conspired|lived|resided|"
    r"(?:was|were)[ \t]+(?:sentenced|arrested|extradited|convicted|born))\b|[ \t]*,[ \t]+who[ \t]"
)
# a news story's description before a person's name: "Bosnian Serb leader X", "oligarch X"
_DESIGNATING_BEFORE = re.compile(
    r"\b(?:(?:re-?)?designat(?:ed|ing|es|ions?[ \t]+of|ions?[ \t]+appl(?:y|ies)[ \t]+to)|sanction(?:ed|ing|s)|"
    r"blacklist(?:ed|ing))"
    r"(?:[ \t]+(?:today|also))?(?:[ \t]+(?:is|are))?"
    # "imposed financial sanctions against X", "The sanctions target X"
    r"(?:[ \t]+(?:on|against|targeting|target|targeted)(?=[ \t]+(?-i:[A-Z])|[ \t]*$))?"
    rf"(?:[ \t]+{NEWS_ROLE})?"  # "designated Bosnian Serb leader X"
    r"(?:[ \t]+[A-Z][\w]*(?:[ \t]+[A-Z][\w]*)?-based)?"  # "sanctioned Qatar-based X"
    r"[ \t]*[:,]?"
    r"(?:[ \t]+the(?:[ \t]+[a-z][a-z-]*){1,2})?[ \t]*$",  # "re-designating the cryptocurrency exchange X"
    _I,
)
# the name opens its sentence and undergoes the act: "Severgroup is being designated ...",
_OPENER = re.compile(  # "Sergey Gorkov, the head of RosGeo ..., is being designated ..."
    r"^\W*(?:(?:Today|Additionally|Also|Finally|Separately|Further|Furthermore|In addition),?[ \t]*)?$"
)
# "designated Hizballah as a Specially Designated Global Terrorist": a group, not a firm

_LISTED_BEFORE_RE = re.compile(r"(?:\b[A-Z][\w.]*|\))[ \t]*,[ \t]*$")  # an item of a list of names: "A, B, C and D"
_FORM_ENDS = frozenset({"Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Co.", "PLC", "GmbH", "JSC"})
_DIGITS = re.compile(r"\d{3,}")
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth"})
_CONNECT = frozenset({"of", "and", "for", "de", "&"})
# two capitalised words after "and", or a firm's name before its post ("... and Transneft president X")
_AND_REST_RE = re.compile(rf"[ \t]+and[ \t]+(?=[A-Z][\w-]*(?:[ \t]+[A-Z]|{CORPORATE_TITLE}\b))")
_ARTICLES = frozenset({"the", "a", "an", *_CONNECT})
_BODY_OPENERS = frozenset({"National", "Federal", "Central", "State", "Main"})
_SENTENCE_END = re.compile(r"(?:[.!?][\"')]?\s|\n[ \t]*\n)")


def candidates(
    norm: str, taken: Iterable[tuple[int, int]], wholes: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Spans of names that no mention overlaps, stripped of leading common words; a run over "and"
    parted as :func:`_parted` does, ``wholes`` being names whole on their own too."""
    spans = sorted(taken)
    starts = [s for s, _ in spans]
    opens = set(starts)  # where a mention starts, for the "X of <Country>" cut
    out: list[tuple[int, int]] = []
    for toks in name_runs(norm):
        i, j = 0, len(toks)
        while i < j and (
            toks[i][2].lower() in COMMON or toks[i][2].lower() in _CONNECT or toks[i][2] in _FORM_ENDS
        ):  # "... (Americas) Corp and China Mobile International USA": a legal form ends a name, never opens one
            i += 1
        if (
            0 < i < j
            and toks[i - 1][2].lower() in _ORDINALS
            and ORG_HEADS.search(norm[toks[i - 1][0] : toks[j - 1][1]])
        ):
            i -= 1  # "Second Academy of Natural Sciences": the ordinal is part of the name
        elif 0 < i == j - 1 and ORG_HEADS.search(toks[i][2]) and toks[i - 1][2].lower() not in _ARTICLES:
            i -= 1  # "the National Assembly": a body's head with one common word before is that body's name
        elif (
            0 < i < j
            and toks[i - 1][2] in _BODY_OPENERS
            and (CIVIL_BODY_RE.search(toks[j - 1][2]) or head_in_city(norm[toks[i][0] : toks[j - 1][1]]))
        ):
            i -= 1  # "the United Kingdom's National Cyber Security Centre": "National" opens the body's name
        elif 0 < i < j and toks[i - 1][2] in _BODY_OPENERS and _spells(norm, toks[i - 1 : j]):
            i -= 1  # "the National Development Complex (NDC)": the initials it defines spell "National" too
        while j > i and toks[j - 1][2].lower() in _CONNECT:
            j -= 1
        if j > i and toks[j - 1][2] in RANKS and norm.startswith(".", toks[j - 1][1]):
            j -= 1  # "Iranian Gen. Qassem Soleimani", "Maj. Gen. X": a rank before a name is none
        i = max(i, after_body_title([t[2] for t in toks[:j]]))  # "Palau Senate President Hokkons Baules"
        role = next((k for k in range(j - 3, i - 1, -1) if toks[k][2] in NEWS_ROLE_WORDS), None)
        if role is not None and person_shaped(norm[toks[role + 1][0] : toks[j - 1][1]], COMMON):
            i = role + 1  # "Drug Kingpin Ayman Joumaa": a headline's role, then the person
        of = next((p for p in range(i + 2, j - 1) if toks[p][2] == "of" and toks[p + 1][0] in opens), None)
        if of is not None and (
            person_shaped(norm[toks[i][0] : toks[of - 1][1]], COMMON)
            or (not OF_PART_HEAD_RE.fullmatch(toks[of - 1][2]) and of_country(norm, toks[of + 1][0], toks[j - 1][1]))
        ):
            j = of  # "Nicolas Maduro of Venezuela", "the Dalian Ocean Fishing of China": the party, then its country
        words = [t[2] for t in toks[i:j]]
        if not words or all(w.lower() in COMMON for w in words):
            continue
        if DESIGNATION_TERM.match(" ".join(words)):
            continue  # "a designated Foreign Terrorist Organization and SDGT": what a party is designated as
        if len(words) == 1 and words[0].isupper() and len(words[0]) < 3:
            continue
        if any(_DIGITS.search(w) for w in words):
            continue
        listed = _LISTED_BEFORE_RE.search(norm, max(0, toks[i][0] - 60), toks[i][0]) is not None
        for start, end in parted(norm, toks[i][0], toks[j - 1][1], COMMON, wholes, listed):
            start -= 9 if i == 0 and norm.startswith("People's ", start - 9) else 0  # "People's Liberation Army"
            if (k := bisect.bisect_right(starts, end) - 1) < 0 or spans[k][1] <= start:  # no mention overlaps it
                out.append((start, end))
            elif (
                spans[k][0] == start
                and (rest := _AND_REST_RE.match(norm, spans[k][1])) is not None
                and rest.end() < end
            ):
                out.append((rest.end(), end))  # "Alpha Trading and Beta Exchange": the name after a named one
    return out


_ACRONYM_AFTER_RE = re.compile(r"[ \t]*\([ \t]*\"?([A-Z]{2,6})\"?[ \t]*\)")


def _spells(norm: str, toks: list[tuple[int, int, str]]) -> bool:
    """Do the initials of ``toks``' capitalised words spell the acronym in parentheses right after them?"""
    hit = _ACRONYM_AFTER_RE.match(norm, toks[-1][1])
    return hit is not None and "".join(t[2][0] for t in toks if t[2][:1].isupper()) == hit.group(1)


def type_of(norm: str, span: tuple[int, int]) -> EntityType | None:
    """The type the text gives the name at ``span``, from its own words and what is around it; a
    name that opens with the Arabic article in lower case ("al-Qa'ida", "al-Shabaab") and has no
    legal form is a group, where the context would make it a firm."""
    typed = _type_of(norm, span)
    if typed is T.FIRM and group_name(norm[span[0] : span[1]]):
        return T.ORGANIZATION
    return typed


def _type_of(norm: str, span: tuple[int, int]) -> EntityType | None:
    start, end = span
    name, start = norm[start:end], past_possessor(norm, start)  # "sanctioned Russia's X": what is before "Russia's"
    if ORG_HEADS.search(name) or THREAT_NAME_RE.fullmatch(name) or GROUP_HEAD_RE.match(name) or head_in_city(name):
        return T.ORGANIZATION  # "Lemon Sandstorm": a threat group's name; "Cártel de Sinaloa", "Liwa al-Quds"
    if PATRONYMIC_NAME_RE.fullmatch(name):
        return T.PERSON  # a patronymic is a person's, in a headline too
    if (kind := AND_OTHER_AFTER_RE.match(norm, end)) is not None:  # "Huawei, ZTE, and other Chinese companies"
        return T.FIRM if kind.group("f") else T.ORGANIZATION
    acronym = ACRONYM_PAREN_AFTER_RE.match(norm, end)  # "Mara Salvatrucha (MS-13)": a body's
    if term := TERRORIST_AFTER_RE.match(norm, acronym.end() if acronym else end):  # persons are designated too,
        group = GROUP_TERM_RE.search(term.group(0)) or AND_FTO_AFTER_RE.match(norm, term.end())  # never as an FTO
        return T.PERSON if person_shaped(name, COMMON) and not acronym and not group else T.ORGANIZATION
    district = acronym is not None and DISTRICT_PAREN_RE.fullmatch(acronym.group(0))
    titled_before = PERSON_TITLE_RE.search(norm, max(0, start - 30), start)
    if (
        _PERSON_BEFORE.search(norm[max(0, start - 40) : start])
        or ROLE_AFTER.match(norm, end)
        or (PERSON_AFTER_RE.match(norm, end) and (not district or titled_before))
    ):
        return T.PERSON
    if ROLE_BEFORE.search(norm[max(0, start - 120) : start]) or (
        (
            _ACTOR_BEFORE.search(norm, max(0, start - 20), start)
            or NEWS_ROLE_BEFORE_RE.search(norm, max(0, start - 40), start)
        )
        and person_shaped(name, COMMON)
    ):  # "Russian ransomware actor Alexander Ermakov", "Drug Kingpin Ayman Joumaa"; a "threat actor" may be a group
        return T.PERSON
    if IMO_AFTER_RE.match(norm, end) or VESSEL_BEFORE_RE.search(norm, max(0, start - 40), start):
        return T.ASSET  # "the tanker WELL SAIL (IMO 9321938)": a vessel
    if (seat := OF_TOWN_AFTER_RE.match(norm, end)) and (
        towns.us_state_at(norm, seat.end()) or COUNTRY_WORDS_RE.match(norm, seat.end())
    ):
        return T.PERSON if person_shaped(name, COMMON) else T.FIRM  # "PTC Aerospace, of Litchfield, Conn., ..."
    if (
        GROUP_BEFORE_RE.search(norm, max(0, start - 40), start)
        or GROUP_AFTER_RE.match(norm, end)
        or (GROUP_ACTOR_AFTER_RE.match(norm, end) and THE_BEFORE_RE.search(norm, max(0, start - 5), start))
    ):
        return T.ORGANIZATION
    if (
        GROUP_POST_AFTER_RE.match(norm, end)
        and GROUP_POST_DET_RE.search(norm, max(0, start - 12), start)
        and not (person_shaped(name, COMMON) or legal_form_last(name))
    ):
        return T.ORGANIZATION  # "an al-Shabaab leader", "five Hizballah commanders": a group its militant posts name
    if in_heading(norm, start):  # a headline capitalises every word: only the strong cues above
        return None
    if (
        2 <= len(name.split()) <= 3
        and _PRONOUN_AFTER.match(norm, end)
        and not legal_form_last(name)
        and not AFTER_PREPOSITION_RE.search(norm, max(0, start - 8), start)  # "the head of Omega Geo"
    ):
        return T.PERSON
    if (
        _HUMAN_AFTER.match(norm, end)
        or OF_COUNTRY_AFTER_RE.match(norm, end)
        or ROLE_IS_AFTER.match(norm, end)
        or TIE_BY_BEFORE_RE.search(norm, max(0, start - 40), start)
    ) and person_shaped(name, COMMON):
        return T.PERSON  # "Behzad Pourghannad pleaded guilty", "Raul Castro of Cuba,": a person's name
    if ROLE_IS_AFTER.match(norm, end) and PLAIN_NAME_RE.fullmatch(name) and not ORG_HEADS.search(name):
        return T.PERSON  # "Jong In Chol is the head of X": only a person heads a firm, whatever the given name
    if POST_OF_BODY_BEFORE_RE.search(norm, max(0, start - 160), start) and person_shaped(name, COMMON):
        return T.PERSON  # "the Vice President of the Supreme Court of Justice, Marvin Ramiro Aguilar Garcia"
    window = norm[max(0, start - 200) : start]
    ends = list(_SENTENCE_END.finditer(window))
    left = window[ends[-1].end() :] if ends else window
    sentence_start = start - len(left)
    described = DESCRIBED_AFTER_RE.match(norm, end)  # "Volga Link, a Russian state-owned shipping company": a firm
    if (hit := _DESIGNATING_BEFORE.search(left[-80:])) is not None:  # "designating Zhang Min", "Also designated ..."
        if AS_FTO_AFTER_RE.match(norm, end):  # "the designation of A, B (MS-13), and C as FTOs": only groups are
            return T.ORGANIZATION
        if person_shaped(name, COMMON) and not described and not acronym:
            return T.PERSON
        if not described and re.search(r"sanctions[ \t]+(?:on|against|targeting)", hit.group(0), re.I):
            return None  # "sanctions on Hemedti": a one-word name, a person's or a firm's
        return T.ORGANIZATION if CIVIL_BODY_RE.search(name) else T.FIRM  # "the sanctioned X General Bureau"
    if acted_on(norm, start, end):  # "banned Huawei from supplying", "an indictment charging X with"
        return T.PERSON if person_shaped(name, COMMON) else T.FIRM
    if FIRM_BEFORE_RE.search(left[-80:]) and not NO_PARTY_EXAMPLES_RE.search(left[-80:]):
        return T.FIRM  # not "initiatives such as Made in China 2025"
    if (intro := list_intro(norm, start)) is not None and LIST_INTRO_PARTIES_RE.search(intro[-160:]):
        return T.FIRM  # "The seven entities are:" then "- Sunway Microelectronics": an item of the list
    if _OPENER.match(left) and UNDERGOES_AFTER_RE.match(norm, end):
        return T.PERSON if person_shaped(name, COMMON) and not described else T.FIRM
    if ACCUSED_BEFORE_RE.search(left[-40:]) and ACCUSED_OF_RE.match(norm, end) and " " not in name:
        return T.FIRM  # "Germany accused Huawei of ...": a one-word name accused of something
    paren = COUNTRY_PAREN_RE.match(norm, end)
    if paren is not None and paren.group(1).strip() in _country_names():
        return T.FIRM
    if (
        described
        or legal_form_last(name)
        or INSTITUTION_AFTER_RE.match(norm, end)  # "identified X as a financial institution of primary ... concern"
        or APPLICATION_AFTER_RE.match(norm, end)
        or CORPORATE_POST_AFTER_RE.match(norm, end)
    ):
        return T.FIRM
    if ADD_BEFORE_RE.search(norm[max(sentence_start, start - 200) : start]) and LIST_AFTER_RE.match(norm, end):
        return T.FIRM
    return None


_TITLED_SHORT = re.compile(rf"^(?:{PERSON_TITLE_RE.pattern})[ \t]+")


def find(
    norm: str,
    mentions: Iterable[tuple[int, int, EntityType]],
) -> list[tuple[int, int, EntityType]]:
    """Typed names: each candidate typed by :func:`type_of`, then by coordination with a typed
    neighbour (mention or name), then every other occurrence of a typed name's string."""
    known = sorted(mentions)
    shorts = {  # "Huawei" after "Huawei Technologies" is its short form (extract.mentions)
        norm[s:e].split()[0] for s, e, t in known if t is T.FIRM and len(norm[s:e].split()) > 1
    }
    shorts |= {  # "Ma" after "Ma Xiaohong", "Guan" after "Guan Tianfeng": a person's, never a new firm
        w for s, e, t in known if t is T.PERSON for w in norm[s:e].split()
    }
    shorts |= {  # "XPSB" defined as "... Bureau (XPSB)", "PdVSA" as "... S.A. (PdVSA)": an alias
        a for a in _DEFINED_ACRONYM.findall(norm) if sum(c.isupper() for c in a) >= 2
    }
    shorts |= set(_DEFINED_SHORT.findall(norm))  # "Alpha Tech Co., Ltd. (Alpha Tech)": an alias too
    # a family name of one the text names with a patronymic: "Prigozhin and Utkin" are two persons
    family = frozenset(m.group(0).split()[-1] for m in PATRONYMIC_NAME_RE.finditer(norm))
    shorts |= family
    cands = [
        (s, e)
        for s, e in candidates(norm, [(s, e) for s, e, t in known if not _leads_name(norm, s, e, t)], family)
        if norm[s:e] not in shorts
        and _TITLED_SHORT.sub("", norm[s:e]) not in shorts  # "Senator Rubio" after "Marco Rubio"
        and not _ACRONYM_OF.search(norm, max(0, s - 4), s + 1)
        and not _apposed_acronym(norm, s, e)  # "Federal Office for Information Security, BSI, is warning"
        and not place_name(norm[s:e])
        and not city_at(norm, s, e)  # "A, based in Shenzhen;", "B, Shenzhen;": where a party is
        and not residence_before(norm, s)  # "Lu Jianwang, 61, of the Bronx"
        and not office_only(norm[s:e])  # "designated the Vice President of X, Y": Y is the one designated
        and not DOCUMENT_NAME_RE.search(norm, s, e)  # "a joint Cybersecurity Advisory, <its title>"
        and not (norm.endswith(" to ", 0, s) and in_heading(norm, s))  # "... Exchange to Combat Ransomware": a verb
    ]
    typed: dict[tuple[int, int], EntityType] = {}
    trimmed: set[tuple[int, int]] = set()
    for span in cands:
        t = type_of(norm, span)
        if t is T.PERSON and HAS_ROLE.search(norm, span[0], span[1]):
            continue  # "Communist Party Secretary of XUAR" is a title, not a name
        if t is T.PERSON and _OF_PLACE.search(norm, span[0], span[1]):  # "Mr. Scott of Florida"
            span = (span[0], _OF_PLACE.search(norm, span[0], span[1]).start())  # type: ignore[union-attr]
        first_word = span[0] + len(norm[span[0] : span[1]].split(maxsplit=1)[0])
        led = t is T.PERSON or titled(norm, span[0], first_word)  # the name tables load only for a title's run
        if (
            led
            and (tail := person_tail(norm, span, COMMON)) != span
            and (t is T.PERSON or titled(norm, span[0], tail[0]))
            and not POST_OF_BEFORE.search(norm, 0, tail[0])  # "Minister of Finance": the body a post is of
        ):
            trimmed.add(span)  # "CECC Chairs Marco Rubio (R-FL)", "Paraguayan President Horacio Cartes"
            span, t = tail, T.PERSON
        if t is not None:
            typed[span] = t
    items: list[tuple[int, int, EntityType | None]] = sorted(
        [(s, e, t) for s, e, t in known if t in _COORDINATED] + [(s, e, typed.get((s, e))) for s, e in cands]
    )
    is_cand = set(cands)
    own_types = {norm[s0:e0] for (s0, e0) in typed}  # the names their own words typed somewhere in the text
    order = list(range(len(items) - 1))
    for k in [*order, *reversed(order)]:  # coordination: a sweep each way carries a chain
        a, b = items[k], items[k + 1]
        if (a[2] is None) == (b[2] is None) or not joined(norm, a[1], b[0]):
            continue
        t = a[2] or b[2]
        if t not in _COORDINATED:
            continue
        span = (a[0], a[1]) if a[2] is None else (b[0], b[1])
        if span in typed or span in trimmed or span not in is_cand or in_heading(norm, span[0]):
            continue
        if norm[span[0] : span[1]] in own_types:  # "Zservers, a hosting provider" before "operated Zservers, A and B"
            continue
        if (
            t is T.FIRM or (t is T.ORGANIZATION and MEMBERS_OF_BEFORE_RE.search(norm, max(0, span[0] - 120), span[0]))
        ) and person_shaped(norm[span[0] : span[1]], COMMON):
            t = T.PERSON  # "A Company, B Corporation, and Song Kyong Sik", "members of X, Jose Brito": a person's
        if norm.endswith(" in ", 0, span[0]):  # "Chief of the Police in Leon, Fidel ...": a place, not a name
            continue
        if t is T.PERSON and (
            HAS_ROLE.search(norm, span[0], span[1])
            or POST_OF_BEFORE.search(norm, 0, span[0])
            or ACRONYM.fullmatch(norm, span[0], span[1])  # "X and IRGC commander Y": a body's acronym
        ):
            continue  # "the President of the Supreme Court, X": the body a post is of is no person
        typed[span] = t
        items[k if a[2] is None else k + 1] = (*span, t)
    for (s0, e0), t in list(typed.items()):  # "two individuals, Ivan Petrov and Li Wei": two names
        if t is T.ORGANIZATION or not (t is T.ASSET or plural_before(norm, s0)):
            continue  # "the Panama-flagged Maisan and White Whale": two vessels too
        parts = [p for p in AND_SPLIT.finditer(norm, s0, e0) if not FORM_START_RE.match(norm, p.end())]
        if parts:
            del typed[(s0, e0)]
            bounds = [s0, *(x for p in parts for x in (p.start(), p.end())), e0]
            for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
                typed[(lo, hi)] = t
    untyped = [span for span in cands if span not in typed and not in_heading(norm, span[0])]
    for left, right in zip(untyped, untyped[1:], strict=False):  # "A, B, and C": a list of persons' names
        if (
            joined(norm, left[1], right[0])
            and person_shaped(norm[left[0] : left[1]], COMMON)
            and person_shaped(norm[right[0] : right[1]], COMMON)
            and not ACRONYM_PAREN_AFTER_RE.match(norm, left[1])  # "Mara Salvatrucha (MS-13)": a body's acronym
            and not ACRONYM_PAREN_AFTER_RE.match(norm, right[1])
        ):
            typed[left] = typed[right] = T.PERSON
    persons = [e for (_s, e), t in typed.items() if t is T.PERSON]
    for span in untyped:  # "A, a Duma member, and B": the next of a list of persons past A's description
        if any(APPOSED_AND_RE.fullmatch(norm, e, span[0]) for e in persons if 0 < span[0] - e < 120) and (
            person_shaped(norm[span[0] : span[1]], COMMON)
        ):
            typed[span] = T.PERSON
    after_title = {span for span, t in typed.items() if t is T.PERSON and _TITLED_SHORT.match(norm[span[0] : span[1]])}
    surnames = shorts | {
        norm[a:b].split()[-1] for (a, b), t in typed.items() if t is T.PERSON and (a, b) not in after_title
    }
    for s0, e0 in after_title:  # "Senator Rubio" beside "Marco Rubio": his short form after a title, no name of its own
        if len(norm[s0:e0].split()) == 2 and norm[s0:e0].split()[-1] in surnames:
            del typed[(s0, e0)]
    fuller = shorts | {norm[a:b].split()[-1] for (a, b), t in typed.items() if t is T.PERSON and " " in norm[a:b]}
    for (s0, e0), t in list(typed.items()):  # "Mr. Malofeyev" after "Konstantin Malofeyev": his short form
        if t is T.PERSON and norm[s0:e0] in fuller and _HONORIFIC_BEFORE.search(norm, max(0, s0 - 16), s0):
            del typed[(s0, e0)]
    for (s0, e0), t in list(typed.items()):  # "Ansar al-Sharia in Darnah", "... in Libya": two groups, each its place
        if t is T.ORGANIZATION and (end := group_place_end(norm, s0, e0)) != e0:
            typed[(s0, end)] = typed.pop((s0, e0))
    names: dict[str, EntityType] = {}
    for (s0, e0), t in typed.items():  # one string, one type: a person's cue, then a group's, beats "designated X"
        if _TYPE_RANK[t] >= _TYPE_RANK.get(names.get(norm[s0:e0]), -1):  # type: ignore[arg-type]
            names[norm[s0:e0]] = t
    out = [(s, e, names[norm[s:e]]) for (s, e) in typed]
    if names:
        seen = set(typed)
        regex = re.compile(
            r"(?<![\w.'-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])"
        )
        taken = sorted([(s, e) for s, e, t in known if not _leads_name(norm, s, e, t)] + list(seen))
        starts = [s for s, _ in taken]
        for hit in regex.finditer(norm):
            span = (hit.start(), hit.end())
            k = bisect.bisect_right(starts, span[1] - 1) - 1
            if span in seen or (k >= 0 and taken[k][1] > span[0]):
                continue
            out.append((*span, names[hit.group(0)]))
    return sorted(_with_honorific(norm, s, e, t) for s, e, t in out)


_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.[ \t]+$")
_NICKNAME_BEFORE = re.compile(r"(?<![\w\"])\"[A-Z][a-z]+\"[ \t]+$")


def _with_honorific(norm: str, start: int, end: int, etype: EntityType) -> tuple[int, int, EntityType]:
    """A person the text names only as ``Mr. Cotton`` is ``Mr. Cotton``, one it names ``"Harry" Lu Jianwang``
    is that (the longest name it gives)."""
    before = _HONORIFIC_BEFORE if " " not in norm[start:end] else _NICKNAME_BEFORE
    hon = before.search(norm, max(0, start - 16), start) if etype is T.PERSON else None
    return (hon.start() if hon is not None else start), end, etype


_TYPE_RANK = {t: {T.PERSON: 3, T.ORGANIZATION: 2}.get(t, 1) for t in T}
APPOSED_ACRONYM_RE = re.compile(r", ([A-Z]{2,6}), (?!and\b|or\b)[a-z]")  # not "Huawei, ZTE, and other firms"


def _apposed_acronym(norm: str, s: int, e: int) -> bool:
    """A body's acronym between commas, a verb after it: an alias, found later."""
    hit = APPOSED_ACRONYM_RE.match(norm, max(0, s - 2))
    return hit is not None and hit.span(1) == (s, e)


_ACRONYM_OF = re.compile(r"\w[ \t]*\([ \t]*\"{0,2}.$")  # "Corporation (SMIC": an alias, found later
_OF_PLACE = re.compile(r"[ \t]+of[ \t]+")
_COORDINATED = frozenset({T.FIRM, T.ORGANIZATION, T.PERSON, T.ASSET})


def joined(norm: str, a_end: int, b_start: int) -> bool:
    """Are two spans coordinated (``A, B and C``, ``A (Israel), B``) — by a comma or a
    conjunction, not just white space?"""
    gap = norm[a_end:b_start]
    return b_start >= a_end and bool(GAP_AND_RE.fullmatch(gap)) and bool(_JOINER.search(gap))


_JOINER = re.compile(r",|&|\b(?:and|or)\b")


_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")
_BODY_GOES_ON = re.compile(rf"(?:[ \t]+[A-Z][a-z]+){{1,5}}?[ \t]+{CIVIL_BODY_RE.pattern}")
_NAME_BEFORE = re.compile(r"(?<![\w.])[A-Z][A-Za-z]+[ \t]+$")


def _leads_name(norm: str, start: int, end: int, etype: EntityType) -> bool:
    """Is a one-word country the first word of a longer name ("China Unicom Americas", "Iran Air")?
    Then the name may be typed over it (the mention finder drops the country a typed name covers)."""
    if etype is T.COUNTRY and _BODY_GOES_ON.match(norm, end) and not norm[start:end].startswith("United States"):
        return True  # "New Zealand National Cyber Security Centre": the country opens its body's name
    if etype is not T.COUNTRY or " " in norm[start:end]:
        return False
    if _NAME_GOES_ON.match(norm, end):
        return True
    # "China Mobile USA", "Huawei UK": a country's code closing a name
    return norm[start:end].isupper() and bool(_NAME_BEFORE.search(norm, max(0, start - 30), start))


def covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does one of the sorted, non-overlapping ``spans`` contain ``[start, end)``?"""
    i = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _country_names() -> frozenset[str]:
    from .cues import COUNTRY_NAMES

    return frozenset(COUNTRY_NAMES)
