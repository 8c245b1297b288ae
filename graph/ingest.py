"""Loading a loader's output: check it against the graph, record a LoadRun, write, finish.

    ingest(graph, parsed, loader="curated", inputs=[...], input_sha256=...)

1. ``preflight`` (read-only): every id the input refers to but does not define exists in the
   graph, and no entity's identity would blur (a new type, or a name sharing no word with its
   names from another record). Any problem → :class:`InvalidInput` naming the record (file, line,
   field); nothing has been written.
2. A ``LoadRun`` node is created (status ``running``, with pid and host). Runs left ``running``
   by a process that no longer exists on this host are marked ``failed`` first.
3. The :class:`~graph.writer.Writer` writes in batches; claims link to the run by ``GENERATED``.
4. The run is marked ``succeeded`` with its counts — or, when it changed nothing and an earlier
   successful run read the same input, it is folded into that run (``reconfirmations`` + 1), so
   loading the same input twice leaves node and relationship counts identical. On an error the
   run is marked ``failed`` (if the database is still reachable) and the error re-raised.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import socket
import threading
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar

from schema.errors import GraphUnavailable, InvalidInput, RegkgError
from schema.models import Claim, Entity, Source

from . import process, queries
from .database import Graph
from .writer import Origins, WriteCounts, Writer, claim_rows, identity_problem

log = logging.getLogger("regkg.ingest")

T = TypeVar("T")


class Loadable(Protocol):
    entities: list[Entity]
    sources: list[Source]
    claims: list[Claim]
    external_refs: set[str]
    origins: dict[str, str]
    locations: dict[str, str]


@dataclass
class LoadData:
    """A :class:`Loadable` built in graph/ itself (a resolution decision), not by a loader."""

    entities: list[Entity] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    external_refs: set[str] = field(default_factory=set)
    origins: dict[str, str] = field(default_factory=dict)
    locations: dict[str, str] = field(default_factory=dict)


@dataclass
class IngestReport:
    run_id: str | None
    status: str
    counts: WriteCounts
    reconfirmed: str | None = None  # the earlier run this one was folded into


def preflight(
    graph: Graph,
    data: Loadable,
    loader: str = "unknown",
    check_identity: bool = True,
    defined: Collection[str] = (),
) -> None:
    """Raise InvalidInput if the input refers to ids the graph lacks or would blur an entity's
    identity — change its type, or give it a name sharing no word with its names from another
    record (:func:`graph.writer.identity_problem`), with the file, line and field when the
    input says where.

    ``check_identity=False`` leaves that check to the writer (which makes it in the batch's
    transaction): for a stream, where earlier batches are written anyway, that saves a read.
    ``defined``: ids that earlier batches of a stream define but nothing wrote (a dry run).
    """
    entity_refs, source_refs = references(data, defined)
    missing: list[str] = []
    if entity_refs:
        missing += [r["id"] for r in graph.read(queries.MISSING_ENTITIES, {"ids": sorted(entity_refs)})]
    if source_refs:
        missing += [r["id"] for r in graph.read(queries.MISSING_SOURCES, {"ids": sorted(source_refs)})]
    if missing:
        raise unknown_references(missing)
    defined_entities = {e.id for e in data.entities}
    if defined_entities and check_identity:
        origins = Origins(loader, data.origins, data.locations)
        by_id = {e.id: e for e in data.entities}
        for row in graph.read(queries.ENTITIES_EXISTING, {"ids": sorted(defined_entities)}):
            problem = identity_problem(by_id[row["id"]], row, origins.of(row["id"]))
            if problem is not None:
                raise InvalidInput(origins.where(row["id"], *problem), {"id": row["id"], "field": problem[0]})


def references(data: Loadable, defined: Collection[str] = ()) -> tuple[set[str], set[str]]:
    """The entity ids and the source ids ``data`` refers to but neither defines nor finds in
    ``defined``: the graph must hold them (:func:`preflight`; the initial import checks them
    against what the input before defined, :mod:`graph.initial_import`)."""
    defined_entities = {e.id for e in data.entities}
    defined_sources = {s.id for s in data.sources}
    entity_refs: set[str] = set()
    source_refs: set[str] = set()
    for c in data.claims:
        entity_refs.update(x for x in (c.subject, c.object, c.asserted_by) if x)
        source_refs.update(x.source for x in c.citations)
    for s in data.sources:
        source_refs.update(s.derived_from)
    entity_refs = (entity_refs | {r for r in data.external_refs if not r.startswith("source:")}) - defined_entities
    source_refs = (source_refs | {r for r in data.external_refs if r.startswith("source:")}) - defined_sources
    if defined:
        entity_refs = {r for r in entity_refs if r not in defined}
        source_refs = {r for r in source_refs if r not in defined}
    return entity_refs, source_refs


def unknown_references(missing: Collection[str]) -> InvalidInput:
    ordered = sorted(missing)
    first = next(iter(missing))
    more = f" (and {len(ordered) - 1} more)" if len(ordered) > 1 else ""
    return InvalidInput(f"unknown reference {first}{more}", {"missing": ordered})


def fail_interrupted_runs(graph: Graph) -> list[str]:
    """Mark ``running`` runs whose process is gone (same host) as failed; return their ids."""
    host = socket.gethostname()
    failed: list[str] = []
    for row in graph.read(queries.RUNS_RUNNING):
        if row["host"] == host and row["pid"] is not None and not process.alive(int(row["pid"])):
            graph.write(
                queries.RUN_MARK_FAILED,
                {
                    "id": row["id"],
                    "error": "interrupted: the loader process ended before finishing",
                },
            )
            failed.append(row["id"])
    return failed


def new_run(
    loader: str, inputs: Iterable[str], input_sha256: str, extra: dict[str, Any] | None = None
) -> tuple[str, dict[str, Any]]:
    """A new run's id and properties: running, in this process on this host."""
    props: dict[str, Any] = {
        **(extra or {}),
        "loader": loader,
        "inputs": list(inputs) or None,  # absent when empty, as every list property (fact_rows.absent_if_empty)
        "input_sha256": input_sha256,
        "status": "running",
        "pid": os.getpid(),
        "host": socket.gethostname(),
    }
    return "run:" + uuid.uuid4().hex, props


def begin_run(
    graph: Graph, loader: str, inputs: Iterable[str], input_sha256: str, extra: dict[str, Any] | None = None
) -> str:
    """A running LoadRun; ``extra``: more properties (a list version's ``series`` and ``version_date``)."""
    run_id, props = new_run(loader, inputs, input_sha256, extra)
    graph.write(
        queries.RUN_BEGIN,
        {"id": run_id, "props": props, "started_at": datetime.now(UTC).isoformat()},
    )
    log.info("load run started", extra={"fields": {"run_id": run_id, "loader": loader, "input_sha256": input_sha256}})
    return run_id


def finish_run(graph: Graph, run_id: str, loader: str, input_sha256: str, counts: WriteCounts) -> str | None:
    """Mark succeeded, or fold into an earlier identical successful run; return that run's id."""
    if counts.changed == 0:
        prev = graph.read(queries.RUN_PREVIOUS_SUCCESS, {"loader": loader, "sha": input_sha256, "id": run_id})
        if prev:
            graph.write(queries.RUN_RECONFIRM, {"old": prev[0]["id"], "new": run_id})
            log.info(
                "load run re-confirmed an earlier identical run",
                extra={"fields": {"run_id": run_id, "loader": loader, "reconfirmed": prev[0]["id"]}},
            )
            return str(prev[0]["id"])
    graph.write(
        queries.RUN_FINISH,
        {
            "id": run_id,
            "status": "succeeded",
            "counts": json.dumps(counts.as_dict()),
            "error": None,
        },
    )
    log.info("load run succeeded", extra={"fields": {"run_id": run_id, "loader": loader, **counts.as_dict()}})
    return None


# Called after every succeeded load run that wrote claims, with the graph and the run's id: what
# must follow a change (monitoring's catch-up: screen/monitor.py registers it in the API and the
# command line). A failing hook is logged, never fails the load. Runs whose writer has more to do
# first (``resolve``: the clusters) call :func:`after_run` themselves when it is done.
AFTER_RUN: list[Callable[[Graph, str], object]] = []
_SELF_NOTIFYING = frozenset({"resolve"})
_QUIET = frozenset({"watchlist", "screen-decisions"})  # monitoring's own writes


def after_run(graph: Graph, run_id: str) -> None:
    """Run every :data:`AFTER_RUN` hook (each failure logged)."""
    for hook in list(AFTER_RUN):
        try:
            hook(graph, run_id)
        except Exception:  # noqa: BLE001 — the load succeeded; a hook's failure is reported, not raised
            log.warning("after-run hook failed", exc_info=True, extra={"fields": {"run_id": run_id}})


def _notify(graph: Graph, run_id: str, loader: str, counts: WriteCounts) -> None:
    if loader in _SELF_NOTIFYING or loader in _QUIET:
        return
    if counts.claims.created or counts.claims.updated or counts.facts:
        after_run(graph, run_id)


def ingest(
    graph: Graph,
    data: Loadable,
    *,
    loader: str,
    inputs: Iterable[str],
    input_sha256: str,
    batch_size: int = 2000,
    on_progress: Callable[[str, int], None] | None = None,
    run_props: dict[str, Any] | None = None,
) -> IngestReport:
    preflight(graph, data, loader)
    fail_interrupted_runs(graph)
    run_id = begin_run(graph, loader, inputs, input_sha256, run_props)
    origins = Origins(loader, data.origins, data.locations)
    writer = Writer(graph, run_id=run_id, batch_size=batch_size, on_progress=on_progress, origins=origins)
    try:
        counts = writer.write(data.entities, data.sources, data.claims)
    except BaseException as exc:
        _mark_failed(graph, run_id, exc)
        raise
    folded = finish_run(graph, run_id, loader, input_sha256, counts)
    _notify(graph, folded or run_id, loader, counts)
    return IngestReport(run_id=folded or run_id, status="succeeded", counts=counts, reconfirmed=folded)


def _mark_failed(graph: Graph, run_id: str, exc: BaseException) -> None:
    message = exc.message if isinstance(exc, RegkgError) else f"{type(exc).__name__}: {exc}"
    log.error("load run failed", extra={"fields": {"run_id": run_id, "error": message[:500]}})
    try:
        graph.write(queries.RUN_MARK_FAILED, {"id": run_id, "error": message[:2000]})
    except GraphUnavailable:
        pass  # the next run marks it failed (fail_interrupted_runs)


def ingest_stream(
    graph: Graph,
    batches: Iterable[Loadable],
    *,
    loader: str,
    inputs: Iterable[str],
    input_sha256: str,
    batch_size: int = 2000,
    on_progress: Callable[[str, int], None] | None = None,
    on_batch: Callable[[Loadable], None] | None = None,
    run_props: dict[str, Any] | None = None,
) -> IngestReport:
    """Like :func:`ingest`, for input too large to hold: one LoadRun, written batch by batch.

    Each batch is checked (``preflight``: its references must be in the graph by the time it
    comes, e.g. written by an earlier batch) and written before the next one is pulled, so
    memory holds two batches at a time: the next one is read (parsed, generated) in a thread
    while the database writes this one (:func:`prefetched`). ``on_batch`` sees each batch before it is written (the CLI
    prints its rejects). An error marks the run failed; what earlier batches wrote stays, and
    reloading the same input completes it idempotently. ``run_props``: as for :func:`ingest` (a
    list version's ``series`` and ``version_date``; its ends can come as the last batch).
    """
    fail_interrupted_runs(graph)
    run_id = begin_run(graph, loader, inputs, input_sha256, run_props)
    writer = Writer(graph, run_id=run_id, batch_size=batch_size, on_progress=on_progress, origins=Origins(loader))
    try:
        # the read-ahead thread also builds the batch's claim rows (pure work, off the write path)
        for batch, prepared in prefetched((b, claim_rows(b.claims)) for b in batches):
            if on_batch is not None:
                on_batch(batch)
            preflight(graph, batch, loader, check_identity=False)
            writer.write(batch.entities, batch.sources, batch.claims, prepared)
    except BaseException as exc:
        _mark_failed(graph, run_id, exc)
        raise
    counts = writer.counts
    folded = finish_run(graph, run_id, loader, input_sha256, counts)
    _notify(graph, folded or run_id, loader, counts)
    return IngestReport(run_id=folded or run_id, status="succeeded", counts=counts, reconfirmed=folded)


_DONE = object()


def prefetched(items: Iterable[T], depth: int = 1) -> Iterator[T]:
    """Iterate ``items`` in a background thread, ``depth`` items ahead of the consumer.

    Reading the next batch (Python: parsing, validation) overlaps with writing this one (mostly
    waiting on the database). Items and an exception raised by ``items`` arrive in order; when
    the consumer stops early, the producer stops at its next item and ``items`` is closed.
    """
    slots: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                slots.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        iterator = iter(items)
        try:
            for item in iterator:
                if not put((item, None)):
                    return
            put((_DONE, None))
        except BaseException as exc:  # handed to the consumer, raised there
            put((_DONE, exc))
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()

    thread = threading.Thread(target=produce, name="regkg-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            item, exc = slots.get()
            if exc is not None:
                raise exc
            if item is _DONE:
                return
            yield item
    finally:
        stop.set()
        thread.join()
