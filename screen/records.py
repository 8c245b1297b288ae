"""What a screening request holds: records to match, each with what the caller knows of it.

A record has a name or identifiers (or both); ``type`` narrows the entities it may match
(``any``: people, firms, organisations, agencies and assets). Identifiers are ``{scheme: value}``
with the schemes of :data:`screen.matcher.SCHEMES` (others are compared as registration numbers).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator, model_validator

from schema.dates import PARTIAL_DATE_PATTERN, PartialDate

RecordType = Literal["Person", "Firm", "Organization", "Asset", "any"]
_Text50 = Annotated[str, Field(max_length=50, pattern=r"\S")]  # a non-blank identifier scheme
_Text200 = Annotated[str, Field(max_length=200, pattern=r"\S")]  # a non-blank identifier value


class ScreenRecord(BaseModel):
    """One record to screen."""

    # a name, or at least one identifier: said in the OpenAPI too
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "anyOf": [
                {"required": ["name"], "properties": {"name": {"type": "string"}}},
                {"required": ["identifiers"], "properties": {"identifiers": {"type": "object", "minProperties": 1}}},
            ]
        },
    )

    id: Annotated[str | None, Field(max_length=200, description="the caller's key for the record")] = None
    name: Annotated[str | None, Field(min_length=1, max_length=500, pattern=r"\S")] = None
    type: RecordType = "any"
    country: Annotated[str | None, Field(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2")] = None
    birth_date: Annotated[
        Annotated[PartialDate, WithJsonSchema({"type": "string", "pattern": PARTIAL_DATE_PATTERN})] | None,
        Field(description="YYYY, YYYY-MM or YYYY-MM-DD"),
    ] = None
    identifiers: Annotated[
        dict[_Text50, _Text200],
        Field(max_length=20, description="{scheme: value}, e.g. {'inn': '7713140469'}"),
        WithJsonSchema(
            {
                "type": "object",
                "maxProperties": 20,
                "propertyNames": {"type": "string", "maxLength": 50, "pattern": r"\S"},
                "additionalProperties": {"type": "string", "maxLength": 200, "pattern": r"\S"},
                "description": "{scheme: value}, e.g. {'inn': '7713140469'}",
            }
        ),
    ] = Field(default_factory=dict)

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else None

    @field_validator("identifiers")
    @classmethod
    def _identifiers(cls, value: dict[str, str]) -> dict[str, str]:
        return {k.strip().lower(): v.strip() for k, v in value.items()}

    @model_validator(mode="after")
    def _something(self) -> ScreenRecord:
        if not self.name and not self.identifiers:
            raise ValueError("a record needs a name or an identifier")
        return self

    def key(self, index: int) -> str:
        """The record's key in answers and decisions: its id, else its position."""
        return self.id if self.id else f"#{index}"
