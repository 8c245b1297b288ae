"""The analyst's read commands: ``regkg query | search | facts | paths | why | exposure``; saved
queries (``queries/*.cypher``) by name: ``regkg query --list``, ``regkg query NAME --param k=v``.

The same read services as the HTTP API (``graph.reads``; analyst Cypher through ``graph.guard``:
read-only, a timeout, a row cap), printed as a Rich table, CSV or JSON (``--format``).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.markup import escape
from rich.table import Table

from config import Settings
from graph import guard, reads, saved
from graph.database import Graph
from schema.dates import earliest, partial_date
from schema.errors import InvalidInput, RegkgError
from schema.ontology import EntityType, Predicate

from .console import err, fail, out
from .load import _run

Format = Literal["table", "csv", "json"]
FormatOpt = Annotated[str, typer.Option("--format", help="table, csv or json")]


def _format(value: str) -> Format:
    if value not in ("table", "csv", "json"):
        raise typer.BadParameter("table, csv or json", param_hint="--format")
    return value  # type: ignore[return-value]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(columns: list[str], rows: list[list[Any]], fmt: Format, title: str = "") -> None:
    """Rows as a table, CSV (to standard output, one header line) or JSON (one object per row)."""
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
    elif fmt == "json":
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
    else:
        table = Table(title=title or None)
        for col in columns:
            table.add_column(col)
        for row in rows:
            table.add_row(*(escape(_cell(v)) for v in row))
        out.print(table)


def _date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return earliest(partial_date(value))
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


_FACT_COLUMNS = ["subject", "predicate", "object", "stances", "valid_from", "valid_to", "n_sources", "quote"]


def _fact_row(f: dict[str, Any]) -> list[Any]:
    return [f["subject"], f["predicate"], f["object"], ",".join(f["stances"] or []), f["valid_from"],
            f["valid_to"], f["n_sources"], f["quote"]]  # fmt: skip


def query(
    cypher: Annotated[str | None, typer.Argument(help="a read-only Cypher statement, or a saved query's name")] = None,
    file: Annotated[
        Path | None, typer.Option("-f", "--file", exists=True, dir_okay=False, help="read it from a file")
    ] = None,
    saved_name: Annotated[str | None, typer.Option("--saved", help="run the saved query of this name")] = None,
    list_saved: Annotated[bool, typer.Option("--list", help="list the saved queries and their parameters")] = False,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", help="k=v (v read as JSON when it parses; for a saved query, by its declared type)"),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="rows at most (capped by REGKG_QUERY_ROW_LIMIT)")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """Run analyst Cypher, read-only, with a timeout and a row cap (the API's guard); or a saved query
    (queries/*.cypher) by name: regkg query --list, regkg query NAME --param k=v."""
    chosen = _format(fmt)
    settings = Settings()
    try:
        if list_saved:
            _list_saved(settings, chosen)
            return
        if cypher is not None and saved_name is None and saved.NAME.match(cypher):
            cypher, saved_name = None, cypher  # a bare name: the saved query of that name
        if [cypher, file, saved_name].count(None) != 2:
            raise typer.BadParameter("give a statement, -f FILE or a saved query's name, one of them")
        pairs = _pairs(param or [])
        if saved_name is not None:
            chosen_query = saved.get(settings.queries_dir, saved_name)
            text, params = chosen_query.cypher, saved.bind(chosen_query, pairs, from_text=True)
        else:
            text = cypher if cypher is not None else file.read_text(encoding="utf-8")  # type: ignore[union-attr]
            params = {key: _json_or_text(raw) for key, raw in pairs.items()}
    except RegkgError as exc:
        raise fail(exc) from exc
    cap = min(limit or settings.query_row_limit, settings.query_row_limit)

    def work(graph: Graph) -> None:
        try:
            answer = guard.run_readonly(graph, text, params, cap, settings.query_timeout)
        except InvalidInput as exc:
            _point_at(text, exc)
            raise
        emit(answer["columns"], answer["rows"], chosen, f"{len(answer['rows'])} row(s)")
        if answer["truncated"] and chosen == "table":
            out.print(f"[dim]truncated at {cap} rows[/]")

    _run(work)


def _pairs(items: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"{item!r} is not k=v", param_hint="--param")
        pairs[key] = raw
    return pairs


def _json_or_text(raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def _point_at(text: str, exc: InvalidInput) -> None:
    """Under an error with a position: the statement's line and a caret under the column."""
    details = exc.details if isinstance(exc.details, dict) else {}
    line, column = details.get("line"), details.get("column")
    if isinstance(line, int) and isinstance(column, int) and 0 < line <= len(text.splitlines()):
        err.print(escape(text.splitlines()[line - 1]), highlight=False)
        err.print(" " * (column - 1) + "^", highlight=False)


def _list_saved(settings: Settings, fmt: Format) -> None:
    found = saved.load_all(settings.queries_dir)

    def described(p: saved.Param) -> str:
        default = "required" if p.required else f"= {json.dumps(p.default, ensure_ascii=False)}"
        return f"{p.name}: {p.type} {default}" + (f" — {p.description}" if p.description else "")

    rows: list[list[Any]]
    if fmt == "table":
        rows = [[q.name, q.description, "\n".join(described(p) for p in q.params)] for q in found.values()]
    else:
        rows = [[q.name, q.description, [p.as_dict() for p in q.params]] for q in found.values()]
    emit(["name", "description", "params"], rows, fmt, f"{len(rows)} saved quer{'y' if len(rows) == 1 else 'ies'}")


def search(
    text: Annotated[str, typer.Argument(help="a name, alias, code or identifier")],
    type_: Annotated[EntityType | None, typer.Option("--type", help="entity type")] = None,
    limit: Annotated[int, typer.Option(min=1, max=500)] = 20,
    fmt: FormatOpt = "table",
) -> None:
    """Search entities: one hit per same-as cluster, best first."""
    chosen = _format(fmt)

    def work(graph: Graph) -> None:
        page = reads.search(graph, text, type_, limit, 0)
        rows = [[e["id"], e["type"], e["name"], e.get("country"), len(e.get("members") or [])] for e in page["items"]]
        emit(["id", "type", "name", "country", "members"], rows, chosen, f"{page['total']} hit(s)")

    _run(work)


def facts(
    subject: Annotated[str | None, typer.Option(help="subject entity id")] = None,
    predicate: Annotated[Predicate | None, typer.Option(help="predicate")] = None,
    object_: Annotated[str | None, typer.Option("--object", help="object entity id")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 100,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    fmt: FormatOpt = "table",
) -> None:
    """Facts by (subject, predicate, object), each with its best quote."""
    chosen = _format(fmt)

    def work(graph: Graph) -> None:
        page = reads.facts(graph, subject, predicate, object_, limit, offset)
        emit(_FACT_COLUMNS, [_fact_row(f) for f in page["items"]], chosen, f"{page['total']} fact(s)")

    _run(work)


def paths(
    source: Annotated[str, typer.Argument(help="start entity id")],
    target: Annotated[str, typer.Argument(help="end entity id")],
    max_hops: Annotated[int, typer.Option(min=1, max=6)] = 4,
    limit: Annotated[int, typer.Option(min=1, max=20)] = 5,
    as_of: Annotated[str | None, typer.Option(help="facts valid on this date")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """The k shortest paths between two entities (never through a hub), hop by hop with quotes."""
    chosen = _format(fmt)
    settings = Settings()

    def work(graph: Graph) -> None:
        answer = reads.paths(graph, source, target, max_hops=max_hops, limit=limit, predicates=None,
                             stances=None, as_of=_date(as_of, "--as-of"), directed=False,
                             timeout=settings.query_timeout, max_degree=settings.path_max_degree)  # fmt: skip
        rows = [[i + 1, j + 1, *_fact_row(e)] for i, p in enumerate(answer["paths"]) for j, e in enumerate(p["edges"])]
        emit(["path", "hop", *_FACT_COLUMNS], rows, chosen, f"{len(answer['paths'])} path(s)")

    _run(work)


def provenance(
    fact_id: Annotated[str, typer.Argument(help="a fact id (from facts, paths or the API)")],
    fmt: FormatOpt = "table",
) -> None:
    """Why a fact is in the graph: every claim, its stance, party, quote, source and load run."""
    chosen = _format(fmt)

    def work(graph: Graph) -> None:
        body = reads.provenance(graph, fact_id)
        rows = [
            [c["stance"], (c["asserted_by"] or {}).get("name"), c["valid_from"], c["valid_to"], cite["quote"],
             cite["source"]["title"], cite["source"].get("publisher"), (c["load_runs"] or [{}])[0].get("loader")]
            for c in body["claims"] for cite in c["citations"]
        ]  # fmt: skip
        columns = ["stance", "by", "valid_from", "valid_to", "quote", "source", "publisher", "loader"]
        f = body["fact"]
        title = f"{f['subject']} {f['predicate']} {f['object']}: {body['n_independent_sources']} independent source(s)"
        emit(columns, rows, chosen, title)

    _run(work)


def exposure(
    entity: Annotated[str, typer.Argument(help="entity id")],
    max_hops: Annotated[int, typer.Option(min=0, max=6)] = 3,
    as_of: Annotated[str | None, typer.Option(help="facts valid on this date")] = None,
    fmt: FormatOpt = "table",
) -> None:
    """Regulatory facts reaching an entity, directly or up ownership / part-of chains."""
    chosen = _format(fmt)
    settings = Settings()

    def work(graph: Graph) -> None:
        body = reads.exposure(graph, entity, max_hops, _date(as_of, "--as-of"), settings.query_timeout)
        rows = [[a["path"]["length"], a["via"], *_fact_row(a["fact"])] for a in body["actions"]]
        emit(["hops", "via", *_FACT_COLUMNS], rows, chosen, f"{body['entity']['name']}: {len(rows)} action(s)")

    _run(work)
