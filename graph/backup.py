"""Offline backups of the local database: the ``<home>/data`` directory as a ``.tar.gz``.

A store copied while Neo4j runs may be torn, so :func:`dump` stops the local server first (or
refuses, with ``stop=False``) and starts it again afterwards. :func:`restore` unpacks an archive
into a home whose ``data`` directory does not exist yet (it never overwrites a store). For the
Docker server use ``neo4j-admin database dump`` in the container instead (README).
"""

from __future__ import annotations

import tarfile
from dataclasses import dataclass
from pathlib import Path

from schema.errors import Conflict, InvalidInput, NotFound

from .localdb import LocalNeo4j

ARCHIVE_ROOT = "data"


@dataclass(frozen=True)
class DumpReport:
    archive: Path
    bytes: int
    was_running: bool
    restarted: bool


def dump(server: LocalNeo4j, archive: Path, *, stop: bool = True) -> DumpReport:
    """Write ``<home>/data`` to ``archive`` (tar.gz); a running server is stopped and restarted."""
    data = server.home / ARCHIVE_ROOT
    if not data.is_dir():
        raise NotFound(f"no database in {server.home} (no {data})", {"home": str(server.home)})
    running = server.status() is not None
    if running and not stop:
        raise Conflict(
            f"Neo4j is running on {server.home}; stop it first (regkg db stop) or allow the dump to stop it",
            {"home": str(server.home)},
        )
    archive = Path(archive).resolve()
    if archive.is_relative_to(data):
        raise InvalidInput("the archive may not be written inside the data directory", {"path": str(archive)})
    archive.parent.mkdir(parents=True, exist_ok=True)
    if running:
        server.stop()
    try:
        tmp = archive.with_name(archive.name + ".part")
        with tarfile.open(tmp, "w:gz") as tar:
            tar.add(data, arcname=ARCHIVE_ROOT)
        tmp.replace(archive)
    finally:
        if running:
            server.start()
    return DumpReport(archive, archive.stat().st_size, running, running)


def restore(archive: Path, home: Path) -> Path:
    """Unpack ``archive`` into ``<home>/data`` (which must not exist yet); return that directory."""
    archive = Path(archive)
    if not archive.is_file():
        raise NotFound(f"no archive {archive}", {"path": str(archive)})
    target = Path(home).resolve() / ARCHIVE_ROOT
    if target.exists() and any(target.iterdir()):
        raise Conflict(
            f"{target} already holds a database; restore into a new data directory (--data)",
            {"path": str(target)},
        )
    with tarfile.open(archive, "r:gz") as tar:
        members = tar.getmembers()
        bad = [m.name for m in members if m.name != ARCHIVE_ROOT and not m.name.startswith(ARCHIVE_ROOT + "/")]
        if bad:
            raise InvalidInput("not a regkg database archive", {"path": str(archive), "unexpected": bad[:5]})
        tar.extractall(target.parent, members=members, filter="data")
    return target
