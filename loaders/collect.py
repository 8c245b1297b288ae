"""What the loaders emit, collected: entities, sources and claims deduplicated by id in order,
each claim checked against the ontology, the reference registry's bodies added with their part-of
chain; and :func:`combine`, which makes one :class:`Parsed` of several.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reference import registry
from schema.models import Citation, Claim, Entity, Source
from schema.names import alias_key
from schema.ontology import EntityType, Method, Predicate, allowed
from schema.quotes import locate

from .base import Parsed, RecordError

_TYPE_BY_PREFIX = {t.prefix: t for t in EntityType}


def entity_type_of(entity_id: str) -> EntityType | None:
    return _TYPE_BY_PREFIX.get(entity_id.split(":", 1)[0])


def cite(source: Source, quote: str, hint: int | None = None) -> Citation | None:
    """A citation of ``quote`` in the source's text, its quote the exact slice at the offsets."""
    if source.text is None:
        return None
    quote = quote.strip()
    start = source.text.find(quote, hint or 0) if quote else -1
    if start != -1:  # verbatim: no need to normalise the whole text
        end = start + len(quote)
    else:
        span = locate(source.text, quote, hint)
        if span is None:
            return None
        start, end = span
    return Citation(source=source.id, quote=source.text[start:end], start=start, end=end)


@dataclass
class Collector:
    """Accumulates a loader's output in order, deduplicating entities, sources and claims by id.

    An entity seen twice is merged: the first name and description win, aliases and identifiers
    are united, and a country stays only while every occurrence agrees on it.

    A loader that streams (:mod:`loaders.stream`) collects each batch in a collector of its own;
    ``sent`` (shared by the stream's collectors) holds the background records an earlier batch
    already sent — the registry's bodies, their sources and facts, a list and its Source — so that
    each is sent once (:meth:`add_once`), as a whole-file load sends it.
    """

    entities: dict[str, Entity] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    rejects: list[RecordError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sent: set[str] | None = None
    _country_conflicts: set[str] = field(default_factory=set)
    _facts: set[tuple[str, str, str]] = field(default_factory=set)

    def next_batch(self) -> Collector:
        """An empty collector for a stream's next batch: what was sent stays sent."""
        return Collector(sent=self.sent, _facts=self._facts)

    def add_once(self, item: Entity | Source, key: str | None = None) -> None:
        """A background record, unless an earlier batch of the stream sent it (``key``: what makes
        two the same, the id by default — a list with another alias is another)."""
        if self.sent is not None:
            key = key or item.id
            if key in self.sent:
                return
            self.sent.add(key)
        if isinstance(item, Entity):
            self.add_entity(item)
        else:
            self.add_source(item)

    def add_entity(self, entity: Entity) -> None:
        old = self.entities.get(entity.id)
        if old is None:
            self.entities[entity.id] = entity
            return
        if old == entity:
            return
        aliases = list(old.aliases)
        seen = {alias_key(a) for a in (old.name, *aliases)}
        for alias in (entity.name, *entity.aliases):
            if alias_key(alias) not in seen:  # once, up to case and accents
                seen.add(alias_key(alias))
                aliases.append(alias)
        if entity.country and old.country and entity.country != old.country:
            self._country_conflicts.add(entity.id)
        country = None if entity.id in self._country_conflicts else old.country or entity.country
        identifiers = {**entity.identifiers, **old.identifiers}
        self.entities[entity.id] = old.model_copy(
            update={
                "aliases": tuple(aliases),
                "country": country,
                "identifiers": identifiers,
                "description": old.description or entity.description,
            }
        )

    def add_source(self, source: Source) -> None:
        self.sources.setdefault(source.id, source)

    def check_claim(self, claim: Claim) -> str | None:
        """Why the ontology refuses this claim's subject/object types; None when it allows them."""
        subject, obj = entity_type_of(claim.subject), entity_type_of(claim.object)
        if subject is None or obj is None:
            return f"unknown entity type in {claim.subject!r} or {claim.object!r}"
        if not allowed(claim.predicate, subject, obj):
            pred = claim.predicate.value
            return f"the ontology does not allow {subject.value} -{pred}-> {obj.value}"
        return None

    def add_claim(self, claim: Claim) -> None:
        self.claims.setdefault(claim.id, claim)

    def add_fact_once(self, claim: Claim) -> bool:
        """Add the claim unless a claim of the same (subject, predicate, object) came before."""
        key = (claim.subject, claim.predicate.value, claim.object)
        if key in self._facts:
            return False
        self._facts.add(key)
        self.add_claim(claim)
        return True

    def add_body(self, body_id: str, list_id: str | None = None) -> None:
        """Emit a registry body with its parents and their ``part-of`` facts, each fact once.

        With ``list_id`` also ``body administers list``. These are background facts: each cites
        the reference registry's own source and quote for it (a statute, a regulation, the
        agency's page), never the list row or header that merely names the body.
        """
        facts = [(body_id, Predicate.ADMINISTERS, list_id)] if list_id is not None else []
        ref = registry()
        self.add_once(ref.entity(body_id))
        for child, parent in ref.chain(body_id):
            self.add_once(ref.entity(parent))
            facts.append((child, Predicate.PART_OF, parent))
        for subject, predicate, obj in facts:
            if (subject, predicate.value, obj) in self._facts:
                continue
            evidence = ref.evidence(subject, predicate, obj)
            assert evidence is not None, (subject, predicate, obj)  # the registry refuses a fact without one
            self.add_once(evidence.source)
            claim = Claim(
                subject=subject,
                predicate=predicate,
                object=obj,
                method=Method.IMPORTED,
                citations=(evidence.citation,),
            )
            self.add_fact_once(claim)

    def parsed(self) -> Parsed:
        return Parsed(
            entities=list(self.entities.values()),
            sources=list(self.sources.values()),
            claims=list(self.claims.values()),
            rejects=list(self.rejects),
            notes=list(self.notes),
        )


def combine(parts: Iterable[Parsed]) -> Parsed:
    """Several outputs (files, batches) as one: each entity, source and claim once (aliases united)."""
    collector = Collector()
    combined = Parsed()
    for part in parts:
        for entity in part.entities:
            collector.add_entity(entity)
        for source in part.sources:
            collector.add_source(source)
        for claim in part.claims:
            collector.add_claim(claim)
        combined.rejects.extend(part.rejects)
        combined.notes.extend(part.notes)
        combined.external_refs |= part.external_refs
        combined.inputs.extend(part.inputs)
        combined.origins.update(part.origins)
        combined.locations.update(part.locations)
    combined.entities = list(collector.entities.values())
    combined.sources = list(collector.sources.values())
    combined.claims = list(collector.claims.values())
    return combined
