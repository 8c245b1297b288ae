"""The learned reader (``extract.reader``): trained on development texts only, it relates pairs no
pattern related, below the patterns' confidence, within the ontology's domain and range, and never
a speaker or a pair a pattern already read."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import yaml

from bench.extract import ALL_DIRS
from bench.train_reader import choose
from extract import propose
from extract import reader as reader_module
from extract.reader import WEIGHTS_PATH, collecting
from schema.ontology import EntityType, Predicate, Stance, allowed


def _claims(text: str, publisher: str = "Bureau of Industry and Security") -> dict[tuple[str, str, str], float]:
    parsed = propose(text, {"publisher": publisher}).parsed
    return {(c.subject, c.predicate.value, c.object): c.confidence for c in parsed.claims}


def test_the_stored_model_was_trained_on_development_texts_only() -> None:
    model = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    names = model["trained_on"]
    assert hashlib.sha256("\n".join(names).encode()).hexdigest() == model["texts_digest"]
    golds = {g.name.removesuffix(".gold.yaml"): g for d in ALL_DIRS for g in d.glob("*.gold.yaml")}
    for name in names:
        split = (yaml.safe_load(golds[name].read_text(encoding="utf-8")) or {}).get("split", "dev")
        assert split == "dev", f"{name} is {split}: the reader must never learn from held-out text"
    assert all(0 < t < 1 for t in model["thresholds"].values())
    assert all(f.split("|", 1)[0] in model["thresholds"] for f in model["weights"])  # no weight left unused
    # a threshold is kept only where what the reader adds reached the precision on folds it did not see
    cv = model["cross_validated"]
    assert set(cv["by_predicate"]) == set(model["thresholds"])
    assert all(v["right"] >= 0.8 * v["found"] for v in cv["by_predicate"].values())


def test_a_party_named_on_the_list_in_words_no_pattern_knows_is_proposed_below_the_patterns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a model that reads "on the Entity List" between a firm and the list (the stored one may propose nothing)
    model = ({Predicate.LISTED_ON: 0.5}, {("listed-on", "bias"): 5.0}, {})
    monkeypatch.setattr(reader_module, "_tables", lambda: model)
    claims = _claims("Gamma Systems Inc. is one of the companies on the Entity List.")
    confidence = claims[("firm:gamma-systems-inc", "listed-on", "list:us-bis-entity-list")]
    assert confidence < 0.5  # the patterns' claims are 0.5 and above: a reviewer sees the reader's as weaker


def test_candidates_fit_the_ontology_and_leave_out_the_one_speaking() -> None:
    text = "Alpha Tech Co., Ltd. was added to the Entity List, Beta Trading LLC said."
    with collecting() as candidates:
        propose(text, {"publisher": "Bureau of Industry and Security"})
    assert candidates
    by_prefix = {t.prefix: t for t in EntityType}
    for c in candidates:
        assert "firm:beta-trading-llc" not in (c.subject, c.object)
        assert allowed(c.predicate, by_prefix[c.subject.split(":")[0]], by_prefix[c.object.split(":")[0]])
        assert c.features[0] == f"{c.predicate.value}|bias"
    assert ("firm:beta-trading-llc", "listed-on", "list:us-bis-entity-list") not in _claims(text)


def test_a_pair_a_pattern_read_keeps_the_patterns_reading() -> None:
    # the patterns read "designated ... as national security threats" as no sanction; the reader adds none
    claims = _claims(
        "The Public Safety and Homeland Security Bureau designated Huawei Technologies Company and ZTE "
        "Corporation as national security threats.",
        "Federal Communications Commission",
    )
    assert not any(p == "sanctioned-by" for _, p, _ in claims)


def test_without_its_weights_the_reader_proposes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = "Gamma Systems Inc. is one of the companies on the Entity List."
    monkeypatch.setattr(reader_module, "WEIGHTS_PATH", tmp_path / "absent.json")
    reader_module._model.cache_clear()
    reader_module._tables.cache_clear()
    try:
        assert ("firm:gamma-systems-inc", "listed-on", "list:us-bis-entity-list") not in _claims(text)
    finally:
        reader_module._model.cache_clear()
        reader_module._tables.cache_clear()


def test_each_predicate_gets_the_lowest_threshold_whose_cross_validated_precision_holds() -> None:
    table = {
        "listed-on": [(0.3, 10, 7), (0.4, 8, 7), (0.5, 6, 6)],  # 0.70, 0.88, 1.00
        "owns": [(0.3, 4, 4), (0.4, 3, 3)],  # precise, but too few proposals to trust
        "targets": [(0.3, 20, 10), (0.4, 10, 6)],  # never precise enough: left to the patterns
    }
    assert choose(table, min_precision=0.8, min_found=5) == {"listed-on": (0.4, 8, 7)}


def test_training_reads_development_texts_only_and_fits_the_same_weights_twice() -> None:
    from bench.extract import load_gold
    from bench.train_reader import dev_golds, fit

    golds = dev_golds()
    assert golds and all(load_gold(g)[0] == "dev" for g in golds)
    rows = [["listed-on|bias", "listed-on|sf|b:on"], ["listed-on|bias", "listed-on|sf|b:said"]] * 20
    labels = [True, False] * 20
    first, second = fit(rows, labels, 5.0), fit(rows, labels, 5.0)
    assert first == second and first["listed-on|sf|b:on"] > 0 > first["listed-on|sf|b:said"]


def test_what_the_reader_adds_counts_a_pairs_likeliest_reading_the_patterns_did_not_make() -> None:
    from bench.train_reader import Example, per_predicate

    def ex(triple: tuple[str, str, str], gold: bool, fresh: bool = True, added: bool = True) -> Example:
        return Example("t", triple, [], gold, fresh, added, ("t", 0, frozenset((triple[0], triple[2]))))

    scored = [
        (0.9, ex(("firm:a", "listed-on", "list:x"), gold=True)),
        (0.6, ex(("firm:a", "sanctioned-by", "list:x"), gold=False)),  # the same pair, less likely: not read
        (0.9, ex(("firm:b", "listed-on", "list:x"), gold=True, fresh=False, added=False)),  # a pattern's pair
        (0.9, ex(("firm:c", "listed-on", "list:x"), gold=True, added=False)),  # the patterns claimed it elsewhere
        (0.8, ex(("firm:d", "listed-on", "list:x"), gold=False)),
    ]
    alone = {t: (f, r) for t, f, r in per_predicate(scored)["listed-on"]}
    added = {t: (f, r) for t, f, r in per_predicate(scored, additions=True)["listed-on"]}
    assert alone[0.5] == (4, 3) and added[0.5] == (2, 1)
    assert "sanctioned-by" not in per_predicate(scored, additions=True)


def test_a_fact_the_patterns_state_keeps_their_stance(monkeypatch: pytest.MonkeyPatch) -> None:
    # a reader that proposes every place it can: where a pattern already stated the firm's country,
    # the same fact is not added again under another stance ("alleged" in the second sentence)
    eager = ({Predicate.HEADQUARTERED_IN: 0.0}, {("headquartered-in", "bias"): 5.0}, {})
    monkeypatch.setattr(reader_module, "_tables", lambda: eager)
    claims = propose(
        "Delta Soft LLC, a Russia-based company, sells software. US officials alleged that Delta Soft LLC works "
        "in Russia for its security services.",
        {"publisher": "U.S. Department of Homeland Security"},
    ).parsed.claims
    placed = [
        c
        for c in claims
        if (c.subject, c.predicate, c.object) == ("firm:delta-soft-llc", Predicate.HEADQUARTERED_IN, "country:ru")
    ]
    assert [c.stance for c in placed] == [Stance.ASSERTED]
