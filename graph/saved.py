"""Saved queries: ``queries/*.cypher`` (``REGKG_QUERIES_DIR``), run by name through the guard.

Each file is one read-only statement whose leading ``//`` comments say what it is::

    // description: Who is on a list, with the list's own words.
    //   (a comment line that starts with more spaces continues the entry above)
    // param list: string = "list:us-bis-entity-list" -- the list's id
    // param as_of: date = null -- only listings in force on this date

A parameter is ``param NAME: TYPE [= DEFAULT] [-- what it is]``: TYPE is ``string``, ``integer``,
``float``, ``boolean`` or ``date`` (a partial ISO date, ``2022`` … ``2022-03-25``); DEFAULT a JSON
value (``null``, ``"text"``, ``50``, ``true``); without one the parameter is required. The file's
name is the query's name. The whole text (header included: comments) goes through
:func:`graph.guard.run_readonly`, so a saved query is held to the same rules as ad-hoc Cypher and
its error positions point into the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from schema.dates import partial_date
from schema.errors import InvalidInput, NotFound, RegkgError

from . import guard
from .database import Graph

ParamType = Literal["string", "integer", "float", "boolean", "date"]
TYPES: tuple[ParamType, ...] = ("string", "integer", "float", "boolean", "date")
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_ENTRY = re.compile(r"^//\s?(description|param)\b\s*(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>[a-z]+)\s*(?:=\s*(?P<default>.*?))?\s*(?:--\s*(?P<doc>.*))?$"
)
_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")


@dataclass(frozen=True)
class Param:
    name: str
    type: ParamType
    required: bool
    default: Any = None
    description: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "required": self.required,
            "default": self.default,
            "description": self.description,
        }


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str

    def as_dict(self, with_cypher: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "params": [p.as_dict() for p in self.params],
        }
        if with_cypher:
            out["cypher"] = self.cypher
        return out


class SavedQueryError(RegkgError):
    """A file in the queries folder whose header cannot be read (a mistake of whoever wrote it)."""

    code = "saved_query_invalid"


def parse(name: str, text: str) -> SavedQuery:
    """A saved query from its file's text; SavedQueryError naming the line for a bad header."""
    entries: list[list[Any]] = []  # [kind, text, line number]
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        entry = _ENTRY.match(stripped)
        if entry:
            entries.append([entry.group(1), entry.group(2).strip().removeprefix(":").strip(), number])
        elif entries and re.match(r"^//\s{2,}\S", stripped):
            entries[-1][1] += " " + stripped[2:].strip()
    description = " ".join(e[1] for e in entries if e[0] == "description").strip()
    if not description:
        raise SavedQueryError(f"saved query {name}: no '// description: …' line in its header", {"query": name})
    params: list[Param] = []
    for kind, body, number in entries:
        if kind == "param":
            params.append(_param(name, body, number))
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise SavedQueryError(f"saved query {name}: a parameter is declared twice", {"query": name})
    return SavedQuery(name, description, tuple(params), text)


def _param(query: str, body: str, number: int) -> Param:
    where, at = {"query": query, "line": number}, f"saved query {query}, line {number}"
    match = _PARAM.match(body)
    if match is None:
        raise SavedQueryError(f"{at}: write 'param NAME: TYPE [= DEFAULT] [-- text]'", where)
    kind = match.group("type")
    if kind not in TYPES:
        raise SavedQueryError(f"{at}: type {kind!r} is not one of {', '.join(TYPES)}", where)
    raw = match.group("default")
    default = None
    if raw is not None:
        try:
            default = json.loads(raw)
        except json.JSONDecodeError:
            raise SavedQueryError(f"{at}: the default is not a JSON value", where) from None
        if default is not None:
            try:
                default = _checked(default, cast(ParamType, kind), match.group("name"))
            except InvalidInput as exc:
                raise SavedQueryError(f"{at}: {exc.message}", where) from None
    return Param(match.group("name"), cast(ParamType, kind), raw is None, default, (match.group("doc") or "").strip())


def load_all(folder: Path) -> dict[str, SavedQuery]:
    """Every saved query in the folder, by name (sorted); a folder that does not exist holds none."""
    if not folder.is_dir():
        return {}
    found: dict[str, SavedQuery] = {}
    for path in sorted(folder.glob("*.cypher")):
        if NAME.match(path.stem):
            found[path.stem] = parse(path.stem, path.read_text(encoding="utf-8"))
    return found


def get(folder: Path, name: str) -> SavedQuery:
    queries = load_all(folder)
    if name not in queries:
        known = ", ".join(queries) or "none"
        raise NotFound(f"no saved query named {name!r}; the saved queries are: {known}", {"saved": name})
    return queries[name]


def bind(query: SavedQuery, given: Mapping[str, Any], from_text: bool = False) -> dict[str, Any]:
    """The parameters to run with: the given ones checked against their declared types, defaults
    for the rest. ``from_text`` (the CLI's ``k=v``): values are text, read by their type (``null``
    for none)."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        accepted = ", ".join(declared) or "none"
        raise InvalidInput(
            f"saved query {query.name} has no parameter {', '.join(unknown)}; it takes: {accepted}",
            {"field": f"params.{unknown[0]}", "unknown": unknown, "accepted": list(declared)},
        )
    bound: dict[str, Any] = {}
    for p in query.params:
        if p.name not in given:
            if p.required:
                raise InvalidInput(
                    f"saved query {query.name} needs the parameter {p.name} ({p.type})", {"field": f"params.{p.name}"}
                )
            bound[p.name] = p.default
            continue
        value = given[p.name]
        if from_text and isinstance(value, str):
            value = _from_text(value, p)
        if value is None:
            if p.required:
                raise InvalidInput(f"the parameter {p.name} may not be null", {"field": f"params.{p.name}"})
            bound[p.name] = None
        else:
            bound[p.name] = _checked(value, p.type, p.name)
    return bound


def _from_text(raw: str, p: Param) -> Any:
    field = {"field": f"params.{p.name}"}
    if raw == "null":
        return None
    try:
        if p.type == "integer":
            return int(raw)
        if p.type == "float":
            return float(raw)
    except ValueError:
        article = "an" if p.type == "integer" else "a"
        raise InvalidInput(f"the parameter {p.name} is {article} {p.type}, not {raw!r}", field) from None
    if p.type == "boolean":
        if raw.lower() in _TRUE + _FALSE:
            return raw.lower() in _TRUE
        raise InvalidInput(f"the parameter {p.name} is true or false, not {raw!r}", field)
    return raw


def _checked(value: Any, kind: ParamType, name: str) -> Any:
    field = {"field": f"params.{name}"}
    if kind == "boolean" and isinstance(value, bool):
        return value
    if kind == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "float" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if kind == "string" and isinstance(value, str):
        return value
    if kind == "date" and isinstance(value, str):
        try:
            checked = partial_date(value)
        except ValueError as exc:
            raise InvalidInput(f"the parameter {name} is not a date: {exc}", field) from None
        if checked is None:
            raise InvalidInput(f"the parameter {name} is an empty date", field)
        return checked
    article = "an" if kind == "integer" else "a"
    raise InvalidInput(f"the parameter {name} is {article} {kind}, not {json.dumps(value)[:60]}", field)


def run(
    graph: Graph,
    folder: Path,
    name: str,
    given: Mapping[str, Any],
    limit: int,
    timeout: float,
    from_text: bool = False,
) -> dict[str, Any]:
    """Run a saved query by name through the guard (screen, EXPLAIN, READ transaction, row cap)."""
    query = get(folder, name)
    return guard.run_readonly(graph, query.cypher, bind(query, given, from_text), limit, timeout)
