"""Two loads of the same new file started at the same moment both end well, and the graph equals
one load's (issue 15): the second used to die on its first batch with ConstraintValidationFailed,
since the driver does not retry a constraint error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from config import Settings
from graph import invariants, maintenance
from graph.database import Graph
from tests.conftest import cli_env

ROOT = Path(__file__).resolve().parents[2]
CSL = ROOT / "tests" / "fixtures" / "real" / "csl_us_trade_gov_2019_excerpt.csv"
LOAD = [sys.executable, "-m", "cli.main", "load", "csl", str(CSL), "--batch-size", "10"]


def _start(settings: Settings) -> subprocess.Popen[bytes]:
    env = os.environ | cli_env(settings)
    return subprocess.Popen(LOAD, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _content(graph: Graph) -> dict[str, dict[str, int]]:
    """The graph's shape without what records the runs (one run or two)."""
    shape = maintenance.shape(graph)
    shape["labels"].pop("LoadRun", None)
    shape["types"].pop("GENERATED", None)
    return shape


def test_two_loads_of_one_new_file_at_once(clean_graph: Graph, settings: Settings) -> None:
    first, second = _start(settings), _start(settings)
    outputs = [p.communicate(timeout=600)[0].decode() for p in (first, second)]
    assert first.returncode == 0, outputs[0]
    assert second.returncode == 0, outputs[1]
    assert not any(invariants.violations(clean_graph).values()), invariants.violations(clean_graph)
    together = _content(clean_graph)
    claims = together["labels"]["Claim"]
    generated = maintenance.shape(clean_graph)["types"]["GENERATED"]
    assert generated >= claims  # every claim was written by a run

    maintenance.wipe(clean_graph)
    alone = _start(settings)
    output = alone.communicate(timeout=600)[0].decode()
    assert alone.returncode == 0, output
    assert _content(clean_graph) == together
