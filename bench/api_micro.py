"""Micro-benchmark on the seed graph: p50/p95 of search, paths and provenance, API vs raw driver.

    python -m bench.api_micro [--n 300]

The API figures are full HTTP round trips to uvicorn on loopback (httpx, keep-alive); the raw
figures run the same service functions' one Cypher query through the driver directly. Not a test: it prints.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import httpx

from api.app import create_app
from graph import ingest, reads
from graph import read_queries as q
from graph.database import Graph
from loaders import curated
from loaders.base import input_digest
from schema.ontology import IDENTITY

from .common import database, serve, summary, timings

SEED = Path(__file__).resolve().parent.parent / "data" / "seed"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=300, help="timed requests per case")
    args = ap.parse_args()
    logging.getLogger("regkg.api.access").setLevel(logging.WARNING)  # one line per request would drown the table
    with database() as settings, Graph.connect(settings) as graph:
        parsed = curated.load([SEED])
        ingest.ingest(graph, parsed, loader="curated", inputs=[str(SEED)], input_sha256=input_digest(parsed.inputs))
        fid = reads.facts(graph, "firm:kaspersky-lab", None, "agency:fsb", 1)["items"][0]["fact_id"]
        raw = {
            "search": lambda: graph.read_plain(
                q.SEARCH,
                {"lucene": reads.lucene_query("kaspersky labs"), "exact": "kaspersky labs", "type": None, "limit": 20,
                 "offset": 0, "cap": 1000},
            ),
            "paths": lambda: graph.read_plain(
                reads.paths_query(5, 4, False),
                {
                    "from": "firm:kaspersky-lab",
                    "to": "country:ru",
                    "stances": " " * reads.PAD,
                    "as_of": "0000-00-00",
                    "max_degree": 1000,
                    "types": " " * reads.PAD,
                    "limit": 5,
                    "max_hops": 4,
                    "undated": "mark",
                },
            ),
            "provenance": lambda: graph.read_plain(
                reads.PROVENANCE, {"fact_id": fid, "identity": sorted(p.value for p in IDENTITY)}
            ),
        }
        urls = {
            "search": "/v1/entities?q=kaspersky%20labs",
            "paths": "/v1/paths?from=firm:kaspersky-lab&to=country:ru&max_hops=4&limit=5",
            "provenance": f"/v1/facts/{fid}/provenance",
        }
        quiet = settings.model_copy(update={"warm_queries": False, "warm_names": False})  # no warm-ups
        with serve(create_app(quiet)) as base, httpx.Client(base_url=base, timeout=60) as client:
            print(f"\n{'case':<12}{'API p50':>10}{'API p95':>10}{'raw p50':>10}{'raw p95':>10}{'overhead p50':>15}")
            for case in ("search", "paths", "provenance"):
                api = summary(timings(lambda u=urls[case]: client.get(u).raise_for_status(), args.n))
                drv = summary(timings(raw[case], args.n))
                print(
                    f"{case:<12}{api['p50']:>9.2f}m{api['p95']:>9.2f}m{drv['p50']:>9.2f}m{drv['p95']:>9.2f}m"
                    f"{api['p50'] - drv['p50']:>12.2f} ms ({api['p50'] / max(drv['p50'], 1e-6):.1f}x)"
                )
        print("\n(ms; API = HTTP round trip through FastAPI + the service layer; raw = the main Cypher query alone)")


if __name__ == "__main__":
    main()
