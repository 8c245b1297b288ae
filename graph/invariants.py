"""The graph's invariants, checked on demand (tests, ``regkg check``).

* every fact edge has at least one claim, every claim has its fact edge, and a fact has one edge;
* every claim cites at least one source;
* every stored quote equals its source's text at its offsets (offsets count Unicode code points;
  comparison after :mod:`schema.quotes` normalisation);
* every entity carries its type label;
* every claim's quotes name its subject or its object (a name, alias, identifier or id), unless
  a reference source backs it (an agency part of its department, an agency administering a list:
  background facts, quoted from the statute or page that states them).
"""

from __future__ import annotations

from schema.quotes import matches, names_any

from . import queries
from .database import Graph


def violations(graph: Graph) -> dict[str, list[str]]:
    """Every broken invariant with (up to 100) offending ids; empty lists when all hold."""
    out: dict[str, list[str]] = {
        "facts_without_claims": [r["fact_id"] for r in graph.read(queries.FACTS_WITHOUT_CLAIMS)],
        "claims_without_fact": [r["id"] for r in graph.read(queries.CLAIMS_WITHOUT_FACT)],
        "facts_duplicated": [r["fact_id"] for r in graph.read(queries.FACTS_DUPLICATED)],
        "claims_without_citation": [r["id"] for r in graph.read(queries.CLAIMS_WITHOUT_CITATION)],
        "entities_without_type": [r["id"] for r in graph.read(queries.ENTITIES_WITHOUT_TYPE)],
        "quotes_not_in_source": [],
        "quotes_naming_neither_end": [],
    }
    for row in graph.read(queries.CITATIONS):
        text = row["text"]
        if text is None or not matches(text, row["quote"], row["start"], row["end"]):
            out["quotes_not_in_source"].append(f"{row['claim']} -> {row['source']}")
    for row in graph.read(queries.CLAIM_QUOTES_AND_ENDS):
        if row["ref"] or names_any(row["quotes"], [*row["subject_names"], *row["object_names"]]):
            continue
        if len(out["quotes_naming_neither_end"]) < 100:
            out["quotes_naming_neither_end"].append(f"{row['claim']}: {' | '.join(row['quotes'])[:160]!r}")
    return out
