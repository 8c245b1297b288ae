"""``regkg watch add|run|list`` and ``regkg alerts``: monitoring from the command line (screen/monitor.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from config import Settings
from graph import watch
from graph.database import Graph
from ownership.service import Options
from screen import files, monitor

from .console import out
from .load import _run
from .read import FormatOpt, _format, emit

watch_app = typer.Typer(help="Watchlists: records re-screened after every load run; alerts when exposure changes.")


def _options() -> dict[str, Options]:
    return {"ownership": Options.of(Settings())}


@watch_app.command("add")
def add(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="records: .csv or .jsonl, each with an id")],
    name: Annotated[str, typer.Option("--name", help="the watchlist (created when new)")],
    by: Annotated[str, typer.Option("--by", help="who adds them")] = "regkg watch",
) -> None:
    """Watch the file's records (screened now: their baseline; alerts follow changes)."""

    def work(graph: Graph) -> None:
        records = [r for _line, r in files.read_records(path)]
        saved = monitor.add(graph, name, records, by, **_options())
        out.print(
            f"{saved['id']}: {saved['records']} record(s) watched, {saved['exposed_matches']} exposed match(es) "
            f"now; source {saved['source']}"
        )

    _run(work)


@watch_app.command("run")
def run(
    watchlist: Annotated[str | None, typer.Option(help="one watchlist's id")] = None,
    full: Annotated[
        bool, typer.Option("--full", help="re-screen every record, not only those a change reached")
    ] = False,
) -> None:
    """Catch the watchlists up with the change feed now (loads do it after every run)."""

    def work(graph: Graph) -> None:
        report = monitor.catch_up(graph, watchlist, full=full, **_options())
        out.print(
            f"{report['watchlists']} watchlist(s) with changes, {report['rescreened']} record(s) re-screened, "
            f"{report['alerts']} alert(s)"
        )

    _run(work)


@watch_app.command("list")
def list_watchlists(fmt: FormatOpt = "table") -> None:
    """The watchlists."""
    chosen = _format(fmt)

    def work(graph: Graph) -> None:
        rows = watch.watchlists(graph)
        columns = ["id", "name", "records", "created_at", "checked_through"]
        emit(columns, [[w[c] for c in columns] for w in rows], chosen, "watchlists")

    _run(work)


def alerts(
    since: Annotated[str | None, typer.Option(help="alerts created after this ISO date-time")] = None,
    watchlist: Annotated[str | None, typer.Option(help="one watchlist's id")] = None,
    open_only: Annotated[bool, typer.Option("--open", help="only alerts not acknowledged")] = False,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 100,
    fmt: FormatOpt = "table",
) -> None:
    """Alerts, newest first: the record, the entity, new / changed / ended, and the change behind it."""
    chosen = _format(fmt)

    def work(graph: Graph) -> None:
        page = watch.alerts(
            graph, watchlist=watchlist, since=since, acknowledged=False if open_only else None, limit=limit, offset=0
        )
        columns = ["created_at", "watchlist", "record_key", "kind", "entity_name", "score", "change", "quote", "run"]
        rows = []
        for a in page["items"]:
            cause = a["causes"][0] if a["causes"] else {}
            change = f"{cause.get('change')} {cause.get('predicate')} {cause.get('object')}" if cause else ""
            rows.append([a["created_at"], a["watchlist"], a["record_key"], a["kind"], a["entity_name"], a["score"],
                         change, cause.get("quote"), a["run"]])  # fmt: skip
        emit(columns, rows, chosen, f"alerts ({page['total']})")

    _run(work)
