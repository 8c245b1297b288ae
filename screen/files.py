"""Records to screen read from CSV or JSON lines, and answers written as CSV or JSON lines.

**CSV** (a header row, UTF-8): ``id``, ``name``, ``type`` (Person, Firm, Organization, Asset or
any), ``country`` (ISO 3166-1 alpha-2), ``birth_date`` (YYYY, YYYY-MM or YYYY-MM-DD); every other
column is an identifier whose scheme is the column's name (``inn``, ``ogrn``, ``lei``, ``imo``,
``passport``, ``registration``, …; a ``id_`` prefix is dropped: ``id_inn``). Empty cells are
absent values. **JSON lines**: one record per line, as ``POST /v1/screen`` takes them.

The output has **one row per record × match** (a record without a match: one row with no
entity): ``record_id, record_name, rank, score, match, entity_id, entity_type, entity_name,
features`` (``feature=score`` of the features that counted), ``exposure`` (how many regulatory
facts), ``exposure_facts`` (each ``predicate object [from–to] by … “quote”``, ``|``-separated),
``decision``. JSON lines: each record's whole answer on one line.

Read lazily: a file of any size is never held. A bad record stops the run with its file, line
and field.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from schema.errors import InvalidInput

from .records import ScreenRecord

FIELDS = ("id", "name", "type", "country", "birth_date")
OUT_COLUMNS = (
    "record_id",
    "record_name",
    "rank",
    "score",
    "match",
    "entity_id",
    "entity_type",
    "entity_name",
    "features",
    "exposure",
    "exposure_facts",
    "decision",
)


def is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in (".jsonl", ".ndjson", ".json")


def read_records(path: Path) -> Iterator[tuple[int, ScreenRecord]]:
    """``(line, record)`` for each record of the file, in order."""
    return _jsonl(path) if is_jsonl(path) else _csv(path)


def count_records(path: Path) -> int:
    """How many records the file holds (lines, without reading them as records)."""
    with path.open("rb") as fh:
        lines = sum(1 for raw in fh if raw.strip())
    return lines if is_jsonl(path) else max(lines - 1, 0)


def _bad(path: Path, line: int, exc: ValidationError) -> InvalidInput:
    err = exc.errors()[0]
    field = ".".join(str(p) for p in err.get("loc", ())) or "(record)"
    message = str(err["msg"]).removeprefix("Value error, ")
    return InvalidInput(f"{path}:{line}: {field}: {message}", {"file": str(path), "line": line, "field": field})


def _jsonl(path: Path) -> Iterator[tuple[int, ScreenRecord]]:
    with path.open(encoding="utf-8-sig") as fh:
        for line, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                doc = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise InvalidInput(f"{path}:{line}: not JSON: {exc.msg}", {"file": str(path), "line": line}) from None
            try:
                yield line, ScreenRecord.model_validate(doc)
            except ValidationError as exc:
                raise _bad(path, line, exc) from None


def _csv(path: Path) -> Iterator[tuple[int, ScreenRecord]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "name" not in [c.strip().lower() for c in reader.fieldnames]:
            raise InvalidInput(f"{path}:1: the header has no name column", {"file": str(path), "line": 1})
        for row in reader:
            line = reader.line_num
            doc: dict[str, Any] = {"identifiers": {}}
            for column, value in row.items():
                if column is None or value is None or not value.strip():
                    continue
                key = column.strip().lower()
                if key in FIELDS:
                    doc[key] = value
                else:
                    doc["identifiers"][key.removeprefix("id_")] = value
            try:
                yield line, ScreenRecord.model_validate(doc)
            except ValidationError as exc:
                raise _bad(path, line, exc) from None


class Writer:
    """Answers written as they come (CSV rows or JSON lines)."""

    def __init__(self, fh: TextIO, jsonl: bool) -> None:
        self.fh = fh
        self.jsonl = jsonl
        self.csv = None if jsonl else csv.writer(fh, lineterminator="\n")
        if self.csv is not None:
            self.csv.writerow(OUT_COLUMNS)

    def write(self, record: ScreenRecord, result: dict[str, Any]) -> None:
        if self.jsonl:
            self.fh.write(json.dumps({**result, "record": record.model_dump(exclude_none=True)}, ensure_ascii=False))
            self.fh.write("\n")
            return
        assert self.csv is not None
        if not result["matches"]:
            self.csv.writerow([result["record_id"], record.name or "", "", "", "", "", "", "", "", "", "", ""])
        for rank, m in enumerate(result["matches"], start=1):
            e = m["entity"]
            self.csv.writerow(
                [
                    result["record_id"],
                    record.name or "",
                    rank,
                    f"{m['score']:.4f}",
                    "true" if m["match"] else "false",
                    e["id"],
                    e["type"],
                    e["name"],
                    ";".join(f"{x['feature']}={x['score']:.2f}" for x in m["explanation"]),
                    "" if m["exposure"] is None else len(m["exposure"]),
                    " | ".join(_fact(a) for a in m["exposure"] or []),
                    (m.get("decision") or {}).get("verdict", ""),
                ]
            )


def _fact(action: dict[str, Any]) -> str:
    f = action["fact"]
    when = f"[{f.get('valid_from') or '?'}–{f.get('valid_to') or ''}]"
    by = f" by {', '.join(f['asserted_by'])}" if f.get("asserted_by") else ""
    via = f" via {action['via']}" if action.get("via") and action["via"] != f.get("subject") else ""
    quote = f" “{f['quote']}”" if f.get("quote") else ""
    return f"{f['predicate']} {f['object']} {when}{by}{via}{quote}"
