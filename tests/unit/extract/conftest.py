"""Fixtures shared by the extractor's tests: the gold-set articles and the seed article's result."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import load_meta, propose
from loaders.base import Parsed

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
SEED = FIXTURES / "seed-safetydetectives-kaspersky"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.with_suffix(".txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed() -> Parsed:
    """The seed article as `regkg extract` reads it: its bytes and its meta.yaml."""
    return propose(SEED.with_suffix(".txt").read_bytes(), load_meta(SEED.with_suffix(".meta.yaml"))).parsed
