"""The per-claim invariants on the real Neo4j: the server settles the plain cases (a quote that is
exactly its source's text at its offsets, a quote holding a plain name whole) and Python decides
the rest — so a broken claim is still named, and a claim only normalisation reconciles still holds."""

from __future__ import annotations

from typing import LiteralString

import pytest

from graph import ingest, invariants, queries
from graph.database import Graph
from loaders.base import Parsed
from schema.models import Citation, Claim, Entity, Source
from schema.ontology import EntityType, Predicate

TEXT = (
    "The Agency listed Acme Holdings Limited on 3 March 2021. "  # 0..56
    "ZTEX was listed too. "  # 57..78
    "Nothing\u00a0here names anyone. "  # a non-breaking space
    "Holdings were listed. "
    "Заря Ltd was listed."
)


def _cite(quote: str, at: str | None = None, shift: int = 0) -> Citation:
    start = TEXT.index(at or quote) + shift
    return Citation(source="source:inv", quote=quote, start=start, end=start + len(quote))


def _claim(subject: str, *cites: Citation) -> Claim:
    return Claim(subject=subject, predicate=Predicate.LISTED_ON, object="list:agency-list", citations=cites)


@pytest.fixture
def loaded(clean_graph: Graph) -> Graph:
    parsed = Parsed(
        entities=[
            Entity(id="firm:acme", type=EntityType.FIRM, name="Acme Holdings Limited"),
            Entity(id="firm:zte", type=EntityType.FIRM, name="ZTE"),
            Entity(id="firm:nobody", type=EntityType.FIRM, name="Nobody Corp"),
            Entity(id="firm:zarya", type=EntityType.FIRM, name="Заря Ltd"),
            Entity(id="list:agency-list", type=EntityType.LIST, name="Agency List"),
        ],
        sources=[Source(id="source:inv", title="Invariants", kind="report", text=TEXT)],
        claims=[
            _claim("firm:acme", _cite("The Agency listed Acme Holdings Limited on 3 March 2021.")),  # plain
            _claim("firm:zte", _cite("ZTEX was listed too.")),  # "ZTE" is not a word of it
            _claim("firm:nobody", _cite("Nothing here names anyone.", at="Nothing\u00a0here")),  # NBSP folded
            _claim("firm:acme", _cite("Holdings were listed.")),  # a word of 5+ letters of the name
            _claim("firm:zarya", _cite("Заря Ltd was listed.")),  # not a plain name: Python decides
        ],
    )
    ingest.ingest(clean_graph, parsed, loader="test", inputs=["inv"], input_sha256="inv")
    return clean_graph


def test_what_the_server_settles_and_what_python_decides(loaded: Graph) -> None:
    found = invariants.violations(loaded)
    assert found["quotes_not_in_source"] == []  # the NBSP quote matches after normalisation
    named = found["quotes_naming_neither_end"]
    assert len(named) == 2, named
    assert any("ZTEX" in v for v in named)  # a name inside a longer word does not count
    assert any("Nothing here" in v for v in named)
    assert not any("Holdings were" in v or "Заря" in v for v in named)


def test_a_quote_not_at_its_offsets_is_named(clean_graph: Graph) -> None:
    parsed = Parsed(
        entities=[
            Entity(id="firm:acme", type=EntityType.FIRM, name="Acme Holdings Limited"),
            Entity(id="list:agency-list", type=EntityType.LIST, name="Agency List"),
        ],
        sources=[Source(id="source:inv", title="Invariants", kind="report", text=TEXT)],
        claims=[_claim("firm:acme", _cite("Acme Holdings Limited", shift=3))],
    )
    ingest.ingest(clean_graph, parsed, loader="test", inputs=["inv2"], input_sha256="inv2")
    [broken] = invariants.violations(clean_graph)["quotes_not_in_source"]
    assert broken.endswith("-> source:inv")


def test_the_server_sends_only_what_it_could_not_settle(loaded: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    sent: dict[str, int] = {"citations": 0, "quotes and ends": 0}
    real_read = loaded.read

    def read(query: str, params: dict[str, object] | None = None, timeout: float | None = None) -> list[dict]:
        rows = real_read(query, params, timeout)  # type: ignore[arg-type]
        if params and "after" in params and rows and rows[0]["last"] is not None:
            sent["citations" if query is queries.CITATIONS else "quotes and ends"] += len(rows[0]["rows"])
        return rows

    monkeypatch.setattr(loaded, "read", read)
    invariants.violations(loaded)
    # citations: only the NBSP quote is not its source's exact text; quotes and ends: all but the
    # plain "Acme Holdings Limited" claim (ZTEX, nobody, a word of the name, a Cyrillic name)
    assert sent == {"citations": 1, "quotes and ends": 4}  # (the checks run side by side, in id ranges)


@pytest.mark.parametrize("query", [queries.CITATIONS, queries.CLAIM_QUOTES_AND_ENDS], ids=["citations", "ends"])
def test_id_ranges_read_every_claim_once(loaded: Graph, query: LiteralString) -> None:
    every = [row["claim"] for row in invariants._claim_pages(loaded, query)]
    split = [row["claim"] for r in invariants.RANGES for row in invariants._claim_pages(loaded, query, r)]
    assert split == every and len(set(every)) == len(every) > 0
    at = every[len(every) // 2]  # a range starts at its first id, inclusive, and ends before its last
    around = [row["claim"] for r in (("", at), (at, None)) for row in invariants._claim_pages(loaded, query, r)]
    assert around == every
