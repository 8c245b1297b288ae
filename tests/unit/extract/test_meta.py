"""What the caller knows about an article (extract.ArticleMeta, extract.load_meta)."""

from __future__ import annotations

import pytest

from extract import ArticleMeta, load_meta, propose
from schema.errors import InvalidInput


def test_bad_metadata_is_refused(tmp_path):
    with pytest.raises(InvalidInput, match="published_at"):
        propose("US banned Kaspersky Lab.", {"published_at": "2024-13-01"})
    meta = tmp_path / "meta.yaml"
    meta.write_text("- not a mapping\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="mapping"):
        load_meta(meta)
    # a missing article file: see test_cli.py (the CLI reads the file)


def test_meta_dates_accept_yaml_dates():
    assert ArticleMeta.model_validate({"published_at": 2017}).published_at == "2017"


def test_meta_file_is_read(tmp_path):
    meta = tmp_path / "meta.yaml"
    meta.write_text("title: T\npublished_at: 2022-03-25\nderived_from:\n", encoding="utf-8")
    info = load_meta(meta)
    assert (info.title, info.published_at, info.derived_from) == ("T", "2022-03-25", ())
    with pytest.raises(InvalidInput, match="cannot read metadata"):
        load_meta(tmp_path / "missing.yaml")
