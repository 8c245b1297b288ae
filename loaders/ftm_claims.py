"""The relationships of an FtM file as claims (pass 2 of :class:`loaders.ftm.FtmReader`): sanctions
(``sanctioned-by`` the authority and ``listed-on`` the programme), ownerships (``owns``), the other
edge schemata (``linked-to``), and a thing's ``owner`` / ``parent`` references. Each end is
resolved through the pass-1 index (or the graph); an end found nowhere is a reject.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from pydantic import ValidationError

from reference import RefList, registry, single_country
from schema.dates import earliest, latest, partial_date
from schema.models import Claim, Entity, Source, digest, slug
from schema.ontology import EntityType, Method, Predicate

from .base import RecordError, validation_errors
from .collect import Collector
from .ftm_lines import (
    LINK_QUALIFIERS,
    OWNERSHIP_QUALIFIERS,
    SAFE_ID,
    SANCTION_QUALIFIERS,
    Line,
    caption_of,
    entity_id,
    quote_value,
    read_qualifiers,
)


class FtmRelations:
    """Pass 2's claim building (and the per-line Source both passes use); :class:`loaders.ftm.FtmReader`
    provides the state: the file, its dataset Source, the bad-date count and the entity cache."""

    file: str
    file_source: Source
    bad_dates: int
    _entity_cache: dict[tuple[str | None, ...], Entity]
    _datasets: dict[str, Source]
    _names: dict[str, str]  # FtM id → the name its entity was given (pass 2: this batch's ends)

    def _reject(self, out: Collector, line: int | None, field: str | None, message: str) -> None:
        out.rejects.append(RecordError(self.file, line, field, message))

    def _sources(self, line: Line, entry: str) -> list[Source]:
        """The record's Source, once per dataset that publishes it (``datasets``), each derived
        from its dataset's Source (which is derived from the file): a record two datasets state is
        two independent statements, and two records of one dataset are one. Without ``datasets``,
        one Source derived from the file.

        Titled by the dataset, the schema and the entry (``ru_egrul (FtM) Ownership: Kalashnikov
        Concern owns 51 % of LLC CST``, ``FtM Company: Acme Holding JSC`` without a dataset);
        a sanction's record is dated by the listing it states (:func:`listing_day`)."""
        local = record_key(line.ftm_id)
        urls = line.values("sourceUrl")
        publishers = line.values("publisher")
        base = f"source:ftm:{local}-{hashlib.sha256(line.text.encode()).hexdigest()[:12]}"
        names: list[str | None] = [*dataset_names(line)] or [None]
        kind = f"{line.plan.schema.label}: {entry}"
        return [
            Source(
                id=f"{base}:{slug(name)}" if name else base,
                title=(f"{name} (FtM) {kind}" if name else f"FtM {kind}")[:300],
                kind="dataset",
                url=urls[0] if urls else None,
                publisher=publishers[0] if publishers else None,
                published_at=listing_day(line),
                first_seen=seen_day(line, "first_seen"),
                last_seen=seen_day(line, "last_seen"),
                text=line.text,
                derived_from=(self.dataset_source(name).id if name else self.file_source.id,),
            )
            for name in names
        ]

    def dataset_source(self, name: str) -> Source:
        """The Source of one FtM dataset (OpenSanctions' ``ru_egrul``, ``gb_fcdo_sanctions``…), in the file."""
        source = Source(
            id=f"source:ftm-dataset:{slug(name)}",
            title=f"FtM dataset {name}"[:300],
            kind="dataset",
            derived_from=(self.file_source.id,),
        )
        self._datasets[source.id] = source
        return source

    def known_dataset(self, source_id: str) -> Source | None:
        """A dataset Source this reader made (by :meth:`dataset_source`), by its id."""
        return self._datasets.get(source_id)

    def _relation(self, out: Collector, line: Line, types: dict[str, EntityType]) -> None:
        plan = line.plan
        rejects = len(out.rejects)
        claims: list[tuple[str, Claim]] = []
        extra: list[Entity] = []
        sources = self._sources(line, self._entry(line))
        source = sources[0]
        try:
            if plan.relation == "sanction":
                claims = self._sanction(out, line, types, source, extra)
            elif plan.relation is not None:
                claims = self._edge(out, line, types, source)
            else:
                claims = self._thing_refs(out, line, types, source)
        except ValidationError as exc:
            out.rejects.extend(validation_errors(exc, self.file, default_line=line.number))
            return
        kept = False
        for field, one in claims:
            claim = cited_by_each(one, sources)
            problem = out.check_claim(claim)
            if problem:
                self._reject(out, line.number, field, problem)
                continue
            out.add_claim(claim)
            kept = True
        if kept:
            for entity in extra:
                out.add_entity(entity)
            if plan.relation is not None:  # a thing's line was written in pass 1 already
                add_sources(out, sources, self)
        elif not claims and len(out.rejects) == rejects and plan.relation is not None:
            self._reject(out, line.number, None, f"a {plan.schema.name} that yields no claim")

    def _entry(self, line: Line) -> str:
        """What the record states, in words, for its Source's title: ``Ivan Testov owns 51 % of
        Acme Holding JSC``, ``Maria Probova directs Acme Holding JSC``, ``Acme Holding JSC
        sanctioned by Office of Foreign Assets Control (Russia-related Sanctions)``; a thing's
        name. An end this file does not name is shown by its FtM id."""
        plan = line.plan

        def names(prop: str) -> str:
            return ", ".join(self._names.get(v, v) for v in line.values(prop))

        if plan.relation == "sanction":
            who = names("entity") or line.ftm_id
            by = line.values("authority")
            programme = line.values("program") or line.values("programId")
            if by:
                return f"{who} sanctioned by {by[0]}" + (f" ({programme[0]})" if programme else "")
            return f"{who} listed under {programme[0]}" if programme else f"{who} sanctioned"
        schema = plan.schema
        if plan.relation is not None and schema.source_prop is not None and schema.target_prop is not None:
            source, target = names(schema.source_prop.name), names(schema.target_prop.name)
            if plan.relation == "ownership":
                shares = line.values("percentage")
                share = f" {shares[0]}{'' if shares[0].endswith('%') else ' %'} of" if shares else ""
                return f"{source} owns{share} {target}"
            return f"{source} {schema.edge_label or 'linked to'} {target}"
        return self._names.get(line.ftm_id) or caption_of(line)

    def _end(
        self, out: Collector, line: Line, prop: str, types: dict[str, EntityType], value: str | None = None
    ) -> str | None:
        """Our id for the entity a property names; a reject (and None) when it is nowhere."""
        values = [value] if value is not None else line.values(prop)
        if not values:
            self._reject(out, line.number, f"properties.{prop}", f"a {line.plan.schema.name} needs a {prop}")
            return None
        fid = values[0]
        etype = types.get(fid)
        if etype is None:
            self._reject(
                out,
                line.number,
                f"properties.{prop}",
                f"{prop} {fid!r} is neither an entity of this file nor in the graph",
            )
            return None
        return entity_id(etype, fid)

    def _dates(self, line: Line, props: Iterable[str], last: bool) -> str | None:
        found: list[str] = []
        for prop in props:
            for value in line.values(prop):
                try:
                    date = partial_date(value[:10])
                except ValueError:
                    self.bad_dates += 1
                    continue
                if date:
                    found.append(date)
            if found and not last:
                break  # the first property that has a date wins (startDate before listingDate)
        if not found:
            return None
        if last:
            return max(found, key=lambda d: latest(d) or "")
        return min(found, key=lambda d: earliest(d) or "")

    def _made(self, key: tuple[str | None, ...], make: Callable[[], Entity]) -> Entity:
        """An authority's or program's entity, made once (a bounded cache: memory stays flat)."""
        found = self._entity_cache.get(key)
        if found is None:
            if len(self._entity_cache) >= 10_000:
                self._entity_cache.clear()
            found = self._entity_cache[key] = make()
        return found

    def _sanction(
        self, out: Collector, line: Line, types: dict[str, EntityType], source: Source, extra: list[Entity]
    ) -> list[tuple[str, Claim]]:
        authorities, programs = line.values("authority"), line.values("program") or line.values("programId")
        if not authorities and not programs:
            self._reject(out, line.number, "properties.authority", "a Sanction with neither authority nor program")
            return []
        countries = [c.upper() for c in line.values("country")]
        country = single_country(c for c in countries if registry().countries.is_code(c))
        valid_from = self._dates(line, ("startDate", "listingDate", "date"), last=False)
        valid_to = self._dates(line, ("endDate",), last=True)
        qualifiers = read_qualifiers(line, SANCTION_QUALIFIERS)
        # a list the registry knows, by its OpenSanctions programme id or a list label written as the
        # authority ("Entity List (EL) - Bureau of Industry and Security"): the registry's list and
        # the body that administers it, never an "agency" named after a list
        reg = registry()
        by_code = [("programId", i, reg.list_by_code("opensanctions", i)) for i in line.values("programId")]
        by_label = [("authority", a, reg.list_by_label(a)) for a in authorities]
        named: tuple[str, str] | None = None  # the property and value that named a registry list
        known: RefList | None = None
        for prop, value, found in (*by_code, *by_label):
            if found is not None:
                named, known = (prop, value), found
                break
        authorities = [a for a in authorities if reg.list_by_label(a) is None]
        agency: Entity | None = None
        if known is not None and not authorities:
            agency = reg.entity(known.administered_by)
            extra.append(agency)
        elif authorities:
            agency = reg.body_by_name(authorities[0]) or self._made(
                ("agency", authorities[0], country),
                lambda: Entity(
                    id=f"agency:ftm-{slug(authorities[0])[:100]}",
                    type=EntityType.AGENCY,
                    name=authorities[0],
                    country=country,
                ),
            )
            extra.append(agency)
        lst: Entity | None = None
        if known is not None:
            lst = known.entity
            extra.append(lst)
        elif programs:
            ids = line.values("programId")
            names = line.values("program")

            def make_list() -> Entity:
                key = slug(ids[0]) if ids else slug(" ".join([*authorities[:1], programs[0]]))
                if len(key) > 100:
                    key = key[:100] + "-" + digest(key, length=8)
                return Entity(
                    id=f"list:ftm-{key}",
                    type=EntityType.LIST,
                    name=names[0] if names else ids[0],
                    aliases=tuple(i for i in ids[:1] if i != programs[0]),
                    country=country,
                )

            lst = self._made(("list", *ids[:1], *authorities[:1], *names[:1], country or ""), make_list)
            extra.append(lst)
        claims: list[tuple[str, Claim]] = []
        targets = line.values("entity")
        if not targets:
            self._reject(out, line.number, "properties.entity", "a Sanction needs an entity")
            return []
        for fid in targets:
            subject = self._end(out, line, "entity", types, fid)
            if subject is None:
                continue
            common: dict[str, Any] = {
                "subject": subject,
                "asserted_by": agency.id if agency else None,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "qualifiers": qualifiers,
                "method": Method.IMPORTED,
            }
            if agency is not None:
                by = ("authority", authorities[0]) if authorities else named
                assert by is not None  # an agency comes from an authority or from a registry list
                cite = quote_value(source, *by)
                claim = Claim(predicate=Predicate.SANCTIONED_BY, object=agency.id, citations=(cite,), **common)
                claims.append(("properties.entity", claim))
            if lst is not None:
                if named is not None:  # the value that named the registry's list
                    cite = quote_value(source, *named)
                else:
                    prop = "program" if line.values("program") else "programId"
                    cite = quote_value(source, prop, programs[0])
                claims.append(
                    (
                        "properties.entity",
                        Claim(predicate=Predicate.LISTED_ON, object=lst.id, citations=(cite,), **common),
                    )
                )
        return claims

    def _edge(
        self, out: Collector, line: Line, types: dict[str, EntityType], source: Source
    ) -> list[tuple[str, Claim]]:
        schema = line.plan.schema
        if schema.source_prop is None or schema.target_prop is None:
            return []
        subject = self._end(out, line, schema.source_prop.name, types)
        obj = self._end(out, line, schema.target_prop.name, types)
        if subject is None or obj is None:
            return []
        valid_from = self._dates(line, ("startDate", "date"), last=False)
        valid_to = self._dates(line, ("endDate",), last=True)
        if line.plan.relation == "ownership":
            predicate = Predicate.OWNS
            qualifiers = read_qualifiers(line, OWNERSHIP_QUALIFIERS)
        else:
            predicate = Predicate.LINKED_TO
            qualifiers = read_qualifiers(line, LINK_QUALIFIERS, relation=schema.name, label=schema.edge_label or "")
        # the rendered record: its two ends (their FtM ids) and what it says of the tie ("role":
        # "General Director" alone names neither end, so it cannot support the claim)
        cite = quote_value(source, "properties")
        claim = Claim(
            subject=subject,
            predicate=predicate,
            object=obj,
            valid_from=valid_from,
            valid_to=valid_to,
            qualifiers=qualifiers,
            method=Method.IMPORTED,
            citations=(cite,),
        )
        return [(f"properties.{schema.source_prop.name}", claim)]

    def _thing_refs(
        self, out: Collector, line: Line, types: dict[str, EntityType], source: Source
    ) -> list[tuple[str, Claim]]:
        me = types.get(line.ftm_id)
        if me is None:  # the thing itself was rejected in pass 1
            return []
        own_id = entity_id(me, line.ftm_id)
        claims: list[tuple[str, Claim]] = []
        for prop in line.plan.refs:
            for fid in line.values(prop):
                other = self._end(out, line, prop, types, fid)
                if other is None or other == own_id:
                    continue
                cite = quote_value(source, prop, fid)
                subject, predicate, obj = (
                    (other, Predicate.OWNS, own_id) if prop == "owner" else (own_id, Predicate.SUBSIDIARY_OF, other)
                )
                claim = Claim(
                    subject=subject, predicate=predicate, object=obj, method=Method.IMPORTED, citations=(cite,)
                )
                claims.append((f"properties.{prop}", claim))
        return claims


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def seen_day(line: Line, key: str) -> str | None:
    """The day of a record's ``first_seen`` / ``last_seen`` (OpenSanctions: the first and the
    latest export that held it), when it has one."""
    value = line.data.get(key)
    match = _DAY.match(value) if isinstance(value, str) else None
    try:
        return date.fromisoformat(match.group(0)).isoformat() if match else None
    except ValueError:
        return None


def listing_day(line: Line) -> str | None:
    """The day a Sanction record says its entity was listed (``listingDate``, else ``startDate``):
    the date the authority published the listing, as a list row's date of inclusion is; None for
    other records and when no such date is written."""
    if line.plan.relation != "sanction":
        return None
    for prop in ("listingDate", "startDate"):
        for value in line.values(prop):
            try:
                day = partial_date(value[:10])
            except ValueError:
                continue
            if day:
                return day
    return None


def record_key(ftm_id: str) -> str:
    """The part of a record's Source ids that names the record (its FtM id, or a digest of it)."""
    return ftm_id if SAFE_ID.match(ftm_id) else digest(ftm_id, length=16)


def dataset_names(line: Line) -> list[str]:
    """The datasets that publish the record (its top-level ``datasets``), each once."""
    raw = line.data.get("datasets")
    names = [str(d).strip() for d in raw] if isinstance(raw, list) else []
    return list(dict.fromkeys(n for n in names if n))


def cited_by_each(claim: Claim, sources: list[Source]) -> Claim:
    """``claim`` citing the same spans in each of ``sources`` (one record, several datasets)."""
    if len(sources) < 2:
        return claim
    first = sources[0].id
    citations = tuple(
        c.model_copy(update={"source": s.id}) if c.source == first else c for s in sources for c in claim.citations
    )
    fields = claim.model_dump(exclude=set(Claim.model_computed_fields))  # ids are recomputed
    return Claim(**{**fields, "citations": tuple(dict.fromkeys(citations))})


def add_sources(out: Collector, sources: list[Source], relations: FtmRelations) -> None:
    """The record's Sources with their datasets' Sources."""
    for source in sources:
        out.add_source(source)
        for parent in source.derived_from:
            dataset = relations.known_dataset(parent)
            if dataset is not None:
                out.add_source(dataset)
