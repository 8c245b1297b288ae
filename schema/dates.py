"""Dates as the sources give them: partial ISO dates (``2017``, ``2022-03``, ``2022-03-25``), the
first and last day each can mean, and English long dates ("March 25, 2022") with the one table of
month names every reader shares."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, TypeAdapter, ValidationError

# ASCII digits, and nothing after the date (not even a newline): as the API's OpenAPI pattern says
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z", re.ASCII)


def _check_partial_date(value: str) -> str:
    match = _PARTIAL.match(value)
    if not match:
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"{value!r} has no month {month}")
    if day is not None:
        try:
            date(int(year), int(month), int(day))
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real date ({exc})") from None
    return value


PartialDate = Annotated[str, AfterValidator(_check_partial_date)]


def earliest(value: str | None) -> str | None:
    """The first day a partial date can mean: ``2017`` → ``2017-01-01``."""
    if value is None:
        return None
    parts = value.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def latest(value: str | None) -> str | None:
    """The last day a partial date can mean: ``2022-02`` → ``2022-02-28``."""
    if value is None:
        return None
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        last = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return f"{parts[0]}-{parts[1]}-{last:02d}"
    return value


def coerce_partial_date(value: Any) -> Any:
    """YAML reads 2017-03-25 as a date and 2017 as an int: accept both as partial dates."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


# -- reading dates written out ------------------------------------------------------------

# English, whatever the process locale (calendar.month_name follows LC_TIME)
MONTHS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_LONG_DATE = re.compile(r"^\s*([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\s*$")
_PARTIAL_DATE: TypeAdapter[str] = TypeAdapter(PartialDate)


def month_number(name: str) -> int | None:
    """``"March"``, ``"mar."``, ``"Sept"`` → 3, 3, 9; None for anything else."""
    key = name.strip().lower().rstrip(".")
    if len(key) < 3:
        return None
    return next((number for month, number in MONTHS.items() if month.startswith(key)), None)


def partial_date(value: str) -> str | None:
    """An ISO partial date (``2019``, ``2019-05``, ``2019-05-21``); empty → None.

    Raises ValueError naming the problem for anything else.
    """
    value = value.strip()
    if not value:
        return None
    try:
        return _PARTIAL_DATE.validate_python(value)
    except ValidationError as exc:
        raise ValueError(str(exc.errors()[0]["msg"]).removeprefix("Value error, ")) from None


def long_date(value: str) -> str:
    """``"March 25, 2022"`` → ``"2022-03-25"`` (English month names)."""
    match = _LONG_DATE.match(value)
    month = month_number(match.group(1)) if match and match.group(1).lower() in MONTHS else None
    if match is None or month is None:
        raise ValueError(f"{value!r} is not a date like 'March 25, 2022'")
    return date(int(match.group(3)), month, int(match.group(2))).isoformat()


_DAY_MONTH_YEAR = re.compile(
    r"^\s*(?:circa\s+|c\.\s*|approximately\s+)?(?:(\d{1,2})\s+)?(?:([A-Za-z]{3,9})\.?\s+)?(\d{4})\s*$"
)


def written_date(value: str) -> str | None:
    """A date as lists write it — ``"12 Mar 1971"``, ``"Mar 1971"``, ``"1971"``, ``"circa 1971"``,
    ``"1978-12-05"`` — as a partial ISO date; None for anything else (a range, a word)."""
    value = value.strip()
    try:
        iso = partial_date(value)
    except ValueError:
        iso = None
    if iso:
        return iso
    match = _DAY_MONTH_YEAR.match(value)
    if match is None:
        return None
    day, month_name, year = match.groups()
    if month_name is None:
        return year if day is None else None
    month = month_number(month_name)
    if month is None:
        return None
    try:
        return date(int(year), month, int(day)).isoformat() if day else f"{year}-{month:02d}"
    except ValueError:
        return None


def same_day_possible(a: str, b: str) -> bool:
    """Can two partial dates mean the same day? ``1971`` and ``1971-03-12`` can; ``1971-03``
    and ``1971-04-02`` cannot."""
    return a.startswith(b) or b.startswith(a)


# The same rule as a JSON-schema pattern (for the OpenAPI of every date the API takes).
_YEAR = r"(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})"  # 0001-9999
_LEAP = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"  # 31 days
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"  # 30 days
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
DATE_PATTERN = rf"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP}-02-29)"
"""YYYY-MM-DD, a day that exists (no anchors)."""
PARTIAL_DATE_PATTERN = rf"^(?:[0-9]{{4}}(?:-(?:0[1-9]|1[0-2]))?|{DATE_PATTERN})$"
"""YYYY, YYYY-MM or YYYY-MM-DD, as schema.dates.PartialDate accepts them."""
