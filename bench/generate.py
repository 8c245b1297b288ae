"""A deterministic generator of a realistic regulatory graph, streamed in ``Parsed`` batches.

    python -m bench.generate --size S --format curated|ftm --out DIR [--seed 7]

Sizes (entities): XS 1k (smoke), S 10k, M 100k, L 1M. Per entity ≈ 1.5 facts, 3.5 claims
(1–5 per fact, mean 2.3) and 3 sources (1–3 per fact). What it looks like:

- **hubs with power-law degrees**: a few countries, agencies and lists take most of the edges
  (``headquartered-in``, ``listed-on``, ``sanctioned-by``) — a target index is drawn as
  ``int(n * u**alpha)``, so index 0 of each type is the biggest hub;
- **ownership chains**: every third firm is ``subsidiary-of`` an earlier firm (parents drawn
  towards the front, so conglomerates grow deep trees), people and firms ``own`` firms;
- lists ``administered`` by agencies, agencies ``part-of`` countries, laws ``enacted-by``
  authorities and ``targeting`` firms and products, products ``product-of`` firms;
- claims with mixed stances (asserted, reported, alleged, disputed, proposed, denied), asserted
  by the acting authority (or, when disputed or denied, by the subject), dated facts of every
  precision (``2017``, ``2019-03``, ``2021-06-14``);
- every claim quotes a sentence that really occurs in each source it cites (``quote ==
  text[start:end]``); one source in five is derived from another (a reprint).

Everything is a pure function of (seed, namespace, index), so nothing is held but the batch being
built: entities come first (phase 1), then sources and claims (phase 2), each batch valid
against ``schema/models.py`` and writable once the batches before it are written. The
``namespace`` prefixes every id, so several copies of one sample can live in one database.
The last person of each graph is never related to anything (an "unconnected" path target).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.base import Parsed
from schema.ftm import ftm_schema
from schema.models import Citation, Claim, Entity, Source
from schema.ontology import EntityType, Method, Predicate, Stance

SIZES = {"XS": 1_000, "S": 10_000, "M": 100_000, "L": 1_000_000}

COUNTRIES = [
    ("US", "United States"), ("CN", "China"), ("RU", "Russia"), ("GB", "United Kingdom"),
    ("DE", "Germany"), ("FR", "France"), ("IR", "Iran"), ("KP", "North Korea"), ("IN", "India"),
    ("JP", "Japan"), ("AE", "United Arab Emirates"), ("TR", "Turkey"), ("BY", "Belarus"),
    ("SY", "Syria"), ("VE", "Venezuela"), ("CY", "Cyprus"), ("NL", "Netherlands"), ("CH", "Switzerland"),
    ("HK", "Hong Kong"), ("SG", "Singapore"), ("KR", "South Korea"), ("IL", "Israel"), ("UA", "Ukraine"),
    ("KZ", "Kazakhstan"), ("PK", "Pakistan"), ("BR", "Brazil"), ("CA", "Canada"), ("AU", "Australia"),
    ("IT", "Italy"), ("ES", "Spain"),
]  # fmt: skip

_SYL = (
    "ka vo lin tra mer sol ban dor vel zen ari pol tek nor gal ros ist mar ven tal "
    "kor ber sun lux ner vis cor del fin gor hal jet kim lor mon nex orb pyr qui "
    "rex sig tor uni vor wex yar zor"
).split()
_FIRM_TAIL = ("Systems", "Holdings", "Technologies", "Group", "Trading", "Shipping", "Energy", "Labs", "Bank",
              "Logistics", "Electronics", "Industries", "Capital", "Semiconductor", "Telecom")  # fmt: skip
_FIRM_FORM = ("LLC", "Ltd", "JSC", "Co., Ltd.", "GmbH", "Inc.", "S.A.", "PJSC", "")
_GIVEN = ("Ivan", "Li", "Ali", "Anna", "Omar", "Elena", "Chen", "Sergei", "Maria", "Hassan", "Olga", "Wei",
          "Dmitri", "Fatima", "Yuri", "Mei", "Karim", "Irina", "Jun", "Pavel")  # fmt: skip
_AGENCY = ("Office of {} Control", "Bureau of {} Security", "{} Trade Commission", "Ministry of {} Affairs",
           "{} Supervisory Authority", "Department of {} Enforcement", "{} Export Control Agency")  # fmt: skip
_LIST = ("{} Entity List", "{} Specially Designated Nationals", "{} Sanctions Programme",
         "{} Military End-User List", "{} Covered List", "{} Asset Freeze Register")  # fmt: skip
_LAW = ("{} Protection Act", "Executive Order on {}", "{} Security Directive", "{} Sanctions Regulation",
        "Countering {} Act", "{} Supply Chain Rule")  # fmt: skip
_PRODUCT = ("{} Antivirus", "{} Router", "{} Cloud", "{} Messenger", "{} Drone", "{} Chipset", "{} Camera",
            "{} Browser", "{} VPN", "{} Modem")  # fmt: skip
_ORG = ("{} Institute", "{} Foundation", "{} Association", "{} News Agency", "{} Council")
_PUBLISHERS = ("Reuters", "Wall Street Journal", "Financial Times", "Kommersant", "Caixin", "AP",
               "SafetyDetectives", "Federal Register", "Official Journal", "Bloomberg")  # fmt: skip
_FILLER = (
    "The measure follows months of deliberation among officials.",
    "Company representatives did not respond to requests for comment.",
    "Analysts said the decision could affect supply chains across the region.",
    "The notice takes effect on publication.",
    "Several related entities were named in an annex to the document.",
    "Lawyers for the firms said they would study the decision.",
)

# (stance, weight) for follow-up claims about a fact already asserted once
_FOLLOW_STANCES = ((Stance.REPORTED, 35), (Stance.ASSERTED, 25), (Stance.ALLEGED, 18), (Stance.DISPUTED, 12),
                   (Stance.DENIED, 5), (Stance.PROPOSED, 5))  # fmt: skip
_N_CLAIMS = ((1, 40), (2, 25), (3, 15), (4, 10), (5, 10))

_VERB = {
    Predicate.HEADQUARTERED_IN: "is based in",
    Predicate.SUBSIDIARY_OF: "is a subsidiary of",
    Predicate.OWNS: "owns a stake in",
    Predicate.LISTED_ON: "was added to the",
    Predicate.SANCTIONED_BY: "was sanctioned by",
    Predicate.BANNED_BY: "was banned by",
    Predicate.ALLEGED_TIE_TO: "has ties to",
    Predicate.INVESTIGATED_BY: "is under investigation by",
    Predicate.PRODUCT_OF: "is made by",
    Predicate.AVAILABLE_IN: "is sold in",
    Predicate.ENACTED_BY: "was issued by",
    Predicate.TARGETS: "targets",
    Predicate.ADMINISTERS: "maintains the",
    Predicate.PART_OF: "is part of",
}
_LEAD = {
    Stance.ASSERTED: "{a} said that",
    Stance.REPORTED: "According to a report cited by {a},",
    Stance.ALLEGED: "{a} alleged that",
    Stance.DISPUTED: "{a} disputed claims that",
    Stance.DENIED: "{a} denied that",
    Stance.PROPOSED: "Under a proposal put forward by {a},",
}


@dataclass(frozen=True)
class Layout:
    """How many entities of each type a graph of ``n`` entities has; index ranges are implicit."""

    n: int
    countries: int
    agencies: int
    lists: int
    laws: int
    orgs: int
    products: int
    persons: int
    firms: int

    @classmethod
    def of(cls, n: int) -> Layout:
        countries = min(len(COUNTRIES), max(5, n // 40))
        agencies = max(4, n // 100)
        lists = max(3, n // 250)
        laws = max(4, n // 50)
        orgs = max(2, n // 100)
        products = max(5, n * 12 // 100)
        persons = max(5, n * 15 // 100)
        firms = max(10, n - countries - agencies - lists - laws - orgs - products - persons)
        return cls(n, countries, agencies, lists, laws, orgs, products, persons, firms)

    def count(self, t: EntityType) -> int:
        return {
            EntityType.COUNTRY: self.countries,
            EntityType.AGENCY: self.agencies,
            EntityType.LIST: self.lists,
            EntityType.LAW: self.laws,
            EntityType.ORGANIZATION: self.orgs,
            EntityType.PRODUCT: self.products,
            EntityType.PERSON: self.persons,
            EntityType.FIRM: self.firms,
        }[t]

    @property
    def total(self) -> int:
        return sum(self.count(t) for t in ORDER)


ORDER = (EntityType.COUNTRY, EntityType.AGENCY, EntityType.ORGANIZATION, EntityType.LIST, EntityType.LAW,
         EntityType.FIRM, EntityType.PERSON, EntityType.PRODUCT)  # fmt: skip
_TCODE = {t: k for k, t in enumerate(ORDER)}


class Generator:
    """All ids, names and facts are pure functions of (seed, namespace, type, index)."""

    def __init__(self, n_entities: int, seed: int = 7, namespace: str = "g") -> None:
        self.layout = Layout.of(n_entities)
        self.seed = seed
        self.ns = namespace

    # -- entities ---------------------------------------------------------------------------

    def rng(self, t: EntityType, i: int, salt: int = 0) -> random.Random:
        return random.Random((self.seed << 40) ^ (salt << 36) ^ (_TCODE[t] << 32) ^ i)

    def eid(self, t: EntityType, i: int) -> str:
        if t is EntityType.COUNTRY:
            return f"country:{self.ns}-{COUNTRIES[i][0].lower()}"
        return f"{t.prefix}:{self.ns}-{i:07d}"

    def _word(self, r: random.Random, syllables: int) -> str:
        return "".join(r.choice(_SYL) for _ in range(syllables)).capitalize()

    def hq(self, t: EntityType, i: int) -> int | None:
        """The country index an entity is based in (power-law: most firms in a few countries)."""
        r = self.rng(t, i, salt=1)
        if t in (EntityType.COUNTRY, EntityType.LIST, EntityType.LAW, EntityType.PRODUCT) or r.random() < 0.1:
            return None
        return _power(r, self.layout.countries, 1.8)

    def name(self, t: EntityType, i: int) -> str:
        r = self.rng(t, i, salt=2)
        if t is EntityType.COUNTRY:
            return COUNTRIES[i][1]
        if t is EntityType.PERSON:
            return f"{r.choice(_GIVEN)} {self._word(r, 3)}"
        if t is EntityType.FIRM:
            return " ".join(x for x in (self._word(r, 2), r.choice(_FIRM_TAIL), r.choice(_FIRM_FORM)) if x)
        pattern = {
            EntityType.AGENCY: _AGENCY,
            EntityType.LIST: _LIST,
            EntityType.LAW: _LAW,
            EntityType.PRODUCT: _PRODUCT,
            EntityType.ORGANIZATION: _ORG,
        }[t]
        return r.choice(pattern).format(self._word(r, 2))

    def entity(self, t: EntityType, i: int) -> Entity:
        hq = self.hq(t, i)
        r = self.rng(t, i, salt=3)
        aliases: tuple[str, ...] = ()
        name = self.name(t, i)
        if t is EntityType.FIRM and r.random() < 0.3:
            aliases = (name.split(" ")[0].upper(),)
        identifiers = {"bench": f"{_TCODE[t]}-{i}"}
        if t is EntityType.FIRM and r.random() < 0.2:
            identifiers["lei"] = f"{r.getrandbits(64):020X}"[:20]
        return Entity(
            id=self.eid(t, i),
            type=t,
            name=name,
            aliases=aliases,
            country=COUNTRIES[hq][0] if hq is not None else (COUNTRIES[i][0] if t is EntityType.COUNTRY else None),
            identifiers=identifiers,
        )

    def entities(self) -> Iterator[Entity]:
        for t in ORDER:
            for i in range(self.layout.count(t)):
                yield self.entity(t, i)

    # -- facts ------------------------------------------------------------------------------

    def facts(self) -> Iterator[tuple[EntityType, int, Predicate, EntityType, int]]:
        """(subject type, index, predicate, object type, index), each triple once."""
        L = self.layout
        A, C, F, P = EntityType.AGENCY, EntityType.COUNTRY, EntityType.FIRM, EntityType.PERSON
        isolated = (P, L.persons - 1)
        for t in ORDER:
            for i in range(L.count(t)):
                if (t, i) == isolated:
                    continue
                r = self.rng(t, i, salt=4)
                out: list[tuple[Predicate, EntityType, int]] = []
                hq = self.hq(t, i)
                if hq is not None and t is not EntityType.AGENCY:
                    out.append((Predicate.HEADQUARTERED_IN, C, hq))
                if t is A:
                    out.append((Predicate.PART_OF, C, hq if hq is not None else 0))
                elif t is EntityType.LIST:
                    out.append((Predicate.ADMINISTERS, A, _power(r, L.agencies, 1.5)))  # reversed below
                elif t is EntityType.LAW:
                    auth = (A, _power(r, L.agencies, 1.5)) if r.random() < 0.7 else (C, _power(r, L.countries, 2))
                    out.append((Predicate.ENACTED_BY, *auth))
                    for _ in range(r.randint(1, 3)):
                        if r.random() < 0.7:
                            out.append((Predicate.TARGETS, F, _power(r, L.firms, 1.3)))
                        else:
                            out.append((Predicate.TARGETS, EntityType.PRODUCT, _power(r, L.products, 1.3)))
                elif t is F:
                    if i > 0 and r.random() < 0.33:
                        out.append((Predicate.SUBSIDIARY_OF, F, int(i * r.random() ** 2)))
                    if i > 0 and r.random() < 0.05:
                        out.append((Predicate.OWNS, F, i - 1 - int((i - 1) * r.random())))
                    if r.random() < 0.15:
                        out.append((Predicate.LISTED_ON, EntityType.LIST, _power(r, L.lists, 2.5)))
                    if r.random() < 0.08:
                        out.append((Predicate.SANCTIONED_BY, A, _power(r, L.agencies, 2.5)))
                    if r.random() < 0.03:
                        out.append((Predicate.BANNED_BY, A, _power(r, L.agencies, 2)))
                    if r.random() < 0.05:
                        out.append((Predicate.ALLEGED_TIE_TO, A, _power(r, L.agencies, 2)))
                    if r.random() < 0.04:
                        out.append((Predicate.INVESTIGATED_BY, A, _power(r, L.agencies, 2)))
                elif t is P:
                    if r.random() < 0.35:
                        out.append((Predicate.OWNS, F, _power(r, L.firms, 1.2)))
                    if r.random() < 0.1:
                        out.append((Predicate.LISTED_ON, EntityType.LIST, _power(r, L.lists, 2.5)))
                    if r.random() < 0.03:
                        out.append((Predicate.SANCTIONED_BY, A, _power(r, L.agencies, 2.5)))
                elif t is EntityType.PRODUCT:
                    out.append((Predicate.PRODUCT_OF, F, _power(r, L.firms, 1.6)))
                    if r.random() < 0.3:
                        out.append((Predicate.AVAILABLE_IN, C, _power(r, L.countries, 1.5)))
                    if r.random() < 0.05:
                        out.append((Predicate.BANNED_BY, A, _power(r, L.agencies, 2)))
                seen: set[tuple[Predicate, EntityType, int]] = set()
                for pred, ot, oi in out:
                    if (pred, ot, oi) in seen or (ot, oi) == (t, i) or (ot, oi) == isolated:
                        continue
                    seen.add((pred, ot, oi))
                    if pred is Predicate.ADMINISTERS:  # the agency administers this list
                        yield (ot, oi, pred, t, i)
                    else:
                        yield (t, i, pred, ot, oi)

    def _date(self, r: random.Random, lo: int = 2010, hi: int = 2025) -> str:
        year = r.randint(lo, hi)
        kind = r.random()
        if kind < 0.35:
            return str(year)
        if kind < 0.6:
            return f"{year}-{r.randint(1, 12):02d}"
        return f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"

    def fact_records(self, k: int, fact: tuple[EntityType, int, Predicate, EntityType, int]) -> Parsed:
        """The sources and claims of the ``k``-th fact."""
        st, si, pred, ot, oi = fact
        r = random.Random((self.seed << 40) ^ (7 << 36) ^ k)
        subj, obj = self.eid(st, si), self.eid(ot, oi)
        s_name, o_name = self.name(st, si), self.name(ot, oi)
        authority = obj if ot in (EntityType.AGENCY, EntityType.COUNTRY) else None
        if authority is None and pred in (Predicate.ENACTED_BY, Predicate.ADMINISTERS):
            authority = subj if st is EntityType.AGENCY else obj
        n_claims = _weighted(r, _N_CLAIMS)
        n_sources = r.randint(1, 3)
        stances: list[Stance] = []
        for j in range(n_claims):
            if j == 0:
                if pred is Predicate.ALLEGED_TIE_TO:
                    stances.append(Stance.ALLEGED)
                elif pred is Predicate.TARGETS and r.random() < 0.3:
                    stances.append(Stance.PROPOSED)
                else:
                    stances.append(Stance.ASSERTED)
            else:
                stances.append(_weighted(r, _FOLLOW_STANCES))
        # which sources each claim cites (every source is cited by at least one claim)
        cites: list[list[int]] = [sorted(r.sample(range(n_sources), r.randint(1, n_sources))) for _ in stances]
        for s in range(n_sources):
            if not any(s in c for c in cites):
                cites[r.randrange(n_claims)].append(s)
        asserters: list[str | None] = []
        for stance in stances:
            if stance in (Stance.DISPUTED, Stance.DENIED):
                asserters.append(subj)
            else:
                asserters.append(authority)
        sentences = []
        for j, stance in enumerate(stances):
            who = (
                s_name
                if stance in (Stance.DISPUTED, Stance.DENIED)
                else (
                    self.name(ot, oi) if authority == obj else (self.name(st, si) if authority == subj else "Officials")
                )
            )
            lead = _LEAD[stance].format(a=who)
            sentences.append(f"{lead} {s_name} {_VERB.get(pred, pred.value)} {o_name} (item {j + 1}).")
        sources: list[Source] = []
        quotes: dict[tuple[int, int], tuple[int, int]] = {}  # (claim, source) -> offsets
        for s in range(n_sources):
            sid = f"source:{self.ns}-{k:08d}-{s}"
            pub = r.choice(_PUBLISHERS)
            parts = [f"{pub}: {s_name} and {o_name}.", r.choice(_FILLER)]
            text = " ".join(parts)
            for j in range(n_claims):
                if s in cites[j]:
                    text += " "
                    quotes[(j, s)] = (len(text), len(text) + len(sentences[j]))
                    text += sentences[j]
            text += " " + r.choice(_FILLER)
            derived = (f"source:{self.ns}-{k:08d}-0",) if s > 0 and r.random() < 0.2 else ()
            published = self._date(r, 2012, 2025)
            sources.append(
                Source(
                    id=sid,
                    title=f"{s_name} — {pred.value.replace('-', ' ')} {o_name}",
                    kind=r.choice(("article", "press-release", "register-notice", "report", "statement")),
                    url=f"https://example.org/{self.ns}/{k}/{s}",
                    publisher=pub,
                    published_at=published,
                    retrieved_at="2026-01-15",
                    text=text,
                    derived_from=derived,
                )
            )
        valid_from = self._date(r) if r.random() < 0.6 else None
        valid_to = None
        if valid_from and r.random() < 0.2:
            valid_to = str(min(2026, int(valid_from[:4]) + r.randint(1, 5)))
        claims = []
        for j, stance in enumerate(stances):
            citations = []
            for s in cites[j]:
                a, b = quotes[(j, s)]
                text = sources[s].text or ""
                citations.append(Citation(source=sources[s].id, quote=text[a:b], start=a, end=b))
            claims.append(
                Claim(
                    subject=subj,
                    predicate=pred,
                    object=obj,
                    stance=stance,
                    asserted_by=asserters[j],
                    valid_from=valid_from,
                    valid_to=valid_to,
                    confidence=round(0.5 + r.random() / 2, 2),
                    method=Method.CURATED,
                    citations=tuple(citations),
                )
            )
        return Parsed(sources=sources, claims=claims)

    # -- streaming --------------------------------------------------------------------------

    def batches(self, batch: int = 5000, max_claims: int | None = None) -> Iterator[Parsed]:
        """Entities in batches of ``batch``, then sources and claims in batches of ≈ ``batch``
        claims; stops after ``max_claims`` claims (when given)."""
        current = Parsed()
        for e in self.entities():
            current.entities.append(e)
            if len(current.entities) >= batch:
                yield current
                current = Parsed()
        if current.entities:
            yield current
        current = Parsed()
        total = 0
        for k, fact in enumerate(self.facts()):
            if max_claims is not None and total >= max_claims:
                break
            recs = self.fact_records(k, fact)
            current.sources.extend(recs.sources)
            current.claims.extend(recs.claims)
            total += len(recs.claims)
            if len(current.claims) >= batch:
                yield current
                current = Parsed()
        if current.claims:
            yield current

    # -- well-known ids for the query benchmarks ----------------------------------------------

    def landmarks(self) -> dict[str, str]:
        """Ids the query benchmarks ask about: hubs, a leaf, a deep firm with regulatory exposure
        through its parents, a multi-claim multi-source fact, an entity related to nothing."""
        L = self.layout
        F, P = EntityType.FIRM, EntityType.PERSON
        regulatory = {Predicate.LISTED_ON, Predicate.SANCTIONED_BY, Predicate.BANNED_BY, Predicate.INVESTIGATED_BY}
        parent: dict[int, int] = {}
        exposed: set[int] = set()
        best_fact: tuple[int, str] | None = None
        for k, (t, i, pred, ot, oi) in enumerate(self.facts()):
            if t is F and pred is Predicate.SUBSIDIARY_OF:
                parent[i] = oi
            if t is F and pred in regulatory:
                exposed.add(i)
            if k < 300 and (best_fact is None or best_fact[0] < 5):
                recs = self.fact_records(k, (t, i, pred, ot, oi))
                score = len(recs.claims) + len(recs.sources)
                if best_fact is None or score > best_fact[0]:
                    best_fact = (score, recs.claims[0].fact_id)

        def depth_to_exposure(i: int) -> int:
            """Hops up the subsidiary chain to the nearest exposed ancestor (0 if none)."""
            hops, cur = 0, i
            while cur in parent and hops < 4:
                cur, hops = parent[cur], hops + 1
                if cur in exposed:
                    return hops
            return 0

        deep = max(range(L.firms - 1, -1, -1), key=depth_to_exposure)
        assert best_fact is not None
        name = self.name(F, L.firms // 3).split(" ")
        # up the deep firm's ownership chain (at most 3 hops): the furthest ancestor (a firm to
        # firm path) and the country an ancestor is based in (a path ending at a hub)
        chain, cur = [deep], deep
        while cur in parent and len(chain) < 4:
            cur = parent[cur]
            chain.append(cur)
        based = [self.hq(F, i) for i in chain]
        hub_end = next((c for c in reversed(based) if c is not None), 1)
        return {
            "hub": self.eid(EntityType.COUNTRY, 0),
            "non_hub": self.eid(F, L.firms - 2),
            "search": " ".join(name[:2]),
            "path_from": self.eid(F, deep),
            "path_to": self.eid(EntityType.COUNTRY, hub_end),
            "path_pair_to": self.eid(F, chain[-1]),
            "hub_other": self.eid(EntityType.COUNTRY, 1),
            "unconnected": self.eid(P, L.persons - 1),
            "exposure": self.eid(F, deep),
            "exposure_hops": str(depth_to_exposure(deep)),
            "fact": best_fact[1],
        }


def _power(r: random.Random, n: int, alpha: float) -> int:
    """An index in [0, n) drawn towards 0: degree of index 0 is the largest (a hub)."""
    return min(n - 1, int(n * r.random() ** alpha))


def _weighted(r: random.Random, table: tuple[tuple[Any, int], ...]) -> Any:
    x = r.random() * sum(w for _, w in table)
    for value, w in table:
        x -= w
        if x < 0:
            return value
    return table[-1][0]


def batches(size: str, seed: int = 7, batch: int = 5000, namespace: str = "g") -> Iterator[Parsed]:
    return Generator(SIZES[size], seed, namespace).batches(batch)


# -- writers ----------------------------------------------------------------------------------


def to_curated(parsed: Parsed) -> dict[str, Any]:
    """One batch in the analysts' JSON format (loaders/curated.py)."""
    return {
        "sources": [
            {k: v for k, v in s.model_dump(mode="json", exclude={"sha256"}).items() if v not in (None, [], ())}
            for s in parsed.sources
        ],
        "entities": [
            {k: v for k, v in e.model_dump(mode="json").items() if v not in (None, [], {}, False)}
            for e in parsed.entities
        ],
        "claims": [
            {
                k: v
                for k, v in c.model_dump(mode="json", exclude={"id", "fact_id"}).items()
                if v not in (None, {}) and not (k == "citations")
            }
            | {"citations": [{"source": x.source, "quote": x.quote, "start": x.start} for x in c.citations]}
            for c in parsed.claims
        ],
    }


def _ftm_id(eid: str) -> str:
    return eid.replace(":", "-")


def to_ftm(parsed: Parsed, names: dict[str, str]) -> Iterator[dict[str, Any]]:
    """One batch as FollowTheMoney entities (things first; one edge entity per fact)."""
    for e in parsed.entities:
        schema = ftm_schema(e.type)
        if schema is None:
            continue
        names[e.id] = e.name
        props: dict[str, list[str]] = {"name": [e.name]}
        if e.aliases:
            props["alias"] = list(e.aliases)
        if e.country:
            props["country"] = [e.country.lower()]
        yield {"id": _ftm_id(e.id), "schema": schema, "properties": props, "datasets": ["regkg_bench"]}
    done: set[str] = set()
    for c in parsed.claims:
        if c.fact_id in done or c.stance is not Stance.ASSERTED:
            continue
        s_ok, o_ok = c.subject in names, c.object in names
        props = {}
        if c.predicate is Predicate.SANCTIONED_BY and s_ok:
            schema = "Sanction"
            props = {"entity": [_ftm_id(c.subject)], "authority": [names[c.object]]}
        elif c.predicate is Predicate.LISTED_ON and s_ok:
            schema = "Sanction"
            props = {"entity": [_ftm_id(c.subject)], "program": [c.object.split(":", 1)[1]]}
        elif c.predicate in (Predicate.OWNS, Predicate.SUBSIDIARY_OF) and s_ok and o_ok:
            owner, asset = (c.subject, c.object) if c.predicate is Predicate.OWNS else (c.object, c.subject)
            schema = "Ownership"
            props = {"owner": [_ftm_id(owner)], "asset": [_ftm_id(asset)]}
        elif s_ok and o_ok:
            schema = "UnknownLink"
            props = {"subject": [_ftm_id(c.subject)], "object": [_ftm_id(c.object)]}
        else:
            continue
        if c.valid_from:
            props["startDate"] = [c.valid_from]
        done.add(c.fact_id)
        yield {"id": "rel-" + c.fact_id.split(":", 1)[1], "schema": schema, "properties": props}


def write(size: str, fmt: str, out: Path, seed: int = 7, batch: int = 5000) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    counts = {"entities": 0, "sources": 0, "claims": 0, "files": 0, "lines": 0}
    names: dict[str, str] = {}  # ftm: names of things (authorities are named by name in FtM)
    ftm = (out / f"bench-{size.lower()}.ftm.json").open("w", encoding="utf-8") if fmt == "ftm" else None
    try:
        for n, parsed in enumerate(batches(size, seed, batch)):
            counts["entities"] += len(parsed.entities)
            counts["sources"] += len(parsed.sources)
            counts["claims"] += len(parsed.claims)
            if ftm is None:
                path = out / f"bench-{size.lower()}-{n:05d}.json"
                path.write_text(json.dumps(to_curated(parsed), ensure_ascii=False), encoding="utf-8")
                counts["files"] += 1
            else:
                for row in to_ftm(parsed, names):
                    ftm.write(json.dumps(row, ensure_ascii=False) + "\n")
                    counts["lines"] += 1
    finally:
        if ftm is not None:
            ftm.close()
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="XS")
    ap.add_argument("--format", choices=("curated", "ftm"), default="curated")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=5000, help="entities / claims per batch (curated: per file)")
    args = ap.parse_args()
    t = time.perf_counter()
    counts = write(args.size, args.format, args.out, args.seed, args.batch)
    print(json.dumps(counts), f"in {time.perf_counter() - t:.1f}s ->", args.out)


if __name__ == "__main__":
    main()
