"""The graph's invariants, checked on demand (tests, ``regkg check``).

* every fact edge has at least one claim, every claim has its fact edge, and a fact has one edge;
* every claim cites at least one source;
* every stored quote equals its source's text at its offsets (offsets count Unicode code points;
  comparison after :mod:`schema.quotes` normalisation);
* every entity carries its type label.
"""

from __future__ import annotations

from schema.quotes import matches

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
    }
    for row in graph.read(queries.CITATIONS):
        text = row["text"]
        if text is None or not matches(text, row["quote"], row["start"], row["end"]):
            out["quotes_not_in_source"].append(f"{row['claim']} -> {row['source']}")
    return out
