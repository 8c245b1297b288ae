"""Mentions: where the text names which entity, found once per document.

:class:`Doc` runs the gazetteer (the caller's known entities, then :mod:`extract.builtin`) and the
patterns of :mod:`extract.patterns` over the folded text, keeps one mention per span (leftmost
wins; at one start the gazetteer, then the longest), turns an unnamed bill into a law, and finds
aliases again everywhere: acronyms and defined terms (``Bureau of Industry and Security (BIS)``,
``(together with Kaspersky Lab, Inc., "Kaspersky")``), short forms (``Kaspersky`` for the first
firm named ``Kaspersky ...``) and bare law titles. It also holds the entities the mentions refer
to and the running state the rules share across sentences (last firm named, last reporter).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from reference import registry
from reference.cities import place_country
from reference.countries import country_id
from schema.models import Entity, slug
from schema.ontology import EntityType

from . import addresses, doclaw, known_as, names, scripts, sdn_entries, towns
from .builtin import builtin, demonyms
from .conjoined import group_name
from .cues import REGULATOR_NAMED_RE
from .docstate import DocState
from .firm_parts import firm_parts
from .foreign import foreign_body, foreign_civil_body, foreign_owner
from .gazetteer import Gazetteer, trie_pattern
from .headings import in_heading
from .initialisms import abbreviates_country, initialisms, initials_follow
from .legal_forms import legal_form_last, legal_tail
from .metonyms import capitals
from .names import surname_alone
from .patterns import (
    AGENCY_OF_RE,
    AGENCY_TAIL_RE,
    AGENCY_US_RE,
    ALIAS_STOP,
    ARMED_GROUP_OF_RE,
    BANK_OF_COUNTRY_RE,
    BILL_RE,
    BODY_OF_BEFORE_RE,
    BODY_OF_COUNTRY_RE,
    CAMEL_PRODUCT_RE,
    COUNTRY_CODE_BEFORE_RE,
    DEMONYM_ALT,
    DEMONYM_GOV_RE,
    DESIGNATION_TERM,
    FIRM_COMMA_RE,
    FIRM_FORM_NAME_RE,
    FIRM_FORM_RE,
    FIRM_RE,
    FIRM_SUFFIX,
    GROUP_AFTER_RE,
    GROUP_BEFORE_RE,
    HEADLINE_VERB,
    LAW_ACT_RE,
    LAW_ENFORCEMENT_ORDER_RE,
    LAW_ORDER_RE,
    LAW_REGULATIONS_RE,
    NAME_PARTICLES,
    NAME_STOP,
    NAME_TOKEN_RE,
    NUMBERED_UNIT_RE,
    OF_ANOTHER_BODY_RE,
    ON_A_DAY_RE,
    PARTICLE_NAME_RE,
    PARTY_STATE,
    PERSON_TITLE_RE,
    PLURAL_BEFORE_RE,
    PLURAL_OF_RE,
    QUOTED_PRODUCT_RE,
    RANSOMWARE_RE,
    SECTION_OF_RE,
    SURNAME_TITLE_RE,
    THREAT_GROUP_RE,
    UNDER_IN_TITLE_RE,
    firm_name_start,
    numbered_laws,
    units_after,
)
from .personal import name_before_and, person_shaped
from .shorts import anywhere, as_parties, short_forms
from .spans import Mention, overlaps, resolve, within

T = EntityType

AFFECTED = frozenset({T.FIRM, T.PERSON, T.ORGANIZATION, T.PRODUCT, T.ASSET})  # the roles a type can play in a claim
AUTHORITY = frozenset({T.AGENCY, T.COUNTRY, T.ORGANIZATION})
SPEAKERS = frozenset({T.AGENCY, T.COUNTRY, T.ORGANIZATION, T.PERSON, T.FIRM})
_US = country_id("US")


@dataclass
class Ent:
    """An entity of the document: known, built-in or found by a pattern (a new candidate)."""

    id: str
    type: EntityType
    name: str
    how: str
    entity: Entity | None = None
    aliases: list[str] = field(default_factory=list)
    country: str | None = None


_ACRONYM_RE = re.compile(  # "Bureau of Industry and Security (BIS)", "... Co. Ltd., (Huaxing)"
    r"[ \t]*,?[ \t]*\([ \t]*(?:the[ \t]+)?\"{0,2}'{0,2}"
    r"([A-Z][A-Za-z0-9&.-]{1,15}?(?:[ \t][A-Z][A-Za-z0-9&-]{1,15}){0,2})"
    r"'{0,2}\"{0,2}[ \t]*\)"
)
_LAW_LIST_GAP_RE = re.compile(r"[ \t]*(?:\([ \t]*[A-Z][A-Za-z0-9&.-]{1,15}[ \t]*\)|\))?[ \t]*")
_LIST_WORDS_RE = re.compile(r"(?:Entity|Sanctions?|Covered)?[ \t]*List")
_DEFINITION_RE = re.compile(r"\(([^()\n]{0,300}?)(?:\"{1,2}|'')([A-Z][^\"'()\n]{0,40}?)(?:\"{1,2}|'')[ \t]*\)")


class Doc(DocState):
    """Mentions, entities and running state (last firm named, last reporter) of one text."""

    def __init__(self, text: str, norm: str, known: list[Entity]) -> None:
        self.text = text
        self.norm = norm
        self.known_ids = {e.id for e in known}
        self.gazetteer = Gazetteer([*known, *builtin()])
        self.ents: dict[str, Ent] = {}
        self.mentions: list[Mention] = []
        DocState.__init__(self)
        self.other_names: list[tuple[str, str, int, int]] = []  # (name kept, other name, span): "X, also known as Y"
        self.state_bodies: set[str] = set()  # organizations named as a foreign state's bodies (extract.bodies)
        self.addresses: dict[int, tuple[int, str]] = {}  # a party's address: its name's end → (end, country)
        self._entity_cache: dict[tuple[EntityType, str], str] = {}
        for e in [*known, *builtin()]:
            if e.id not in self.ents:
                how = "known" if e.id in self.known_ids else "builtin"
                self.ents[e.id] = Ent(e.id, e.type, e.name, how, e, country=e.country)

    def entity_for(self, etype: EntityType, surface: str) -> str:
        key = (etype, surface)
        if key not in self._entity_cache:
            self._entity_cache[key] = self._entity_for(etype, surface)
        return self._entity_cache[key]

    def _entity_for(self, etype: EntityType, surface: str) -> str:
        name = " ".join(surface.split()).strip(" ,;")
        if etype is T.AGENCY:  # "U.S. National Security Agency" is the NSA named
            name = _US_BEFORE_RE.sub("", name, count=1)
        hit = self.gazetteer.lookup(name)
        if hit is not None and hit.type is etype:
            return hit.id
        bare = _DEMONYM_BEFORE_RE.sub("", name, count=1)  # "Russian Federal Security Service" is the FSB named
        hit = self.gazetteer.lookup(bare) if bare != name and etype in AUTHORITY else None
        if (
            hit is not None
            and hit.type in {T.AGENCY, T.ORGANIZATION}
            and demonyms().get(name.split()[0]) == (f"country:{hit.country.lower()}" if hit.country else None)
        ):
            return hit.id
        eid = f"{etype.prefix}:{slug(name)}"
        ent = self.ents.get(eid)
        if ent is None:
            self.ents[eid] = Ent(eid, etype, name, "pattern")
        elif ent.how == "pattern" and len(name) > len(ent.name):
            ent.name = name
        return eid

    def how(self, eid: str) -> str:
        return self.ents[eid].how

    # mentions ---------------------------------------------------------------------------------

    def find_mentions(self) -> None:
        norm = self.norm
        cands: list[Mention] = []
        for hit in self.gazetteer.finditer(norm):
            if hit.entity.type is T.AGENCY and _COMMITTEE_AFTER_RE.match(norm, hit.end):
                continue  # "the Commerce Committee's Subcommittee": a committee of Congress, not the department
            how = "known" if hit.entity.id in self.known_ids else "builtin"
            town = towns.state_after(norm, hit.end) if hit.entity.type is T.COUNTRY else None
            if town is not None:  # "Malta, New York": a town in the United States
                cands.append(Mention(hit.start, town, _US, T.COUNTRY, "builtin"))
                continue
            cands.append(Mention(hit.start, hit.end, hit.entity.id, hit.entity.type, how))
        cands.extend(Mention(*capital, "builtin") for capital in capitals(norm))  # "Washington accused Tehran"

        def add(start: int, end: int, etype: EntityType, surface: str | None = None, state: bool = False) -> None:
            eid = self.entity_for(etype, surface if surface is not None else norm[start:end])
            if etype is T.ORGANIZATION and (state or foreign_civil_body(self.ents[eid].name)):
                self.state_bodies.add(eid)
            cands.append(Mention(start, end, eid, self.ents[eid].type, self.ents[eid].how))

        # a list's or an agency's name the firm pattern ran over: "added to the Entity List Alpha Tech Co."
        lead_ends = {c.start: c.end for c in cands if c.etype in {T.LIST, T.AGENCY}}
        # a legal form its name follows ("Russian Private Military Company 'Wagner'"): that mention, not the form
        form_ends = {f.end() for f in FIRM_FORM_RE.finditer(norm) if FIRM_FORM_NAME_RE.match(norm, f.end())}
        for m in FIRM_RE.finditer(norm):
            plural = bool(PLURAL_BEFORE_RE.search(norm, max(0, m.start() - 60), m.start()))
            for a, b in firm_parts(m.group(0), plural):
                a = firm_name_start(norm, m.start(), a, b)  # not "Commerce Designated AO", "a North Korean"
                if _GENERIC_FIRM_RE.fullmatch(m.group(0), a, b) or (
                    in_heading(norm, m.start() + a) and towns.place_described(norm, m.group(0)[a:b], m.start())
                ):
                    continue  # "Trading Company", "the Indonesian Company", "Staten Island Company Pays": no name
                if m.start() + b in form_ends or BODY_OF_BEFORE_RE.search(
                    norm, max(0, m.start() + a - 24), m.start() + a
                ):
                    continue  # "Main Centre for Special Technologies": a body's name, not a firm's
                lead = lead_ends.get(m.start() + a)
                if lead is not None and lead < m.start() + b:
                    rest = m.group(0)[lead - m.start() : b]
                    a = b - len(rest.lstrip())
                group = GROUP_BEFORE_RE.search(norm, max(0, m.start() + a - 60), m.start() + a)  # "cyber group X Group"
                group = group or RANSOMWARE_RE.search(m.group(0), a, b)  # "the LockBit Ransomware Group"
                group = group or GROUP_AFTER_RE.match(norm, m.start() + b)  # "X Group, the ... cybercrime organization"
                add(m.start() + a, legal_tail(norm, m.start() + b), T.ORGANIZATION if group else T.FIRM)  # "X FZE"
        for m in FIRM_COMMA_RE.finditer(norm):
            add(m.start(), m.end(), T.FIRM)
        for m in FIRM_FORM_RE.finditer(norm):
            name = FIRM_FORM_NAME_RE.match(norm, m.end())
            if name is not None:
                military = m.group(0).startswith("Private")  # a private military company is an armed group
                add(m.start(), name.end(), T.ORGANIZATION if military else T.FIRM)
        for m in AGENCY_OF_RE.finditer(norm):
            if (
                in_heading(norm, m.start())
                and not self.gazetteer.lookup(m.group(0))
                and PLURAL_OF_RE.search(m.group(0))
            ):
                continue  # "OFAC Sanctions Russian Network of Banks, ...": a headline's words, no body's name
            prefix = COUNTRY_CODE_BEFORE_RE.search(norm, max(0, m.start() - 8), m.start())
            code = registry().countries.code(prefix.group(1)) if prefix else None
            if prefix is not None and code is not None and code != "US":  # "DPRK Ministry of Rocket Industry"
                add(prefix.start(1), m.end(), T.ORGANIZATION, state=True)
                continue
            foreign = foreign_body(m.group(0)) or foreign_owner(norm, m.start())
            add(m.start(), m.end(), T.ORGANIZATION if foreign else T.AGENCY, state=foreign)
        for m in AGENCY_US_RE.finditer(norm):
            add(m.start(), m.end(), T.AGENCY)
        for m in REGULATOR_NAMED_RE.finditer(norm):  # "Swedish telecom regulator PTS": a state's body
            us = m.group("d") in {"U.S.", "US", "American"}
            add(m.start("n"), m.end("n"), T.AGENCY if us else T.ORGANIZATION, state=not us)
        for a, b in units_after(norm, [c.end for c in cands if c.etype is T.AGENCY and c.how != "pattern"]):
            add(a, b, T.AGENCY)  # "FCC Enforcement Bureau": a unit of the body named before it
        for m in ARMED_GROUP_OF_RE.finditer(norm):  # "Revolutionary Armed Forces of Colombia": a group
            add(m.start(), m.end(), T.ORGANIZATION)
        for m in BODY_OF_COUNTRY_RE.finditer(norm):  # "Atomic Energy Organization of Iran"
            code = registry().countries.code(re.sub(r"^the\s+", "", m.group("c")))
            if code is not None and len(m.group("c")) >= 4:
                add(m.start(), m.end(), T.AGENCY if code == "US" else T.ORGANIZATION, state=True)
        for m in BANK_OF_COUNTRY_RE.finditer(norm):  # "Bank of China": a bank, not China ("Central Bank of X" is not)
            if m.group("w") in {None, "The"} and registry().countries.code(m.group("c")) is not None:
                add(m.start("b"), m.end(), T.FIRM)
        for m in AGENCY_TAIL_RE.finditer(norm):
            if in_heading(norm, m.start()) and not self.gazetteer.lookup(m.group(0)):
                continue  # "FCC Revokes China Telecom America's Telecommunications Services Authority"
            state = foreign_body(m.group(0)) or foreign_owner(norm, m.start())
            # "U.S. Cyber Command": one mention, the "U.S." no country of its own
            us = not state and not m.group("org") and m.start() >= 5 and norm.startswith("U.S. ", m.start() - 5)
            head = norm.rfind(" ", m.start(), m.end()) + 1
            of = None if m.group("org") or OF_ANOTHER_BODY_RE.match(norm, head) else AGENCY_OF_RE.match(norm, head)
            end = m.end() if of is None else of.end()  # "Federal Office for Information Security" is one name
            add(m.start() - 5 * us, end, T.ORGANIZATION if state or m.group("org") else T.AGENCY, state=state)
        for start, end, law in numbered_laws(norm):  # "Executive Order 13873", "General License 85"
            add(start, end, T.LAW, law)
        for m in LAW_ACT_RE.finditer(norm):
            under = UNDER_IN_TITLE_RE.search(m.group(0))  # a headline's "Takes First Actions Under X Act"
            if under is not None and not initials_follow(norm, m.group(0), m.end()):
                add(m.start() + under.end(), m.end(), T.LAW)
                continue
            add(m.start(), m.end(), T.LAW)
            sec = SECTION_OF_RE.search(norm, max(0, m.start() - 40), m.start())
            if sec is not None:  # "pursuant to section 219 of the Immigration and Nationality Act": that section
                add(sec.start("s"), m.end(), T.LAW, f"{norm[sec.start('s') : m.start()].strip()} {m.group(0)}")
        for m in LAW_REGULATIONS_RE.finditer(norm):
            if len(m.group(0).split()) >= 3:  # not "Federal Regulations" alone
                add(m.start(), m.end(), T.LAW)
        for m in LAW_ORDER_RE.finditer(norm):
            if not LAW_ENFORCEMENT_ORDER_RE.search(norm, max(0, m.start() - 30), m.start() + 5):
                add(m.start(), m.end(), T.LAW)  # not "Withhold Release Order on Silica": that order is named before
        for m in LAW_ENFORCEMENT_ORDER_RE.finditer(norm):
            add(m.start(), m.end(), T.LAW)
        for m in DEMONYM_GOV_RE.finditer(norm):
            cid = demonyms()[m.group("d")]
            cands.append(Mention(m.start(), m.end(), cid, T.COUNTRY, self.ents[cid].how))
        for m in CAMEL_PRODUCT_RE.finditer(norm):
            add(m.start(), m.end(), T.PRODUCT)
        groups = list(THREAT_GROUP_RE.finditer(norm))  # "APT40": a cyber threat group
        spelled = {re.sub(r"\D", "", g.group(0)): " ".join(g.group(0).split()) for g in groups if g.group(0)[1] != "P"}
        for m in groups:  # "APT 29" after "Advanced Persistent Threat 29": the one group, by its longest name
            add(m.start(), m.end(), T.ORGANIZATION, spelled.get(re.sub(r"\D", "", m.group(0))))
        for m in NUMBERED_UNIT_RE.finditer(norm):  # "Center 16 of the FSB"
            add(m.start(), m.end(), T.AGENCY)
        for m in QUOTED_PRODUCT_RE.finditer(norm):  # '"Snake" malware': the name inside the quotation marks
            add(m.start("n"), m.end("n"), T.PRODUCT)
        for a, b in scripts.firm_spans(norm):  # "安洵信息技术有限公司", "ООО «Вектор»"
            add(a, b, T.FIRM)
        for a, b, etype, label in sdn_entries.names(norm):  # "LI, Hong Ri (...), China; ... [DPRK3]"
            add(a, b, etype, label)
        cands.extend(self._persons(cands))
        for a, b in initialisms(norm):  # "Islamic State of Iraq and Syria (ISIS)": one body, not Syria
            if DESIGNATION_TERM.fullmatch(norm, a, b):
                continue  # "a designated Foreign Terrorist Organization (FTO)": what a party is designated as
            inside = [c for c in cands if c.start < b and a < c.end]
            if any(
                (c.etype is not T.COUNTRY and c.how != "pattern") or (c.start, c.end) == (a, b) or c.end > b
                for c in inside
            ):
                continue  # a known body, or the same span: named already
            typed = names.type_of(norm, (a, b))
            if any(c.etype is T.FIRM for c in inside) and not group_name(norm[a:b]):
                typed = T.FIRM  # "Islamic Republic of Iran Shipping Lines (IRISL)": "Iran Shipping" was its end
            elif (inside or group_name(norm[a:b])) and typed in {None, T.FIRM}:
                if not legal_form_last(norm[a:b]):  # "... of Iraq and Syria": a body named after its
                    typed = T.ORGANIZATION  # countries; "al-Qa'ida in the Islamic Maghreb (AQIM)": a group
            if typed is not None:
                add(a, b, typed)
        # "China National ... Corporation" is a firm, "Iran, North Korea, and Syria ... Act" a law
        named: dict[int, int] = {}
        for c in cands:
            if c.how == "pattern" and (c.etype in {T.FIRM, T.LAW, T.ORGANIZATION} or norm.startswith("U.S. ", c.start)):
                named[c.start] = max(named.get(c.start, 0), c.end)
        cands = [c for c in cands if not (c.etype is T.COUNTRY and named.get(c.start, 0) > c.end)]
        self.mentions = resolve(cands)
        self._names()  # names no pattern knows, typed by their context
        self._bills()
        self._aliases()
        self._aliases(only_new=True)  # acronyms after an alias: "Binding Operational Directive (BOD)"
        doclaw.attach(self)
        known_as.merge(self)
        self._law_lists()
        into = scripts.renamed(self.norm, [(m.start, m.end, m.eid, m.etype is T.FIRM) for m in self.mentions])
        self.mentions = [Mention(m.start, m.end, into.get(m.eid, m.eid), m.etype, m.how) for m in self.mentions]
        self.addresses = addresses.find(self)  # "A, Room 1203, ..., Hong Kong; and B": no names inside

    def _law_lists(self) -> None:
        """A list named after a law ("UFLPA Entity List") is its own, not the Entity List the gazetteer knows."""
        out: list[Mention] = []
        for m in self.mentions:
            law = out[-1] if out else None
            if (
                m.etype is T.LIST
                and law is not None
                and law.etype is T.LAW
                and _LAW_LIST_GAP_RE.fullmatch(self.norm, law.end, m.start)
                and _LIST_WORDS_RE.fullmatch(self.norm, m.start, m.end)
            ):
                name = f"{self.ents[law.eid].name} {' '.join(self.norm[m.start : m.end].split())}"
                eid = self.entity_for(T.LIST, name)
                start = law.start
                if len(out) > 1 and out[-2].eid == law.eid and "(" in self.norm[out[-2].end : law.start]:
                    out.pop()  # "... Act (UFLPA) Entity List": from the law's full name
                    start = out[-1].start
                out[-1] = Mention(start, m.end, eid, T.LIST, self.ents[eid].how)
                continue
            out.append(m)
        self.mentions = out

    def _persons(self, cands: list[Mention]) -> list[Mention]:
        """``Secretary of Homeland Security Elaine Duke`` → Person ``Elaine Duke``."""
        taken = sorted((m.start, m.end) for m in cands if m.how != "pattern")
        width = max((e - b for b, e in taken), default=0)
        out: list[Mention] = []
        single: list[re.Match[str]] = []
        for tm in PERSON_TITLE_RE.finditer(self.norm):
            pos, run = tm.end(), list[re.Match[str]]()
            for _ in range(12):
                tok = NAME_TOKEN_RE.match(self.norm, pos)
                if tok is None or ON_A_DAY_RE.match(self.norm, pos):
                    break  # "Rep. Mike Gallagher on Tuesday": a date, not the title's body
                if tok.group(2) and _HEADLINE_VERB_RE.fullmatch(tok.group(2)):
                    break  # "Rep. Jim Banks Introduces 5 Bills": a headline's verb ends the name
                if (
                    run
                    and run[-1].group(1) == "and"
                    and tok.group(2)
                    and PERSON_TITLE_RE.match(self.norm, tok.start(2))
                ):
                    run.pop()  # "Director A and Ambassador B": the next title's name is its own
                    break
                run.append(tok)
                pos = tok.end()
            names: list[re.Match[str]] = []
            for tok in reversed(run):  # the capitalised tail after the last connector
                if tok.group(1):
                    break
                names.append(tok)
            names.reverse()
            names = name_before_and(run, names)  # "CEO Andrey Kostin and Transneft", "CEO A B and C D"
            while names and PERSON_TITLE_RE.fullmatch(names[0].group(2)):  # "X and Senator Rubio": another title
                names = names[1:]
            names = [t for t in names if not overlaps(taken, t.start(2), t.end(), width)]
            cut = max((k + 1 for k, t in enumerate(names) if t.group(2) in NAME_STOP), default=0)
            names, words = names[cut:], [t.group(2) for t in names[cut:]]  # "President of the Republic X Y": X Y
            after_of = len(run) > len(names) and run[-len(names) - 1].group(1) is not None if names else False
            if not cut and len(words) == 1 and after_of:
                continue  # "Minister of Finance, X": the title's body, no family name
            if not cut and len(words) == 1 and SURNAME_TITLE_RE.fullmatch(tm.group()) and surname_alone(words[0]):
                single.append(names[0])  # "President Biden", "Secretary of State Blinken": the family name alone
                continue
            if len(words) < 2 or (cut and not person_shaped(" ".join(words[-4:]))):
                continue  # "Vice President of the Supreme Court", "Director of National Intelligence Threat Assessment"
            keep = (
                names[-3:]
                if len(words) >= 3 and (words[-2].endswith(".") or words[-2] in NAME_PARTICLES)
                else names[-2:]
            )
            for k in range(max(0, len(names) - 4), len(names) - 2):  # "Maria Consuelo Porras Argueta": all of it
                if person_shaped(" ".join(words[k:]), titled=True):
                    keep = names[k:]
                    break
            start, end = keep[0].start(2), keep[-1].end()
            particle = PARTICLE_NAME_RE.match(self.norm, end)  # "... Argueta de Porres"
            end = particle.end() if particle is not None else end
            eid = self.entity_for(T.PERSON, self.norm[start:end])
            out.append(Mention(start, end, eid, T.PERSON, self.ents[eid].how))
        fuller = {self.ents[m.eid].name.split()[-1]: m.eid for m in out}  # "President Joe Biden" ... "President Biden"
        for tok in single:
            eid = fuller.get(tok.group(2)) or self.entity_for(T.PERSON, tok.group(2))
            out.append(Mention(tok.start(2), tok.end(), eid, T.PERSON, self.ents[eid].how))
        return sorted(out, key=lambda m: m.start)

    def _names(self) -> None:
        """Names the text types by their context (:mod:`extract.names`) fill the gaps."""
        found = names.find(self.norm, [(m.start, m.end, m.etype) for m in self.mentions])
        if not found:
            return
        extra = []
        for start, end, etype in found:
            eid = self.entity_for(etype, self.norm[start:end])
            if etype is T.ORGANIZATION and foreign_civil_body(self.ents[eid].name):
                self.state_bodies.add(eid)
            extra.append(Mention(start, end, eid, etype, self.ents[eid].how))
        kept = [m for m in self.mentions if not names.covered([(x.start, x.end) for x in extra], m.start, m.end)]
        self.mentions = sorted(kept + extra, key=lambda m: m.start)  # "China" inside "China Unicom Americas"

    def _index(self) -> list[int]:
        return [m.start for m in self.mentions]

    def _bills(self) -> None:
        """An unnamed bill becomes the Law ``bill targeting <first product/firm after it>``."""
        if not self.mentions:
            return
        starts = self._index()
        extra: list[Mention] = []
        own_law = doclaw.main_law_name(self.norm) is not None
        for m in BILL_RE.finditer(self.norm):
            if own_law and doclaw.ANAPHOR_RE.match(self.norm, m.start()):
                continue  # "the following bill" is the law the text is about (extract.doclaw)
            end = m.end()
            stop = self.norm.find(".", end, end + 300)
            stop = stop if stop != -1 else end + 300
            near = within(self.mentions, starts, m.start() - 200, stop)
            if any(x.etype is T.LAW and x.start < end and m.start() < x.end for x in near):
                continue
            target = next((x for x in near if x.start >= end and x.etype in AFFECTED), None)
            if target is None:
                continue
            name = f"bill targeting {self.ents[target.eid].name}"
            eid = self.entity_for(T.LAW, name)
            extra.append(Mention(end - 4, end, eid, T.LAW, "pattern"))
        if extra:
            self.mentions = resolve(self.mentions + extra)

    def _aliases(self, only_new: bool = False, after: str = "alias") -> None:
        """Acronyms, defined terms, short forms and bare law titles, found again everywhere.
        With ``only_new``: just acronyms that follow a mention found as ``after`` (an alias, or a
        pattern: the names typed by their context) and are not known yet."""
        norm = self.norm
        starts = self._index()
        aliases: dict[str, str] = {}
        for m in self.mentions:
            if only_new and m.how != after:
                continue
            a = _ACRONYM_RE.match(norm, m.end)
            if a and (
                _PARTY_STATE_RE.fullmatch(a.group(1))
                or (m.etype is T.COUNTRY and not abbreviates_country(norm, m, a.group(1)))
            ):
                continue  # "Chris Smith (R-NJ)": a lawmaker's party; "Commission on China (CECC)": not China's
            if (
                a
                and any(x.etype is not m.etype for x in within(self.mentions, starts, a.start(1), a.end(1)))
                and not _shares_word(a.group(1), self.ents[m.eid].name)
            ):
                continue  # "CRYSTAL (Vast Mighty Limited)": a vessel's owner, named in its own right, not an alias
            if a is None and m.etype in {T.AGENCY, T.ORGANIZATION}:  # "Federal Office for ... Security, BSI, is"
                a = names.APPOSED_ACRONYM_RE.match(norm, m.end)
            if a and self._free_alias(a.group(1), m.eid):
                if not (only_new and a.group(1) in self.ents[m.eid].aliases):
                    aliases.setdefault(a.group(1), m.eid)
            number = _PUBLIC_LAW_AFTER_RE.match(norm, m.end) if m.etype is T.LAW else None
            if number is not None:  # "the X Act of 2019 (P.L. 116-124)": the act by its public law number
                aliases.setdefault(f"P.L. {number.group(1)}", m.eid)
                aliases.setdefault(f"Public Law {number.group(1)}", m.eid)
        if only_new:
            if aliases:
                self._find_aliases(aliases)
            return
        for d in _DEFINITION_RE.finditer(norm):
            i = bisect.bisect_right(starts, d.start()) - 1
            if i >= 0 and self.mentions[i].end > d.start():
                continue  # the parenthesis is part of a name ("Executive Order (E.O.) 13873")
            inside = within(self.mentions, starts, d.start(), d.start(2))
            before = [x for x in self.mentions[max(0, i) : i + 1] if 0 <= d.start() - x.end <= 3]
            owners = inside or before
            term = " ".join(d.group(2).split())
            if owners and owners[-1].etype is not T.LAW and self._free_alias(term, owners[-1].eid):
                aliases[term] = owners[-1].eid  # an explicit definition beats a short form
        first_seen: dict[str, int] = {}
        for m in self.mentions:
            first_seen.setdefault(m.eid, m.start)
        shorts = short_forms(
            norm, [self.ents[e] for e in sorted(first_seen, key=first_seen.__getitem__)], self._free_alias
        )
        for term, eid in shorts.items():
            aliases.setdefault(term, eid)
        # a short form, or a name defined after one that shares a word with it ("Private Military Company
        # 'Wagner' (Wagner Group)"; not "Apex Limited (LILY)", a vessel it owns)
        defined = {t: e for t, e in aliases.items() if _shares_word(t, self.ents[e].name)}
        bare = anywhere(shorts, self.ents)  # "Huawei Technologies" in a headline above the full name
        forms, every = {**defined, **shorts}, (set(defined) - set(shorts)) | bare
        self.mentions, moved = as_parties(self.mentions, self.norm, self.ents, forms, first_seen, every)
        if aliases:  # a form an absorbed name claimed goes with it ("Huawei" of "Huawei Technologies" above)
            self._find_aliases({t: moved.get(e, e) for t, e in aliases.items()}, shorts=set(shorts))

    def _find_aliases(self, aliases: dict[str, str], shorts: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        """Every occurrence of the ``aliases``; a short form (``Omega`` for ``Omega Tanker Co.``)
        only where no other capitalised word follows it (``Omega Shipping`` is another name)."""
        norm = self.norm
        for term, eid in aliases.items():
            if term not in self.ents[eid].aliases and term != self.ents[eid].name:
                self.ents[eid].aliases.append(term)
        folded = {k.lower(): v for k, v in aliases.items()}
        single = [a for a in aliases if len(a.split()) == 1]
        multi = [a.lower() for a in aliases if len(a.split()) > 1]
        found: list[Mention] = []
        for words, flags in ((single, ""), (multi, "(?i)")):
            if not words:
                continue
            regex = re.compile(flags + r"(?<![\w.])(?:" + trie_pattern(words) + r")(?![\w])")
            for hit in regex.finditer(norm):
                key = " ".join(hit.group(0).split())
                eid_hit = aliases.get(key) or folded.get(key.lower())
                if key in shorts and (
                    _NAME_GOES_ON_RE.match(norm, hit.end())
                    or _OF_BEFORE_RE.search(norm, max(0, hit.start() - 40), hit.start())
                ):
                    continue  # "Omega Shipping", "the Strait of Hormuz": another name
                if (
                    key in shorts
                    and _IN_PLACE_RE.search(norm, max(0, hit.start() - 12), hit.start())
                    and place_country(key)
                ):
                    continue  # "Shanghai Micro Electronics Co., Ltd., based in Shanghai": the city
                if (
                    key in shorts
                    and eid_hit is not None
                    and self.ents[eid_hit].type is T.PERSON
                    and (_NAME_BEFORE_RE.search(norm, max(0, hit.start() - 30), hit.start()))
                ):
                    continue  # "López" inside "Saúl Páez López" is another person's name
                if eid_hit is not None:
                    found.append(Mention(hit.start(), hit.end(), eid_hit, self.ents[eid_hit].type, "alias"))
        self.mentions = resolve(self.mentions + found, keep_existing=True)

    def _free_alias(self, term: str, eid: str) -> bool:
        other = self.gazetteer.lookup(term)
        return (other is None or other.id == eid) and term.lower() not in ALIAS_STOP


_HEADLINE_VERB_RE = re.compile(HEADLINE_VERB)
_PARTY_STATE_RE = re.compile(PARTY_STATE)  # "(R-NJ)", "(R-Fla.)": a US lawmaker's party and state


def _shares_word(term: str, name: str) -> bool:
    words = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", name)}
    return any(w.lower() in words for w in re.findall(r"[^\W\d_]{4,}", term))


_PUBLIC_LAW_AFTER_RE = re.compile(
    r"[ \t]*\([ \t]*(?:P\.[ \t]?L\.|Pub\.[ \t]?L\.(?:[ \t]No\.)?|Public[ \t]Law)[ \t]*(\d{2,3}-\d{1,4})"
)
_DEMONYM_BEFORE_RE = re.compile(rf"^(?:{DEMONYM_ALT})[ \t]+(?=[A-Z][\w-]*[ \t]+\w)")
_US_BEFORE_RE = re.compile(r"^U\.S\.[ \t]+(?=[A-Z][\w-]*[ \t]+\w)")  # a US body's name after "U.S." (two words or more)
_NAME_BEFORE_RE = re.compile(rf"(?<![\w.])(?!(?:{PERSON_TITLE_RE.pattern})[ \t])[A-ZÀ-ÖØ-Þ][^\W\d_]+[ \t]+$")
_NAME_GOES_ON_RE = re.compile(r"[ \t]+(?!(?:Lab|Labs|Inc|Ltd|LLC|Co|Corp)\b)[A-Z][a-z]")
_OF_BEFORE_RE = re.compile(r"(?<![\w.])[A-Z][a-z]+[ \t]+of[ \t]+(?:the[ \t]+)?\Z")  # "Strait of" before a short form


_IN_PLACE_RE = re.compile(r"\bin[ \t]+$")
_COMMITTEE_AFTER_RE = re.compile(r"[ \t]+(?:Committee|Subcommittee|Caucus)\b")


_GENERIC_FIRM_RE = re.compile(
    rf"(?:(?:{FIRM_SUFFIX}|Holding|Shipping|Trading|Front|{DEMONYM_ALT})\s+)*(?:{FIRM_SUFFIX})"
)
