from __future__ import annotations

import pytest
from pydantic import ValidationError

from config import Settings


def test_defaults_point_at_local_bolt() -> None:
    s = Settings()
    assert s.neo4j_uri.startswith("bolt://127.0.0.1")
    assert s.neo4j_port == 7687


def test_routing_uris_are_accepted() -> None:
    assert Settings(neo4j_uri="neo4j+s://abc.databases.neo4j.io").neo4j_port == 7687


def test_unknown_scheme_is_refused() -> None:
    with pytest.raises(ValidationError):
        Settings(neo4j_uri="http://localhost:7474")


def test_production_refuses_the_default_api_key() -> None:
    with pytest.raises(ValidationError):
        Settings(env="production")
