"""Memory of the streaming FtM loader: peak RSS while a large JSON-lines file is read or loaded.

    python -m bench.ftm_rss [--lines 1000000] [--batch-size 2000] [--keep] [--load]

Writes a synthetic FollowTheMoney file of N lines into a temporary directory (about 70 %
companies and persons, 20 % Sanctions, 10 % Ownership/Directorship/Family, a few vessels with
owners; every relationship points at an entity 1000 lines back or forward, so both passes do real
lookups), then reads it with :class:`loaders.ftm.FtmReader` exactly as ``regkg load ftm`` does, but
throws each batch away instead of writing it. Prints the peak RSS (``ru_maxrss``) and the current
RSS at 10 %, 50 % and 100 % of each pass: when memory is constant in the file's size, the column
stays flat. Without ``--load`` nothing touches a database.

With ``--load`` the batches are written into a throwaway Neo4j (or ``REGKG_BENCH_NEO4J_URI``)
through ``graph.ingest.ingest_stream`` — the same path as ``regkg load ftm`` — and the table also
shows the load's throughput; the RSS is the loader process's (the server is another process).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from graph import ingest
from graph.database import Graph
from loaders.base import input_digest
from loaders.ftm import FtmReader

from .common import database

CHECKPOINTS = (0.10, 0.50, 1.00)
COUNTRIES = ("ru", "cn", "ir", "kp", "by", "us", "de", "ae", "tr", "in")


def _line(i: int, n: int) -> dict[str, object]:
    """Entity ``e<i>``; the kind cycles over 10 slots (0-6 things, 7-8 sanctions, 9 a link)."""
    slot = i % 10
    country = COUNTRIES[i % len(COUNTRIES)]

    # an entity about 1000 lines away, in slot k of its group of ten (0-3 companies, 4-5 persons)
    def near(k: int) -> str:
        return f"e{min((i + 1000) % n // 10 * 10 + k, n - 1)}"

    if slot in (0, 1, 2, 3):
        return {
            "id": f"e{i}",
            "schema": "Company",
            "properties": {
                "name": [f"Example Trading Company {i} LLC"],
                "alias": [f"ETC-{i}"],
                "jurisdiction": [country],
                "innCode": [f"{7700000000 + i}"],
                "description": ["A synthetic company for the memory benchmark."],
            },
        }
    if slot in (4, 5):
        return {
            "id": f"e{i}",
            "schema": "Person",
            "properties": {"name": [f"Person Number {i}"], "nationality": [country], "birthDate": ["1970-01-01"]},
        }
    if slot == 6:
        return {
            "id": f"e{i}",
            "schema": "Vessel",
            "properties": {"name": [f"SEA BENCH {i}"], "imoNumber": [f"IMO{9000000 + i}"], "owner": [near(i % 4)]},
        }
    if slot in (7, 8):
        return {
            "id": f"e{i}",
            "schema": "Sanction",
            "properties": {
                "entity": [f"e{i - slot}"],
                "authority": ["Office of Foreign Assets Control" if slot == 7 else "Example Sanctions Authority"],
                "program": [f"Example Program {i % 50}"],
                "programId": [f"EX-PROG-{i % 50}"],
                "startDate": [f"20{10 + i % 15}-0{1 + i % 9}-1{i % 9}"],
                "country": ["us"],
            },
        }
    schema, source, target = (
        ("Ownership", "owner", "asset"),
        ("Directorship", "director", "organization"),
        ("Family", "person", "relative"),
    )[i // 10 % 3]
    return {
        "id": f"e{i}",
        "schema": schema,
        "properties": {source: [f"e{i - 5}"], target: [near(1)], "role": ["x"]},
    }


def generate(path: Path, n: int) -> int:
    """Write N lines; return the file's size in bytes."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(_line(i, n), ensure_ascii=False))
            fh.write("\n")
    return path.stat().st_size


def _rss_mb() -> tuple[float, float]:
    """(peak RSS, current RSS) of this process in MiB."""
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return peak_kb / 1024, pages * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--keep", action="store_true", help="keep the generated file (its path is printed)")
    parser.add_argument("--load", action="store_true", help="write the batches into a throwaway Neo4j")
    parser.add_argument("--heap", default="2g", help="Neo4j heap (with --load)")
    parser.add_argument("--pagecache", default="2g", help="Neo4j page cache (with --load)")
    args = parser.parse_args(argv)

    directory = tempfile.mkdtemp(prefix="regkg-ftm-bench-")
    path = Path(directory) / "bench.ftm.jsonl"
    started = time.perf_counter()
    size = generate(path, args.lines)
    print(f"generated {args.lines:,} lines, {size / (1 << 20):.0f} MiB in {time.perf_counter() - started:.1f}s: {path}")
    peak0, current0 = _rss_mb()
    print(f"before reading: peak RSS {peak0:.0f} MiB, current {current0:.0f} MiB")
    print(f"{'pass':>4} {'done':>5} {'records':>10} {'peak RSS MiB':>13} {'current MiB':>12} {'seconds':>8}")

    reader = FtmReader(path, size=args.batch_size)
    marks = {1: list(CHECKPOINTS), 2: list(CHECKPOINTS)}
    counts = {"entities": 0, "sources": 0, "claims": 0, "rejects": 0}
    started = time.perf_counter()

    def report(phase: int, done: float, records: int) -> None:
        peak, current = _rss_mb()
        seconds = time.perf_counter() - started
        print(f"{phase:>4} {done:>5.0%} {records:>10,} {peak:>13.0f} {current:>12.0f} {seconds:>8.1f}")

    def on_batch(batch: ingest.Loadable) -> None:
        counts["entities"] += len(batch.entities)
        counts["sources"] += len(batch.sources)
        counts["claims"] += len(batch.claims)
        counts["rejects"] += len(getattr(batch, "rejects", ()))
        phase = reader.phase
        done = reader.lines_read / args.lines if phase == 1 else reader.relations_read / max(reader.relations_total, 1)
        while marks[phase] and done >= marks[phase][0] - 1e-9:
            report(phase, marks[phase].pop(0), reader.lines_read if phase == 1 else reader.relations_read)

    if args.load:
        with database(heap=args.heap, pagecache=args.pagecache) as settings, Graph.connect(settings) as graph:
            started = time.perf_counter()
            result = ingest.ingest_stream(
                graph,
                reader,
                loader="ftm",
                inputs=[str(path)],
                input_sha256=input_digest([path]),
                batch_size=args.batch_size,
                on_batch=on_batch,
            )
            seconds = time.perf_counter() - started
            written = result.counts
        peak, _ = _rss_mb()
        print(
            f"loaded {counts['entities']:,} entities, {counts['sources']:,} sources, {counts['claims']:,} claims "
            f"({counts['rejects']:,} rejects) in {seconds:.1f}s: {counts['claims'] / seconds:,.0f} claims/s, "
            f"{args.lines / seconds:,.0f} lines/s; created {written.entities.created:,} entities, "
            f"{written.claims.created:,} claims, {written.facts:,} facts touched; loader peak RSS {peak:.0f} MiB"
        )
    else:
        for batch in reader:
            on_batch(batch)
        print(
            f"read {counts['entities']:,} entities, {counts['sources']:,} sources, {counts['claims']:,} claims, "
            f"{counts['rejects']:,} rejects in {time.perf_counter() - started:.1f}s"
        )
    if not args.keep:
        path.unlink()
        os.rmdir(directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
