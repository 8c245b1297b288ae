"""The package's boundary: one entry point, and no graph, API, CLI or driver behind it."""

from __future__ import annotations

import subprocess
import sys

import extract


def test_the_public_surface():
    assert sorted(extract.__all__) == [
        "ArticleMeta",
        "LlmBackend",
        "MAX_CHARS",
        "Proposal",
        "Rejected",
        "load_meta",
        "propose",
    ]
    proposal = extract.propose("The Commerce Department banned Acme Labs Limited.")
    assert isinstance(proposal, extract.Proposal)
    assert [c.predicate.value for c in proposal.parsed.claims] == ["banned-by"]


def test_extract_imports_nothing_of_the_graph_api_or_cli():
    code = (
        "import sys, extract, extract.builtin\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'graph', 'api', 'cli', 'neo4j', 'fastapi'})\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
