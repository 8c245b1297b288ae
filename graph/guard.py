"""Analyst Cypher, read-only by construction (Community edition has no roles).

Defence in depth, each layer sufficient on its own for what it covers:

1. **Lexical screen** (``screen``): the text is NFKC-normalised; comments and string literals are
   blanked out (so ``// CREATE`` or ``'MERGE'`` are harmless, while writes hidden behind them are
   seen); then it refuses more than one statement, a leading ``CYPHER``/``EXPLAIN``/``PROFILE``
   or ``USE``, invisible format characters, every write or admin keyword (CREATE, MERGE, SET,
   DELETE, REMOVE, FOREACH, LOAD CSV, DROP, ALTER, GRANT, DENY, REVOKE, START, STOP, TERMINATE,
   ``IN TRANSACTIONS``, ``SHOW``…) and every procedure or function call outside an allow-list.
2. **Planner check**: ``EXPLAIN`` in a read transaction; only ``query_type == "r"`` passes. The
   server's error positions (``line, column (offset)``) are moved back into the analyst's own text
   (the prefix taken off), in the message and as ``details`` line/column/offset.
3. **Execution**: a READ-mode managed transaction with a timeout (the server ends it), a row cap
   (``limit + 1`` rows fetched, ``truncated`` reported) and the server's per-transaction memory cap.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

import neo4j
from neo4j import ManagedTransaction, unit_of_work
from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Duration, Time

from schema.errors import InvalidInput, QueryRefused

from .database import Graph

WRITE_KEYWORDS = (
    "CREATE",
    "MERGE",
    "SET",
    "DELETE",
    "DETACH",
    "REMOVE",
    "FOREACH",
    "LOAD",
    "DROP",
    "ALTER",
    "GRANT",
    "DENY",
    "REVOKE",
    "START",
    "STOP",
    "TERMINATE",
    "RENAME",
    "SHOW",
    "ENABLE",
    "DEALLOCATE",
    "REALLOCATE",
    "DRYRUN",
    "FINISH",
    "INSERT",
    "USE",
    "IMPORT",
    "PERIODIC",
    "COMMIT",
)
LEADING_REFUSED = ("CYPHER", "EXPLAIN", "PROFILE", "USE")

# Procedures an analyst may CALL (read-only introspection and full-text search).
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "db.index.fulltext.querynodes",
        "db.index.fulltext.queryrelationships",
        "dbms.components",
    }
)

# Namespaced built-in functions (date.truncate, duration.between, point.distance…) are fine.
BUILTIN_NAMESPACES = frozenset(
    {"date", "datetime", "localdatetime", "localtime", "time", "duration", "point", "vector"}
)
ALLOWED_FUNCTIONS = frozenset({"db.namefromelementid"})

_COMMENT_OR_STRING = re.compile(r"""//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`]|``)*`""", re.DOTALL)
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CALL = re.compile(r"\bCALL\s*([A-Za-z_][A-Za-z0-9_.]*)?\s*(\(|\{)?", re.IGNORECASE)
_DOTTED_CALL = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\s*\(")


def _blank(match: re.Match[str]) -> str:
    token = match.group(0)
    if token.startswith("`"):
        return "`x`"  # an identifier: keep a placeholder name
    if token.startswith(("'", '"')):
        return "''"
    return " "


def screen(cypher: str) -> str:
    """Raise QueryRefused unless the text passes the lexical screen; return it normalised."""
    if not cypher or not cypher.strip():
        raise QueryRefused("the query is empty")
    if len(cypher) > 20_000:
        raise QueryRefused("the query is longer than 20,000 characters")
    text = unicodedata.normalize("NFKC", cypher)
    if any(unicodedata.category(ch) in ("Cf", "Cc", "Co", "Cs") and ch not in "\t\n\r" for ch in text):
        raise QueryRefused("the query contains invisible or control characters")
    if re.search(r"\\u[0-9a-fA-F]{4}", _strip(text)):
        raise QueryRefused("unicode escapes outside string literals are not allowed")
    code = _strip(text)
    if any(ord(ch) > 127 for ch in code):
        raise QueryRefused("non-ASCII characters are only allowed inside strings and `quoted` names")
    body = code.strip()
    if body.endswith(";"):
        body = body[:-1]
    if ";" in body:
        raise QueryRefused("one statement per query")
    all_words = [w.upper() for w in _WORD.findall(body)]
    if all_words and all_words[0] in LEADING_REFUSED:
        raise QueryRefused(f"queries may not start with {all_words[0]}")
    for kw in _keywords(body):
        if kw in WRITE_KEYWORDS:
            raise QueryRefused(f"{kw} is not allowed: analyst queries are read-only", {"keyword": kw})
    if re.search(r"\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b", body, re.IGNORECASE):
        raise QueryRefused("CALL … IN TRANSACTIONS is not allowed")
    for m in _CALL.finditer(body):
        name, bracket = m.group(1), m.group(2)
        if name is None and bracket in ("(", "{"):
            continue  # a subquery: CALL { … } or CALL (x) { … } — its body is screened too
        if name is None or name.lower() not in ALLOWED_PROCEDURES:
            raise QueryRefused(f"procedure {name or '?'} is not on the allow-list", {"procedure": name})
    for m in _DOTTED_CALL.finditer(body):
        name = m.group(1).lower()
        if name.split(".")[0] in BUILTIN_NAMESPACES or name in ALLOWED_FUNCTIONS:
            continue
        if name not in ALLOWED_PROCEDURES and not re.search(r"\bCALL\s*$", body[: m.start()], re.IGNORECASE):
            raise QueryRefused(f"function {m.group(1)} is not allowed", {"function": m.group(1)})
    return text


def _keywords(body: str) -> list[str]:
    """Words in keyword position: not a property (``n.start``), label (``:Set``), map key or alias."""
    out = []
    previous = ""
    for m in _WORD.finditer(body):
        word = m.group(0).upper()
        before = body[: m.start()].rstrip()[-1:]
        after = body[m.end() :].lstrip()[:1]
        if not (before in (".", ":", "$") or after == ":" or previous == "AS"):  # AS x: an alias
            out.append(word)
        previous = word
    return out


def _strip(text: str) -> str:
    return _COMMENT_OR_STRING.sub(_blank, text)


def plain(value: Any) -> Any:
    """A driver value as JSON-ready data."""
    if isinstance(value, Node):
        return {"element_id": value.element_id, "labels": sorted(value.labels), "properties": plain(dict(value))}
    if isinstance(value, Relationship):
        return {
            "element_id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node else None,
            "end": value.end_node.element_id if value.end_node else None,
            "properties": plain(dict(value)),
        }
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, (DateTime, Date, Time)):
        return value.iso_format()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


EXPLAIN = "EXPLAIN "  # what the planner check puts before the analyst's text
_POSITION = re.compile(r"\(line (\d+), column (\d+) \(offset: (\d+)\)\)")


def _explain(tx: ManagedTransaction, cypher: str, params: dict[str, Any]) -> str:
    summary = tx.run(EXPLAIN + cypher, params).consume()
    return str(summary.query_type)


def _own_offset(cypher: str, text: str, offset: int) -> int:
    """An offset into the NFKC-normalised text sent, as an offset into the analyst's own text."""
    if cypher == text:
        return offset
    low, high = 0, len(cypher)  # the shortest prefix whose normalised form reaches the offset
    while low < high:
        mid = (low + high) // 2
        if len(unicodedata.normalize("NFKC", cypher[:mid])) >= offset:
            high = mid
        else:
            low = mid + 1
    return low


def in_own_text(exc: InvalidInput, cypher: str, text: str, shift: int) -> InvalidInput:
    """The server's error with its position moved into the analyst's own text: ``shift``
    characters of ours (the EXPLAIN prefix) taken off, the normalisation undone; line and column
    counted again from the offset (1-based, as Neo4j counts them)."""
    match = _POSITION.search(exc.message)
    if match is None:
        return exc
    offset = int(match.group(3)) - shift
    if not 0 <= offset <= len(text):
        return exc
    offset = _own_offset(cypher, text, offset)
    line = cypher.count("\n", 0, offset) + 1
    column = offset - (cypher.rfind("\n", 0, offset) + 1) + 1
    where = f"(line {line}, column {column} (offset: {offset}))"
    message = exc.message[: match.start()] + where + exc.message[match.end() :]
    return InvalidInput(message, {**(exc.details or {}), "line": line, "column": column, "offset": offset})


def run_readonly(graph: Graph, cypher: str, params: dict[str, Any], limit: int, timeout: float) -> dict[str, Any]:
    """Screen, EXPLAIN, then run read-only with a timeout and a row cap."""
    text = screen(cypher)
    try:
        kind = graph.read_tx(_explain, text, params)
    except InvalidInput as exc:
        raise in_own_text(exc, cypher, text, len(EXPLAIN)) from exc
    if kind != "r":
        raise QueryRefused(f"the planner classifies this query as {kind!r}, not read-only", {"query_type": kind})

    @unit_of_work(timeout=timeout)
    def work(tx: ManagedTransaction) -> dict[str, Any]:
        result = tx.run(text, params)
        columns = list(result.keys())
        rows: list[list[Any]] = []
        truncated = False
        for record in result:
            if len(rows) >= limit:
                truncated = True
                break
            rows.append([plain(v) for v in record.values()])
        return {"columns": columns, "rows": rows, "truncated": truncated}

    try:
        return graph.read_tx(work)
    except InvalidInput as exc:  # errors found while running (a type mismatch…) point into it too
        raise in_own_text(exc, cypher, text, 0) from exc


__all__ = ["screen", "run_readonly", "plain", "neo4j"]
