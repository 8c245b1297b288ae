"""What the graph must index, declared as data. graph/migrations turns it into Cypher.

Bump ``SCHEMA_VERSION`` whenever this file changes; ``/ready`` reports whether the database
has been migrated to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from schema.ontology import Predicate

SCHEMA_VERSION = 6


@dataclass(frozen=True)
class UniqueKey:
    name: str
    label: str
    prop: str


@dataclass(frozen=True)
class PropertyIndex:
    name: str
    label: str
    props: tuple[str, ...]


@dataclass(frozen=True)
class RelationshipIndex:
    name: str
    rel_type: str
    prop: str


@dataclass(frozen=True)
class FulltextIndex:
    name: str
    label: str
    props: tuple[str, ...]
    analyzer: str


UNIQUE_KEYS: tuple[UniqueKey, ...] = (
    UniqueKey("entity_id", "Entity", "id"),
    UniqueKey("claim_id", "Claim", "id"),
    UniqueKey("source_id", "Source", "id"),
    UniqueKey("load_run_id", "LoadRun", "id"),
    UniqueKey("version_manifest_id", "VersionManifest", "id"),
    UniqueKey("watchlist_id", "Watchlist", "id"),
    UniqueKey("watched_record_id", "WatchedRecord", "id"),
    UniqueKey("alert_id", "Alert", "id"),
)

PROPERTY_INDEXES: tuple[PropertyIndex, ...] = (
    PropertyIndex("claim_fact_id", "Claim", ("fact_id",)),
    PropertyIndex("entity_name", "Entity", ("name",)),
    PropertyIndex("entity_canonical", "Entity", ("canonical",)),
    PropertyIndex("load_run_status", "LoadRun", ("status",)),
    PropertyIndex("load_run_input", "LoadRun", ("loader", "input_sha256")),
    PropertyIndex("alert_created", "Alert", ("created_at",)),
    PropertyIndex("entity_created", "Entity", ("created_at",)),
    PropertyIndex("entity_updated", "Entity", ("updated_at",)),
)

# Fact edges carry a fact_id; provenance looks them up by it (one index per fact type).
RELATIONSHIP_INDEXES: tuple[RelationshipIndex, ...] = tuple(
    RelationshipIndex(f"fact_id_{p.rel_type.lower()}", p.rel_type, "fact_id") for p in Predicate
)

# "standard-folding" lower-cases and folds accents (ASCII folding): "Łukasz" finds "lukasz".
FULLTEXT_INDEXES: tuple[FulltextIndex, ...] = (
    FulltextIndex("entity_search", "Entity", ("name", "alias_text", "ident_text"), "standard-folding"),
    FulltextIndex("watched_search", "WatchedRecord", ("search_text",), "standard-folding"),
)
# Indexes of earlier schema versions, dropped by the migration (IF EXISTS).
DROPPED_INDEXES: tuple[str, ...] = ("entity_names", "screening_decision_record")
# Constraints of earlier schema versions, dropped by the migration (IF EXISTS): screening
# decisions are claims since schema 5.
DROPPED_CONSTRAINTS: tuple[str, ...] = ("screening_decision_id",)
