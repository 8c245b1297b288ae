"""``regkg load …``: read a source with its loader, report rejects, write through graph.ingest."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph import ingest, lookup
from graph.database import Graph
from loaders import curated
from loaders.base import Parsed, input_digest
from schema.errors import RegkgError
from schema.settings import Settings

from .console import err, fail, out

load_app = typer.Typer(help="Load data into the graph.", no_args_is_help=True)

BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, max=100_000, help="records per transaction")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="validate only, write nothing")]


def _ingest(loader: str, parsed: Parsed, dry_run: bool, graph: Graph, batch_size: int) -> None:
    """Report rejects, then (unless dry-run) write with a progress bar and print a summary."""
    for r in parsed.rejects[:50]:
        err.print(f"[red]reject[/] {r}")
    if len(parsed.rejects) > 50:
        err.print(f"… and {len(parsed.rejects) - 50} more rejects")
    out.print(
        f"{loader}: {len(parsed.entities)} entities, {len(parsed.sources)} sources, "
        f"{len(parsed.claims)} claims read; {len(parsed.rejects)} rejected"
    )
    if parsed.rejects and loader == "curated":
        err.print("[bold red]nothing written:[/] a curated load is all or nothing")
        raise typer.Exit(code=1)
    if dry_run:
        ingest.preflight(graph, parsed)
        out.print("dry run: valid; nothing written")
        raise typer.Exit(code=1 if parsed.rejects else 0)
    total = len(parsed.entities) + len(parsed.sources) + len(parsed.claims)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=out,
        transient=True,
    ) as progress:
        task = progress.add_task(f"loading {loader}", total=total)
        report = ingest.ingest(
            graph,
            parsed,
            loader=loader,
            inputs=[str(p) for p in parsed.inputs],
            input_sha256=input_digest(parsed.inputs),
            batch_size=batch_size,
            on_progress=lambda _kind, n: progress.advance(task, n),
        )
    table = Table(title=f"load run {report.run_id}" + (" (re-confirmed)" if report.reconfirmed else ""))
    for col in ("", "created", "updated", "unchanged"):
        table.add_column(col, justify="right" if col else "left")
    for kind in ("entities", "sources", "claims"):
        t = getattr(report.counts, kind)
        table.add_row(kind, str(t.created), str(t.updated), str(t.unchanged))
    table.add_row("rejected", str(len(parsed.rejects)), "", "")
    out.print(table)
    out.print(f"fact edges refreshed: {report.counts.facts}")
    if parsed.rejects:
        raise typer.Exit(code=1)


@load_app.command("curated")
def load_curated(
    paths: Annotated[list[Path], typer.Argument(help="YAML/JSON files or directories")],
    dry_run: DryRunOpt = False,
    batch_size: BatchOpt = 2000,
) -> None:
    """Load analysts' curated claim files (all or nothing)."""
    try:
        with Graph.connect(Settings()) as graph:
            graph.verify()
            parsed = curated.load(paths, resolve_external=lambda ids: lookup.resolve_ids(graph, ids))
            _ingest("curated", parsed, dry_run, graph, batch_size)
    except RegkgError as exc:
        raise fail(exc) from exc
