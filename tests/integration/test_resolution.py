"""Entity resolution on the real Neo4j: ``regkg resolve`` after the seed and the FCC list.

AO Kaspersky Lab (FCC) and Kaspersky Lab (seed) are recorded as one entity by a same-as claim
citing a decisions Source; Kaspersky Lab, Inc. stays a separate entity (unsure, never applied;
once the graph says it is a subsidiary, distinct); OFAC's namesakes stay apart; a second run
changes nothing. The tests run in order on one graph.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cli.main import app as cli
from config import Settings
from graph import invariants, maintenance
from graph.database import Graph

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "seed"
REAL = ROOT / "tests" / "fixtures" / "real"
BIS_RELEASE = ROOT / "tests" / "fixtures" / "articles" / "bis-kaspersky-final-determination-2024.txt"

AO, SEED_KASPERSKY, INC = "firm:fcc-ao-kaspersky-lab", "firm:kaspersky-lab", "firm:fcc-kaspersky-lab-inc"
NO_VIOLATIONS: dict[str, list[str]] = {
    "facts_without_claims": [],
    "claims_without_fact": [],
    "facts_duplicated": [],
    "claims_without_citation": [],
    "entities_without_type": [],
    "quotes_not_in_source": [],
    "quotes_naming_neither_end": [],
}

SUBSIDIARY_YAML = """\
sources:
  - id: source:bis-kaspersky-final-determination-2024
    title: "Commerce Department Prohibits Russian Kaspersky Software for U.S. Customers"
    kind: press-release
    url: https://www.bis.gov/press-release/commerce-department-prohibits-russian-kaspersky-software-us-customers
    publisher: Bureau of Industry and Security
    published_at: "2024-06-20"
    text_file: {text_file}
claims:
  - subject: firm:fcc-kaspersky-lab-inc
    predicate: subsidiary-of
    object: firm:kaspersky-lab
    asserted_by: agency:us-bis
    source: source:bis-kaspersky-final-determination-2024
    quote: "Kaspersky Lab, Inc., the U.S. subsidiary of a Russia-based anti-virus software and cybersecurity company"
"""


def env(settings: Settings) -> dict[str, str]:
    return {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}


def invoke(settings: Settings, *args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), env=env(settings))
    assert result.exit_code == 0, result.output
    return result


def snapshot(graph: Graph) -> tuple[dict[str, int], dict[str, int]]:
    return maintenance.counts(graph), maintenance.domain_counts(graph)


def same_as(graph: Graph) -> set[tuple[str, str]]:
    rows = graph.read("MATCH (a:Entity)-[:SAME_AS]->(b:Entity) RETURN a.id AS a, b.id AS b")
    return {(r["a"], r["b"]) for r in rows}


def decisions(output: str, verdict: str) -> list[str]:
    """The decision lines printed under one verdict."""
    lines = output.splitlines()
    out: list[str] = []
    inside = False
    for line in lines:
        if re.match(r"^(merged|unsure|distinct|recorded) \(\d+", line):
            inside = line.startswith(verdict + " ")
        elif inside and line.startswith("  "):
            out.append(line.strip())
        else:
            inside = False
    return out


@pytest.fixture(scope="module")
def seeded(graph: Graph, settings: Settings) -> Graph:
    maintenance.wipe(graph)
    invoke(settings, "load", "curated", str(SEED))
    invoke(settings, "load", "fcc", str(REAL / "fcc_covered_list_2026.csv"))
    return graph


def test_resolve_without_apply_only_prints(seeded: Graph, settings: Settings) -> None:
    before = snapshot(seeded)
    result = invoke(settings, "resolve")
    merged = decisions(result.output, "merged")
    assert merged == [f"{AO} same-as {SEED_KASPERSKY}: merged, score 1: same normalised name: 'kaspersky lab'; "
                      "legal form ao fits RU"]  # fmt: skip
    # the US firm resembles both ids of the merged cluster: one question for a reviewer, not two
    unsure = decisions(result.output, "unsure")
    assert len(unsure) == 1 and INC in unsure[0] and "different legal forms (ao vs inc)" in unsure[0]
    recorded = decisions(result.output, "recorded")
    assert len(recorded) == 1 and INC in recorded[0] and SEED_KASPERSKY in recorded[0]
    assert "nothing says the legal form inc is used in RU" in recorded[0]
    assert "their clusters are queued once" in recorded[0]
    assert "run with --apply" in result.output
    assert snapshot(seeded) == before


def test_apply_records_the_decision_as_a_same_as_claim(seeded: Graph, settings: Settings) -> None:
    result = invoke(settings, "resolve", "--apply")
    assert "decisions recorded in source:resolution-" in result.output
    assert same_as(seeded) == {(AO, SEED_KASPERSKY)}
    rows = seeded.read(
        "MATCH (:Entity {id: $ao})-[r:SAME_AS]->(:Entity {id: $seed}) "
        "MATCH (c:Claim {fact_id: r.fact_id})-[k:CITES]->(s:Source) "
        "MATCH (run:LoadRun)-[:GENERATED]->(c) "
        "RETURN r.stances AS stances, c.method AS method, c.confidence AS confidence, c.qualifiers AS q, "
        "k.quote AS quote, s.id AS source, s.kind AS kind, s.text AS text, run.loader AS loader",
        {"ao": AO, "seed": SEED_KASPERSKY},
    )
    assert len(rows) == 1
    row = rows[0]
    assert row["stances"] == ["asserted"] and row["method"] == "imported" and row["confidence"] == 1.0
    qualifiers = json.loads(row["q"])
    assert qualifiers.pop("decided_at")  # when: a later undo or merge of the pair wins
    assert qualifiers == {
        "decision": "merged",
        "score": 1.0,
        "reason": "same normalised name: 'kaspersky lab'; legal form ao fits RU",
    }
    assert row["source"].startswith("source:resolution-") and row["kind"] == "dataset"
    assert row["quote"] in row["text"].splitlines()
    assert row["loader"] == "resolve"
    # the US subsidiary is not merged with anything
    assert seeded.read("MATCH (:Entity {id: $inc})-[r:SAME_AS]-() RETURN r", {"inc": INC}) == []
    assert invariants.violations(seeded) == NO_VIOLATIONS


def test_the_cluster_answers_as_one_entity(seeded: Graph) -> None:
    # the seed's and the FCC's Covered-List listings of Kaspersky are one fact of the canonical
    # entity (the curated one), with both claims and the FCC's date
    rows = seeded.read(
        "MATCH (k:Entity {id: $seed})-[r:LISTED_ON]->(l:List {id: 'list:us-fcc-covered-list'}) "
        "MATCH (c:Claim {fact_id: r.fact_id}) "
        "RETURN r.valid_from AS since, r.n_claims AS n, collect(c.subject) AS about, k.canonical AS canonical",
        {"seed": SEED_KASPERSKY},
    )
    assert len(rows) == 1 and rows[0]["since"] == "2022-03-25" and rows[0]["n"] == 2
    assert sorted(rows[0]["about"]) == sorted([AO, SEED_KASPERSKY])  # each claim says which member
    assert rows[0]["canonical"] == SEED_KASPERSKY
    assert seeded.read("MATCH (:Entity {id: $ao})-[r:LISTED_ON]->() RETURN r", {"ao": AO}) == []
    # the unsure pairs are the review queue, never merged
    unsure = seeded.read("MATCH (a:Entity)-[:POSSIBLY_SAME_AS]-(b:Entity) RETURN DISTINCT a.id AS a")
    assert {r["a"] for r in unsure} >= {INC}


def test_a_second_run_changes_nothing(seeded: Graph, settings: Settings) -> None:
    before = snapshot(seeded)
    result = invoke(settings, "resolve", "--apply")
    assert "nothing new to record" in result.output
    recorded = decisions(result.output, "recorded")
    assert (
        f"{AO} same-as {SEED_KASPERSKY}: recorded, score 1: same normalised name: 'kaspersky lab'; legal form ao fits RU"
    ) in recorded
    assert len(recorded) == 3  # the merge and the two pairs left for review
    assert snapshot(seeded) == before


def test_a_recorded_subsidiary_makes_the_pair_distinct(seeded: Graph, settings: Settings, tmp_path: Path) -> None:
    claims = tmp_path / "kaspersky-inc.yaml"
    claims.write_text(SUBSIDIARY_YAML.format(text_file=BIS_RELEASE))
    invoke(settings, "load", "curated", str(claims))
    result = invoke(settings, "resolve", "--apply")
    distinct = decisions(result.output, "distinct")
    # both ids of the parent's cluster: the subsidiary fact joins the clusters, not only the pair it names
    assert distinct == [
        f"{AO} same-as {INC}: distinct, score 0.5: same normalised name: 'kaspersky lab', but different legal "
        f"forms (ao vs inc) and no shared country; but the graph records {INC} subsidiary-of {SEED_KASPERSKY}",
        f"{INC} same-as {SEED_KASPERSKY}: distinct, score 0.5: same normalised name: 'kaspersky lab', but nothing "
        f"says the legal form inc is used in RU, the country of {SEED_KASPERSKY}; but the graph records "
        f"{INC} subsidiary-of {SEED_KASPERSKY}",
    ]
    assert same_as(seeded) == {(AO, SEED_KASPERSKY)}
    rows = seeded.read(
        "MATCH (:Entity {id: $inc})-[r:SUBSIDIARY_OF]->(p:Entity) RETURN p.id AS parent, r.quote AS quote",
        {"inc": INC},
    )
    assert rows == [
        {
            "parent": SEED_KASPERSKY,
            "quote": "Kaspersky Lab, Inc., the U.S. subsidiary of a Russia-based anti-virus software and "
            "cybersecurity company",
        }
    ]


def test_namesakes_on_the_sdn_list_stay_apart(seeded: Graph, settings: Settings) -> None:
    invoke(
        settings,
        "load",
        "ofac",
        str(REAL / "ofac_sdn_2024-05-03_russia_cyber_excerpt.csv"),
        "--add",
        str(REAL / "ofac_add_2025-02_excerpt.csv"),
        "--alt",
        str(REAL / "ofac_alt_2025-02_excerpt.csv"),
    )
    invoke(settings, "load", "csl", str(REAL / "csl_us_trade_gov_2019_excerpt.csv"))
    names = {
        r["id"]: r["name"]
        for r in seeded.read(
            "MATCH (e:Entity) WHERE e.id IN ['firm:ofac-46520', 'firm:ofac-46521', 'firm:ofac-40321', "
            "'firm:ofac-46754'] RETURN e.id AS id, e.name AS name"
        )
    }
    assert len(names) == 4  # two "RIF" firms and two "AVRORA" firms, each its own SDN entry
    result = invoke(settings, "resolve", "--apply")
    recorded = same_as(seeded)
    for a, b in (("firm:ofac-46520", "firm:ofac-46521"), ("firm:ofac-40321", "firm:ofac-46754")):
        assert (a, b) not in recorded and (b, a) not in recorded
        assert not any(a in line and b in line for line in result.output.splitlines())
    # the same SDN entry on the CSL and on OFAC's own file is one entity
    assert ("firm:csl-18748", "firm:ofac-18748") in recorded
    merged = decisions(result.output, "merged")
    assert "firm:csl-18748 same-as firm:ofac-18748: merged, score 1: same ofac identifier 18748" in merged
    assert len(recorded) == 1 + len(merged)
    assert invariants.violations(seeded) == NO_VIOLATIONS

    before = snapshot(seeded)
    again = invoke(settings, "resolve", "--apply")
    assert "nothing new to record" in again.output
    assert snapshot(seeded) == before
