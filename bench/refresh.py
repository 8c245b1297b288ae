"""A list-version refresh: version 2 of the generated graph after version 1, timed against the full load.

    python -m bench.refresh --size S|M [--seed 7] [--batch 5000] [--share 0.01] [--no-reread]

1. **Version 1**: the generated graph (:mod:`bench.generate`) loaded in full as version ``D1`` of
   the series ``bench-versions`` — the path of ``regkg load … --version-date D1``: the version as
   units (:mod:`loaders.units`: each entity, each fact with its sources and claims), built and
   streamed through :func:`graph.ingest.ingest_stream`; the ends (from :func:`graph.versions.held`
   and :func:`loaders.versions.compare`) come as the stream's last batch (the run is still
   ``running`` then, so ``held`` sees only the earlier versions); then the version's manifest is
   saved (:mod:`graph.manifests`). This is the baseline.
2. **Version 2**, derived from version 1 by :func:`derive` (pure, seeded): exactly ``share`` of the
   listings (``listed-on``, ``sanctioned-by``) removed, as many added (new listings between existing
   firms or people and lists or agencies, with their own sources and quotes) and as many changed
   (every claim of the listing gets another start date: new claims of the same fact). A removed
   listing is never the last of its list: a version is the complete list of the lists it names,
   and a list it no longer names is out of its scope (nothing of it ends).
3. **The refresh**: version 2 loaded as version ``D2`` the way the command does it — every unit
   fingerprinted, the ones version 1's manifest has kept (not built, not sent), the others built
   and written; the ends from the whole version's listings (the kept units' from the manifest) —
   timed, with where the time goes (:class:`Probe`). Target: ≤ 10 % of the full load.
4. **The change feed** of the refresh's run (:func:`graph.reads.changes`, the read service of
   ``GET /v1/changes`` and ``regkg changes``, ``since`` = version 1's run): its ``ended`` /
   ``added`` / ``changed`` must equal the derivation's removed / added / changed, and nothing
   returns — PASS or FAIL.
5. Unless ``--no-reread``: **version 3** (derived from version 2 the same way) loaded with no
   manifest — every unit built and sent, the writer skipping what the graph holds: the refresh
   before manifests, for comparison, with its own change-feed check.

The change feed's "changed" is a fact that had claims before the run and got a claim from it (a
new claim, or one whose confidence or method changed) and neither ended nor returned; "added", a
fact no earlier run had a claim of. So a changed listing is one whose claims differ (another
``valid_from``), not one whose claims are merely sent again.

Prints the figures and writes ``bench/results/<date>-<size>-refresh.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any

from graph import ingest, manifests, queries, reads, versions
from graph.database import Graph
from loaders import versions as list_versions
from loaders.base import Parsed
from loaders.units import Manifest, Refresh, Unit, fingerprint
from schema.models import Claim, digest
from schema.ontology import VERSIONED, EntityType, Predicate

from .common import database
from .generate import ORDER, SIZES, Generator, _power
from .load import peak_rss_mb, warm_up

SERIES = "bench-versions"  # the loader's name, and so the series (as the CLI names it)
DAYS = ("2026-03-01", "2026-04-01", "2026-05-01")
RESULTS = Path(__file__).resolve().parent / "results"

Fact = tuple[EntityType, int, Predicate, EntityType, int]


# -- versions -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """A version of the generated graph as a change of version 1. Its facts are numbered: version
    1's in the generator's order (``0 … n_facts-1``), then the listings added since (``added[j]`` is
    number ``n_facts + j``). ``variants``: how many times a listing's start date has changed."""

    n_facts: int
    base: tuple[tuple[int, Fact], ...]  # version 1's listings, with their numbers
    removed: frozenset[int] = frozenset()
    variants: Mapping[int, int] = field(default_factory=dict)
    added: tuple[Fact, ...] = ()
    expected: Mapping[str, int] = field(default_factory=dict)  # the change feed of its run

    def listings(self) -> list[tuple[int, Fact]]:
        """The listings this version holds, with their numbers."""
        added = [(self.n_facts + j, f) for j, f in enumerate(self.added)]
        return [(k, f) for k, f in [*self.base, *added] if k not in self.removed]


def first(gen: Generator) -> Version:
    """Version 1: the generator's graph as it is."""
    base: list[tuple[int, Fact]] = []
    n_facts = 0
    for k, fact in enumerate(gen.facts()):
        n_facts = k + 1
        if fact[2] in VERSIONED:
            base.append((k, fact))
    return Version(n_facts, tuple(base))


def key(gen: Generator, fact: Fact) -> list_versions.Key:
    st, si, pred, ot, oi = fact
    return (gen.eid(st, si), pred, gen.eid(ot, oi))


def derive(gen: Generator, prev: Version, share: float = 0.01, salt: int = 0) -> Version:
    """The next version: ``round(share × listings)`` (at least 1) of ``prev``'s listings removed,
    as many changed (another start date) and as many added — pure, seeded by the generator's seed
    and ``salt``. A listing is never removed from a list it is the last of, and an added one was
    never held before (it would return, not be added)."""
    held = prev.listings()
    n = max(1, round(share * len(held)))
    r = random.Random(gen.seed * 1_000_003 + 16 * 1_009 + salt)
    order = r.sample(held, len(held))
    left = Counter((f[2], f[3], f[4]) for _k, f in held)
    removed: list[int] = []
    for k, f in order:
        if len(removed) == n:
            break
        if left[f[2], f[3], f[4]] > 1:
            left[f[2], f[3], f[4]] -= 1
            removed.append(k)
    gone = set(removed)
    changed = [k for k, _f in order if k not in gone][:n]
    if len(removed) < n or len(changed) < n:
        raise ValueError(f"too few listings ({len(held)}) for {n} of each change")
    ever = {key(gen, f) for _k, f in prev.base} | {key(gen, f) for f in prev.added}
    added: list[Fact] = []
    L = gen.layout
    while len(added) < n:
        if r.random() < 0.8:
            subject = (EntityType.FIRM, r.randrange(L.firms))
        else:  # not the last person: the generator keeps it unconnected
            subject = (EntityType.PERSON, r.randrange(L.persons - 1))
        if r.random() < 0.65:
            new: Fact = (*subject, Predicate.LISTED_ON, EntityType.LIST, _power(r, L.lists, 2.5))
        else:
            new = (*subject, Predicate.SANCTIONED_BY, EntityType.AGENCY, _power(r, L.agencies, 2.5))
        if key(gen, new) not in ever:
            ever.add(key(gen, new))
            added.append(new)
    variants = dict(prev.variants)
    for k in changed:
        variants[k] = variants.get(k, 0) + 1
    return replace(
        prev,
        removed=prev.removed | gone,
        variants=variants,
        added=prev.added + tuple(added),
        expected={"ended": len(removed), "added": len(added), "changed": len(changed), "returned": 0},
    )


def moved(claim: Claim, k: int, variant: int) -> Claim:
    """The claim with the start date of its listing's ``variant``-th change: before the generator's
    range (2010–2025), so it differs from every earlier one and starts before any end."""
    day = f"{2010 - variant}-{1 + k % 12:02d}-{1 + k % 28:02d}"
    return Claim.model_validate({**claim.model_dump(exclude={"id", "fact_id"}), "valid_from": day})


def unit_groups(gen: Generator, v: Version, batch: int = 5000) -> Iterator[list[Unit]]:
    """Version ``v`` as units (:mod:`loaders.units`), in groups streamed as batches: each entity,
    then each fact with its sources and claims — fingerprinted from what makes it (the generator's
    seed and the entity's or fact's number, the fact, its start-date variant) without building it,
    as a loader fingerprints a raw record before parsing it."""
    base = (gen.ns, str(gen.seed), str(gen.layout.n))
    group: list[Unit] = []
    for t in ORDER:
        for i in range(gen.layout.count(t)):
            group.append(Unit(fingerprint("entity", *base, t.value, str(i)), partial(_entity, gen, t, i)))
            if len(group) >= batch:
                yield group
                group = []
    if group:
        yield group
    group = []
    added = ((v.n_facts + j, f) for j, f in enumerate(v.added))
    for k, fact in chain(enumerate(gen.facts()), added):
        if k in v.removed:
            continue
        variant = v.variants.get(k, 0)
        fp = fingerprint("fact", *base, str(k), repr(fact), str(variant))
        group.append(Unit(fp, partial(_fact, gen, k, fact, variant)))
        if len(group) >= batch // 2:  # ≈ 1.7 claims a fact: ≈ ``batch`` claims a group
            yield group
            group = []
    if group:
        yield group


def _entity(gen: Generator, t: EntityType, i: int) -> Parsed:
    return Parsed(entities=[gen.entity(t, i)])


def _fact(gen: Generator, k: int, fact: Fact, variant: int) -> Parsed:
    recs = gen.fact_records(k, fact)
    if variant:
        recs = Parsed(sources=recs.sources, claims=[moved(c, k, variant) for c in recs.claims])
    return recs


# -- where the time goes --------------------------------------------------------------------------

_READS = {
    queries.ENTITIES_EXISTING: "entities: read existing",
    queries.SOURCES_EXISTING: "sources: read existing",
    queries.CLAIMS_EXISTING: "claims: read existing",
    queries.MISSING_ENTITIES: "preflight reads",
    queries.MISSING_SOURCES: "preflight reads",
    queries.HELD_IN_SERIES: "held (earlier versions)",
    queries.MANIFEST_LATEST: "manifest: read the previous",
}
_HELD = _READS[queries.HELD_IN_SERIES]
_WORK = {"_write_entities": "entities", "_write_sources": "sources", "_write_claims": "claims"}


class Probe:
    """Time spent in the database calls of a load, by what they are for, measured around the
    graph's ``read`` and ``write_tx`` and the queries run in a write transaction (result
    consumption included): "read existing" is the writer's look-up of what the graph holds,
    "write" its other statements, "python + commit" the rest of its transactions."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.lock = threading.Lock()

    def add(self, label: str, seconds: float) -> None:
        with self.lock:
            self.seconds[label] += seconds

    @contextmanager
    def timed(self, label: str) -> Iterator[None]:
        t = time.perf_counter()
        try:
            yield
        finally:
            self.add(label, time.perf_counter() - t)

    @contextmanager
    def attached(self, graph: Graph) -> Iterator[None]:
        read, write_tx = graph.read, graph.write_tx

        def timed_read(query: Any, params: Any = None, timeout: float | None = None) -> Any:
            t = time.perf_counter()
            try:
                return read(query, params, timeout)
            finally:
                self.add(_READS.get(query, "load run bookkeeping"), time.perf_counter() - t)

        def timed_write_tx(work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
            kind = _WORK.get(getattr(work, "__name__", ""), "other")
            spent = [0.0]

            def traced(tx: Any, *a: Any, **kw: Any) -> Any:
                return work(_Tx(tx, self, kind, spent), *a, **kw)

            t = time.perf_counter()
            try:
                return write_tx(traced, *args, **kwargs)
            finally:
                self.add(f"{kind}: python + commit", time.perf_counter() - t - spent[0])

        graph.read, graph.write_tx = timed_read, timed_write_tx  # type: ignore[method-assign]
        try:
            yield
        finally:
            del graph.read, graph.write_tx


class _Tx:
    """A transaction whose statements (until their results are consumed) a :class:`Probe` times."""

    def __init__(self, tx: Any, probe: Probe, kind: str, spent: list[float]) -> None:
        self.tx, self.probe, self.kind, self.spent = tx, probe, kind, spent

    def run(self, query: Any, *args: Any, **kwargs: Any) -> _Result:
        label = _READS.get(query, f"{self.kind}: write")
        return _Result(self, label, self._timed(label, lambda: self.tx.run(query, *args, **kwargs)))

    def _timed(self, label: str, call: Callable[[], Any]) -> Any:
        t = time.perf_counter()
        try:
            return call()
        finally:
            self.spent[0] += time.perf_counter() - t
            self.probe.add(label, time.perf_counter() - t)


class _Result:
    def __init__(self, tx: _Tx, label: str, result: Any) -> None:
        self.tx, self.label, self.result = tx, label, result

    def data(self) -> Any:
        return self.tx._timed(self.label, self.result.data)

    def consume(self) -> Any:
        return self.tx._timed(self.label, self.result.consume)

    def single(self) -> Any:
        return self.tx._timed(self.label, self.result.single)


# -- loading a version ----------------------------------------------------------------------------


def load_version(
    graph: Graph, gen: Generator, v: Version, day: str, batch: int, manifest: bool = True
) -> dict[str, Any]:
    """Load version ``v`` as ``regkg load … --version-date DAY`` does, streamed: the units that
    differ from the version before (its manifest; with ``manifest=False`` every unit is built and
    sent, the writer skipping what the graph holds — the refresh before manifests), then the ends
    and returns, in one load run of the series; then the version's manifest saved."""
    out: dict[str, Any] = {"version_date": day, "manifest": manifest}
    marks: dict[str, float] = {}
    n = {"entities": 0, "sources": 0, "claims": 0}
    probe = Probe()
    t0 = time.perf_counter()
    with probe.attached(graph):
        previous = Manifest.decode_or_none(manifests.previous(graph, SERIES, day)) if manifest else None
        refresh = Refresh(day, previous)

        def stream() -> Iterator[Parsed]:
            yield from refresh.batches(unit_groups(gen, v, batch))
            t = time.perf_counter()
            held = [
                list_versions.Held(r["subject"], Predicate(r["predicate"]), r["object"], r["ended"], r["returned"])
                for r in versions.held(graph, SERIES, day, refresh.scope())
            ]
            extra, ended, returned = list_versions.compare(SERIES, day, [], refresh.present, held)
            out.update(held=len(held), present=len(refresh.present), ended=ended, returned=returned)
            out["compare_seconds"] = round(time.perf_counter() - t, 2)
            if extra.claims:
                yield extra

        def on_batch(b: Any) -> None:
            if b.claims and "claims" not in marks:
                marks["claims"] = time.perf_counter()
            for k in n:
                n[k] += len(getattr(b, k))

        report = ingest.ingest_stream(
            graph,
            stream(),
            loader=SERIES,
            inputs=[f"bench:{gen.ns}:{gen.layout.n}:{gen.seed}:{day}"],
            input_sha256=digest(gen.ns, gen.layout.n, gen.seed, day, length=64) + f"@{day}",
            batch_size=batch,
            on_batch=on_batch,
            run_props={"series": SERIES, "version_date": day},
        )
        with probe.timed("manifest: save, sources seen again"):
            manifests.seen_again(graph, refresh.kept_seen, day)
            blob = refresh.manifest.encode()
            manifests.save(graph, SERIES, day, report.run_id, len(refresh.manifest.fingerprints), blob)
    t1 = time.perf_counter()
    t_claims = marks.get("claims", t1)
    spent = {k: round(s, 2) for k, s in sorted(probe.seconds.items())}
    main = sum(s for k, s in probe.seconds.items() if k != _HELD)  # held: in the read-ahead thread
    return out | {
        **n,
        "units": len(refresh.manifest.fingerprints),
        "units_kept": refresh.kept,
        "units_built": refresh.built_units,
        "manifest_bytes": len(blob),
        "run_id": report.run_id,
        "seconds": round(t1 - t0, 2),
        "entity_phase_seconds": round(t_claims - t0, 2),
        "claim_phase_seconds": round(t1 - t_claims, 2),
        "claims_per_s": round(n["claims"] / (t1 - t_claims), 1) if t1 > t_claims and n["claims"] else None,
        "written": report.counts.as_dict(),
        # the main thread outside database calls: waiting for the read-ahead thread (fingerprinting
        # and building the next batch; at the end, reading what earlier versions held), preflight's
        # own Python
        "spent": spent | {"main thread, no database": round(t1 - t0 - main, 2)},
    }


def feed(graph: Graph, since: str, run_id: str, page: int = 1000) -> dict[str, Any]:
    """The change feed after ``since`` (what ``GET /v1/changes?since=`` answers), counted per kind
    for ``run_id``'s items (and any other run's, which there should be none of)."""
    counts: Counter[str] = Counter()
    other = offset = 0
    t = time.perf_counter()
    while True:
        answer = reads.changes(graph, since, page, offset)
        for item in answer["items"]:
            if item["run"]["id"] == run_id:
                counts[item["change"]] += 1
            else:
                other += 1
        offset += len(answer["items"])
        if not answer["items"] or offset >= answer["total"]:
            break
    return {
        **{k: counts.get(k, 0) for k in ("ended", "added", "changed", "returned")},
        "other_runs": other,
        "total": offset,
        "seconds": round(time.perf_counter() - t, 2),
    }


def _check(res: dict[str, Any], v: Version, graph: Graph, since_run: str) -> None:
    res["expected"] = dict(v.expected)
    res["feed"] = got = feed(graph, since_run, res["run_id"])
    res["pass"] = all(got[k] == n for k, n in v.expected.items()) and got["other_runs"] == 0


# -- the benchmark --------------------------------------------------------------------------------


def run(
    graph: Graph, size: str, seed: int = 7, batch: int = 5000, share: float = 0.01, reread: bool = True
) -> dict[str, Any]:
    warm_up(graph, seed)
    gen = Generator(SIZES[size], seed)
    t = time.perf_counter()
    v1 = first(gen)
    v2 = derive(gen, v1, share, salt=2)
    v3 = derive(gen, v2, share, salt=3)
    res: dict[str, Any] = {"size": size, "seed": seed, "batch_size": batch, "share": share}
    res["derive_seconds"] = round(time.perf_counter() - t, 2)
    res["listings"] = [len(v.listings()) for v in (v1, v2, v3)]
    print(f"version 1: size {size} ({gen.layout.n:,} entities), {len(v1.base):,} listings; full load ...", flush=True)
    res["full"] = load_version(graph, gen, v1, DAYS[0], batch)
    print(f"version 2: {dict(v2.expected)}; the refresh (the command's way: what differs from v1) ...", flush=True)
    res["refresh"] = load_version(graph, gen, v2, DAYS[1], batch)
    res["refresh_ratio"] = round(res["refresh"]["seconds"] / res["full"]["seconds"], 3)
    _check(res["refresh"], v2, graph, res["full"]["run_id"])
    if reread:
        print(f"version 3: {dict(v3.expected)}; every record read and sent (no manifest) ...", flush=True)
        res["reread"] = load_version(graph, gen, v3, DAYS[2], batch, manifest=False)
        res["reread_ratio"] = round(res["reread"]["seconds"] / res["full"]["seconds"], 3)
        _check(res["reread"], v3, graph, res["refresh"]["run_id"])
    res["peak_rss_mb"] = peak_rss_mb()
    res["pass"] = res["refresh"]["pass"] and res.get("reread", {}).get("pass", True)
    return res


def print_table(res: dict[str, Any]) -> None:
    loads = [("full load (v1)", "full"), ("refresh (v2)", "refresh"), ("v3, all re-sent", "reread")]
    loads = [(name, k) for name, k in loads if k in res]
    print(f"\n{'':<20}{'seconds':>9}{'units':>9}{'kept':>9}{'built':>8}{'claims':>9}{'created':>9}"
          f"{'unchanged':>11}{'ended':>7}")  # fmt: skip
    for name, k in loads:
        x, w = res[k], res[k]["written"]
        print(f"{name:<20}{x['seconds']:>9}{x['units']:>9,}{x['units_kept']:>9,}{x['units_built']:>8,}"
              f"{x['claims']:>9,}{w['claims_created']:>9,}{w['claims_unchanged']:>11,}{x['ended']:>7}")  # fmt: skip
    print(f"refresh / full load: {res['refresh_ratio']:.1%} (target <= 10 %)"
          + (f"; all re-sent / full load: {res['reread_ratio']:.1%}" if "reread" in res else ""))  # fmt: skip
    print(f"manifest: {res['refresh']['manifest_bytes'] / 1e6:.1f} MB; loader peak RSS {res['peak_rss_mb']} MB")
    print(f"\n{'where the time goes, s':<30}" + "".join(f"{k:>10}" for _n, k in loads))
    labels = sorted({label for _n, k in loads for label in res[k]["spent"]})
    for label in labels:
        print(f"{label:<30}" + "".join(f"{res[k]['spent'].get(label, 0):>10.2f}" for _n, k in loads))
    for name, k in loads[1:]:
        exp, got = res[k]["expected"], res[k]["feed"]
        print(f"\n{'change feed: ' + name:<34}{'feed':>8}{'generator':>11}")
        for kind in ("ended", "added", "changed", "returned"):
            print(f"  {kind:<32}{got[kind]:>8,}{exp[kind]:>11,}")
        if got["other_runs"]:
            print(f"(and {got['other_runs']} item(s) of other runs)")
        verdict = "PASS" if res[k]["pass"] else "FAIL"
        print(f"{verdict}: {name}: the change feed's counts {'equal' if res[k]['pass'] else 'differ from'} "
              f"the generator's (read in {got['seconds']}s)")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", choices=list(SIZES), default="S")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--batch", type=int, default=5000)
    ap.add_argument("--share", type=float, default=0.01, help="share of the listings removed, added, changed")
    ap.add_argument("--no-reread", action="store_true", help="skip version 3 (every record sent, no manifest)")
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--pagecache", default=None, help="Neo4j page cache (default 512m, 2g at M, 10g at L)")
    args = ap.parse_args()
    pagecache = args.pagecache or {"M": "2g", "L": "10g"}.get(args.size, "512m")
    started = time.perf_counter()
    with database(heap=args.heap, pagecache=pagecache) as settings, Graph.connect(settings) as graph:
        res = run(graph, args.size, args.seed, args.batch, args.share, reread=not args.no_reread)
        res["neo4j_version"] = graph.server_version()
    res["date"] = datetime.now(UTC).isoformat(timespec="seconds")
    res["total_seconds"] = round(time.perf_counter() - started, 1)
    print_table(res)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{datetime.now(UTC):%Y-%m-%d}-{args.size}-refresh.json"
    out.write_text(json.dumps(res, indent=2) + "\n")
    print(f"\nwrote {out} ({res['total_seconds']}s in all)")
    if not res["pass"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
