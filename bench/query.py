"""Read latency on the generated graph: p50/p95/p99 via the API and via the raw driver query.

Cases: search, neighbours of a hub (the biggest country) and of a non-hub firm, paths (k=5,
≤ 4 hops, hubs not walked through) from a firm deep in an ownership chain to the country an
ancestor is based in (a hub end), to its furthest ancestor (two non-hub ends) and to an entity
related to nothing, and between the two biggest countries (two hub ends: the slow case, timed
``HUB_N`` times only), provenance of a multi-claim fact, and exposure of that deep firm. The API
figures are full HTTP round trips to `regkg serve` on loopback (one keep-alive connection, the
standard library's client); the raw figures run the queries the service runs for the case (its
plan's steps with the same parameters, recorded once) through ``Graph.read_plain`` — the overhead
is everything else: HTTP, FastAPI, validation, shaping and JSON. The two are timed in alternating
blocks, so both see the same machine.

Run by ``python -m bench.run``; on its own it needs a loaded database (``--size`` must match).
"""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlsplit

from config import Settings
from graph import ownership as ownership_reads
from graph import reads
from graph.database import Graph
from ownership import service as ownership_rule

from .common import summary

CASES = (
    "search",
    "neighbors_hub",
    "neighbors_leaf",
    "paths_connected",
    "paths_pair",
    "paths_unconnected",
    "paths_hubs",
    "provenance",
    "exposure",
)
# The hub-to-hub path walks a hub's edges (≈ 0.2 s at L, 12 ms at M on 2026-12-07; seconds before the paths
# work). 10 a side gave an L "overhead" of -1.5 ms in one round and +4.6 ms in the next: 40, in blocks.
HUB_N = 40
MAX_DEGREE = 1000  # the API's default (REGKG_PATH_MAX_DEGREE)


def raw_calls(graph: Graph, lm: dict[str, str]) -> dict[str, Callable[[], object]]:
    """Each case's queries, run as the service runs them (``Graph.read_plain``): the steps of the
    service's own plan with the API's defaults, recorded once (:func:`_replay`) — one query, and
    a second where the service runs one (a hub's pages per group, why there is no path)."""
    lists = ownership_rule.blocking_lists(ownership_rule.Options.of(Settings()).block_kinds)

    def path(a: str, b: str) -> Callable[[], object]:
        return _replay(graph, reads.paths.plan(a, b, max_hops=4, limit=5, predicates=None, stances=None, as_of=None,
                                               directed=False, timeout=30, max_degree=MAX_DEGREE))  # fmt: skip

    return {
        "search": _replay(graph, reads.search.plan(lm["search"], None, 20, 0)),
        "neighbors_hub": _replay(graph, reads.neighbors.plan(lm["hub"], None, "both", None, None, 50)),
        "neighbors_leaf": _replay(graph, reads.neighbors.plan(lm["non_hub"], None, "both", None, None, 50)),
        "paths_connected": path(lm["path_from"], lm["path_to"]),
        "paths_pair": path(lm["path_from"], lm["path_pair_to"]),
        "paths_unconnected": path(lm["path_from"], lm["unconnected"]),
        "paths_hubs": path(lm["hub"], lm["hub_other"]),
        "provenance": _replay(graph, reads.provenance.plan(lm["fact"])),
        "exposure": _replay(graph, ownership_reads.exposure.plan(lm["exposure"], 4, None, 30, "mark", None, lists)),
    }


def _replay(graph: Graph, plan: reads.Plan[Any]) -> Callable[[], object]:
    """The queries a service's plan runs, without the shaping in between: the first call runs the
    plan and records each step's query and parameters, later calls run the recorded steps (a
    case whose API probe fails is skipped before its plan runs)."""
    steps: list[reads.Step] = []

    def call() -> object:
        if not steps:
            try:
                step = next(plan)
                while True:
                    steps.append(step)
                    step = plan.send(graph.read_plain(step[0], step[1], timeout=step[2]))
            except StopIteration:
                return None
        return [graph.read_plain(query, params, timeout=timeout) for query, params, timeout in steps]

    return call


def api_urls(lm: dict[str, str]) -> dict[str, str]:
    return {
        "search": f"/v1/entities?q={quote(lm['search'])}",
        "neighbors_hub": f"/v1/entities/{lm['hub']}/neighbors?limit=50",
        "neighbors_leaf": f"/v1/entities/{lm['non_hub']}/neighbors?limit=50",
        "paths_connected": f"/v1/paths?from={lm['path_from']}&to={lm['path_to']}&max_hops=4&limit=5",
        "paths_pair": f"/v1/paths?from={lm['path_from']}&to={lm['path_pair_to']}&max_hops=4&limit=5",
        "paths_unconnected": f"/v1/paths?from={lm['path_from']}&to={lm['unconnected']}&max_hops=4&limit=5",
        "paths_hubs": f"/v1/paths?from={lm['hub']}&to={lm['hub_other']}&max_hops=4&limit=5",
        "provenance": f"/v1/facts/{lm['fact']}/provenance",
        "exposure": f"/v1/entities/{lm['exposure']}/exposure?max_hops=4",
    }


class _Http:
    """A keep-alive HTTP/1.1 connection from the standard library: it costs the client a fraction
    of what httpx does per request, so the API figure is the server's, not the client's."""

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        self.conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=60)
        self.db_ms: list[float] = []  # each answer's Server-Timing db (the server's time in Neo4j)
        self.app_ms: list[float] = []  # and its app (the server's time until the answer's first byte)

    def get(self, url: str) -> bytes:
        try:
            self.conn.request("GET", url)
            response = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # the server closed the idle keep-alive connection (uvicorn: after 5 s): once more
            self.conn.close()
            self.conn.request("GET", url)
            response = self.conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {url}: {response.status} {body[:300]!r}")
        header = response.getheader("server-timing") or ""
        self.db_ms.append(_timing(header, "db"))
        self.app_ms.append(_timing(header, "app"))
        return body

    def close(self) -> None:
        self.conn.close()


def _timing(header: str, metric: str) -> float:
    """``db;dur=12.34, app;dur=13.5`` → 12.34 for ``db`` (NaN when the server sent none)."""
    for part in header.split(","):
        name, _, dur = part.strip().partition(";dur=")
        if name == metric:
            return float(dur)
    return float("nan")


BLOCK = 20  # requests per side before switching (see _paired)


def _paired(
    api: Callable[[], object], raw: Callable[[], object], n: int, warmup: tuple[int, int, float] = (10, 100, 3.0)
) -> tuple[list[float], list[float]]:
    """Time the API call and the raw query in alternating blocks of ``BLOCK``, so both see the
    same machine (other jobs on a shared machine come and go; measured one after the other,
    they would not) — in blocks, not request by request: switching every request leaves each
    side's threads (the API worker, Neo4j's Bolt thread for that connection) to go idle and
    wake up again each time, which added 1–3 ms to *both* figures here, where a service under
    steady use keeps them warm.

    Warm-up ``(at least, at most, seconds)``: pairs until both bounds allow it — a server that has
    just started (as after an offline import) runs a query interpreted until the JVM has compiled
    it, and steady state is what a running service answers with."""
    low, high, seconds = warmup
    began = time.perf_counter()
    for i in range(high):
        if i >= low and time.perf_counter() - began > seconds:
            break
        api()
        raw()
    a: list[float] = []
    r: list[float] = []
    while len(a) < n:
        for fn, out in ((api, a), (raw, r)):
            for _ in range(min(BLOCK, n - len(out))):
                t = time.perf_counter()
                fn()
                out.append((time.perf_counter() - t) * 1000)
    return a, r


def run(graph: Graph, base_url: str, lm: dict[str, str], n: int = 200) -> dict[str, Any]:
    raw = raw_calls(graph, lm)
    urls = api_urls(lm)
    out: dict[str, Any] = {}
    client = _Http(base_url)
    try:
        for case in CASES:
            t = time.perf_counter()
            try:  # one probe first: a case that fails or times out is reported, not fatal
                raw_body = client.get(urls[case])
                body = json.loads(raw_body)
            except (RuntimeError, OSError) as exc:
                seconds = round(time.perf_counter() - t, 1)
                print(f"  {case}: {type(exc).__name__} after {seconds}s: {str(exc)[:200]}", flush=True)
                out[case] = {"error": f"{type(exc).__name__}: {str(exc)[:300]}", "seconds": seconds}
                client.close()
                client = _Http(base_url)
                continue
            reps, warm = (min(n, HUB_N), (2, 2, 0.0)) if case == "paths_hubs" else (n, (10, 100, 3.0))
            api_ms, raw_ms = _paired(lambda u=urls[case], c=client: c.get(u), raw[case], reps, warm)
            api, drv = summary(api_ms), summary(raw_ms)
            # the same requests' time beside the database (round trip - the server's Server-Timing db): the
            # query's own spread, which the two sides' p50s each carry, cancels out request by request
            beside = summary([a - d for a, d in zip(api_ms, client.db_ms[-len(api_ms) :], strict=True)])
            # of which the server's own (Server-Timing app - db: up to the answer's first byte); the rest is the
            # answer's bytes crossing the loopback and the client reading them
            inside = summary(
                [a - d for a, d in zip(client.app_ms[-len(api_ms) :], client.db_ms[-len(api_ms) :], strict=True)]
            )
            out[case] = {"api": api, "raw": drv, "overhead_p50_ms": round(api["p50"] - drv["p50"], 2),
                         "beside_db_p50_ms": beside["p50"], "server_beside_db_p50_ms": inside["p50"],
                         "bytes": len(raw_body), "result_size": _size(case, body)}  # fmt: skip
    finally:
        client.close()
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
    head = (
        f"{'case':<19}{'n':>4}{'API p50':>9}{'p95':>8}{'p99':>8}{'raw p50':>9}{'p95':>8}{'p99':>8}{'overhead':>10}"
        f"{'beside db':>11}{'server':>9}{'bytes':>9}"
    )
    print("\n" + head)
    for case, r in res.items():
        if "error" in r:
            print(f"{case:<19}   -  failed after {r['seconds']}s: {r['error'][:80]}")
            continue
        a, d = r["api"], r["raw"]
        print(
            f"{case:<19}{r['result_size']:>4}{a['p50']:>9.2f}{a['p95']:>8.2f}{a['p99']:>8.2f}"
            f"{d['p50']:>9.2f}{d['p95']:>8.2f}{d['p99']:>8.2f}{r['overhead_p50_ms']:>8.2f}ms"
            f"{r.get('beside_db_p50_ms', float('nan')):>9.2f}ms"
            f"{r.get('server_beside_db_p50_ms', float('nan')):>7.2f}ms{r.get('bytes', 0):>9}"
        )
    print("(ms; n = items returned; API = HTTP round trip to regkg serve; raw = the same one query via the driver;")
    print(" overhead = API p50 - raw p50; beside db = p50 over the API requests of round trip - Server-Timing db;")
    print(" server = the part of it before the answer's first byte, Server-Timing app - db; bytes = the answer's)")
