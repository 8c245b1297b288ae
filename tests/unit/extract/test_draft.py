"""The draft for review: curated YAML out (extract.Proposal.curated_yaml, extract.draft)."""

from __future__ import annotations

from pathlib import Path

import yaml

from extract import Proposal, load_meta, propose
from schema.models import Claim, Entity, Source

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


def test_dump_curated_round_trips(seed, seed_text):
    out = Proposal(seed).curated_yaml("article.txt")
    assert "Kaspersky\u2019s" in out  # unicode kept, not escaped
    doc = yaml.safe_load(out)
    assert list(doc) == ["sources", "entities", "claims"]
    [source] = doc["sources"]
    assert source["id"] == "source:safetydetectives-kaspersky"
    assert source["text_file"] == "article.txt" and "text" not in source
    assert source["published_at"] is None and source["derived_from"] == []
    assert Source.model_validate({k: v for k, v in source.items() if k != "text_file"})
    entities = [Entity.model_validate(e) for e in doc["entities"]]
    assert {e.id for e in entities} == {e.id for e in seed.entities}
    claims = [Claim.model_validate(c) for c in doc["claims"]]
    assert [c.id for c in claims] == [c.id for c in seed.claims]
    for claim in doc["claims"]:
        assert claim["method"] == "extracted"
        for cite in claim["citations"]:
            assert cite["quote"] == seed_text[cite["start"] : cite["end"]]


def test_dump_curated_inline_text_is_exact():
    path = FIXTURES / "fr-2017-19838-bod-17-01-notice.txt"  # trailing spaces, hard line breaks
    text = path.read_text(encoding="utf-8")
    proposal = propose(text, load_meta(path.with_name(path.stem + ".meta.yaml")))
    doc = yaml.safe_load(proposal.curated_yaml())
    assert doc["sources"][0]["text"] == text
    assert doc["sources"][0]["published_at"] == "2017-09-19"
    for claim in doc["claims"]:
        for cite in claim["citations"]:
            assert cite["quote"] == text[cite["start"] : cite["end"]]


def test_the_draft_says_it_is_a_draft_of_candidates(seed):
    out = Proposal(seed).curated_yaml()
    assert out.startswith("# Draft written by the article extractor (regkg extract).")
    assert "candidate: true" in out
