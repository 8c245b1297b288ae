"""Name normalisation and same-entity candidates (loaders.resolve)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from loaders import fcc
from loaders.resolve import MERGE_AT, candidates, decide, legal_forms, normalise_name, orient, records
from schema.models import Entity
from schema.ontology import EntityType, Predicate, Stance

FCC_2026 = Path(__file__).parents[2] / "fixtures" / "real" / "fcc_covered_list_2026.csv"


def firm(key: str, name: str, country: str | None = None, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(id=f"firm:{key}", type=EntityType.FIRM, name=name, country=country, aliases=aliases)


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("AO Kaspersky Lab", "kaspersky lab"),
        ("Kaspersky Lab, Inc.", "kaspersky lab"),
        ("Huawei Technologies Co., Ltd.", "huawei technologies"),
        ("Huawei Technologies Company", "huawei technologies"),
        ("LIMITED LIABILITY COMPANY ZALA AERO", "zala aero"),
        ("ZALA AERO OOO", "zala aero"),
        ("AKTSIONERNOE OBSHCHESTVO RT-AVTO", "rt avto"),
        ("TNK Trading International S.A.", "tnk trading international"),
        ("H & H METALFORM GMBH", "h and h metalform"),
        ("Fathi Mohammed QAR'AWI", "fathi mohammed qarawi"),
        ("Gui\x92an New District Huawei Investment Co., Ltd.", "guian new district huawei investment"),
        ("Société Générale S.A.", "societe generale"),
        ("China Telecom (Americas) Corp.", "china telecom americas"),
        ("Co., Ltd.", ""),
    ],
)
def test_normalise_name(name: str, normalised: str) -> None:
    assert normalise_name(name) == normalised


def test_legal_forms() -> None:
    assert legal_forms("Huawei Technologies Co., Ltd.") == {"coltd"}  # rigour's org types
    assert legal_forms("ООО Зала Аэро") == {"ooo"}  # read in transliteration too
    assert legal_forms("Aktsionernoe Obshchestvo Kaspersky Lab") == {"ao"}
    assert legal_forms("LIMITED LIABILITY COMPANY ZALA AERO") == {"llc"}
    assert legal_forms("Kaspersky Lab") == frozenset()


def test_legal_form_alone_matches() -> None:
    new, known = firm("fcc-ao-kaspersky-lab", "AO Kaspersky Lab"), firm("x-kaspersky-lab", "Kaspersky Lab")
    assert candidates([new], [known]) == [
        ("firm:fcc-ao-kaspersky-lab", "firm:x-kaspersky-lab", 1.0, "same normalised name: 'kaspersky lab'")
    ]
    known_ru = firm("x-kaspersky-lab", "Kaspersky Lab", country="RU")
    assert [row[:3] for row in candidates([new], [known_ru])] == [
        ("firm:fcc-ao-kaspersky-lab", "firm:x-kaspersky-lab", 1.0)
    ]


def test_us_subsidiary_does_not_match_the_russian_parent() -> None:
    inc = firm("fcc-kaspersky-lab-inc", "Kaspersky Lab, Inc.", country="US")
    assert candidates([inc], [firm("x-kaspersky-lab", "Kaspersky Lab", country="RU")]) == []
    # nor the parent named with its Russian legal form, country unknown: AO implies the former USSR
    assert candidates([inc], [firm("fcc-ao-kaspersky-lab", "AO Kaspersky Lab")]) == []


def test_different_distinctive_forms_without_countries_are_only_unsure() -> None:
    inc, ao = firm("fcc-kaspersky-lab-inc", "Kaspersky Lab, Inc."), firm("fcc-ao-kaspersky-lab", "AO Kaspersky Lab")
    ((new_id, known_id, score, reason),) = candidates([inc], [ao])
    assert (new_id, known_id, score) == ("firm:fcc-kaspersky-lab-inc", "firm:fcc-ao-kaspersky-lab", 0.5)
    assert reason.startswith("unsure:") and "inc vs ao" in reason


def test_same_country_legal_form_differences_match() -> None:
    ofac = firm("ofac-45934", "LIMITED LIABILITY COMPANY ZALA AERO", country="RU")
    other = firm("x-zala", "ZALA AERO OOO", country="RU")
    assert [row[2:] for row in candidates([ofac], [other])] == [(1.0, "same normalised name: 'zala aero'; both in RU")]
    # generic forms (company, limited...) never make a pair unsure
    huawei = firm("fcc-huawei-technologies-company", "Huawei Technologies Company")
    assert candidates([huawei], [firm("x-huawei", "Huawei Technologies Co., Ltd.", country="CN")])[0][2] == 1.0


def test_extra_tokens_never_match() -> None:
    mobile = firm("fcc-china-mobile-international-usa-inc", "China Mobile International USA Inc.")
    assert candidates([mobile], [firm("x-cmcc", "China Mobile Communications Group")]) == []
    device = firm("x-huawei-device", "Huawei Device Co., Ltd.")
    assert candidates([device], [firm("x-huawei-tech", "Huawei Technologies Co., Ltd.")]) == []
    comnet = firm("fcc-comnet-usa-llc", "ComNet (USA) LLC")
    assert candidates([comnet], [firm("x-comnet", "ComNet LLC")]) == []


def test_aliases_match_with_a_lower_score() -> None:
    sme = firm("csl-18283", "SME BANK", country="RU", aliases=("JSC SME BANK", "MSP BANK AO"))
    known = firm("x-msp", "MSP Bank", country="RU")
    ((_, _, score, reason),) = candidates([sme], [known])
    assert score == 0.8 and "'MSP BANK AO' / 'MSP Bank'" in reason


def test_same_id_and_other_types_are_skipped() -> None:
    one = firm("a", "Kaspersky Lab")
    person = Entity(id="person:kaspersky-lab", type=EntityType.PERSON, name="Kaspersky Lab")
    assert candidates([one], [one, person]) == []


def test_on_the_fcc_list_the_two_kasperskys_are_unsure() -> None:
    parsed = fcc.load(FCC_2026)
    pairs = candidates(parsed.entities, parsed.entities)
    assert {(a, b, score) for a, b, score, _ in pairs} == {
        ("firm:fcc-ao-kaspersky-lab", "firm:fcc-kaspersky-lab-inc", 0.5),
        ("firm:fcc-kaspersky-lab-inc", "firm:fcc-ao-kaspersky-lab", 0.5),
    }


# -- rules 4 to 6 -------------------------------------------------------------------------


def test_a_legal_form_must_fit_the_other_sides_country() -> None:
    seed = firm("kaspersky-lab", "Kaspersky Lab", country="RU")
    ao, inc = firm("fcc-ao-kaspersky-lab", "AO Kaspersky Lab"), firm("fcc-kaspersky-lab-inc", "Kaspersky Lab, Inc.")
    assert candidates([ao], [seed]) == [
        (
            "firm:fcc-ao-kaspersky-lab",
            "firm:kaspersky-lab",
            1.0,
            "same normalised name: 'kaspersky lab'; legal form ao fits RU",
        )
    ]
    ((_, _, score, reason),) = candidates([inc], [seed])
    assert score == 0.5 and reason.startswith("unsure:") and "legal form inc is used in RU" in reason
    # and the other way round
    assert candidates([seed], [inc])[0][2] == 0.5


def test_a_shared_name_alone_does_not_identify_a_person_or_a_ship() -> None:
    one = Entity(id="person:a", type=EntityType.PERSON, name="Ivan Ivanov", country="RU")
    two = Entity(id="person:b", type=EntityType.PERSON, name="IVANOV, Ivan", country="RU", aliases=("Ivan Ivanov",))
    ((_, _, score, reason),) = candidates([one], [two])
    assert score == 0.5 and "does not identify a person" in reason  # the names match in any word order
    ship = Entity(id="asset:a", type=EntityType.ASSET, name="TERIBERKA")
    assert candidates([ship], [ship.model_copy(update={"id": "asset:b"})])[0][2] == 0.5


def test_persons_with_one_name_and_agreeing_dates_of_birth_merge() -> None:
    ofac = Entity(id="person:ofac-1", type=EntityType.PERSON, name="RIM, Ryong Nam", birth_dates=("1978-12-05",))
    csl = Entity(id="person:csl-1", type=EntityType.PERSON, name="Ryong Nam RIM", birth_dates=("1978",))
    ((_, _, score, reason),) = candidates([csl], [ofac])
    assert score == 1.0 and reason.endswith("both born 1978")
    namesake = csl.model_copy(update={"id": "person:csl-2", "birth_dates": ("1980-01-01",)})
    assert candidates([namesake], [ofac]) == []  # born on another day: two persons


def test_identifiers_decide() -> None:
    csl = firm("csl-18748", "ACTIVEBUSINESSCOLLECTION LIMITED LIABILITY COMPANY", "RU")
    ofac = firm("ofac-18748", "LLC ACTIVEBUSINESSCOLLECTION", "RU")
    csl = csl.model_copy(update={"identifiers": {"ofac": "18748"}})
    ofac = ofac.model_copy(update={"identifiers": {"ofac": "18748"}})
    assert candidates([csl], [ofac]) == [("firm:csl-18748", "firm:ofac-18748", 1.0, "same ofac identifier 18748")]
    # two SDN entries of one name are two firms
    rif1 = firm("ofac-46520", "OOO RIF", "RU").model_copy(update={"identifiers": {"ofac": "46520"}})
    rif2 = firm("ofac-46521", "OOO RIF", "RU").model_copy(update={"identifiers": {"ofac": "46521"}})
    assert candidates([rif1], [rif2]) == []
    # a shared IMO number matches whatever the names
    a = Entity(id="asset:a", type=EntityType.ASSET, name="SEA ONE", identifiers={"imo": "IMO 9999990"})
    b = Entity(id="asset:b", type=EntityType.ASSET, name="OCEAN TWO", identifiers={"imo": "imo9999990; IMO1234567"})
    assert candidates([a], [b]) == [("asset:a", "asset:b", 1.0, "same imo identifier IMO9999990")]


# -- decisions ----------------------------------------------------------------------------


def test_decide_orients_dedupes_and_judges() -> None:
    seed = firm("kaspersky-lab", "Kaspersky Lab", country="RU")
    ao, inc = firm("fcc-ao-kaspersky-lab", "AO Kaspersky Lab"), firm("fcc-kaspersky-lab-inc", "Kaspersky Lab, Inc.")
    found = decide([seed, ao, inc])
    assert [(d.verdict, d.subject, d.object, d.score) for d in found] == [
        ("merged", "firm:fcc-ao-kaspersky-lab", "firm:kaspersky-lab", 1.0),
        ("unsure", "firm:fcc-ao-kaspersky-lab", "firm:fcc-kaspersky-lab-inc", 0.5),
        # the same two clusters once merged: one question for the reviewer, not two
        ("recorded", "firm:fcc-kaspersky-lab-inc", "firm:kaspersky-lab", 0.5),
    ]
    assert found[2].reason.endswith(
        "their clusters are queued once, as firm:fcc-ao-kaspersky-lab – firm:fcc-kaspersky-lab-inc"
    )
    assert found[0].line == (
        "firm:fcc-ao-kaspersky-lab same-as firm:kaspersky-lab: merged, score 1: "
        "same normalised name: 'kaspersky lab'; legal form ao fits RU"
    )
    assert not found[1].reason.startswith("unsure")
    related = {frozenset((inc.id, seed.id)): "firm:fcc-kaspersky-lab-inc subsidiary-of firm:kaspersky-lab"}
    again = decide([seed, ao, inc], related, [frozenset((ao.id, seed.id))])
    assert [(d.verdict, d.subject) for d in again] == [
        ("unsure", "firm:fcc-ao-kaspersky-lab"),
        ("distinct", "firm:fcc-kaspersky-lab-inc"),
        ("recorded", "firm:fcc-ao-kaspersky-lab"),
    ]
    assert again[1].reason.endswith("but the graph records firm:fcc-kaspersky-lab-inc subsidiary-of firm:kaspersky-lab")


def test_decide_judges_clusters_not_only_pairs() -> None:
    """The FCC's two Kaspersky entries meet the seed's Kaspersky Lab and the curated Kaspersky Lab,
    Inc., which the graph records as its subsidiary: each FCC entry merges with its own firm, and
    no pair across the two is queued for review, in the first run or any later one."""
    seed = firm("kaspersky-lab", "Kaspersky Lab", country="RU")
    sub = firm("kaspersky-lab-inc", "Kaspersky Lab, Inc.", country="US")
    ao, inc = firm("fcc-ao-kaspersky-lab", "AO Kaspersky Lab"), firm("fcc-kaspersky-lab-inc", "Kaspersky Lab, Inc.")
    related = {frozenset((sub.id, seed.id)): "firm:kaspersky-lab-inc subsidiary-of firm:kaspersky-lab"}
    found = decide([seed, sub, ao, inc], related)
    verdicts = {(d.subject, d.object): d.verdict for d in found}
    assert verdicts[(ao.id, seed.id)] == "merged" and verdicts[(inc.id, sub.id)] == "merged"
    assert {d.verdict for d in found if {d.subject, d.object} not in ({ao.id, seed.id}, {inc.id, sub.id})} == {
        "distinct"
    }
    assert all("subsidiary-of" in d.reason for d in found if d.verdict == "distinct")
    # a later run, the clusters applied (facts now join the canonical ids): nothing new, nothing queued
    merged = [frozenset((d.subject, d.object)) for d in found if d.verdict == "merged"]
    again = decide([seed, sub, ao, inc], related, merged, canonical={ao.id: seed.id, inc.id: sub.id})
    assert {d.verdict for d in again} == {"recorded", "distinct"}
    assert records(again).claims == []


def test_decide_never_merges_a_cluster_into_a_related_one() -> None:
    """A third id that resembles a parent (through an alias) and its subsidiary (by name): it
    joins the one it matches best; the other becomes distinct, not a bridge merging the two."""
    parent = firm("acme", "Acme Holdings", country="DE").model_copy(update={"aliases": ("Acme Trading",)})
    child = firm("acme-trading", "Acme Trading", country="DE")
    third = firm("ftm-x", "ACME TRADING", country="DE")
    related = {frozenset((child.id, parent.id)): "firm:acme-trading subsidiary-of firm:acme"}
    found = decide([parent, child, third], related)
    verdicts = {frozenset((d.subject, d.object)): d.verdict for d in found}
    assert verdicts[frozenset((third.id, child.id))] == "merged"  # name to name, 1.0
    assert verdicts[frozenset((third.id, parent.id))] == "distinct"  # through an alias, 0.8
    assert verdicts[frozenset((child.id, parent.id))] == "distinct"


def test_orient() -> None:
    assert orient("firm:kaspersky-lab", "firm:fcc-ao-kaspersky-lab") == (
        "firm:fcc-ao-kaspersky-lab",
        "firm:kaspersky-lab",
    )
    assert orient("firm:ofac-1", "firm:csl-1") == ("firm:csl-1", "firm:ofac-1")


def test_records_quote_each_decision_line() -> None:
    seed = firm("kaspersky-lab", "Kaspersky Lab", country="RU")
    ao = firm("fcc-ao-kaspersky-lab", "AO Kaspersky Lab")
    csl = firm("csl-1", "Zala Aero", "RU").model_copy(update={"identifiers": {"ofac": "1"}})
    ofac = firm("ofac-1", "LLC ZALA AERO", "RU").model_copy(update={"identifiers": {"ofac": "1"}})
    found = decide([seed, ao, csl, ofac])
    parsed = records(found)
    (source,) = parsed.sources
    assert source.kind == "dataset" and source.text is not None
    assert source.id == "source:resolution-" + hashlib.sha256(source.text.encode()).hexdigest()[:16]
    assert source.text.splitlines() == [d.line for d in found if d.verdict == "merged"]
    for claim in parsed.claims:
        (cite,) = claim.citations
        assert claim.predicate is Predicate.SAME_AS and claim.stance is Stance.ASSERTED
        assert source.text[cite.start : cite.end] == cite.quote
        assert claim.qualifiers["decision"] == "merged" and claim.confidence == claim.qualifiers["score"]
    assert parsed.external_refs == {seed.id, ao.id, csl.id, ofac.id}
    # the same decisions make the same source and claims; none make nothing
    assert records(decide([ofac, csl, ao, seed])).claims == parsed.claims
    assert records([d for d in found if d.verdict != "merged"]).claims == []


def test_near_names_are_a_pair_to_review_never_a_merge() -> None:
    lab = firm("kaspersky-lab", "Kaspersky Lab", country="RU")
    labs = firm("csl-kaspersky-labs", "Kaspersky Labs")
    (found,) = candidates([labs], [lab, labs])
    assert found[:2] == ("firm:csl-kaspersky-labs", "firm:kaspersky-lab")
    assert found[2] < MERGE_AT and "near names 'kaspersky labs' / 'kaspersky lab'" in found[3]
    (decision,) = decide([lab, labs])
    assert decision.verdict == "unsure"


def test_near_names_need_countries_that_agree_and_a_near_whole_name() -> None:
    lab = firm("kaspersky-lab", "Kaspersky Lab", country="RU")
    assert candidates([firm("a", "Kaspersky Labs", country="US")], [lab]) == []  # another country
    assert candidates([firm("b", "Kaspersky Lab Academy")], [lab]) == []  # another firm of the group
    huawei = firm("huawei", "Huawei Technologies")
    assert candidates([firm("c", "Huawei Device")], [huawei]) == []
