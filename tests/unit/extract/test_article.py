"""The article extractor end to end (extract.propose): seed acceptance points, exact quotes,
precision traps, known entities, odd inputs, the benchmark."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.extract import main as bench_main
from extract import load_meta, propose
from schema.models import Entity
from schema.ontology import EntityType, Method, Stance
from schema.quotes import matches

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
SEED = FIXTURES / "seed-safetydetectives-kaspersky"
ALL_TEXTS = sorted(FIXTURES.glob("*.txt"))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def extract(text, meta=None, known=()):
    """The candidates of ``text``: what the API and the CLI get from propose()."""
    return propose(text, meta, known).parsed


def _claims(parsed, subject, predicate, obj):
    return [c for c in parsed.claims if (c.subject, c.predicate.value, c.object) == (subject, predicate, obj)]


# -- seed acceptance ----------------------------------------------------------------------------


def test_seed_is_the_data_seed_byte_for_byte(seed_text):
    data = Path(__file__).resolve().parents[3] / "data" / "seed" / "000_66c8fb9bb78ccfc2.txt"
    assert SEED.with_suffix(".txt").read_bytes() == data.read_bytes()
    assert "\u00a0" in seed_text and "\u2019" in seed_text  # NBSPs and curly quotes


def test_seed_fsb_allegation(seed):
    [claim] = _claims(seed, "firm:kaspersky-lab", "alleged-tie-to", "agency:fsb")
    assert claim.stance is Stance.ALLEGED
    assert claim.asserted_by == "country:us"
    assert "coordinated with Russia\u2019s Federal Security Service" in claim.citations[0].quote


def test_seed_2017_ban(seed):
    [claim] = _claims(seed, "firm:kaspersky-lab", "banned-by", "country:us")
    assert claim.stance is Stance.ASSERTED
    assert claim.valid_from == "2017"
    assert "banned Kaspersky\u2019s use on a federal level back in 2017" in claim.citations[0].quote


def test_seed_federal_list_is_the_fcc_covered_list(seed):
    [claim] = _claims(seed, "firm:kaspersky-lab", "listed-on", "list:us-fcc-covered-list")
    assert claim.stance is Stance.ASSERTED
    assert "a federal list of companies that pose a national security risk" in claim.citations[0].quote
    covered = next(e for e in seed.entities if e.id == "list:us-fcc-covered-list")
    assert covered.name == "FCC Covered List"
    assert "federal list of companies that pose a national security risk" in covered.aliases


def test_seed_germany_kremlin_accusation(seed):
    [claim] = _claims(seed, "firm:kaspersky-lab", "alleged-tie-to", "agency:kremlin")
    assert claim.stance is Stance.ALLEGED
    assert claim.asserted_by == "country:de"


def test_seed_tiktok_bill(seed):
    [claim] = _claims(seed, "law:bill-targeting-tiktok", "targets", "product:tiktok")
    assert claim.stance is Stance.PROPOSED
    assert "a bill that would let the White House ban Tik Tok" in claim.citations[0].quote
    law = next(e for e in seed.entities if e.id == "law:bill-targeting-tiktok")
    assert law.type is EntityType.LAW and law.candidate


def test_seed_reported_claims_name_the_reporter(seed):
    claims = _claims(seed, "agency:us-commerce", "considering-action-against", "firm:kaspersky-lab")
    assert [(c.stance, c.asserted_by) for c in claims] == [(Stance.REPORTED, "organization:wsj")]
    reported = _claims(seed, "country:us", "considering-action-against", "firm:kaspersky-lab")
    assert {(c.stance, c.asserted_by) for c in reported} == {
        (Stance.ASSERTED, None),  # the title, in the source's own voice
        (Stance.REPORTED, "organization:wsj"),  # "..., the report said."
    }


def test_seed_ids_and_candidates(seed):
    ids = {c.subject for c in seed.claims} | {c.object for c in seed.claims}
    ids |= {c.asserted_by for c in seed.claims if c.asserted_by}
    assert {
        "firm:kaspersky-lab",
        "agency:fsb",
        "country:us",
        "country:ru",
        "country:de",
        "agency:kremlin",
        "agency:us-commerce",
        "agency:us-bis",
        "product:tiktok",
        "organization:reuters",
    } <= ids
    by_id = {e.id: e for e in seed.entities}
    assert set(by_id) >= ids  # every referenced entity is defined (no known entities passed)
    assert by_id["firm:kaspersky-lab"].candidate and "Kaspersky" in by_id["firm:kaspersky-lab"].aliases
    assert not by_id["country:us"].candidate  # built-in gazetteer entries are curated
    for e in seed.entities:
        assert e.id.split(":", 1)[0] == e.type.prefix


def test_seed_relative_date_kept_when_published_date_unknown(seed):
    [claim] = _claims(seed, "country:us", "acted-against", "firm:kaspersky-lab")
    assert claim.valid_from is None
    assert claim.qualifiers == {"relative_date": "last year"}
    assert seed.sources[0].published_at is None


def test_relative_date_resolved_against_a_known_published_date(seed_text):
    parsed = extract(seed_text, {"title": "t", "published_at": "2023-05-02"})
    [claim] = _claims(parsed, "country:us", "acted-against", "firm:kaspersky-lab")
    assert claim.valid_from == "2022"
    assert "relative_date" not in claim.qualifiers


def test_claims_are_extracted_candidates(seed):
    assert seed.claims
    for claim in seed.claims:
        assert claim.method is Method.EXTRACTED
        assert 0.0 < claim.confidence < 1.0
        assert claim.citations[0].source == "source:safetydetectives-kaspersky"


# -- quotes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.stem)
def test_every_quote_is_the_text_at_its_offsets(path):
    text = _read(path)
    meta = load_meta(path.with_name(path.stem + ".meta.yaml"))
    parsed = extract(text, meta)
    assert parsed.sources[0].text == text
    for claim in parsed.claims:
        for cite in claim.citations:
            assert cite.quote == text[cite.start : cite.end]
            assert cite.quote == cite.quote.strip()
            assert matches(text, cite.quote, cite.start, cite.end)


# -- precision traps and known entities -------------------------------------------------------


def test_sanctions_on_executives_of_a_firm_do_not_sanction_the_firm():
    path = FIXTURES / "state-kaspersky-leadership-2024.txt"
    parsed = extract(_read(path))
    assert not [c for c in parsed.claims if c.predicate.value == "sanctioned-by"]


def test_resistance_to_a_ban_is_not_a_ban():
    parsed = extract("There was resistance from US officials regarding fully banning Kaspersky Lab.")
    assert not [c for c in parsed.claims if c.predicate.value == "banned-by"]


def test_known_entities_are_reused_not_redefined(seed_text):
    known = Entity(
        id="firm:kaspersky", type=EntityType.FIRM, name="Kaspersky Lab", aliases=("Kaspersky",), country="RU"
    )
    parsed = extract(seed_text, {"title": "t"}, known=[known])
    assert _claims(parsed, "firm:kaspersky", "alleged-tie-to", "agency:fsb")
    assert "firm:kaspersky" in parsed.external_refs
    assert all(e.id != "firm:kaspersky" for e in parsed.entities)
    assert all("kaspersky-lab" not in e.id for e in parsed.entities)


def test_defined_terms_and_acronyms_resolve():
    text = (
        "The Bureau of Industry and Security (BIS) announced a Final Determination prohibiting "
        "Acme Labs Limited (together with its affiliates, \u201cAcme\u201d). BIS added Acme to the "
        "Entity List."
    )
    parsed = extract(text)
    assert _claims(parsed, "firm:acme-labs-limited", "banned-by", "agency:us-bis")
    assert _claims(parsed, "firm:acme-labs-limited", "listed-on", "list:us-bis-entity-list")


# -- odd inputs ---------------------------------------------------------------------------------


def test_text_in_another_language_gives_no_claims():
    text = (
        "Die Bundesregierung hat die Software von Kaspersky verboten. Das Bundesamt warnte vor dem "
        "Einsatz. \u0420\u043e\u0441\u0441\u0438\u044f \u043e\u0431\u044a\u044f\u0432\u0438\u043b\u0430."
    )
    parsed = extract(text)
    assert parsed.claims == []


def test_a_wall_of_text_without_punctuation_finishes():
    text = "Kaspersky Lab Commerce Department banned " * 25_000  # 1 MB, one "sentence"
    started = time.perf_counter()
    parsed = extract(text)
    assert time.perf_counter() - started < 60
    for claim in parsed.claims:
        assert claim.citations[0].quote == text[claim.citations[0].start : claim.citations[0].end]


def test_five_megabytes_in_well_under_a_minute(seed_text):
    copies = 5_000_000 // len(seed_text)
    text = "\n\n".join([seed_text] * copies)
    started = time.perf_counter()
    parsed = extract(text, {"title": "t"})
    assert time.perf_counter() - started < 60
    single = extract(seed_text, {"title": "t"})
    key = lambda c: (c.subject, c.predicate, c.object, c.stance)  # noqa: E731
    assert {key(c) for c in parsed.claims} == {key(c) for c in single.claims}


# -- the benchmark --------------------------------------------------------------------------------


def test_bench_meets_the_targets_over_the_gold_set(capsys):
    assert bench_main(["--dir", str(FIXTURES), "--min-precision", "0.8", "--min-recall", "0.6"]) == 0
    out = capsys.readouterr().out
    assert "overall (micro)" in out and "heldout (micro)" in out


def test_the_seed_article_keeps_precision_one_and_recall_at_least_0_87():
    """Issue 20's floor: the founding article's extraction stays as good as it was (1.00 / 0.87)."""
    from bench.extract import score_article

    score = score_article(FIXTURES / "seed-safetydetectives-kaspersky.gold.yaml")
    assert score.found - score.gold == set(), sorted(score.found - score.gold)
    assert score.recall >= 0.87, sorted(score.gold - score.found)
