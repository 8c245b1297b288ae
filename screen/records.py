"""What a screening request holds: records to match, each with what the caller knows of it.

A record has a name or identifiers (or both); ``type`` narrows the entities it may match
(``any``: people, firms, organisations, agencies and assets). Identifiers are ``{scheme: value}``
with the schemes of :data:`screen.matcher.SCHEMES` (others are compared as registration numbers).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from schema.dates import partial_date

RecordType = Literal["Person", "Firm", "Organization", "Asset", "any"]


class ScreenRecord(BaseModel):
    """One record to screen."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: Annotated[str | None, Field(max_length=200, description="the caller's key for the record")] = None
    name: Annotated[str | None, Field(max_length=500)] = None
    type: RecordType = "any"
    country: Annotated[str | None, Field(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2")] = None
    birth_date: Annotated[str | None, Field(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None
    identifiers: dict[str, str] = Field(default_factory=dict, description="{scheme: value}, e.g. {'inn': '7713140469'}")

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else None

    @field_validator("birth_date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if not value:
            return None
        day = partial_date(value)
        if day is None:
            raise ValueError("a date: YYYY, YYYY-MM or YYYY-MM-DD")
        return day

    @field_validator("identifiers")
    @classmethod
    def _identifiers(cls, value: dict[str, str]) -> dict[str, str]:
        out = {k.strip().lower(): v.strip() for k, v in value.items() if k.strip() and v and v.strip()}
        if len(out) > 20:
            raise ValueError("at most 20 identifiers")
        return out

    @model_validator(mode="after")
    def _something(self) -> ScreenRecord:
        if not self.name and not self.identifiers:
            raise ValueError("a record needs a name or an identifier")
        return self

    def key(self, index: int) -> str:
        """The record's key in answers and decisions: its id, else its position."""
        return self.id if self.id else f"#{index}"
