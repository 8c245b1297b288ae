"""The initial import (``regkg db import``) vs the transactional load of the same graph, in one run.

    python -m bench.initial --size S [--seed 7] [--batch 5000] [--workers N] [--no-check]

The generated graph's batches are made once and pickled to a temporary file (the generator is
slow, and it is neither path's work); both paths then read the same batches from that file:

- **transactional**: ``graph.ingest.ingest_stream`` into a throwaway migrated database (the
  loaders' ``regkg load`` path: preflight, LoadRun, batched ``Writer``);
- **initial import**: ``graph.initial_import.initial_import`` into a new local database home —
  the writer's checks and merges, the CSV tables (``--workers`` builders side by side; default one
  per core, two at most), ``neo4j-admin database import``, the indexes
  (migrations; no list property is stored empty on either path, so nothing is filled), the LoadRun
  finished, the invariants (``--no-check``: skipped), the swap into place. End to end is every
  phase from the tables to the swap; its claims/s are compared with the transactional claims/s
  (the ratio), and the two graphs' node counts by label and relationship counts by type must be
  identical.
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from config import Settings
from graph import ingest, initial_import, maintenance
from graph.database import Graph
from graph.import_tables import RunInput
from graph.localdb import LocalNeo4j, free_port
from loaders.base import Parsed
from schema.models import digest

from .common import database
from .generate import SIZES, Generator


def _pickle(gen: Generator, path: Path, batch: int) -> dict[str, int]:
    n = {"batches": 0, "entities": 0, "sources": 0, "claims": 0}
    with path.open("wb") as fh:
        for parsed in gen.batches(batch):
            pickle.dump(parsed, fh, protocol=pickle.HIGHEST_PROTOCOL)
            n["batches"] += 1
            for k in ("entities", "sources", "claims"):
                n[k] += len(getattr(parsed, k))
    return n


def _batches(path: Path) -> Iterator[Parsed]:
    with path.open("rb") as fh:
        while True:
            try:
                yield pickle.load(fh)
            except EOFError:
                return


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def transactional(settings: Settings, path: Path, batch: int, sha: str) -> dict[str, Any]:
    with Graph.connect(settings) as g:
        t = time.perf_counter()
        report = ingest.ingest_stream(g, _batches(path), loader="bench", inputs=[str(path)], input_sha256=sha,
                                      batch_size=batch)  # fmt: skip
        seconds = time.perf_counter() - t
        shape = maintenance.shape(g)
    claims = report.counts.claims.created
    return {"seconds": round(seconds, 1), "claims": claims, "claims_per_s": round(claims / seconds),
            "counts": report.counts.as_dict(), "shape": shape, "rss_mb": _rss_mb()}  # fmt: skip


def imported(
    root: Path, path: Path, batch: int, sha: str, heap: str, pagecache: str, check: bool, workers: int | None
) -> dict[str, Any]:
    settings = Settings(env="test", neo4j_uri=f"bolt://127.0.0.1:{free_port()}", neo4j_password="",
                        local_db_dir=root / "home", local_db_heap=heap, local_db_pagecache=pagecache)  # fmt: skip
    spec = RunInput("bench", batches=lambda _resolve: _batches(path), inputs=[str(path)], input_sha256=sha)
    t = time.perf_counter()

    def phase(name: str) -> None:
        print(f"  initial import: {name} ...", flush=True)

    report = initial_import.initial_import(settings, [spec], batch_size=batch, workers=workers, check=check, start=True,
                                           on_phase=phase)  # fmt: skip
    seconds = time.perf_counter() - t
    try:
        with Graph.connect(settings) as g:
            shape = maintenance.shape(g)
    finally:
        LocalNeo4j.from_settings(settings).stop()
    claims = report.claims
    phases = {k: round(v, 1) for k, v in report.phases.items()}
    without_checks = seconds - report.phases.get("checks", 0.0)
    return {"seconds": round(seconds, 1), "claims": claims, "claims_per_s": round(claims / seconds),
            "claims_per_s_without_checks": round(claims / without_checks), "phases": phases,
            "tables_claims_per_s": round(claims / report.phases["tables"]), "csv_mib": round(report.csv_bytes / 2**20),
            "passes": report.passes, "builders": [round(s, 1) for s in report.builders],
            "counts": initial_import.describe_runs(report)[0], "shape": shape,
            "rss_mb": _rss_mb()}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="S")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=5000)
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--pagecache", default=None, help="Neo4j page cache (default 512m, 2g at M, 10g at L)")
    ap.add_argument("--no-check", action="store_true", help="skip the invariant checks of the imported graph")
    ap.add_argument("--workers", type=int, default=None, help="table builders (default: one per core, two at most)")
    args = ap.parse_args(argv)
    pagecache = args.pagecache or {"M": "2g", "L": "10g"}.get(args.size, "512m")
    gen = Generator(SIZES[args.size], args.seed)
    sha = digest(gen.ns, gen.layout.n, gen.seed, length=64)
    with tempfile.TemporaryDirectory(prefix="regkg-bench-initial-") as tmp:
        path = Path(tmp) / "batches.pickle"
        print(f"initial import bench, size {args.size}: generating the graph once ...", flush=True)
        t = time.perf_counter()
        made = _pickle(gen, path, args.batch)
        gen_s = time.perf_counter() - t
        print(f"  {made['claims']:,} claims, {made['entities']:,} entities in {gen_s:.1f}s "
              f"({path.stat().st_size / 2**20:,.0f} MiB pickled)", flush=True)  # fmt: skip
        print("transactional load (ingest_stream into a migrated database) ...", flush=True)
        with database(heap=args.heap, pagecache=pagecache) as settings:
            tx = transactional(settings, path, args.batch, sha)
        print(f"  {tx['seconds']}s, {tx['claims_per_s']:,} claims/s", flush=True)
        print("initial import (regkg db import's path) ...", flush=True)
        imp = imported(Path(tmp), path, args.batch, sha, args.heap, pagecache, not args.no_check, args.workers)
    same = tx["shape"] == imp["shape"]
    print(f"\ninitial import vs transactional load, size {args.size} ({made['claims']:,} claims, "
          f"{made['entities']:,} entities; generation {gen_s:.1f}s, not counted)")  # fmt: skip
    print(f"  transactional   {tx['seconds']:>8}s   {tx['claims_per_s']:>8,} claims/s")
    print(f"  initial import  {imp['seconds']:>8}s   {imp['claims_per_s']:>8,} claims/s end to end "
          f"({imp['claims_per_s_without_checks']:,} without the invariant checks)")  # fmt: skip
    print(f"  ratio           {imp['claims_per_s'] / tx['claims_per_s']:>8.1f}x")
    print(f"  phases (s)      {imp['phases']}  — tables {imp['tables_claims_per_s']:,} claims/s, "
          f"{imp['csv_mib']} MiB CSV, {imp['passes']} pass(es), builders {imp['builders']} s")  # fmt: skip
    print(f"  counts by label and type identical: {same}")
    run_counts = {k: v for k, v in imp["counts"].items() if k not in ("loader", "run_id")}
    print(f"  load run counts identical: {tx['counts'] == run_counts}")
    print(f"  peak RSS of this process: {imp['rss_mb']} MiB (after both)")
    if not same:
        print(json.dumps({"transactional": tx["shape"], "import": imp["shape"]}, indent=1))
    figures = {"size": args.size, "generation_s": round(gen_s, 1), "identical": same,
               "transactional": {k: v for k, v in tx.items() if k != "shape"},
               "initial_import": {k: v for k, v in imp.items() if k != "shape"}}  # fmt: skip
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
