"""Issue 16: a list version refreshed from its predecessor's manifest (loaders.units) makes the
same graph as one whose every record is read and sent again — on the real FCC and CSL rows.

Each list gets three versions made of its real records: the first without its last ones, the
second without its first ones (they end) and with the last ones (added), the third the first
again (the ends return, the added end). Loaded in order with manifests, then — after a wipe —
with every manifest removed before each load: facts (dates, gaps, claim and source counts),
sources (first and last seen, what they derive from) and entities must be equal.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.main import app as cli
from config import Settings
from graph import invariants, maintenance, manifests
from graph.database import Graph
from tests.conftest import cli_env

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
DAYS = ("2026-03-01", "2026-06-01", "2026-09-01")


def versions(table: Path, folder: Path, cut: int) -> list[Path]:
    """Three versions of a real table, record by record (quoted cells may hold line breaks)."""
    header, *rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"))))
    picks = (rows[:-cut], rows[cut:], rows[:-cut])
    out = []
    for day, picked in zip(DAYS, picks, strict=True):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([header, *picked])
        path = folder / f"{table.stem}-{day}.csv"
        path.write_text(buf.getvalue(), encoding="utf-8")
        out.append(path)
    return out


def snapshot(graph: Graph) -> dict[str, Any]:
    facts = graph.read(
        "MATCH ()-[r]->() WHERE r.fact_id IS NOT NULL "
        "RETURN r.fact_id AS id, r.valid_from AS start, r.valid_to AS end, r.gaps AS gaps, "
        "r.n_claims AS claims, r.n_sources AS sources, r.stances AS stances ORDER BY id"
    )
    sources = graph.read(
        "MATCH (s:Source) RETURN s.id AS id, s.first_seen AS first, s.last_seen AS last, s.published_at AS published, "
        "s.text AS text, [(s)-[:DERIVED_FROM]->(d) | d.id] AS derived ORDER BY id"
    )
    for s in sources:
        s["derived"] = sorted(s["derived"])
    entities = graph.read(
        "MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.country AS country, "
        "e.identifiers AS identifiers ORDER BY id"
    )
    claims = graph.read("MATCH (c:Claim) RETURN c.id AS id ORDER BY id")
    return {"facts": facts, "sources": sources, "entities": entities, "claims": claims}


def load(settings: Settings, loader: str, path: Path, day: str, *more: str) -> str:
    args = ["load", loader, str(path), "--version-date", day, *more]
    result = CliRunner().invoke(cli, args, env=cli_env(settings))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("loader", "table", "cut"),
    [("fcc", "fcc_covered_list_2026.csv", 3), ("csl", "csl_us_trade_gov_2025_sample.csv", 2)],
)
def test_a_refresh_from_the_manifest_makes_the_graph_a_full_reread_makes(
    graph: Graph, settings: Settings, tmp_path: Path, loader: str, table: str, cut: int
) -> None:
    paths = versions(REAL / table, tmp_path, cut)
    maintenance.wipe(graph)
    outputs = [load(settings, loader, p, day) for p, day in zip(paths, DAYS, strict=True)]
    with_manifest = snapshot(graph)
    assert not any(invariants.violations(graph).values())
    # the second and third versions built only what differs; most of each was kept
    for out in outputs[1:]:
        line = next(x for x in out.splitlines() if "new or changed since the version before" in x)
        built, kept = int(line.split()[0]), int(line.split(";")[1].split()[0])
        assert 0 < built < kept, line

    maintenance.wipe(graph)
    for p, day in zip(paths, DAYS, strict=True):
        out = load(settings, loader, p, day, "--reread")  # as before manifests: every record sent
        assert " 0 as it held them" in out
    assert snapshot(graph) == with_manifest
    assert manifests.forget(graph, loader) == 3 and manifests.previous(graph, loader, DAYS[2]) is None
