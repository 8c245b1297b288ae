"""Where a party is, beyond the phrasings of :func:`extract.rules._rule_headquarters`:

* ``X and Y, both based in <Country>`` / ``X, based in <Country>`` — the parties the ``based
  in`` phrase follows (``both``: the two nearest, ``all``: every one before it);
* ``under the destination of <Country>`` — the Entity List's way of saying where each named entry
  is (every party the sentence names);
* ``X is an entity in <Country>``, ``X, a trading company in <Country>``;
* ``<Demonym> [technology] companies, including X`` / ``Indian entities X, Y and Z`` — the
  parties the group word introduces.

Each gives ``headquartered-in``, asserted (a structural fact the text states)."""

from __future__ import annotations

import re

from reference import cities
from reference.cities import place_country as city_country
from schema.ontology import EntityType, Predicate, Stance

from . import towns
from .builtin import demonyms
from .cues import (
    COUNTRY_NAMES,
    ENTRIES_AFTER_RE,
    NOUN_OF_COUNTRY_RE,
    PARTY_NOUNS,
    STATE_BACKED_BEFORE_RE,
    STATE_OWNED_RE,
)
from .patterns import AND_OTHER_RE, DEMONYM_ALT, OF_TOWN_AFTER_RE
from .sentence import Sentence
from .spans import Mention

T = EntityType
P = Predicate
_I = re.IGNORECASE
_PARTIES = frozenset({T.FIRM, T.ORGANIZATION, T.PERSON})

BASED_IN_RE = re.compile(
    r"(?:,\s*)?\b(?P<q>both|all|each)?(?:\s+of\s+(?:which|whom|them))?\s*(?:(?:are|were|is|was)\s+)?"
    r"(?:based|headquartered|located|registered|incorporated|"
    r"(?P<lived>liv(?:e|es|ed)|resid(?:e|es|ed))(?:\s+and\s+work(?:s|ed)?)?)\s+in\s+"
    # "in Haikou, Hainan Province, <country>", "in St. Petersburg, <country>"
    r"(?:the\s+)?(?:(?:St|Ft|Mt)\.\s+)?(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+){0,2}$",
    _I,
)
# "X (XA) is an extreme-right, white supremacist militant organization based in": X is, however long the description
_COPULA_RE = re.compile(r"\)?\s*(?:\([^()]{1,20}\))?\s+(?:is|was)\s+(?:a|an)\s+[^.;()]{1,160}?\s*")
_OF_UNNAMED_RE = re.compile(r"\b(?:of|at|for|with|from)\s+(?:a|an|the)\s+[^,;()]*$", _I)  # a noun "based in" follows
_THOSE_RE = re.compile(r"\b(?:those|ones)\s*$", _I)
_NOUN_IN_RE = re.compile(
    r"(?:,\s*|\s+(?:is|was|are|were)\s+)(?:a|an|another)\s+(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:entity|company|firm|business|bank|corporation|supplier|manufacturer|distributor|trader|exporter|importer|"
    r"individual|national|resident|businessman|businesswoman)"
    r"\s+(?:(?:established|located|based|headquartered|registered|incorporated|founded)\s+)?in\s+(?:the\s+)?$"
)
_PARTIES_WORD_RE = re.compile(rf"\b(?:{PARTY_NOUNS})\s*$", _I)
IN_AFTER_PARTIES_RE = re.compile(r"[.)\w]\s+in\s+(?:the\s+)?$")
_OWN_PLACE_RE = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]")
_MEASURE_RE = re.compile(r"\b(?:sanction\w*|designat\w+|added|adding|listed|identified)\b", _I)
DESTINATION_RE = re.compile(r"\bunder\s+the\s+destinations?\s+of\s+(?:the\s+)?$", _I)
GROUP_RE = re.compile(  # "Indian entities X", "multiple China-based entities—including A, B and C"
    rf"\b(?:(?P<d>{DEMONYM_ALT})|(?P<p>[A-Z][\w]*(?:\s+[A-Z][\w]*)?)-based)\s+(?:[a-z][\w-]*\s+){{0,2}}"
    r"(?:companies|entities|firms|parties)\s*[,\u2013\u2014]?\s*(?:(?:including|such\s+as|like|namely)\s+)?$"
)


# "the China-based company's ...", "the Moscow-based firm": a description of the firm last named
BASED_ANAPHOR_RE = re.compile(
    rf"\b[Tt]he\s+(?:[A-Z][\w]*(?:\s+[A-Z][\w]*)?,\s+)?"  # "The Shenzhen, China-based company"
    rf"(?P<d>{DEMONYM_ALT}|[A-Z][\w]*(?:\s+[A-Z][\w]*){{0,2}})-based\s+(?:[a-z][\w-]*\s+){{0,2}}?"
    r"(?:company|firm|corporation|group|manufacturer|carrier|vendor|provider|giant)\b(?!\s*,?\s*[A-Z])"
)


def prepare() -> None:
    """Build GeoNames' city table now (half a second), not at the first city a text names."""
    cities.prepare()


def rule_based_anaphor(sent: Sentence) -> None:
    norm = sent.doc.norm
    last = sent.doc.last_affected
    if last is None or sent.doc.ents[last].type is not T.FIRM:
        return
    for hit in BASED_ANAPHOR_RE.finditer(norm, sent.start, sent.end):
        word = hit.group("d")
        place = word_place(word)
        if place is not None:
            sent.add(
                last, P.HEADQUARTERED_IN, place, (hit.start(), hit.end()), 0.6, stance=Stance.ASSERTED, pronoun=True
            )


def word_place(word: str | None) -> str | None:
    """The country a demonym, a country's name or a city's name stands for ("Chinese", "Mexico", "Wuhan")."""
    return (demonyms().get(word) or COUNTRY_NAMES.get(word) or city_country(word)) if word else None


def _distinct(ms: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    return [m for m in ms if not (m.eid in seen or seen.add(m.eid))]  # type: ignore[func-returns-value]


def rule_places(sent: Sentence) -> None:
    norm = sent.doc.norm
    countries = [m for m in sent.ms if m.etype is T.COUNTRY]
    for c in countries:
        left = norm[max(sent.start, c.start - 40) : c.start]
        party = sent.next_mention(c.end)
        if (
            NOUN_OF_COUNTRY_RE.search(left)
            and party is not None
            and party.etype in _PARTIES
            and re.fullmatch(r"\s*,\s*", norm[c.end : party.start])
        ):  # "the national airline of Belarus, Belavia"
            sent.add(party, P.HEADQUARTERED_IN, c, (c.start, party.end), 0.65, stance=Stance.ASSERTED)
            if STATE_OWNED_RE.search(norm, max(sent.start, c.start - 80), c.start):
                sent.add(c, P.OWNS, party, (c.start, party.end), 0.6, stance=Stance.ASSERTED)
        wide = norm[max(sent.start, c.start - 80) : c.start]  # "located in Haikou, Hainan Province, China"
        noun_in = _NOUN_IN_RE.search(wide)  # "X is an entity in the United Arab Emirates"
        if noun_in is not None:
            prev = sent.before(c.start - len(wide) + noun_in.start(), _PARTIES)
            if prev and prev[0].end == c.start - len(wide) + noun_in.start():
                sent.add(prev[0], P.HEADQUARTERED_IN, c, (prev[0].start, c.end), 0.65, stance=Stance.ASSERTED)
        based = BASED_IN_RE.search(wide)
        if based is not None and _THOSE_RE.search(wide, 0, based.start() + 1):
            based = None  # "the CCP, or those headquartered in China": the ones described, unnamed
        if based is not None:
            at = c.start - len(wide) + based.start()
            before = _distinct([m for m in sent.before(at, _PARTIES) if not sent.is_modifier(m)])
            if _PARTIES_WORD_RE.search(wide, 0, based.start() + 1):
                # "six entities based in the PRC, including A and B": the parties named after it
                after = ENTRIES_AFTER_RE.match(norm, c.end, sent.end)
                first = sent.next_mention(after.end()) if after else None
                if first is not None and after is not None and first.start == after.end() and first.etype in _PARTIES:
                    for m in sent.group(first, 1, frozenset({first.etype})):
                        sent.add(m, P.HEADQUARTERED_IN, c, (c.start, m.end), 0.65, stance=Stance.ASSERTED)
                continue
            q = (based.group("q") or "").lower()
            # "The ERC added A, B and C, all located in China": the parties listed, not the one adding them
            listed = sent.group(before[0], -1, frozenset({before[0].etype})) if before else []
            chosen = before[:2] if q == "both" else listed if q in {"all", "each"} else before[:1]
            far = at - chosen[0].end > 60 and not _COPULA_RE.fullmatch(norm, chosen[0].end, at) if chosen else False
            if not q and chosen and (far or _OF_UNNAMED_RE.search(norm, chosen[0].end, at)):
                chosen = []  # "X, a former employee of a Micron subsidiary based in Taiwan": the subsidiary is
            if based.group("lived") and chosen:  # "A and his two codefendants, B and C lived in Iran": each
                chosen = sent.group(chosen[0], -1, frozenset({chosen[0].etype}))
            for m in chosen:  # where a party lives is as the sentence says: "According to the allegations: ..."
                stance = None if based.group("lived") else Stance.ASSERTED
                sent.add(m, P.HEADQUARTERED_IN, c, (m.start, c.end), 0.7, stance=stance)
        elif IN_AFTER_PARTIES_RE.search(left):
            # "sanctions against A and B in the PRC": where the parties of a measure are; "sourced from
            # Taepyung Salt Farm in South Korea": where a firm is
            prev = [m for m in sent.before(c.start, _PARTIES) if not sent.is_modifier(m)]
            if prev and prev[0].etype is not T.FIRM and not _MEASURE_RE.search(norm, sent.start, sent.end):
                prev = []
            if prev and c.start - prev[0].end <= 12:
                for m in reversed(sent.group(prev[0], -1, frozenset({prev[0].etype}))):
                    if m is not prev[0] and _OWN_PLACE_RE.match(norm, m.end):
                        break  # "A in Germany, B in Italy, and C in Greece": each its own place
                    sent.add(m, P.HEADQUARTERED_IN, c, (m.start, c.end), 0.6, stance=Stance.ASSERTED)
        elif DESTINATION_RE.search(left):
            for m in sent.ms:
                if m.etype in {T.FIRM, T.ORGANIZATION} and not sent.is_modifier(m):
                    sent.add(m, P.HEADQUARTERED_IN, c, (c.start, c.end), 0.65, stance=Stance.ASSERTED)
    for m in sent.ms:
        if m.etype not in {T.FIRM, T.ORGANIZATION}:
            continue
        g = GROUP_RE.search(norm, max(sent.start, m.start - 80), m.start)
        if g is None:
            continue
        named = g.group("d") or g.group("p")
        place = word_place(named)
        if place is None:
            continue
        for x in sent.group(m, 1, frozenset({T.FIRM, T.ORGANIZATION})):
            sent.add(x, P.HEADQUARTERED_IN, place, (g.start(), x.end), 0.7, stance=Stance.ASSERTED)
    _and_other(sent)


def _and_other(sent: Sentence) -> None:
    """ "A, B, and other Chinese companies": A and B are in China."""
    for hit in AND_OTHER_RE.finditer(sent.doc.norm, sent.start, sent.end):
        named = hit.group("d") or hit.group("p")
        place = word_place(named)
        last = sent.before(hit.start() + 1, frozenset({T.FIRM, T.ORGANIZATION}))
        if place is None or not last or hit.start() - last[0].end > 1:
            continue
        for x in sent.group(last[0], -1, frozenset({T.FIRM, T.ORGANIZATION})):
            sent.add(x, P.HEADQUARTERED_IN, place, (x.start, hit.end()), 0.65, stance=Stance.ASSERTED)


_PLACE_NAME = r"(?:the\s+)?(?P<{}>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})"
# where a firm is chartered, as legal texts say it: "X, a Delaware corporation", "Y, a Cayman Islands limited
# partnership", "Z, a limited company organized under the laws of Singapore", "W, incorporated in Japan"
CHARTER_AFTER_RE = re.compile(
    r"\s*(?:\([^()]{0,40}\))?\s*,\s*(?:"
    rf"(?:a|an)\s+{_PLACE_NAME.format('p')}\s+(?:(?:limited|public|private|joint[ -]stock)\s+)?"
    r"(?:corporation|company|partnership|limited\s+partnership|limited\s+liability\s+company)\b"
    r"|(?:(?:a|an)\s+(?:[a-z][\w-]*\s+){0,3}?)?(?:organized|incorporated|registered|established|formed)\s+"
    rf"(?:under\s+the\s+laws\s+of|in)\s+{_PLACE_NAME.format('q')}\b)"
)


# "X, a corporation organized under the laws of the People's Republic of China": the country named next
CHARTER_LAWS_RE = re.compile(
    r"\s*(?:\([^()]{0,40}\))?\s*,\s*(?:(?:a|an)\s+(?:[a-z][\w-]*\s+){0,3}?)?"
    r"(?:organized|incorporated|registered|established|formed)\s+(?:under\s+the\s+laws\s+of|in)\s+(?:the\s+)?"
)
# "..., with headquarters in Beijing, China", "... and its headquarters in Moscow"
HEADQUARTERS_IN_RE = re.compile(
    r"[^;()\n]{0,120}?\b(?:with|and)\s+(?:its\s+)?(?:headquarters|head\s+office|principal\s+place\s+of\s+business)"
    r"\s+in\s+(?:the\s+)?(?P<p>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
)


def rule_charter(sent: Sentence) -> None:
    """``X, a Delaware corporation`` → X ``headquartered-in`` the United States (a state's charter is the
    country's); ``X, a limited company organized under the laws of Singapore`` → Singapore; ``X, a firm
    incorporated in the Cayman Islands with headquarters in Beijing, China`` → both countries."""
    norm = sent.doc.norm
    for m in sent.ms:
        if m.etype is not T.FIRM:
            continue
        hit = CHARTER_AFTER_RE.match(norm, m.end, sent.end)
        place = city_country(hit.group("p") or hit.group("q")) if hit is not None else None
        end = hit.end() if hit is not None else m.end
        if place is None and (laws := CHARTER_LAWS_RE.match(norm, m.end, sent.end)) is not None:
            nxt = sent.next_mention(laws.end())
            if nxt is not None and nxt.start == laws.end() and nxt.etype is T.COUNTRY:
                place, end = nxt.eid, nxt.end
        if place is not None:
            sent.add(m, P.HEADQUARTERED_IN, place, (m.start, end), 0.7, stance=Stance.ASSERTED)
            _headquarters_after(sent, m, end)


def _headquarters_after(sent: Sentence, m: Mention, pos: int) -> None:
    """``X, a firm incorporated in <A> with headquarters in <City>, <B>``: the seat is named after the charter."""
    hq = HEADQUARTERS_IN_RE.match(sent.doc.norm, pos, sent.end)
    if hq is None or any(x.etype is T.FIRM and pos <= x.start < hq.start("p") for x in sent.ms):
        return
    nxt = sent.next_mention(hq.end("p") + 1)
    if nxt is not None and nxt.etype is T.COUNTRY and re.fullmatch(r",\s*", sent.doc.norm[hq.end("p") : nxt.start]):
        place: str | None = nxt.eid  # "in Beijing, China": the country written after the city
    else:
        first = next((x for x in sent.ms if x.start == hq.start("p")), None)
        place = first.eid if first is not None and first.etype is T.COUNTRY else city_country(hq.group("p"))
    if place is not None:
        sent.add(m, P.HEADQUARTERED_IN, place, (m.start, hq.end()), 0.7, stance=Stance.ASSERTED)


def rule_of_place(sent: Sentence) -> None:
    """``X, of <Town>, <US state>`` → X ``headquartered-in`` the United States; ``X, 30, of <Town>,
    <Country>`` → that country (a person's residence, a firm's seat)."""
    norm = sent.doc.norm
    for m in sent.ms:
        hit = OF_TOWN_AFTER_RE.match(norm, m.end, sent.end) if m.etype in _PARTIES else None
        if hit is None:
            continue
        nxt = sent.next_mention(hit.end())
        if nxt is not None and nxt.start == hit.end() and nxt.etype is T.COUNTRY:
            place, end = nxt.eid, nxt.end
        elif (stop := towns.us_state_at(norm, hit.end())) is not None:
            place, end = "country:us", stop
        else:
            continue
        sent.add(m, P.HEADQUARTERED_IN, place, (m.start, end), 0.7, stance=Stance.ASSERTED)


# "X, based in Wuhan", "X is headquartered in Shenzhen": a city, and no country after it
_CITY_SEAT_AFTER_RE = re.compile(
    r"\s*(?:\([^()\n]{1,40}\))?\s*(?:,\s*(?:(?:which|that|who)\s+(?:is|was|are|were)\s+)?|\s+(?:is|was|are|were)\s+)"
    r"(?:based|headquartered|located)\s+in\s+(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?![\w-])(?!\s*,\s*[A-Z])"
)


def rule_city_seat(sent: Sentence) -> None:
    """``X, based in Wuhan`` → X ``headquartered-in`` the city's country (a city whose name says one place:
    :func:`city_country`; a country named there is :func:`rule_places`')."""
    norm = sent.doc.norm
    for m in sent.ms:
        hit = _CITY_SEAT_AFTER_RE.match(norm, m.end, sent.end) if m.etype in _PARTIES else None
        if hit is None or any(x.start == hit.start("city") for x in sent.ms):
            continue
        place = city_country(hit.group("city"))
        if place is not None:
            sent.add(m, P.HEADQUARTERED_IN, place, (m.start, hit.end()), 0.65, stance=Stance.ASSERTED)


# "Patsulya and Besedin are Russian nationals", "X is a Chinese citizen": a person's nationality
# "A and B, both nationals and residents of China,"
_NATIONALS_RE = re.compile(
    rf"(?:\s+(?:is|are|was|were)\s+|\s*,\s*)(?:an?\s+|both\s+|all\s+)?(?:(?P<d>{DEMONYM_ALT})\s+(?:nationals?|citizens?)\b"
    r"|(?:nationals?|citizens?)(?:\s+and\s+(?:residents?|citizens?))?\s+of\s+(?:the\s+)?(?P<c>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))"
)


def rule_nationals(sent: Sentence) -> None:
    """``A and B are Russian nationals`` → each ``headquartered-in`` Russia (a person's nationality)."""
    norm = sent.doc.norm
    for m in sent.ms:
        hit = _NATIONALS_RE.match(norm, m.end, sent.end) if m.etype is T.PERSON else None
        place = (
            None if hit is None else demonyms().get(hit.group("d")) if hit.group("d") else city_country(hit.group("c"))
        )
        if hit is None or place is None:
            continue
        for x in sent.group(m, -1, frozenset({T.PERSON})):
            sent.add(x, P.HEADQUARTERED_IN, place, (x.start, hit.end()), 0.7, stance=Stance.ASSERTED)


def rule_state_backed(sent: Sentence) -> None:
    """``the China state-affiliated APT31`` → APT31 ``alleged-tie-to`` China (the state that backs it, as the text
    says) and is based there."""
    norm = sent.doc.norm
    for m in sent.ms:
        if m.etype not in _PARTIES:
            continue
        hit = STATE_BACKED_BEFORE_RE.search(norm, max(sent.start, m.start - 80), m.start)
        place = word_place(hit.group("p")) if hit is not None else None
        if hit is not None and place is not None:
            sent.add(m, P.ALLEGED_TIE_TO, place, (hit.start(), m.end), 0.6, stance=Stance.ASSERTED)
            sent.add(m, P.HEADQUARTERED_IN, place, (hit.start(), m.end), 0.6, stance=Stance.ASSERTED)
