"""A real list refresh: two versions of a real list loaded with ``regkg load … --version-date file``.

    python -m bench.refresh_real ofac OLD.csv NEW.csv     # e.g. the two full OFAC SDN snapshots

In a fresh Neo4j (:func:`bench.common.database`), each step the command as a user runs it (a
process of its own, so its start-up counts too):

1. **full**: the older version, into the empty graph;
2. **refresh**: the newer one, from the older one's manifest (:mod:`loaders.units`: only the
   records that differ are written; the ends and returns from the whole version);
3. **re-read**: the graph wiped, the older version loaded again, its manifest removed, the newer
   one loaded — every record sent, the writer skipping what the graph holds: the refresh before
   manifests, for comparison;

then the change feed of each refresh (``regkg changes`` counts: ended, added, changed, returned),
which must agree. Prints the figures and writes ``bench/results/<date>-<loader>-refresh-real.json``.
The loaders take a file (or several: CSL and FCC); OFAC's add/alt/comments are not versioned here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from config import Settings
from graph import maintenance, manifests, reads
from graph.database import Graph

from .common import database

RESULTS = Path(__file__).resolve().parent / "results"


def regkg(settings: Settings, *args: str) -> tuple[float, str]:
    """Run the command; its seconds and output."""
    env = {**os.environ, "REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": ""}
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cli.main", *args], env=env, capture_output=True, text=True, check=False
    )
    seconds = round(time.perf_counter() - t, 2)
    if done.returncode != 0:
        raise SystemExit(f"regkg {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout


def feed(graph: Graph, since: str) -> dict[str, int]:
    counts = {"ended": 0, "added": 0, "changed": 0, "returned": 0}
    offset = 0
    while True:
        page = reads.changes(graph, since, 1000, offset)
        for item in page["items"]:
            counts[item["change"]] = counts.get(item["change"], 0) + 1
        offset += len(page["items"])
        if not page["items"] or offset >= page["total"]:
            return counts


def latest_run(graph: Graph) -> str:
    return str(reads.loads(graph, 1, 0)["items"][0]["id"])


def said(output: str, marker: str) -> str:
    return next((line.strip() for line in output.splitlines() if marker in line), "")


def run(graph: Graph, settings: Settings, loader: str, old: Path, new: Path) -> dict[str, Any]:
    res: dict[str, Any] = {"loader": loader, "old": old.name, "new": new.name}
    maintenance.wipe(graph)
    res["full_seconds"], out = regkg(settings, "load", loader, str(old), "--version-date", "file")
    res["full_said"] = said(out, "read;")
    since = latest_run(graph)
    print(f"full ({old.name}): {res['full_seconds']}s", flush=True)
    res["refresh_seconds"], out = regkg(settings, "load", loader, str(new), "--version-date", "file")
    res["refresh_said"] = [said(out, "listing(s) ended"), said(out, "new or changed")]
    res["refresh_feed"] = feed(graph, since)
    print(f"refresh ({new.name}): {res['refresh_seconds']}s; {res['refresh_said']}", flush=True)

    maintenance.wipe(graph)
    regkg(settings, "load", loader, str(old), "--version-date", "file")
    since = latest_run(graph)
    manifests.forget(graph)
    res["reread_seconds"], out = regkg(settings, "load", loader, str(new), "--version-date", "file")
    res["reread_said"] = [said(out, "listing(s) ended"), said(out, "new or changed")]
    res["reread_feed"] = feed(graph, since)
    print(f"re-read ({new.name}, no manifest): {res['reread_seconds']}s", flush=True)
    res["refresh_ratio"] = round(res["refresh_seconds"] / res["full_seconds"], 3)
    res["reread_ratio"] = round(res["reread_seconds"] / res["full_seconds"], 3)
    res["pass"] = res["refresh_feed"] == res["reread_feed"]
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("loader", choices=["ofac", "csl", "fcc"])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    args = ap.parse_args()
    started = time.perf_counter()
    with database() as settings, Graph.connect(settings) as graph:
        res = run(graph, settings, args.loader, args.old, args.new)
    res["date"] = datetime.now(UTC).isoformat(timespec="seconds")
    res["total_seconds"] = round(time.perf_counter() - started, 1)
    print(f"\n{'':<34}{'seconds':>9}{'/ full':>9}")
    print(f"{'full load (' + args.old.name + ')':<34}{res['full_seconds']:>9}{'':>9}")
    print(f"{'refresh, from the manifest':<34}{res['refresh_seconds']:>9}{res['refresh_ratio']:>9.1%}")
    print(f"{'refresh, every record re-sent':<34}{res['reread_seconds']:>9}{res['reread_ratio']:>9.1%}")
    print(f"change feed, refresh: {res['refresh_feed']}; re-sent: {res['reread_feed']} — "
          f"{'PASS: equal' if res['pass'] else 'FAIL: they differ'}")  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{datetime.now(UTC):%Y-%m-%d}-{args.loader}-refresh-real.json"
    out.write_text(json.dumps(res, indent=2) + "\n")
    print(f"wrote {out} ({res['total_seconds']}s in all)")
    if not res["pass"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
