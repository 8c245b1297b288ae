"""Monitoring and the ownership rule at scale (issue 19).

    python -m bench.monitor --size M [--seed 7] [--records 10000] [--share 0.01]

1. The generated graph loaded as version 1 of a list series (:func:`bench.refresh.load_version`).
2. Two watchlists of the same ``--records`` records (:func:`bench.screen_speed.records`: names of
   the graph's firms and people as they are, misspelt, reordered, with legal forms, or made up),
   each screened once: their baseline (timed).
3. Version 2, derived with ``--share`` of the listings removed, as many added and as many changed
   (:func:`bench.refresh.derive`), loaded as the command loads it (only what differs).
4. **Incremental**: the first watchlist caught up from the change feed (timed: the records a
   change reached re-screened, alerts written); **full**: the second re-screened in full (timed).
   Their alerts must be the same (record, entity, kind, causes) — PASS or FAIL.
5. **Ownership**: the 50 % rule (:func:`ownership.service.assess_entity`) for the 200 owned
   entities with the most owners above them (the deepest chains), each asked 3 times: p50 / p95.

Prints the figures and writes ``bench/results/<date>-<size>-monitor.json``.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from graph import ingest, watch
from graph.database import Graph
from graph.ownership import owned
from ownership import service as ownership_rule
from screen import monitor
from screen.records import ScreenRecord

from .common import database, summary
from .generate import SIZES, Generator
from .load import peak_rss_mb, warm_up
from .refresh import DAYS, derive, first, load_version
from .screen_speed import records as speed_records

RESULTS = Path(__file__).resolve().parent / "results"


def _key(a: dict[str, Any]) -> tuple[Any, ...]:
    return (a["record_key"], a["entity_id"], a["kind"], tuple(sorted((c["fact_id"], c["change"]) for c in a["causes"])))


def _alerts(graph: Graph, wid: str) -> list[dict[str, Any]]:
    return watch.alerts(graph, watchlist=wid, since=None, acknowledged=None, limit=100_000, offset=0)["items"]


def ownership_case(graph: Graph, n: int = 200, repeat: int = 3) -> dict[str, Any]:
    """The rule for the ``n`` owned entities with the largest trees above them."""
    ids = owned(graph)
    sized = []
    for eid in ids:
        f = ownership_rule.assess_entity(graph, eid)
        sized.append((_size(f["tree"]), _depth(f["tree"]), eid))
    sized.sort(reverse=True)
    deepest = sized[:n]
    times = []
    for _ in range(repeat):
        for _nodes, _levels, eid in deepest:
            t = time.perf_counter()
            ownership_rule.assess_entity(graph, eid)
            times.append((time.perf_counter() - t) * 1000)
    return {
        "owned_entities": len(ids),
        "asked": len(deepest),
        "deepest_levels": max((d for _s, d, _e in deepest), default=0),
        "largest_tree_nodes": max((s for s, _d, _e in deepest), default=0),
        "ms": summary(times),
    }


def _size(node: dict[str, Any]) -> int:
    return 1 + sum(_size(h["node"]) for h in node.get("holdings", []))


def _depth(node: dict[str, Any]) -> int:
    return max((1 + _depth(h["node"]) for h in node.get("holdings", [])), default=0)


def run(graph: Graph, size: str, seed: int, n_records: int, share: float) -> dict[str, Any]:
    warm_up(graph, seed)
    gen = Generator(SIZES[size], seed)
    v1 = first(gen)
    v2 = derive(gen, v1, share, salt=2)
    res: dict[str, Any] = {"size": size, "seed": seed, "records": n_records, "share": share}
    print(f"version 1: size {size} ({gen.layout.n:,} entities); full load ...", flush=True)
    ingest.AFTER_RUN.clear()  # caught up by hand below, timed
    res["load_seconds"] = load_version(graph, gen, v1, DAYS[0], 5000)["seconds"]
    rows = speed_records(gen, n_records, seed)
    recs = [ScreenRecord.model_validate({k: v for k, v in r.items() if v}) for r in rows]
    print(f"two watchlists of {n_records:,} records: baseline screenings ...", flush=True)
    t = time.perf_counter()
    inc = monitor.add(graph, "bench incremental", recs, by="bench")
    res["baseline_seconds"] = round(time.perf_counter() - t, 2)
    res["baseline_exposed_matches"] = inc["exposed_matches"]
    full = monitor.add(graph, "bench full", recs, by="bench")
    print(f"version 2: {dict(v2.expected)}; loaded ...", flush=True)
    res["version_2"] = {**dict(v2.expected), "seconds": load_version(graph, gen, v2, DAYS[1], 5000)["seconds"]}
    t = time.perf_counter()
    report = monitor.catch_up(graph, inc["id"])
    res["incremental"] = report | {"seconds": round(time.perf_counter() - t, 2)}
    t = time.perf_counter()
    report = monitor.catch_up(graph, full["id"], full=True)
    res["full"] = report | {"seconds": round(time.perf_counter() - t, 2)}
    res["incremental_over_full"] = round(res["incremental"]["seconds"] / res["full"]["seconds"], 3)
    a, b = sorted(map(_key, _alerts(graph, inc["id"]))), sorted(map(_key, _alerts(graph, full["id"])))
    res["alerts"] = {"incremental": len(a), "full": len(b), "same": a == b}
    res["alert_kinds"] = {k: sum(1 for x in a if x[2] == k) for k in ("new", "changed", "ended")}
    print("ownership of the deepest chains ...", flush=True)
    res["ownership"] = ownership_case(graph)
    res["peak_rss_mb"] = peak_rss_mb()
    res["pass"] = res["alerts"]["same"]
    return res


def print_table(res: dict[str, Any]) -> None:
    i, f = res["incremental"], res["full"]
    print(f"\nmonitoring at {res['size']}: {res['records']:,} watched records, a {res['share']:.0%} version change")
    print(f"  baseline screening of the records        {res['baseline_seconds']:>8.1f} s")
    print(f"  incremental catch-up: {i['rescreened']:>6,} re-screened {i['seconds']:>8.2f} s  ({i['alerts']} alerts)")
    print(f"  full re-screen:       {f['rescreened']:>6,} re-screened {f['seconds']:>8.2f} s  ({f['alerts']} alerts)")
    print(f"  incremental / full = {res['incremental_over_full']}; same alerts: {res['alerts']['same']} "
          f"{res['alert_kinds']}")  # fmt: skip
    o = res["ownership"]
    print(f"ownership rule: {o['asked']} deepest of {o['owned_entities']:,} owned entities "
          f"(up to {o['deepest_levels']} levels, {o['largest_tree_nodes']} nodes): "
          f"p50 {o['ms']['p50']:.1f} ms, p95 {o['ms']['p95']:.1f} ms")  # fmt: skip
    print("PASS" if res["pass"] else "FAIL")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="S")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--share", type=float, default=0.01)
    args = parser.parse_args()
    with database() as settings, Graph.connect(settings) as graph:
        res = run(graph, args.size, args.seed, args.records, args.share)
    print_table(res)
    day = datetime.now(UTC).date().isoformat()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{day}-{args.size}-monitor.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
