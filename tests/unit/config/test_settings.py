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


def _digest(key: str) -> str:
    import hashlib

    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()


def test_api_keys_are_sha256_digests_from_a_comma_separated_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    monkeypatch.setenv("REGKG_API_KEYS", f" {_digest('a')} , {_digest('b').upper().replace('SHA256', 'sha256')},")
    s = Settings(api_key="plain-key")
    assert s.api_keys == [_digest("a"), _digest("b")]
    assert set(s.api_key_digests) == {hashlib.sha256(k).digest() for k in (b"a", b"b", b"plain-key")}
    assert s.require_key_for_reads is False


def test_a_key_that_is_not_a_digest_is_refused() -> None:
    with pytest.raises(ValidationError, match="sha256:<64 hex digits>"):
        Settings(api_keys="my-secret-key")
    with pytest.raises(ValidationError):
        Settings(api_keys="sha256:abc")


def test_the_development_key_stops_counting_once_digests_are_set() -> None:
    import hashlib

    dev = hashlib.sha256(b"dev-key-change-me").digest()
    assert dev in Settings().api_key_digests
    assert dev not in Settings(api_keys=_digest("a")).api_key_digests
    Settings(env="production", api_keys=_digest("a"))  # digests alone suffice in production
