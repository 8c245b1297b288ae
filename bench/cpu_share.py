"""Who spends the two cores: CPU per request of each process under concurrent reads.

    python -m bench.cpu_share --size M [--keep DIR] [--workers 1,2,3] [--clients 32] [--seconds 15]
                              [--cases mix,search,neighbors_hub] [--rounds 2]

For each worker count (and case), a `regkg serve --workers N` process (bench.common.serve_process)
answers :mod:`bench.load_http`'s clients (its raw keep-alive client, in its own process) for a
timed run after a warm-up; the CPU time every process used in that run is read from
``/proc/<pid>/stat`` (user + system, all threads) before and after, and divided by the requests
answered: the API (the uvicorn workers and their supervisor), Neo4j (the JVM), the load generator,
and the rest of the machine (every other process, from ``/proc/stat``). Their sum against the
cores gives the ceiling the CPU alone allows (cores × 1000 / CPU ms per request) — when the idle
share is near 0, the throughput is that ceiling, and the table says which process holds it.
``mix`` is load_http's mix; any case of :data:`bench.query.CASES` runs alone. Rounds alternate
the configurations (the machine is shared); req/s is also given as a ratio to the first
configuration's, measured in the same run.

The graph: the generated one of ``--size`` through ``neo4j-admin import``
(:func:`bench.offline_import.imported`; ``--keep DIR`` keeps it for the next run), or the
database REGKG_BENCH_NEO4J_URI names, loaded with the same size and seed (its JVM found by the
Bolt port, when it is a local server). Not a test: it prints.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from config import Settings

from . import load_http, offline_import, query
from .common import serve_process
from .generate import SIZES, Generator

TICK = os.sysconf("SC_CLK_TCK")
PROCESSES = ("api", "neo4j", "client", "rest")


def _stat(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat") as fh:
        return fh.read().rsplit(")", 1)[1].split()


def cpu_ticks(pid: int) -> int:
    """User + system clock ticks of the process (all its threads)."""
    fields = _stat(pid)
    return int(fields[11]) + int(fields[12])


def machine_ticks() -> tuple[int, int]:
    """(busy, idle) clock ticks of the whole machine."""
    with open("/proc/stat") as fh:
        values = [int(x) for x in fh.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, idle


def _cmdlines() -> Iterator[tuple[int, list[str]]]:
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as fh:
                    yield int(entry), fh.read().decode(errors="replace").split("\0")
            except OSError:
                continue


def find_pid(*words: str) -> int | None:
    """The process whose command line holds every one of ``words`` as an argument (the lowest pid)."""
    found = [pid for pid, argv in _cmdlines() if all(w in argv for w in words)]
    return min(found) if found else None


def session(pid: int) -> list[int]:
    """Every process of ``pid``'s session (serve_process starts the server as a session leader)."""
    out = []
    for other, _argv in _cmdlines():
        try:
            if int(_stat(other)[3]) == pid:
                out.append(other)
        except (OSError, IndexError, ValueError):
            continue
    return sorted(out)


@contextmanager
def graph_settings(
    size: str, seed: int, keep: Path | None, server_settings: Mapping[str, str] | None = None
) -> Iterator[tuple[Settings, int | None]]:
    """The database and its JVM's pid (None when it is not a local process)."""
    external = os.environ.get("REGKG_BENCH_NEO4J_URI")
    if external:
        port = str(urlsplit(external).port or 7687)
        yield Settings(neo4j_uri=external, env="test", query_timeout=30.0), find_pid("--port", port)
        return
    pagecache = {"M": "2g", "L": "10g"}.get(size, "512m")
    with offline_import.imported(
        size, seed, heap="2g", pagecache=pagecache, keep=keep, server_settings=server_settings
    ) as (settings, _figures):
        port = str(urlsplit(settings.neo4j_uri).port)
        yield settings, find_pid("--port", port)


def measure(
    base: str, api_pids: list[int], neo4j_pid: int | None, plan: list[str], clients: int, seconds: float
) -> dict[str, Any]:
    """One timed run of the load generator; CPU ms per request of each process."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        client_pid = pool.submit(os.getpid).result()
        pool.submit(load_http._client_process, base, plan, clients, 3.0, 0.5, "raw").result()  # warm-up
        pids = {"client": [client_pid], "api": api_pids, "neo4j": [neo4j_pid] if neo4j_pid else []}
        before = {k: sum(cpu_ticks(p) for p in v) for k, v in pids.items()}
        busy0, idle0 = machine_ticks()
        run = pool.submit(load_http._client_process, base, plan, clients, seconds, 0.0, "raw").result()
        after = {k: sum(cpu_ticks(p) for p in v) for k, v in pids.items()}
        busy1, idle1 = machine_ticks()
    n = max(run["requests"], 1)
    ms = {k: (after[k] - before[k]) * 1000 / TICK / n for k in pids}
    busy = (busy1 - busy0) * 1000 / TICK / n
    ms["rest"] = max(busy - ms["api"] - ms["neo4j"] - ms["client"], 0.0)
    if not neo4j_pid:
        ms["neo4j"] = float("nan")
    total = sum(v for v in ms.values() if v == v)
    cores = os.cpu_count() or 1
    return {
        "rps": run["rps"],
        "p50_ms": run["p50_ms"],
        "p99_ms": run["p99_ms"],
        "errors": run["errors"],
        "cpu_ms_per_request": {k: round(ms[k], 3) for k in PROCESSES},
        "cpu_ms_per_request_total": round(total, 3),
        "idle_share": round((idle1 - idle0) / max(busy1 - busy0 + idle1 - idle0, 1), 3),
        "cpu_ceiling_rps": round(cores * 1000 / total, 1) if total else None,
    }


def run(
    settings: Settings,
    neo4j_pid: int | None,
    lm: dict[str, str],
    workers: list[int],
    cases: list[str],
    clients: int,
    seconds: float,
    rounds: int,
) -> list[dict[str, Any]]:
    urls = query.api_urls(lm)
    # the servers' warm-up (graph/warm.py) would run beside the measurement: steady state is wanted
    settings = settings.model_copy(update={"warm_queries": False, "warm_names": False})
    out: list[dict[str, Any]] = []
    for rnd in range(rounds):
        for case in cases:
            plan = load_http._plan(urls) if case == "mix" else [urls[case]]
            for w in workers:
                with serve_process(settings, w) as base:
                    port = str(urlsplit(base).port)
                    leader = find_pid("serve", "--port", port)
                    api_pids = session(leader) if leader else []
                    load_http.warm(base, plan)
                    print(f"cpu share: {case}, {w} worker(s), {clients} clients for {seconds:.0f}s ...", flush=True)
                    res = measure(base, api_pids, neo4j_pid, plan, clients, seconds)
                out.append({"round": rnd, "case": case, "workers": w, "clients": clients, **res})
    return out


def print_table(rows: list[dict[str, Any]]) -> None:
    first = {r["case"]: r["rps"] for r in rows if r["round"] == 0 and r["workers"] == rows[0]["workers"]}
    head = f"{'case':<15}{'workers':>8}{'req/s':>8}{'ratio':>7}{'p50':>7}{'p99':>8}{'err':>5}"
    head += "".join(f"{p:>8}" for p in PROCESSES) + f"{'total':>8}{'ceiling':>9}{'idle':>6}"
    print("\n" + head)
    for r in rows:
        ms = r["cpu_ms_per_request"]
        ratio = r["rps"] / first[r["case"]] if first.get(r["case"]) else float("nan")
        line = f"{r['case']:<15}{r['workers']:>8}{r['rps']:>8.1f}{ratio:>7.2f}{r['p50_ms'] or 0:>7.1f}"
        line += f"{r['p99_ms'] or 0:>8.1f}{r['errors']:>5}" + "".join(f"{ms[p]:>8.2f}" for p in PROCESSES)
        line += f"{r['cpu_ms_per_request_total']:>8.2f}{r['cpu_ceiling_rps'] or 0:>9.0f}{r['idle_share']:>6.2f}"
        print(line)
    print(
        "(CPU ms per request of each process: api = the uvicorn workers, neo4j = the JVM, client = the load "
        "generator, rest = every other process; ceiling = cores x 1000 / total; ratio = req/s over the first "
        "worker count's in round 0)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="M")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the imported database in this directory")
    ap.add_argument("--workers", default="1,2,3", help="`regkg serve` worker counts, comma separated")
    ap.add_argument("--cases", default="mix", help="mix, or cases of bench.query run alone, comma separated")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--rounds", type=int, default=1, help="repeat every configuration, alternating")
    args = ap.parse_args()
    workers = [int(w) for w in args.workers.split(",") if w]
    cases = [c for c in args.cases.split(",") if c]
    unknown = [c for c in cases if c != "mix" and c not in query.CASES]
    if unknown:
        ap.error(f"unknown case(s) {', '.join(unknown)}; choose from mix, {', '.join(query.CASES)}")
    lm = Generator(SIZES[args.size], args.seed).landmarks()
    started = time.perf_counter()
    with graph_settings(args.size, args.seed, args.keep) as (settings, neo4j_pid):
        rows = run(settings, neo4j_pid, lm, workers, cases, args.clients, args.seconds, args.rounds)
    print_table(rows)
    print(f"({time.perf_counter() - started:.0f}s in all)")
    print(json.dumps({"size": args.size, "cpus": os.cpu_count(), "rows": rows}))


if __name__ == "__main__":
    main()
