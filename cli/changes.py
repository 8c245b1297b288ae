"""``regkg changes``: what moved — facts added, ended, returned and changed per load run."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from graph import reads
from graph.database import Graph

from .console import out
from .load import _run

_STYLE = {"added": "green", "ended": "red", "returned": "cyan", "changed": "yellow"}


def changes(
    since: Annotated[
        str | None, typer.Option(help="a load run id (run:…) or an ISO date or date-time: runs started after it")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 100,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per change")] = False,
) -> None:
    """The change feed: facts each load run added, ended, brought back or changed, newest first."""

    def work(graph: Graph) -> None:
        page = reads.changes(graph, since, limit, offset)
        if as_json:
            for item in page["items"]:
                out.print_json(json.dumps(item, ensure_ascii=False))
            return
        table = Table(title=f"{page['total']} change(s)" + (f" since {since}" if since else ""))
        for col in ("run", "change", "fact", "dates", "quote"):
            table.add_column(col)
        for item in page["items"]:
            run = item["run"]
            version = f" v{run['version_date']}" if run.get("version_date") else ""
            dates = f"{item['valid_from'] or '?'} … {item['valid_to'] or ''}"
            table.add_row(
                f"{run['loader']}{version}\n{run['started_at'][:19]}",
                f"[{_STYLE[item['change']]}]{item['change']}[/]",
                escape(f"{item['subject']} {item['predicate']} {item['object']}"),
                dates,
                escape((item["quote"] or "")[:80]),
            )
        out.print(table)

    _run(work)
