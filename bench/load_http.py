"""Concurrent mixed reads against the API: throughput, p50/p99 and errors at 8, 32 (64) clients.

The API runs in uvicorn (one worker, in a thread of the bench process, on loopback); the clients
run in a *separate* process (asyncio + httpx, one connection per client) so they do not fight
the server for the GIL. Each level runs for a fixed time (default 15 s) after a short warm-up.
The mix: search 30 %, neighbours 25 % (hub and non-hub), provenance 20 %, paths 15 %
(connected), exposure 10 %. An error is a transport failure or any status other than 200.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import httpx

from .common import pct
from .query import api_urls

MIX = (
    ("search", 30),
    ("neighbors_hub", 10),
    ("neighbors_leaf", 15),
    ("provenance", 20),
    ("paths_connected", 15),
    ("exposure", 10),
)


def _plan(urls: dict[str, str]) -> list[str]:
    """A fixed, interleaved sequence of 100 requests following MIX."""
    seq: list[str] = []
    for case, weight in MIX:
        seq.extend([urls[case]] * weight)
    return [seq[(i * 37) % len(seq)] for i in range(len(seq))]  # 37 is coprime with 100: a permutation


async def _drive(base_url: str, plan: list[str], clients: int, seconds: float, warmup: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    statuses: dict[str, int] = {}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, timeout=30, limits=limits) as client:
        start = time.perf_counter()
        measure_from = start + warmup
        stop = measure_from + seconds

        async def worker(w: int) -> None:
            nonlocal errors
            i = w * 7
            while True:
                t = time.perf_counter()
                if t >= stop:
                    return
                url = plan[i % len(plan)]
                i += 1
                try:
                    r = await client.get(url)
                    ok = r.status_code == 200
                    if not ok:
                        statuses[str(r.status_code)] = statuses.get(str(r.status_code), 0) + 1
                except httpx.HTTPError as exc:
                    ok = False
                    statuses[type(exc).__name__] = statuses.get(type(exc).__name__, 0) + 1
                done = time.perf_counter()
                if t >= measure_from:
                    latencies.append((done - t) * 1000)
                    if not ok:
                        errors += 1

        await asyncio.gather(*(worker(w) for w in range(clients)))
    return {
        "clients": clients,
        "seconds": seconds,
        "requests": len(latencies),
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": round(pct(latencies, 50), 1) if latencies else None,
        "p99_ms": round(pct(latencies, 99), 1) if latencies else None,
        "errors": errors,
        "error_kinds": statuses,
    }


def _client_process(base_url: str, plan: list[str], clients: int, seconds: float, warmup: float) -> dict[str, Any]:
    return asyncio.run(_drive(base_url, plan, clients, seconds, warmup))


def run(
    base_url: str, lm: dict[str, str], levels: tuple[int, ...] = (8, 32), seconds: float = 15.0, warmup: float = 2.0
) -> list[dict[str, Any]]:
    plan = _plan(api_urls(lm))
    out = []
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        for clients in levels:
            print(f"http load: {clients} clients for {seconds:.0f}s ...", flush=True)
            out.append(pool.submit(_client_process, base_url, plan, clients, seconds, warmup).result())
    return out


def print_table(res: list[dict[str, Any]]) -> None:
    print(f"\n{'clients':<9}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for r in res:
        print(f"{r['clients']:<9}{r['requests']:>9}{r['rps']:>9.1f}{r['p50_ms'] or 0:>9.1f}"
              f"{r['p99_ms'] or 0:>9.1f}{r['errors']:>8}")  # fmt: skip
    print("(mixed reads: " + ", ".join(f"{c} {w}%" for c, w in MIX) + ")")
