"""``regkg db dump`` / ``regkg db restore``: offline backups of the local database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from config import Settings
from graph import backup
from graph.localdb import LocalNeo4j
from schema.errors import RegkgError

from .console import fail, out

DataOpt = Annotated[Path | None, typer.Option("--data", help="data directory (default: REGKG_LOCAL_DB_DIR)")]


def db_dump(
    path: Annotated[Path, typer.Argument(help="archive to write (.tar.gz)")],
    data: DataOpt = None,
    stop: Annotated[
        bool, typer.Option("--stop/--no-stop", help="stop a running server for the copy and restart it")
    ] = True,
) -> None:
    """Copy the local database (stopped for the copy, restarted after) into a .tar.gz."""
    server = LocalNeo4j.from_settings(Settings(), home=data)
    try:
        with out.status("dumping…"):
            report = backup.dump(server, path, stop=stop)
    except RegkgError as exc:
        raise fail(exc) from exc
    note = " (the server was stopped for the copy and restarted)" if report.was_running else ""
    out.print(f"dumped {server.home / backup.ARCHIVE_ROOT} to {report.archive} ({report.bytes} bytes){note}")


def db_restore(
    path: Annotated[Path, typer.Argument(help="archive written by `regkg db dump`")],
    data: DataOpt = None,
) -> None:
    """Unpack a dump into a new data directory (never over an existing database)."""
    home = data or Settings().local_db_dir
    try:
        target = backup.restore(path, home)
    except RegkgError as exc:
        raise fail(exc) from exc
    out.print(f"restored {path} into {target}; start it with: regkg db start --data {home}")
