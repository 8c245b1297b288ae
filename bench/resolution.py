"""Entity resolution at scale: twins from another source, ``regkg resolve``, and the reads with
and without the clusters, measured in the same run.

    python -m bench.resolution --size S [--seed 7] [--n 100]     (builds its own database)

Run by ``python -m bench.run`` too, after the load (its ``resolution`` section).

1. **Twins**: about 5 % of the generated firms (every 20th, and the firms the read cases ask
   about) get a twin "from a dataset" — id ``firm:ftm-<ns>-twin-<i>``, the same name in upper
   case, the same country — with one listing of its own (a fact the cluster then shares).
2. **Reads without clusters**: p50/p95 of search, the neighbours of a twinned firm, paths from a
   twinned firm (to a firm; to its country, a hub end) and its exposure — the read services as
   the API runs them (:mod:`graph.reads`), by the original's id.
3. **Resolution**: the firms compared (:func:`loaders.resolve.decide`), the decisions recorded
   and the clusters applied (:func:`graph.clusters.recluster`) — the time of each step, and the
   pairs merged and left unsure.
4. **Reads with clusters**: the same cases, asked by the twin's id (it answers as the canonical
   entity, the original), once each twin is merged with its original — the ratio p95 with / p95
   without is the cost of canonical answers. Then every other decision is applied too (the
   generator names many firms alike in one country: namesakes a name-based rule merges), timed
   but not read from: merging thousands of namesakes reshapes the graph, it does not measure
   what answering for a cluster costs.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from graph import clusters, ingest, lookup, reads
from graph.database import Graph
from loaders import resolve as resolution
from loaders.base import Parsed
from schema.models import Citation, Claim, Entity, Source
from schema.ontology import DISTINCT_BY, EntityType, Method, Predicate

from .common import database, summary
from .generate import SIZES, Generator

F = EntityType.FIRM
EVERY = 20  # one firm in this many gets a twin


def twin_id(gen: Generator, i: int) -> str:
    return f"firm:ftm-{gen.ns}-twin-{i:07d}"


def twins(gen: Generator, lm: dict[str, str], batch: int = 5000) -> Iterator[Parsed]:
    """The twins and their own listings, in batches (entities first, then sources and claims)."""
    picked = sorted(
        set(range(0, gen.layout.firms, EVERY))
        | {int(lm[k].rsplit("-", 1)[1]) for k in ("non_hub", "path_from", "path_pair_to", "exposure")}
    )
    listing = gen.eid(EntityType.LIST, 0)
    for start in range(0, len(picked), batch):
        part = picked[start : start + batch]
        out = Parsed()
        for i in part:
            original = gen.entity(F, i)
            out.entities.append(
                Entity(id=twin_id(gen, i), type=F, name=original.name.upper(), country=original.country)
            )
        yield out
        out = Parsed()
        for i in part:
            name = gen.name(F, i).upper()
            text = f"Dataset record: {name} is on the list."
            source = Source(id=f"source:{gen.ns}-twin-{i:07d}", title=f"Dataset record {name}", kind="dataset",
                            text=text)  # fmt: skip
            quote = f"{name} is on the list"
            start_at = text.index(quote)
            out.sources.append(source)
            out.claims.append(
                Claim(
                    subject=twin_id(gen, i),
                    predicate=Predicate.LISTED_ON,
                    object=listing,
                    method=Method.IMPORTED,
                    valid_from="2024",
                    citations=(Citation(source=source.id, quote=quote, start=start_at, end=start_at + len(quote)),),
                )
            )
        yield out


def read_cases(lm: dict[str, str], twinned: bool, gen: Generator) -> dict[str, Callable[[Graph], object]]:
    """The reads, asked by the original's id, or by its twin's (a member of the cluster the
    original answers for) when ``twinned``."""

    def by(key: str) -> str:
        eid = lm[key]
        return twin_id(gen, int(eid.rsplit("-", 1)[1])) if twinned else eid

    common: dict[str, Any] = {"predicates": None, "stances": None, "as_of": None}
    return {
        "search": lambda g: reads.search(g, lm["search"], None, 20, 0),
        "neighbors": lambda g: reads.neighbors(g, by("non_hub"), None, "both", None, None, 50),
        "paths_firm_firm": lambda g: reads.paths(
            g, by("path_from"), lm["path_pair_to"], max_hops=4, limit=5, directed=False, timeout=30, **common
        ),
        "paths_firm_country": lambda g: reads.paths(
            g, by("path_from"), lm["path_to"], max_hops=4, limit=5, directed=False, timeout=30, **common
        ),
        "exposure": lambda g: reads.exposure(g, by("exposure"), 4, None, 30),
    }


def _size(answer: object) -> int:
    """How much an answer holds (hits, facts, paths, actions): a cluster brings its members' facts."""
    if not isinstance(answer, dict):
        return 0
    for key in ("items", "edges", "paths", "actions"):
        if key in answer:
            return len(answer[key])
    return 0


def time_reads(
    graph: Graph, cases: dict[str, Callable[[Graph], object]], n: int, rounds: int = 5
) -> dict[str, dict[str, float]]:
    """p50/p95/p99 of ``n`` calls per case, taken in ``rounds`` interleaved rounds (a pause of the
    machine falls on every case alike, not on one), after every case is warm."""
    for _ in range(2):  # warm-up, every case twice over: the JVM compiles the queries, the pages come in
        for call in cases.values():
            deadline = time.perf_counter() + 2.0
            while time.perf_counter() < deadline:
                call(graph)
    samples: dict[str, list[float]] = {name: [] for name in cases}
    answers: dict[str, object] = {}
    for _ in range(rounds):
        for name, call in cases.items():
            for _ in range(max(1, n // rounds)):
                began = time.perf_counter()
                answers[name] = call(graph)
                samples[name].append((time.perf_counter() - began) * 1000)
    return {name: {**summary(samples[name]), "answer_size": _size(answers[name])} for name in cases}


def run(graph: Graph, gen: Generator, n: int = 300) -> dict[str, Any]:
    """Twins, reads without clusters, resolution, reads with them (the graph already loaded)."""
    lm = gen.landmarks()
    began = time.perf_counter()
    report = ingest.ingest_stream(graph, twins(gen, lm), loader="bench-twins", inputs=["twins"],
                                  input_sha256=f"twins-{gen.seed}-{gen.layout.firms}")  # fmt: skip
    result: dict[str, Any] = {
        "twins": report.counts.entities.created,
        "twins_seconds": round(time.perf_counter() - began, 1),
    }
    random.seed(gen.seed)
    print(f"resolution: {result['twins']} twins loaded; reads without clusters ...", flush=True)
    result["reads_without"] = time_reads(graph, read_cases(lm, False, gen), n)

    t0 = time.perf_counter()
    firms = lookup.entities_by_type(graph, [F])
    related = lookup.linked_pairs(graph, DISTINCT_BY, [F])
    recorded = lookup.linked_pairs(graph, [Predicate.SAME_AS, Predicate.POSSIBLY_SAME_AS], [F])
    canonical = lookup.cluster_members(graph, [F])
    t1 = time.perf_counter()
    decisions = resolution.decide(firms, related, recorded.keys(), canonical)
    t2 = time.perf_counter()
    # first each twin with its original (the duplicates this benchmark made): the reads are timed
    # with those clusters; then every other decision (the generator's namesakes: firms it named
    # alike in one country), timed but not read from (they reshape the graph, not the cost of
    # answering for a cluster)
    originals = {twin_id(gen, int(lm_id.rsplit("-", 1)[1])): lm_id for lm_id in _originals(gen, lm)}
    mine = [d for d in decisions if originals.get(d.subject) == d.object or originals.get(d.object) == d.subject]
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    twin_time = _apply(graph, mine, stamp)
    result["resolution"] = {
        "firms_compared": len(firms),
        "merged": sum(d.verdict == "merged" for d in decisions),
        "unsure": sum(d.verdict == "unsure" for d in decisions),
        "twin_pairs_merged": sum(d.verdict == "merged" for d in mine),
        "read_seconds": round(t1 - t0, 1),
        "decide_seconds": round(t2 - t1, 1),
        "twins": twin_time,
    }
    print(f"resolution: {json.dumps(result['resolution'])}; reads with the twins' clusters ...", flush=True)
    result["reads_with"] = time_reads(graph, read_cases(lm, True, gen), n)
    # the same clusters asked by the canonical id: what a member id's look-up adds, apart from
    # what the cluster's extra facts add
    result["reads_with_canonical"] = time_reads(graph, read_cases(lm, False, gen), n)
    rest = [d for d in decisions if d not in mine]
    result["resolution"]["rest"] = _apply(graph, rest, stamp)
    result["resolution"]["total_seconds"] = round(
        result["resolution"]["read_seconds"] + result["resolution"]["decide_seconds"]
        + twin_time["record_seconds"] + twin_time["recluster_seconds"]
        + result["resolution"]["rest"]["record_seconds"] + result["resolution"]["rest"]["recluster_seconds"], 1
    )  # fmt: skip
    for key, reads_with in (("p95_ratio", "reads_with"), ("p95_ratio_canonical", "reads_with_canonical")):
        result[key] = {
            k: round(result[reads_with][k]["p95"] / max(result["reads_without"][k]["p95"], 1e-6), 2)
            for k in result["reads_without"]
        }
    return result


def _originals(gen: Generator, lm: dict[str, str]) -> list[str]:
    picked = set(range(0, gen.layout.firms, EVERY))
    picked |= {int(lm[k].rsplit("-", 1)[1]) for k in ("non_hub", "path_from", "path_pair_to", "exposure")}
    return [gen.eid(F, i) for i in sorted(picked)]


def _apply(graph: Graph, decisions: list[resolution.Decision], stamp: str) -> dict[str, Any]:
    """Record some decisions and apply the clusters: the time of each step and what moved."""
    t0 = time.perf_counter()
    parsed = resolution.records(decisions, decided_at=stamp)
    if parsed.sources:
        source = parsed.sources[0]
        ingest.ingest(graph, parsed, loader="resolve", inputs=[source.id], input_sha256=source.sha256 or "")
    t1 = time.perf_counter()
    moved = clusters.recluster(graph, {i for c in parsed.claims for i in (c.subject, c.object)})
    t2 = time.perf_counter()
    return {
        "decisions": len(parsed.claims),
        "clusters": moved.clusters,
        "ids_moved": moved.moved,
        "facts_rebuilt": moved.facts,
        "record_seconds": round(t1 - t0, 1),
        "recluster_seconds": round(t2 - t1, 1),
    }


def print_table(res: dict[str, Any]) -> None:
    r = res["resolution"]
    tw, rest = r["twins"], r["rest"]
    print(
        f"\nresolution: {res['twins']} twins; {r['firms_compared']} firms compared (read {r['read_seconds']} s, "
        f"decide {r['decide_seconds']} s): {r['merged']} merged, {r['unsure']} unsure, in {r['total_seconds']} s"
    )
    print(
        f"  the twins with their originals: {tw['decisions']} decisions, {tw['clusters']} clusters, "
        f"{tw['facts_rebuilt']} facts rebuilt (record {tw['record_seconds']} s, recluster {tw['recluster_seconds']} s)"
    )
    print(f"  then the generator's namesakes: {rest['decisions']} decisions, {rest['clusters']} clusters, "
          f"{rest['facts_rebuilt']} facts rebuilt (record {rest['record_seconds']} s, "
          f"recluster {rest['recluster_seconds']} s)")  # fmt: skip
    print("p95 in ms, without clusters -> with them, asked by a member's id and by the canonical id")
    print(f"{'read':<20}{'without':>9}{'member':>9}{'ratio':>7}{'canonical':>11}{'ratio':>7}"
          f"{'size without':>14}{'size with':>10}")  # fmt: skip
    for k, ratio in res["p95_ratio"].items():
        a, b, c = res["reads_without"][k], res["reads_with"][k], res["reads_with_canonical"][k]
        print(f"{k:<20}{a['p95']:>9.2f}{b['p95']:>9.2f}{ratio:>7.2f}{c['p95']:>11.2f}"
              f"{res['p95_ratio_canonical'][k]:>7.2f}{a['answer_size']:>14}{b['answer_size']:>10}")  # fmt: skip


def main() -> None:
    from . import load

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="XS")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=300, help="timed calls per read case")
    ap.add_argument("--pagecache", default=None)
    args = ap.parse_args()
    pagecache = args.pagecache or {"M": "2g", "L": "10g"}.get(args.size, "512m")
    with database(heap="1g", pagecache=pagecache) as settings, Graph.connect(settings) as graph:
        load.load_ours(graph, Generator(SIZES[args.size], args.seed), 5000)
        res = run(graph, Generator(SIZES[args.size], args.seed), args.n)
    print_table(res)


if __name__ == "__main__":
    main()
