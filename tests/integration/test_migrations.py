from __future__ import annotations

import pytest

from graph import migrations, storage
from graph.database import Graph
from schema.errors import Conflict


def test_migrations_twice_leave_the_same_schema(graph: Graph) -> None:
    migrations.migrate(graph)
    first = migrations.describe(graph)
    migrations.migrate(graph)
    second = migrations.describe(graph)
    assert first == second
    names = {c["name"] for c in first["constraints"]}
    assert {k.name for k in storage.UNIQUE_KEYS} <= names
    index_names = {i["name"]: i for i in first["indexes"]}
    for ft in storage.FULLTEXT_INDEXES:
        assert index_names[ft.name]["type"] == "FULLTEXT"
        assert index_names[ft.name]["state"] == "ONLINE"
    assert migrations.applied_version(graph) == storage.SCHEMA_VERSION


def test_duplicate_entity_id_is_refused_as_our_error(clean_graph: Graph) -> None:
    create = "CREATE (:Entity:Firm {id: $id, name: 'Dup'})"
    clean_graph.write(create, {"id": "firm:dup"})
    with pytest.raises(Conflict) as info:
        clean_graph.write(create, {"id": "firm:dup"})
    assert "firm:dup" in info.value.message
