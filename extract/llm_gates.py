"""The gates every language-model proposal passes (pure: no network), and the merge of the accepted
ones into the rules' candidates.

A proposal (one item of the answer's ``claims``, :mod:`extract.llm_schema`) becomes a
:class:`~schema.models.Claim` only if every gate holds; the first that does not is its
:class:`Rejected` reason:

* **the quote is in the text** — located with :func:`schema.quotes.locate` (curly and straight
  quotes alike, :func:`~schema.quotes.fold`, and any run of white space for one); the first
  occurrence wins, and the citation keeps the original slice ``text[start:end]`` and its offsets;
* **the predicate and the stance are the ontology's** — and the predicate one an article can state
  (:data:`~extract.llm_schema.PROPOSABLE`); no stance means ``asserted``;
* **the entities resolve** — an ``id`` the caller's ``known`` entities, the built-in ones (the
  registry's bodies, lists and countries, :mod:`extract.builtin`) or the rules' own define is used as
  it is; an id with a registry prefix (``agency:``, ``list:``, ``organization:``, ``country:``) that
  none of them defines is refused; otherwise the name is looked up like the rules' gazetteer does
  (names and aliases, :class:`~extract.gazetteer.Gazetteer`), and a name it does not know becomes a
  new entity ``<type>:<slug(name)>`` marked ``candidate`` (as the rules make them);
* **the types fit the predicate** — :func:`schema.ontology.allowed` on the resolved entities' types;
* **subject and object differ**, and the claim is valid (dates of the form YYYY[-MM[-DD]], in order).

Accepted claims keep ``method: extracted``; the confidence the model gave (0.5 when none) is held
within 0.3–0.95 like the rules'. :func:`add_proposals` merges them into the rules'
:class:`~loaders.base.Parsed`: a claim with the content of a rule's (subject, predicate, object,
stance, asserted_by, dates) adds its citations to that claim and raises its confidence to the
higher of the two; any other is added with the qualifier ``extractor: llm``, so a reviewer sees
which claims only the model proposed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import ValidationError

from loaders.base import Parsed
from reference import registry
from schema.models import Citation, Claim, Entity, slug
from schema.ontology import EntityType, Method, Predicate, Stance, allowed
from schema.quotes import fold, locate, normalise

from .builtin import builtin
from .gazetteer import Gazetteer
from .llm_schema import ENTITY_TYPES, PROPOSABLE

DEFAULT_CONFIDENCE = 0.5
QUALIFIER = {"extractor": "llm"}


@dataclass(frozen=True, slots=True)
class Rejected:
    """A proposal the gates refused: as the model sent it, and why."""

    proposal: Any
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"proposal": self.proposal, "reason": self.reason}


class Refused(Exception):
    """A gate that does not hold, with the reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@cache
def registry_prefixes() -> frozenset[str]:
    """The id prefixes the registry is the home of: an id with one must resolve."""
    return frozenset({e.type.prefix for e in registry().entities()} | {EntityType.COUNTRY.prefix})


class Gates:
    """The gates for one text: its quotes' index, and the entities proposals may refer to."""

    def __init__(self, text: str, source_id: str, known: Iterable[Entity] = (), found: Iterable[Entity] = ()) -> None:
        known, found = list(known), list(found)
        self.text = text
        self.source_id = source_id
        self.normalised = normalise(text)
        self.known_ids = {e.id for e in known}
        self.by_id: dict[str, Entity] = {}
        for e in [*known, *builtin(), *found]:
            self.by_id.setdefault(e.id, e)
        self.names = Gazetteer([*known, *builtin(), *found])
        self.new: dict[str, Entity] = {}  # candidates of accepted claims

    def claim(self, proposal: Any) -> Claim:
        """The claim ``proposal`` states; :class:`Refused` naming the first gate that fails."""
        if not isinstance(proposal, dict):
            raise Refused("a proposal must be a JSON object")
        quote = proposal.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            raise Refused("no quote")
        span = locate(self.text, quote, normalised=self.normalised)
        if span is None:
            raise Refused("quote not found in the text")
        predicate = _enum(Predicate, proposal.get("predicate"), "predicate")
        if predicate not in PROPOSABLE:
            raise Refused(f"predicate {predicate.value} is not one the extractor proposes from a text")
        stance = Stance.ASSERTED if proposal.get("stance") is None else _enum(Stance, proposal["stance"], "stance")
        pending: dict[str, Entity] = {}
        subject = self.entity(proposal.get("subject"), "subject", pending)
        obj = self.entity(proposal.get("object"), "object", pending)
        if subject.id == obj.id:
            raise Refused(f"subject and object are the same entity ({subject.id})")
        if not allowed(predicate, subject.type, obj.type):
            spec = predicate.spec
            raise Refused(
                f"{predicate.value} does not take a {subject.type.value} subject and a {obj.type.value} object "
                f"(subjects: {_types(spec.subjects)}; objects: {_types(spec.objects)})"
            )
        speaker = None
        if proposal.get("asserted_by") is not None:
            speaker = self.entity(proposal["asserted_by"], "asserted_by", pending).id
        start, end = span
        try:
            claim = Claim(
                subject=subject.id,
                predicate=predicate,
                object=obj.id,
                stance=stance,
                asserted_by=speaker,
                valid_from=proposal.get("valid_from"),
                valid_to=proposal.get("valid_to"),
                qualifiers=dict(QUALIFIER),
                confidence=_confidence(proposal.get("confidence")),
                method=Method.EXTRACTED,
                citations=(Citation(source=self.source_id, quote=self.text[start:end], start=start, end=end),),
            )
        except ValidationError as exc:
            raise Refused(_first_error(exc)) from None
        self.new.update(pending)
        return claim

    def entity(self, ref: Any, role: str, pending: dict[str, Entity]) -> Entity:
        """The entity ``ref`` (``{"name", "type", "id"?}``) stands for (see the module docstring)."""
        if not isinstance(ref, dict):
            raise Refused(f"{role} must be an object with a name and a type")
        eid = ref.get("id")
        if eid is not None and eid != "":
            if not isinstance(eid, str):
                raise Refused(f"{role} id must be a string")
            eid = eid.strip()
            hit = self.by_id.get(eid) or self.new.get(eid) or registry().get(eid)
            if hit is not None:
                return hit
            if eid.split(":", 1)[0] in registry_prefixes():
                raise Refused(f"{role} id {eid} is not in the reference registry")
        name = ref.get("name")
        if not isinstance(name, str) or not name.strip():
            raise Refused(f"{role} has no name")
        name = " ".join(fold(name).split())
        hit = self.names.lookup(name)
        if hit is not None:
            return hit
        etype = _entity_type(ref.get("type"), role)
        new_id = f"{etype.prefix}:{slug(name)[:120].strip('-')}"
        hit = self.by_id.get(new_id) or self.new.get(new_id) or pending.get(new_id)
        if hit is not None:
            return hit
        try:
            entity = Entity(id=new_id, type=etype, name=name, candidate=True)
        except ValidationError as exc:
            raise Refused(f"{role}: {_first_error(exc)}") from None
        pending[new_id] = entity
        return entity


def add_proposals(parsed: Parsed, proposals: Iterable[Any], known: Iterable[Entity], label: str) -> list[Rejected]:
    """Check ``proposals`` against the text of ``parsed`` (the rules' output, one source) and merge
    the accepted ones into it (see the module docstring); the rejected ones, in order, also as notes."""
    [source] = parsed.sources
    gates = Gates(source.text or "", source.id, known, parsed.entities)
    accepted: list[Claim] = []
    rejected: list[Rejected] = []
    proposals = list(proposals)
    for proposal in proposals:
        try:
            accepted.append(gates.claim(proposal))
        except Refused as exc:
            rejected.append(Rejected(proposal, exc.reason))
    agreeing = _merge(parsed, accepted)
    have = {e.id for e in parsed.entities}
    for claim in accepted:
        for eid in filter(None, (claim.subject, claim.object, claim.asserted_by)):
            if eid in gates.known_ids:
                parsed.external_refs.add(eid)
            elif eid not in have:
                parsed.entities.append(gates.new.get(eid) or gates.by_id.get(eid) or registry().entity(eid))
                have.add(eid)
    parsed.entities.sort(key=lambda e: e.id)
    parsed.notes.append(
        f"language model {label}: {len(proposals)} proposals, {len(accepted)} accepted "
        f"({agreeing} agreeing with a rule's claim), {len(rejected)} rejected"
    )
    parsed.notes += [f"rejected proposal ({_summary(r.proposal)}): {r.reason}" for r in rejected]
    return rejected


def _merge(parsed: Parsed, accepted: list[Claim]) -> int:
    """Merge ``accepted`` into ``parsed.claims`` by content; how many agreed with a rule's claim."""

    def key(c: Claim) -> tuple[Any, ...]:
        return (c.subject, c.predicate, c.object, c.stance, c.asserted_by, c.valid_from, c.valid_to)

    index = {key(c): i for i, c in enumerate(parsed.claims)}
    rules = set(index.values())
    agreeing: set[int] = set()
    for claim in accepted:
        i = index.get(key(claim))
        if i is None:
            index[key(claim)] = len(parsed.claims)
            parsed.claims.append(claim)
            continue
        if i in rules:
            agreeing.add(i)
        old = parsed.claims[i]
        spans = {(c.source, c.start, c.end) for c in old.citations}
        cites = sorted(
            [*old.citations, *(c for c in claim.citations if (c.source, c.start, c.end) not in spans)],
            key=lambda c: (c.start, c.end),
        )
        data = old.model_dump(exclude={"id", "fact_id"})
        data.update(citations=cites, confidence=max(old.confidence, claim.confidence))
        parsed.claims[i] = Claim.model_validate(data)
    parsed.claims.sort(key=lambda c: (c.citations[0].start, c.predicate.value, c.subject, c.object))
    return len(agreeing)


def _enum(kind: type[Predicate] | type[Stance], value: Any, what: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise Refused(f"unknown {what} {value!r}") from None


def _entity_type(value: Any, role: str) -> EntityType:
    for t in ENTITY_TYPES:
        if isinstance(value, str) and value.strip().lower() == t.value.lower():
            return t
    raise Refused(f"{role} type {value!r} is not one of {_types(frozenset(ENTITY_TYPES))}")


def _confidence(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        value = DEFAULT_CONFIDENCE
    return round(min(0.95, max(0.3, float(value))), 2)


def _types(types: frozenset[EntityType]) -> str:
    return ", ".join(t.value for t in EntityType if t in types)


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    loc = ".".join(str(p) for p in first.get("loc", ()))
    msg = str(first.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{loc}: {msg}" if loc else msg


def _summary(proposal: Any) -> str:
    """``Kaspersky Lab sanctioned-by OFAC`` — what a note names a rejected proposal by."""
    if not isinstance(proposal, dict):
        return type(proposal).__name__

    def name(ref: Any) -> str:
        if isinstance(ref, dict):
            return str(ref.get("name") or ref.get("id") or "?")
        return "?"

    return f"{name(proposal.get('subject'))} {proposal.get('predicate', '?')} {name(proposal.get('object'))}"
