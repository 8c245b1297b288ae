"""Every Cypher statement of regkg, as parameterised constants.

Labels and relationship types are never taken from user text: where a query needs one, it is
formatted in from :mod:`schema` enums by the function that builds the query (see
:mod:`graph.migrations` and :mod:`graph.writer`).
"""

from __future__ import annotations

from typing import Final, LiteralString

SERVER_VERSION: Final = (
    "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition"
)

# -- migrations ---------------------------------------------------------------------------

SCHEMA_VERSION_GET: Final = "MATCH (m:SchemaMigration {id: 'regkg'}) RETURN m.version AS version"
SCHEMA_VERSION_SET: Final = (
    "MERGE (m:SchemaMigration {id: 'regkg'}) SET m.version = $version, m.applied_at = datetime()"
)
SHOW_CONSTRAINTS: Final = (
    "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
    "RETURN name, type, labelsOrTypes, properties ORDER BY name"
)
SHOW_INDEXES: Final = (
    "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state "
    "WHERE type <> 'LOOKUP' RETURN name, type, labelsOrTypes, properties, state ORDER BY name"
)
AWAIT_INDEXES: Final = "CALL db.awaitIndexes(300)"

# -- maintenance (tests, restore) ---------------------------------------------------------

WIPE: Final = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"
COUNTS: Final = (
    "CALL () { MATCH (n) RETURN count(n) AS nodes } "
    "CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } "
    "RETURN nodes, relationships"
)


def unique_constraint(name: str, label: str, prop: str) -> LiteralString:
    # name/label/prop come from schema.storage declarations, never from user input.
    return f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"


def property_index(name: str, label: str, props: tuple[str, ...]) -> LiteralString:
    cols = ", ".join(f"n.{p}" for p in props)
    return f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON ({cols})"


def relationship_index(name: str, rel_type: str, prop: str) -> LiteralString:
    return f"CREATE INDEX {name} IF NOT EXISTS FOR ()-[r:{rel_type}]-() ON (r.{prop})"


def fulltext_index(name: str, label: str, props: tuple[str, ...], analyzer: str) -> LiteralString:
    cols = ", ".join(f"n.{p}" for p in props)
    return (
        f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS "
        f"FOR (n:{label}) ON EACH [{cols}] "
        f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{analyzer}'}}}}"
    )
