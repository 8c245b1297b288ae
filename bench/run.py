"""The benchmark suite in one throwaway database: load, query latency, concurrent HTTP load.

    python -m bench.run --size XS|S|M|L [--http-seconds 15] [--levels 8,32,64] [--workers 2] [--n 200]

1. :mod:`bench.load` — full load of the generated graph with our writer, then ours vs the naive
   baseline on a sample, then the batch-size sweep (sample copies in their own id namespaces,
   loaded after the reads so the read figures see only the generated graph).
2. :mod:`bench.query` — p50/p95/p99 per read, API vs raw driver.
3. :mod:`bench.load_http` — mixed reads at 8, 32 and 64 concurrent clients, and the client's own
   ceiling on ``/health``.
4. :mod:`bench.resolution` — twins for ~5 % of the firms from "another source", resolution (time,
   pairs found) and the reads with the clusters vs without them (p95 ratio), in the same run.

2 and 3 run against a real `regkg serve --workers N` process (default 2 workers: one per core;
more only add context switches on a 2-core machine that also runs Neo4j — see the README), with
its output in ``$TMPDIR/regkg-bench-<size>-serve.log``.

Prints the tables and writes ``bench/results/<date>-<size>.json`` with the machine (CPU count,
memory), the Neo4j and driver versions, and every figure.

``--initial`` runs :mod:`bench.initial` instead: ``regkg db import``'s path against the writer on
the same generated graph (end-to-end claims/s, phases, counts compared).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import neo4j

from graph.database import Graph

from . import initial, load, load_http, offline_import, query, resolution
from .common import database, serve_process
from .generate import SIZES, Generator

RESULTS = Path(__file__).resolve().parent / "results"


def _memory_gb() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1)
    except (ValueError, OSError, AttributeError):
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="XS")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=5000, help="writer batch size for the full load")
    ap.add_argument("--sample", type=int, default=10000, help="claims in the naive / sweep sample")
    ap.add_argument("--n", type=int, default=200, help="timed requests per query case")
    ap.add_argument("--http-seconds", type=float, default=15.0)
    ap.add_argument("--levels", default="8,32,64", help="concurrent clients, comma separated")
    ap.add_argument("--workers", type=int, default=2, help="`regkg serve` worker processes")
    ap.add_argument("--client", choices=load_http.CLIENTS, default="raw", help="HTTP client of the load generator")
    ap.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    ap.add_argument("--naive-seconds", type=float, default=60.0, help="time cap of the naive baseline")
    ap.add_argument("--request-log", action="store_true", help="keep the API's per-request log lines")
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--pagecache", default=None, help="Neo4j page cache (default 512m, 2g at M, 4g at L)")
    ap.add_argument(
        "--offline",
        action="store_true",
        help="build the graph with neo4j-admin import (bench.offline_import) instead of our writer; "
        "the reads then run on it, and the writer is measured on the samples only",
    )
    ap.add_argument("--no-resolution", action="store_true", help="skip the resolution benchmark")
    ap.add_argument("--keep", type=Path, help="with --offline: keep (and reuse) the imported database here")
    ap.add_argument(
        "--initial",
        action="store_true",
        help="instead of the suite: regkg db import's path (validation, CSVs, neo4j-admin import, indexes, checks) "
        "vs the transactional writer on the same generated graph, counts compared (bench.initial)",
    )
    args = ap.parse_args()
    if args.initial:
        argv = ["--size", args.size, "--seed", str(args.seed), "--batch", str(args.batch), "--heap", args.heap]
        initial.main(argv + (["--pagecache", args.pagecache] if args.pagecache else []))
        return
    if args.pagecache is None:
        args.pagecache = {"M": "2g", "L": "10g"}.get(args.size, "512m")  # the store fits (L: 7.7 GB)
    levels = tuple(int(x) for x in args.levels.split(",") if x)

    started = time.perf_counter()
    result: dict[str, Any] = {
        "size": args.size,
        "entities_requested": SIZES[args.size],
        "seed": args.seed,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "memory_gb": _memory_gb(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "driver_version": neo4j.__version__,
        "neo4j_heap": args.heap,
        "neo4j_pagecache": args.pagecache,
        "request_log": args.request_log,
        "api_workers": args.workers,
        "http_client": args.client,
        "offline": args.offline,
    }
    with ExitStack() as stack:
        if args.offline:
            heap = args.heap if args.heap != "1g" else "2g"
            settings, imported = stack.enter_context(
                offline_import.imported(args.size, args.seed, heap=heap, pagecache=args.pagecache, keep=args.keep)
            )
            result["offline_import"] = imported
        else:
            settings = stack.enter_context(database(heap=args.heap, pagecache=args.pagecache))
        graph = stack.enter_context(Graph.connect(settings))
        result["neo4j_version"] = graph.server_version()
        gen = Generator(SIZES[args.size], args.seed)
        lm = gen.landmarks()
        result["landmarks"] = lm

        res_load = {} if args.offline else load.run(graph, args.size, args.seed, args.batch)
        serve_log = Path(tempfile.gettempdir()) / f"regkg-bench-{args.size}-serve.log"
        serve_log.unlink(missing_ok=True)
        # without --request-log the API writes no line per request (as before, when it ran in-process)
        with serve_process(settings, args.workers, request_log=args.request_log, log=serve_log) as base:
            print(f"query latency: {args.n} timed requests per case ...", flush=True)
            result["query"] = query.run(graph, base, lm, args.n)
            result["http"] = load_http.run(base, lm, levels, args.http_seconds, client=args.client)
            result["client_ceiling"] = load_http.ceiling(base, max(levels, default=32), client=args.client)
        if not args.no_resolution:
            result["resolution"] = resolution.run(graph, gen, min(args.n, 100))
        # the sample loads (naive, ours, sweep) come after the reads: they add sample copies
        if result.get("offline_import", {}).get("reused"):
            sample: dict[str, Any] = {}  # the kept database holds the sample copies of its first run
        else:
            sample = load.run_samples(
                graph,
                args.seed,
                args.sample,
                naive=not args.no_naive,
                naive_seconds=args.naive_seconds,
                batch_size=args.batch,
            )
        result["load"] = res_load | sample

    result["total_seconds"] = round(time.perf_counter() - started, 1)
    if args.offline:
        offline_import.print_figures(result["offline_import"])
    load.print_table(result["load"])
    query.print_table(result["query"])
    load_http.print_table(result["http"], result["client_ceiling"])
    if "resolution" in result:
        resolution.print_table(result["resolution"])
    print(f"(regkg serve --workers {args.workers})")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{datetime.now(UTC):%Y-%m-%d}-{args.size}{'-offline' if args.offline else ''}.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"\nwrote {out} ({result['total_seconds']}s in all)")


if __name__ == "__main__":
    main()
