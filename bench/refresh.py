"""A list-version refresh: version 2 of the generated graph after version 1, timed against the full load.

    python -m bench.refresh --size S|M [--seed 7] [--batch 5000] [--share 0.01] [--no-diff]

1. **Version 1**: the generated graph (:mod:`bench.generate`) loaded in full as version ``D1`` of
   the series ``bench-versions`` — the path of ``regkg load … --version-date D1`` (the listings a
   version holds, the ends and returns from :func:`graph.versions.held` and
   :func:`loaders.versions.compare`, one LoadRun with ``series`` and ``version_date``), streamed
   through :func:`graph.ingest.ingest_stream`: the batches are written as they are generated, only
   the listing keys are kept, and the ends come as the stream's last batch (the run is still
   ``running`` then, so ``held`` sees only the earlier versions). This is the baseline.
2. **Version 2**, derived from version 1 by :func:`derive` (pure, seeded): exactly ``share`` of the
   listings (``listed-on``, ``sanctioned-by``) removed, as many added (new listings between existing
   firms or people and lists or agencies, with their own sources and quotes) and as many changed
   (every claim of the listing gets another start date: new claims of the same fact). A removed
   listing is never the last of its list: a version is the complete list of the lists it names,
   and a list it no longer names is out of its scope (nothing of it ends).
3. **The refresh**: version 2 loaded as version ``D2`` the way the command does it today — the whole
   version again (``regkg load … --version-date D2`` re-reads the whole file; the writer skips what
   is already there), timed, with where the time goes (:class:`Probe`), and version 2 generated
   alone (no database): the floor of any refresh that reads the whole version.
4. **The change feed** of the refresh's run (:func:`graph.reads.changes`, the read service of
   ``GET /v1/changes`` and ``regkg changes``, ``since`` = version 1's run): its ``ended`` /
   ``added`` / ``changed`` must equal the derivation's removed / added / changed, and nothing
   returns — PASS or FAIL.
5. Unless ``--no-diff``: **version 3** (derived from version 2 the same way) loaded sending only what
   differs — the changed and added listings' records and the ends, computed from the whole
   version's listing keys: what a refresh would cost if the command knew what changed (a product
   change, see the README), with its own change-feed check.

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
from itertools import chain
from pathlib import Path
from typing import Any

from graph import ingest, queries, reads, versions
from graph.database import Graph
from graph.writer import claim_rows
from loaders import versions as list_versions
from loaders.base import Parsed
from schema.models import Claim, digest
from schema.ontology import VERSIONED, EntityType, Predicate

from .common import database
from .generate import SIZES, Generator, _power
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


def records(gen: Generator, v: Version, since: Version | None = None) -> Iterator[Parsed]:
    """The sources and claims of each fact of version ``v`` — or, with ``since``, only what differs
    from that version: the added listings' records and the changed ones' claims."""
    facts: Iterator[tuple[int, Fact]] = enumerate(gen.facts())
    added = ((v.n_facts + j, f) for j, f in enumerate(v.added))
    for k, fact in chain(facts, added) if since is None else _differing(v, since, facts):
        if k in v.removed:
            continue
        recs = gen.fact_records(k, fact)
        variant = v.variants.get(k, 0)
        if variant:
            recs = Parsed(sources=recs.sources, claims=[moved(c, k, variant) for c in recs.claims])
        if since is not None and k < since.n_facts + len(since.added):
            recs.sources = []  # a changed listing: its sources are the same
        yield recs


def _differing(v: Version, since: Version, facts: Iterator[tuple[int, Fact]]) -> Iterator[tuple[int, Fact]]:
    changed = {k for k, n in v.variants.items() if n != since.variants.get(k, 0)}
    yield from ((k, f) for k, f in facts if k in changed)
    for j, f in enumerate(v.added):
        k = v.n_facts + j
        if k in changed or j >= len(since.added):
            yield k, f


def version_batches(gen: Generator, v: Version, batch: int = 5000, since: Version | None = None) -> Iterator[Parsed]:
    """A version as :meth:`Generator.batches` streams it: the entities (none when only what differs
    is sent: no entity changes), then ≈ ``batch`` claims with their sources per batch."""
    current = Parsed()
    for e in gen.entities() if since is None else ():
        current.entities.append(e)
        if len(current.entities) >= batch:
            yield current
            current = Parsed()
    if current.entities:
        yield current
    current = Parsed()
    for recs in records(gen, v, since):
        current.sources.extend(recs.sources)
        current.claims.extend(recs.claims)
        if len(current.claims) >= batch:
            yield current
            current = Parsed()
    if current.claims:
        yield current


# -- where the time goes --------------------------------------------------------------------------

_READS = {
    queries.ENTITIES_EXISTING: "entities: read existing",
    queries.SOURCES_EXISTING: "sources: read existing",
    queries.CLAIMS_EXISTING: "claims: read existing",
    queries.MISSING_ENTITIES: "preflight reads",
    queries.MISSING_SOURCES: "preflight reads",
    queries.HELD_IN_SERIES: "held (earlier versions)",
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
    graph: Graph, gen: Generator, v: Version, day: str, batch: int, since: Version | None = None
) -> dict[str, Any]:
    """Load version ``v`` as ``regkg load … --version-date DAY`` does, streamed: its batches, then
    its ends and returns, in one load run of the series. With ``since``, only what differs from
    that version is sent, and the ends come from the whole version's listing keys."""
    present: set[list_versions.Key] = set()
    scope: set[tuple[Predicate, str]] = set()
    out: dict[str, Any] = {"version_date": day, "only_what_differs": since is not None}
    marks: dict[str, float] = {}
    n = {"entities": 0, "sources": 0, "claims": 0}

    def stream() -> Iterator[Parsed]:
        if since is not None:  # the whole version's listings, from its keys alone
            present.update(key(gen, f) for _k, f in v.listings())
            scope.update((p, o) for _s, p, o in present)
        for b in version_batches(gen, v, batch, since):
            if since is None:
                present.update(list_versions.listings(b))  # keys only: what the version holds
                scope.update(list_versions.scope(b))
            # as the command does (a no-op here: no source of the generator's comes from a file)
            list_versions.date_sources(b, day)
            yield b
        t = time.perf_counter()
        held = [
            list_versions.Held(r["subject"], Predicate(r["predicate"]), r["object"], r["ended"], r["returned"])
            for r in versions.held(graph, SERIES, day, scope)
        ]
        extra, ended, returned = list_versions.compare(SERIES, day, [], present, held)
        out.update(held=len(held), present=len(present), ended=ended, returned=returned)
        out["compare_seconds"] = round(time.perf_counter() - t, 2)
        if extra.claims:
            yield extra

    def on_batch(b: Any) -> None:
        if b.claims and "claims" not in marks:
            marks["claims"] = time.perf_counter()
        for k in n:
            n[k] += len(getattr(b, k))

    probe = Probe()
    t0 = time.perf_counter()
    with probe.attached(graph):
        report = ingest.ingest_stream(
            graph,
            stream(),
            loader=SERIES,
            inputs=[f"bench:{gen.ns}:{gen.layout.n}:{gen.seed}:{day}"],
            input_sha256=digest(gen.ns, gen.layout.n, gen.seed, day, since is not None, length=64) + f"@{day}",
            batch_size=batch,
            on_batch=on_batch,
            run_props={"series": SERIES, "version_date": day},
        )
    t1 = time.perf_counter()
    t_claims = marks.get("claims", t1)
    spent = {k: round(s, 2) for k, s in sorted(probe.seconds.items())}
    main = sum(s for k, s in probe.seconds.items() if k != _HELD)  # held: in the read-ahead thread
    return out | {
        **n,
        "run_id": report.run_id,
        "seconds": round(t1 - t0, 2),
        "entity_phase_seconds": round(t_claims - t0, 2),
        "claim_phase_seconds": round(t1 - t_claims, 2),
        "claims_per_s": round(n["claims"] / (t1 - t_claims), 1) if t1 > t_claims else None,
        "written": report.counts.as_dict(),
        # the main thread outside database calls: waiting for the read-ahead thread (generating the
        # next batch; at the end, reading what earlier versions held), preflight's own Python
        "spent": spent | {"main thread, no database": round(t1 - t0 - main, 2)},
    }


def generation_only(gen: Generator, v: Version, batch: int) -> float:
    """Seconds to produce a whole version's batches and their claim rows (what the stream's
    read-ahead thread does) with no database: the floor of a refresh that reads the whole version."""
    t = time.perf_counter()
    for b in version_batches(gen, v, batch):
        claim_rows(b.claims)
    return round(time.perf_counter() - t, 2)


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
    graph: Graph, size: str, seed: int = 7, batch: int = 5000, share: float = 0.01, diff: bool = True
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
    print(f"version 2: {dict(v2.expected)}; the refresh, the whole version ...", flush=True)
    res["refresh"] = load_version(graph, gen, v2, DAYS[1], batch)
    res["refresh_ratio"] = round(res["refresh"]["seconds"] / res["full"]["seconds"], 3)
    _check(res["refresh"], v2, graph, res["full"]["run_id"])
    res["peak_rss_mb"] = peak_rss_mb()
    print("version 2 generated alone (no database) ...", flush=True)
    res["generate_v2_seconds"] = generation_only(gen, v2, batch)
    if diff:
        print(f"version 3: {dict(v3.expected)}; only what differs ...", flush=True)
        res["diff"] = load_version(graph, gen, v3, DAYS[2], batch, since=v2)
        res["diff_ratio"] = round(res["diff"]["seconds"] / res["full"]["seconds"], 3)
        _check(res["diff"], v3, graph, res["refresh"]["run_id"])
    res["pass"] = res["refresh"]["pass"] and res.get("diff", {}).get("pass", True)
    return res


def print_table(res: dict[str, Any]) -> None:
    loads = [("full load (v1)", "full"), ("refresh (v2, whole)", "refresh"), ("v3, only what differs", "diff")]
    loads = [(name, k) for name, k in loads if k in res]
    print(f"\n{'':<24}{'seconds':>9}{'claims':>9}{'claims/s':>10}{'created':>9}{'unchanged':>11}{'ended':>7}")
    for name, k in loads:
        x, w = res[k], res[k]["written"]
        print(f"{name:<24}{x['seconds']:>9}{x['claims']:>9,}{x['claims_per_s'] or 0:>10,.0f}"
              f"{w['claims_created']:>9,}{w['claims_unchanged']:>11,}{x['ended']:>7}")  # fmt: skip
    f = res["full"]["seconds"]
    print(f"refresh / full load: {res['refresh_ratio']:.1%} (target <= 10 %)"
          + (f"; only what differs / full load: {res['diff_ratio']:.1%}" if "diff" in res else ""))  # fmt: skip
    g = res["generate_v2_seconds"]
    print(f"version 2 generated alone (no database): {g}s = {g / f:.1%} of the full load; "
          f"loader peak RSS {res['peak_rss_mb']} MB")  # fmt: skip
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
    ap.add_argument("--no-diff", action="store_true", help="skip version 3 (sending only what differs)")
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--pagecache", default=None, help="Neo4j page cache (default 512m, 2g at M, 10g at L)")
    args = ap.parse_args()
    pagecache = args.pagecache or {"M": "2g", "L": "10g"}.get(args.size, "512m")
    started = time.perf_counter()
    with database(heap=args.heap, pagecache=pagecache) as settings, Graph.connect(settings) as graph:
        res = run(graph, args.size, args.seed, args.batch, args.share, diff=not args.no_diff)
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
