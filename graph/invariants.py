"""The graph's invariants, checked on demand (tests, ``regkg check``).

* every fact edge has at least one claim, every claim has its fact edge, and a fact has one edge;
* every claim cites at least one source;
* every stored quote equals its source's text at its offsets (offsets count Unicode code points;
  comparison after :mod:`schema.quotes` normalisation);
* every entity carries its type label;
* every claim's quotes name its subject or its object (a name, alias, identifier or id), unless
  a reference source backs it (an agency part of its department, an agency administering a list:
  background facts, quoted from the statute or page that states them).

The checks that read every claim read a page of claims per transaction (:data:`PAGE`), so a
million-entity graph is checked in bounded memory and no read runs into the server's time limit.
The server settles the plain cases itself — a quote that is exactly its source's text at its
offsets, a quote that holds one of its ends' plain names whole — and sends only the rest, which
the Python checks below decide as before; so the checks are as strict, and read far less.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, LiteralString

from schema.quotes import matches, names_any

from . import queries
from .database import Graph


def violations(graph: Graph) -> dict[str, list[str]]:
    """Every broken invariant with (up to 100) offending ids; empty lists when all hold. The checks
    run side by side — the structural ones, and each per-claim check in :data:`RANGES` of claim
    ids — as each query runs on one server thread and a server has more."""
    with ThreadPoolExecutor(max_workers=2 + len(RANGES), thread_name_prefix="regkg-check") as pool:
        structure = pool.submit(_structure, graph)
        quotes = pool.submit(_quotes_not_in_source, graph)
        named = [pool.submit(_quotes_naming_neither_end, graph, r) for r in RANGES]
        return {
            **structure.result(),
            "quotes_not_in_source": quotes.result(),
            "quotes_naming_neither_end": [x for f in named for x in f.result()][:100],
        }


# Claim ids are "claim:" and a hex digest, so these halves hold about as many claims each; any
# other id still falls in exactly one range (from the first, inclusive, to the next; None: no end).
RANGES: tuple[tuple[str, str | None], ...] = (("", "claim:8"), ("claim:8", None))
EVERY: tuple[str, str | None] = ("", None)


def _structure(graph: Graph) -> dict[str, list[str]]:
    return {
        "facts_without_claims": [r["fact_id"] for r in graph.read(queries.FACTS_WITHOUT_CLAIMS)],
        "claims_without_fact": [r["id"] for r in graph.read(queries.CLAIMS_WITHOUT_FACT)],
        "facts_duplicated": [r["fact_id"] for r in graph.read(queries.FACTS_DUPLICATED)],
        "claims_without_citation": [r["id"] for r in graph.read(queries.CLAIMS_WITHOUT_CITATION)],
        "entities_without_type": [r["id"] for r in graph.read(queries.ENTITIES_WITHOUT_TYPE)],
    }


def _quotes_not_in_source(graph: Graph, ids: tuple[str, str | None] = EVERY) -> list[str]:
    out = []
    for row in _claim_pages(graph, queries.CITATIONS, ids):
        if row["source"] is None:
            continue  # a claim without a citation: claims_without_citation says so
        text = row["text"]
        if text is None or not matches(text, row["quote"], row["start"], row["end"]):
            out.append(f"{row['claim']} -> {row['source']}")
    return out


def _quotes_naming_neither_end(graph: Graph, ids: tuple[str, str | None] = EVERY) -> list[str]:
    out: list[str] = []
    for row in _claim_pages(graph, queries.CLAIM_QUOTES_AND_ENDS, ids):
        ends = [n for n in (*row["subject_names"], *row["object_names"]) if n is not None]
        if not row["quotes"] or row["subject_names"][0] is None or row["object_names"][0] is None:
            continue  # no citation, or an end missing: other checks (and constraints) say so
        if row["ref"] or names_any(row["quotes"], ends):
            continue
        if len(out) < 100:
            out.append(f"{row['claim']}: {' | '.join(row['quotes'])[:160]!r}")
    return out


PAGE = 20_000  # claims a page


def _claim_pages(graph: Graph, query: LiteralString, ids: tuple[str, str | None] = EVERY) -> Iterator[dict[str, Any]]:
    """The rows of a per-claim check the server left to Python, a page of claims (in id order,
    from ``ids[0]`` up to before ``ids[1]``) per read transaction."""
    after = ""
    start, until = ids
    while True:
        params = {"from": start, "after": after, "until": until, "size": PAGE, "bound": queries.NAME_BOUND}
        [page] = graph.read(query, params)
        if page["last"] is None:
            return
        yield from page["rows"]
        after = page["last"]
