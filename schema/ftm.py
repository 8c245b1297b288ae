"""How regkg's entity types meet FollowTheMoney schemata — one table, read both ways.

Reading FtM (``loaders/ftm.py``): the first schema a line's schema *is a* wins, so the most
specific come first (a Company is also an Organization and a LegalEntity; a Vessel also an
Asset). Writing FtM (``export/ftm.py``): a type becomes the first schema listed for it; a type
with none (Country, Law, List, Product) is not an FtM thing and goes into notes and links.
"""

from __future__ import annotations

from .ontology import EntityType

FTM_TYPES: tuple[tuple[str, EntityType], ...] = (
    ("Vessel", EntityType.ASSET),
    ("Airplane", EntityType.ASSET),
    ("Person", EntityType.PERSON),
    ("PublicBody", EntityType.AGENCY),
    ("Company", EntityType.FIRM),
    ("Organization", EntityType.ORGANIZATION),
    ("LegalEntity", EntityType.FIRM),
)

# the types an FtM id can become here (in the order a reference is tried)
FTM_READ_TYPES: tuple[EntityType, ...] = tuple(dict.fromkeys(t for _, t in FTM_TYPES))


def ftm_schema(etype: EntityType) -> str | None:
    """The FtM schema a regkg type is written as: Firm → Company, Asset → Vessel; Law → None."""
    return next((schema for schema, t in FTM_TYPES if t is etype), None)
