"""Who is sanctioned by whom, and under which law:

* ``<Authority> sanctioned / designated / imposed sanctions on A, B and C`` → each ``sanctioned-by``
  the authority (``... against A in the PRC and against B``: both); ``sanctioning 12 executives of
  X`` is not X, ``two subsidiaries of X, A and B`` are A and B;
* the passive: ``A was sanctioned by <Authority>``; a designation without an agent (``A is being
  designated``) by the authority the text last named sanctioning, or its frame's, or its issuer;
* a list a colon opens after the verb: ``The following companies are being designated pursuant to
  E.O. 13902 ...: A; B; and C``; vessels ``identified as blocked property``;
* the law: ``pursuant to <Law>`` / ``under <Law>`` after the parties, or between the verb and them →
  ``restricted-under``.

Not a sanction: ``designated ... to the <List>`` (a listing, :func:`extract.rules._rule_listed`),
``designated ... as national security threats`` (a regulator's bar, :mod:`extract.measures`)."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate, Stance

from . import frames, measures
from .clause_parties import target_modifier
from .cues import (
    AS_ROLE_RE,
    CLAUSE_GAP_RE,
    CONSULTED_RE,
    COUNTED_PARTIES_RE,
    ISSUER_REF_RE,
    KIN,
    MEMBERS_AFTER_RE,
    MEMBERS_GAP_RE,
    PARTNERED,
    PERSON_GROUP_OF_RE,
    QUOTE_ENDS_RE,
    SANCTION_LIFTED_BEFORE_RE,
    SANCTION_RE,
    described_participle,
    designated_before,
)
from .mentions import AFFECTED, AUTHORITY
from .patterns import DEMONYM_ALT, DESIGNATION_TERM, PERSON_TITLE_RE
from .roles import POSSESSIVE_POST_NAMED_RE
from .sentence import Sentence
from .spans import Mention

T = EntityType
P = Predicate
_I = re.IGNORECASE

# the issuer as the clause's subject right before the verb: "The Department is also designating"
_ISSUER_SUBJECT_RE = re.compile(ISSUER_REF_RE.pattern + r"\s+(?:is|has|was|will|today|also|\s)*(?:[\w-]+\s+)?$", re.I)
_AND_AGAINST_RE = re.compile(r"\band\s+(?:against|on)\s+(?:the\s+)?")
# the verb of a relative clause whose object is the noun before it: "the supporters that Treasury is designating"
_RELATIVE_OBJECT_RE = re.compile(  # "the officials that Treasury is designating", "whom the Treasury designated"
    r"\b(?:(?:that|whom)\s+[^,.;]{1,40}?\s+(?:is|are|was|were|has\s+been|have\s+been)|whom\s+[^,.;]{1,80}?|"
    r"(?-i:[a-z])+s\s+(?:we|they|it)\s+(?:are|were|have\s+been|had\s+been))\s+$",  # "The officials we are sanctioning"
    _I,
)
_TERM_ADJECTIVE_RE = re.compile(r"\b(?:a|an)\s+designated$", _I)
# after the colon that opens a list: white space, an item number ("(1)", "1.")
_ITEM_START_RE = re.compile(r":\s*(?:\(?\d{1,2}[.)]\s*)?")


_SANCTIONS_ON_BEFORE_RE = re.compile(r"\bsanctions\s+(?:on|against)\s+(?:the\s+)?$", re.I)  # their target
_UNNAMED_SUBJECT_RE = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|these|those|other)\s+(?:[A-Za-z-]+\s+){0,2}"
    r"(?:companies|firms|entities|individuals|persons|people|banks|vessels)\s+to\s+be\b",
    re.I,
)
_WAIVER_AFTER_RE = re.compile(r"[ \t-]+(?:waivers?|exemptions?|exceptions?|relief)\b", re.I)


def rule_sanction(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in sent.cues(SANCTION_RE):
        if cue.group(0).lower().startswith("designat") and (
            any(m.etype is T.LIST and m.start > cue.end() for m in sent.ms)
            or measures.AS_THREAT_RE.search(norm, cue.end(), min(sent.end, cue.end() + 200))
        ):
            continue  # onto a list (extract the listing), or as a threat (a regulator's bar)
        if _RELATIVE_OBJECT_RE.search(norm, max(sent.start, cue.start() - 90), cue.start()) or any(
            t.start() < cue.start() < t.end()
            for t in DESIGNATION_TERM.finditer(norm, max(0, cue.start() - 12), cue.end() + 40)
        ):  # "Specially Designated Global Terrorist": a term, not this clause's verb
            continue  # "the officials that Treasury is designating today have also been designated by X"
        adjective_of = _TERM_ADJECTIVE_RE.search(norm, max(sent.start, cue.start() - 8), cue.end())
        if adjective_of and DESIGNATION_TERM.match(norm, cue.end() + 1):
            continue  # "X, a designated Foreign Terrorist Organization": what X is (rule_designated_adjective)
        if described_participle(norm, cue, sent.start):
            continue  # "with blacklisted firms like Huawei": described, not acted on in this clause
        mode = sent.irrealis(cue.start())
        lifted = SANCTION_LIFTED_BEFORE_RE.search(norm, max(sent.start, cue.start() - 40), cue.start())
        ended = lifted is not None and lifted.group(0).lower().startswith("no")  # "no longer sanctions X": withdrawn
        if (sent.negated(cue.start()) and not ended) or mode == "skip":  # not "did not lift sanctions on X"
            continue
        st = Stance.PROPOSED if mode == "proposed" else None  # "announced its intent to designate X"
        if lifted and not (
            _WAIVER_AFTER_RE.match(norm, cue.end())  # "rescinding sanctions waivers": the waiver goes, not the measure
        ):
            st = Stance.RETRACTED  # "Treasury lifted sanctions on X": withdrawn by the body that made it
        passive = sent.passive(cue)
        if cue.group(0).lower().startswith("designation"):  # "Today's designations of A, ..., as well as B and C"
            _rule_designations_of(sent, cue, st)
            continue
        auths: list[Mention | str] = list(
            sent.past_relative(
                [
                    m
                    for m in sent.before(cue.start(), AUTHORITY)
                    if not sent.is_modifier(m)
                    and not CONSULTED_RE.search(norm, max(sent.start, m.start - 60), m.start)
                    and not target_modifier(m, cue)  # "the Iran sanctions": Iran is their target
                    and not _SANCTIONS_ON_BEFORE_RE.search(norm, max(sent.start, m.start - 24), m.start)
                    and not _RESULT_CLAUSE_RE.search(norm, m.end, cue.start())  # "funds through X, which is why"
                ],
                cue.start(),
            )
        )  # "the Secretary of State, in consultation with the Secretary of the Treasury, imposed": State
        if not auths and not passive and frames.WE_RE.search(norm, sent.start, cue.start()):
            we = frames.speaker(sent)
            auths = [we] if we else []  # "We imposed sanctions against ...": the speaker
        elif not auths and not passive and sent.doc.issuer and _ISSUER_SUBJECT_RE.search(norm, sent.start, cue.start()):
            auths = [sent.doc.issuer]  # "The Department is also designating ...": the document's issuer
        elif not auths and cue.group(0).lower().startswith("target") and (agent := _unnamed_agent(sent)):
            auths = [agent]  # "Today's action targets X": the authority the release speaks for
        elif not auths and not passive and (opener := _main_subject(sent, cue)) is not None:
            auths = list(
                sent.group(opener, 1, AUTHORITY)
            )  # "In imposing sanctions on X, the Treasury Department said": the main clause's subject
        all_of = _ALL_OF_WHICH_RE.search(norm, max(sent.start, cue.start() - 40), cue.start())
        if passive or not auths:
            subs = sent.subjects_before(cue.start(), AFFECTED)
            if subs and _UNNAMED_SUBJECT_RE.search(sent.bare(subs[-1].end, cue.start())):
                subs = []  # "X called for five Chinese companies to be blacklisted": the companies, unnamed
            if subs and _PERSONAL_SUBJECT_RE.search(norm, max(sent.start, cue.start() - 40), cue.start()):
                # "X has ties to Y, and he has been sanctioned": X, the sentence's subject, not Y
                opener = sent.ms[0] if sent.ms and sent.ms[0].etype is T.PERSON else None
                subs = [opener] if opener is not None and "," not in norm[sent.start : opener.start] else []
            if subs and all_of is not None:  # "A, B, and C, all of which have been designated by ..."
                subs = sent.group(subs[-1], -1, AFFECTED)
            if not subs and (passive or _TARGETED_AFTER_RE.match(norm, cue.end())):
                subs = _listed_after_colon(sent, cue.end())  # "The recent sanctions targeted two companies ...: A, B"
            auth: Mention | str | None = sent.by_agent(cue.end(), AUTHORITY)
            before = designated_before(norm, cue.start(), cue.end(), sent.start, sent.end)
            if (
                auth is None
                and subs
                and (
                    (
                        passive
                        and (
                            before
                            or cue.group(0).lower().startswith(("designat", "identified"))
                            or _BASIS_AFTER_RE.match(
                                norm, cue.end()
                            )  # "X was sanctioned for having ...": this action's
                        )
                    )
                    or _TARGETED_AFTER_RE.match(norm, cue.end())  # "The recent sanctions targeted ...: A, B"
                )
            ):
                auth = _unnamed_agent(sent)
                if before and auth is not None and (auth.startswith("agency:us-") or auth == "country:us"):
                    auth = "country:us"  # designated before this text's action: by the United States
        else:
            auth = auths[0]
            subs = sent.objects_after(cue.end(), AFFECTED)
            if subs and AS_ROLE_RE.search(sent.bare(cue.end(), subs[0].start)):
                subs = []  # "designated as a financier of Hezbollah": the one designated is not named here
            if subs and _ALONGSIDE_RE.fullmatch(norm, cue.end(), subs[0].start):
                subs = []  # "imposed sanctions as part of the European Union": a partner or a frame, no target
            if subs and (
                QUOTE_ENDS_RE.search(norm, cue.end(), subs[0].start)
                or _SAID_GAP_RE.search(norm, cue.end(), subs[0].start)
            ):
                subs = []  # '... sanctions on Iran," said Under Secretary X': the speaker is no object
            if not subs and isinstance(auth, Mention) and (ante := _antecedent(sent, auth, cue)) is not None:
                subs = [ante]  # "Zeta Bank, which OFAC designated in 2018": the bank
            if isinstance(auth, Mention):  # "The EU, UK, Japan, and New Zealand have designated X": each
                for other in sent.group(auth, -1, AUTHORITY)[:-1]:
                    for s in subs:
                        sent.add(s, P.SANCTIONED_BY, other, cue, 0.7, stance=st)
            if subs and (post := POSSESSIVE_POST_NAMED_RE.match(norm, subs[0].end)) is not None:
                subs = sent.parties_at(post.end(), AFFECTED)  # "X's chief executive, Y": Y, not X
            if subs and PERSON_GROUP_OF_RE.search(sent.bare(cue.end(), subs[0].start)):
                # "sanctioning 12 executives of X": X itself is not sanctioned; "two subsidiaries
                # of X, A and B": A and B are
                subs = _named_members(sent, subs)
            subs = [x for x in subs if not _OWNER_OF_AFTER_RE.match(norm, x.end)]  # "Maduro's regime": not Maduro
            role = _AS_ROLE_AFTER_RE.match(norm, subs[-1].end) if subs else None
            named = [m for m in sent.after(role.start(), AFFECTED | AUTHORITY) if m.start < role.end()] if role else []
            if role and not _MEASURE_ROLE_RE.search(role[0]) and not named:
                sent.vetoed |= {frozenset((x.eid, a if isinstance(a, str) else a.eid)) for x in subs for a in auths}
                subs = []  # "designated Cham Wings as a national carrier": a role given, no sanction
        if subs and not passive:  # "... against A and B in the PRC and against C"
            more = _AND_AGAINST_RE.search(norm, subs[-1].end, sent.end)
            while more is not None and not CLAUSE_GAP_RE.search(norm, subs[-1].end, more.start()):
                extra = sent.objects_after(more.end(), AFFECTED)
                if not extra or extra[0].start != more.end():
                    break
                subs = subs + extra
                more = _AND_AGAINST_RE.search(norm, extra[-1].end, sent.end)
        adjective = norm[cue.start() - 1 : cue.start()] == "-"  # "the U.S.-designated X": not this clause's verb
        subs = sent.described_only(subs) if adjective else subs  # "the U.S.-sanctioned A and its subsidiary, B"
        if subs and not passive:  # "designating Porras's husband Gilberto Porres": the husband
            subs = [_relative(sent, x) for x in subs]
        if subs and not passive:  # "sanctioning Hizballah operatives": the operatives, not Hizballah
            held = [x for x in subs if MEMBERS_AFTER_RE.match(norm, x.end)]
            subs = [x for x in subs if x not in held]
            if held and not subs:  # "designating two Ansarallah leaders pursuant to E.O. 13611, A and B": A and B
                named = sent.after(held[-1].end, frozenset({T.PERSON}))
                subs = sent.group(named[0], 1, frozenset({T.PERSON})) if named else []
        items = _semicolon_items(sent, subs[-1]) if subs and not passive and not adjective else []
        subs = subs + items  # "designating A, a DPRK entity ...; B, a ... representative ...; and C, ..."
        if auth is not None:
            for s in subs:
                sent.add(s, P.SANCTIONED_BY, auth, cue, 0.75, stance=st)
            for other in sent.group(auth, 1, AUTHORITY)[1:] if passive and isinstance(auth, Mention) else []:
                for s in subs:  # "has been sanctioned by Britain and Canada": by each
                    sent.add(s, P.SANCTIONED_BY, other, cue, 0.7, stance=st)
            if (
                isinstance(auth, Mention)
                and (auth.etype is T.AGENCY or (auth.etype is T.ORGANIZATION and auth.how == "builtin"))  # EU Council
                and (subs or _COUNTED_RE.match(norm, cue.end()) or _ON_A_COUNTRY_RE.match(norm, cue.end()))
            ):  # "OFAC is designating four Sinaloa Cartel members", "OFAC announced sanctions on Iran": named later
                sent.doc.sanctioner = auth.eid
        far = items or DESIGNATION_TERM.search(norm, subs[-1].end, subs[-1].end + 160) if subs else None
        law = sent.law_after(subs[-1].end, within=240 if far else 80) if subs and not adjective else None
        if law is None and subs and subs[0].start > cue.end():  # "sanctions ... pursuant to E.O. 13846: A; B"
            law = sent.law_after(cue.end(), within=subs[0].start - cue.end())
        laws = [law] if law is not None else []
        if all_of is not None and subs:  # "... designated by the United States as FTOs pursuant to section 219
            laws = _laws_after(sent, cue.end())  # of the INA and as SDGT entities under E.O. 13224": both
        for law in laws:  # "designated A and B pursuant to E.O. 13382"
            for s in subs:
                sent.add(s, P.RESTRICTED_UNDER, law, cue, 0.65, stance=st or Stance.ASSERTED)


# a clause of its own between a party and the sanctions: "raise funds through the UAE, which is why today's
# sanctions against X": the UAE is no sanctioner
_RESULT_CLAUSE_RE = re.compile(r",\s*(?:which|that|this)\s+is\s+(?:why|how)\b", _I)
_SAID_GAP_RE = re.compile(r",\s*(?:said|says|told|added|noted)\b")  # "..., which worked with the FBI to issue the
# sanctions, said the action ... President Joe Biden": another clause's party
_AS_ROLE_AFTER_RE = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*,?\s+as\s+(?:a|an|the|its|their)\s+[^.;,]{1,60}")
_MEASURE_ROLE_RE = re.compile(
    r"terror|sanction|designated|concern|threat|risk|kingpin|traffick|narcotic|blocked|criminal|SDN|SDGT|FTO|TCO|"
    r"proliferat|weapons|launder|evad|support|agent|front|official|leader|member|operative|financ|facilitat|"
    r"contribut|provid|assist|associat|affiliat|backer|sponsor|prox|conduit|owned|controlled",
    _I,
)
_TARGETED_AFTER_RE = re.compile(r"\s+(?:targeted|target|targets|hit|covered|cover|covers)\b", _I)
_PERSONAL_SUBJECT_RE = re.compile(r"\b(?:he|she|they)\s+(?:has|have|had|was|were|is|are)\s+(?:[a-z]+\s+){0,2}$", _I)
_ALONGSIDE_RE = re.compile(
    r"\s+(?:as\s+(?:a\s+)?(?:part|member)\s+of|under\s+the\s+auspices\s+of|alongside|together\s+with|jointly\s+with|"
    rf"{PARTNERED}|with)\s+(?:the\s+)?",
    _I,
)
_OWNER_OF_AFTER_RE = re.compile(r"['\u2019]s?[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?(?:regime|government|family|network)\b")
_BASIS_AFTER_RE = re.compile(r"\s+(?:today\s+)?(?:for|pursuant\s+to)\b")
_COUNTED_RE = re.compile(r"\s+(?:for\s+sanctions\s+)?" + COUNTED_PARTIES_RE.pattern, _I)
# "sanctions on Iran", "sanctions against entities involved in ...": named later (not "restrictions on officials",
# nor on parties, addresses or suppliers: counted or not, those are often another body's or the measure's scope)
_ON_A_COUNTRY_RE = re.compile(
    r"\s+(?:on|against)\s+(?:the\s+)?[A-Z]|\s+(?:on|against)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:entities|individuals|persons|companies|firms|people|men|women|networks?|banks|vessels)\b"
)
_AS_WELL_AS_RE = re.compile(r"[^.;]{0,160}?,?\s+as\s+well\s+as\s+")


_ALL_OF_WHICH_RE = re.compile(r"\ball\s+of\s+(?:which|whom)\s+(?:have|has|had)\s+been\s+$", _I)


def _laws_after(sent: Sentence, pos: int) -> list[Mention]:
    """Each law named after "pursuant to" or "under" in the clause after ``pos`` (up to 200 characters)."""
    out: list[Mention] = []
    while (law := sent.law_after(pos, within=200)) is not None and law not in out:
        out.append(law)
        pos = law.end
    return out


_DESCRIPTORS_RE = re.compile(  # "former Moldovan public official", "Guatemalan Congressperson", "Vice President"
    rf"(?:(?:[a-z][\w-]*|{DEMONYM_ALT}|{PERSON_TITLE_RE.pattern}|Vice|Deputy|Former)\s+){{0,6}}"
)


def _rule_designations_of(sent: Sentence, cue: re.Match[str], stance: Stance | None = None) -> None:
    """``Today's designations of A, a leader in ..., as well as B, C, and D`` → each ``sanctioned-by``
    the authority named by the sentence (``by X``), else the one the text last named designating."""
    norm = sent.doc.norm
    gap = re.match(r"\s+of\s+(?:the\s+)?", norm[cue.end() : sent.end])
    at = cue.end() + gap.end() if gap is not None else -1
    first = sent.next_mention(at) if gap is not None else None
    if first is not None and first.start > at and not _DESCRIPTORS_RE.fullmatch(norm, at, first.start):
        first = None  # "the public designation of oligarch and former Ukrainian public official Ihor Kolomoyskyy"
    if first is not None and sent.head(first).etype is T.PERSON:
        first = sent.head(first)  # "the designations of the former Director of the X Authority Edgar Y": Y
    subs = sent.parties_at(first.start, AFFECTED) if first is not None else []
    if not subs or _PERSON_NOUN_AFTER_RE.match(norm, subs[-1].end):
        return  # "Designation of Chinese Communist Party Official": the official, not the party
    more = _AS_WELL_AS_RE.match(sent.doc.norm, subs[-1].end, sent.end)
    if more is not None:
        subs = subs + sent.parties_at(more.end(), AFFECTED)
    auth: Mention | str | None = sent.by_agent(subs[-1].end, AUTHORITY) or _announcer(sent, cue) or _unnamed_agent(sent)
    if auth is None:
        return
    for s in subs:
        sent.add(s, P.SANCTIONED_BY, auth, cue, 0.65, stance=stance)  # "revoked the designation of X": retracted
    law = sent.law_after(subs[-1].end, within=240)  # "the designation of X, former Director of Y, pursuant to"
    if law is not None:
        for s in subs:
            sent.add(s, P.RESTRICTED_UNDER, law, cue, 0.6, stance=stance or Stance.ASSERTED)


_PERSON_NOUN_AFTER_RE = re.compile(r"[ \t]+(?:officials?|leaders?|members?|executives?|officers?|operatives?)\b", _I)
# the next item of a list parted by semicolons, after the last item's description
_NEXT_ITEM_RE = re.compile(r";\s*(?:and\s+)?")


def _semicolon_items(sent: Sentence, last: Mention) -> list[Mention]:
    """The parties of a list whose items, each a party and its description, are parted by semicolons
    ("A, a DPRK entity that ...; B, a DPRK representative for ...; and C, a Russian bank ..."): each
    item starts right after a ``;`` (or ``; and``) with a party's name followed by a comma."""
    norm = sent.doc.norm
    out: list[Mention] = []
    pos = last.end
    while True:
        semi = norm.find(";", pos, sent.end)
        if semi == -1 or norm.count("(", pos, semi) != norm.count(")", pos, semi):
            return out
        gap = _NEXT_ITEM_RE.match(norm, semi)
        group = sent.parties_at(gap.end(), AFFECTED) if gap is not None else []
        if not group or not norm.startswith(",", group[-1].end):
            return out
        out.extend(group)
        pos = group[-1].end


def _listed_after_colon(sent: Sentence, pos: int) -> list[Mention]:
    """The parties of a list a colon opens after ``pos`` ("are being designated ...: A; B; and C")."""
    colon = sent.doc.norm.find(":", pos, sent.end)
    if colon == -1 or CLAUSE_GAP_RE.search(sent.doc.norm, pos, colon):
        return []
    start = _ITEM_START_RE.match(sent.doc.norm, colon)
    first = sent.next_mention(start.end()) if start else None
    if first is None or start is None or first.start != start.end() or first.etype not in AFFECTED:
        return []
    return sent.group(first, 1, AFFECTED)


_KIN_OF_RE = re.compile(rf"'s?\s+(?:{KIN})\s*,?\s*")


def _relative(sent: Sentence, m: Mention) -> Mention:
    """The relative a possessive names after ``m`` ("Porras's husband Gilberto Porres"), else ``m``."""
    kin = _KIN_OF_RE.match(sent.doc.norm, m.end)
    nxt = sent.next_mention(kin.end()) if kin is not None else None
    return nxt if nxt is not None and kin is not None and nxt.start == kin.end() and nxt.etype is T.PERSON else m


_OBJECT_RELATIVE_RE = re.compile(r"\s*,?\s*(?:which|whom)\s+$")


def _antecedent(sent: Sentence, auth: Mention, cue: re.Match[str]) -> Mention | None:
    """The party a relative clause in which ``auth`` acts is about: "X, which OFAC designated" → X."""
    before = [m for m in sent.before(auth.start, AFFECTED) if not sent.is_modifier(m)]
    if not before or not _OBJECT_RELATIVE_RE.fullmatch(sent.doc.norm, before[0].end, auth.start):
        return None
    return before[0] if re.fullmatch(r"\s+", sent.doc.norm[auth.end : cue.start()]) else None


# the body that announces or makes the designation: "The State Department announces the designation of X",
# "Treasury today made its first designations of ..." (not "welcomed the designation of": another's)
_ANNOUNCES_RE = re.compile(
    r"['’]s[ \t]+(?:[a-z]+[ \t]+)?$|"  # "the Department of State's designation of X"
    r"[ \t]+(?:(?:today|on[ \t]+[A-Z][a-z]+\.?(?:[ \t]+\d{1,2})?(?:,[ \t]+\d{4})?),?[ \t]+)?"
    r"(?:announce[sd]?|is[ \t]+announcing|has[ \t]+announced|made|makes|is[ \t]+making)[ \t]+(?:today[ \t]+)?"
    r"(?:the|its|their)[ \t]+(?:[a-z]+[ \t]+)?$"
)


def _announcer(sent: Sentence, cue: re.Match[str]) -> Mention | None:
    """The authority that announces or makes the designation ``cue`` opens, named right before it."""
    before = sent.before(cue.start(), AUTHORITY)
    if not before:
        return None
    auth = before[0]
    return auth if _ANNOUNCES_RE.fullmatch(sent.doc.norm, auth.end, cue.start()) else None


# a sentence opening with the measure as an adjunct: "In imposing sanctions on X ..., the Treasury said"
_ADJUNCT_OPENER_RE = re.compile(
    r"[\s\"\u201c]*(?:(?:In|By|After|When|While|Upon)\s+)?(?:imposing|sanctioning|designating|blacklisting)\b"
)
_MAIN_SUBJECT_BEFORE_RE = re.compile(r",\s*(?:the\s+)?$")


def _main_subject(sent: Sentence, cue: re.Match[str]) -> Mention | None:
    """The authority that is the main clause's subject when the sentence opens with the measure as an adjunct:
    "In imposing sanctions on X and its president, Y, on Thursday, the US Treasury Department alleged ..."."""
    opener = _ADJUNCT_OPENER_RE.match(sent.doc.norm, sent.start, sent.end)
    if opener is None or cue.start() > opener.end() + 1:
        return None
    for m in sent.after(cue.end(), AUTHORITY):
        if _MAIN_SUBJECT_BEFORE_RE.search(sent.doc.norm, max(sent.start, m.start - 8), m.start):
            return m
    return None


def _unnamed_agent(sent: Sentence) -> str | None:
    """Who designated when the text does not say: the authority the text last named sanctioning,
    or its open frame's, or its issuer."""
    doc = sent.doc
    return doc.frame.authority if doc.frame is not None else doc.sanctioner or doc.issuer


def _named_members(sent: Sentence, owner_group: list[Mention]) -> list[Mention]:
    """The members named right after ``<group word> of X``, or none."""
    owner = owner_group[0]
    gap = MEMBERS_GAP_RE.match(sent.doc.norm, owner.end, sent.end)
    return sent.parties_at(gap.end(), AFFECTED) if gap is not None else []


# "the U.S.-designated, IRGC-backed Persian Gulf Strait Authority"; "A, B, and C, all of which are
# U.S.-designated entities"
DESIGNATED_ADJ_RE = re.compile(
    # "the UN- and U.S.-designated X": each of two authorities, the first hyphen suspended
    r"\b(?:(?P<c0>U\.S\.|US|U\.N\.|UN)-\s+and\s+)?(?P<c>U\.S\.|US|United\s+States|U\.N\.|UN)-(?:designated|sanctioned)\b"
    # "ISIS, a designated Foreign Terrorist Organization": terms only the United States designates under
    r"|\bdesignated\s+(?=(?:(?i:(?:foreign\s+)?terrorist\s+organization)|FTO|"
    r"Specially\s+Designated\s+Global\s+Terrorist|SDGT)\b)"
    # "Mahan Air, a sanctioned Iranian airline", "X is a sanctioned firm": a US-government text's own sanctions
    r"|(?<=\ba\s)sanctioned\b(?=\s+[A-Za-z])|(?<=\bthe\s)sanctioned\b(?=\s+[A-Za-z])"
)
_ADJ_AUTHORITY = {"U.N.": "organization:un-security-council", "UN": "organization:un-security-council"}
_ADJ_TO_NAME_RE = re.compile(r"(?:\s*,?\s*[\w-]+-(?:backed|based|owned|controlled|linked))*\s*,?\s*(?:the\s+)?")
_WHICH_ARE_RE = re.compile(
    r"\s*,?\s*(?:all\s+of\s+(?:which|whom)\s+are|(?:which|who)\s+(?:is|are)(?:\s+an?)?|(?:is|was)\s+an?|an?|the)\s+$",
    _I,
)


def rule_designated_adjective(sent: Sentence) -> None:
    norm = sent.doc.norm
    for hit in DESIGNATED_ADJ_RE.finditer(norm, sent.start, sent.end):
        auth = _ADJ_AUTHORITY.get(hit.group("c") or "", "country:us")
        gap = _ADJ_TO_NAME_RE.match(norm, hit.end(), sent.end)
        nxt = sent.next_mention(gap.end()) if gap else None
        if nxt is not None and gap is not None and nxt.start == gap.end() and nxt.etype in AFFECTED:
            first = [_ADJ_AUTHORITY.get(hit.group("c0"), "country:us")] if hit.group("c0") else []
            for by in dict.fromkeys([*first, auth]):
                sent.add(nxt, P.SANCTIONED_BY, by, (hit.start(), nxt.end), 0.65, stance=Stance.ASSERTED)
            continue
        which = _WHICH_ARE_RE.search(norm, max(sent.start, hit.start() - 40), hit.start())
        if which is None:
            continue
        before = [m for m in sent.before(which.start() + 1, AFFECTED) if not sent.is_modifier(m)]
        if before and which.start() - before[0].end <= 3:
            for m in sent.group(before[0], -1, AFFECTED):
                sent.add(m, P.SANCTIONED_BY, auth, (m.start, hit.end()), 0.6, stance=Stance.ASSERTED)


# the action's parties listed as what it includes: "The designations include former official X and Y Ltd.", "Officials
# said the new targets include A, B and C"
_INCLUDE_RE = re.compile(
    r"\b(?:the|today's|these|this\s+week's|(?-i:[A-Z][\w-]*))\s+(?:new\s+|latest\s+|other\s+)?"  # "RT designees"
    r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"  # "The six sanctioned companies are: A, B"
    r"(?:designations|designees|targets|(?:sanctioned|designated)\s+(?:entities|individuals|persons|parties|companies"
    r"|firms)|(?=sanctions\s+(?:also\s+)?target)sanctions)\s+"  # "The sanctions target A and B"
    r"(?:also\s+)?(?:include|includes|included|target|targeted|are\s*:|were\s*:|appl(?:y|ies)\s+to)"
    r"(?:\s*,\s*among\s+others\s*,)?\s+",  # "These designations include, among others, A; B; and C"
    _I,
)


_UNNAMED_TARGETS_RE = re.compile(
    r"^(?:(?!\b(?:including|such\s+as|namely)\b)[^:])*\b(?:officials|entities|individuals|persons|companies|firms)\b"
    r"(?:(?!\b(?:including|such\s+as|namely)\b)[^:])*$",
    _I,
)


def rule_designations_include(sent: Sentence) -> None:
    """``the designations include A and B`` → each sanctioned by the authority the text speaks for."""
    norm = sent.doc.norm
    for hit in _INCLUDE_RE.finditer(norm, sent.start, sent.end):
        if sent.negated(hit.start()) or sent.irrealis(hit.start()):
            continue
        subs = sent.objects_after(hit.end(), AFFECTED)
        if subs and _UNNAMED_TARGETS_RE.search(sent.bare(hit.end(), subs[0].start)):
            continue  # "The designations target officials and entities playing key roles in disrupting EU border ..."
        auth = _unnamed_agent(sent) if subs and subs[0].start - hit.end() <= 60 else None
        if auth is None:
            continue
        subs = subs + _semicolon_items(sent, subs[-1])  # "X designees include A, the ...; B, the ...; and C, ..."
        for m in subs:
            sent.add(m, P.SANCTIONED_BY, auth, (hit.start(), m.end), 0.6)
