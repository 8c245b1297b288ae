"""Idempotent migrations: create every constraint and index that :mod:`schema` declares, drop
those of earlier versions, and rewrite data an earlier version stored differently (screening
decisions as claims since schema 5)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, LiteralString

from . import queries, screen_decisions, storage
from .database import Graph


@dataclass(frozen=True)
class MigrationReport:
    version: int
    statements: int


def statements() -> list[LiteralString]:
    out: list[LiteralString] = []
    for key in storage.UNIQUE_KEYS:
        out.append(queries.unique_constraint(key.name, key.label, key.prop))
    for idx in storage.PROPERTY_INDEXES:
        out.append(queries.property_index(idx.name, idx.label, idx.props))
    for rel in storage.RELATIONSHIP_INDEXES:
        out.append(queries.relationship_index(rel.name, rel.rel_type, rel.prop))
    for ft in storage.FULLTEXT_INDEXES:
        out.append(queries.fulltext_index(ft.name, ft.label, ft.props, ft.analyzer))
    for name in storage.DROPPED_INDEXES:
        out.append(queries.drop_index(name))
    for name in storage.DROPPED_CONSTRAINTS:
        out.append(queries.drop_constraint(name))
    return out


def migrate(graph: Graph) -> MigrationReport:
    """Apply every declaration (``IF NOT EXISTS``), wait for indexes, record the version."""
    stmts = statements()
    for stmt in stmts:
        graph.run_autocommit(stmt)
    graph.run_autocommit(queries.AWAIT_INDEXES)
    screen_decisions.upgrade(graph)
    graph.write(queries.SCHEMA_VERSION_SET, {"version": storage.SCHEMA_VERSION})
    return MigrationReport(storage.SCHEMA_VERSION, len(stmts))


def applied_version(graph: Graph) -> int | None:
    rows = graph.read_once(queries.SCHEMA_VERSION_GET)
    return int(rows[0]["version"]) if rows and rows[0]["version"] is not None else None


def describe(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    """The database's constraints and indexes, for tests and ``regkg migrate --show``."""
    return {
        "constraints": graph.read(queries.SHOW_CONSTRAINTS),
        "indexes": graph.read(queries.SHOW_INDEXES),
    }
