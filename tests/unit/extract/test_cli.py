"""``regkg extract``: the CLI reads the article file itself, then calls extract.propose."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from cli import extract as cli_extract
from cli.main import app as cli
from schema.errors import InvalidInput

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "articles" / "seed-safetydetectives-kaspersky"


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(InvalidInput, match="cannot read"):
        cli_extract.read_article(tmp_path / "missing.txt")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "missing.txt"), "--no-graph"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'missing.txt'}: cannot read" in result.output


def test_a_file_too_large_for_an_article_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    monkeypatch.setattr(cli_extract, "MAX_CHARS", 100)  # 500 bytes > 4 bytes a character
    with pytest.raises(InvalidInput, match="500 bytes is too large for an article"):
        cli_extract.read_article(path)


def test_extractor_errors_name_the_file(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02 binary")
    result = CliRunner().invoke(cli, ["extract", str(path), "--no-graph"])
    assert result.exit_code == 1
    assert f"{path}: the input is binary" in result.output


def test_the_draft_names_its_text_file():
    result = CliRunner().invoke(
        cli, ["extract", str(SEED.with_suffix(".txt")), "--meta", str(SEED.with_suffix(".meta.yaml")), "--no-graph"]
    )
    assert result.exit_code == 0, result.output
    [source] = yaml.safe_load(result.stdout)["sources"]
    assert source["text_file"] == SEED.with_suffix(".txt").name and "text" not in source
