"""The initial import's tables, written by one or more builders side by side.

    built = build(directory, [RunInput("csl", ...)], workers=2)

Each builder (:class:`graph.import_tables.TableBuilder`) reads the whole input and writes its share
of the rows into files of its own; the first runs in this process (it calls ``on_progress`` and
``on_batch``, and a loader that learns its inputs while it reads tells this process), the others
in forked processes that send back what they wrote. The rendering of rows is most of the work, so
two builders on two cores take about the time of reading the input once plus half the rest. The
runs' ids and start are made once, here, so every builder writes the same ones; their counts are
the sum of the builders' (entities counted by the first, which writes them).

One pass, or two when a batch came back to a source, claim or fact an earlier batch had: the
second holds those until the end (each builder its own).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from schema.errors import RegkgError

from .import_tables import Files, Hold, RunInput, RunResult, Started, TableBuilder, Tables, start_run
from .ingest import Loadable


@dataclass
class Built:
    """What :func:`build` wrote: the tables, the runs with their counts, how long it took."""

    tables: Files
    runs: list[RunResult]
    claims: int
    seconds: float
    passes: int
    held: int
    bytes: int
    builders: list[float]  # each builder's seconds in the last pass (the first is this process's)


@dataclass
class _Part:
    """What one builder's pass wrote (picklable: sent from a worker process)."""

    files: Files
    counts: list[Any]  # each run's WriteCounts
    claims: int
    reopened: Hold
    seconds: float


class WorkerFailed(RegkgError):
    code = "import_worker_failed"


def default_workers() -> int:
    """One builder per core, two at most (a third reads the input once more for little)."""
    return max(1, min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


@dataclass(frozen=True)
class _Job:
    """What every builder of one build shares (a forked one inherits it)."""

    directory: Path
    specs: Sequence[RunInput]
    started: Sequence[Started]  # the runs' ids and properties, made once
    now: str
    workers: int
    batch_size: int


Progress = Callable[[str, int], None] | None
OnBatch = Callable[[RunInput, Loadable], None] | None


def _pass(
    job: _Job, part: int, hold: Hold | None, on_progress: Progress, on_batch: OnBatch
) -> tuple[_Part, TableBuilder]:
    """One builder's pass over the whole input (its share of the rows written)."""
    began = time.perf_counter()
    tables = Tables.create(job.directory, part)
    builder = TableBuilder(tables, batch_size=job.batch_size, hold=hold, on_progress=on_progress, on_batch=on_batch,
                           share=(part, job.workers), started=job.started, now=job.now)  # fmt: skip
    try:
        for spec in job.specs:
            builder.run(spec)
    except BaseException:
        tables.close()
        raise
    if not builder.reopened or hold is not None:
        builder.finish()
    else:
        tables.close()
    counts = [r.counts for r in builder.runs]
    return _Part(tables.written(), counts, builder.claims, builder.reopened, time.perf_counter() - began), builder


def _child(conn: Connection, job: _Job, part: int, hold: Hold | None) -> None:
    """A forked builder: its pass, sent back (or its failure)."""
    try:
        conn.send(("ok", _pass(job, part, hold, None, None)[0]))
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent, which raises it
        try:
            conn.send(("error", exc))
        except Exception:  # noqa: BLE001 - an exception that does not pickle: its text
            conn.send(("error", WorkerFailed(f"a table builder failed: {exc!r}")))
    finally:
        conn.close()


def _shares(
    job: _Job, holds: Sequence[Hold | None], on_progress: Progress, on_batch: OnBatch
) -> tuple[list[_Part], TableBuilder]:
    """One pass of every builder: the first here, the others forked (before this one reads)."""
    ctx = multiprocessing.get_context("fork")
    children = []
    for k in range(1, job.workers):
        recv, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(send, job, k, holds[k]), name=f"regkg-tables-{k}", daemon=True)
        proc.start()
        send.close()
        children.append((proc, recv))
    try:
        first, builder = _pass(job, 0, holds[0], on_progress, on_batch)
        parts = [first]
        for proc, recv in children:
            try:
                status, got = recv.recv()
            except EOFError:
                proc.join()
                raise WorkerFailed(f"a table builder died (exit {proc.exitcode})") from None
            if status == "error":
                raise got
            parts.append(got)
        return parts, builder
    finally:
        for proc, recv in children:
            recv.close()
            if proc.is_alive():
                proc.kill()
            proc.join()


def build(
    directory: Path,
    specs: Sequence[RunInput],
    *,
    batch_size: int = 2000,
    workers: int = 1,
    on_progress: Progress = None,
    on_batch: OnBatch = None,
) -> Built:
    """The runs' tables in ``directory`` by ``workers`` builders: one pass, or two when a batch came
    back to a source, claim or fact an earlier batch had (the second holds those until the end)."""
    began = time.perf_counter()
    now = datetime.now(UTC).isoformat()
    job = _Job(directory, specs, [start_run(spec) for spec in specs], now, workers, batch_size)
    holds: list[Hold | None] = [None] * workers
    try:
        for attempt in (1, 2):
            parts, first = _shares(job, holds, on_progress, on_batch)
            if attempt == 1 and any(p.reopened for p in parts):
                holds = [p.reopened for p in parts]
                continue
            files = Files()
            for part in parts:
                files.add(part.files)
            for part in parts[1:]:
                for run, counts in zip(first.runs, part.counts, strict=True):
                    run.counts.add(counts)
            held = sum(len(h) for h in holds if h is not None)
            claims = sum(p.claims for p in parts)
            seconds = [p.seconds for p in parts]
            return Built(files, first.runs, claims, time.perf_counter() - began, attempt, held, files.bytes, seconds)
    finally:
        gc.unfreeze()  # what the builders froze (graph.import_tables.settle) is the collector's again
    raise AssertionError("unreachable")
