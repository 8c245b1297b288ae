"""``regkg db import KIND PATH… [KIND PATH…]``: a new local database built offline from loaders' output.

Each ``KIND PATH…`` group is one load run, read as ``regkg load KIND PATH…`` reads it (``curated``
all or nothing; the lists lenient, their rejects printed, unless ``--strict``), in the order given;
``graph.initial_import`` checks and merges them as the writer does, writes the tables, imports them
with ``neo4j-admin database import``, builds the indexes, records the load runs and checks the
invariants before the new database takes the old one's place. An OFAC group is its ``sdn.csv`` first,
then any of ``add.csv``, ``alt.csv``, ``sdn_comments.csv`` (told apart by their names).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from config import Settings
from graph.import_tables import RunInput
from graph.ingest import Loadable
from graph.initial_import import ImportReport, describe_runs, initial_import
from loaders import csl, curated, fcc, ofac
from loaders.base import Parsed, input_digest
from schema.errors import InvalidInput, RegkgError

from .console import err, fail, out
from .load import _is_delta, _print_notes, _print_rejects

KINDS = ("curated", "csl", "ofac", "fcc", "ftm")
Resolver = Callable[[list[str]], dict[str, str]]


def _groups(items: list[str]) -> list[tuple[str, list[Path]]]:
    groups: list[tuple[str, list[Path]]] = []
    for item in items:
        if item in KINDS:
            groups.append((item, []))
        elif not groups:
            raise typer.BadParameter(f"start with a kind ({', '.join(KINDS)}), then its files", param_hint="SOURCES")
        else:
            groups[-1][1].append(Path(item))
    for kind, paths in groups:
        if not paths:
            raise typer.BadParameter(f"{kind}: no files given", param_hint="SOURCES")
        if kind != "curated":
            missing = [str(p) for p in paths if not p.is_file()]
            if missing:
                raise typer.BadParameter(f"{kind}: no such file {', '.join(missing)}", param_hint="SOURCES")
        elif not all(p.exists() for p in paths):
            raise typer.BadParameter(f"curated: no such path {[str(p) for p in paths if not p.exists()]}")
    return groups


def _ofac(paths: list[Path], batch_size: int) -> ofac.OfacReader:
    sdn, *rest = paths
    named: dict[str, Path] = {}
    for p in rest:
        key = next((k for k in ("comments", "add", "alt") if k in p.name.lower()), None)
        if key is None or key in named:
            raise typer.BadParameter(f"ofac: {p.name} is not one add.csv, alt.csv or sdn_comments.csv")
        named[key] = p
    return ofac.OfacReader(sdn, named.get("add"), named.get("alt"), named.get("comments"), batch_size)


def _spec(kind: str, paths: list[Path], batch_size: int) -> RunInput:
    """One group's run: how to read it (each call anew), what it read."""
    if kind == "curated":
        spec = RunInput("curated", batches=lambda _resolve: [], whole=True)
        cache: list[Parsed] = []

        def whole(resolve: Resolver) -> list[Parsed]:
            if not cache:
                parsed = curated.load(paths, resolve_external=resolve)
                if parsed.rejects:
                    _print_rejects(parsed, limit=50)
                    raise InvalidInput(f"curated: {len(parsed.rejects)} rejected record(s); a curated load is all "
                                       "or nothing: nothing imported")  # fmt: skip
                spec.inputs = [str(p) for p in parsed.inputs]
                spec.input_sha256 = input_digest(parsed.inputs)
                cache.append(parsed)
            return cache

        spec.batches = whole
        return spec
    readers: dict[str, Callable[[Resolver], Iterable[Parsed]]] = {
        "csl": lambda _r: csl.iter_batches(paths, batch_size),
        "fcc": lambda _r: fcc.iter_batches(paths, batch_size),
        "ofac": lambda _r: _ofac(paths, batch_size),
    }
    if kind == "ftm":
        if len(paths) != 1:
            raise typer.BadParameter("ftm: one JSON-lines file per group")
        if _is_delta(paths[0]):
            raise typer.BadParameter("ftm: a delta (ADD/MOD/DEL ops) updates a graph: load it with `regkg load ftm`")
        from loaders import ftm  # followthemoney takes seconds to import: only when used

        readers["ftm"] = lambda resolve: ftm.FtmReader(paths[0], batch_size, resolve)
    return RunInput(kind, batches=readers[kind], inputs=[str(p) for p in paths], input_sha256=input_digest(paths))


def _summary(report: ImportReport, rejected: int, began: float) -> None:
    table = Table(title="initial import: load runs")
    for col in ("run", "loader", "entities", "sources", "claims", "fact edges"):
        table.add_column(col, justify="left" if col in ("run", "loader") else "right")
    for run in describe_runs(report):
        cells = [f"{run[f'{k}_created']:,} (+{run[f'{k}_updated']:,} upd)" for k in ("entities", "sources", "claims")]
        table.add_row(run["run_id"], run["loader"], *cells, f"{run['facts_touched']:,}")
    out.print(table)
    g = report.graph
    out.print(f"graph: {g['entities']:,} entities, {g['sources']:,} sources, {g['claims']:,} claims, "
              f"{g['facts']:,} fact edges, {g['load_runs']} load run(s); {rejected} rejected")  # fmt: skip
    phases = ", ".join(f"{k} {v:.1f}s" for k, v in report.phases.items())
    total = time.perf_counter() - began
    rate = f"{report.claims / total:,.0f} claims/s" if total > 0 else ""
    out.print(f"{phases}; {total:.1f}s in all, {rate}")
    if report.passes > 1:
        out.print(f"[dim]{report.held} source(s)/claim(s)/fact(s) came back in later batches: read twice[/]")
    where = f"the old database in {report.home} was replaced" if report.replaced else f"new database in {report.home}"
    state = "the local server runs on it" if report.started else "start it with: regkg db start"
    out.print(f"{where}; {state}")


def db_import(
    sources: Annotated[list[str], typer.Argument(help="KIND PATH… groups: curated|csl|ofac|fcc|ftm, then files")],
    replace: Annotated[
        bool, typer.Option("--replace", help="build in place of a non-empty database (kept until the new one is done)")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="any rejected list record: nothing imported")] = False,
    check: Annotated[bool, typer.Option("--check/--no-check", help="check the graph's invariants first")] = True,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, max=100_000, help="records per batch")] = 2000,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, max=16, help="table builders side by side (default: cores, ≤ 2)")
    ] = None,
    data: Annotated[Path | None, typer.Option("--data", help="data directory (default: REGKG_LOCAL_DB_DIR)")] = None,
) -> None:
    """Build the local database anew from loaders' output with neo4j-admin import (fast, offline)."""
    specs = [_spec(kind, paths, batch_size) for kind, paths in _groups(sources)]
    rejected = 0
    began = time.perf_counter()

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed:,.0f} read"),
                  TimeElapsedColumn(), console=out, transient=True) as progress:  # fmt: skip
        task = progress.add_task("tables", total=None)

        def on_batch(spec: RunInput, batch: Loadable) -> None:
            nonlocal rejected
            if isinstance(batch, Parsed) and not spec.whole:
                _print_rejects(batch)
                _print_notes(batch)
                rejected += len(batch.rejects)
                if strict and batch.rejects:
                    raise InvalidInput(f"{spec.loader}: rejected record(s) and --strict: nothing imported")
            progress.update(task, description=f"tables: {spec.loader}")

        def on_phase(name: str) -> None:
            if name != "tables":
                out.print(f"[dim]{name} …[/]")
            progress.update(task, description=name)

        try:
            report = initial_import(
                Settings(),
                specs,
                home=data,
                replace=replace,
                batch_size=batch_size,
                workers=workers,
                check=check,
                on_phase=on_phase,
                on_progress=lambda _kind, n: progress.advance(task, n),
                on_batch=on_batch,
            )
        except RegkgError as exc:
            err.print("[bold red]nothing imported:[/] the database is as it was")
            raise fail(exc) from exc
    _summary(report, rejected, began)
