"""The controlled vocabulary: entity types, predicates (with domain and range), stances.

Everything the graph may hold is declared here, once. Labels and relationship types in Cypher
are taken only from these enums, never from user text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class EntityType(StrEnum):
    """Node labels (each entity also carries the label ``Entity``)."""

    FIRM = "Firm"
    AGENCY = "Agency"
    COUNTRY = "Country"
    LAW = "Law"
    PRODUCT = "Product"
    PERSON = "Person"
    LIST = "List"
    ORGANIZATION = "Organization"
    ASSET = "Asset"
    RECORD = "Record"

    @property
    def prefix(self) -> str:
        """The id prefix of this type: ``firm:kaspersky-lab``."""
        return self.value.lower()


ENTITY_TYPE_MEANING: dict[EntityType, str] = {
    EntityType.FIRM: "a company or business, including subsidiaries and state-owned firms",
    EntityType.AGENCY: "a government body: department, bureau, service, administration",
    EntityType.COUNTRY: "a state or jurisdiction",
    EntityType.LAW: "an act, bill, executive order, directive, rule or determination",
    EntityType.PRODUCT: "software, equipment, a service or an app",
    EntityType.PERSON: "a natural person",
    EntityType.LIST: "a sanctions or restriction list, or a sanctions program",
    EntityType.ORGANIZATION: "a legislature, publisher, news agency or other body",
    EntityType.ASSET: "a vessel or aircraft named on a list",
    EntityType.RECORD: "a counterparty record a user screened (the caller's id), not an entity of the sources",
}


class Stance(StrEnum):
    """How the source presents a claim."""

    ASSERTED = "asserted"  # stated as fact by the asserting party (or the source itself)
    ALLEGED = "alleged"  # an accusation by the asserting party, not established
    REPORTED = "reported"  # the source relays what another party (e.g. a newspaper) reported
    PROPOSED = "proposed"  # a measure proposed but not (yet) in force, e.g. a bill
    DISPUTED = "disputed"  # the asserting party contests the fact
    DENIED = "denied"  # the asserting party says it is false
    RETRACTED = "retracted"  # withdrawn by the party that asserted it


STANCE_MEANING: dict[Stance, str] = {
    Stance.ASSERTED: "stated as fact by the asserting party (or by the source itself)",
    Stance.ALLEGED: "an accusation by the asserting party; not established",
    Stance.REPORTED: "relayed from another party's report",
    Stance.PROPOSED: "a measure proposed but not in force",
    Stance.DISPUTED: "contested by the asserting party",
    Stance.DENIED: "said to be false by the asserting party",
    Stance.RETRACTED: "withdrawn by the party that asserted it",
}

# Stances that do not establish a fact (the page draws them dashed; `stances=` filters them).
UNESTABLISHED = frozenset({Stance.ALLEGED, Stance.PROPOSED, Stance.DISPUTED, Stance.DENIED, Stance.RETRACTED})


class Method(StrEnum):
    """How a claim entered the graph."""

    CURATED = "curated"  # written by an analyst
    IMPORTED = "imported"  # read from an official list or dataset
    EXTRACTED = "extracted"  # proposed by the article extractor


class Predicate(StrEnum):
    """Fact types, kebab-case in the API; ``rel_type`` gives the Neo4j relationship type."""

    BANNED_BY = "banned-by"
    ALLEGED_TIE_TO = "alleged-tie-to"
    LISTED_ON = "listed-on"
    PART_OF = "part-of"
    SUBSIDIARY_OF = "subsidiary-of"
    OWNS = "owns"
    HEADQUARTERED_IN = "headquartered-in"
    ADMINISTERS = "administers"
    ENACTED_BY = "enacted-by"
    PROPOSED_BY = "proposed-by"
    TARGETS = "targets"
    SANCTIONED_BY = "sanctioned-by"
    INVESTIGATED_BY = "investigated-by"
    CONSIDERING_ACTION_AGAINST = "considering-action-against"
    ACTED_AGAINST = "acted-against"
    WARNED_AGAINST_BY = "warned-against-by"
    PRODUCT_OF = "product-of"
    RESTRICTED_UNDER = "restricted-under"
    LINKED_TO = "linked-to"
    INVADED = "invaded"
    DECLINED_COMMENT_TO = "declined-comment-to"
    AVAILABLE_IN = "available-in"
    SAME_AS = "same-as"
    POSSIBLY_SAME_AS = "possibly-same-as"
    SCREENED_AS = "screened-as"

    @property
    def rel_type(self) -> str:
        return self.value.upper().replace("-", "_")

    @classmethod
    def from_rel_type(cls, rel_type: str) -> Predicate:
        return cls(rel_type.lower().replace("_", "-"))

    @property
    def spec(self) -> PredicateSpec:
        return PREDICATES[self]


@dataclass(frozen=True)
class PredicateSpec:
    subjects: frozenset[EntityType]
    objects: frozenset[EntityType]
    meaning: str
    # Regulatory actions are what exposure reports; ``target`` says which end is affected.
    regulatory: bool = False
    target: str = "subject"


T = EntityType
_ACTORS = frozenset({T.FIRM, T.PERSON, T.ORGANIZATION, T.AGENCY, T.PRODUCT, T.ASSET})
_AFFECTED = frozenset({T.FIRM, T.PERSON, T.ORGANIZATION, T.PRODUCT, T.ASSET})
_AUTHORITIES = frozenset({T.AGENCY, T.COUNTRY, T.ORGANIZATION})
_ANY = frozenset(T) - {T.RECORD}  # a screened record is only ever the subject of screened-as

PREDICATES: dict[Predicate, PredicateSpec] = {
    Predicate.BANNED_BY: PredicateSpec(
        _AFFECTED, _AUTHORITIES, "the subject (or its use) is banned by the object", True
    ),
    Predicate.ALLEGED_TIE_TO: PredicateSpec(
        _ANY, _ANY, "the subject is said to have ties to the object (usually stance alleged)"
    ),
    Predicate.LISTED_ON: PredicateSpec(_AFFECTED, frozenset({T.LIST}), "the subject is named on the list", True),
    Predicate.PART_OF: PredicateSpec(
        frozenset({T.AGENCY, T.ORGANIZATION, T.FIRM, T.COUNTRY}),
        frozenset({T.AGENCY, T.ORGANIZATION, T.COUNTRY, T.FIRM}),
        "the subject is a unit or body of the object (BIS is part of Commerce)",
    ),
    Predicate.SUBSIDIARY_OF: PredicateSpec(
        frozenset({T.FIRM, T.ORGANIZATION}),
        frozenset({T.FIRM, T.ORGANIZATION, T.PERSON}),
        "the subject is a subsidiary or affiliate of the object",
    ),
    Predicate.OWNS: PredicateSpec(
        frozenset({T.FIRM, T.PERSON, T.ORGANIZATION, T.COUNTRY, T.AGENCY}),
        frozenset({T.FIRM, T.ASSET, T.PRODUCT, T.ORGANIZATION}),
        "the subject owns (part of) the object",
    ),
    Predicate.HEADQUARTERED_IN: PredicateSpec(
        frozenset({T.FIRM, T.ORGANIZATION, T.AGENCY, T.PERSON}),
        frozenset({T.COUNTRY}),
        "the subject is based in the country (for a person: nationality or residence)",
    ),
    Predicate.ADMINISTERS: PredicateSpec(
        frozenset({T.AGENCY, T.ORGANIZATION}),
        frozenset({T.LIST, T.LAW}),
        "the agency maintains the list or enforces the law",
    ),
    Predicate.ENACTED_BY: PredicateSpec(
        frozenset({T.LAW}),
        frozenset({T.AGENCY, T.ORGANIZATION, T.COUNTRY, T.PERSON}),
        "the law was enacted or issued by the object",
    ),
    Predicate.PROPOSED_BY: PredicateSpec(
        frozenset({T.LAW}),
        frozenset({T.AGENCY, T.ORGANIZATION, T.COUNTRY, T.PERSON}),
        "the law or bill was proposed or introduced by the object",
    ),
    Predicate.TARGETS: PredicateSpec(
        frozenset({T.LAW, T.LIST}),
        _AFFECTED | {T.COUNTRY},
        "the law or program targets the object",
        True,
        target="object",
    ),
    Predicate.SANCTIONED_BY: PredicateSpec(
        _AFFECTED, _AUTHORITIES, "the subject is under sanctions imposed by the object", True
    ),
    Predicate.INVESTIGATED_BY: PredicateSpec(_AFFECTED, _AUTHORITIES, "the object investigates the subject", True),
    Predicate.CONSIDERING_ACTION_AGAINST: PredicateSpec(
        _AUTHORITIES,
        _AFFECTED,
        "the subject is weighing regulatory action against the object",
        True,
        target="object",
    ),
    Predicate.ACTED_AGAINST: PredicateSpec(
        _AUTHORITIES,
        _AFFECTED,
        "the subject took (unspecified) regulatory action against the object",
        True,
        target="object",
    ),
    Predicate.WARNED_AGAINST_BY: PredicateSpec(
        _AFFECTED, _AUTHORITIES, "the object publicly warned against the subject", True
    ),
    Predicate.PRODUCT_OF: PredicateSpec(
        frozenset({T.PRODUCT}),
        frozenset({T.FIRM, T.ORGANIZATION}),
        "the product is made or offered by the object",
    ),
    Predicate.RESTRICTED_UNDER: PredicateSpec(
        _AFFECTED, frozenset({T.LAW}), "the subject is restricted under the law", True
    ),
    Predicate.LINKED_TO: PredicateSpec(
        _ANY, _ANY, "a list names the subject as linked to the object (OFAC 'Linked To:')"
    ),
    Predicate.INVADED: PredicateSpec(frozenset({T.COUNTRY}), frozenset({T.COUNTRY}), "the subject invaded the object"),
    Predicate.DECLINED_COMMENT_TO: PredicateSpec(
        _ACTORS,
        frozenset({T.ORGANIZATION}),
        "the subject declined the object's request for comment",
    ),
    Predicate.AVAILABLE_IN: PredicateSpec(
        frozenset({T.PRODUCT, T.FIRM}),
        frozenset({T.COUNTRY}),
        "the product or firm's offering is available in the country",
    ),
    Predicate.SAME_AS: PredicateSpec(
        _ANY, _ANY, "entity resolution: both ids denote one real-world entity (recorded decision)"
    ),
    Predicate.POSSIBLY_SAME_AS: PredicateSpec(
        _ANY, _ANY, "entity resolution: the ids may denote one entity; unsure, left for review (never merged)"
    ),
    Predicate.SCREENED_AS: PredicateSpec(
        frozenset({T.RECORD}),
        _ANY,
        "a reviewed screening result: the record is the entity (stance asserted: a true match) or is not "
        "(denied: a false positive)",
    ),
}

# Decisions about ids rather than facts about the world: their edges join the ids themselves,
# while every other fact joins the canonical entities of the ids' same-as clusters.
IDENTITY = frozenset({Predicate.SAME_AS, Predicate.POSSIBLY_SAME_AS})
# Reviews of a user's screened record against an entity (graph/screen_decisions.py): listed with
# the decisions, never walked as facts of the world.
REVIEW = frozenset({Predicate.SCREENED_AS})
# Claims about ids, whose edges join the ids themselves (not the canonical entities of their
# clusters) and which reads do not walk: neighbours, paths and exposure skip them.
ID_LEVEL = IDENTITY | REVIEW

# Facts that make their two ends two entities by definition: resolution never merges them
# (nor a cluster of one with a cluster of the other), and a merge by hand is refused.
DISTINCT_BY = (Predicate.SUBSIDIARY_OF, Predicate.OWNS, Predicate.PART_OF, Predicate.LINKED_TO)

# Facts a list version states, so a later complete version that lacks one ends it
# (loaders/versions.py); the qualifiers that mark a claim ending it, or a return.
VERSIONED = (Predicate.LISTED_ON, Predicate.SANCTIONED_BY)
VERSION_ENDED, VERSION_RETURNED = "absent_from_version", "present_again_in_version"
# A listing the list itself says has ended (the CSL's end_date): it ends the fact like a later
# version that no longer holds it, whatever earlier open-ended claims say.
LISTING_ENDED = "listing_ended"

# Ownership-like chains exposure walks from an entity up to whoever a regulatory fact names.
EXPOSURE_CHAIN = (
    Predicate.SUBSIDIARY_OF,
    Predicate.PART_OF,
    Predicate.PRODUCT_OF,
)
OWNS_REVERSED = Predicate.OWNS  # (parent)-[:OWNS]->(child): walked against its direction

REGULATORY = tuple(p for p, s in PREDICATES.items() if s.regulatory)


def allowed(predicate: Predicate, subject: EntityType, obj: EntityType) -> bool:
    spec = PREDICATES[predicate]
    return subject in spec.subjects and obj in spec.objects


# Qualifiers also stored as typed properties — a number on the claim, and on the fact edge from its
# best claim — so an analyst's Cypher can filter them (an OWNS edge's ``percentage`` at least 50);
# the qualifiers' JSON keeps what the source wrote.
TYPED_QUALIFIERS: dict[Predicate, tuple[str, ...]] = {Predicate.OWNS: ("percentage", "sharesCount")}


def typed_qualifiers(predicate: Predicate, qualifiers: Mapping[str, object]) -> dict[str, float]:
    """The typed qualifiers of a claim as numbers: ``"51"``, ``"51 %"``, ``51.5`` → 51.0, 51.5; a
    value that is not one number (a range, two values, words) is left out."""
    out: dict[str, float] = {}
    for name in TYPED_QUALIFIERS.get(predicate, ()):
        value = qualifiers.get(name)
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int | float):
            out[name] = float(value)
            continue
        try:
            out[name] = float(str(value).strip().removesuffix("%").strip())
        except ValueError:
            continue
    return out
