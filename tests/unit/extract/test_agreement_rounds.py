"""The agreement study's second annotations (``bench/agreement/round*/``) hold what AGREEMENT.md says: each round
annotates the 32 texts the selection rule picks from the sets eval to eval29, every text read twice has one
adjudicated answer, and every claim of both is a tuple the ontology allows, quoted from its text, with ids that are
fixed points of the slug."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.agreement import AGREEMENT_DIR, rounds, select
from bench.extract import ALL_DIRS
from schema.models import slug
from schema.ontology import EntityType, Predicate, Stance, allowed
from schema.quotes import fold

ROUNDS = rounds(AGREEMENT_DIR)
SECOND = sorted(p for r in ROUNDS for p in r.glob("*.gold2.yaml"))
ADJUDICATED = sorted((AGREEMENT_DIR / "adjudicated").glob("*.adjudicated.yaml"))
TYPES = {t.value.lower(): t for t in EntityType}
# the sets the rule chose from (eval to eval29): a later set leaves the rounds' choice as it was
CHOSEN_FROM = [d for d in ALL_DIRS if d.name == "articles" or d.name == "eval" or int(d.name[4:]) <= 29]


# each round's place in the rule's order (AGREEMENT.md): round1 and round2 read the first 16 texts of each split
SKIP = {"round1": 0, "round2": 0, "round3": 16}


def test_every_round_annotates_the_texts_the_rule_picks() -> None:
    assert ROUNDS
    for folder in ROUNDS:
        picked = select(CHOSEN_FROM, skip=SKIP[folder.name])
        assert len(picked) == 32
        assert sorted(p.name.removesuffix(".gold2.yaml") for p in folder.glob("*.gold2.yaml")) == picked


def test_every_text_read_twice_is_adjudicated_once() -> None:
    read = {p.name.removesuffix(".gold2.yaml") for p in SECOND}
    assert {p.name.removesuffix(".adjudicated.yaml") for p in ADJUDICATED} == read


@pytest.mark.parametrize("path", SECOND + ADJUDICATED, ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_every_second_claim_is_allowed_quoted_and_named_by_a_fixed_point(path: Path) -> None:
    name = path.name.split(".")[0]
    [text_path] = [d / f"{name}.txt" for d in ALL_DIRS if (d / f"{name}.txt").exists()]
    text = fold(text_path.read_text(encoding="utf-8"))
    claims = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("claims") or []
    for claim in claims:
        predicate = Predicate(claim["predicate"])
        Stance(claim["stance"])
        for eid in (claim["subject"], claim["object"]):
            prefix, part = eid.split(":", 1)
            assert prefix in TYPES and slug(part) == part, eid
        assert allowed(predicate, TYPES[claim["subject"].split(":")[0]], TYPES[claim["object"].split(":")[0]]), claim
        assert fold(claim["quote"]) in text, claim["quote"]
