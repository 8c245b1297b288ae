"""The pipeline and its output: :func:`run` folds the text, finds the mentions, runs the rules
sentence by sentence, reads stance and speaker where a rule left them open, then assembles the
:class:`~loaders.base.Parsed` — claims merged by content (one citation per distinct quote span,
the best confidence, adjusted for how sure the entities are), the entities they use (known ones
only referred to, new ones as candidates), and the source with the original text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from loaders.base import Parsed
from reference import registry
from schema.models import Citation, Claim, Entity, Source, slug
from schema.ontology import EntityType, Method, Predicate, Stance, allowed
from schema.quotes import fold

from . import frames
from .bodies import state_bodies_as_agencies
from .cues import COUNTRY_NAMES
from .dates import claim_dates
from .mentions import Doc, Ent
from .meta import ArticleMeta, coerce_meta
from .rules import RULES
from .sentence import Raw, Sentence
from .stance import stance_and_speaker
from .text import compound_hyphens, contact_blocks, decode, sentences, unwrapped

T = EntityType
P = Predicate

# predicates that describe an event, so a date in the sentence dates them
EVENTS = frozenset(
    {
        P.BANNED_BY,
        P.LISTED_ON,
        P.SANCTIONED_BY,
        P.ACTED_AGAINST,
        P.CONSIDERING_ACTION_AGAINST,
        P.INVADED,
        P.ENACTED_BY,
        P.PROPOSED_BY,
        P.TARGETS,
        P.INVESTIGATED_BY,
        P.WARNED_AGAINST_BY,
        P.DECLINED_COMMENT_TO,
    }
)


def run(
    text: str | bytes,
    meta: ArticleMeta | Mapping[str, Any] | None = None,
    known: Iterable[Entity] = (),
) -> Parsed:
    """Candidate claims of ``text`` (see :mod:`extract`). Raises InvalidInput on garbage."""
    text = decode(text)
    info = coerce_meta(meta)
    known_list = list(known)
    norm = compound_hyphens(unwrapped(fold(text)))
    doc = Doc(text, norm, known_list)
    doc.find_mentions()
    doc.issuer = _issuer(doc, info)

    spans = sentences(norm)
    contacts = contact_blocks(norm)
    raws: list[tuple[Raw, Stance, str | None, Sentence]] = []
    mi = 0
    for span in spans:
        while mi < len(doc.mentions) and doc.mentions[mi].start < span[0]:
            mi += 1
        mj = mi
        while mj < len(doc.mentions) and doc.mentions[mj].end <= span[1]:
            mj += 1
        sent = Sentence(doc, span, doc.mentions[mi:mj])
        if any(a <= span[0] < b for a, b in contacts):  # a notice's "FOR FURTHER INFORMATION CONTACT:" field
            mi = mj
            continue
        if not sent.ms:
            frames.rule_frames(sent)  # "The list includes five Chinese companies.": a frame opens on no name
        else:
            for rule in RULES:
                rule(sent)
            for raw in sent.raws:
                if raw.stance is not None:
                    stance, speaker = raw.stance, raw.asserted_by
                else:
                    stance, speaker = stance_and_speaker(sent, raw)
                raws.append((raw, stance, speaker, sent))
                if raw.predicate is P.ACTED_AGAINST and doc.case_party is None:
                    doc.case_party = raw.object  # the first party a penalty or an order falls on: "the case" later
        for m in reversed(sent.ms):
            if m.etype in {T.FIRM, T.PRODUCT}:
                doc.last_affected, doc.last_affected_mention = m.eid, m
                break
        group = sent.last_group()
        if len(group) >= 2:  # "three companies: A, B, and C" — "these companies" in the next sentence
            doc.last_group = [m.eid for m in group]
        mi = mj

    # a fact the patterns state anywhere in the text keeps their reading: the reader adds facts, not
    # another stance of one ("Kaspersky, headquartered in Russia" asserted, then "alleged" by the reader)
    stated = {(r.subject, r.predicate, r.object) for r, *_ in raws if not r.learned}
    raws = [row for row in raws if not (row[0].learned and (row[0].subject, row[0].predicate, row[0].object) in stated)]
    raws = [row for row in raws if not _own_state_measured(doc, row[0])]
    raws = state_bodies_as_agencies(doc, raws)
    source = _source(text, info)
    claims, used = _claims(doc, raws, info, source.id)
    parsed = Parsed(sources=[source], claims=claims)
    for eid in sorted(used):
        ent = doc.ents[eid]
        if ent.how == "known":
            parsed.external_refs.add(eid)
            continue
        parsed.entities.append(_entity(ent, claims))
    parsed.notes.append(
        f"{len(claims)} candidate claims from {len(spans)} sentences and {len(doc.mentions)} entity mentions"
    )
    if info.published_at is None and any("relative_date" in c.qualifiers for c in claims):
        parsed.notes.append("published date unknown: relative dates kept as qualifier relative_date")
    return parsed


_AGENCY_FIELD_RE = re.compile(r"^[ \t]*AGENCY:[ \t]*", re.M)


def _issuer(doc: Doc, info: ArticleMeta) -> str | None:
    """The agency the text speaks for: its publisher, else a notice's ``AGENCY:`` field."""
    if info.publisher:
        hit = doc.gazetteer.lookup(info.publisher)
        if hit is not None and hit.type is T.AGENCY:
            return hit.id
    field = _AGENCY_FIELD_RE.search(doc.norm, 0, 5000)
    if field is not None:
        for m in doc.mentions:
            if m.start == field.end() and m.etype is T.AGENCY:
                return m.eid
    return None


def _source(text: str, info: ArticleMeta) -> Source:
    """The article as a Source; without a title, its first line; without an id, one from publisher and title."""
    title = info.title
    if not title:
        first = next((line.strip() for line in text.splitlines() if line.strip()), "untitled")
        title = first[:200]
    sid = info.id or "source:" + slug(" ".join(filter(None, [info.publisher, title])))[:80].strip("-")
    return Source(
        id=sid,
        title=title,
        kind=info.kind,
        url=info.url,
        publisher=info.publisher,
        author=info.author,
        published_at=info.published_at,
        retrieved_at=info.retrieved_at,
        text=text,
        derived_from=info.derived_from,
    )


_CLAUSE_BREAK_RE = re.compile(r";|\n[ \t]*(?:[-*\u2022\u00b7]|\(\w{1,3}\))[ \t]")


def _quote_span(
    text: str,
    sentence: tuple[int, int],
    cue: tuple[int, int],
    named: tuple[tuple[int, int], ...] = (),
) -> tuple[int, int]:
    """The quote: the shortest part of the sentence that states the claim — the clause (between
    ``;`` or list items) holding the cue and where subject and object are named, else the whole
    sentence; a long one cut around them at white space; trimmed of white space. Never longer
    than the sentence."""
    start, end = sentence
    lo = min([cue[0], *(a for a, _ in named)])
    hi = max([cue[1], *(b for _, b in named)])
    for brk in _CLAUSE_BREAK_RE.finditer(text, start, end):
        if brk.end() <= lo:
            start = brk.end()
        elif brk.start() >= hi:
            end = brk.start() + (1 if brk.group(0) == ";" else 0)
            break
    if end - start > 600:  # a long clause: the part around the claim, cut at white space
        s0, e0 = start, end
        start = max(start, lo - 150)
        end = min(end, max(hi + 150, start + 300))
        while start > s0 and not text[start - 1].isspace():
            start += 1
        while end < e0 and not text[end].isspace():
            end -= 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _claims(
    doc: Doc,
    raws: list[tuple[Raw, Stance, str | None, Sentence]],
    info: ArticleMeta,
    source_id: str,
) -> tuple[list[Claim], set[str]]:
    """Claims merged by content (citations in order, best confidence) and the entity ids they use."""
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for raw, stance, speaker, sent in raws:
        if raw.subject == raw.object:
            continue
        s_type, o_type = doc.ents[raw.subject].type, doc.ents[raw.object].type
        if not allowed(raw.predicate, s_type, o_type):
            continue
        if speaker in {raw.subject, raw.object} and stance is not Stance.DENIED:
            speaker = None
        vf = vt = None
        quals: dict[str, Any] = {}
        if raw.predicate in EVENTS:
            vf, vt, quals = claim_dates(sent, raw, info.published_at)
            if stance is Stance.RETRACTED and vt is None:
                vf, vt = None, vf  # the day a measure is lifted or a party delisted ends the fact, not starts it
        conf = raw.confidence
        hows = {doc.how(raw.subject), doc.how(raw.object)}
        if hows <= {"known", "builtin"}:
            conf += 0.05
        if "pattern" in hows:
            conf -= 0.05
        if raw.pronoun:
            conf -= 0.1
        start, end = _quote_span(doc.text, raw.sentence, raw.cue, raw.spans)
        key = (raw.subject, raw.predicate, raw.object, stance, speaker, vf, vt, tuple(sorted(quals.items())))
        entry = merged.setdefault(key, {"conf": 0.0, "cites": {}})
        entry["conf"] = max(entry["conf"], conf)
        entry["cites"][(start, end)] = None
    claims: list[Claim] = []
    used: set[str] = set()
    for key, entry in merged.items():
        subject, predicate, obj, stance, speaker, vf, vt, qual_items = key
        if vf and vt and vt < vf:
            vt = None
        cites = tuple(Citation(source=source_id, quote=doc.text[s:e], start=s, end=e) for s, e in entry["cites"])
        claims.append(
            Claim(
                subject=subject,
                predicate=predicate,
                object=obj,
                stance=stance,
                asserted_by=speaker,
                valid_from=vf,
                valid_to=vt,
                qualifiers=dict(qual_items),
                confidence=round(min(0.95, max(0.3, entry["conf"])), 2),
                method=Method.EXTRACTED,
                citations=cites,
            )
        )
        used |= {subject, obj} | ({speaker} if speaker else set())
    claims.sort(key=lambda c: (c.citations[0].start, c.predicate.value, c.subject, c.object))
    return claims, used


def _entity(ent: Ent, claims: list[Claim]) -> Entity:
    """A known or built-in entity as it is; a new one as a candidate (country from its headquarters)."""
    if ent.entity is not None:
        return ent.entity
    country = None
    for c in claims:
        if c.subject == ent.id and c.predicate is P.HEADQUARTERED_IN:
            known = registry().get(c.object)
            country = known.country if known else None
            break
    return Entity(
        id=ent.id,
        type=ent.type,
        name=ent.name,
        aliases=tuple(ent.aliases),
        country=country,
        candidate=True,
    )


def _own_state_measured(doc: Doc, raw: Raw) -> bool:
    """A state's own body the registry knows is no party its state sanctions or bans ("Congress also passed
    ... sanctions" does not sanction Congress)."""
    if raw.predicate not in {P.SANCTIONED_BY, P.BANNED_BY}:
        return False
    subject, authority = doc.ents[raw.subject], doc.ents[raw.object]
    if authority.type is T.COUNTRY and _named_for(subject.name, authority.id):
        return True  # "sanctions on ... the Central Bank of Iran": Iran names the bank, it does not sanction it
    if subject.how == "pattern" or subject.type not in {T.AGENCY, T.ORGANIZATION} or not subject.country:
        return False
    state = authority.id.split(":", 1)[1].upper() if authority.type is T.COUNTRY else authority.country
    return state is not None and state.upper() == subject.country.upper()


def _named_for(name: str, country: str) -> bool:
    """Does ``name`` end with the name of ``country`` ("Central Bank of Iran", "Bank Melli Iran")?"""
    return any(
        eid == country and (name == n or name.endswith((" " + n, " of the " + n))) for n, eid in COUNTRY_NAMES.items()
    )
