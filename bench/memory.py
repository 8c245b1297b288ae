"""Bounded memory: peak RSS of reading a CSL file and of exporting a graph, against their size.

    python -m bench.memory [--rows 10000,100000,1000000] [--export S,M] [--format ftm,csv]
                           [--batch-size 2000] [--before DIR] [--out FILE]

**Parse.** For each row count a CSL-shaped CSV file (the current layout, ``_id`` first; the rows
cycle through ten lists, firms, persons with dates of birth, nationalities and passports, vessels,
alt names and addresses) is written into a temporary directory row by row — never held — and read
in a child process with the loader exactly as ``regkg load csl`` reads it (:func:`loaders.csl.iter_batches`,
each batch thrown away instead of written). The child reports its peak RSS (``VmHWM``): rows,
seconds, peak MiB and the ratio to the smallest file's peak — flat means a ratio near 1.

**Export.** For each generator size (``bench.generate``: S = 10,000 entities, M = 100,000) the graph
is built with ``neo4j-admin import`` (:mod:`bench.offline_import`: minutes, not hours), a server
started on it, and each format exported in a child process as ``regkg export`` does (the graph read
in pages, written as it goes) into a temporary file: entities, facts, bytes, seconds, peak MiB.
With ``--before DIR`` each export runs a second time with the ``export``, ``graph`` and ``cli``
packages of DIR first on the path (a checkout of the code before paged exports: the whole graph read
at once), for comparison.

The parent only generates and prints; every figure is a child's own peak, so neither the files
nor the server count.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

LISTS = (
    "Specially Designated Nationals (SDN) - Treasury Department",
    "Entity List (EL) - Bureau of Industry and Security",
    "Military End User (MEU) List - Bureau of Industry and Security",
    "Unverified List (UVL) - Bureau of Industry and Security",
    "Denied Persons List (DPL) - Bureau of Industry and Security",
    "Nonproliferation Sanctions (ISN) - State Department",
    "ITAR Debarred (DTC) - State Department",
    "Foreign Sanctions Evaders (FSE) - Treasury Department",
    "Sectoral Sanctions Identifications List (SSI) - Treasury Department",
    "Palestinian Legislative Council List (PLC) - Treasury Department",
)
COLUMNS = (
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement",
    "license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage",
    "vessel_flag", "vessel_owner", "remarks", "source_list_url", "alt_names", "citizenships",
    "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids",
)  # fmt: skip
COUNTRIES = (("CN", "China"), ("RU", "Russia"), ("IR", "Iran"), ("KP", "North Korea"), ("AE", "United Arab Emirates"))


def csl_row(i: int) -> list[str]:
    """Row ``i``: the kind cycles over 10 slots (0-5 firms, 6-8 persons, 9 a vessel)."""
    slot = i % 10
    code, country = COUNTRIES[i % len(COUNTRIES)]
    row = dict.fromkeys(COLUMNS, "")
    row["_id"] = f"{i:032x}"
    row["source"] = LISTS[i % len(LISTS)]
    row["addresses"] = f"{i % 997} Example Street, Example City {i % 89}, {code}"
    row["start_date"] = f"20{10 + i % 15}-0{1 + i % 9}-1{i % 9}"
    row["federal_register_notice"] = f"{80 + i % 9} FR {10000 + i % 50000}"
    row["source_list_url"] = "https://www.trade.gov/consolidated-screening-list"
    row["source_information_url"] = "https://www.trade.gov/consolidated-screening-list"
    if slot < 6:
        row["type"] = "Entity" if i % 3 else ""
        row["name"] = f"Example Trading Company {i} LLC"
        row["alt_names"] = f"ETC {i}; Example Trading {i}"
        row["ids"] = f"Registration ID, R{1000000 + i}; Website, www.example-{i}.com"
    elif slot < 9:
        row["type"] = "Individual"
        row["name"] = f"PERSON, Number {i}"
        row["dates_of_birth"] = f"19{50 + i % 40}-0{1 + i % 9}-1{i % 9}"
        row["nationalities"] = country
        row["places_of_birth"] = f"Example City {i % 89}, {country}"
        row["ids"] = f"Passport, P{2000000 + i}, {code}; Gender, Male"
    else:
        row["type"] = "Vessel"
        row["name"] = f"SEA BENCH {i}"
        row["vessel_flag"] = country
        row["ids"] = f"Vessel Registration Identification, IMO {9000000 + i % 999999}"
    if slot in (0, 6):
        row["entity_number"] = str(100000 + i)
        row["programs"] = "RUSSIA-EO14024; SDGT"
    return [row[c] for c in COLUMNS]


def write_csl(path: Path, rows: int) -> int:
    """Write a CSL file of ``rows`` rows, row by row; return its size in bytes."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(COLUMNS)
        for i in range(rows):
            writer.writerow(csl_row(i))
    return path.stat().st_size


# -- in the child ---------------------------------------------------------------------------------


def peak_mib() -> float:
    """This process's peak resident set (VmHWM) in MiB."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def child_parse(path: Path, batch_size: int) -> dict[str, Any]:
    from loaders import csl

    counts = {"entities": 0, "sources": 0, "claims": 0, "rejects": 0}
    started = time.perf_counter()
    reader = getattr(csl, "iter_batches", None)
    batches = reader([path], batch_size) if reader is not None else [csl.load(path)]  # before streaming
    for batch in batches:
        for kind in counts:
            counts[kind] += len(getattr(batch, kind))
    return {**counts, "seconds": round(time.perf_counter() - started, 1), "peak_mib": round(peak_mib(), 1)}


def child_export(fmt: str, out: Path) -> dict[str, Any]:
    import export
    from config import Settings
    from export import ExportFormat
    from graph.database import Graph

    started = time.perf_counter()
    with Graph.connect(Settings()) as graph:
        try:
            from cli.export import write_export
        except ImportError:  # the code before paged exports (--before): the whole graph read at once
            entities, facts = _export_whole(graph, ExportFormat(fmt), out)
        else:
            entities, facts = write_export(graph, ExportFormat(fmt), out, None, 1)
    size = sum(p.stat().st_size for p in out.iterdir()) if out.is_dir() else out.stat().st_size
    return {
        "entities": entities,
        "facts": facts,
        "bytes": size,
        "seconds": round(time.perf_counter() - started, 1),
        "peak_mib": round(peak_mib(), 1),
        "module": export.__file__,  # which code wrote it
    }


def _export_whole(graph: Any, fmt: Any, out: Path) -> tuple[int, int]:
    from export import stream, tables
    from graph import export as graph_export

    fg = graph_export.fact_graph(graph)
    if fmt.is_table:
        out.mkdir(parents=True, exist_ok=True)
        for name, data in tables(fg, fmt).items():
            (out / name).write_bytes(data)
    else:
        with out.open("wb") as fh:
            for chunk in stream(fg, fmt):
                fh.write(chunk)
    return len(fg.entities), len(fg.facts)


def _child(args: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.memory", *args]
    environ = {**os.environ, **(env or {})}
    done = subprocess.run(cmd, capture_output=True, text=True, env=environ, cwd=cwd, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- in the parent --------------------------------------------------------------------------------


def parse_table(sizes: list[int], batch_size: int) -> list[dict[str, Any]]:
    print(f"parse: a CSL-shaped CSV file read with loaders.csl, batches of {batch_size} rows, thrown away")
    print(
        f"{'rows':>10} {'MiB on disk':>11} {'entities':>10} {'claims':>10} {'seconds':>8} {'peak MiB':>9} {'ratio':>6}"
    )
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="regkg-memory-") as directory:
        for rows in sizes:
            path = Path(directory) / f"csl-{rows}.csv"
            size = write_csl(path, rows)
            r = _child(["--child-parse", str(path), "--batch-size", str(batch_size)]) | {"rows": rows, "bytes": size}
            path.unlink()
            results.append(r)
            ratio = r["peak_mib"] / results[0]["peak_mib"]
            print(
                f"{rows:>10,} {size / 2**20:>11,.0f} {r['entities']:>10,} {r['claims']:>10,} {r['seconds']:>8} "
                f"{r['peak_mib']:>9,.0f} {ratio:>6.2f}",
                flush=True,
            )
    return results


def export_table(sizes: list[str], formats: list[str], before: Path | None = None) -> list[dict[str, Any]]:
    from bench import offline_import

    print("export: the graph built with neo4j-admin import (bench.offline_import), exported as `regkg export` does")
    print(
        f"{'size':>4} {'format':>12} {'code':>7} {'entities':>10} {'facts':>10} {'MiB out':>8} {'seconds':>8} "
        f"{'peak MiB':>9}"
    )
    results: list[dict[str, Any]] = []
    for size in sizes:
        with offline_import.imported(size) as (settings, _figures), tempfile.TemporaryDirectory() as directory:
            env = {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": ""}
            for fmt in formats:
                for code in ("paged", "before") if before else ("paged",):
                    out = Path(directory) / f"export-{size}-{code}.{fmt}"
                    # ``-m`` puts the working directory first on the path: the older packages' directory
                    cwd = before if code == "before" else None
                    extra = {"PYTHONPATH": f"{before}:{os.getcwd()}"} if code == "before" else {}
                    r = _child(["--child-export", fmt, str(out)], env | extra, cwd) | {"size": size, "format": fmt}
                    assert (code == "before") == r["module"].startswith(str(before)), r["module"]
                    results.append(r | {"code": code})
                    print(
                        f"{size:>4} {fmt:>12} {code:>7} {r['entities']:>10,} {r['facts']:>10,} "
                        f"{r['bytes'] / 2**20:>8,.0f} {r['seconds']:>8} {r['peak_mib']:>9,.0f}",
                        flush=True,
                    )
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", default="10000,100000,1000000", help="CSL row counts, comma-separated ('' for none)")
    ap.add_argument("--export", default="", help="generator sizes to export, e.g. S,M ('' for none)")
    ap.add_argument("--format", default="ftm,csv", help="export formats, comma-separated")
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument(
        "--before",
        type=Path,
        help="also export with the export/, graph/ and cli/ packages of this directory (older code)",
    )
    ap.add_argument("--out", type=Path, help="also write the figures as JSON here")
    ap.add_argument("--child-parse", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--child-export", nargs=2, metavar=("FORMAT", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child_parse:
        print(json.dumps(child_parse(args.child_parse, args.batch_size)))
        return 0
    if args.child_export:
        print(json.dumps(child_export(args.child_export[0], Path(args.child_export[1]))))
        return 0
    figures: dict[str, Any] = {}
    if args.rows:
        figures["parse"] = parse_table([int(n) for n in args.rows.split(",")], args.batch_size)
    if args.export:
        figures["export"] = export_table(args.export.split(","), args.format.split(","), args.before)
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
