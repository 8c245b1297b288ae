"""``regkg db import``: a new local database built offline with ``neo4j-admin database import``.

    report = initial_import(settings, [RunInput("curated", ...), RunInput("csl", ...)], replace=False)

1. The target is the local database (``REGKG_LOCAL_DB_DIR``, served on ``REGKG_NEO4J_URI``'s
   port by ``regkg db start``); a remote URI is refused (:class:`NotLocal`). Unless ``replace``,
   a database holding anything but its migration record is refused (:class:`DatabaseInUse`).
2. The runs' tables are written (:mod:`graph.import_tables`: the writer's own checks, merges,
   counts and properties; by builders side by side, :mod:`graph.import_build`) into a work
   directory beside the database's home.
3. ``neo4j-admin database import full`` (``org.neo4j.cli.AdminTool`` from the Maven jars) builds
   a new store there.
4. The new ``data`` directory takes the old one's place, which is kept beside it (the local
   server stopped for the swap); the server started on the new one applies the migrations
   (constraints, indexes), finishes the load runs as
   :func:`graph.ingest.finish_run` does and checks the invariants. Only then is the old one
   deleted; on any failure the old one is put back (its server started again if it ran) and the
   error says why.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from config import Settings
from schema.errors import Conflict, InvalidInput, RegkgError

from . import ingest, invariants, maintenance, migrations, queries
from .database import Graph
from .import_build import Built, build, default_workers
from .import_tables import ARRAY_OPTION, Files, RunInput, RunResult
from .ingest import Loadable
from .localdb import LIB_DIR, LocalDbError, LocalNeo4j, ensure_jars

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class NotLocal(InvalidInput):
    """The configured database is not the local one this command can build offline."""


class DatabaseInUse(Conflict):
    code = "database_not_empty"


class ImportFailed(RegkgError):
    status = 500
    code = "import_failed"


@dataclass
class ImportReport:
    runs: list[RunResult]
    run_ids: list[str]  # each run's id in the new graph (an identical run folds into the one before)
    graph: dict[str, int]  # maintenance.domain_counts of the new database
    phases: dict[str, float] = field(default_factory=dict)  # seconds
    csv_bytes: int = 0
    passes: int = 1
    builders: list[float] = field(default_factory=list)  # each table builder's seconds
    held: int = 0
    replaced: bool = False
    home: Path | None = None
    started: bool = False  # the local server runs on the new database

    @property
    def claims(self) -> int:
        return sum(r.counts.claims.created for r in self.runs)

    @property
    def seconds(self) -> float:
        return sum(self.phases.values())


def target(settings: Settings, home: Path | None = None) -> LocalNeo4j:
    """The local database these settings name, or :class:`NotLocal`."""
    host = urlsplit(settings.neo4j_uri).hostname or ""
    if host not in LOCAL_HOSTS:
        raise NotLocal(
            f"the initial import builds the local database (REGKG_LOCAL_DB_DIR) offline, but REGKG_NEO4J_URI "
            f"points at {host}: load a remote server with `regkg load` instead",
            {"setting": "REGKG_NEO4J_URI", "host": host},
        )
    if settings.neo4j_database != "neo4j":
        raise NotLocal(
            "the local server holds one database, neo4j: the initial import cannot build "
            f"REGKG_NEO4J_DATABASE={settings.neo4j_database}",
            {"setting": "REGKG_NEO4J_DATABASE"},
        )
    return LocalNeo4j.from_settings(settings, home=home)


def _on(settings: Settings, uri: str) -> Settings:
    return settings.model_copy(update={"neo4j_uri": uri})


def in_use(server: LocalNeo4j, settings: Settings) -> bool:
    """Does the local database hold anything but its migration record? (A stopped one that has a
    store is started for the question, and stopped again.)"""
    running = server.status()
    if running is None and not (server.home / "data" / "databases" / "neo4j").exists():
        return False
    info = running or server.start()
    try:
        with Graph.connect(_on(settings, info.uri)) as g:
            return bool(g.read(queries.IN_USE)[0]["used"])
    finally:
        if running is None:
            server.stop()


def admin_import(home: Path, tables: Files, *, heap: str = "1g", off_heap: str = "25%") -> float:
    """``neo4j-admin database import full`` of ``tables`` into ``home``'s (new) neo4j database; seconds."""
    ensure_jars()
    java = shutil.which("java")
    if java is None:
        raise LocalDbError("`java` was not found on PATH: install a JDK 17 or 21")
    conf = home / "import-conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").write_text("server.memory.pagecache.size=256m\n")
    multiline = [str(f.path) for f in tables.every() if f.multiline]
    cmd = [
        java, f"-Xmx{heap}", "-cp", f"{LIB_DIR}/*", "org.neo4j.cli.AdminTool", "database", "import", "full", "neo4j",
        f"--array-delimiter={ARRAY_OPTION}", "--id-type=string", "--bad-tolerance=0",
        f"--max-off-heap-memory={off_heap}", f"--report-file={home / 'import.report'}",
        *(["--multiline-fields-format=v2", f"--multiline-fields={','.join(multiline)}"] if multiline else []),
        *(f"--nodes={f.path}" for files in tables.nodes.values() for f in files),
        *(f"--relationships={f.path}" for files in tables.rels.values() for f in files),
    ]  # fmt: skip
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(conf))
    began = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - began
    output = proc.stdout + proc.stderr
    (home / "import.log").write_text(output)
    if proc.returncode != 0:
        raise ImportFailed("neo4j-admin database import failed", {"exit": proc.returncode, "tail": output[-3000:]})
    found = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships", output)
    got = (int(found.group(1)), int(found.group(2))) if found else None
    if got != (tables.node_count, tables.relationship_count):
        raise ImportFailed(
            "neo4j-admin imported other counts than the tables hold",
            {"imported": got, "tables": (tables.node_count, tables.relationship_count), "tail": output[-2000:]},
        )
    return seconds


def initial_import(
    settings: Settings,
    specs: Sequence[RunInput],
    *,
    home: Path | None = None,
    replace: bool = False,
    batch_size: int = 2000,
    workers: int | None = None,
    check: bool = True,
    start: bool | None = None,
    on_phase: Callable[[str], None] | None = None,
    on_progress: Callable[[str, int], None] | None = None,
    on_batch: Callable[[RunInput, Loadable], None] | None = None,
) -> ImportReport:
    """Build the local database anew from the runs (module docstring). ``start``: start the local
    server on the new database afterwards (default: if it was running before); ``workers``: table
    builders side by side (:mod:`graph.import_build`; default: one per core, two at most)."""
    server = target(settings, home)
    if not replace and in_use(server, settings):
        raise DatabaseInUse(
            f"the local database in {server.home} is not empty: give --replace to build a new one in its place "
            "(the old one is kept until the new one is complete)",
            {"home": str(server.home)},
        )
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    work = server.home.parent / f"{server.home.name}.import-{stamp}"
    phases: dict[str, float] = {}

    def phase(name: str) -> None:
        if on_phase is not None:
            on_phase(name)

    try:
        phase("tables")
        built = build(work / "tables", specs, batch_size=batch_size, workers=workers or default_workers(),
                      on_progress=on_progress, on_batch=on_batch)  # fmt: skip
        phases["tables"] = built.seconds
        phase("import")
        new_home = work / "home"
        phases["import"] = admin_import(new_home, built.tables)
        shutil.rmtree(work / "tables")
        if not replace and in_use(server, settings):
            raise DatabaseInUse(f"something was written to {server.home} during the import; nothing replaced")
        phase("swap")
        return _swap_and_finish(settings, server, new_home / "data", stamp, built, phases, check, start, phase)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _swap_and_finish(
    settings: Settings,
    server: LocalNeo4j,
    new_data: Path,
    stamp: str,
    built: Built,
    phases: dict[str, float],
    check: bool,
    start: bool | None,
    phase: Callable[[str], None],
) -> ImportReport:
    """The new ``data`` directory in the old one's place (kept beside it), the local server started
    on it to finish it (:func:`_finish`); the old one deleted once all went well — else put back
    (and its server started again if it ran)."""
    began = time.perf_counter()
    was_running = server.status() is not None
    if was_running:
        server.stop()
    data = server.home / "data"
    old = server.home / f"data.replaced-{stamp}"
    had_old = data.exists()
    server.home.mkdir(parents=True, exist_ok=True)
    if had_old:
        data.rename(old)
    try:
        new_data.rename(data)
        phases["swap"] = time.perf_counter() - began
        report = _finish(settings, server, built, phases, check, phase)
        if not (was_running if start is None else start):
            began = time.perf_counter()
            server.stop()
            phases["stop"] = time.perf_counter() - began
    except BaseException:
        server.stop()
        shutil.rmtree(data, ignore_errors=True)
        if had_old:
            old.rename(data)
        if was_running:
            server.start()
        raise
    if had_old:
        shutil.rmtree(old, ignore_errors=True)
    report.replaced, report.started, report.home = had_old, server.status() is not None, server.home
    return report


def _finish(
    settings: Settings,
    server: LocalNeo4j,
    built: Built,
    phases: dict[str, float],
    check: bool,
    phase: Callable[[str], None],
) -> ImportReport:
    """On the server started on the new store: migrations, the runs finished, the invariants. (No list
    property is stored empty on either path — :func:`graph.fact_rows.absent_if_empty` — so nothing is filled.)"""
    phase("start")
    began = time.perf_counter()
    info = server.start(timeout=900)
    phases["start"] = time.perf_counter() - began
    with Graph.connect(_on(settings, info.uri)) as g:
        phase("indexes")
        began = time.perf_counter()
        migrations.migrate(g)
        phases["indexes"] = time.perf_counter() - began
        phase("runs")
        began = time.perf_counter()
        run_ids = []
        for r in built.runs:
            # (no after-run hooks: monitoring's watchlists are not in a new database)
            folded = ingest.finish_run(g, r.run_id, r.spec.loader, r.spec.input_sha256, r.counts)
            run_ids.append(folded or r.run_id)
        phases["runs"] = time.perf_counter() - began
        if check:
            phase("checks")
            began = time.perf_counter()
            broken = {k: v for k, v in invariants.violations(g).items() if v}
            phases["checks"] = time.perf_counter() - began
            if broken:
                raise ImportFailed("the new database breaks the graph's invariants: the old one is back", broken)
        counts = maintenance.domain_counts(g)
    return ImportReport(built.runs, run_ids, counts, phases, built.bytes, built.passes, built.builders, built.held)


def describe_runs(report: ImportReport) -> list[dict[str, Any]]:
    """Each run's loader, id and counts, for summaries."""
    return [
        {"loader": r.spec.loader, "run_id": rid, **r.counts.as_dict()}
        for r, rid in zip(report.runs, report.run_ids, strict=True)
    ]
