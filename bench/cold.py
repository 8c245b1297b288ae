"""Cold combinations: the first request of each new limit / max_hops / filter combination of paths.

    python -m bench.cold --size S          (a throwaway Neo4j, the generated graph loaded first)

Neo4j plans a query the first time it meets its text with its parameters' types; a path query
takes seconds to plan and milliseconds to run. regkg's path queries come in 8 shapes
(graph/warm.py), planned when the API starts. Measured here, in one run, through `regkg serve`
started with REGKG_WARM_QUERIES=false:

1. **plan**: the first request of one shape nothing has planned yet — what every new combination
   cost before the shapes (the baseline);
2. **warm-up**: planning all 8 shapes (graph.warm.warm, what the API does in the background);
3. **cold combinations**: 20 distinct limit / max_hops / predicate / stance / as_of combinations
   of the same path case, each asked once (p50, p95, max), then once again (its repeat);
4. **warm**: the path case at limit 5, max_hops 4 repeated (its p95) — the target is cold p95 ≤
   2 × warm p95; a combination asking for 20 paths 6 hops deep does more work than that case, so
   the first calls are also set against their own repeats.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

from graph import warm
from graph.database import Graph

from . import load
from .common import database, serve_process, summary
from .generate import SIZES, Generator
from .query import MAX_DEGREE, _Http

PREDICATES = ("", "owns", "listed-on,sanctioned-by", "subsidiary-of,owns", "headquartered-in,owns,part-of")
STANCES = ("", "asserted", "alleged,asserted")
DATES = ("", "2020-06-30", "2016-01-01")


def combinations(n: int = 20) -> list[dict[str, Any]]:
    """``n`` distinct combinations (deterministic), none of them the warm case's (limit 5, max_hops 4, no filter)."""
    out: list[dict[str, Any]] = []
    grid = itertools.product((1, 2, 3, 4, 6, 8, 10, 12, 15, 20), (1, 2, 3, 5, 6), PREDICATES, STANCES, DATES)
    for i, (limit, hops, preds, stances, as_of) in enumerate(grid):
        if i % 97:  # a spread over the grid, not its first corner
            continue
        params = {"limit": limit, "max_hops": hops, "predicates": preds, "stances": stances, "as_of": as_of}
        out.append({k: v for k, v in params.items() if v != ""})
        if len(out) == n:
            break
    return out


def run(graph: Graph, base_url: str, lm: dict[str, str], n_warm: int = 100) -> dict[str, Any]:
    ends = {"from": lm["path_from"], "to": lm["path_to"]}
    client = _Http(base_url)

    def ask(params: dict[str, Any]) -> float:
        t = time.perf_counter()
        json.loads(client.get("/v1/paths?" + urlencode(ends | params)))
        return (time.perf_counter() - t) * 1000

    try:
        plan_ms = ask({"limit": 20, "max_hops": 6, "directed": "true"})  # a shape nothing planned yet
        t = time.perf_counter()
        shapes = warm.warm(graph, MAX_DEGREE)
        warm_s = time.perf_counter() - t
        cold: list[float] = []
        repeat: list[float] = []
        combos = combinations()
        for combo in combos:  # each asked once, then again: its first call against its repeat
            cold.append(ask(combo))
            repeat.append(ask(combo))
        for _ in range(10):
            ask({"limit": 5, "max_hops": 4})
        warm_ms = [ask({"limit": 5, "max_hops": 4}) for _ in range(n_warm)]
    finally:
        client.close()
    c, r, w = summary(cold), summary(repeat), summary(warm_ms)
    return {
        "plan_first_request_ms": round(plan_ms, 1),
        "warm_up": {"shapes": shapes, "seconds": round(warm_s, 1)},
        "cold_combinations": {"n": len(cold), **c, "max": round(max(cold), 2)},
        "their_repeats": {"n": len(repeat), **r, "max": round(max(repeat), 2)},
        "warm": {"n": len(warm_ms), **w},
        "cold_p95_over_repeat_p95": round(c["p95"] / r["p95"], 2),
        "cold_p95_over_warm_p95": round(c["p95"] / w["p95"], 2),
        "slowest": [
            {"params": combos[i], "first_ms": round(cold[i], 1), "repeat_ms": round(repeat[i], 1)}
            for i in sorted(range(len(cold)), key=lambda i: -cold[i])[:4]
        ],
    }


def print_table(res: dict[str, Any]) -> None:
    c, r, w = res["cold_combinations"], res["their_repeats"], res["warm"]
    print(f"\nfirst request of an unplanned path shape (the baseline): {res['plan_first_request_ms']:.0f} ms")
    print(f"warm-up: {res['warm_up']['shapes']} shapes planned in {res['warm_up']['seconds']} s")
    print(f"{'paths_connected':<28}{'n':>4}{'p50':>9}{'p95':>9}{'max':>9}")
    print(f"{'  20 cold combinations':<28}{c['n']:>4}{c['p50']:>9.2f}{c['p95']:>9.2f}{c['max']:>9.2f}")
    print(f"{'  the same, asked again':<28}{r['n']:>4}{r['p50']:>9.2f}{r['p95']:>9.2f}{r['max']:>9.2f}")
    print(f"{'  limit 5, max_hops 4 (warm)':<28}{w['n']:>4}{w['p50']:>9.2f}{w['p95']:>9.2f}")
    print(
        f"cold p95 / its repeats' p95 = {res['cold_p95_over_repeat_p95']}, cold p95 / warm p95 = "
        f"{res['cold_p95_over_warm_p95']} (target ≤ 2)   (ms, HTTP round trips)"
    )
    for x in res["slowest"]:
        print(f"  slowest: {x['first_ms']:>7.1f} ms first, {x['repeat_ms']:>7.1f} ms again: {x['params']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="S")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with database() as settings, Graph.connect(settings) as graph:
        load.run(graph, args.size, args.seed)
        lm = Generator(SIZES[args.size], args.seed).landmarks()
        quiet = settings.model_copy(update={"warm_queries": False, "query_timeout": 120.0})  # planning is slow
        with serve_process(quiet, workers=1) as base:
            res = run(graph, base, lm)
    print_table(res)
    print(json.dumps(res))


if __name__ == "__main__":
    main()
