"""Screening speed: 10,000 records against the generated graph, by the command and by the API.

    python -m bench.screen_speed --size M [--records 10000] [--seed 7]

1. The generated graph of the size (:mod:`bench.generate`; M: 100,000 entities) loaded into a
   throwaway Neo4j (:func:`bench.load.run`).
2. The records, seeded: 60 % names of the graph's firms and people as they are, 25 % perturbed
   (a letter dropped, the words reversed, a legal form added), 15 % names the graph does not hold
   (made of the same syllables) — types given for half of them.
3. **The command**: ``regkg screen records.csv --out results.csv`` in a process of its own
   (start-up included), timed: records/s, its peak RSS, the time per record per batch (p50/p95).
4. **The API**: ``regkg serve --workers 2``; the same records as ``POST /v1/screen`` requests of
   100 records, two clients at a time: records/s; then 300 single-record requests one at a time:
   p50/p95 per record.

Target: ≥ 200 records/s on this 2-core machine. Prints the figures and writes
``bench/results/<date>-<size>-screen-speed.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from graph.database import Graph
from schema.ontology import EntityType

from . import load
from .common import _settings_env, database, serve_process, summary
from .generate import SIZES, Generator

RESULTS = Path(__file__).resolve().parent / "results"
FORMS = ("LLC", "Ltd", "JSC", "GmbH", "Co., Ltd.")


def records(gen: Generator, n: int, seed: int) -> list[dict[str, str]]:
    r = random.Random(seed * 7919 + 18)
    L = gen.layout
    out: list[dict[str, str]] = []
    for k in range(n):
        kind = r.random()
        if r.random() < 0.7:
            t, count, rtype = EntityType.FIRM, L.firms, "Firm"
        else:
            t, count, rtype = EntityType.PERSON, L.persons, "Person"
        name = gen.name(t, r.randrange(count))
        if kind < 0.60:
            pass
        elif kind < 0.85:
            how = r.randrange(3)
            words = name.split()
            if how == 0 and len(name) > 6:
                i = r.randrange(1, len(name) - 1)
                name = name[:i] + name[i + 1 :]
            elif how == 1 and len(words) > 1:
                name = " ".join(reversed(words))
            else:
                name = f"{name} {r.choice(FORMS)}"
        else:
            other = gen.name(t, r.randrange(count)).split()
            name = " ".join(w[::-1].capitalize() for w in other)  # the same letters, no such name
        out.append({"id": f"r{k}", "name": name, "type": rtype if r.random() < 0.5 else ""})
    return out


def by_command(settings: Any, rows: list[dict[str, str]], work: Path) -> dict[str, Any]:
    src, dst = work / "records.csv", work / "results.csv"
    with src.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "name", "type"])
        w.writeheader()
        w.writerows(rows)
    env = os.environ | _settings_env(settings)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", "screen", str(src), "--out", str(dst), "--batch-size", "100"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"regkg screen failed:\n{done.stdout}\n{done.stderr}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with dst.open(encoding="utf-8") as fh:
        answered = {row["record_id"] for row in csv.DictReader(fh)}
    return {
        "records": len(rows),
        "answered": len(answered),
        "seconds": round(seconds, 2),
        "records_per_s": round(len(rows) / seconds, 1),
        "peak_rss_mb": round(max(rss, before) / 1024, 1),
        "said": done.stdout.strip().splitlines()[-1] if done.stdout.strip() else "",
    }


def by_api(settings: Any, rows: list[dict[str, str]]) -> dict[str, Any]:
    recs = [{k: v for k, v in row.items() if v} for row in rows]
    batches = [recs[i : i + 100] for i in range(0, len(recs), 100)]
    with serve_process(settings, workers=2) as base, httpx.Client(base_url=base, timeout=120) as client:
        client.post("/v1/screen", json={"records": batches[0][:10]}).raise_for_status()  # warm

        def post(batch: list[dict[str, str]]) -> float:
            t = time.perf_counter()
            client.post("/v1/screen", json={"records": batch}).raise_for_status()
            return time.perf_counter() - t

        t = time.perf_counter()
        with ThreadPoolExecutor(2) as pool:
            per_batch = list(pool.map(post, batches))
        seconds = time.perf_counter() - t
        singles = [post([rec]) * 1000 for rec in recs[:300]]
    return {
        "records": len(recs),
        "seconds": round(seconds, 2),
        "records_per_s": round(len(recs) / seconds, 1),
        "batch_of_100_ms": summary([s * 1000 for s in per_batch]),
        "single_record_ms": summary(singles),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="M")
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    pagecache = {"M": "2g", "L": "10g"}.get(args.size, "512m")
    res: dict[str, Any] = {"size": args.size, "records": args.records}
    with database(pagecache=pagecache) as settings, Graph.connect(settings) as graph:
        print(f"loading size {args.size} ...", flush=True)
        load.run(graph, args.size, args.seed)
        rows = records(Generator(SIZES[args.size], args.seed), args.records, args.seed)
        with tempfile.TemporaryDirectory(prefix="regkg-screen-") as work:
            print(f"regkg screen: {len(rows):,} records ...", flush=True)
            res["command"] = by_command(settings, rows, Path(work))
        print("POST /v1/screen ...", flush=True)
        res["api"] = by_api(settings, rows)
    res["date"] = datetime.now(UTC).isoformat(timespec="seconds")
    c, a = res["command"], res["api"]
    print(f"\nregkg screen: {c['records']:,} records in {c['seconds']}s = {c['records_per_s']} records/s "
          f"(target ≥ 200); peak RSS {c['peak_rss_mb']} MB\n  {c['said']}")  # fmt: skip
    print(f"POST /v1/screen, 100 a request, 2 clients: {a['records_per_s']} records/s; a request of 100: "
          f"p50 {a['batch_of_100_ms']['p50']} ms, p95 {a['batch_of_100_ms']['p95']} ms")  # fmt: skip
    print(f"one record a request: p50 {a['single_record_ms']['p50']} ms, p95 {a['single_record_ms']['p95']} ms")
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{datetime.now(UTC):%Y-%m-%d}-{args.size}-screen-speed.json"
    out.write_text(json.dumps(res, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
