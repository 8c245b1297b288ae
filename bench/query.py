"""Read latency on the generated graph: p50/p95/p99 via the API and via the raw driver query.

Cases: search, neighbours of a hub (the biggest country) and of a non-hub firm, paths (k=5,
≤ 4 hops) between a connected and an unconnected pair, provenance of a multi-claim fact, and
exposure of a firm deep in an ownership chain. The API figures are full HTTP round trips to
uvicorn on loopback (httpx, keep-alive, one client); the raw figures run the service's main
Cypher (from ``graph.read_queries``) through ``Graph.read`` — the overhead is everything else:
HTTP, FastAPI, validation, the service's follow-up lookups and JSON.

Run by ``python -m bench.run``; on its own it needs a loaded database (``--size`` must match).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx

from graph import read_queries as q
from graph import reads
from graph.database import Graph
from schema.ontology import EXPOSURE_CHAIN, PREDICATES, Predicate

from .common import summary, timings

CASES = ("search", "neighbors_hub", "neighbors_leaf", "paths_connected", "paths_unconnected", "provenance", "exposure")


def raw_calls(graph: Graph, lm: dict[str, str]) -> dict[str, Callable[[], object]]:
    chain = list(EXPOSURE_CHAIN) + [Predicate.OWNS]
    subject_side = [p for p, s in PREDICATES.items() if s.regulatory and s.target == "subject"]
    object_side = [p for p, s in PREDICATES.items() if s.regulatory and s.target == "object"]
    exposure_q = q.exposure(q.rel_types(chain), q.rel_types(subject_side), q.rel_types(object_side), 4)
    paths_q = q.shortest_paths(reads.ALL_TYPES, 5, 4, False)
    neigh_q = q.neighbors(reads.ALL_TYPES, "both")

    def neigh(eid: str) -> Callable[[], object]:
        return lambda: graph.read(neigh_q, {"id": eid, "stances": None, "as_of": None, "limit": 50})

    def path(a: str, b: str) -> Callable[[], object]:
        return lambda: graph.read(paths_q, {"from": a, "to": b, "stances": None, "as_of": None}, timeout=30)

    return {
        "search": lambda: graph.read(
            q.SEARCH,
            {"lucene": reads.lucene_query(lm["search"]), "type": None, "limit": 20, "offset": 0, "cap": 1000},
        ),
        "neighbors_hub": neigh(lm["hub"]),
        "neighbors_leaf": neigh(lm["non_hub"]),
        "paths_connected": path(lm["path_from"], lm["path_to"]),
        "paths_unconnected": path(lm["path_from"], lm["unconnected"]),
        "provenance": lambda: graph.read(q.PROVENANCE_CLAIMS, {"fact_id": lm["fact"]}),
        "exposure": lambda: graph.read(exposure_q, {"id": lm["exposure"], "as_of": None}, timeout=30),
    }


def api_urls(lm: dict[str, str]) -> dict[str, str]:
    return {
        "search": f"/v1/entities?q={quote(lm['search'])}",
        "neighbors_hub": f"/v1/entities/{lm['hub']}/neighbors?limit=50",
        "neighbors_leaf": f"/v1/entities/{lm['non_hub']}/neighbors?limit=50",
        "paths_connected": f"/v1/paths?from={lm['path_from']}&to={lm['path_to']}&max_hops=4&limit=5",
        "paths_unconnected": f"/v1/paths?from={lm['path_from']}&to={lm['unconnected']}&max_hops=4&limit=5",
        "provenance": f"/v1/facts/{lm['fact']}/provenance",
        "exposure": f"/v1/entities/{lm['exposure']}/exposure?max_hops=4",
    }


def run(graph: Graph, base_url: str, lm: dict[str, str], n: int = 200) -> dict[str, Any]:
    raw = raw_calls(graph, lm)
    urls = api_urls(lm)
    out: dict[str, Any] = {}
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for case in CASES:
            first = client.get(urls[case])
            first.raise_for_status()
            body = first.json()
            api = summary(timings(lambda u=urls[case]: client.get(u).raise_for_status(), n))
            drv = summary(timings(raw[case], n))
            out[case] = {"api": api, "raw": drv, "overhead_p50_ms": round(api["p50"] - drv["p50"], 2),
                         "result_size": _size(case, body)}  # fmt: skip
    return out


def _size(case: str, body: dict[str, Any]) -> int:
    """How much the case returned (so an empty answer does not pass for a fast one)."""
    if case == "search":
        return len(body["items"])
    if case.startswith("neighbors"):
        return len(body["edges"])
    if case.startswith("paths"):
        return len(body["paths"])
    if case == "provenance":
        return len(body["claims"])
    return len(body["actions"])


def print_table(res: dict[str, Any]) -> None:
    head = f"{'case':<19}{'n':>4}{'API p50':>9}{'p95':>8}{'p99':>8}{'raw p50':>9}{'p95':>8}{'p99':>8}{'overhead':>10}"
    print("\n" + head)
    for case, r in res.items():
        a, d = r["api"], r["raw"]
        print(
            f"{case:<19}{r['result_size']:>4}{a['p50']:>9.2f}{a['p95']:>8.2f}{a['p99']:>8.2f}"
            f"{d['p50']:>9.2f}{d['p95']:>8.2f}{d['p99']:>8.2f}{r['overhead_p50_ms']:>8.2f}ms"
        )
    print("(ms; n = items returned; API = HTTP round trip; raw = the main Cypher query alone)")
