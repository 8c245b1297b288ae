"""Bad curated input: each case names file, line and field, exits non-zero, writes nothing —
also when the bad claim comes after good ones in the same file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app as cli
from config import Settings
from graph import maintenance
from graph.database import Graph

SEED = Path(__file__).resolve().parents[2] / "data" / "seed"

HEAD = """\
sources:
  - id: source:test-article
    title: Test article
    kind: article
    text_file: article.txt
entities:
  - {id: firm:acme, type: Firm, name: Acme Corp}
  - {id: list:test-list, type: List, name: Test List}
claims:
  - subject: firm:acme
    predicate: listed-on
    object: list:test-list
    source: source:test-article
    quote: "Acme Corp was added to the Test List"
  - subject: firm:acme
    predicate: headquartered-in
    object: country:ru
    source: source:test-article
    quote: "a firm based in Russia"
"""
TEXT = "Yesterday Acme Corp was added to the Test List. It is a firm based in Russia.\n"
BAD_AT = HEAD.count("\n") + 1  # the first line of the bad claim


def bad_claim(**fields: str) -> str:
    base = {
        "subject": "firm:acme",
        "predicate": "listed-on",
        "object": "list:test-list",
        "source": "source:test-article",
        "quote": '"Acme Corp"',
    }
    base.update(fields)
    lines = [f"  - {k}: {v}" if i == 0 else f"    {k}: {v}" for i, (k, v) in enumerate(base.items()) if v != "-"]
    return "\n".join(lines) + "\n"


def env(settings: Settings) -> dict[str, str]:
    return {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}


@pytest.fixture(scope="module")
def baseline(graph: Graph, settings: Settings) -> Graph:
    maintenance.wipe(graph)
    result = CliRunner().invoke(cli, ["load", "curated", str(SEED)], env=env(settings))
    assert result.exit_code == 0, result.output
    return graph


def run_bad(tmp_path: Path, settings: Settings, graph: Graph, body: str) -> tuple[str, Path]:
    (tmp_path / "article.txt").write_text(TEXT)
    file = tmp_path / "claims.yaml"
    file.write_text(body)
    before = (maintenance.counts(graph), maintenance.domain_counts(graph))
    result = CliRunner().invoke(cli, ["load", "curated", str(file)], env=env(settings))
    after = (maintenance.counts(graph), maintenance.domain_counts(graph))
    assert result.exit_code != 0, result.output
    assert after == before, "a rejected load changed the graph"
    return " ".join(result.output.split()), file


def line_of(body: str, needle: str, start: int = 1) -> int:
    for no, line in enumerate(body.splitlines(), 1):
        if no >= start and needle in line:
            return no
    raise AssertionError(needle)


def test_good_file_loads(tmp_path: Path, settings: Settings, baseline: Graph) -> None:
    (tmp_path / "article.txt").write_text(TEXT)
    (tmp_path / "claims.yaml").write_text(HEAD)
    result = CliRunner().invoke(cli, ["load", "curated", str(tmp_path / "claims.yaml"), "--dry-run"], env=env(settings))
    assert result.exit_code == 0, result.output
    assert "nothing written" in result.output


def test_malformed_yaml(tmp_path: Path, settings: Settings, baseline: Graph) -> None:
    body = HEAD + "  - subject: firm:acme\n    predicate: [listed-on\n    object: x\n"
    out, file = run_bad(tmp_path, settings, baseline, body)
    assert f"{file}:" in out and "malformed YAML" in out


def test_unknown_predicate(tmp_path: Path, settings: Settings, baseline: Graph) -> None:
    body = HEAD + bad_claim(predicate="befriended-by")
    out, file = run_bad(tmp_path, settings, baseline, body)
    assert f"{file}:{line_of(body, 'befriended-by')}: claims[2].predicate:" in out


def test_wrong_object_type(tmp_path: Path, settings: Settings, baseline: Graph) -> None:
    body = HEAD + bad_claim(object="country:ru")  # listed-on wants a List
    out, file = run_bad(tmp_path, settings, baseline, body)
    assert f"{file}:{line_of(body, 'object: country:ru', BAD_AT)}: claims[2].object:" in out
    assert "does not take a Country as object" in out


def test_wrong_subject_type(tmp_path: Path, settings: Settings, baseline: Graph) -> None:
    body = HEAD + bad_claim(subject="list:test-list", predicate="banned-by", object="country:us")
    out, file = run_bad(tmp_path, settings, baseline, body)
    assert f"{file}:{line_of(body, 'subject: list:test-list')}: claims[2].subject:" in out


def test_unknown_entity_reference(tmp_path: Path, settings: Settings, baseline: Graph) -> None:
    body = HEAD + bad_claim(object="list:no-such-list")
    out, file = run_bad(tmp_path, settings, baseline, body)
    assert f"{file}:{line_of(body, 'list:no-such-list')}: claims[2].object: unknown entity list:no-such-list" in out


def test_quote_not_in_text(tmp_path: Path, settings: Settings, baseline: Graph) -> None:
    body = HEAD + bad_claim(quote='"Acme Corp was removed from the Test List"')
    out, file = run_bad(tmp_path, settings, baseline, body)
    assert f"{file}:{line_of(body, 'was removed')}: claims[2].quote: quote not found" in out


def test_missing_required_field(tmp_path: Path, settings: Settings, baseline: Graph) -> None:
    body = HEAD + bad_claim(object="-")
    out, file = run_bad(tmp_path, settings, baseline, body)
    assert f"{file}:{BAD_AT}: claims[2].object: Field required" in out


def test_bad_date(tmp_path: Path, settings: Settings, baseline: Graph) -> None:
    body = HEAD + bad_claim(valid_from="2022-02-30")
    out, file = run_bad(tmp_path, settings, baseline, body)
    assert f"{file}:{line_of(body, '2022-02-30')}: claims[2].valid_from:" in out
    assert "not a real date" in out


def test_quote_normalisation(tmp_path: Path, settings: Settings, baseline: Graph) -> None:
    shutil.copy(SEED / "000_66c8fb9bb78ccfc2.txt", tmp_path / "article.txt")
    from loaders import curated

    parsed = curated.load([SEED])
    fsb = next(c for c in parsed.claims if c.object == "agency:fsb" and c.predicate.value == "alleged-tie-to")
    text = next(s for s in parsed.sources if s.text).text
    cite = fsb.citations[0]
    assert text is not None and text[cite.start : cite.end] == cite.quote
    assert "’" in cite.quote  # the YAML has a straight apostrophe; the stored quote is the source's


def test_an_id_reused_for_a_different_firm_is_refused(
    baseline: Graph, tmp_path: Path, settings: Settings, graph: Graph
) -> None:
    """Issue 15: a file that gives an existing id (the seed's Kaspersky Lab) to another firm."""
    body = HEAD.replace(
        "{id: firm:acme, type: Firm, name: Acme Corp}", "{id: firm:kaspersky-lab, type: Firm, name: Acme Corp}"
    )
    body = body.replace("subject: firm:acme", "subject: firm:kaspersky-lab")
    out, file = run_bad(tmp_path, settings, graph, body)
    line = next(i for i, text in enumerate(body.splitlines(), start=1) if "firm:kaspersky-lab, type" in text)
    assert f"{file}:{line}: entities[0].name: firm:kaspersky-lab already names 'Kaspersky Lab'" in out
    # the same id with a name it shares a word with is the same firm: accepted
    body = body.replace("name: Acme Corp}", "name: Kaspersky Lab AO}").replace("Acme Corp was", "Acme Corp was")
    (tmp_path / "claims.yaml").write_text(body)
    result = CliRunner().invoke(cli, ["load", "curated", "--dry-run", str(tmp_path / "claims.yaml")], env=env(settings))
    assert result.exit_code == 0, result.output
