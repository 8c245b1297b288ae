"""The offline ceiling: the generated graph through ``neo4j-admin database import`` (no server).

    python -m bench.offline_import --size L [--keep DIR]

The generator's batches are turned into the *same* graph our writer builds — entities (with
their type label), sources, claims with their SUBJECT/OBJECT/CITES/ASSERTED_BY edges, one
LoadRun that GENERATED every claim, DERIVED_FROM between sources and one fact edge per fact with
the properties :func:`graph.writer.fact_props` computes — written as CSV files, then imported with
``org.neo4j.cli.AdminTool database import full`` from the Maven jars into a fresh database
directory. Then a server starts on it and :mod:`graph.migrations` builds the indexes and
constraints (their population is timed apart).

Figures: CSV writing (Python, claims/s), the import itself (claims/s and records/s), index
population, and in all. The import is not a transactional load: it needs an empty, stopped
database and checks nothing — it is the ceiling a transactional writer is compared with, and how
the L graph for the read benchmarks is built in minutes instead of hours (``bench.run --offline``).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from config import Settings
from graph import invariants, maintenance, migrations
from graph.database import Graph
from graph.localdb import LIB_DIR, LocalNeo4j, ensure_jars, free_port
from graph.writer import _SOURCE_FIELDS, _claim_row, _entity_state, _fact_row, fact_props
from schema.ontology import Predicate

from .generate import SIZES, Generator

ARRAY = ";"
NOW = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

HEADERS: dict[str, list[str]] = {
    "entities": ["id:ID", ":LABEL", "type", "name", "aliases:string[]", "alias_text", "country", "identifiers",
                 "description", "candidate:boolean", "created_at:datetime", "updated_at:datetime"],
    "sources": ["id:ID", ":LABEL", *_SOURCE_FIELDS, "text", "created_at:datetime", "updated_at:datetime"],
    "claims": ["id:ID", ":LABEL", "fact_id", "subject", "predicate", "object", "stance", "valid_from", "valid_to",
               "qualifiers", "confidence:double", "method", "created_at:datetime"],
    "runs": ["id:ID", ":LABEL", "loader", "inputs:string[]", "input_sha256", "status", "pid:long", "host",
             "counts", "started_at:datetime", "finished_at:datetime"],
    "edges": [":START_ID", ":END_ID", ":TYPE"],
    "cites": [":START_ID", ":END_ID", ":TYPE", "quote", "start:long", "end:long"],
    "facts": [":START_ID", ":END_ID", ":TYPE", "fact_id", "predicate", "stances:string[]", "established:boolean",
              "valid_from", "valid_to", "valid_from_key", "valid_to_key", "n_claims:long", "n_sources:long",
              "asserted_by:string[]", "confidence:double", "quote"],
}  # fmt: skip


def _arr(values: list[str] | None) -> str:
    values = values or []  # no path stores an empty list: an entity without aliases has none
    for v in values:
        if ARRAY in v:
            raise ValueError(f"array value {v!r} contains the array delimiter {ARRAY!r}")
    return ARRAY.join(values)


class CsvSet:
    """One CSV file per kind, header on the first line."""

    def __init__(self, directory: Path, stack: ExitStack) -> None:
        self.directory = directory
        self.writers: dict[str, Any] = {}
        self.stack = stack

    def __call__(self, kind: str, header: str) -> Any:
        if kind not in self.writers:
            path = self.directory / f"{kind}.csv"
            fh: TextIO = self.stack.enter_context(path.open("w", newline="", encoding="utf-8"))
            w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
            w.writerow(HEADERS[header])
            self.writers[kind] = w
        return self.writers[kind]

    def files(self, prefix: str) -> list[Path]:
        return [self.directory / f"{k}.csv" for k in self.writers if k.startswith(prefix)]


def write_csvs(gen: Generator, directory: Path, batch: int = 5000) -> dict[str, int]:
    """The generated graph as import CSVs in ``directory``; returns the counts."""
    n: defaultdict[str, int] = defaultdict(int)
    run_id = "run:offline-import"
    seen_facts: set[int] = set()
    with ExitStack() as stack:
        out = CsvSet(directory, stack)
        for parsed in gen.batches(batch):
            for e in parsed.entities:
                p = _entity_state(e, None)
                out("entities", "entities").writerow([
                    e.id, f"Entity{ARRAY}{p['type']}", p["type"], p["name"], _arr(p["aliases"]), p["alias_text"],
                    p["country"], p["identifiers"], p["description"], str(p["candidate"]).lower(), NOW, NOW,
                ])  # fmt: skip
                n["entities"] += 1
            for s in parsed.sources:
                out("sources", "sources").writerow(
                    [s.id, "Source", *(getattr(s, k) for k in _SOURCE_FIELDS), s.text, NOW, NOW]
                )
                for d in sorted(set(s.derived_from)):
                    out("rel_derived_from", "edges").writerow([s.id, d, "DERIVED_FROM"])
                n["sources"] += 1
            grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for c in parsed.claims:
                row = _claim_row(c)
                p = row["props"]
                out("claims", "claims").writerow([
                    c.id, "Claim", p["fact_id"], p["subject"], p["predicate"], p["object"], p["stance"],
                    p["valid_from"], p["valid_to"], p["qualifiers"], p["confidence"], p["method"], NOW,
                ])  # fmt: skip
                edges = out("rel_claim", "edges")
                edges.writerow([c.id, c.subject, "SUBJECT"])
                edges.writerow([c.id, c.object, "OBJECT"])
                edges.writerow([run_id, c.id, "GENERATED"])
                if c.asserted_by:
                    edges.writerow([c.id, c.asserted_by, "ASSERTED_BY"])
                for x in c.citations:
                    out("rel_cites", "cites").writerow([c.id, x.source, "CITES", x.quote, x.start, x.end])
                    n["citations"] += 1
                grouped[c.fact_id].append(_fact_row(c, p))
                n["claims"] += 1
            for fid, claims in grouped.items():
                key = hash(fid)
                if key in seen_facts:
                    raise ValueError(f"fact {fid} has claims in two batches: the import needs them together")
                seen_facts.add(key)
                claims.sort(key=lambda c: c["claim_id"])
                f = fact_props(claims)
                out("rel_facts", "facts").writerow([
                    claims[0]["subject"], claims[0]["object"], Predicate(f["predicate"]).rel_type, fid, f["predicate"],
                    _arr(f["stances"]), str(f["established"]).lower(), f["valid_from"], f["valid_to"],
                    f["valid_from_key"], f["valid_to_key"], f["n_claims"], f["n_sources"], _arr(f["asserted_by"]),
                    f["confidence"], f["quote"],
                ])  # fmt: skip
                n["facts"] += 1
        counts = {"entities_created": n["entities"], "sources_created": n["sources"], "claims_created": n["claims"],
                  "facts_touched": n["facts"]}  # fmt: skip
        out("runs", "runs").writerow([
            run_id, "LoadRun", "bench-offline-import", f"bench:{gen.ns}:{gen.layout.n}:{gen.seed}",
            f"offline-{gen.ns}-{gen.layout.n}-{gen.seed}", "succeeded", os.getpid(), os.uname().nodename,
            json.dumps(counts), NOW, NOW,
        ])  # fmt: skip
        files = {k: out.files(k) for k in ("entities", "sources", "claims", "runs", "rel_")}
    n["csv_bytes"] = sum(p.stat().st_size for group in files.values() for p in group)
    return dict(n)


def admin_import(home: Path, csv_dir: Path, heap: str = "4g") -> float:
    """``neo4j-admin database import full`` into ``home``'s (empty) neo4j database; seconds."""
    ensure_jars()
    nodes = [csv_dir / f"{k}.csv" for k in ("entities", "sources", "claims", "runs")]
    rels = sorted(csv_dir.glob("rel_*.csv"))
    cmd = [
        shutil.which("java") or "java", f"-Xmx{heap}", "-cp", f"{LIB_DIR}/*", "org.neo4j.cli.AdminTool",
        "database", "import", "full", "--multiline-fields=true", f"--array-delimiter={ARRAY}",
        "--overwrite-destination=true", "--threads=2", f"--report-file={home / 'import.report'}",
        *(f"--nodes={p}" for p in nodes if p.exists()), *(f"--relationships={p}" for p in rels),
    ]  # fmt: skip
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "import-conf"))
    (home / "import-conf").mkdir(parents=True, exist_ok=True)
    (home / "import-conf" / "neo4j.conf").write_text("server.memory.pagecache.size=1g\n")
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t
    (home / "import.log").write_text(proc.stdout + proc.stderr)
    if proc.returncode != 0:
        raise RuntimeError(f"neo4j-admin import failed ({proc.returncode}); see {home / 'import.log'}:\n"
                           + (proc.stdout + proc.stderr)[-3000:])  # fmt: skip
    return seconds


def _build(root: Path, size: str, seed: int, keep_csv: bool) -> dict[str, Any]:
    home, csv_dir = root / "home", root / "csv"
    csv_dir.mkdir(parents=True, exist_ok=True)
    gen = Generator(SIZES[size], seed)
    print(f"offline import: size {size} ({gen.layout.n:,} entities): writing CSVs ...", flush=True)
    t0 = time.perf_counter()
    counts = write_csvs(gen, csv_dir)
    t_csv = time.perf_counter() - t0
    print(f"  {counts['claims']:,} claims as CSV in {t_csv:.1f}s; importing ...", flush=True)
    t_import = admin_import(home, csv_dir)
    if not keep_csv:
        shutil.rmtree(csv_dir)
    print(f"  imported in {t_import:.1f}s", flush=True)
    records = counts["entities"] + counts["sources"] + counts["claims"]
    records += counts["claims"] * 3 + counts["citations"] + counts["facts"]  # relationships, roughly
    return {
        **counts,
        "size": size,
        "seed": seed,
        "csv_seconds": round(t_csv, 1),
        "import_seconds": round(t_import, 1),
        "claims_per_s_import": round(counts["claims"] / t_import),
        "claims_per_s_with_csv": round(counts["claims"] / (t_csv + t_import)),
        "records_per_s_import": round(records / t_import),
    }


@contextmanager
def imported(
    size: str,
    seed: int = 7,
    heap: str = "2g",
    pagecache: str = "4g",
    keep: Path | None = None,
    server_settings: Mapping[str, str] | None = None,
) -> Iterator[tuple[Settings, dict[str, Any]]]:
    """Generate, import, start a server on the result and migrate it; yield its settings and the
    figures. With ``keep``, the database stays in that directory and a later call with the same
    directory, size and seed reuses it (the L graph takes a while to build). ``server_settings``
    go into the server's neo4j.conf over the launcher's own."""
    with tempfile.TemporaryDirectory(prefix="regkg-offline-") as tmp:
        root = keep or Path(tmp)
        done = root / "figures.json"
        figures = json.loads(done.read_text()) if done.exists() else None
        if figures and (figures.get("size"), figures.get("seed")) == (size, seed):
            print(f"offline import: reusing the {size} database in {root}", flush=True)
            figures["reused"] = True
        else:
            if root.exists() and keep is not None:
                shutil.rmtree(root / "home", ignore_errors=True)
            figures = _build(root, size, seed, keep_csv=False)
        print("  starting the server and building the indexes ...", flush=True)
        server = LocalNeo4j(root / "home", port=free_port(), heap=heap, pagecache=pagecache, settings=server_settings)
        info = server.start(timeout=900)
        try:
            settings = Settings(neo4j_uri=info.uri, env="test", query_timeout=60.0)
            t1 = time.perf_counter()
            with Graph.connect(settings) as g:
                migrations.migrate(g)  # no list property is stored empty on any path: nothing to fill
            if not figures.get("reused"):
                figures["index_seconds"] = round(time.perf_counter() - t1, 1)
                figures["server_ready_seconds"] = info.started_in
                phases = ("csv_seconds", "import_seconds", "index_seconds")
                figures["seconds"] = round(sum(figures[k] for k in phases), 1)
                if keep is not None:
                    done.write_text(json.dumps(figures, indent=2))
            yield settings, figures
        finally:
            server.stop()


def print_figures(f: dict[str, Any]) -> None:
    print(f"\noffline import (neo4j-admin)  {f['entities']:,} entities, {f['sources']:,} sources, "
          f"{f['claims']:,} claims, {f['facts']:,} facts")  # fmt: skip
    print(f"  CSV writing  {f['csv_seconds']:>8}s   ({f['csv_bytes'] / 2**20:,.0f} MiB)")
    print(f"  import       {f['import_seconds']:>8}s   {f['claims_per_s_import']:,} claims/s, "
          f"≈{f['records_per_s_import']:,} records/s")  # fmt: skip
    print(f"  indexes      {f['index_seconds']:>8}s   (server start {f['server_ready_seconds']}s)")
    print(f"  in all       {f['seconds']:>8}s   {f['claims_per_s_with_csv']:,} claims/s from generator to database")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="S")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="keep the database in this directory (reused by a later run)")
    args = ap.parse_args()
    with imported(args.size, args.seed, keep=args.keep) as (settings, figures), Graph.connect(settings) as g:
        if SIZES[args.size] <= SIZES["S"]:  # every quote against its source text: minutes at M and L
            figures["invariant_violations"] = {k: len(v) for k, v in invariants.violations(g).items()}
        figures["graph"] = maintenance.domain_counts(g) | maintenance.counts(g)
    print_figures(figures)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
