"""Issue 3 acceptance on the real Neo4j: the seed loaded, its invariants, idempotence, findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app as cli
from config import Settings
from graph import invariants, maintenance
from graph.database import Graph

SEED = Path(__file__).resolve().parents[2] / "data" / "seed"


def cli_env(settings: Settings) -> dict[str, str]:
    return {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}


@pytest.fixture(scope="module")
def seeded(graph: Graph, settings: Settings) -> Graph:
    maintenance.wipe(graph)
    result = CliRunner().invoke(cli, ["load", "curated", str(SEED)], env=cli_env(settings))
    assert result.exit_code == 0, result.output
    return graph


def test_invariants_hold_after_the_seed(seeded: Graph) -> None:
    assert invariants.violations(seeded) == {
        "facts_without_claims": [],
        "claims_without_fact": [],
        "facts_duplicated": [],
        "claims_without_citation": [],
        "entities_without_type": [],
        "quotes_not_in_source": [],
        "quotes_naming_neither_end": [],
    }
    counts = maintenance.domain_counts(seeded)
    assert counts["claims"] == 20
    assert counts["entities"] == 16


def test_the_per_claim_checks_walk_every_claim_a_page_at_a_time(seeded: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = invariants.violations(seeded)
    reads: list[dict[str, object]] = []
    real_read = seeded.read

    def read(query: str, params: dict[str, object] | None = None, timeout: float | None = None) -> list[dict]:
        reads.append(dict(params or {}))
        return real_read(query, params, timeout)  # type: ignore[arg-type]

    monkeypatch.setattr(seeded, "read", read)
    monkeypatch.setattr(invariants, "PAGE", 3)
    assert invariants.violations(seeded) == whole
    pages = [p for p in reads if "after" in p]
    # a walk over n claims reads ceil(n / 3) pages of claims, then an empty one: the citations'
    # check walks all 20, the quotes-and-ends check walks each of its id ranges side by side
    in_range = [
        seeded.read(
            "MATCH (c:Claim) WHERE c.id >= $start AND ($until IS NULL OR c.id < $until) RETURN count(c) AS n",
            {"start": start, "until": until},
        )[0]["n"]
        for start, until in invariants.RANGES
    ]
    assert sum(in_range) == 20
    assert len(pages) == (-(-20 // 3) + 1) + sum(-(-n // 3) + 1 for n in in_range)
    assert all(p["size"] == 3 for p in pages)


def test_second_load_changes_nothing(seeded: Graph, settings: Settings) -> None:
    before = (maintenance.counts(seeded), maintenance.domain_counts(seeded))
    result = CliRunner().invoke(cli, ["load", "curated", str(SEED)], env=cli_env(settings))
    assert result.exit_code == 0, result.output
    assert "re-confirmed" in result.output
    for kind in ("entities", "sources", "claims"):
        row = next(line for line in result.output.splitlines() if line.strip("│ ").startswith(kind))
        cells = [c.strip() for c in row.split("│") if c.strip()]
        assert cells[1:3] == ["0", "0"], row  # created, updated
    after = (maintenance.counts(seeded), maintenance.domain_counts(seeded))
    assert after == before


def test_fsb_allegation(seeded: Graph) -> None:
    rows = seeded.read(
        "MATCH (k:Entity {id: 'firm:kaspersky-lab'})-[r:ALLEGED_TIE_TO]->(f:Entity {id: 'agency:fsb'}) "
        "MATCH (c:Claim {fact_id: r.fact_id})-[:ASSERTED_BY]->(who:Entity) "
        "MATCH (c)-[k2:CITES]->(s:Source) "
        "RETURN r.stances AS stances, c.stance AS stance, who.id AS who, k2.quote AS quote"
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["stances"] == ["alleged"] and row["stance"] == "alleged"
    assert row["who"] == "country:us"
    assert "coordinated with Russia’s Federal Security Service to steal classified documents" in row["quote"]


def test_2017_ban(seeded: Graph) -> None:
    rows = seeded.read(
        "MATCH (:Entity {id: 'firm:kaspersky-lab'})-[r:BANNED_BY]->(o:Entity) "
        "RETURN o.id AS obj, r.valid_from AS valid_from, r.valid_from_key AS key, r.stances AS stances"
    )
    assert rows == [
        {"obj": "country:us", "valid_from": "2017", "key": "2017-01-01", "stances": ["asserted", "disputed"]}
    ]


def test_listed_on_the_federal_list_with_the_quote(seeded: Graph) -> None:
    rows = seeded.read(
        "MATCH (:Entity {id: 'firm:kaspersky-lab'})-[r:LISTED_ON]->(l:List) "
        "RETURN l.id AS list, l.name AS name, r.quote AS quote"
    )
    assert rows == [
        {
            "list": "list:us-fcc-covered-list",
            "name": "FCC Covered List",
            "quote": "US regulators began cracking down hard on Kaspersky last year after Russia invaded Ukraine. \xa0However, "
            "at the time there was a lot of resistance from other US officials regarding fully banning it. It was "
            "eventually added to a federal list of companies that pose a national security risk to the US",
        }
    ]


def test_germanys_kremlin_allegation(seeded: Graph) -> None:
    rows = seeded.read(
        "MATCH (c:Claim {predicate: 'alleged-tie-to', stance: 'alleged'})-[:OBJECT]->(:Entity {id: 'agency:kremlin'}) "
        "MATCH (c)-[:ASSERTED_BY]->(g:Entity) MATCH (c)-[:SUBJECT]->(s:Entity) RETURN s.id AS s, g.id AS g"
    )
    assert rows == [{"s": "firm:kaspersky-lab", "g": "country:de"}]


def test_disputed_claim_asserted_by_kaspersky(seeded: Graph) -> None:
    rows = seeded.read(
        "MATCH (c:Claim {stance: 'disputed'})-[:ASSERTED_BY]->(:Entity {id: 'firm:kaspersky-lab'}) "
        "RETURN c.predicate AS p, c.object AS o"
    )
    assert rows == [{"p": "banned-by", "o": "country:us"}]


def test_tiktok_targeted_by_a_proposed_law(seeded: Graph) -> None:
    rows = seeded.read(
        "MATCH (law:Law)-[r:TARGETS]->(:Product {id: 'product:tiktok'}) RETURN law.id AS law, r.stances AS stances"
    )
    assert rows == [{"law": "law:us-foreign-technology-ban-bill", "stances": ["proposed"]}]


def test_source_chain_article_to_wsj(seeded: Graph) -> None:
    rows = seeded.read(
        "MATCH (a:Source)-[:DERIVED_FROM]->(b:Source) RETURN a.publisher AS a, b.publisher AS b, a.sha256 AS sha"
    )
    assert [(r["a"], r["b"]) for r in rows] == [("SafetyDetectives", "The Wall Street Journal")]
    import hashlib

    assert rows[0]["sha"] == hashlib.sha256((SEED / "000_66c8fb9bb78ccfc2.txt").read_bytes()).hexdigest()
