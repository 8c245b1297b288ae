"""The initial import's tables (graph.import_tables), without a database: the writer's counts and
merges, a second pass for what later batches come back to, and loud failures on what the CSV
cannot hold."""

from __future__ import annotations

import csv
import multiprocessing
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from graph.import_build import build
from graph.import_tables import ARRAY, RunInput, Table, TableDrift
from loaders import csl, curated, fcc, ftm, ofac
from loaders.base import Parsed
from schema.errors import InvalidInput

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "data" / "seed"
CSL = ROOT / "tests" / "fixtures" / "real" / "csl_us_trade_gov_2019_excerpt.csv"


def _rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def test_seed_and_a_streamed_list_become_one_row_per_node_and_edge(tmp_path: Path) -> None:
    seed = curated.load([SEED])
    runs = [
        RunInput("curated", batches=lambda _r: [seed], whole=True),
        RunInput("csl", batches=lambda _r: csl.iter_batches([CSL], 10)),
    ]
    built = build(tmp_path, runs, batch_size=7)
    assert built.passes == 2 and built.held > 0  # a later batch came back: read again, held
    curated_counts, csl_counts = (r.counts.as_dict() for r in built.runs)
    assert curated_counts["entities_created"] == len(seed.entities)
    assert curated_counts["claims_created"] == len(seed.claims)
    assert csl_counts["entities_updated"] > 0  # an entity in two batches: merged, as the writer merges it
    entities = _rows(tmp_path / "entities.csv")
    ids = [r[0] for r in entities[1:]]
    assert len(ids) == len(set(ids)) == sum(r.counts.entities.created for r in built.runs)
    assert entities[1][1] == f"Entity{ARRAY}{entities[1][2]}"  # Entity and its type label
    for name in ("sources", "claims"):
        got = [r[0] for r in _rows(tmp_path / f"{name}.csv")[1:]]
        assert len(got) == len(set(got)) == sum(getattr(r.counts, name).created for r in built.runs)
    facts = [r[3] for r in _rows(tmp_path / "facts.csv")[1:]]
    assert len(facts) == len(set(facts)) >= len({c.fact_id for c in seed.claims})  # one edge per fact
    assert any(f.multiline for f in built.tables.nodes["sources"])  # source texts span lines: told to the import tool


def test_a_property_the_tables_do_not_declare_fails_loudly(tmp_path: Path) -> None:
    table = Table(tmp_path / "t.csv", ["id:ID"], {"name": "string"})
    with pytest.raises(TableDrift, match="surname"):
        table.props({"name": "a", "surname": "b"})
    table.close()


def test_an_array_value_holding_the_delimiter_is_refused(tmp_path: Path) -> None:
    table = Table(tmp_path / "t.csv", ["id:ID"], {"aliases": "string[]"})
    with pytest.raises(InvalidInput, match="U\\+001F"):
        table.props({"aliases": [f"a{ARRAY}b"]})
    assert table.props({"aliases": None}) == ","  # an empty list is never passed: absent (fact_rows.absent_if_empty)
    table.close()


def test_a_reference_to_nothing_defined_before_is_refused_as_preflight_refuses_it(tmp_path: Path) -> None:
    seed = curated.load([SEED])
    broken = Parsed(entities=seed.entities[1:], sources=seed.sources, claims=seed.claims)
    with pytest.raises(InvalidInput, match=f"unknown reference {seed.entities[0].id}"):
        build(tmp_path, [RunInput("curated", batches=lambda _r: [broken], whole=True)])


def _data_rows(directory: Path, name: str, built: object) -> set[tuple[str, ...]]:
    """A table's data rows over every builder's file, with the run ids and time stamps made alike."""
    runs = {r.run_id: f"run{i}" for i, r in enumerate(built.runs)}  # type: ignore[attr-defined]
    out = set()
    for path in sorted(directory.glob(f"{name}*.csv")):
        for row in _rows(path)[1:]:
            cells = [runs.get(c, c) for c in row]
            out.add(tuple(re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+\+00:00", "T", c) for c in cells))
    return out


def test_two_builders_write_the_rows_one_writes_and_count_the_same(tmp_path: Path) -> None:
    seed = curated.load([SEED])
    runs = [
        RunInput("curated", batches=lambda _r: [seed], whole=True),
        RunInput("csl", batches=lambda _r: csl.iter_batches([CSL], 10)),
    ]
    one = build(tmp_path / "one", runs, batch_size=7, workers=1)
    two = build(tmp_path / "two", runs, batch_size=7, workers=2)
    assert two.passes == one.passes == 2 and two.held == one.held  # what came back is held in either
    assert [r.counts.as_dict() for r in two.runs] == [r.counts.as_dict() for r in one.runs]
    assert two.claims == one.claims and two.tables.node_count == one.tables.node_count
    assert two.tables.relationship_count == one.tables.relationship_count
    assert two.tables.fact_types == one.tables.fact_types
    for name in ("entities", "sources", "claims", "runs", "claim_ends", "generated", "cites", "derived", "facts"):
        assert len(two.tables.nodes.get(name) or two.tables.rels[name]) == 2  # each builder's own file
        assert _data_rows(tmp_path / "two", name, two) == _data_rows(tmp_path / "one", name, one), name
    assert all(f.rows for f in two.tables.nodes["claims"])  # both wrote a share


def test_a_failure_in_a_forked_builder_is_raised_whole_and_nothing_is_left_running(tmp_path: Path) -> None:
    seed = curated.load([SEED])
    parent = os.getpid()

    def batches(_resolve: object) -> list[Parsed]:
        if os.getpid() != parent:
            raise InvalidInput("broken in the second builder", {"file": "x.csv", "line": 3})
        return [seed]

    with pytest.raises(InvalidInput, match="second builder") as caught:
        build(tmp_path, [RunInput("curated", batches=batches, whole=True)], workers=2)
    assert caught.value.details == {"file": "x.csv", "line": 3}
    assert not multiprocessing.active_children()


REAL = ROOT / "tests" / "fixtures" / "real"
FTM = ROOT / "tests" / "fixtures" / "ftm" / "identity.ftm.jsonl"  # Cyrillic names beside their Latin forms


@pytest.mark.parametrize(
    "make",
    [
        lambda: RunInput("fcc", batches=lambda _r: fcc.iter_batches([REAL / "fcc_covered_list_2026.csv"], 5)),
        lambda: RunInput(
            "ofac",
            batches=lambda _r: ofac.OfacReader(
                REAL / "ofac_sdn_2024-05-03_russia_cyber_excerpt.csv",
                REAL / "ofac_add_2025-02_excerpt.csv",
                REAL / "ofac_alt_2025-02_excerpt.csv",
                REAL / "ofac_sdn_comments_2025-02_excerpt.csv",
                5,
            ),
        ),  # fmt: skip
        lambda: RunInput("ftm", batches=lambda resolve: ftm.FtmReader(FTM, 3, resolve)),
    ],
    ids=["fcc", "ofac", "ftm"],
)
def test_real_lists_give_the_same_rows_by_one_builder_or_two(tmp_path: Path, make: Callable[[], RunInput]) -> None:
    seed = curated.load([SEED])
    runs = [RunInput("curated", batches=lambda _r: [seed], whole=True), make()]
    one = build(tmp_path / "one", runs, batch_size=4, workers=1)
    two = build(tmp_path / "two", runs, batch_size=4, workers=2)
    assert [r.counts.as_dict() for r in two.runs] == [r.counts.as_dict() for r in one.runs]
    assert one.runs[1].counts.claims.created > 0
    for name in ("entities", "sources", "claims", "runs", "claim_ends", "generated", "cites", "derived", "facts"):
        assert _data_rows(tmp_path / "two", name, two) == _data_rows(tmp_path / "one", name, one), name
