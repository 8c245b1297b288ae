"""``regkg``: the console script. Holds no logic of its own; it wires the layers together."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from config import ROOT, Settings
from graph import migrations
from graph.database import Graph
from graph.localdb import LocalNeo4j
from schema.errors import RegkgError

from .changes import changes
from .console import fail, out
from .db_backup import db_dump, db_restore
from .db_import import db_import
from .export import export as export_command
from .extract import extract
from .load import load_app
from .read import exposure, facts, paths, provenance, query, search
from .resolve import resolve_app
from .screen import screen
from .watch import alerts, watch_app

app = typer.Typer(help="regkg — a regulatory knowledge graph on Neo4j.", no_args_is_help=True)
db_app = typer.Typer(help="The local Neo4j server (no Docker needed).", no_args_is_help=True)


@app.callback()
def _configure() -> None:
    """regkg — a regulatory knowledge graph on Neo4j."""
    from config import configure_logging  # JSON lines in production, text otherwise

    settings = Settings()
    configure_logging(settings)
    _watch_after_loads(settings)


def _watch_after_loads(settings: Settings) -> None:
    """Watchlists caught up after every load run this command makes (screen.monitor, imported
    only when a run happens: it brings the matcher)."""
    from graph import ingest

    def _catch_up_after_run(graph: Any, _run_id: str) -> object:
        from ownership.service import Options
        from screen import monitor

        return monitor.catch_up(graph, ownership=Options.of(settings))

    ingest.AFTER_RUN[:] = [_catch_up_after_run]


app.add_typer(db_app, name="db")
app.add_typer(load_app, name="load")
app.add_typer(resolve_app, name="resolve")
app.add_typer(watch_app, name="watch")
app.command("alerts")(alerts)
app.command("extract")(extract)
app.command("export")(export_command)
app.command("changes")(changes)
app.command("query")(query)
app.command("search")(search)
app.command("facts")(facts)
app.command("paths")(paths)
app.command("path", hidden=True)(paths)
app.command("provenance")(provenance)
app.command("why")(provenance)
app.command("exposure")(exposure)
app.command("screen")(screen)
db_app.command("dump")(db_dump)
db_app.command("restore")(db_restore)
db_app.command("import")(db_import)

PortOpt = Annotated[int | None, typer.Option(help="Bolt port on 127.0.0.1 (default: from REGKG_NEO4J_URI)")]
DataOpt = Annotated[Path | None, typer.Option("--data", help="data directory (default: REGKG_LOCAL_DB_DIR)")]


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
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="worker processes (each with its own driver and pool); /metrics then counts per worker",
        ),
    ] = 1,
    request_log: Annotated[bool, typer.Option(help="one log line per request")] = True,
) -> None:
    """Serve the HTTP API (and the investigator page) with uvicorn."""
    import copy

    import uvicorn
    from uvicorn.config import LOGGING_CONFIG

    settings = Settings()
    log_config = copy.deepcopy(LOGGING_CONFIG)
    if not request_log:  # applied in every worker, before the app configures its own loggers
        log_config.setdefault("loggers", {})["regkg.api.access"] = {"level": "WARNING"}
    try:
        # The factory string lets uvicorn start the workers; each builds the app from the same
        # environment (REGKG_*) this process read.
        uvicorn.run(
            "api.app:create_app",
            factory=True,
            host=host or settings.api_host,
            port=port or settings.api_port,
            workers=workers,
            # uvicorn kills a worker that has not started or answered its ping within 5 s: on a
            # busy 2-core machine importing the app alone can take longer (and so can a ping)
            timeout_worker_healthcheck=60,
            log_level="info",
            log_config=log_config,
            access_log=False,  # api/observability.py writes one structured line per request
        )
    except KeyboardInterrupt:  # uvicorn re-raises Ctrl-C after its graceful shutdown
        pass


DATA = ROOT / "data"


def load_demo_data() -> None:
    """The seed article, analysts' curated files (data/curated), two real list excerpts, and the
    entity-resolution decisions."""
    from .load import load_csl, load_curated, load_fcc
    from .resolve import run_resolution

    load_curated(paths=[DATA / "seed", DATA / "curated"], dry_run=False, batch_size=2000)
    load_fcc(paths=[DATA / "samples" / "fcc_covered_list_2026.csv"], dry_run=False, batch_size=2000, strict=False)
    load_csl(
        paths=[DATA / "samples" / "csl_us_trade_gov_2025_sample.csv"], dry_run=False, batch_size=2000, strict=False
    )
    run_resolution(apply=True)


@app.command()
def demo(
    port: Annotated[int | None, typer.Option(help="HTTP port")] = None,
) -> None:
    """Everything on localhost: database, migrations, seed and sample data, API and page. Ctrl-C stops all."""
    settings = Settings()
    server = LocalNeo4j.from_settings(settings)
    started_here = False
    try:
        with out.status("starting Neo4j…"):
            info = server.start()
        started_here = info.started_in is not None
        out.print(f"Neo4j {info.version} at {info.uri}" + ("" if started_here else " (already running)"))
        with Graph.connect(settings) as graph:
            migrations.migrate(graph)
        out.print("migrated")
        load_demo_data()  # idempotent: a second demo re-confirms and writes nothing
    except RegkgError as exc:
        raise fail(exc) from exc
    except BaseException:
        if started_here:
            server.stop()
        raise
    url = f"http://{settings.api_host}:{port or settings.api_port}"
    out.print(f"\n[bold]regkg is up:[/] the page at {url}/ui/ · API docs at {url}/docs · Ctrl-C stops everything\n")
    try:
        serve(host=None, port=port, workers=1, request_log=True)
    finally:
        if started_here:
            out.print("stopping the Neo4j this demo started…")
            server.stop()


if __name__ == "__main__":
    app()
