"""Configuration: one pydantic-settings class, environment prefix ``REGKG_``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
_DEV_KEY = "dev-key-change-me"


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
    api_key: SecretStr = SecretStr(_DEV_KEY)

    query_timeout: float = Field(10.0, gt=0, description="seconds for analyst Cypher and paths")
    query_row_limit: int = Field(1000, ge=1)
    path_max_degree: int = Field(
        1000, ge=1, description="paths never pass through an entity with more fact edges than this (a hub)"
    )

    log_format: Literal["auto", "json", "console"] = "auto"

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
        if self.env == "production" and self.api_key.get_secret_value() == _DEV_KEY:
            raise ValueError("REGKG_API_KEY must be set to a non-default value in production")
        return self

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
