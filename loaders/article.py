"""The article loader: plain text plus metadata in, *candidate* claims with exact quotes out.

Fully offline and rule-based (no model, no network), in linear time over the text::

    text ──normalise──▶ sentences ──▶ mentions ──▶ aliases ──▶ cues ──▶ claims ──▶ Parsed
                        (regex)       gazetteer     (BIS)        per sentence:
                                      + patterns    ("Kaspersky") predicate rules, stance,
                                                    "Kaspersky"   asserted_by, dates

* **Normalise** — non-breaking spaces become spaces and curly quotes straight ones, one
  character for one, so every offset found in the normalised text is an offset into the
  original; a citation's quote is always the original slice ``text[start:end]``.
* **Mentions** — the gazetteer (:mod:`loaders.gazetteer`: the caller's known entities, e.g. the
  graph's, then a built-in list of regulators, countries, lists and news organisations) and
  patterns for names the gazetteer lacks: firms (``AO Kaspersky Lab``, ``Huawei Technologies Co.,
  Ltd.``), agencies (``Office of ...``, ``... Directorate``), laws (``Executive Order 13873``,
  ``Binding Operational Directive 17-01``, ``... Act of 2019``, an unnamed "bill"), persons after
  a title (``Secretary ... Elaine Duke``), countries from demonyms (``Russian intelligence``).
* **Aliases** — acronyms and defined terms (``Bureau of Industry and Security (BIS)``,
  ``(together with Kaspersky Lab, Inc., "Kaspersky")``) and short forms (``Kaspersky`` for the
  first firm named ``Kaspersky ...``) are found again everywhere in the text.
* **Claims** — per sentence, cue phrases select a predicate (``banned``/``prohibiting`` →
  ``banned-by``, ``added ... to <List>`` → ``listed-on``, ``ties to``/``coordinated with`` →
  ``alleged-tie-to``, ...); the cue's grammatical neighbours fill subject and object; stance cues
  (``alleging``, ``accusations``, ``reported``, ``the report said``, ``denied``, a bill → proposed)
  and who asserts it (the party that alleges, reports or says) are read from the same sentence;
  dates in the sentence give ``valid_from``/``valid_to`` ("in 2017", "March 25, 2022"); relative
  ones ("last year") are resolved against the published date when it is known, else kept as the
  qualifier ``relative_date``.

Everything it emits is a *candidate*: ``method: extracted``, a confidence, and new entities
marked ``candidate: true``. :func:`dump_curated` writes the result as curated YAML for review.

Garbage in: empty text, binary bytes and texts over :data:`MAX_CHARS` raise
:class:`~schema.errors.InvalidInput`; text in another language simply yields no claims.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from schema.dates import PartialDate, coerce_partial_date, month_number
from schema.errors import InvalidInput
from schema.models import (
    Citation,
    Claim,
    Entity,
    Source,
    SourceId,
    SourceKind,
    slug,
)
from schema.ontology import EntityType, Method, Predicate, Stance, allowed
from schema.quotes import fold as normalise

from .base import Parsed
from .gazetteer import BUILTIN, DEMONYMS, Gazetteer, trie_pattern

T = EntityType
P = Predicate

MAX_CHARS = 10_000_000  # a larger text is refused (InvalidInput)
MAX_SENTENCE = 3_000  # longer "sentences" (no punctuation) are cut at white space
_CONTROL_LIMIT = 0.01  # share of control characters above which a text is called binary

AFFECTED = frozenset({T.FIRM, T.PERSON, T.ORGANIZATION, T.PRODUCT, T.ASSET})
AUTHORITY = frozenset({T.AGENCY, T.COUNTRY, T.ORGANIZATION})
SPEAKERS = frozenset({T.AGENCY, T.COUNTRY, T.ORGANIZATION, T.PERSON, T.FIRM})
# predicates that describe an event, so a date in the sentence dates them
EVENTS = frozenset({
    P.BANNED_BY, P.LISTED_ON, P.SANCTIONED_BY, P.ACTED_AGAINST, P.CONSIDERING_ACTION_AGAINST,
    P.INVADED, P.ENACTED_BY, P.PROPOSED_BY, P.TARGETS, P.INVESTIGATED_BY, P.WARNED_AGAINST_BY,
    P.DECLINED_COMMENT_TO,
})


# -- input ------------------------------------------------------------------------------------


class ArticleMeta(BaseModel):
    """What the caller knows about the text (``meta.yaml``); unknown dates stay ``None``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: SourceId | None = Field(None, description="source id; default source:<slug(publisher title)>")
    title: str | None = None
    kind: SourceKind = "article"
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published_at: PartialDate | None = None
    retrieved_at: PartialDate | None = None
    derived_from: tuple[SourceId, ...] = ()

    @field_validator("published_at", "retrieved_at", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        return coerce_partial_date(value)

    @field_validator("derived_from", mode="before")
    @classmethod
    def _derived(cls, value: Any) -> Any:
        return () if value is None else value


def load_meta(path: Path | str) -> ArticleMeta:
    """Read ``meta.yaml``; a bad file raises InvalidInput naming the field."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InvalidInput(f"{path}: cannot read metadata: {exc}") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: metadata must be a mapping")
    return _meta(data, str(path))


def _meta(value: ArticleMeta | Mapping[str, Any] | None, where: str = "meta") -> ArticleMeta:
    if isinstance(value, ArticleMeta):
        return value
    try:
        return ArticleMeta.model_validate(dict(value or {}))
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first.get("loc", ()))
        raise InvalidInput(f"{where}: {loc}: {first.get('msg')}", exc.errors()) from None


def _decode(text: str | bytes) -> str:
    if isinstance(text, bytes):
        if b"\x00" in text[:65536]:
            raise InvalidInput("the input is binary, not text (NUL bytes)")
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput(
                f"the input is not UTF-8 text ({exc.reason} at byte {exc.start})"
            ) from None
    if len(text) > MAX_CHARS:
        raise InvalidInput(f"the text has {len(text)} characters; the limit is {MAX_CHARS}")
    if not text.strip():
        raise InvalidInput("the text is empty")
    sample = text[:200_000]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if "\x00" in sample or control > _CONTROL_LIMIT * len(sample):
        raise InvalidInput("the input looks binary, not text (control characters)")
    return text


# -- normalisation and sentences ----------------------------------------------------------------

_ABBREV = frozenset({
    "inc", "ltd", "co", "corp", "no", "nos", "mr", "mrs", "ms", "dr", "st", "vs", "jr", "sr",
    "gen", "sen", "rep", "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "sec", "art", "para", "fig", "approx", "dept", "est", "u.s", "e.o",
    "d.c", "u.k", "e.u", "u.n", "a.m", "p.m", "i.e", "e.g", "etc", "cf", "al",
})
_BLOCK_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SPLIT_RE = re.compile(r"(\S*?)[.!?][\"')\]]*(\s+)(?=[\"'(\[]?[A-Z0-9])")


def sentences(norm: str) -> list[tuple[int, int]]:
    """Sentence spans: blank lines end a block; within one, ., ! or ? before a capital."""
    spans: list[tuple[int, int]] = []
    pos = 0
    blocks: list[tuple[int, int]] = []
    for m in _BLOCK_RE.finditer(norm):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(norm)))
    for b0, b1 in blocks:
        start = b0
        for m in _SPLIT_RE.finditer(norm, b0, b1):
            token = m.group(1).lstrip("\"'([").lower()
            if token in _ABBREV or re.fullmatch(r"[a-z]", token) or re.fullmatch(
                r"(?:[a-z]\.)+[a-z]?", token
            ):
                continue
            spans.append((start, m.start(2)))
            start = m.end()
        spans.append((start, b1))
    out: list[tuple[int, int]] = []
    for s0, s1 in spans:
        while s0 < s1 and norm[s0].isspace():
            s0 += 1
        while s1 > s0 and norm[s1 - 1].isspace():
            s1 -= 1
        while s1 - s0 > MAX_SENTENCE:  # a wall of text without punctuation: cut at a space
            cut = norm.rfind(" ", s0, s0 + MAX_SENTENCE)
            cut = cut if cut > s0 else s0 + MAX_SENTENCE
            out.append((s0, cut))
            s0 = cut + 1
        if s1 > s0:
            out.append((s0, s1))
    return out


# -- mentions -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    eid: str
    etype: EntityType
    how: str  # known | builtin | pattern | alias


@dataclass
class _Ent:
    id: str
    type: EntityType
    name: str
    how: str
    entity: Entity | None = None
    aliases: list[str] = field(default_factory=list)
    country: str | None = None


_STOP = (
    "The|A|An|In|On|Of|For|To|Against|And|Or|By|With|From|At|As|Its|Their|His|Her|This|That|"
    "These|Those|Today|After|Before|However|But|Under|Like|If|While|When|Since|Previously|Also|"
    "Both|All|Any|Some|Each|Such|It|We|Our|They|He|She|Who|What|Which|Why|How|Where|Here|There|"
    "Mr|Ms|Mrs|Dr|According|Although|Because|During|Despite|Following|Meanwhile|Earlier|Later"
)
_CAP = rf"(?!(?:{_STOP})\b)[A-Z][A-Za-z0-9&]*(?:\.[A-Za-z0-9&]+)*"
_SP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"  # white space, at most one line break
_LEGAL_PREFIX = r"(?:AO|OOO|ZAO|OAO|PAO|PJSC|JSC|CJSC|OJSC)"
_FIRM_SUFFIX = (
    r"(?:Lab|Labs|Laboratory|Laboratories|Inc\.?|Incorporated|Ltd\.?|Limited|LLC|Corp\.?|"
    r"Corporation|Co\.|Company|Group|Holdings?|Technologies|Systems|GmbH|AG|PLC|plc|N\.V\.|"
    r"B\.V\.|Industries|Telecom|Electronics)"
)
_PREFIX_RE = re.compile(rf"\b{_LEGAL_PREFIX}{_SP}")
_FIRM_TAIL = r"(?:,?[ \t]+(?:Inc\.|Inc\b|Ltd\.|Ltd\b|LLC\b|Limited\b|Corp\.|Co\.,?[ \t]+Ltd\.))?"
FIRM_RE = re.compile(
    rf"(?<![\w.-])(?:{_LEGAL_PREFIX}{_SP})?(?:{_CAP}{_SP}){{0,3}}?{_CAP}{_SP}{_FIRM_SUFFIX}"
    rf"(?![\w-]){_FIRM_TAIL}"
)
_HEAD = r"(?:Department|Ministry|Bureau|Office|Directorate|Administration|Agency|Commission|Service|Council|Authority)"
_CONNECT = r"(?:(?:and|of|for|the|on)[ \t]+)"
AGENCY_OF_RE = re.compile(
    rf"(?<![\w-])(?:(?:U\.S\.|US|United States)[ \t]+)?{_HEAD}[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    rf"{_CAP}(?:{_SP}{_CONNECT}?{_CAP})*"
)
AGENCY_TAIL_RE = re.compile(
    rf"(?<![\w-])(?:{_CAP}{_SP}{_CONNECT}?){{1,5}}?(?:{_HEAD}|(?P<org>Committee))(?![\w-])"
)
LAW_EO_RE = re.compile(
    r"(?<![\w.])(?:Executive[ \t]+Order|E\.O\.)[ \t]*"
    r"(?:\([ \t]*\"{0,2}'{0,2}E\.O\.'{0,2}\"{0,2}[ \t]*\)[ \t]*)?(?:No\.[ \t]*)?(\d{4,6})\b"
)
LAW_DIRECTIVE_RE = re.compile(
    r"\b(Binding[ \t]+Operational|Emergency)[ \t]+Directive[ \t]+(\d{2}-\d{2})\b"
)
LAW_ACT_RE = re.compile(
    rf"(?<![\w-])(?:{_CAP}{_SP}(?:(?:and|of|for|the|on|to)[ \t]+)?){{1,8}}?Act\b"
    r"(?:[ \t]+of[ \t]+(?:19|20)\d\d)?"
)
BILL_RE = re.compile(r"\b(?:a|the|new|proposed|draft|this|that)[ \t]+(?:[\w-]+[ \t]+){0,2}?bill\b")
PERSON_TITLE_RE = re.compile(
    r"\b(?:Secretary|Chairwoman|Chairman|Chair|Commissioner|Director|Administrator|President|"
    r"Senator|Sen\.|Rep\.|Representative|Spokesperson|Spokesman|Spokeswoman|Minister|Ambassador|"
    r"CEO|founder|Governor|Judge|Attorney General|Prime Minister|Chancellor)\b"
)
_NAME_STOP = frozenset({
    "Department", "Bureau", "Office", "Agency", "Commission", "Security", "Commerce", "Treasury",
    "State", "Defense", "Justice", "Homeland", "Intelligence", "Industry", "Affairs", "Council",
    "General", "Acting", "Deputy", "Under", "Assistant", "Foreign", "Financial", "Terrorism",
    "Communications", "Federal", "National", "Senate", "House", "Committee", "Today", "The",
})
_DEMONYM_ALT = "|".join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True))
DEMONYM_GOV_RE = re.compile(
    rf"\b(?P<d>{_DEMONYM_ALT})(?=[ \t]+(?:government|military|intelligence|state|authorities|"
    r"officials|regime|security services|armed forces|army|navy|leadership)\b)"
)
CAMEL_PRODUCT_RE = re.compile(
    r"\b[A-Z][a-z]+[A-Z][a-z]+[A-Za-z]*\b(?=[ \t]+(?:app|application|software|platform|browser|"
    r"antivirus|messenger|service)\b)"
)
_PRIORITY = {"known": 0, "builtin": 1, "alias": 2, "pattern": 3}
_NAME_TOKEN_RE = re.compile(r"[ \t]+(?:(of|for|the|and|on)|([A-Z][a-z]+|[A-Z]\.))(?=[\s,;:.'])")
_ACRONYM_RE = re.compile(
    r"[ \t]*\([ \t]*(?:the[ \t]+)?\"{0,2}'{0,2}([A-Z][A-Za-z0-9&.-]{1,15}?)'{0,2}\"{0,2}[ \t]*\)"
)
_DEFINITION_RE = re.compile(
    r"\(([^()\n]{0,300}?)(?:\"{1,2}|'')([A-Z][^\"'()\n]{0,40}?)(?:\"{1,2}|'')[ \t]*\)"
)


class _Doc:
    """Mentions, entities and running state (last firm named, last reporter) of one text."""

    def __init__(self, text: str, norm: str, known: list[Entity]) -> None:
        self.text = text
        self.norm = norm
        self.known_ids = {e.id for e in known}
        self.gazetteer = Gazetteer([*known, *BUILTIN])
        self.ents: dict[str, _Ent] = {}
        self.mentions: list[Mention] = []
        self.last_reporter: str | None = None
        self.last_affected: str | None = None
        self.last_affected_mention: Mention | None = None
        self._entity_cache: dict[tuple[EntityType, str], str] = {}
        for e in [*known, *BUILTIN]:
            if e.id not in self.ents:
                how = "known" if e.id in self.known_ids else "builtin"
                self.ents[e.id] = _Ent(e.id, e.type, e.name, how, e, country=e.country)

    # entities ---------------------------------------------------------------------------------

    def entity_for(self, etype: EntityType, surface: str) -> str:
        key = (etype, surface)
        cached = self._entity_cache.get(key)
        if cached is not None:
            return cached
        eid = self._entity_for(etype, surface)
        self._entity_cache[key] = eid
        return eid

    def _entity_for(self, etype: EntityType, surface: str) -> str:
        name = " ".join(surface.split()).strip(" ,;")
        hit = self.gazetteer.lookup(name)
        if hit is not None and hit.type is etype:
            return hit.id
        eid = f"{etype.prefix}:{slug(name)}"
        ent = self.ents.get(eid)
        if ent is None:
            self.ents[eid] = _Ent(eid, etype, name, "pattern")
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
            how = "known" if hit.entity.id in self.known_ids else "builtin"
            cands.append(Mention(hit.start, hit.end, hit.entity.id, hit.entity.type, how))

        def add(start: int, end: int, etype: EntityType, surface: str | None = None) -> None:
            eid = self.entity_for(etype, surface if surface is not None else norm[start:end])
            cands.append(Mention(start, end, eid, etype, self.ents[eid].how))

        for m in FIRM_RE.finditer(norm):
            start = m.start()
            prefix = _PREFIX_RE.search(m.group(0))
            if prefix and prefix.start() > 0:  # "Commerce Designated AO Kaspersky Lab"
                start += prefix.start()
            add(start, m.end(), T.FIRM)
        for m in AGENCY_OF_RE.finditer(norm):
            add(m.start(), m.end(), T.AGENCY)
        for m in AGENCY_TAIL_RE.finditer(norm):
            add(m.start(), m.end(), T.ORGANIZATION if m.group("org") else T.AGENCY)
        for m in LAW_EO_RE.finditer(norm):
            add(m.start(), m.end(), T.LAW, f"Executive Order {m.group(1)}")
        for m in LAW_DIRECTIVE_RE.finditer(norm):
            kind = " ".join(m.group(1).split()).title()
            add(m.start(), m.end(), T.LAW, f"{kind} Directive {m.group(2)}")
        for m in LAW_ACT_RE.finditer(norm):
            add(m.start(), m.end(), T.LAW)
        for m in DEMONYM_GOV_RE.finditer(norm):
            cid = DEMONYMS[m.group("d")]
            cands.append(Mention(m.start(), m.end(), cid, T.COUNTRY, self.ents[cid].how))
        for m in CAMEL_PRODUCT_RE.finditer(norm):
            add(m.start(), m.end(), T.PRODUCT)
        cands.extend(self._persons(cands))
        self.mentions = _resolve(cands)
        self._bills()
        self._aliases()
        self._aliases(only_new=True)  # acronyms after an alias: "Binding Operational Directive (BOD)"

    def _persons(self, cands: list[Mention]) -> list[Mention]:
        """``Secretary of Homeland Security Elaine Duke`` → Person ``Elaine Duke``."""
        taken = sorted((m.start, m.end) for m in cands if m.how != "pattern")
        width = max((e - b for b, e in taken), default=0)
        out: list[Mention] = []
        for tm in PERSON_TITLE_RE.finditer(self.norm):
            pos, run = tm.end(), []
            for _ in range(12):
                tok = _NAME_TOKEN_RE.match(self.norm, pos)
                if tok is None:
                    break
                run.append(tok)
                pos = tok.end()
            names: list[re.Match[str]] = []
            for tok in reversed(run):  # the capitalised tail after the last connector
                if tok.group(1):
                    break
                names.append(tok)
            names.reverse()
            names = [t for t in names if not _overlaps(taken, t.start(2), t.end(), width)]
            words = [t.group(2) for t in names]
            if len(words) < 2 or any(w in _NAME_STOP for w in words):
                continue
            keep = names[-3:] if len(words) >= 3 and words[-2].endswith(".") else names[-2:]
            start, end = keep[0].start(2), keep[-1].end()
            eid = self.entity_for(T.PERSON, self.norm[start:end])
            out.append(Mention(start, end, eid, T.PERSON, self.ents[eid].how))
        return out

    def _index(self) -> list[int]:
        return [m.start for m in self.mentions]

    def _bills(self) -> None:
        """An unnamed bill becomes the Law ``bill targeting <first product/firm after it>``."""
        if not self.mentions:
            return
        starts = self._index()
        extra: list[Mention] = []
        for m in BILL_RE.finditer(self.norm):
            end = m.end()
            stop = self.norm.find(".", end, end + 300)
            stop = stop if stop != -1 else end + 300
            near = _within(self.mentions, starts, m.start() - 200, stop)
            if any(x.etype is T.LAW and x.start < end and m.start() < x.end for x in near):
                continue
            target = next((x for x in near if x.start >= end and x.etype in AFFECTED), None)
            if target is None:
                continue
            name = f"bill targeting {self.ents[target.eid].name}"
            eid = self.entity_for(T.LAW, name)
            extra.append(Mention(end - 4, end, eid, T.LAW, "pattern"))
        if extra:
            self.mentions = _resolve(self.mentions + extra)

    def _aliases(self, only_new: bool = False) -> None:
        """Acronyms, defined terms, short forms and bare law titles, found again everywhere.
        With ``only_new``: just acronyms that follow an alias mention and are not known yet."""
        norm = self.norm
        starts = self._index()
        aliases: dict[str, str] = {}
        for m in self.mentions:
            if only_new and m.how != "alias":
                continue
            a = _ACRONYM_RE.match(norm, m.end)
            if a and self._free_alias(a.group(1), m.eid):
                if not (only_new and a.group(1) in self.ents[m.eid].aliases):
                    aliases.setdefault(a.group(1), m.eid)
        if only_new:
            if aliases:
                self._find_aliases(aliases)
            return
        for d in _DEFINITION_RE.finditer(norm):
            i = bisect.bisect_right(starts, d.start()) - 1
            if i >= 0 and self.mentions[i].end > d.start():
                continue  # the parenthesis is part of a name ("Executive Order (E.O.) 13873")
            inside = _within(self.mentions, starts, d.start(), d.start(2))
            before = [x for x in self.mentions[max(0, i):i + 1] if 0 <= d.start() - x.end <= 3]
            owners = inside or before
            term = " ".join(d.group(2).split())
            if owners and owners[-1].etype is not T.LAW and self._free_alias(term, owners[-1].eid):
                aliases[term] = owners[-1].eid  # an explicit definition beats a short form
        first_seen: dict[str, int] = {}
        for m in self.mentions:
            first_seen.setdefault(m.eid, m.start)
        shorts: dict[str, str] = {}
        for eid in sorted(first_seen, key=first_seen.__getitem__):
            ent = self.ents[eid]
            if ent.type is T.FIRM and ent.how in {"pattern", "known"}:
                core = re.sub(rf"^{_LEGAL_PREFIX}\s+", "", ent.name).split()
                if core and len(core[0]) >= 4 and core[0][0].isupper() and core[0].isalpha():
                    if self._free_alias(core[0], eid):
                        shorts.setdefault(core[0], eid)
            if ent.type is T.LAW and ent.how == "pattern":
                bare = re.sub(r"\s+(?:\d[\d-]*|of\s+\d{4})$", "", ent.name)
                if bare != ent.name and len(bare.split()) >= 2:
                    shorts.setdefault(bare, eid)
        for term, eid in shorts.items():
            aliases.setdefault(term, eid)
        if aliases:
            self._find_aliases(aliases)

    def _find_aliases(self, aliases: dict[str, str]) -> None:
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
                if eid_hit is not None:
                    found.append(
                        Mention(hit.start(), hit.end(), eid_hit, self.ents[eid_hit].type, "alias")
                    )
        self.mentions = _resolve(self.mentions + found, keep_existing=True)

    def _free_alias(self, term: str, eid: str) -> bool:
        other = self.gazetteer.lookup(term)
        return (other is None or other.id == eid) and term.lower() not in _ALIAS_STOP


_ALIAS_STOP = frozenset({
    "the", "department", "secretary", "agency", "bureau", "office", "commission", "company",
    "group", "government", "state", "federal", "national", "united", "american", "today",
})


def _within(ms: Sequence[Mention], starts: Sequence[int], lo: int, hi: int) -> list[Mention]:
    """The mentions of ``ms`` (sorted, non-overlapping) that lie inside ``[lo, hi)``."""
    return [
        m for m in ms[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)] if m.end <= hi
    ]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int, width: int) -> bool:
    """Does ``[start, end)`` overlap a span of the sorted ``spans`` (none longer than ``width``)?"""
    i = bisect.bisect_left(spans, (start - width, -1))
    while i < len(spans) and spans[i][0] < end:
        if start < spans[i][1]:
            return True
        i += 1
    return False


def _resolve(cands: list[Mention], keep_existing: bool = False) -> list[Mention]:
    """Non-overlapping mentions: leftmost wins; at one start the gazetteer, then the longest.
    With ``keep_existing`` the non-alias mentions all stay and aliases only fill the gaps."""
    if keep_existing:
        kept = sorted((m for m in cands if m.how != "alias"), key=lambda m: m.start)
        spans = [(m.start, m.end) for m in kept]
        width = max((e - s for s, e in spans), default=0)
        extra: list[Mention] = []
        for m in sorted((m for m in cands if m.how == "alias"), key=lambda m: m.start):
            if not _overlaps(spans, m.start, m.end, width) and (
                not extra or extra[-1].end <= m.start
            ):
                extra.append(m)
        return sorted(kept + extra, key=lambda m: m.start)
    order = sorted(cands, key=lambda m: (m.start, _PRIORITY[m.how] >= 3, -(m.end - m.start)))
    out: list[Mention] = []
    last_end = -1
    for m in order:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


# -- cues ---------------------------------------------------------------------------------------

_I = re.IGNORECASE
BAN_RE = re.compile(
    r"\b(?:ban|bans|banned|banning|prohibit|prohibits|prohibited|prohibiting|barred|bars|barring|"
    r"outlaw(?:s|ed)?|remove|removes|discontinue)\b", _I,
)
LIST_CUE_RE = re.compile(
    r"\b(?:add|adds|added|adding|addition|designat(?:e|es|ed|ing)|list(?:s|ed|ing)?|"
    r"plac(?:e|es|ed|ing)|put|puts|includ(?:e|es|ed|ing)|inclusion)\b", _I,
)
SANCTION_RE = re.compile(
    r"\b(?:sanction(?:s|ed|ing)?|designat(?:e|es|ed|ing)|blacklist(?:s|ed|ing)?|froze|"
    r"asset[ -]freeze)\b", _I,
)
TIE_RE = re.compile(
    r"\b(?:(?P<between>(?:ties|links|connections|relationship)\s+between)|"
    r"(?:ties?|links?|connections?|relationships?|dealings)\s+(?:\w+\s+){0,2}?(?:to|with)|"
    r"(?:linked|connected)\s+to|"
    r"(?:cooperat|coordinat|collaborat|collud|conspir)\w*\s+with|"
    r"(?:controlled|directed|influenced)\s+by|(?:control|direction|influence|behest)\s+of|"
    r"on\s+behalf\s+of|working\s+(?:for|with))\b", _I,
)
CONSIDER_RE = re.compile(
    r"\b(?:consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|contemplat\w+)\s+"
    r"(?:(?:taking|possible|further|additional|new|regulatory|potential|tougher)\s+)*"
    r"(?:action|actions|measures|restrictions|steps)\s+against\b", _I,
)
ACT_RE = re.compile(
    r"\b(?:crack(?:s|ed|ing)?\s+down(?:\s+\w+)?\s+on|crackdown\s+on|"
    r"(?:took|take|takes|taken|taking)\s+(?:\w+\s+){0,2}?action\s+against|action\s+against|"
    r"mov(?:e|es|ed|ing)\s+against|restrict(?:s|ed|ing)?)\b", _I,
)
WARN_RE = re.compile(r"\b(?:warn|caution|advis)\w*\s+(?:\w+\s+){0,3}?(?:against|about)\b", _I)
DECLINE_RE = re.compile(
    r"\b(?:declined|refused|did\s+not\s+(?:immediately\s+)?(?:respond|reply))\b", _I
)
INVADE_RE = re.compile(r"\b(?:invaded|invades|invading|invasion\s+of)\b", _I)
ENACT_RE = re.compile(
    r"\b(?:issued|issues|enacted|enacts|signed|signs|adopted|adopts|promulgated)\b", _I
)
PROPOSE_RE = re.compile(r"\b(?:introduc(?:ed|es|ing)|propos(?:ed|es|ing)|sponsor(?:ed|s|ing))\b", _I)
INVESTIGATE_RE = re.compile(
    r"\b(?:investigat(?:e|es|ed|ing)|prob(?:e|es|ed|ing)|review(?:s|ed|ing)?\s+(?:\w+\s+){0,2}?"
    r"(?:transactions|activities|conduct|operations|sales)|(?:opened|launched)\s+(?:an?\s+)?"
    r"(?:investigation|inquiry|probe|review)\s+(?:into|of))\b", _I,
)

STANCE_CUES: tuple[tuple[re.Pattern[str], Stance], ...] = (
    (re.compile(r"\b(?:alleg\w*|accus\w*|claim(?:s|ed|ing)?|suspect\w*|purported\w*|"
                r"concerned\s+(?:about|that|over)|concerns?\s+(?:about|over))\b", _I),
     Stance.ALLEGED),
    (re.compile(r"\b(?:den(?:y|ies|ied|ying)|rejects?|rejected)\b", _I), Stance.DENIED),
    (re.compile(r"\b(?:disput\w+|contest(?:s|ed|ing)?)\b", _I), Stance.DISPUTED),
    (re.compile(r"\b(?:reported|reports\s+that|according\s+to)\b", _I), Stance.REPORTED),
    (re.compile(r"\b(?:retract\w*|withdr[ae]w\w*)\b", _I), Stance.RETRACTED),
)
SAID_RE = re.compile(r"\b(?:said|says|stated|announced|confirmed|told)\b", _I)
TRAIL_REPORT_RE = re.compile(r",\s*(?:the|a|that)\s+report\s+(?:said|says|stated)\W*$", _I)
TRAIL_SAID_RE = re.compile(r",\s*(?P<who>[^,]{2,80}?)\s+(?:said|says|stated)\W*$", _I)
IRREALIS_SKIP_RE = re.compile(
    r"\b(?:whether|if|regarding|resistance|oppos\w+|against\s+(?:a|any)|avoid\w*)\b[^.;]*$", _I
)
IRREALIS_PROPOSED_RE = re.compile(
    r"\b(?:would|could|might|may|should|propos\w+|consider\w*|weigh\w*|plan(?:s|ned)?\s+to|"
    r"seek\w*\s+to|call(?:s|ed)?\s+for|urg\w+|threat\w*)\b[^.;]*$", _I,
)
NEGATED_RE = re.compile(r"\b(?:not|never|no\s+longer|n't)\s+(?:\w+\s+)?$", _I)
PERSON_GROUP_OF_RE = re.compile(
    r"\b(?:executives?|leaders?|leadership|officials?|employees?|members?|individuals?|persons?|"
    r"people|directors?|officers?|managers?|staff|shareholders?|founders?)\b[^.;]*\bof\b", _I,
)
OF_RE = re.compile(r"\s*(?:of|in|within)\s+(?:the\s+)?")
POSSESSIVE_RE = re.compile(r"'s?[ \t]*\n?[ \t]*")
GAP_AND_RE = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*,?\s*(?:and|or|as\s+well\s+as|&)?\s*,?\s*")

# headquartered-in: "the Russian cybersecurity firm, X" / "X, a Russian ... company" /
# "Russian-based X" / "X (Russia)"
_NOUNS = (r"(?:firm|firms|company|companies|group|maker|provider|vendor|developer|giant|"
          r"manufacturer|corporation|conglomerate|carrier|operator|bank|entity|business)")
_COUNTRY_NAMES = {
    n: e.id for e in BUILTIN if e.type is T.COUNTRY for n in (e.name, *e.aliases)
    if len(n.split()) <= 3 and "government" not in n.lower() and "administration" not in n
}
_PLACE_ALT = "|".join(sorted(map(re.escape, [*DEMONYMS, *_COUNTRY_NAMES]), key=len, reverse=True))
HQ_BASED_RE = re.compile(rf"\b(?P<p>{_PLACE_ALT})-based(?:\s+[a-z][\w-]*){{0,3}}\s+$")
HQ_DESC_BEFORE_RE = re.compile(
    rf"\b(?:the|a|an)\s+(?P<p>{_DEMONYM_ALT})(?:-based)?\s+(?:[a-z][\w-]*\s+(?:and\s+)?){{0,4}}?"
    rf"{_NOUNS}\s*,?\s*$"
)
HQ_DESC_AFTER_RE = re.compile(
    rf"\s*,\s*(?:a|an|the)\s+(?P<p>{_PLACE_ALT})(?:-based)?\s+(?:[a-z][\w-]*\s+(?:and\s+)?){{0,4}}?"
    rf"{_NOUNS}\b"
)
HQ_OF_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,20}\)[ \t]*)?of[ \t]+")  # "SMIC of China"
HQ_PAREN_RE = re.compile(r"[ \t]*\(([A-Za-z. ]{2,40})\)")

# dates
_MONTH_ALT = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_ALT})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_ALT})\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<m3>{_MONTH_ALT})\s+(?:of\s+)?(?P<y3>(?:19|20)\d\d)"
    r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"
    r"|(?P<prep>in|since|from|during|by|until|through|before|after|early|late|mid-?)\s+"
    r"(?P<y4>(?:19|20)\d\d))\b"
)
CLAUSE_BREAK_RE = re.compile(
    r"\b(?:after|before|when|while|because|although|whereas|which|who|following)\b|[;:]", _I
)
_TO_PREPS = re.compile(r"\b(?:until|through|till|before|by)\s+$", _I)
RELATIVE_RE = re.compile(
    r"\b(?:(?:last|this|next)\s+(?:year|month|week)|earlier\s+this\s+(?:year|month)|"
    r"today|yesterday)\b", _I,
)


# -- claims ---------------------------------------------------------------------------------------


@dataclass
class _Raw:
    subject: str
    predicate: Predicate
    object: str
    sentence: tuple[int, int]
    cue: tuple[int, int]
    confidence: float
    stance: Stance | None = None  # None: read the stance cues of the sentence
    asserted_by: str | None = None
    pronoun: bool = False


class _Sentence:
    """One sentence: its mentions (sorted, non-overlapping) and the neighbour look-ups the rules
    use, each a bisection plus a short scan, so a sentence costs about O(cues × log mentions)."""

    NEAR = 12  # before()/after() return at most this many mentions (of the 48 nearest)

    def __init__(self, doc: _Doc, span: tuple[int, int], mentions: list[Mention]) -> None:
        self.doc = doc
        self.start, self.end = span
        self.span = span
        self.ms = mentions
        self.starts = [m.start for m in mentions]
        self.ends = [m.end for m in mentions]
        self.raws: list[_Raw] = []
        self.consumed: list[tuple[int, int]] = []
        self._pair_cache: list[tuple[Mention, Mention, str]] | None = None
        self._modifiers: set[int] | None = None
        self._heads: dict[int, Mention] = {}
        self.date_cache: list[tuple[int, int, str, bool]] | None = None
        self.stance_cache: list[tuple[int, Stance, re.Match[str]]] | None = None
        self._groupable: dict[frozenset[EntityType], tuple[list[Mention], dict[int, int]]] = {}

    # finding neighbours -----------------------------------------------------------------------

    def inside_mention(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.ms[i].end > pos

    def cues(self, regex: re.Pattern[str]) -> list[re.Match[str]]:
        """Cue matches that do not fall inside a mention (``list`` in ``Entity List``)."""
        return [
            c for c in regex.finditer(self.doc.norm, self.start, self.end)
            if not self.inside_mention(c.start())
        ]

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

    def head(self, m: Mention) -> Mention:
        """``Russia's Federal Security Service``: the owner's possession is the head."""
        cached = self._heads.get(m.start)
        if cached is not None:
            return cached
        h = m
        for _ in range(3):
            gap = POSSESSIVE_RE.match(self.doc.norm, h.end)
            nxt = self.next_mention(h.end)
            if gap is None or nxt is None or gap.end() != nxt.start:
                break
            h = nxt
        self._heads[m.start] = h
        return h

    def pairs(self) -> list[tuple[Mention, Mention, str]]:
        """Adjacent mentions joined by ``'s`` (possessive) or ``of``/``in the`` (of), skipping
        a parenthesised acronym of the first one: ``BIS (BIS) of the U.S. Department ...``."""
        out: list[tuple[Mention, Mention, str]] = []
        ms = self.ms
        for i, a in enumerate(ms):
            j = i + 1
            end = a.end
            while j < len(ms) and ms[j].eid == a.eid and re.fullmatch(
                r"\s*\(\s*", self.doc.norm[end:ms[j].start]
            ):
                end = self.doc.norm.find(")", ms[j].end, ms[j].end + 5) + 1 or ms[j].end
                j += 1
            if j >= len(ms):
                break
            b = ms[j]
            gap = self.doc.norm[end:b.start]
            if end == a.end and POSSESSIVE_RE.fullmatch(gap) and gap.startswith("'"):
                out.append((a, b, "possessive"))
            elif OF_RE.fullmatch(gap) and a.eid != b.eid:
                out.append((a, b, "of"))
        return out

    def is_modifier(self, m: Mention) -> bool:
        """The owner in ``X's Y`` or the parent in ``Y of the X``: not an actor of its own."""
        if self.head(m) is not m:
            return True
        if self._modifiers is None:
            mods: set[int] = set()
            for a, b, kind in self._pairs:
                if kind != "of" or a.etype is not T.AGENCY:
                    continue
                mods.add(b.start)
                nxt = self.next_mention(b.end)
                if nxt is not None and nxt.eid == b.eid and re.fullmatch(
                    r"\s*\(\s*", self.doc.norm[b.end:nxt.start]
                ):
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
        for _ in range(self.NEAR):
            j = i + direction
            if not 0 <= j < len(cands):
                break
            a, b = (cands[j], cands[i]) if direction < 0 else (cands[i], cands[j])
            if not GAP_AND_RE.fullmatch(self.doc.norm[a.end:b.start]):
                break
            out.append(cands[j])
            i = j
        return out if direction > 0 else list(reversed(out))

    def subjects_before(self, pos: int, types: frozenset[EntityType]) -> list[Mention]:
        near = [m for m in self.before(pos, types) if not self.is_modifier(m)]
        return self.group(near[0], -1, types) if near else []

    def objects_after(self, pos: int, types: frozenset[EntityType]) -> list[Mention]:
        near = self.after(pos, types)
        if not near:
            return []
        first = self.head(near[0])
        if first.etype not in types:
            return []
        return self.group(first, 1, types)

    def pronoun_before(self, pos: int) -> str | None:
        if re.search(r"\b(?:[Ii]t|[Tt]hey)\b", self.doc.norm[self.start:pos]):
            return self.doc.last_affected
        return None

    def pronoun_after(self, pos: int) -> str | None:
        if re.match(r"\s+(?:it|them)\b", self.doc.norm[pos:pos + 8]):
            return self.doc.last_affected
        return None

    def passive(self, cue: re.Match[str]) -> bool:
        left = self.doc.norm[max(self.start, cue.start() - 40):cue.start()]
        right = self.doc.norm[cue.end():min(self.end, cue.end() + 40)]
        return bool(
            re.search(r"\b(?:is|are|was|were|be|been|being|get|gets|got)\s+(?:\w+\s+)?$", left, _I)
            or re.match(r"\s+by\b", right)
        )

    def by_agent(self, pos: int, types: frozenset[EntityType]) -> Mention | None:
        m = re.match(r"(?:\s+[\w-]+){0,3}?\s+by\s+(?:the\s+)?", self.doc.norm[pos:self.end])
        if m is None:
            return None
        nxt = self.after(pos + m.end(), types)
        return nxt[0] if nxt and nxt[0].start == pos + m.end() else None

    def window(self, pos: int, size: int = 60) -> str:
        return self.doc.norm[max(self.start, pos - size):pos]

    def irrealis(self, pos: int) -> str | None:
        win = self.window(pos)
        if IRREALIS_SKIP_RE.search(win):
            return "skip"
        if IRREALIS_PROPOSED_RE.search(win):
            return "proposed"
        return None

    def negated(self, pos: int) -> bool:
        return bool(NEGATED_RE.search(self.window(pos, 20)))

    def add(
        self, subject: str | Mention, predicate: Predicate, obj: str | Mention,
        cue: re.Match[str] | tuple[int, int], confidence: float, **kw: Any,
    ) -> None:
        s = subject.eid if isinstance(subject, Mention) else subject
        o = obj.eid if isinstance(obj, Mention) else obj
        span = (cue.start(), cue.end()) if isinstance(cue, re.Match) else cue
        self.raws.append(_Raw(s, predicate, o, self.span, span, confidence, **kw))


def _law_proposed(sent: _Sentence, law: Mention) -> bool:
    name = sent.doc.ents[law.eid].name.lower()
    near = sent.doc.norm[max(sent.start, law.start - 40):min(sent.end, law.end + 20)]
    return "bill" in name or bool(
        re.search(r"\b(?:proposed|draft|introduc\w*|pending|that\s+would)\b", near, _I)
    )


def _rule_ban(sent: _Sentence) -> None:
    for cue in sent.cues(BAN_RE):
        if sent.negated(cue.start()):
            continue
        laws = sent.before(cue.start(), frozenset({T.LAW}))
        if laws:  # "<Law> ... ban <X>": the law targets X; in force, X is banned by its authority
            law = laws[0]
            targets = sent.objects_after(cue.end(), AFFECTED) or sent.objects_after(law.end, AFFECTED)
            proposed = _law_proposed(sent, law)
            for t in targets:
                sent.add(law, P.TARGETS, t, cue, 0.7, stance=Stance.PROPOSED if proposed else None)
            if proposed or not targets:
                continue
            nearest = sent.before(cue.start(), AUTHORITY)[:1] + sent.after(cue.end(), AUTHORITY)[:1]
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
            sent.add(s, P.BANNED_BY, auth, cue, 0.75, stance=stance)
        if pron:
            sent.add(pron, P.BANNED_BY, auth, cue, 0.6, stance=stance, pronoun=True)


def _rule_listed(sent: _Sentence) -> None:
    lists = [m for m in sent.ms if m.etype is T.LIST]
    if not lists:
        return
    for cue in sent.cues(LIST_CUE_RE):
        lst = next((m for m in lists if m.start >= cue.end()), None)
        if lst is None or sent.negated(cue.start()):
            continue
        lead = sent.doc.norm[max(cue.end(), lst.start - 40):lst.start]
        if not re.search(r"\b(?:to|on|onto|in|into)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
                         r"(?:[\w.]+'s?\s+)?$", lead, _I):
            continue
        subs = [m for m in sent.ms if cue.end() <= m.start and m.end <= lst.start
                and m.etype in AFFECTED and not sent.is_modifier(m)]
        pron = None
        if not subs:
            subs = sent.subjects_before(cue.start(), AFFECTED)
            pron = sent.pronoun_before(cue.start()) if not subs else None
        for s in subs:
            sent.add(s, P.LISTED_ON, lst, cue, 0.8)
        if pron:
            sent.add(pron, P.LISTED_ON, lst, cue, 0.65, pronoun=True)


def _rule_sanction(sent: _Sentence) -> None:
    for cue in sent.cues(SANCTION_RE):
        if cue.group(0).lower().startswith("designat") and any(
            m.etype is T.LIST and m.start > cue.end() for m in sent.ms
        ):
            continue
        if sent.negated(cue.start()) or sent.irrealis(cue.start()):
            continue
        auths = [m for m in sent.before(cue.start(), AUTHORITY) if not sent.is_modifier(m)]
        if sent.passive(cue) or not auths:
            subs = sent.subjects_before(cue.start(), AFFECTED)
            auth = sent.by_agent(cue.end(), AUTHORITY)
        else:
            auth = auths[0]
            subs = sent.objects_after(cue.end(), AFFECTED)
            if subs and PERSON_GROUP_OF_RE.search(sent.doc.norm[cue.end():subs[0].start]):
                subs = []  # "sanctioning 12 executives of X": X itself is not sanctioned
        if auth is not None:
            for s in subs:
                sent.add(s, P.SANCTIONED_BY, auth, cue, 0.75)


def _rule_tie(sent: _Sentence) -> None:
    anything = frozenset(T) - {T.LIST, T.LAW}
    for cue in sent.cues(TIE_RE):
        if cue.group("between"):
            firsts = sent.after(cue.end(), AFFECTED)
            if not firsts:
                continue
            subs = [firsts[0]]
            conj = re.search(r"\band\b", sent.doc.norm[firsts[0].end:sent.end])
            objs = sent.after(firsts[0].end + conj.end(), anything) if conj else []
            obj = sent.head(objs[0]) if objs else None
        else:
            subs = sent.subjects_before(cue.start(), AFFECTED)
            if not subs and re.search(r"\b(?:its|their)\s+$", sent.window(cue.start(), 12)):
                last = sent.doc.last_affected_mention
                subs = [last] if last is not None else []
            objs = sent.after(cue.end(), anything)
            obj = sent.head(objs[0]) if objs else None
        if obj is None:
            continue
        for s in subs:
            if s.eid != obj.eid:
                sent.add(s, P.ALLEGED_TIE_TO, obj, cue, 0.7)


def _rule_actor_on_target(
    sent: _Sentence, regex: re.Pattern[str], predicate: Predicate, confidence: float,
    mark: bool = False, skip_irrealis: bool = True,
) -> None:
    """``<authority> <cue> <affected>``: considering action against, cracking down on, warning."""
    for cue in sent.cues(regex):
        if any(s <= cue.start() < e for s, e in sent.consumed):
            continue
        if sent.negated(cue.start()) or (skip_irrealis and sent.irrealis(cue.start())):
            continue
        auths = [m for m in sent.before(cue.start(), AUTHORITY) if not sent.is_modifier(m)]
        targets = sent.objects_after(cue.end(), AFFECTED)
        if not auths or not targets:
            continue
        if PERSON_GROUP_OF_RE.search(sent.doc.norm[cue.end():targets[0].start]):
            continue
        if mark:
            sent.consumed.append((cue.start(), cue.end()))
        for t in targets:
            if predicate is P.WARNED_AGAINST_BY:
                sent.add(t, predicate, auths[0], cue, confidence)
            else:
                sent.add(auths[0], predicate, t, cue, confidence)


def _rule_declined(sent: _Sentence) -> None:
    for cue in sent.cues(DECLINE_RE):
        tail = sent.doc.norm[cue.end():min(sent.end, cue.end() + 80)]
        if not re.search(r"\bcomment", tail, _I):
            continue
        orgs = [m for m in sent.after(cue.end(), frozenset({T.ORGANIZATION}))
                if m.start <= cue.end() + 80]
        subs = sent.subjects_before(cue.start(), AFFECTED | {T.AGENCY})
        for org in orgs[:1]:
            for s in subs:
                sent.add(s, P.DECLINED_COMMENT_TO, org, cue, 0.7)


def _rule_invaded(sent: _Sentence) -> None:
    countries = frozenset({T.COUNTRY})
    for cue in sent.cues(INVADE_RE):
        before = sent.before(cue.start(), countries)
        after = sent.after(cue.end(), countries)
        if before and after and before[0].eid != after[0].eid:
            sent.add(before[0], P.INVADED, after[0], cue, 0.8)


def _rule_law_actor(sent: _Sentence, regex: re.Pattern[str], predicate: Predicate) -> None:
    """``<actor> issued <Law>`` → enacted-by; ``<actor> introduced <Law>`` → proposed-by."""
    actors = AUTHORITY | {T.PERSON}
    for cue in sent.cues(regex):
        laws = [m for m in sent.after(cue.end(), frozenset({T.LAW})) if m.start - cue.end() < 40]
        if laws:
            actor = next(iter(sent.before(cue.start(), actors)), None)
            if actor is not None and cue.start() - actor.end < 60:
                sent.add(laws[0], predicate, actor, cue, 0.7)
            continue
        laws = sent.before(cue.start(), frozenset({T.LAW}))
        agent = sent.by_agent(cue.end(), actors)
        if laws and agent is not None:
            sent.add(laws[0], predicate, agent, cue, 0.7)


def _rule_investigated(sent: _Sentence) -> None:
    for cue in sent.cues(INVESTIGATE_RE):
        if sent.negated(cue.start()):
            continue
        if sent.passive(cue):
            subs = sent.subjects_before(cue.start(), AFFECTED)
            auth = sent.by_agent(cue.end(), AUTHORITY)
        else:
            auth = next(iter(m for m in sent.before(cue.start(), AUTHORITY)
                             if not sent.is_modifier(m)), None)
            window = sent.doc.norm[cue.end():sent.end]
            stop = re.search(r"\b(?:whether|to\s+determine|if)\b", window)
            limit = cue.end() + (stop.start() if stop else len(window))
            subs = [m for m in sent.objects_after(cue.end(), AFFECTED) if m.start < limit]
        if auth is not None:
            for s in subs:
                sent.add(s, P.INVESTIGATED_BY, auth, cue, 0.6)


def _rule_possessive(sent: _Sentence) -> None:
    """``Russia's Federal Security Service`` → part-of; ``Commerce's Entity List`` → administers;
    ``Bureau of Industry and Security (BIS) in the Department of Commerce`` → part-of."""
    for a, b, kind in sent.pairs():
        span = (a.start, b.end)
        if kind == "possessive":
            if a.etype in {T.AGENCY, T.COUNTRY} and b.etype is T.AGENCY:
                sent.add(b, P.PART_OF, a, span, 0.7, stance=Stance.ASSERTED)
            elif a.etype in AUTHORITY and b.etype is T.LIST:
                sent.add(a, P.ADMINISTERS, b, span, 0.7, stance=Stance.ASSERTED)
            elif a.etype is T.FIRM and b.etype is T.PRODUCT:
                sent.add(b, P.PRODUCT_OF, a, span, 0.6, stance=Stance.ASSERTED)
        elif kind == "of" and a.etype is T.AGENCY and b.etype in {T.AGENCY, T.COUNTRY}:
            sent.add(a, P.PART_OF, b, span, 0.65, stance=Stance.ASSERTED)


def _rule_headquarters(sent: _Sentence) -> None:
    norm = sent.doc.norm
    firms = [m for m in sent.ms if m.etype in {T.FIRM, T.ORGANIZATION}]
    for m in firms:
        left = norm[max(sent.start, m.start - 120):m.start]
        place = None
        hit = HQ_BASED_RE.search(left) or HQ_DESC_BEFORE_RE.search(left)
        if hit is None:
            hit = HQ_DESC_AFTER_RE.match(norm, m.end, sent.end)
        if hit is not None:
            place = DEMONYMS.get(hit.group("p")) or _COUNTRY_NAMES.get(hit.group("p"))
        if place:
            sent.add(m, P.HEADQUARTERED_IN, place, (m.start, m.end), 0.7, stance=Stance.ASSERTED)
        of_country = HQ_OF_RE.match(norm, m.end, sent.end)
        if of_country is not None and m.etype is T.FIRM:
            after = [x for x in sent.ms if x.start == of_country.end() and x.etype is T.COUNTRY]
            if after:
                sent.add(m, P.HEADQUARTERED_IN, after[0].eid, (m.start, after[0].end), 0.65,
                         stance=Stance.ASSERTED)
        paren = HQ_PAREN_RE.match(norm, m.end, sent.end)
        if paren is None:
            continue
        country = sent.doc.gazetteer.lookup(paren.group(1).strip())
        if country is None or country.type is not T.COUNTRY:
            continue
        group = [m]
        idx = firms.index(m)
        while idx > 0:  # "A and B (Russia)": both are in Russia
            prev = firms[idx - 1]
            gap = norm[prev.end:group[-1].start]
            if "(" in gap or not re.fullmatch(r"\s*,?\s*(?:and|or)?\s*", gap):
                break
            group.append(prev)
            idx -= 1
        for g in group:
            sent.add(g, P.HEADQUARTERED_IN, country.id, (g.start, paren.end()), 0.75,
                     stance=Stance.ASSERTED)


RULES: tuple[Callable[[_Sentence], None], ...] = (
    lambda s: _rule_actor_on_target(s, CONSIDER_RE, P.CONSIDERING_ACTION_AGAINST, 0.75,
                                    mark=True, skip_irrealis=False),
    _rule_ban,
    _rule_listed,
    _rule_sanction,
    _rule_tie,
    lambda s: _rule_actor_on_target(s, ACT_RE, P.ACTED_AGAINST, 0.6),
    lambda s: _rule_actor_on_target(s, WARN_RE, P.WARNED_AGAINST_BY, 0.65),
    _rule_declined,
    _rule_invaded,
    lambda s: _rule_law_actor(s, ENACT_RE, P.ENACTED_BY),
    lambda s: _rule_law_actor(s, PROPOSE_RE, P.PROPOSED_BY),
    _rule_investigated,
    _rule_possessive,
    _rule_headquarters,
)


# -- stance, speaker, dates ---------------------------------------------------------------------


def _speaker_before(sent: _Sentence, pos: int, exclude: set[str]) -> str | None:
    for m in sent.before(pos, SPEAKERS):
        if m.eid not in exclude and m.etype is not T.LAW:
            return sent.head(m).eid if sent.head(m).eid not in exclude else m.eid
    return None


def _stance(sent: _Sentence, raw: _Raw) -> tuple[Stance, str | None]:
    norm, cue = sent.doc.norm, raw.cue[0]
    exclude = {raw.subject, raw.object}
    window_start = max(sent.start, cue - 200)
    semi = norm.rfind(";", window_start, cue)
    window_start = semi + 1 if semi != -1 else window_start
    if sent.stance_cache is None:
        found = [
            (m.start(), stance, m) for regex, stance in STANCE_CUES
            for m in regex.finditer(norm, sent.start, sent.end) if not sent.inside_mention(m.start())
        ]
        sent.stance_cache = sorted(found, key=lambda x: x[0])
    best: tuple[int, Stance, re.Match[str]] | None = None
    for start, stance, m in sent.stance_cache:
        if start >= cue:
            break
        if start >= window_start and m.end() <= cue:
            best = (start, stance, m)
    if best is not None:
        _, stance, m = best
        if stance is Stance.REPORTED and m.group(0).lower().startswith("according"):
            who = sent.after(m.end(), SPEAKERS)
            return stance, who[0].eid if who else None
        speaker = _speaker_before(sent, m.start(), exclude)
        if stance is Stance.REPORTED and speaker is not None:
            sent.doc.last_reporter = speaker
        if stance in {Stance.DENIED, Stance.DISPUTED, Stance.RETRACTED} and speaker is None:
            speaker = next((x.eid for x in sent.before(m.start(), SPEAKERS)), None)
        return stance, speaker
    text = norm[sent.start:sent.end]
    if TRAIL_REPORT_RE.search(text):
        return Stance.REPORTED, sent.doc.last_reporter
    said = None
    trail = TRAIL_SAID_RE.search(text)
    if trail:
        who = [m for m in sent.ms if m.start >= sent.start + trail.start("who")
               and m.end <= sent.start + trail.end("who") and m.etype in SPEAKERS]
        said = who[0].eid if who else None
    else:
        for m in SAID_RE.finditer(norm, window_start, cue):
            said = _speaker_before(sent, m.start(), exclude) or said
    return Stance.ASSERTED, said


def _partial(y: str, m: int | None = None, d: str | None = None) -> str | None:
    try:
        if m is None:
            return y
        if d is None:
            return f"{y}-{m:02d}"
        return date(int(y), m, int(d)).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int:
    number = month_number(name)
    assert number is not None, name  # DATE_RE only matches month names
    return number


def _sentence_dates(sent: _Sentence) -> list[tuple[int, int, str, bool]]:
    """(start, end, partial date, is-an-end-date) of every absolute date in the sentence."""
    if sent.date_cache is not None:
        return sent.date_cache
    norm = sent.doc.norm
    out: list[tuple[int, int, str, bool]] = []
    for m in DATE_RE.finditer(norm, sent.start, sent.end):
        if sent.inside_mention(m.start()):
            continue  # "Act of 2019"
        g = m.groupdict()
        if g["y1"]:
            value = _partial(g["y1"], _month(g["m1"]), g["d1"])
        elif g["y2"]:
            value = _partial(g["y2"], _month(g["m2"]), g["d2"])
        elif g["y3"]:
            value = _partial(g["y3"], _month(g["m3"]))
        elif g["iso"]:
            y, mo, d = g["iso"].split("-")
            value = _partial(y, int(mo), d)
        else:
            value = g["y4"]
        if value is None:
            continue
        to = bool(_TO_PREPS.search(norm[max(sent.start, m.start() - 10):m.start()])) or (
            g["prep"] or "").lower() in {"until", "through", "before", "by"}
        out.append((m.start(), m.end(), value, to))
    for m in RELATIVE_RE.finditer(norm, sent.start, sent.end):
        out.append((m.start(), m.end(), " ".join(m.group(0).lower().split()), False))
    sent.date_cache = out
    return out


def _dates(
    sent: _Sentence, raw: _Raw, published: str | None
) -> tuple[str | None, str | None, dict[str, Any]]:
    """valid_from, valid_to and qualifiers from the dates in the claim's clause."""
    norm, cue = sent.doc.norm, raw.cue
    near = [
        (abs(start - cue[0]), value, to)
        for start, end, value, to in _sentence_dates(sent)
        if abs(start - cue[0]) < 300 and not CLAUSE_BREAK_RE.search(_between(norm, (start, end), cue))
    ]
    valid_from = valid_to = None
    relative = None
    for _, value, to in sorted(near):
        if not value[0].isdigit():
            relative = relative or value
        elif to and valid_to is None:
            valid_to = value
        elif not to and valid_from is None:
            valid_from = value
    qualifiers: dict[str, Any] = {}
    if valid_from is None and valid_to is None and relative is not None:
        resolved = _resolve_relative(relative, published)
        if resolved is None:
            qualifiers["relative_date"] = relative
        else:
            valid_from = resolved
    return valid_from, valid_to, qualifiers


def _between(norm: str, a: tuple[int, int], b: tuple[int, int]) -> str:
    """The text strictly between two spans."""
    return norm[a[1]:b[0]] if a[0] < b[0] else norm[b[1]:a[0]]


def _resolve_relative(phrase: str, published: str | None) -> str | None:
    if published is None:
        return None
    parts = published.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else None
    if phrase in {"last year"}:
        return str(year - 1)
    if phrase in {"this year", "earlier this year"}:
        return str(year)
    if phrase == "next year":
        return str(year + 1)
    if phrase in {"last month", "this month", "earlier this month"} and month is not None:
        if phrase == "last month":
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return f"{year}-{month:02d}"
    if phrase in {"today", "yesterday"}:
        if len(parts) == 3:
            day = date.fromisoformat(published)
            return (day - timedelta(days=1 if phrase == "yesterday" else 0)).isoformat()
        return published
    return None


# -- the loader ---------------------------------------------------------------------------------


def extract(
    text: str | bytes,
    meta: ArticleMeta | Mapping[str, Any] | None = None,
    known: Iterable[Entity] = (),
) -> Parsed:
    """Candidate claims of ``text`` (see the module docstring). Raises InvalidInput on garbage."""
    text = _decode(text)
    info = _meta(meta)
    known_list = list(known)
    norm = normalise(text)
    doc = _Doc(text, norm, known_list)
    doc.find_mentions()

    spans = sentences(norm)
    raws: list[tuple[_Raw, Stance, str | None, _Sentence]] = []
    mi = 0
    for span in spans:
        while mi < len(doc.mentions) and doc.mentions[mi].start < span[0]:
            mi += 1
        mj = mi
        while mj < len(doc.mentions) and doc.mentions[mj].end <= span[1]:
            mj += 1
        sent = _Sentence(doc, span, doc.mentions[mi:mj])
        if sent.ms:
            for rule in RULES:
                rule(sent)
            for raw in sent.raws:
                if raw.stance is not None:
                    stance, speaker = raw.stance, raw.asserted_by
                else:
                    stance, speaker = _stance(sent, raw)
                raws.append((raw, stance, speaker, sent))
        for m in reversed(sent.ms):
            if m.etype in {T.FIRM, T.PRODUCT}:
                doc.last_affected, doc.last_affected_mention = m.eid, m
                break
        mi = mj

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
        f"{len(claims)} candidate claims from {len(spans)} sentences and "
        f"{len(doc.mentions)} entity mentions"
    )
    if info.published_at is None and any("relative_date" in c.qualifiers for c in claims):
        parsed.notes.append("published date unknown: relative dates kept as qualifier relative_date")
    return parsed


def extract_file(
    text_path: Path | str, meta_path: Path | str | None = None, known: Iterable[Entity] = ()
) -> Parsed:
    """``regkg extract ARTICLE.txt --meta meta.yaml``: read both files, then :func:`extract`."""
    path = Path(text_path)
    try:
        size = path.stat().st_size
        if size > MAX_CHARS * 4:
            raise InvalidInput(f"{path}: {size} bytes is too large for an article")
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read: {exc.strerror}") from None
    meta = load_meta(meta_path) if meta_path is not None else ArticleMeta()
    try:
        return extract(raw, meta, known)
    except InvalidInput as exc:
        raise InvalidInput(f"{path}: {exc.message}", exc.details) from None


def _source(text: str, info: ArticleMeta) -> Source:
    title = info.title
    if not title:
        first = next((line.strip() for line in text.splitlines() if line.strip()), "untitled")
        title = first[:200]
    sid = info.id or "source:" + slug(" ".join(filter(None, [info.publisher, title])))[:80].strip("-")
    return Source(
        id=sid, title=title, kind=info.kind, url=info.url, publisher=info.publisher,
        author=info.author, published_at=info.published_at, retrieved_at=info.retrieved_at,
        text=text, derived_from=info.derived_from,
    )


def _quote_span(text: str, sentence: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    start, end = sentence
    if end - start > 600:  # a long sentence: the part around the cue, cut at white space
        start = max(start, cue[0] - 300)
        end = min(end, cue[1] + 300)
        while start > sentence[0] and not text[start - 1].isspace():
            start += 1
        while end < sentence[1] and not text[end].isspace():
            end -= 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _claims(
    doc: _Doc, raws: list[tuple[_Raw, Stance, str | None, _Sentence]], info: ArticleMeta,
    source_id: str,
) -> tuple[list[Claim], set[str]]:
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
            vf, vt, quals = _dates(sent, raw, info.published_at)
        conf = raw.confidence
        hows = {doc.how(raw.subject), doc.how(raw.object)}
        if hows <= {"known", "builtin"}:
            conf += 0.05
        if "pattern" in hows:
            conf -= 0.05
        if raw.pronoun:
            conf -= 0.1
        start, end = _quote_span(doc.text, raw.sentence, raw.cue)
        key = (raw.subject, raw.predicate, raw.object, stance, speaker, vf, vt,
               tuple(sorted(quals.items())))
        entry = merged.setdefault(key, {"conf": 0.0, "cites": {}})
        entry["conf"] = max(entry["conf"], conf)
        entry["cites"][(start, end)] = None
    claims: list[Claim] = []
    used: set[str] = set()
    for key, entry in merged.items():
        subject, predicate, obj, stance, speaker, vf, vt, qual_items = key
        if vf and vt and vt < vf:
            vt = None
        cites = tuple(
            Citation(source=source_id, quote=doc.text[s:e], start=s, end=e)
            for s, e in entry["cites"]
        )
        claims.append(Claim(
            subject=subject, predicate=predicate, object=obj, stance=stance,
            asserted_by=speaker, valid_from=vf, valid_to=vt, qualifiers=dict(qual_items),
            confidence=round(min(0.95, max(0.3, entry["conf"])), 2),
            method=Method.EXTRACTED, citations=cites,
        ))
        used |= {subject, obj} | ({speaker} if speaker else set())
    claims.sort(key=lambda c: (c.citations[0].start, c.predicate.value, c.subject, c.object))
    return claims, used


def _entity(ent: _Ent, claims: list[Claim]) -> Entity:
    if ent.entity is not None:
        return ent.entity
    country = None
    for c in claims:
        if c.subject == ent.id and c.predicate is P.HEADQUARTERED_IN:
            builtin = next((e for e in BUILTIN if e.id == c.object), None)
            country = builtin.country if builtin else None
            break
    return Entity(
        id=ent.id, type=ent.type, name=ent.name, aliases=tuple(ent.aliases), country=country,
        candidate=True,
    )


# -- output ---------------------------------------------------------------------------------------

_HEADER = (
    "# Draft written by the article extractor (regkg extract). Every claim is a candidate\n"
    "# (method: extracted): check each quote, stance and id before loading; entities marked\n"
    "# candidate: true are new and unreviewed.\n"
)


def dump_curated(parsed: Parsed, text_file_name: str | None = None) -> str:
    """``parsed`` as curated YAML. With ``text_file_name`` the source names its text file
    (``text_file:``, relative to the YAML file) instead of carrying the text inline."""
    sources = []
    for s in parsed.sources:
        item: dict[str, Any] = {
            "id": s.id, "title": s.title, "kind": s.kind, "url": s.url, "publisher": s.publisher,
            "author": s.author, "published_at": s.published_at, "retrieved_at": s.retrieved_at,
        }
        if text_file_name is not None:
            item["text_file"] = text_file_name
        else:
            item["text"] = s.text
        item["derived_from"] = list(s.derived_from)
        sources.append(item)
    entities = []
    for e in parsed.entities:
        item = {"id": e.id, "type": e.type.value, "name": e.name, "aliases": list(e.aliases)}
        if e.country:
            item["country"] = e.country
        item["candidate"] = e.candidate
        entities.append(item)
    claims = [
        {
            "subject": c.subject, "predicate": c.predicate.value, "object": c.object,
            "stance": c.stance.value, "asserted_by": c.asserted_by, "valid_from": c.valid_from,
            "valid_to": c.valid_to, "qualifiers": dict(c.qualifiers), "confidence": c.confidence,
            "method": c.method.value,
            "citations": [
                {"source": x.source, "quote": x.quote, "start": x.start, "end": x.end}
                for x in c.citations
            ],
        }
        for c in parsed.claims
    ]
    body = yaml.dump(
        {"sources": sources, "entities": entities, "claims": claims},
        Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000,
        default_flow_style=False,
    )
    return _HEADER + body


class _Dumper(yaml.SafeDumper):
    """Safe dumper that writes multi-line strings double-quoted (exact round trip)."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if ("\n" in value or value != value.strip()) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
