"""The initial import's tables alone (``graph.import_build.build``), by one builder and by two.

    python -m bench.tables --size M [--seed 7] [--batch 5000] [--rounds 2]

The generated graph's batches are pickled once (as ``bench.initial`` does); then each round
builds the tables from them with one builder and with two, in alternating order, into a temporary
directory (no database). Prints each build's seconds, its claims/s, each builder's seconds, the
peak RSS, and the ratio of two builders to one in the same run.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from graph.import_build import build
from graph.import_tables import RunInput

from .generate import SIZES, Generator
from .initial import _batches, _pickle


def _once(pickled: Path, directory: Path, workers: int, batch: int) -> tuple[float, int, list[float]]:
    spec = RunInput("bench", batches=lambda _r: _batches(pickled), inputs=[str(pickled)], input_sha256="0" * 64)
    began = time.perf_counter()
    built = build(directory, [spec], batch_size=batch, workers=workers)
    return time.perf_counter() - began, built.claims, built.builders


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="S")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=5000)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="regkg-bench-tables-") as tmp:
        pickled = Path(tmp) / "batches.pickle"
        made = _pickle(Generator(SIZES[args.size], args.seed), pickled, args.batch)
        print(f"tables bench, size {args.size}: {made['claims']:,} claims, {made['entities']:,} entities", flush=True)
        seconds: dict[int, list[float]] = {1: [], 2: []}
        for r in range(args.rounds):
            for workers in (1, 2) if r % 2 == 0 else (2, 1):
                s, claims, builders = _once(pickled, Path(tmp) / f"r{r}w{workers}", workers, args.batch)
                seconds[workers].append(s)
                print(f"  round {r + 1}, {workers} builder(s): {s:6.1f} s, {claims / s:,.0f} claims/s, "
                      f"builders {[round(b, 1) for b in builders]} s", flush=True)  # fmt: skip
    best = {w: min(v) for w, v in seconds.items()}
    print(f"best: one builder {best[1]:.1f} s, two {best[2]:.1f} s, ratio {best[1] / best[2]:.2f}x; "
          f"peak RSS of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
