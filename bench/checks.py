"""The graph's invariant checks (``graph.invariants.violations``, what ``regkg check`` and the initial
import run) timed alone on a generated graph, in one process per run.

    python -m bench.checks --size L --keep DIR [--runs 1]

The graph: ``bench.offline_import``'s (``--keep`` reuses an imported one); the server is started
anew, as after an initial import. Prints each run's seconds and what the checks found. Not a test.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from graph import invariants
from graph.database import Graph

from .generate import SIZES
from .offline_import import imported


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="M")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the imported database in this directory")
    ap.add_argument("--pagecache", default=None, help="Neo4j page cache (default 4g, 10g at L)")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args(argv)
    pagecache = args.pagecache or ("10g" if args.size == "L" else "4g")
    with imported(args.size, args.seed, keep=args.keep, pagecache=pagecache) as (settings, _figures):
        with Graph.connect(settings) as graph:
            for run in range(args.runs):
                began = time.perf_counter()
                found = invariants.violations(graph)
                seconds = time.perf_counter() - began
                broken = {k: len(v) for k, v in found.items() if v}
                print(f"checks, size {args.size}, run {run + 1}: {seconds:.1f} s; {broken or 'all invariants hold'}")


if __name__ == "__main__":
    main()
