"""Rules about laws that are not the document's own (:mod:`extract.doclaw`):

* ``X was designated pursuant to <Law>`` / ``sanctioned under <Law>`` → ``X restricted-under
  <Law>`` (``This entity`` / ``the company`` → the party last named);
* ``Mr. Scott (for himself, Mr. Warner, and Mr. Tester) introduced <Law>`` → ``<Law>
  proposed-by`` each person before the verb;
* ``<Law> authorizes <Agency> to enforce ...`` → ``<Agency> administers <Law>`` (proposed in a
  bill);
* ``<Agency> administers (maintains, enforces) <List or Law>`` / ``<List> is maintained by
  <Agency>`` → ``<Agency> administers <List or Law>``."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Predicate, Stance

from . import doclaw
from .builtin import demonyms
from .cues import CONSULTED_RE, COUNTRY_NAMES, COUNTRY_WORDS_RE, PURSUANT_RE, SANCTION_RE
from .delistings import REMOVED_RE
from .mentions import AFFECTED, AUTHORITY
from .patterns import DEMONYM_ALT, LAWMAKER_TITLE
from .sentence import Sentence
from .spans import Mention

T = EntityType
P = Predicate
_I = re.IGNORECASE

ORDER_AGAINST_RE = re.compile(  # "<a Withhold Release Order> against X", "This TDO terminates the right of X"
    r"\s*(?:\([^()]{1,12}\))?\s+(?:(?:against|on)(?:\s+(?:[\w-]+\s+){0,4}?(?:produced|made|manufactured|harvested|"
    # "against gloves produced in Malaysia by X"
    r"mined|processed)(?:\s+in\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+by"
    # "against another Malaysian palm oil producer, X": a description set off before the name
    r"|\s+(?:a|an|another)\s+(?:[\w-]+\s+){0,4}?[a-z][\w-]*,)?"
    r"|(?:terminat|den|suspend|restrict)(?:es|ies|s|ing)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:of|for)|(?:will\s+|would\s+)?(?:prevents?|bars?|prohibits?)(?=\s+\S+(?:\s+\S+){0,4}?\s+from\b))"
    r"\s+(?:the\s+)?"  # "This temporary denial order will prevent Belavia from ..."
)
DESIGNATED_UNDER_RE = re.compile(
    r"\b(?:designated|sanctioned|listed|added|blocked|identified)\s+(?:\w+\s+){0,2}?"
    r"(?:pursuant\s+to|under)\s+(?:the\s+)?",
    _I,
)
ANAPHOR_RE = re.compile(
    r"\b(?:this|the|these|such)\s+(?:entity|company|firm|entities|companies|firms)\s+(?:\w+\s+){0,2}$", _I
)
INTRODUCED_RE = re.compile(r"\b(?:introduced|sponsored|led)\b", _I)  # "Congresswoman X led H.R. 748, ..."
AUTHORIZES_RE = re.compile(
    r"\b(?:authorizes|directs|requires|tasks)\s+(?:the\s+)?$",
    _I,
)
ENFORCE_RE = re.compile(r"\s+to\s+(?:\w+\s+(?:\w+\s+){0,5}?and\s+)?(?:enforce|administer|implement)\b", _I)


def rule_pursuant(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in DESIGNATED_UNDER_RE.finditer(norm, sent.start, sent.end):
        law = sent.next_mention(cue.end())
        if law is None or law.etype is not T.LAW or law.start != cue.end():
            continue
        if _IN_TERM_RE.search(norm, max(sent.start, cue.start() - 12), cue.start()):
            continue  # "as a Specially Designated Global Terrorist under E.O. 13224": the designating verb says
        mode = sent.irrealis(cue.start())
        if mode == "skip":
            continue
        stance = Stance.PROPOSED if mode == "proposed" else Stance.ASSERTED
        subs = sent.subjects_before(cue.start(), AFFECTED)
        if subs and _DELISTED_BEFORE_RE.search(norm, max(sent.start, subs[0].start - 50), subs[0].start):
            stance = Stance.RETRACTED  # "to delist the MEK as an SDGT under E.O. 13224": the measure withdrawn
        if not subs and ANAPHOR_RE.search(norm, sent.start, cue.start()):
            last = sent.doc.last_affected
            if last is not None:
                sent.add(last, P.RESTRICTED_UNDER, law, cue, 0.6, stance=stance, pronoun=True)
            continue
        for s in subs:
            sent.add(s, P.RESTRICTED_UNDER, law, cue, 0.7, stance=stance)


_IN_TERM_RE = re.compile(r"Specially\s+$")
_DELISTED_BEFORE_RE = re.compile(  # "to delist the MEK as", "revoke the designation of X as"
    rf"(?:{REMOVED_RE.pattern}|\brevok(?:e|es|ed|ing)\s+the\s+designations?\s+of)\s+(?:the\s+)?$", _I
)


# "E.O. 13902, which targets Iran's petroleum and petrochemical sectors"
LAW_WHICH_TARGETS_RE = re.compile(r"\s*,?\s*(?:which|that)\s+(?:targets|targeted)\s+(?:the\s+)?", _I)


def rule_law_targets(sent: Sentence) -> None:
    """``<Law>, which targets <Country>'s ... sectors`` / ``... which targets X`` → ``<Law> targets``."""
    for law in sent.ms:
        if law.etype is not T.LAW:
            continue
        gap = LAW_WHICH_TARGETS_RE.match(sent.doc.norm, law.end, sent.end)
        nxt = sent.next_mention(gap.end()) if gap else None
        if gap is None or nxt is None or nxt.start != gap.end() or nxt.etype not in AFFECTED | {T.COUNTRY}:
            continue
        stance = Stance.PROPOSED if doclaw.proposed(sent, law) else Stance.ASSERTED
        sent.add(law, P.TARGETS, nxt, (law.start, nxt.end), 0.65, stance=stance)


# a law's own title naming what it targets: "Executive Order Targeting the Harmful Foreign Activities of the Russian
# Government", "Sanctions Regulations With Respect to Iran"
_TITLE_TARGET_RE = re.compile(r"\b(?:Targeting|Against|Involving|Regarding|Concerning|With\s+Respect\s+to)\s+")
_TITLE_STATE_RE = re.compile(rf"(?P<d>{DEMONYM_ALT})\s+(?:Government|Federation|Regime)\b|{COUNTRY_WORDS_RE.pattern}")


def rule_title_targets(sent: Sentence) -> None:
    """``<Law> Targeting ... the Russian Government`` → the law ``targets`` the state its title names."""
    norm = sent.doc.norm
    for law in sent.ms:
        hit = _TITLE_TARGET_RE.search(norm, law.start, law.end) if law.etype is T.LAW else None
        state = _TITLE_STATE_RE.search(norm, hit.end(), law.end) if hit is not None else None
        if state is None:
            continue
        words = state.group("d") or state.group(0)
        place = demonyms().get(words) if state.group("d") else COUNTRY_NAMES.get(words)
        if place is not None:
            sent.add(law, P.TARGETS, place, (law.start, law.end), 0.6, stance=Stance.ASSERTED)


def rule_order_against(sent: Sentence) -> None:
    """``<Agency> issued a Withhold Release Order against X`` → ``X restricted-under`` the order, and
    the agency ``acted-against`` X."""
    for law in sent.ms:
        if law.etype is not T.LAW or not law.eid.endswith(("-order", "-finding")):
            continue
        gap = ORDER_AGAINST_RE.match(sent.doc.norm, law.end, sent.end)
        nxt = sent.next_mention(gap.end()) if gap else None
        if gap is None or nxt is None or nxt.start != gap.end() or nxt.etype not in AFFECTED:
            continue
        auths = [
            m
            for m in sent.before(law.start, AUTHORITY)
            if not sent.is_modifier(m)
            and not CONSULTED_RE.search(sent.doc.norm, max(sent.start, m.start - 60), m.start)
            and not _IN_BEFORE_RE.search(sent.doc.norm, max(sent.start, m.start - 4), m.start)  # "labor in China"
        ]
        lifted = _LIFTED_BEFORE_RE.search(sent.doc.norm, max(sent.start, law.start - 40), law.start)
        for x in sent.group(nxt, 1, AFFECTED):  # "by modifying the Withhold Release Order ... against X": lifted
            stance = Stance.RETRACTED if lifted else Stance.ASSERTED
            sent.add(x, P.RESTRICTED_UNDER, law, (law.start, x.end), 0.65, stance=stance)
            if auths and gap.group(0).strip().startswith(("against", "on")):
                # "CBP issued a WRO against X": CBP acted against X ("... suspending the export
                # privileges of X" is a ban: extract.measures.rule_denies says banned-by)
                sent.add(auths[0], P.ACTED_AGAINST, x, (auths[0].start, x.end), 0.6, stance=Stance.ASSERTED)


_IN_BEFORE_RE = re.compile(r"\bin\s+$")  # a place, not who acts
_LIFTED_BEFORE_RE = re.compile(
    r"\b(?:modif(?:y|ies|ied|ying)|lift(?:s|ed|ing)?|revok(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|"
    r"terminat(?:e|es|ed|ing)|revocation\s+of|modification\s+of)\s+(?:the\s+|its\s+|a\s+)?$",
    _I,
)
_BY_LAWMAKER_RE = re.compile(  # "was introduced in February by Chairman X"
    rf"(?:\s+(?:in|on)\s+[A-Z][a-z]+(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?)?\s+by\s+(?:{LAWMAKER_TITLE}\s+)?", _I
)
# the bill last named, by its common noun: "The bipartisan legislation was introduced ... by"
_BILL_ANAPHOR_RE = re.compile(
    r"\b(?:the|this|that)\s+(?:[a-z-]+\s+)?(?:legislation|bill|measure)\s+(?:was|were|is|has\s+been)\s+$", _I
)


def _bill_named_before(sent: Sentence, cue: re.Match[str]) -> list[Mention]:
    """The law a bill's common noun right before ``cue`` stands for: the last law the text named before."""
    if not _BILL_ANAPHOR_RE.search(sent.doc.norm, max(sent.start, cue.start() - 50), cue.start()):
        return []
    laws = [m for m in sent.doc.mentions if m.etype is T.LAW and m.end <= cue.start()]
    return laws[-1:]


_ALONGSIDE_RE = re.compile(
    rf"\s*,?\s*(?:\([^()]{{0,40}}\)\s*)?(?:,\s*)?(?:alongside|together\s+with|with)\s+(?:{LAWMAKER_TITLE}\s+)?", _I
)


def rule_introduced(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in INTRODUCED_RE.finditer(norm, sent.start, sent.end):
        law = sent.next_mention(cue.end())
        by = _BY_LAWMAKER_RE.match(norm, cue.end(), sent.end)
        if by is not None:  # "H.R. 747, or the X Act, was introduced by Congresswoman A alongside B and C"
            before = sent.before(cue.start(), frozenset({T.LAW})) or _bill_named_before(sent, cue)
            people = sent.parties_at(by.end(), frozenset({T.PERSON}))
            along = _ALONGSIDE_RE.match(norm, people[-1].end, sent.end) if people else None
            people += sent.parties_at(along.end(), frozenset({T.PERSON})) if along is not None else []
            near = before and (cue.start() - before[0].end < 80 or before[0].end <= sent.start)
            for p in {m.eid: m for m in people}.values() if near else ():
                sent.add(before[0], P.PROPOSED_BY, p, cue, 0.7, stance=Stance.ASSERTED)
            if people and before:
                sent.doc.proposed_laws.append(before[0].eid)
            continue
        if law is None or law.etype is not T.LAW or law.start - cue.end() > 30:
            continue
        clause = max(norm.rfind(";", sent.start, cue.start()), sent.start)
        people = [m for m in sent.ms if clause <= m.start and m.end <= cue.start() and m.etype is T.PERSON]
        along = _ALONGSIDE_RE.match(norm, law.end, sent.end)  # "led H.R. 748, or the X Act, alongside Y"
        people += sent.parties_at(along.end(), frozenset({T.PERSON})) if along is not None and people else []
        for p in {m.eid: m for m in people}.values():
            sent.add(law, P.PROPOSED_BY, p, cue, 0.7, stance=Stance.ASSERTED)
        if people:
            sent.doc.proposed_laws.append(law.eid)  # "this legislation" in the sentences after


# the lawmakers who joined the bill the text is about: "Several of X's colleagues joined in introducing this
# legislation, including Representatives A (R-Fla.), B (R-Texas), and C", "Other cosponsors include D"
COSPONSORS_RE = re.compile(
    r"\b(?:(?:co-?)?sponsors?\s+(?:include|includes|included|are|were)|joined\s+(?:\w+\s+){0,3}?in\s+"
    r"(?:introducing|sponsoring|cosponsoring)\s+(?:this|the)\s+(?:legislation|bill|measure|resolution)"
    rf"(?:\s*,\s*including|\s*:)?)\s+(?:the\s+)?(?:{LAWMAKER_TITLE}\s+)?",
    _I,
)


def rule_cosponsors(sent: Sentence) -> None:
    law = sent.doc.main_law or (sent.doc.proposed_laws[-1] if sent.doc.proposed_laws else None)
    if law is None:
        return
    for cue in COSPONSORS_RE.finditer(sent.doc.norm, sent.start, sent.end):
        first = sent.parties_at(cue.end(), frozenset({T.PERSON}))
        for person in first:
            sent.add(law, P.PROPOSED_BY, person, (cue.start(), person.end), 0.65, stance=Stance.ASSERTED)


def rule_authorizes(sent: Sentence) -> None:
    norm = sent.doc.norm
    for m in sent.ms:
        if m.etype is not T.AGENCY:
            continue
        left = AUTHORIZES_RE.search(norm, max(sent.start, m.start - 30), m.start)
        if left is None or not ENFORCE_RE.match(norm, m.end):
            continue
        law = next(iter(sent.before(left.start(), frozenset({T.LAW}))), None)
        if law is None:
            continue
        stance = Stance.PROPOSED if doclaw.proposed(sent, law) else Stance.ASSERTED
        sent.add(m, P.ADMINISTERS, law, (left.start(), m.end), 0.65, stance=stance)


ADMINISTERS_RE = re.compile(
    r"\b(?:administer(?:s|ed|ing)?|maintain(?:s|ed|ing)?|enforce(?:s|d)?|enforcing|implement(?:s|ed|ing)?|"
    r"utili[sz]ed|used|"  # "The Entity List is a tool utilized by BIS to restrict ..."
    r"(?P<pub>publish(?:es|ed|ing)?|releas(?:es|ed|ing)))\b",
    _I,
)
_ADMINISTERED = frozenset({T.LIST, T.LAW})


def rule_administers(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in ADMINISTERS_RE.finditer(norm, sent.start, sent.end):
        if sent.negated(cue.start()) or sent.irrealis(cue.start()):
            continue
        if sent.passive(cue):  # "The Entity List is maintained by BIS"
            auth = sent.by_agent(cue.end(), AUTHORITY)
            done = [m for m in sent.before(cue.start(), _ADMINISTERED) if cue.start() - m.end <= 40][:1]
        else:  # "BIS administers the Export Administration Regulations"
            near = [m for m in sent.before(cue.start(), AUTHORITY) if not sent.is_modifier(m)]
            if len(near) > 1 and sent.in_apposition(near[1], near[0], cue.start()):
                auth = near[1]  # "BIS, an agency of the Department of Commerce, maintains ..."
            else:
                auth = near[0] if near and cue.start() - near[0].end <= 40 else None
            after = re.match(r"\s+(?:and\s+\w+\s+)?(?:the\s+|its\s+|a\s+)?", norm[cue.end() : sent.end])
            nxt = sent.next_mention(cue.end() + (after.end() if after else 0))
            done = [nxt] if nxt is not None and nxt.etype in _ADMINISTERED and nxt.start - cue.end() <= 30 else []
            if cue.group("pub") and not (done and done[0].etype is T.LIST):
                done = []  # "released a list of ...": the list is the body's; a rule it publishes is enacted
        if auth is None or not done:
            continue
        for x in done:
            sent.add(auth, P.ADMINISTERS, x, cue, 0.65, stance=Stance.ASSERTED)


_ITS_RE = re.compile(r"\bits\s+(?:own\s+)?$", _I)


def rule_its_list(sent: Sentence) -> None:
    """``BIS today added 12 entities to its Entity List``: the body acting keeps the list it names as
    its own (the body the sentence opens on, not a party named between); so does the body a list's name opens
    with (``the BIS Entity List``)."""
    norm = sent.doc.norm
    for m in sent.ms:
        if m.etype is not T.LIST or not _ITS_RE.search(norm, max(sent.start, m.start - 12), m.start):
            continue
        auths = sent.subjects_before(m.start, AUTHORITY)
        if auths:
            sent.add(auths[0], P.ADMINISTERS, m, (auths[0].start, m.end), 0.65, stance=Stance.ASSERTED)
    for m in sent.ms:  # "the BIS Entity List", "the OFAC SDN List": a list named with its body's name
        words = sent.doc.norm[m.start : m.end].split()
        if m.etype is not T.LIST or len(words) < 3:
            continue
        for k in (1, 2):
            body = sent.doc.gazetteer.lookup(" ".join(words[:k]))
            if body is not None and body.type is T.AGENCY:
                sent.add(body.id, P.ADMINISTERS, m, (m.start, m.end), 0.65, stance=Stance.ASSERTED)
                break


# an executive order's or proclamation's own signature: "I, DONALD J. TRUMP, President of the United States of
# America, find that ..." - the order the text is enacted by the President who speaks, who holds that office
SIGNED_BY_PRESIDENT_RE = re.compile(
    r"\bI,[ \t]+(?P<n>[A-Z][A-Za-z.'-]*(?:[ \t]+[A-Z][A-Za-z.'-]*){1,3}),[ \t]+President[ \t]+of[ \t]+the[ \t]+"
    r"United[ \t]+States(?:[ \t]+of[ \t]+America)?"
)


def rule_signed_by_president(sent: Sentence) -> None:
    doc = sent.doc
    hit = SIGNED_BY_PRESIDENT_RE.search(doc.norm, sent.start, sent.end)
    if hit is None:
        return
    order = next((m for m in doc.mentions if m.etype is T.LAW and m.eid.startswith("law:executive-order-")), None)
    if order is None or order.start > hit.start():
        return
    person = doc.entity_for(T.PERSON, hit.group("n").title())  # "DONALD J. TRUMP" is Donald J. Trump
    sent.add(order.eid, P.ENACTED_BY, person, (hit.start(), hit.end()), 0.7, stance=Stance.ASSERTED)
    sent.add(person, P.ALLEGED_TIE_TO, "country:us", (hit.start("n"), hit.end()), 0.65, stance=Stance.ASSERTED)


# "President Biden signed a new sanctions executive order": the order the text names by its title
SIGNED_BARE_ORDER_RE = re.compile(
    r"\b(?:signed|issued)[ \t]+(?:an?|the|this)[ \t]+(?:new[ \t]+)?(?:[a-z-]+[ \t]+)?executive[ \t]+order\b"
    r"(?![ \t]*(?:\(E\.O\.\)[ \t]*)?(?:No\.[ \t]*)?\d)",
    _I,
)
_NUMBERED_ORDER_RE = re.compile(r"law:executive-order-\d+$")


def rule_signed_bare_order(sent: Sentence) -> None:
    """``President X signed a new executive order`` → the executive order the text names by its
    title (before this sentence, or the only one it names) ``enacted-by`` X."""
    doc = sent.doc
    for cue in SIGNED_BARE_ORDER_RE.finditer(doc.norm, sent.start, sent.end):
        signer = next(iter(sent.before(cue.start(), frozenset({T.PERSON}))), None)
        titled = [
            m for m in doc.mentions if m.etype is T.LAW and m.eid.startswith("law:executive-order-")
            and not _NUMBERED_ORDER_RE.match(m.eid)
        ]  # fmt: skip
        before = [m for m in titled if m.end <= cue.start()]
        order = before[-1] if before else (titled[0] if len({m.eid for m in titled}) == 1 else None)
        if signer is not None and order is not None:
            sent.add(order.eid, P.ENACTED_BY, signer, cue, 0.6, stance=Stance.ASSERTED)


# a body that acts under a law enforces it: "FinCEN is issuing an order pursuant to the Act", "the
# Department of Commerce pursuant to Executive Order 13873", "the first actions by FinCEN pursuant to A and B"
_ACTS_GAP_RE = re.compile(
    r"(?:\s*\([^()]{1,12}\))?(?:[ \t]+(?:is|are|was|were|has|have|had|will|also|today|now|concurrently|"
    r"[a-z][\w-]*(?:ed|es|ing|s)|the|a|an|its|new|following|notice|of|order|orders|action|actions|waiver|"
    r"restrictions?|visa|measures?|an?))*[ \t,]*",
)
_AND_LAW_RE = re.compile(r"(?:\s*\([^()]{1,20}\))?,?\s+and\s+(?:the\s+)?")
_TODAYS_ACTION_RE = re.compile(
    r"\b(?:[Tt]oday's|[Tt]his|[Tt]hese)\s+(?:actions?|designations?)\s+(?:is|are)\s+(?:being\s+)?taken\s+$"
)


def rule_acts_under(sent: Sentence) -> None:
    norm = sent.doc.norm
    for cue in PURSUANT_RE.finditer(norm, sent.start, sent.end):
        law = sent.law_after(cue.start(), within=len(cue.group(0)) + 1)
        if law is None or sent.negated(cue.start()) or sent.irrealis(cue.start()):
            continue
        laws = sent.group(law, 1, frozenset({T.LAW}))
        more = _AND_LAW_RE.match(norm, laws[-1].end)  # "pursuant to the A Act and the B Act"
        nxt = sent.next_mention(more.end()) if more else None
        if more and nxt is not None and nxt.start == more.end() and nxt.etype is T.LAW:
            laws.append(nxt)
        near = sent.past_relative(
            [m for m in sent.before(cue.start(), AUTHORITY) if not sent.is_modifier(m)], cue.start()
        )
        auth: Mention | str | None = None
        acts = near and near[0].etype is T.AGENCY and _ACTS_GAP_RE.fullmatch(norm, near[0].end, cue.start())
        if acts and not SANCTION_RE.search(norm, max(sent.start, near[0].start - 60), near[0].start):
            auth = near[0]  # not "We are designating the regime's State Administrative Council pursuant to"
        elif sent.doc.issuer and _TODAYS_ACTION_RE.search(norm, max(sent.start, cue.start() - 60), cue.start()):
            auth = sent.doc.issuer
        if auth is None:
            continue
        for x in laws:
            sent.add(auth, P.ADMINISTERS, x, cue, 0.6, stance=Stance.ASSERTED)
