"""What the caller knows about an article (``meta.yaml`` or the API's ``meta``): the fields its
:class:`~schema.models.Source` gets; unknown dates stay ``None``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from schema.dates import PartialDate, coerce_partial_date
from schema.errors import InvalidInput
from schema.models import SourceId, SourceKind


class ArticleMeta(BaseModel):
    """What the caller knows about the text (``meta.yaml``); unknown dates stay ``None``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: SourceId | None = Field(None, description="source id; default source:<slug(publisher title)>")
    title: str | None = None
    kind: SourceKind = "article"
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published_at: PartialDate | None = None
    retrieved_at: PartialDate | None = None
    derived_from: tuple[SourceId, ...] = ()

    @field_validator("published_at", "retrieved_at", mode="before")
    @classmethod
    def _dates(cls, value: Any) -> Any:
        return coerce_partial_date(value)

    @field_validator("derived_from", mode="before")
    @classmethod
    def _derived(cls, value: Any) -> Any:
        return () if value is None else value


def load_meta(path: Path | str) -> ArticleMeta:
    """Read ``meta.yaml``; a bad file raises InvalidInput naming the field."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise InvalidInput(f"{path}: cannot read metadata: {exc}") from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: metadata must be a mapping")
    return coerce_meta(data, str(path))


def coerce_meta(value: ArticleMeta | Mapping[str, Any] | None, where: str = "meta") -> ArticleMeta:
    """``value`` as ArticleMeta; InvalidInput naming the first bad field."""
    if isinstance(value, ArticleMeta):
        return value
    try:
        return ArticleMeta.model_validate(dict(value or {}))
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first.get("loc", ()))
        raise InvalidInput(f"{where}: {loc}: {first.get('msg')}", exc.errors()) from None
