"""The read answers' JSON, fast vs validated: API overhead per case, and mixed reads at 32 clients.

    python -m bench.answers --size M [--keep DIR] [--rounds 2] [--n 200] [--seconds 10] [--clients 32]
                            [--modes fast] [--server-setting KEY=VALUE ...]

Two `regkg serve` configurations on the same database, in alternating rounds (the machine is
shared): ``REGKG_API_RESPONSES=validated`` (the baseline: FastAPI validates each answer against
its response model and serialises the model) and ``fast`` (the graph layer's answer serialised as
it is, api/answers.py). For each: :func:`bench.query.run`'s API overhead per case (API p50 - raw
p50, the same raw queries), then :mod:`bench.cpu_share`'s mixed reads at ``--clients`` with the
CPU per request of each process. Prints the figures and each one's ratio to the baseline's in the
same round. The graph: as bench.cpu_share (``--keep`` reuses an imported one). ``--server-setting``
starts the local server with a neo4j.conf setting of its own, so two runs on a kept graph give a
setting's before and after. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from graph.database import Graph

from . import cpu_share, load_http, query
from .common import serve_process
from .generate import SIZES, Generator

MODES = ("validated", "fast")
NAN = float("nan")  # a case measured before the answers carried Server-Timing


def _round(settings: Any, neo4j_pid: int | None, lm: dict[str, str], mode: str, n: int, clients: int,
           seconds: float) -> dict[str, Any]:  # fmt: skip
    config = settings.model_copy(update={"warm_queries": False, "warm_names": False, "api_responses": mode})
    with serve_process(config, 2) as base, Graph.connect(settings) as graph:
        latency = query.run(graph, base, lm, n)
        port = str(urlsplit(base).port)
        leader = cpu_share.find_pid("serve", "--port", port)
        plan = load_http._plan(query.api_urls(lm))
        load_http.warm(base, plan)
        mixed = cpu_share.measure(base, cpu_share.session(leader) if leader else [], neo4j_pid, plan, clients, seconds)
    return {"mode": mode, "latency": latency, "mixed": mixed}


def print_rounds(rows: list[dict[str, Any]]) -> None:
    print(f"\n{'case':<19}" + "".join(f"{r['mode'] + ' r' + str(r['round']):>22}" for r in rows))
    for case in query.CASES:
        cells = []
        for r in rows:
            c = r["latency"].get(case, {})
            cells.append(
                f"{c['overhead_p50_ms']:>6.2f} {c.get('beside_db_p50_ms', NAN):>5.2f} ({c['api']['p50']:>6.2f})"
                if "api" in c
                else f"{'-':>22}"
            )
        print(f"{case:<19}" + "".join(f"{x:>22}" for x in cells))
    print("(API overhead at p50 in ms = API p50 - raw p50, then the p50 of each API request's round trip - its")
    print(" Server-Timing db: the time beside the database, request by request; in brackets the API p50)")
    print(f"\n{'beside db: where':<19}" + "".join(f"{r['mode'] + ' r' + str(r['round']):>22}" for r in rows))
    for case in query.CASES:
        cells = []
        for r in rows:
            c = r["latency"].get(case, {})
            server = c.get("server_beside_db_p50_ms", NAN)
            cells.append(f"{server:>5.2f} {c.get('beside_db_p50_ms', NAN) - server:>5.2f} {c.get('bytes', 0):>8}")
        print(f"{case:<19}" + "".join(f"{x:>22}" for x in cells))
    print("(of the time beside the database, the server's own (Server-Timing app - db, up to the answer's first byte),")
    print(" then the rest: the answer's bytes crossing the loopback and the client reading them; then the bytes)")
    print(f"\n{'mixed, 32 clients':<19}" + "".join(f"{r['mode'] + ' r' + str(r['round']):>16}" for r in rows))
    for key in ("rps", "p50_ms", "p99_ms", "errors"):
        print(f"{key:<19}" + "".join(f"{r['mixed'][key]:>16}" for r in rows))
    for proc in cpu_share.PROCESSES:
        print(f"{proc + ' cpu ms/req':<19}" + "".join(f"{r['mixed']['cpu_ms_per_request'][proc]:>16}" for r in rows))
    for r in rows:
        if r["mode"] != MODES[0]:
            base = next((b for b in rows if b["round"] == r["round"] and b["mode"] == MODES[0]), None)
            if base is None:
                continue
            ratio = r["mixed"]["rps"] / max(base["mixed"]["rps"], 1e-9)
            print(f"round {r['round']}: {r['mode']} / {MODES[0]} mixed req/s = {ratio:.2f}x")


def _setting(text: str) -> tuple[str, str]:
    key, eq, value = text.partition("=")
    if not eq or not key.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: a server setting is KEY=VALUE")
    return key.strip(), value.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="M")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="keep (and reuse) the imported database in this directory")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--n", type=int, default=200, help="requests per case and side for the latency")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES), help="answer modes to measure")
    ap.add_argument(
        "--server-setting",
        action="append",
        default=[],
        type=_setting,
        metavar="KEY=VALUE",
        help="a neo4j.conf setting over the local server's own, to measure its before and after (repeatable)",
    )
    args = ap.parse_args()
    server = dict(args.server_setting)
    lm = Generator(SIZES[args.size], args.seed).landmarks()
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    with cpu_share.graph_settings(args.size, args.seed, args.keep, server) as (settings, neo4j_pid):
        for rnd in range(args.rounds):
            for mode in args.modes:
                print(f"answers: round {rnd}, {mode} ...", flush=True)
                rows.append({"round": rnd, **_round(settings, neo4j_pid, lm, mode, args.n, args.clients, args.seconds)})
    print_rounds(rows)
    print(f"({time.perf_counter() - started:.0f}s in all)")
    print(json.dumps({"size": args.size, "cpus": os.cpu_count(), "server_settings": server, "rows": rows}))


if __name__ == "__main__":
    main()
