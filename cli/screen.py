"""``regkg screen FILE --out OUT``: screen a file of records of any size (see screen/files.py)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from config import Settings
from graph.database import Graph
from ownership.service import Options
from schema.dates import partial_date
from screen import files
from screen.matcher import THRESHOLD
from screen.records import ScreenRecord
from screen.service import Screener

from .console import err, out
from .load import _run


def screen(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="records: .csv, or .jsonl")],
    output: Annotated[Path, typer.Option("--out", "-o", help="answers: .csv (a row per record × match) or .jsonl")],
    threshold: Annotated[float, typer.Option(min=0.0, max=1.0, help="a score at or above it is a match")] = THRESHOLD,
    limit: Annotated[int, typer.Option(min=1, max=25, help="matches per record, best first")] = 5,
    as_of: Annotated[str | None, typer.Option(help="exposure valid on this day (YYYY[-MM[-DD]])")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, max=1000, help="records per query")] = 100,
) -> None:
    """Screen records against the graph: scored, explained matches with their regulatory exposure.

    Streams: the records are read, screened and written a batch at a time (memory does not grow
    with the file). The answer is written to a temporary file and renamed at the end, so a bad
    record (its file, line and field are named) leaves no half-written output."""
    day = None
    if as_of:
        try:
            day = partial_date(as_of)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--as-of") from None

    def work(graph: Graph) -> None:
        config = Settings()
        screener = Screener(
            graph,
            threshold=threshold,
            limit=limit,
            as_of=day,
            timeout=config.query_timeout,
            ownership=Options.of(config),
        )
        total = files.count_records(path)
        tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
        started = time.perf_counter()
        stats = {"records": 0, "with_match": 0, "matches": 0}
        entities: set[str] = set()
        try:
            with tmp.open("w", encoding="utf-8", newline="") as fh, _progress(total) as advance:
                writer = files.Writer(fh, files.is_jsonl(output))
                batches = _batches(files.read_records(path), batch_size)
                for batch, results in screener.stream(batches):
                    _write(batch, results, writer, stats, entities)
                    advance(len(batch))
                    if len(screener.exposures) > 50_000:  # bounded memory: the exposure cache starts again
                        screener.exposures.clear()
            tmp.replace(output)
        finally:
            tmp.unlink(missing_ok=True)
        seconds = time.perf_counter() - started
        receipt = screener.receipt()
        out.print(
            f"screened {stats['records']} record(s) in {seconds:.1f}s ({stats['records'] / max(seconds, 1e-9):.0f}/s): "
            f"{stats['with_match']} with a match (score ≥ {threshold}), {stats['matches']} match(es) of "
            f"{len(entities)} entit(ies); graph version {receipt['graph_version']}, "
            f"{receipt['matcher']['algorithm']} ({receipt['matcher']['library']}) → {output}"
        )

    _run(work)


def _batches(records: Iterator[tuple[int, ScreenRecord]], size: int) -> Iterator[list[ScreenRecord]]:
    batch: list[ScreenRecord] = []
    for _line, record in records:
        batch.append(record)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(
    batch: Sequence[ScreenRecord],
    results: list[dict[str, Any]],
    writer: files.Writer,
    stats: dict[str, int],
    entities: set[str],
) -> None:
    for record, result in zip(batch, results, strict=True):
        writer.write(record, result)
        hits = [m for m in result["matches"] if m["match"]]
        stats["records"] += 1
        stats["with_match"] += bool(hits)
        stats["matches"] += len(hits)
        entities.update(m["entity"]["id"] for m in hits)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    with Progress(
        TextColumn("screening"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True
    ) as progress:
        task = progress.add_task("screening", total=total)
        yield lambda n: progress.advance(task, n)
