"""``regkg``: the console script. Holds no logic of its own; it wires the layers together."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph import ingest, lookup, migrations
from graph.database import Graph
from graph.localdb import LocalNeo4j
from loaders import curated
from loaders.base import Parsed, input_digest
from schema.errors import RegkgError
from schema.settings import Settings

app = typer.Typer(help="regkg — a regulatory knowledge graph on Neo4j.", no_args_is_help=True)
db_app = typer.Typer(help="The local Neo4j server (no Docker needed).", no_args_is_help=True)
load_app = typer.Typer(help="Load data into the graph.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(load_app, name="load")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

PortOpt = Annotated[int | None, typer.Option(help="Bolt port on 127.0.0.1 (default: from REGKG_NEO4J_URI)")]
BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, max=100_000, help="records per transaction")]
DataOpt = Annotated[Path | None, typer.Option("--data", help="data directory (default: REGKG_LOCAL_DB_DIR)")]


def fail(exc: RegkgError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc.message}")
    if exc.details:
        err.print(exc.details)
    return typer.Exit(code=1)


def _local(settings: Settings, data: Path | None, port: int | None) -> LocalNeo4j:
    return LocalNeo4j.from_settings(settings, home=data, port=port)


@db_app.command("start")
def db_start(port: PortOpt = None, data: DataOpt = None) -> None:
    """Resolve the jars if missing, start Neo4j in the background, wait for Bolt."""
    server = _local(Settings(), data, port)
    try:
        with out.status("starting Neo4j…"):
            info = server.start()
    except RegkgError as exc:
        raise fail(exc) from exc
    if info.started_in is None:
        out.print(f"Neo4j is already running: {info.uri} (pid {info.pid}); nothing done")
    else:
        out.print(f"Neo4j {info.version} ready at {info.uri} in {info.started_in:.1f}s")
    out.print(f"  pid {info.pid}  data {info.home}\n  log {info.log}")


@db_app.command("stop")
def db_stop(port: PortOpt = None, data: DataOpt = None) -> None:
    """Stop the local Neo4j (the data stays)."""
    server = _local(Settings(), data, port)
    info = server.stop()
    if info is None:
        out.print(f"no local Neo4j is running for {server.home}; nothing to stop")
    else:
        out.print(f"stopped Neo4j (pid {info.pid}); data kept in {info.home}")


@db_app.command("status")
def db_status(port: PortOpt = None, data: DataOpt = None) -> None:
    """Say whether the local Neo4j runs (exit 0) or not (exit 3)."""
    server = _local(Settings(), data, port)
    info = server.status()
    if info is None:
        out.print(f"not running (data {server.home})")
        raise typer.Exit(code=3)
    out.print(f"running: {info.uri} pid {info.pid} Neo4j {info.version}\n  data {info.home}\n  log {info.log}")


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
    dry_run: Annotated[bool, typer.Option("--dry-run", help="validate only, write nothing")] = False,
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


@app.command()
def migrate() -> None:
    """Create every constraint and index the schema declares (idempotent)."""
    settings = Settings()
    try:
        with Graph.connect(settings) as graph:
            report = migrations.migrate(graph)
    except RegkgError as exc:
        raise fail(exc) from exc
    out.print(f"schema at version {report.version} ({report.statements} statements, idempotent)")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="bind address")] = None,
    port: Annotated[int | None, typer.Option(help="HTTP port")] = None,
) -> None:
    """Serve the HTTP API (and the investigator page) with uvicorn."""
    import uvicorn

    from api.app import create_app

    settings = Settings()
    uvicorn.run(
        create_app(settings),
        host=host or settings.api_host,
        port=port or settings.api_port,
        log_level="info",
    )


@app.command()
def demo(
    port: Annotated[int | None, typer.Option(help="HTTP port")] = None,
) -> None:
    """Everything on localhost: database, migrations, seed data, API and page. Ctrl-C stops all."""
    settings = Settings()
    server = LocalNeo4j.from_settings(settings)
    try:
        with out.status("starting Neo4j…"):
            info = server.start()
        started_here = info.started_in is not None
        out.print(f"Neo4j {info.version} at {info.uri}" + ("" if started_here else " (already running)"))
        with Graph.connect(settings) as graph:
            migrations.migrate(graph)
        out.print("migrated")
    except RegkgError as exc:
        raise fail(exc) from exc
    try:
        serve(host=None, port=port)
    finally:
        if started_here:
            out.print("stopping the Neo4j this demo started…")
            server.stop()


if __name__ == "__main__":
    app()
