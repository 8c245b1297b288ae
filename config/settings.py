"""Configuration: one pydantic-settings class, environment prefix ``REGKG_``."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
_DEV_KEY = "dev-key-change-me"
_KEY_DIGEST = re.compile(r"^sha256:[0-9a-fA-F]{64}$")


class Settings(BaseSettings):
    """Every knob regkg reads, from the environment (``REGKG_*``) or a ``.env`` file."""

    model_config = SettingsConfigDict(env_prefix="REGKG_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"

    neo4j_uri: str = Field(
        "bolt://127.0.0.1:7687",
        description="bolt://, bolt+s://, neo4j:// or neo4j+s:// (routing: clusters and Aura)",
    )
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    neo4j_connection_timeout: float = Field(5.0, gt=0, description="seconds to open a connection")
    neo4j_pool_size: int = Field(50, ge=1)
    neo4j_retry_time: float = Field(
        10.0, ge=0, description="seconds the driver retries a transaction on transient errors"
    )

    # The local (embedded, Maven-resolved) Neo4j started by `regkg db start`.
    local_db_dir: Path = ROOT / "var" / "neo4j"
    local_db_heap: str = "1g"
    local_db_pagecache: str = "512m"
    local_db_tx_timeout: str = "120s"

    api_host: str = "127.0.0.1"
    api_port: int = Field(8000, ge=1, le=65535)
    api_key: SecretStr = Field(
        SecretStr(_DEV_KEY),
        description="one plain API key (kept for existing set-ups; prefer api_keys). Not accepted while it is "
        "the development default and api_keys is set",
    )
    api_keys: Annotated[list[str], NoDecode] = Field(
        [],
        description="the accepted API keys as digests, comma-separated: sha256:<64 hex> each "
        '(printf %s "$KEY" | sha256sum)',
    )
    require_key_for_reads: bool = Field(
        False,
        description="every /v1 route needs X-API-Key, reads too (/health, /ready, /metrics, /ui, /docs stay open)",
    )

    query_timeout: float = Field(10.0, gt=0, description="seconds for analyst Cypher and paths")
    query_row_limit: int = Field(1000, ge=1)
    queries_dir: Path = Field(ROOT / "queries", description="the saved queries (*.cypher) run by name")
    path_max_degree: int = Field(
        1000, ge=1, description="paths never pass through an entity with more fact edges than this (a hub)"
    )

    ownership_rule: Literal["ofac", "eu"] = Field(
        "ofac",
        description="the ownership rule ownership, exposure and screening apply: ofac (50 % or more in the aggregate "
        "by blocked persons) or eu (more than 50 %, or control)",
    )
    ownership_threshold: float | None = Field(
        None,
        ge=0.0,
        le=100.0,
        description="the share (percent) of blocked owners that blocks, when not the rule's own (50)",
    )
    ownership_block_kinds: Annotated[list[str], NoDecode] = Field(
        ["sanctions"],
        description="the kinds of list (reference registry: sanctions, export-control, debarment, nonproliferation, "
        "telecom-security, import-ban) whose listing blocks an owner under the ownership rule (comma-separated); "
        "sanctioned-by facts always do",
    )

    api_responses: Literal["fast", "validated", "checked"] = Field(
        "fast",
        description="how read answers become JSON: fast (the graph layer's answer serialised as it is, orjson), "
        "validated (through the route's response model, pydantic: slower, same JSON), checked (both, compared; "
        "a difference is a 500 — the test suite runs this)",
    )
    warm_queries: bool = Field(
        True, description="plan every path query shape when the API starts (in the background: graph/warm.py)"
    )
    warm_names: bool = Field(
        True,
        description="load the name tables of screening (nomenklatura) and article extraction (rigour) before the "
        "API serves: about 8 s and 550 MB per process once, instead of in the first screening or extraction request",
    )

    extract_llm_url: str | None = Field(
        None,
        description="an OpenAI-compatible chat endpoint (e.g. a local model server) that proposes claims to the "
        "article extractor beside its rules: the server's base URL, with or without /v1 (posts to "
        "<base>/v1/chat/completions), or a URL ending in /chat/completions used as given; unset: rules only",
    )
    extract_llm_model: str = Field("default", min_length=1, description="the model name sent to that endpoint")
    extract_llm_timeout: float = Field(60.0, gt=0, description="seconds to wait for the model's answer")
    extract_llm_key: SecretStr | None = Field(None, description="sent as a Bearer token when set")

    log_format: Literal["auto", "json", "console"] = "auto"

    cors_origins: Annotated[list[str], NoDecode] = Field(
        [],
        description="origins a browser may call the API from (comma-separated, e.g. "
        "https://a.example,https://b.example; * for any); empty: no CORS headers",
    )

    @field_validator("ownership_block_kinds", mode="before")
    @classmethod
    def _kinds(cls, value: object) -> object:
        if isinstance(value, str):
            return [k.strip() for k in value.split(",") if k.strip()]
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [o.strip().rstrip("/") for o in value.split(",") if o.strip()]
        return value

    @field_validator("api_keys", mode="before")
    @classmethod
    def _key_digests(cls, value: object) -> object:
        entries = [e.strip() for e in value.split(",") if e.strip()] if isinstance(value, str) else value
        if isinstance(entries, list):
            for i, entry in enumerate(entries):
                if not isinstance(entry, str) or not _KEY_DIGEST.match(entry):
                    raise ValueError(f"entry {i + 1} is not sha256:<64 hex digits> (the key's SHA-256, never the key)")
            return [e.lower() for e in entries]
        return value

    @field_validator("extract_llm_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
            if urlsplit(value).scheme not in {"http", "https"}:
                raise ValueError("use an http:// or https:// URL")
        return value

    @field_validator("neo4j_uri")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        scheme = urlsplit(value).scheme
        allowed = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}
        if scheme not in allowed:
            raise ValueError(f"unsupported URI scheme {scheme!r}; use one of {sorted(allowed)}")
        return value

    @model_validator(mode="after")
    def _no_default_secrets_in_production(self) -> Settings:
        if self.env == "production" and self.api_key.get_secret_value() == _DEV_KEY and not self.api_keys:
            raise ValueError("set REGKG_API_KEYS (sha256 digests) or a non-default REGKG_API_KEY in production")
        return self

    @property
    def api_key_digests(self) -> tuple[bytes, ...]:
        """The SHA-256 digests of every accepted key: api_keys, and api_key unless it is empty or the
        development default while api_keys is set."""
        digests = [bytes.fromhex(entry.split(":", 1)[1]) for entry in self.api_keys]
        plain = self.api_key.get_secret_value()
        if plain and not (self.api_keys and plain == _DEV_KEY):
            digests.append(hashlib.sha256(plain.encode()).digest())
        return tuple(digests)

    @property
    def neo4j_port(self) -> int:
        return urlsplit(self.neo4j_uri).port or 7687

    @property
    def neo4j_auth(self) -> tuple[str, str] | None:
        password = self.neo4j_password.get_secret_value()
        return (self.neo4j_user, password) if password else None


@lru_cache
def get_settings() -> Settings:
    return Settings()
