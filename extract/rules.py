"""The rules, one per predicate (or family of predicates), each run over every sentence that has
mentions. A rule finds its cue phrases (:mod:`extract.cues`), fills subject and object from the
cue's grammatical neighbours (:class:`extract.sentence.Sentence`) and adds raw candidates with a
confidence; a rule may fix the stance itself (a bill → ``proposed``), else it is read later from
the sentence (:mod:`extract.stance`). :data:`RULES` runs them in a fixed order (the order of the
candidates, and ``consumed`` cues, depend on it)."""

from __future__ import annotations

import re
from collections.abc import Callable

from schema.ontology import EntityType, Predicate, Stance

from . import (
    acts,
    addresses,
    advisories,
    clause_parties,
    components,
    control,
    delistings,
    doclaw,
    frames,
    investigations,
    later_listings,
    lawrules,
    list_examples,
    measures,
    places,
    reader,
    roles,
    sanctions,
    sdn_entries,
    ties,
)
from .builtin import demonyms
from .cues import (
    ACT_RE,
    APPOSED_POST_RE,
    BAN_RE,
    CHARGED_PASSIVE_RE,
    CONSIDER_RE,
    CONSULTED_RE,
    COUNTED_PARTIES_RE,
    COUNTRY_NAMES,
    ENACT_RE,
    ENTRIES_AFTER_RE,
    ENTRIES_INCLUDE_RE,
    FACED_BEFORE_RE,
    FROM_LISTS_RE,
    HQ_AGE_OF_RE,
    HQ_ALSO_RE,
    HQ_BASED_RE,
    HQ_CITIZEN_RE,
    HQ_CITY_RE,
    HQ_DEMONYM_BEFORE_RE,
    HQ_DEMONYM_PERSON_BEFORE_RE,
    HQ_DESC_AFTER_RE,
    HQ_DESC_BEFORE_RE,
    HQ_OF_RE,
    HQ_PAREN_RE,
    HQ_POSSESSIVE_AFTER_RE,
    HQ_POSSESSIVE_BEFORE_RE,
    ISSUER_REF_RE,
    ITS_LISTING_RE,
    LIMITED_BAN_RE,
    LIST_CUE_RE,
    MANDATE_RE,
    MEMBERS_AFTER_RE,
    MEMBERS_NAMED_AFTER_RE,
    PARTY_NOUNS_RE,
    PERMIT_AFTER_RE,
    PERSON_GROUP_OF_RE,
    PLURAL_PARTIES_RE,
    POST_WORD_AFTER_RE,
    PROPOSE_RE,
    PURSUANT_RE,
    SETTLEMENT_RE,
    STATE_BACKED,
    STATE_OWNED_RE,
    WARN_RE,
    WE_OUR_RE,
    described_participle,
)
from .mentions import AFFECTED, AUTHORITY
from .sentence import Sentence
from .spans import Mention

T = EntityType
P = Predicate
_I = re.IGNORECASE

NOMINAL_ENTRIES_RE = re.compile(
    r"[^.;]{0,40}?(?:,\s*)?\b(?:such\s+as|including|include|includes|are|were|namely)\s+(?:the\s+)?", _I
)


def _law_proposed(sent: Sentence, law: Mention) -> bool:
    if doclaw.proposed(sent, law):
        return True
    name = sent.doc.ents[law.eid].name.lower()
    near = sent.doc.norm[max(sent.start, law.start - 40) : min(sent.end, law.end + 20)]
    return "bill" in name or bool(re.search(r"\b(?:proposed|draft|introduc\w*|pending|that\s+would)\b", near, _I))


def _rule_ban(sent: Sentence) -> None:
    for cue in sent.cues(BAN_RE):
        if (
            sent.negated(cue.start())
            or described_participle(sent.doc.norm, cue, sent.start)
            or FACED_BEFORE_RE.search(sent.doc.norm, max(sent.start, cue.start() - 30), cue.start())
            or (cue.group(0).lower().startswith("remov") and FROM_LISTS_RE.match(sent.doc.norm, cue.end(), sent.end))
        ):  # "a list of prohibited investments", "X face the ban, Y said", "remove X from the FTO list": no ban
            continue
        laws = [  # not the act that amended it: "pursuant to X, as amended by the NDAA, to prohibit"; not across
            m  # a colon: "considering ... the Defense Production Act ..., I hereby order that: (a) ... is prohibited"
            for m in sent.before(cue.start(), frozenset({T.LAW}))
            if not _AMENDED_BY_RE.search(sent.doc.norm, max(sent.start, m.start - 20), m.start)
            and ":" not in sent.doc.norm[m.end : cue.start()]
        ]
        under = None
        if laws and _UNDER_BEFORE_RE.search(sent.doc.norm, max(sent.start, laws[0].start - 40), laws[0].start):
            under, laws = laws[0], []  # "issued a rule under Section 311 of the Act that severs X": the issuer's
        if laws:  # "<Law> ... ban <X>": the law targets X; in force, X is banned by its authority
            law = laws[0]
            targets = sent.objects_after(cue.end(), AFFECTED) or sent.objects_after(law.end, AFFECTED)
            proposed = _law_proposed(sent, law)
            for t in targets:
                sent.add(law, P.TARGETS, t, cue, 0.7, stance=Stance.PROPOSED if proposed else None)
            if proposed or not targets:
                continue
            after = [  # an agency after the targets, not a place in their description ("headquartered in China")
                m for m in sent.after(cue.end(), AUTHORITY) if m.start > targets[-1].end and m.etype is T.AGENCY
            ]
            nearest = sent.before(cue.start(), AUTHORITY)[:1] + after[:1]
            nearest.sort(key=lambda m: min(abs(m.start - cue.start()), abs(m.end - cue.start())))
            auth = sent.by_agent(cue.end(), AUTHORITY) or (nearest[0] if nearest else None)
            if auth is not None:
                for t in targets:
                    sent.add(t, P.BANNED_BY, auth, cue, 0.6)
            continue
        mode = sent.irrealis(cue.start())
        if mode == "skip":
            continue
        stance = Stance.PROPOSED if mode == "proposed" else None
        auths = [m for m in sent.before(cue.start(), AUTHORITY) if not sent.is_modifier(m)]
        if sent.passive(cue) or not auths:
            subs = sent.subjects_before(cue.start(), AFFECTED)
            auth = sent.by_agent(cue.end(), AUTHORITY)
            pron = sent.pronoun_before(cue.start()) if not subs else None
        else:
            auth = auths[0]
            subs = sent.objects_after(cue.end(), AFFECTED)
            pron = sent.pronoun_after(cue.end()) if not subs else None
        if auth is None:
            continue
        for s in subs:
            if LIMITED_BAN_RE.match(sent.doc.norm, s.end, sent.end):  # "banning X from selling data for advertising
                sent.add(auth, P.ACTED_AGAINST, s, cue, 0.6, stance=stance)  # purposes": a limited ban acts against X
                continue
            sent.add(s, P.BANNED_BY, auth, cue, 0.75, stance=stance)
            if under is not None:  # measure, under that law
                sent.add(s, P.RESTRICTED_UNDER, under, cue, 0.65, stance=stance)
        if pron:
            sent.add(pron, P.BANNED_BY, auth, cue, 0.6, stance=stance, pronoun=True)


_NAMED_NEXT_RE = re.compile(r":|\b(?:including|such\s+as|namely)\b", _I)
_NOUN_CUE_RE = re.compile(r"additions?", _I)


def _list_additions_include(sent: Sentence, lists: list[Mention], cue: re.Match[str]) -> bool:
    """``The Entity List additions include A, B and C``: each added to the list named before the noun."""
    lst = (
        next((m for m in lists if m.end <= cue.start()), None) if cue.group(0).lower().startswith("addition") else None
    )
    if lst is None or not re.fullmatch(r"\s*", sent.doc.norm[lst.end : cue.start()]):
        return False
    after = NOMINAL_ENTRIES_RE.match(sent.doc.norm, cue.end(), sent.end)
    named = sent.objects_after(after.end(), AFFECTED) if after else []
    for s in named if named and named[0].start == after.end() else []:  # type: ignore[union-attr]
        sent.add(s, P.LISTED_ON, lst, cue, 0.7)
    return True


def _rule_listed(sent: Sentence) -> None:
    lists = [m for m in sent.ms if m.etype is T.LIST]
    if not lists:
        return
    for cue in sent.cues(LIST_CUE_RE):
        if _list_additions_include(sent, lists, cue):
            continue
        lst = next((m for m in lists if m.start >= cue.end()), None)
        mode = sent.irrealis(cue.start())  # "consider ... adding it to the Entity List": asked for, not done
        if lst is None or sent.negated(cue.start()) or mode == "skip":
            continue
        st = Stance.PROPOSED if mode == "proposed" else None
        lead = sent.doc.norm[max(cue.end(), lst.start - 40) : lst.start]
        if not re.search(
            r"\b(?:to|on|onto|in|into)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
            r"(?:[\w.]+'s?\s+|so-called\s+)?"  # "to the Commerce Department's Entity List", "so-called"
            r"(?:(?!(?:of|for|from|by|with|and|or|that|which)\b)[a-z][a-z-]*\s+){0,2}\"?$",  # its national security
            lead,
            _I,
        ):
            continue
        subs = [
            m
            for m in sent.ms
            if cue.end() <= m.start and m.end <= lst.start and m.etype in AFFECTED and not sent.is_modifier(m)
        ]
        pron = None
        if not subs and cue.group(0).lower().startswith("addition"):
            # "The additions to the Entity List, such as X and Y": the entries follow the list
            after = NOMINAL_ENTRIES_RE.match(sent.doc.norm, lst.end, sent.end)
            subs = sent.objects_after(after.end(), AFFECTED) if after else []
        elif not subs and PARTY_NOUNS_RE.search(sent.bare(cue.end(), lst.start)):
            # "added 12 entities to the Entity List, including A, B, and C": named after the list
            after = ENTRIES_AFTER_RE.match(sent.doc.norm, lst.end, sent.end)
            named = sent.objects_after(after.end(), AFFECTED) if after else []
            subs = named if after and named and named[0].start == after.end() else []
        if not subs and re.fullmatch(r"\s+to\s+(?:the\s+|its\s+)?", sent.doc.norm[cue.end() : lst.start], _I):
            subs = _entries_after_list(sent, lst, cue)
        if not subs and not _NOUN_CUE_RE.fullmatch(cue.group(0)):  # "X issued a statement on additions to": not X
            subs = sent.subjects_before(cue.start(), AFFECTED)
            pron = sent.pronoun_before(lst.start) if not subs else None  # "added the company to"
        law = sent.doc.main_law if sent.doc.is_bill else None
        if law is not None and MANDATE_RE.search(sent.doc.norm, max(sent.start, cue.start() - 80), cue.start()):
            for s in subs:  # a bill: "shall designate X for inclusion on the entity list" is what it would do
                sent.add(law, P.TARGETS, s, cue, 0.65, stance=Stance.PROPOSED)
            continue
        if cue.group(0).lower().startswith("add"):
            sent.doc.listing = lst.eid  # "It added X" in a later sentence adds to this list
        for s in subs:
            sent.add(s, P.LISTED_ON, lst, cue, 0.8, stance=st)
        if pron:
            sent.add(pron, P.LISTED_ON, lst, cue, 0.65, pronoun=True, stance=st)
    for lst in lists:  # "pursuant to its designation on the entity list": the party last named is listed
        owner = ITS_LISTING_RE.search(sent.doc.norm, max(sent.start, lst.start - 40), lst.start)
        if owner is not None and sent.doc.last_affected is not None:
            sent.add(sent.doc.last_affected, P.LISTED_ON, lst, (owner.start(), lst.end), 0.6, pronoun=True)


# after the list: "BIS also added to the Entity List A and B", "The entities being added to the
# Entity List in this rule include A and B"


def _entries_after_list(sent: Sentence, lst: Mention, cue: re.Match[str]) -> list[Mention]:
    """The parties named right after ``added to the <List>``: in the active voice, the verb's moved
    object ("added to the Entity List A, B and C"); after a party noun ("the entities being added
    to the Entity List ... include A and B"), the names its verb introduces."""
    norm = sent.doc.norm
    if PARTY_NOUNS_RE.search(norm, max(sent.start, cue.start() - 40), cue.start()):
        after = ENTRIES_INCLUDE_RE.match(norm, lst.end, sent.end)
    elif not sent.passive(cue):
        after = re.compile(r"\s*,?\s*").match(norm, lst.end, sent.end)
    else:
        return []
    return sent.parties_at(after.end(), AFFECTED) if after is not None else []


# "X, an entity on the Department of Commerce's Entity List", "X, which is on the Entity List"
ON_LIST_RE = re.compile(
    r"\s*\)?\s*(?:\([^()]{0,40}\))?\s*,?\s*(?:(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:entity|company|firm|party|bank|"
    r"organization|individual|person)|(?:which\s+|who\s+)?(?:is|are|appears?|remains?|ha[sd]\s+been|have\s+been|was|were))"
    r"\s+(?:already\s+|also\s+|still\s+)?(?:named\s+|listed\s+|placed\s+|added\s+)?"
    r"on\s+(?:the\s+)?",
    _I,
)


_OWNER_RE = re.compile(r"(?:[A-Z][\w.]*\s+(?:(?:of|and|the|for)\s+)*){0,5}[A-Z][\w.]*'s?\s+$")


def _rule_on_list(sent: Sentence) -> None:
    for lst in sent.ms:
        if lst.etype is not T.LIST:
            continue
        before = [m for m in sent.before(lst.start, AFFECTED) if not sent.is_modifier(m)]
        if not before:
            continue
        x = before[0]
        gap = sent.doc.norm[x.end : lst.start]
        owner = _OWNER_RE.search(gap)  # "... on the Department of Commerce's Entity List"
        head = gap[: owner.start()] if owner and ON_LIST_RE.fullmatch(gap[: owner.start()]) else gap
        if ON_LIST_RE.fullmatch(head):
            sent.add(x, P.LISTED_ON, lst, (x.start, lst.end), 0.65, stance=Stance.ASSERTED)


def _rule_actor_on_target(
    sent: Sentence,
    regex: re.Pattern[str],
    predicate: Predicate,
    confidence: float,
    mark: bool = False,
    skip_irrealis: bool = True,
) -> None:
    """``<authority> <cue> <affected>``: considering action against, cracking down on, warning."""
    for cue in sent.cues(regex):
        if any(s <= cue.start() < e for s, e in sent.consumed):
            continue
        if sent.negated(cue.start()) or (skip_irrealis and sent.irrealis(cue.start())):
            continue
        if predicate is P.ACTED_AGAINST and (agent := sent.passive_agent(cue)) is not None:
            for t in sent.subjects_before(cue.start(), AFFECTED):  # "X was charged by the DOJ", "X and Y have been
                sent.add(agent, predicate, t, cue, confidence)  # identified by the DOJ and charged with ..."
            continue
        if CHARGED_PASSIVE_RE.search(sent.doc.norm, max(sent.start, cue.start() - 12), cue.end()):
            continue  # "seven defendants ... are charged with ...": the charged are named before, by no actor
        near = sent.before(cue.start(), AUTHORITY)
        posts = {  # "A, the Director of the FBI", "B, the United States Attorney for ...": their offices
            m.eid
            for m in near
            if APPOSED_POST_RE.search(sent.doc.norm, max(sent.start, m.start - 100), m.start)
            or POST_WORD_AFTER_RE.match(sent.doc.norm, m.end)
        }
        auths: list[Mention | str] = [  # not "U.S. operations authorization": whose it is, not who acts
            m
            for m in near
            if not sent.is_modifier(m)
            and not PERMIT_AFTER_RE.match(sent.doc.norm, m.end)
            and not CONSULTED_RE.search(sent.doc.norm, max(sent.start, m.start - 80), m.start)  # "in coordination with"
            and m.eid not in posts  # "A, the Director of the FBI ("FBI"), ... announced": a person's office
        ]
        if not auths and sent.doc.issuer and ISSUER_REF_RE.search(sent.window(cue.start(), 80)):
            auths = [sent.doc.issuer]  # "the Commission ordered ...": the document's issuer
        if not auths and WE_OUR_RE.search(sent.doc.norm, sent.start, cue.start()):
            we = frames.speaker(sent)
            auths = [we] if we else []  # "We institute proceedings to revoke ...", "our decision to deny": the speaker
        targets = sent.objects_after(cue.end(), AFFECTED)
        if not auths or not targets:
            continue
        gap = sent.bare(cue.end(), targets[0].start)
        if PERSON_GROUP_OF_RE.search(gap) or (COUNTED_PARTIES_RE.search(gap) and not _NAMED_NEXT_RE.search(gap)):
            continue  # "charges against two Chinese nationals it alleges are connected with X": not X (but "four
            # companies ...: A, B", "12 entities, including A")
        if MEMBERS_NAMED_AFTER_RE.match(sent.doc.norm, targets[0].end):
            continue  # "Indicted APT40 Actors": the group's members, not the group
        if cue.group(0).lower().endswith(("that", "the")) and targets[0].start > cue.end() + 1:
            continue  # "warned that X ...": only the clause's subject, named right after "that"
        if mark:
            sent.consumed.append((cue.start(), cue.end()))
        for t in targets:
            if predicate is P.WARNED_AGAINST_BY:  # "CISA, Treasury, and FBI highlight the threat posed by X": each
                for a in sent.group(auths[0], -1, AUTHORITY) if isinstance(auths[0], Mention) else auths[:1]:
                    sent.add(t, predicate, a, cue, confidence)
            else:
                sent.add(auths[0], predicate, t, cue, confidence)


def _rule_settlement(sent: Sentence) -> None:
    """``X reached settlement agreements with <authority> and <authority>``: each acted against X."""
    for cue in sent.cues(SETTLEMENT_RE):
        subs = sent.subjects_before(cue.start(), AFFECTED)
        auths = sent.objects_after(cue.end(), AUTHORITY)
        for a in auths:
            for x in subs:
                sent.add(a, P.ACTED_AGAINST, x, cue, 0.6, stance=Stance.ASSERTED)


def _rule_same_as(sent: Sentence) -> None:
    """``X, also known as Y and Z`` (:func:`extract.known_as.merge`): the text says the names
    are one party's; the name kept is the longest, each other one is ``same-as`` it."""
    for keep, other, start, end in sent.doc.other_names:
        if sent.start <= start and end <= sent.end:
            sent.add(keep, P.SAME_AS, other, (start, end), 0.7, stance=Stance.ASSERTED)


_UNDER_BEFORE_RE = re.compile(PURSUANT_RE.pattern + "$", _I)  # "under (Section 311 of) the" right before a law
_AMENDED_BY_RE = re.compile(r"\bamended\s+by\s+(?:the\s+)?$", _I)


_WITH_RE = re.compile(r"\s*(?:\([^()]{0,40}\))?\s+(?:(?:together\s+)?with|alongside)\s+")


_THE_PRESIDENT_RE = re.compile(r"\b[Tt]he\s+President\s+(?:has\s+|today\s+|also\s+)*$")  # unnamed: the US one
_CONGRESS = "organization:us-congress"  # the registry's ids (reference/authorities.yaml)
_WHITE_HOUSE = "agency:us-white-house"


def _presidents_own(law: str, actor: Mention) -> bool:
    """An executive order is the President's: "Treasury issued: Executive Order on ..." publishes it,
    an agency does not enact it (the White House, the President's office, does)."""
    return law.startswith("law:executive-order-") and actor.etype is T.AGENCY and actor.eid != _WHITE_HOUSE


def _rule_law_actor(sent: Sentence, regex: re.Pattern[str], predicate: Predicate) -> None:
    """``<actor> issued <Law>`` → enacted-by; ``<actor> introduced <Law>`` → proposed-by."""
    actors = AUTHORITY | {T.PERSON}
    for cue in sent.cues(regex):
        laws = [m for m in sent.after(cue.end(), frozenset({T.LAW})) if m.start - cue.end() < 40]
        if laws and _UNDER_BEFORE_RE.search(sent.doc.norm, max(sent.start, laws[0].start - 40), laws[0].start):
            continue  # "issued a final rule under Section 311 of the USA PATRIOT Act": the rule is, not the Act
        if laws:
            actor = next(iter(sent.before(cue.start(), actors)), None)
            if actor is not None and cue.group().lower().startswith("pass") and actor.eid != _CONGRESS:
                actor = None  # "the House passed the bill": a chamber passes a bill, Congress a law
            if actor is None and predicate is P.ENACTED_BY and _THE_PRESIDENT_RE.search(sent.window(cue.start(), 30)):
                for law in sent.laws_listed(laws[0]):  # "the President signed into law X": his office's
                    sent.add(law, predicate, _WHITE_HOUSE, cue, 0.65)
            if actor is not None and cue.start() - actor.end < 60:
                for law in sent.laws_listed(laws[0]):  # "issuing General License 83, "...", and 84"
                    if not (predicate is P.ENACTED_BY and _presidents_own(law.eid, actor)):
                        sent.add(law, predicate, actor, cue, 0.7)
            with_ = _WITH_RE.match(sent.doc.norm, laws[0].end, sent.end) if predicate is P.PROPOSED_BY else None
            first = next(iter(sent.after(with_.end(), frozenset({T.PERSON}))), None) if with_ else None
            if first is not None and first.start - with_.end() < 40:  # type: ignore[union-attr]
                for person in sent.group(first, 1, frozenset({T.PERSON})):  # "cosponsors of X with A and B"
                    sent.add(laws[0], predicate, person, cue, 0.65)
            continue
        laws = sent.before(cue.start(), frozenset({T.LAW}))
        agent = sent.by_agent(cue.end(), actors)
        if laws and agent is not None:
            sent.add(laws[0], predicate, agent, cue, 0.7)


_STATE_SPONSORED_RE = re.compile(rf"\b{STATE_BACKED}\b", _I)


def _rule_headquarters(sent: Sentence) -> None:
    norm = sent.doc.norm
    firms = [m for m in sent.ms if m.etype in {T.FIRM, T.ORGANIZATION}]
    for m in [*firms, *(x for x in sent.ms if x.etype is T.PERSON)]:
        left = norm[max(sent.start, m.start - 120) : m.start]
        place = None
        hit = HQ_BASED_RE.search(left) or HQ_DESC_BEFORE_RE.search(left) or HQ_DEMONYM_BEFORE_RE.search(left)
        hit = hit or HQ_POSSESSIVE_BEFORE_RE.search(left)
        if hit is None and m.etype is T.PERSON:
            hit = HQ_DEMONYM_PERSON_BEFORE_RE.search(left)
        if hit is not None and MEMBERS_AFTER_RE.match(norm, m.end):
            hit = None  # "an Iran-based Hizballah finance team operative": the operative is based there
        if hit is None:
            hit = HQ_DESC_AFTER_RE.match(norm, m.end, sent.end) or HQ_POSSESSIVE_AFTER_RE.match(norm, m.end, sent.end)
        if hit is not None:
            named = hit.groupdict().get("city") or hit.group("p")
            place = places.word_place(named)
        if place:
            sent.add(m, P.HEADQUARTERED_IN, place, (m.start, m.end), 0.7, stance=Stance.ASSERTED)
            if hit is not None and hit.re is HQ_DESC_AFTER_RE and STATE_OWNED_RE.search(hit.group(0)):
                # "X, the Venezuelan state-owned oil company": the state owns X
                sent.add(place, P.OWNS, m, (m.start, hit.end()), 0.6, stance=Stance.ASSERTED)
            if hit is not None and hit.re is HQ_DESC_AFTER_RE and _STATE_SPONSORED_RE.search(hit.group(0)):
                # "X, a Chinese state-sponsored cyber group": tied to the state
                sent.add(m, P.ALLEGED_TIE_TO, place, (m.start, hit.end()), 0.6, stance=Stance.ASSERTED)
            if hit is not None and hit.re is HQ_BASED_RE:  # "Hong Kong and Marshall Islands-based X"
                also = HQ_ALSO_RE.search(left, 0, hit.start("p"))
                other = (demonyms().get(also.group("p")) or COUNTRY_NAMES.get(also.group("p"))) if also else None
                if other:
                    sent.add(m, P.HEADQUARTERED_IN, other, (m.start, m.end), 0.65, stance=Stance.ASSERTED)
            if hit is not None and (
                hit.re is HQ_DESC_BEFORE_RE or (hit.re is HQ_BASED_RE and PLURAL_PARTIES_RE.search(hit.group(0)))
            ):  # "Chinese nationals, A and B", "three U.S.-based companies, A, B, and C"
                owned = m.etype is T.FIRM and STATE_OWNED_RE.search(hit.group(0))  # "Chinese state-owned firms—A, B"
                for k, x in enumerate(sent.described_only(sent.group(m, 1, frozenset({m.etype})))):
                    if k:
                        sent.add(x, P.HEADQUARTERED_IN, place, (m.start, x.end), 0.65, stance=Stance.ASSERTED)
                    if owned:
                        sent.add(place, P.OWNS, x, (m.start, x.end), 0.6, stance=Stance.ASSERTED)
        if m.etype is T.PERSON:
            of_country = HQ_AGE_OF_RE.match(norm, m.end, sent.end)
        else:
            of_country = HQ_OF_RE.match(norm, m.end, sent.end) if m.etype is T.FIRM else None
        if of_country is not None:
            at = of_country.end()
            if not any(x.start == at for x in sent.ms):  # "X of Beijing, China": a city first
                city = HQ_CITY_RE.match(norm, at, sent.end)
                at = city.end() if city is not None else at
            after = [x for x in sent.ms if x.start == at and x.etype is T.COUNTRY]
            if after:
                sent.add(m, P.HEADQUARTERED_IN, after[0].eid, (m.start, after[0].end), 0.65, stance=Stance.ASSERTED)
        citizen = HQ_CITIZEN_RE.match(norm, m.end, sent.end) if m.etype is T.PERSON else None
        if citizen is not None:
            after = [x for x in sent.ms if x.start == citizen.end() and x.etype is T.COUNTRY]
            if after:
                sent.add(m, P.HEADQUARTERED_IN, after[0].eid, (m.start, after[0].end), 0.7, stance=Stance.ASSERTED)
        paren = HQ_PAREN_RE.match(norm, m.end, sent.end)
        if paren is None or m.etype is T.PERSON:
            continue
        country = sent.doc.gazetteer.lookup(paren.group(1).strip())
        if country is None or country.type is not T.COUNTRY:
            continue
        group = [m]
        idx = firms.index(m)
        while idx > 0:  # "A and B (Russia)": both are in Russia
            prev = firms[idx - 1]
            gap = norm[prev.end : group[-1].start]
            if "(" in gap or not re.fullmatch(r"\s*,?\s*(?:and|or)?\s*", gap):
                break
            group.append(prev)
            idx -= 1
        for g in group:
            sent.add(g, P.HEADQUARTERED_IN, country.id, (g.start, paren.end()), 0.75, stance=Stance.ASSERTED)


RULES: tuple[Callable[[Sentence], None], ...] = (
    lawrules.rule_introduced,  # first: a law introduced is proposed for the rules after (doclaw.proposed)
    lambda s: _rule_actor_on_target(s, CONSIDER_RE, P.CONSIDERING_ACTION_AGAINST, 0.75, mark=True, skip_irrealis=False),
    _rule_ban,
    _rule_listed,
    later_listings.rule_added_to_the_list_named_before,
    delistings.rule_delisted,
    list_examples.rule_list_examples,
    _rule_on_list,
    sanctions.rule_sanction,
    sanctions.rule_designated_adjective,
    sanctions.rule_designations_include,
    ties.rule_tie,
    ties.rule_attributed,
    ties.rule_prenominal_post,
    lambda s: _rule_actor_on_target(s, ACT_RE, P.ACTED_AGAINST, 0.6),
    lambda s: _rule_actor_on_target(s, WARN_RE, P.WARNED_AGAINST_BY, 0.65),
    advisories.rule_advisories,
    advisories.rule_actors_of,
    advisories.rule_states_actors,
    _rule_settlement,
    acts.rule_declined,
    acts.rule_invaded,
    _rule_same_as,
    lambda s: _rule_law_actor(s, ENACT_RE, P.ENACTED_BY),
    lambda s: _rule_law_actor(s, PROPOSE_RE, P.PROPOSED_BY),
    investigations.rule_investigated,
    components.rule_possessive,
    components.rule_component_of,
    _rule_headquarters,
    addresses.rule_address_country,
    doclaw.rule_bill_scope,
    places.rule_places,
    places.rule_charter,
    places.rule_of_place,
    places.rule_city_seat,
    places.rule_nationals,
    places.rule_based_anaphor,
    places.rule_state_backed,
    lawrules.rule_pursuant,
    lawrules.rule_order_against,
    roles.rule_roles,
    roles.rule_of_country,
    roles.rule_national_post,
    lawrules.rule_law_targets,
    lawrules.rule_title_targets,
    lawrules.rule_cosponsors,
    lawrules.rule_signed_by_president,
    lawrules.rule_signed_bare_order,
    lawrules.rule_authorizes,
    lawrules.rule_administers,
    lawrules.rule_its_list,
    lawrules.rule_acts_under,
    control.rule_control,
    control.rule_members,
    control.rule_its_subsidiary,
    control.rule_parent,
    control.rule_backed,
    measures.rule_measures,
    measures.rule_directs,
    measures.rule_denies,
    measures.rule_concern,
    frames.rule_frames,
    sdn_entries.rule_entries,
    clause_parties.rule_clause_parties,  # the parties the patterns above left
    reader.rule_reader,  # last: the pairs no rule related, by the learned model
)
