"""Query-parameter parsing shared by routers: comma-separated enums and partial dates."""

from __future__ import annotations

import re
from typing import Annotated, Literal, TypeVar

from fastapi import Query
from pydantic import AfterValidator, WithJsonSchema

from schema.dates import PARTIAL_DATE_PATTERN, PartialDate, earliest
from schema.errors import InvalidInput
from schema.ontology import Predicate, Stance

E = TypeVar("E", Predicate, Stance)


def split_enum(raw: str | None, enum: type[E], field: str) -> list[E] | None:
    if raw is None or not raw.strip():
        return None
    out: list[E] = []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            out.append(enum(part))
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise InvalidInput(f"unknown {field} value {part!r}; allowed: {allowed}", {"field": field}) from None
    return out or None


def _as_of(value: str | None) -> str | None:
    return earliest(value) if value else None


# Real calendar dates only, said in the OpenAPI so a client (or a schema fuzzer) knows 2017-02-30
# is refused before sending it: 30-day months, February 28, February 29 in leap years only.
# Checked by PartialDate (its messages name the problem); the pattern says the same in the OpenAPI.
_Date = Annotated[PartialDate, WithJsonSchema({"type": "string", "pattern": PARTIAL_DATE_PATTERN})]

AsOf = Annotated[
    _Date | None,
    Query(description="keep only facts valid on this date (YYYY, YYYY-MM or YYYY-MM-DD)"),
]


def _list_pattern(values: list[str]) -> str:
    one = "|".join(re.escape(v) for v in values)
    return f"^({one})(,({one}))*$"


PredicatesQ = Annotated[
    str | None,
    Query(
        description="comma-separated predicates, e.g. banned-by,listed-on",
        max_length=2000,
        pattern=_list_pattern([p.value for p in Predicate]),
    ),
]
StancesQ = Annotated[
    str | None,
    Query(
        description="comma-separated stances to keep, e.g. asserted,reported",
        max_length=500,
        pattern=_list_pattern([s.value for s in Stance]),
    ),
]
EntityIdPath = Annotated[str, AfterValidator(lambda v: v)]


def as_of_key(value: str | None) -> str | None:
    return _as_of(value)


UndatedQ = Annotated[
    Literal["include", "exclude", "mark"],
    Query(
        description="with as_of, facts whose start is unknown: 'mark' keeps them with validity 'unknown' "
        "(default), 'exclude' drops them, 'include' counts them as valid"
    ),
]


KnownAt = Annotated[
    _Date | None,
    Query(
        description="what could be known on this date: only facts some claim of which cites a source published "
        "by then (a partial date by its first day) or, when the source's date is unknown, loaded by then",
    ),
]
