"""A foreign state's body is an agency of that state, unless the text puts it under a measure.

The mention finder types a body named after a foreign country ("Iran's Ministry of Economy", "the
DPRK Ministry of Rocket Industry", "Atomic Energy Organization of Iran") as an organization, since
the texts mostly name such bodies to sanction or list them. Where a text only names one (it acts,
it is part of its state, a firm is tied to it), it is one of that state's authorities: an agency,
as the registry types the United States' own. The evaluation sets' annotators read them the same
way (bench/eval4/SPLIT.md, eval5, eval8): "a government body under sanctions is typed
organization", otherwise agency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

from schema.models import slug
from schema.ontology import EntityType, Predicate, allowed

from .mentions import Doc, Ent
from .sentence import Raw

T = EntityType
P = Predicate

# the predicates that put their subject under a measure (and acted-against its object)
_UNDER_MEASURE = frozenset({P.SANCTIONED_BY, P.LISTED_ON, P.RESTRICTED_UNDER, P.BANNED_BY})

Row = TypeVar("Row", bound=tuple[Any, ...])  # (Raw, stance, speaker, sentence)


def state_bodies_as_agencies(doc: Doc, rows: Sequence[Row]) -> list[Row]:
    """``rows`` with each foreign state's body that no measure falls on renamed to an agency."""
    raws: list[Raw] = [row[0] for row in rows]
    measured = {r.subject for r in raws if r.predicate in _UNDER_MEASURE}
    measured |= {r.object for r in raws if r.predicate is P.ACTED_AGAINST}
    rename: dict[str, str] = {}
    for eid in sorted(doc.state_bodies - measured):
        ent = doc.ents[eid]
        if ent.how != "pattern" or ent.type is not T.ORGANIZATION:
            continue
        new = f"{T.AGENCY.prefix}:{slug(ent.name)}"
        if not all(_fits(doc, r, eid) for r in raws if eid in (r.subject, r.object)):
            continue  # a claim an agency cannot make keeps the body an organization
        if new not in doc.ents:
            doc.ents[new] = Ent(new, T.AGENCY, ent.name, "pattern", aliases=list(ent.aliases), country=ent.country)
        rename[eid] = new
    if not rename:
        return list(rows)
    out: list[Row] = []
    for row in rows:
        raw, stance, speaker, *rest = row
        moved = replace(raw, subject=rename.get(raw.subject, raw.subject), object=rename.get(raw.object, raw.object))
        out.append((moved, stance, rename.get(speaker, speaker), *rest))  # type: ignore[arg-type]
    return out


def _fits(doc: Doc, raw: Raw, old: str) -> bool:
    """Can the claim still be made with ``old`` an agency (or could it not be made before either)?"""
    s_type = T.AGENCY if raw.subject == old else doc.ents[raw.subject].type
    o_type = T.AGENCY if raw.object == old else doc.ents[raw.object].type
    return allowed(raw.predicate, s_type, o_type) or not allowed(
        raw.predicate, doc.ents[raw.subject].type, doc.ents[raw.object].type
    )
