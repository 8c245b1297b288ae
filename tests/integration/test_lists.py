"""Issue 5 on the real Neo4j: the US lists and FtM through ``regkg load``.

Every real excerpt of tests/fixtures/real is loaded through the CLI: the counts are reported,
every reject is printed with file, line and reason, a reload changes nothing (node and
relationship counts identical, 0 created / 0 updated), the invariants hold, and the traps are
visible in the graph as the loaders intend (U+0092, Ctrl-Z, BOM, the merged FCC row).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cli.main import app as cli
from config import Settings
from graph import invariants, maintenance
from graph.database import Graph
from loaders import csl

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REAL = FIXTURES / "real"
CSL = FIXTURES / "csl"
FTM = FIXTURES / "ftm"

NO_VIOLATIONS: dict[str, list[str]] = {
    "facts_without_claims": [],
    "claims_without_fact": [],
    "facts_duplicated": [],
    "claims_without_citation": [],
    "entities_without_type": [],
    "quotes_not_in_source": [],
    "quotes_naming_neither_end": [],
}
OFAC_ARGS = [
    "ofac",
    str(REAL / "ofac_sdn_2024-05-03_russia_cyber_excerpt.csv"),
    "--add",
    str(REAL / "ofac_add_2025-02_excerpt.csv"),
    "--alt",
    str(REAL / "ofac_alt_2025-02_excerpt.csv"),
    "--comments",
    str(REAL / "ofac_sdn_comments_2025-02_excerpt.csv"),
]
FCC_ARGS = ["fcc", str(REAL / "fcc_covered_list_2026.csv"), str(REAL / "fcc_covered_list_entities_2024.csv")]

# (name, CLI arguments after "load", (entities, sources, claims, rejects) the loader reports)
CASES = [
    (
        "csl-2019",
        ["csl", str(REAL / "csl_us_trade_gov_2019_excerpt.csv")],
        (127, 134, 131, 0),
    ),  # sources: + the 9 lists the rows are on
    ("csl-2025", ["csl", str(REAL / "csl_us_trade_gov_2025_sample.csv")], (31, 34, 30, 0)),  # + 10 lists
    ("csl-json", ["csl", str(CSL / "consolidated_sample.json")], (32, 35, 31, 0)),  # + 10 lists
    ("fcc", FCC_ARGS, (21, 30, 33, 0)),  # the registry facts once, not once per file
    ("ofac", OFAC_ARGS, (4678, 4719, 11040, 8)),  # + the 26 programmes the rows name
    ("ftm", ["ftm", str(FTM / "sample.ftm.jsonl"), "--batch-size", "4"], (14, 17, 12, 0)),
]


def env(settings: Settings) -> dict[str, str]:
    return {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}


def load(settings: Settings, *args: str) -> Result:
    return CliRunner().invoke(cli, ["load", *args], env=env(settings))


def read_counts(output: str) -> tuple[int, int, int, int]:
    """What the loader said it read, from its last report line (a stream reports at the end)."""
    found = re.findall(r"(\d+) entities, (\d+) sources, (\d+) claims read; (\d+) rejected", output)
    assert found, output
    a, b, c, d = (int(x) for x in found[-1])
    return a, b, c, d


def summary(output: str) -> dict[str, list[int]]:
    """The summary table's rows: kind -> [created, updated, unchanged]."""
    rows: dict[str, list[int]] = {}
    for line in output.splitlines():
        cells = [c.strip() for c in line.split("│") if c.strip()]
        if cells and cells[0] in ("entities", "sources", "claims") and len(cells) == 4:
            rows[cells[0]] = [int(c) for c in cells[1:]]
    assert set(rows) == {"entities", "sources", "claims"}, output
    return rows


def rejects(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("reject ")]


def snapshot(graph: Graph) -> tuple[dict[str, int], dict[str, int]]:
    return maintenance.counts(graph), maintenance.domain_counts(graph)


@pytest.fixture(scope="module")
def lists_graph(graph: Graph) -> Graph:
    maintenance.wipe(graph)
    return graph


@pytest.mark.parametrize(("name", "args", "expected"), CASES, ids=[c[0] for c in CASES])
def test_load_then_reload(
    lists_graph: Graph, settings: Settings, name: str, args: list[str], expected: tuple[int, int, int, int]
) -> None:
    first = load(settings, *args)
    assert first.exit_code == 0, first.output
    assert read_counts(first.output) == expected
    # every reject is printed with file, line and a reason
    printed = rejects(first.output)
    assert len(printed) == expected[3], first.output
    for line in printed:
        assert re.match(r"reject \S+:\d+: \S.*: \S", line), line
    rows = summary(first.output)
    assert [sum(rows[k]) for k in ("entities", "sources", "claims")] == list(expected[:3]), name
    before = snapshot(lists_graph)

    second = load(settings, *args)
    assert second.exit_code == 0, second.output
    assert "re-confirmed" in second.output
    for kind, (created, updated, _) in summary(second.output).items():
        assert (created, updated) == (0, 0), (kind, second.output)
    assert snapshot(lists_graph) == before
    assert invariants.violations(lists_graph) == NO_VIOLATIONS


def test_u0092_name_is_repaired_and_the_quote_kept(lists_graph: Graph, settings: Settings) -> None:
    assert load(settings, "csl", str(REAL / "csl_us_trade_gov_2019_excerpt.csv")).exit_code == 0
    rows = lists_graph.read(
        "MATCH (e:Entity {id: 'firm:csl-el-gui-an-new-district-huawei-investment-co-ltd-guiyang-guizhou'}) "
        "MATCH (c:Claim)-[:SUBJECT]->(e) MATCH (c)-[k:CITES]->(s:Source)-[:DERIVED_FROM*1..2]->(f:Source) "
        "WHERE f.title CONTAINS 'csl_us_trade_gov_2019_excerpt.csv' "
        "RETURN DISTINCT e.name AS name, e.aliases AS aliases, c.valid_from AS since, k.quote AS quote, "
        "substring(s.text, k.start, k.end - k.start) AS slice, s.text CONTAINS '\u0092' AS raw_kept"
    )
    # the listing quotes the row's name, list and date cells
    assert len(rows) == 3 and {r["since"] for r in rows} == {"2019-05-21"}
    row = next(r for r in rows if "Gui" in r["quote"])
    assert row["name"] == "Gui\u2019an New District Huawei Investment Co., Ltd., Guiyang, Guizhou"
    assert "Gui\x92an New District Huawei Investment Co., Ltd., Guiyang, Guizhou" in row["aliases"]
    assert row["quote"] == row["slice"] == "Gui\x92an New District Huawei Investment Co., Ltd., Guiyang, Guizhou"
    assert row["raw_kept"] and row["since"] == "2019-05-21"


def test_ctrl_z_ends_the_ofac_files(lists_graph: Graph, settings: Settings) -> None:
    result = load(settings, *OFAC_ARGS)
    assert result.exit_code == 0, result.output
    assert "Ctrl-Z (0x1A) end-of-file marker on line 4677 ignored" in result.output
    assert "Ctrl-Z (0x1A) end-of-file marker on line 5362 ignored" in result.output
    (row,) = lists_graph.read(
        "CALL () { MATCH (s:Source) WHERE s.text CONTAINS '\u001a' RETURN count(s) AS with_ctrl_z } "
        "CALL () { MATCH (e:Entity)-[:LISTED_ON]->(:List {id: 'list:us-ofac-sdn'}) WHERE e.id CONTAINS ':ofac-' "
        "RETURN count(e) AS sdn_entries } "
        "RETURN with_ctrl_z, sdn_entries"
    )
    assert row == {"with_ctrl_z": 0, "sdn_entries": 4676}  # every row of the excerpt, and nothing after 0x1A
    # the orphan add/alt rows (ent_nums 45815, 45817, 45818, 45821) are rejects, not entities
    for ent_num in ("45815", "45817", "45818", "45821"):
        assert f"ent_num {ent_num} has no row in" in result.output
    assert lists_graph.read("MATCH (e:Entity) WHERE e.id ENDS WITH ':ofac-45815' RETURN e.id") == []


def test_zala_aero_linked_to_its_officer(lists_graph: Graph, settings: Settings) -> None:
    assert load(settings, *OFAC_ARGS).exit_code == 0
    rows = lists_graph.read(
        "MATCH (p:Entity {id: 'person:ofac-45937'})-[r:LINKED_TO]->(f:Entity) "
        "MATCH (c:Claim {fact_id: r.fact_id})-[k:CITES]->(:Source) "
        "RETURN f.id AS firm, f.name AS name, collect(k.quote) AS quotes"
    )
    assert len(rows) == 1
    assert (rows[0]["firm"], rows[0]["name"]) == ("firm:ofac-45934", "LIMITED LIABILITY COMPANY ZALA AERO")
    assert "Linked To: LIMITED LIABILITY COMPANY ZALA AERO" in rows[0]["quotes"]


def test_bom_is_dropped_in_the_2024_fcc_table(lists_graph: Graph, settings: Settings) -> None:
    result = load(settings, *FCC_ARGS)
    assert result.exit_code == 0, result.output
    assert "UTF-8 byte-order mark before the header ignored" in result.output
    (row,) = lists_graph.read(
        "CALL () { MATCH (s:Source) WHERE s.text CONTAINS '\ufeff' RETURN count(s) AS bom_sources } "
        "CALL () { MATCH (e:Entity) WHERE e.name CONTAINS '\ufeff' RETURN count(e) AS bom_names } "
        "RETURN bom_sources, bom_names"
    )
    assert row["bom_sources"] == 0 and row["bom_names"] == 0
    # the 2024 layout names the entity in its own column: Kaspersky is listed from both tables
    rows = lists_graph.read(
        "MATCH (:Entity {id: 'firm:fcc-ao-kaspersky-lab'})-[r:LISTED_ON]->(:List {id: 'list:us-fcc-covered-list'}) "
        "RETURN r.valid_from AS since, r.n_sources AS n_sources"
    )
    assert rows == [{"since": "2022-03-25", "n_sources": 2}]


def test_merged_fcc_row_is_two_entries_of_one_source(lists_graph: Graph, settings: Settings) -> None:
    assert load(settings, *FCC_ARGS).exit_code == 0
    rows = lists_graph.read(
        "MATCH (c:Claim {predicate: 'listed-on'})-[:CITES]->(s:Source) "
        "WHERE c.qualifiers CONTAINS '\"merged_row\": true' "
        "MATCH (c)-[:SUBJECT]->(e:Entity) "
        "RETURN DISTINCT e.id AS entity, e.type AS type, s.id AS source, c.valid_from AS since, c.qualifiers AS q "
        "ORDER BY entity"
    )
    assert len(rows) == 2
    assert {r["type"] for r in rows} == {"Product"}
    assert len({r["source"] for r in rows}) == 1
    assert {r["since"] for r in rows} == {"2025-12-22"}
    covered = sorted(json.loads(r["q"])["covered"] for r in rows)
    assert covered[0].startswith("All communications and video surveillance equipment")
    assert covered[1].startswith("Uncrewed aircraft systems (UAS) and UAS critical components")
    assert all(json.loads(r["q"])["updated"][0] == "2026-01-07" for r in rows)


def test_ftm_claims_in_the_graph(lists_graph: Graph, settings: Settings) -> None:
    result = load(settings, "ftm", str(FTM / "sample.ftm.jsonl"), "--batch-size", "4")
    assert result.exit_code == 0, result.output
    assert "skipped: Address ×1, Identification ×1" in result.output
    rows = lists_graph.read(
        "MATCH (s:Entity)-[r]->(o:Entity) WHERE s.id CONTAINS ':ftm-' AND r.fact_id IS NOT NULL "
        "RETURN s.id AS s, type(r) AS rel, o.id AS o, r.valid_from AS since, r.valid_to AS until, r.quote AS quote "
        "ORDER BY s, rel, o"
    )
    got = {(r["s"], r["rel"], r["o"]): (r["since"], r["until"], r["quote"]) for r in rows}
    assert got[("firm:ftm-acme-holding", "SANCTIONED_BY", "agency:us-ofac")] == (
        "2022-04-06",
        None,
        "Office of Foreign Assets Control",
    )
    assert got[("firm:ftm-acme-holding", "LISTED_ON", "list:ftm-us-example-eo14024")][0] == "2022-04-06"
    assert got[("person:ftm-ivan-testov", "SANCTIONED_BY", "organization:eu-council")][:2] == (  # the registry's
        "2022-03",
        "2024-09-15",
    )
    assert ("person:ftm-ivan-testov", "OWNS", "firm:ftm-acme-holding") in got
    assert ("firm:ftm-acme-shipping", "OWNS", "asset:ftm-imo-9999990") in got
    assert ("firm:ftm-acme-shipping", "SUBSIDIARY_OF", "firm:ftm-acme-holding") in got
    since, until, quote = got[("person:ftm-maria-probova", "LINKED_TO", "firm:ftm-acme-holding")]
    assert (since, until) == ("2019", None) and "General Director" in quote and "maria-probova" in quote
    # one Source per line, its text the raw line
    (row,) = lists_graph.read(
        "MATCH (c:Claim {predicate: 'sanctioned-by', subject: 'firm:ftm-acme-holding'})-[:CITES]->(s:Source) "
        "MATCH (s)-[:DERIVED_FROM]->(f:Source) RETURN s.text AS text, s.kind AS kind, f.kind AS file_kind"
    )
    first_line = (FTM / "sample.ftm.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert row == {"text": first_line, "kind": "dataset", "file_kind": "file"}
    assert invariants.violations(lists_graph) == NO_VIOLATIONS


def test_lenient_load_writes_the_valid_rows_and_explains_the_rest(lists_graph: Graph, settings: Settings) -> None:
    result = load(settings, "csl", str(CSL / "malformed.csv"))
    assert result.exit_code == 0, result.output
    printed = rejects(result.output)
    assert len(printed) == 7
    assert any(re.search(r"malformed\.csv:6: start_date: '10/20/2017' is not a date", line) for line in printed)
    assert any(re.search(r"malformed\.csv:12: .*never closes", line) for line in printed)
    assert read_counts(result.output) == (10, 11, 9, 7)  # sources: the file, 2 lists, 3 rows, 5 registry texts
    assert sum(summary(result.output)["claims"]) == 9  # the valid rows were written
    ids = [c.id for c in csl.load(CSL / "malformed.csv").claims]
    assert lists_graph.read("MATCH (c:Claim) WHERE c.id IN $ids RETURN count(c) AS n", {"ids": ids}) == [{"n": 9}]


@pytest.mark.parametrize(
    ("args", "n_rejects"),
    [
        (["csl", str(CSL / "malformed.csv")], 7),
        (["csl", str(CSL / "malformed.json")], 3),
        (["ftm", str(FTM / "malformed.ftm.jsonl")], 10),
    ],
    ids=["csl-csv", "csl-json", "ftm"],
)
def test_strict_refuses_any_reject(lists_graph: Graph, settings: Settings, args: list[str], n_rejects: int) -> None:
    before = snapshot(lists_graph)
    result = load(settings, *args, "--strict")
    assert result.exit_code == 1, result.output
    assert "nothing written" in result.output
    assert len(rejects(result.output)) == n_rejects
    assert snapshot(lists_graph) == before


def test_small_batches_write_what_one_batch_writes_and_strict_still_writes_nothing(
    lists_graph: Graph, settings: Settings
) -> None:
    """Issue 21: the list loaders stream. In batches of two rows the bad rows of malformed.csv come
    in later batches: --strict reads them all before writing anything; the lenient load writes the
    graph one batch wrote (the same input again: re-confirmed, nothing created or updated)."""
    assert load(settings, "csl", str(CSL / "malformed.csv")).exit_code == 0
    before = snapshot(lists_graph)
    strict = load(settings, "csl", str(CSL / "malformed.csv"), "--strict", "--batch-size", "2")
    assert strict.exit_code == 1 and "nothing written" in strict.output
    assert len(rejects(strict.output)) == 7
    assert snapshot(lists_graph) == before
    small = load(settings, "csl", str(CSL / "malformed.csv"), "--batch-size", "2")
    assert small.exit_code == 0, small.output
    assert len(rejects(small.output)) == 7 and read_counts(small.output) == (10, 11, 9, 7)
    assert "re-confirmed" in small.output
    assert snapshot(lists_graph) == before


def test_lenient_ftm_reports_each_bad_line(lists_graph: Graph, settings: Settings) -> None:
    result = load(settings, "ftm", str(FTM / "malformed.ftm.jsonl"))
    assert result.exit_code == 0, result.output
    printed = " ".join(rejects(result.output))
    for expected in (
        "malformed.ftm.jsonl:2: (record): not JSON",
        "malformed.ftm.jsonl:4: id: no entity id",
        "malformed.ftm.jsonl:5: schema: unknown FtM schema 'Spaceship'",
        "malformed.ftm.jsonl:7: properties.entity: entity 'ghost-entity' is neither",
        "malformed.ftm.jsonl:8: properties.entity: the ontology does not allow Agency -sanctioned-by-> Agency",
    ):
        assert expected in printed, result.output
    assert read_counts(result.output)[3] == 10
    assert lists_graph.read("MATCH (e:Entity {id: 'firm:ftm-good-firm'}) RETURN e.name AS name") == [
        {"name": "Good Firm Ltd"}
    ]


def test_dry_run_writes_nothing(lists_graph: Graph, settings: Settings) -> None:
    before = snapshot(lists_graph)
    for args in (["csl", str(CSL / "malformed.csv")], ["ftm", str(FTM / "sample.ftm.jsonl")], FCC_ARGS):
        result = load(settings, *args, "--dry-run")
        assert result.exit_code == 0, result.output
        assert "nothing written" in result.output
    assert snapshot(lists_graph) == before


def test_invariants_after_everything(lists_graph: Graph) -> None:
    assert invariants.violations(lists_graph) == NO_VIOLATIONS


def _header_cells(path: Path) -> set[str]:
    """A CSV file's header cells (OFAC's files have none: their columns are positional)."""
    first = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return {cell.strip().strip('"').strip() for cell in next(csv.reader([first], delimiter=delimiter))}


def test_no_quote_is_a_column_header(lists_graph: Graph) -> None:
    """After every sample: a quote is a record's content, never its column header (FCC and CSL
    cited ``date_of_inclusion_on_covered_list`` and the ``source`` cell for background facts)."""
    headers: set[str] = set()
    for args in (FCC_ARGS, *(c[1] for c in CASES if c[1][0] == "csl")):
        headers |= {h for a in args[1:] if a.endswith(".csv") for h in _header_cells(Path(a))}
    assert {"date_of_inclusion_on_covered_list", "name", "source", "start_date"} <= headers
    quotes = {r["quote"].strip() for r in lists_graph.read("MATCH ()-[k:CITES]->() RETURN DISTINCT k.quote AS quote")}
    assert quotes and not quotes & headers
    # background facts quote the reference registry's texts
    rows = lists_graph.read(
        "MATCH (c:Claim)-[:CITES]->(s:Source) WHERE c.predicate IN ['part-of', 'administers'] "
        "RETURN c.predicate AS p, s.id AS source"
    )
    assert rows and all(r["source"].startswith("source:reference-") for r in rows)
