"""Issue 21: an export reads the graph a page at a time (keyset pagination on the entity id) and
writes as it goes; what it writes is what a read of the whole graph at once gives."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

import pytest

from config import Settings
from export import ExportFormat, stream, tables
from graph import export
from graph import export_queries as q
from graph.database import Graph
from tests.conftest import load_fresh

KASPERSKY = "firm:kaspersky-lab"


@pytest.fixture(scope="module")
def seeded(graph: Graph, settings: Settings) -> Graph:
    load_fresh(graph, settings)
    return graph


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode())))


@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.NEO4J_IMPORT])
@pytest.mark.parametrize("entity", [None, KASPERSKY])
def test_tables_in_pages_are_the_whole_tables(seeded: Graph, fmt: ExportFormat, entity: str | None) -> None:
    whole = tables(export.fact_graph(seeded, entity, 2), fmt)
    paged = export.paged(seeded, entity, 2, size=3)
    assert tables(paged, fmt) == whole
    first = next(iter(whole))
    assert paged.entities_read == len(_rows(whole[first])) > 3  # more than one page
    with zipfile.ZipFile(io.BytesIO(b"".join(stream(paged, fmt)))) as zf:  # the zip, written as it goes
        assert {name: zf.read(name) for name in zf.namelist()} == whole


def _ftm(data: bytes) -> dict[str, Any]:
    lines = [json.loads(x) for x in data.splitlines()]
    for line in lines:
        for values in line["properties"].values():
            values.sort()
    return {x["id"]: x for x in lines}


@pytest.mark.parametrize("entity", [None, KASPERSKY])
def test_ftm_in_pages_is_the_whole_ftm(seeded: Graph, entity: str | None) -> None:
    whole = _ftm(b"".join(stream(export.fact_graph(seeded, entity, 2), ExportFormat.FTM)))
    paged = _ftm(b"".join(stream(export.paged(seeded, entity, 2, size=4), ExportFormat.FTM)))
    assert paged == whole
    assert any(p["properties"].get("notes") for p in paged.values())  # facts to a list or country


@pytest.mark.parametrize("fmt", [ExportFormat.GRAPHML, ExportFormat.GEXF])
def test_xml_in_pages_is_the_whole_xml(seeded: Graph, fmt: ExportFormat) -> None:
    whole = b"".join(stream(export.fact_graph(seeded), fmt))
    paged = b"".join(stream(export.paged(seeded, size=5), fmt))
    assert paged == whole


def test_pages_read_in_id_order_with_an_index(seeded: Graph) -> None:
    ids = [e["id"] for p in export.paged(seeded, size=7).pages(facts=False) for e in p.entities]
    assert ids == sorted(ids) and len(ids) == len(set(ids)) == export.fact_graph_counts(seeded)["nodes"]
    with seeded.driver.session(database=seeded.database) as session:
        summary = session.run("EXPLAIN " + q.ENTITY_PAGE, {"after": "", "size": 7}).consume()
    operators = json.dumps(summary.plan)
    assert "NodeIndexSeekByRange" in operators or "NodeUniqueIndexSeekByRange" in operators, operators
    assert '"Sort"' not in operators and "Top" not in operators  # in index order, not sorted
