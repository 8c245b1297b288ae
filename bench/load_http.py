"""Concurrent mixed reads against `regkg serve`: throughput, p50/p99 and errors at 8, 32, 64 clients.

The server is a real `regkg serve --workers N` process (uvicorn workers with uvloop and httptools,
see :func:`bench.common.serve_process`); the clients run in another process (asyncio, one
keep-alive connection per client), so none of the three fights another for the GIL. Each level
runs for a fixed time (default 15 s) after a short warm-up. The mix: search 30 %, neighbours 25 %
(hub and non-hub), provenance 20 %, paths 15 % (10 % a firm to a hub country, 5 % firm to firm),
exposure 10 %. An error is a transport failure, a timeout or any status other than 200.

The client is a minimal HTTP/1.1 keep-alive client on asyncio streams (``raw``, the default):
httpx's ``AsyncClient`` costs several times more CPU per request, and on a 2-core machine that
shares its cores with the server and Neo4j, the load generator's own CPU shows up as lost
throughput. ``--client httpx`` keeps the old client for comparison, and :func:`ceiling` measures
what the client alone can drive against ``/health`` (no database, the cheapest route).

    python -m bench.load_http --size XS --workers 2 --levels 8,32,64   # needs the graph loaded
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import time
import urllib.request
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from .common import pct
from .query import api_urls

MIX = (
    ("search", 30),
    ("neighbors_hub", 10),
    ("neighbors_leaf", 15),
    ("provenance", 20),
    ("paths_connected", 10),
    ("paths_pair", 5),
    ("exposure", 10),
)
CLIENTS = ("raw", "httpx")
REQUEST_TIMEOUT = 30.0


def _plan(urls: dict[str, str]) -> list[str]:
    """A fixed, interleaved sequence of 100 requests following MIX."""
    seq: list[str] = []
    for case, weight in MIX:
        seq.extend([urls[case]] * weight)
    return [seq[(i * 37) % len(seq)] for i in range(len(seq))]  # 37 is coprime with 100: a permutation


class HttpError(Exception):
    """The server's answer could not be read (closed connection, malformed response)."""


class _Connection:
    """One keep-alive HTTP/1.1 connection: GET, read status, headers and body (length or chunked)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        try:
            self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
            head = await self.reader.readuntil(b"\r\n\r\n")
            lines = head.split(b"\r\n")
            status = int(lines[0].split(b" ", 2)[1])
            length, chunked, close = None, False, False
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value)
                elif name == b"transfer-encoding":
                    chunked = b"chunked" in value.lower()
                elif name == b"connection":
                    close = b"close" in value.lower()
            if chunked:
                while True:
                    size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                    await self.reader.readexactly(size + 2)
                    if size == 0:
                        break
            elif length is not None:
                await self.reader.readexactly(length)
            else:
                raise HttpError("a response with neither Content-Length nor chunked encoding")
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, IndexError) as exc:
            self.close()
            raise HttpError(f"{type(exc).__name__}: {exc}") from exc
        except BaseException:
            self.close()
            raise
        if close:
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _drive(
    base_url: str, plan: list[str], clients: int, seconds: float, warmup: float, client: str
) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    statuses: dict[str, int] = {}
    gets: list[Callable[[str], Awaitable[int]]] = []
    closers: list[Callable[[], Awaitable[None]]] = []
    if client == "httpx":
        import httpx

        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        hx = httpx.AsyncClient(base_url=base_url, timeout=REQUEST_TIMEOUT, limits=limits)

        async def hx_get(url: str) -> int:
            return (await hx.get(url)).status_code

        gets = [hx_get] * clients
        closers.append(hx.aclose)
    else:
        parts = urlsplit(base_url)
        conns = [_Connection(parts.hostname or "127.0.0.1", parts.port or 80) for _ in range(clients)]
        gets = [c.get for c in conns]

        async def close_all() -> None:
            for c in conns:
                c.close()

        closers.append(close_all)

    start = time.perf_counter()
    measure_from = start + warmup
    stop = measure_from + seconds

    async def worker(w: int) -> None:
        nonlocal errors
        get = gets[w]
        i = w * 7
        while True:
            t = time.perf_counter()
            if t >= stop:
                return
            url = plan[i % len(plan)]
            i += 1
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT):
                    status = await get(url)
                ok = status == 200
                if not ok:
                    statuses[str(status)] = statuses.get(str(status), 0) + 1
            except Exception as exc:  # a transport failure, a timeout, a malformed answer: all errors
                ok = False
                statuses[type(exc).__name__] = statuses.get(type(exc).__name__, 0) + 1
            done = time.perf_counter()
            if t >= measure_from:
                latencies.append((done - t) * 1000)
                if not ok:
                    errors += 1

    try:
        await asyncio.gather(*(worker(w) for w in range(clients)))
    finally:
        for close in closers:
            await close()
    return {
        "clients": clients,
        "client": client,
        "seconds": seconds,
        "requests": len(latencies),
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": round(pct(latencies, 50), 1) if latencies else None,
        "p99_ms": round(pct(latencies, 99), 1) if latencies else None,
        "errors": errors,
        "error_kinds": statuses,
    }


def _client_process(
    base_url: str, plan: list[str], clients: int, seconds: float, warmup: float, client: str
) -> dict[str, Any]:
    cpu0 = time.process_time()
    try:
        import uvloop

        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            out = runner.run(_drive(base_url, plan, clients, seconds, warmup, client))
    except ImportError:  # uvloop comes with uvicorn[standard]; plain asyncio works too
        out = asyncio.run(_drive(base_url, plan, clients, seconds, warmup, client))
    # the client's own CPU per request: what the load generator takes from the machine
    out["client_cpu_ms_per_request"] = round((time.process_time() - cpu0) * 1000 / max(out["requests"], 1), 3)
    return out


def _pool() -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


def warm(base_url: str, urls: list[str], rounds: int = 4) -> None:
    """Ask each URL a few times first, so query planning and cold caches (in every worker, with
    luck) do not land in the first measured level."""
    for _ in range(rounds):
        for url in dict.fromkeys(urls):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base_url + url, timeout=60).close()


def run(
    base_url: str,
    lm: dict[str, str],
    levels: tuple[int, ...] = (8, 32, 64),
    seconds: float = 15.0,
    warmup: float = 2.0,
    client: str = "raw",
) -> list[dict[str, Any]]:
    plan = _plan(api_urls(lm))
    warm(base_url, plan)
    out = []
    with _pool() as pool:
        for clients in levels:
            print(f"http load: {clients} clients for {seconds:.0f}s ({client} client) ...", flush=True)
            out.append(pool.submit(_client_process, base_url, plan, clients, seconds, warmup, client).result())
    return out


def ceiling(base_url: str, clients: int = 32, seconds: float = 5.0, client: str = "raw") -> dict[str, Any]:
    """What the client process alone can drive: ``GET /health`` (no database) at ``clients``."""
    print(f"client ceiling: /health, {clients} clients for {seconds:.0f}s ({client} client) ...", flush=True)
    with _pool() as pool:
        return pool.submit(_client_process, base_url, ["/health"], clients, seconds, 1.0, client).result()


def print_table(res: list[dict[str, Any]], ceil: dict[str, Any] | None = None) -> None:
    print(f"\n{'clients':<9}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'client cpu':>12}")
    for r in res:
        print(f"{r['clients']:<9}{r['requests']:>9}{r['rps']:>9.1f}{r['p50_ms'] or 0:>9.1f}"
              f"{r['p99_ms'] or 0:>9.1f}{r['errors']:>8}{r.get('client_cpu_ms_per_request', 0):>10.2f}ms")  # fmt: skip
    mix = ", ".join(f"{c} {w}%" for c, w in MIX)
    print(f"(mixed reads: {mix}; client cpu: the load generator's own, per request)")
    if ceil:
        print(f"client ceiling (/health, {ceil['clients']} clients, {ceil['client']}): {ceil['rps']:.0f} req/s, "
              f"p50 {ceil['p50_ms']} ms, {ceil['client_cpu_ms_per_request']:.2f} ms client CPU/request")  # fmt: skip


def main() -> None:
    import argparse
    import json
    import logging

    from graph.database import Graph

    from .common import database, serve_process
    from .generate import SIZES, Generator
    from .load import load_ours

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="XS", help="generated graph to load first")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--levels", default="8,32,64")
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--client", choices=CLIENTS, default="raw")
    ap.add_argument("--request-log", action="store_true")
    ap.add_argument("--base-url", help="measure this running API instead (the graph must be loaded)")
    args = ap.parse_args()
    levels = tuple(int(x) for x in args.levels.split(",") if x)
    gen = Generator(SIZES[args.size], args.seed)
    lm = gen.landmarks()
    if args.base_url:
        res = run(args.base_url, lm, levels, args.seconds, client=args.client)
        ceil = ceiling(args.base_url, client=args.client)
    else:
        logging.getLogger("regkg").setLevel(logging.WARNING)
        with database() as settings, Graph.connect(settings) as graph:
            load_ours(graph, gen, 5000)
            with serve_process(settings, args.workers, args.request_log) as base:
                res = run(base, lm, levels, args.seconds, client=args.client)
                ceil = ceiling(base, client=args.client)
    print_table(res, ceil)
    print(json.dumps({"http": res, "client_ceiling": ceil}))


if __name__ == "__main__":
    main()
