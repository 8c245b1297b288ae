"""Shapes of the genre, written from it (not copied from any evaluation text): a person named by a title
and the family name alone, the President's numbered instruments, a law issued "by" a titled person or
passed by Congress, a body's "its <List>", a verb's object that is not in another clause, a person a
place-based description names, "X, Incorporated", a state-sponsored group, a US body with and without
"U.S.", and a firm doing business under another name."""

from __future__ import annotations

import pytest

from bench.extract import same_id
from extract import propose
from extract.mentions import Doc
from extract.text import decode
from schema.quotes import fold


def _found(text: str, publisher: str | None = None) -> set[tuple[str, str, str]]:
    parsed = propose(text, {"publisher": publisher} if publisher else None).parsed
    return {(c.subject, c.predicate.value, c.object) for c in parsed.claims}


def _persons(text: str) -> list[str]:
    doc = Doc(text, fold(decode(text)), [])
    doc.find_mentions()
    return [m.eid for m in doc.mentions if m.etype.value == "Person"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("President Halvorsen signed the order on Tuesday.", "person:halvorsen"),
        ("Senator Okonkwo introduced the bill.", "person:okonkwo"),
        ("Secretary of State Lindqvist designated the company.", "person:lindqvist"),
        ("Deputy Secretary Marchetti said the action protects the financial system.", "person:marchetti"),
    ],
)
def test_a_title_names_a_person_by_the_family_name_alone(text: str, person: str) -> None:
    assert _persons(text) == [person]


def test_the_family_name_after_a_title_is_the_person_named_in_full_in_the_text() -> None:
    text = "President Anna Halvorsen met the ministers. Later, President Halvorsen signed the order."
    assert _persons(text) == ["person:anna-halvorsen", "person:anna-halvorsen"]


@pytest.mark.parametrize(
    "text", ["Director General Smith spoke.", "The President Elect spoke.", "The President spoke."]
)
def test_an_office_alone_names_no_one(text: str) -> None:
    assert _persons(text) == []


@pytest.mark.parametrize(
    ("text", "law"),
    [
        ("President Halvorsen issued National Security Presidential Memorandum 7 on March 3, 2025.",
         "law:national-security-presidential-memorandum-7"),
        ("President Halvorsen signed Presidential Determination No. 2024-11 on May 1, 2024.",
         "law:presidential-determination-2024-11"),
        ("President Halvorsen issued Proclamation 9912 on June 4, 2019.", "law:presidential-proclamation-9912"),
    ],
)  # fmt: skip
def test_the_presidents_numbered_instruments_are_laws_he_enacts(text: str, law: str) -> None:
    assert (law, "enacted-by", "person:halvorsen") in _found(text)


def test_a_law_issued_by_a_titled_person_or_passed_by_congress_is_enacted_by_them() -> None:
    found = _found("Executive Order 14999, issued by President Halvorsen in April 2025, authorizes sanctions.")
    assert ("law:executive-order-14999", "enacted-by", "person:halvorsen") in found
    found = _found("The Secure Routers Act of 2023, passed by Congress, bars federal purchases of such routers.")
    assert ("law:secure-routers-act-of-2023", "enacted-by", "organization:us-congress") in found
    found = _found(
        "In 2023 Congress passed the Secure Routers Act of 2023, which bars federal purchases of such routers."
    )
    assert ("law:secure-routers-act-of-2023", "enacted-by", "organization:us-congress") in found


def test_a_chamber_passing_a_bill_does_not_enact_it() -> None:
    found = _found("The House of Representatives passed the Secure Routers Act of 2023 on Monday.")
    assert not {f for f in found if f[1] == "enacted-by"}


def test_its_list_is_the_list_of_the_body_acting() -> None:
    found = _found("The Bureau of Industry and Security (BIS) today added nine entities to its Entity List.")
    assert ("agency:us-bis", "administers", "list:us-bis-entity-list") in found


def test_a_verbs_object_is_not_a_name_in_the_next_clause() -> None:
    text = (
        "This is the third action against an unnamed refinery since President Halvorsen issued National Security "
        "Presidential Memorandum 7."
    )
    found = _found(text, "U.S. Department of State")
    assert not {f for f in found if f[1] == "acted-against"}
    assert ("law:national-security-presidential-memorandum-7", "enacted-by", "person:halvorsen") in found


def test_a_place_based_description_after_a_name_makes_a_person() -> None:
    found = _found("Rafiq Haddadin, a Jordan-based financier, was designated today.", "U.S. Department of the Treasury")
    assert ("person:rafiq-haddadin", "headquartered-in", "country:jo") in found


def test_the_bench_compares_a_titled_family_name_with_the_family_name() -> None:
    assert same_id("person:president-halvorsen") == same_id("person:halvorsen") == "person:halvorsen"
    assert same_id("person:attorney-general-bondi") == "person:bondi"
    assert same_id("person:secretary-of-state") == "person:secretary-of-state"  # an office, no one's name


def test_a_firm_named_with_incorporated_after_a_comma_is_one_firm() -> None:
    found = _found(
        "Today, OFAC sanctioned Zenith Data Group, Incorporated (Zenith Data), a Shenzhen-based software company.",
        "U.S. Department of the Treasury",
    )
    assert ("firm:zenith-data-group-incorporated", "sanctioned-by", "agency:us-ofac") in found
    assert not any("firm:incorporated" in (s, o) for s, _, o in found)


def test_a_group_its_description_calls_a_state_sponsored_group_is_an_organization_tied_to_the_state() -> None:
    found = _found("The intrusions were attributed to Granite Heron, a Chinese state-sponsored cyber group.")
    assert ("organization:granite-heron", "headquartered-in", "country:cn") in found
    assert ("organization:granite-heron", "alleged-tie-to", "country:cn") in found


def test_a_us_body_named_with_and_without_us_is_one_body() -> None:
    text = "The U.S. National Cyber Response Agency (NCRA) warned firms. The National Cyber Response Agency acted."
    doc = Doc(text, fold(decode(text)), [])
    doc.find_mentions()
    assert {m.eid for m in doc.mentions} == {"agency:national-cyber-response-agency"}


@pytest.mark.parametrize("cue", ["d/b/a", "doing business as"])
def test_a_firm_doing_business_under_another_name_is_one_firm_with_a_same_as_claim(cue: str) -> None:
    found = _found(f"The order names Borealis Air Company {cue} Aurora Airlines, a Russian airline.")
    assert ("firm:borealis-air-company", "same-as", "firm:aurora-airlines") in found


def test_a_unit_named_after_its_body_is_part_of_it() -> None:
    assert ("agency:enforcement-bureau", "part-of", "agency:us-fcc") in _found(
        "The FCC Enforcement Bureau proposed a fine."
    )
    found = _found("The U.S. Department of Defense Cyber Crime Center (DC3) co-authored the advisory.")
    assert ("agency:cyber-crime-center", "part-of", "agency:us-dod") in found


def test_a_states_own_agency_named_with_its_possessive_is_part_of_it_in_a_bulleted_list() -> None:
    text = (
        "The advisory was coauthored with the following organizations:\n"
        "- Ruritania’s National Cyber Defence Centre (NCDC);\n"
        "- Japan’s National Police Agency (NPA); and\n"
        "- the United Kingdom’s National Cyber Security Centre (NCSC).\n"
    )
    found = _found(text, "Cybersecurity and Infrastructure Security Agency")
    assert ("agency:national-police-agency", "part-of", "country:jp") in found
    assert ("agency:national-cyber-security-centre", "part-of", "country:gb") in found


def test_a_person_described_as_a_firms_representative_is_tied_to_it_and_the_demonym_is_no_part_of_its_name() -> None:
    found = _found(
        "The funds were seized in connection with an indictment against Ri Chol Man (Ri), a North Korean Korea "
        "Daesong Bank (KDB) representative who allegedly laundered the proceeds.",
        "U.S. Department of Justice",
    )
    assert ("person:ri-chol-man", "alleged-tie-to", "firm:korea-daesong-bank") in found
    assert ("person:ri-chol-man", "headquartered-in", "country:kp") in found
    assert ("firm:korea-daesong-bank", "headquartered-in", "country:kp") in found


def test_a_party_a_lower_case_designated_foreign_terrorist_organization_is_sanctioned_by_the_united_states() -> None:
    found = _found(
        "The tanker moved oil for the Harbor Martyrs Brigades (HMB), a designated foreign terrorist organization.",
        "U.S. Department of Justice",
    )
    assert ("organization:harbor-martyrs-brigades", "sanctioned-by", "country:us") in found


@pytest.mark.parametrize(
    "text",
    [
        "Disgraced financier Karim Vahdat Zand, who was sanctioned earlier this year, promoted the scheme.",
        "Today OFAC designated Omega Trading LLC. The financier Karim Vahdat Zand was previously designated in 2019.",
        "Karim Vahdat Zand was designated pursuant to E.O. 13224, as amended, on May 27, 2025 for his support.",
    ],
)
def test_a_designation_made_before_the_texts_action_is_the_united_states(text: str) -> None:
    found = _found(text, "U.S. Department of the Treasury")
    assert ("person:karim-vahdat-zand", "sanctioned-by", "country:us") in found
    assert not {f for f in found if f[0] == "person:karim-vahdat-zand" and f[2].startswith("agency:")}


def test_a_party_designated_before_takes_no_law_of_the_texts_own_designations() -> None:
    text = (
        "Today, OFAC designated Omega Trading LLC pursuant to E.O. 13902. "
        "Disgraced financier Karim Vahdat Zand, who was sanctioned earlier this year, promoted the scheme."
    )
    found = _found(text, "U.S. Department of the Treasury")
    assert ("person:karim-vahdat-zand", "sanctioned-by", "country:us") in found
    assert ("person:karim-vahdat-zand", "restricted-under", "law:executive-order-13902") not in found


def test_a_firm_in_a_country_is_there() -> None:
    found = _found(
        "Ports of entry will detain rice products sourced from Golden Paddy Rice Mill in Vietnam.",
        "U.S. Customs and Border Protection",
    )
    assert ("firm:golden-paddy-rice-mill", "headquartered-in", "country:vn") in found


def test_a_demonym_and_company_before_a_firms_name_are_no_part_of_it() -> None:
    found = _found("CBP modified the Finding on the Indonesian Company Surya Palm Estates Ltd.")
    assert ("firm:surya-palm-estates-ltd", "headquartered-in", "country:id") in found


def test_a_countrys_possessive_description_after_a_firm_places_it() -> None:
    found = _found("The sanctions target Volga Arms Export OJSC, Russia's main arms export entity.")
    assert ("firm:volga-arms-export-ojsc", "headquartered-in", "country:ru") in found


def test_a_demonym_and_a_legal_form_alone_name_no_firm() -> None:
    text = "CBP modified the Finding on the Indonesian Company named in it."
    doc = Doc(text, fold(decode(text)), [])
    doc.find_mentions()
    assert [m.eid for m in doc.mentions] == ["agency:us-cbp"]


@pytest.mark.parametrize("text", ["The FBI Field Office in Boston said so.", "The FBI Office said so."])
def test_a_unit_every_body_has_is_not_made_an_entity_of_its_own(text: str) -> None:
    doc = Doc(text, fold(decode(text)), [])
    doc.find_mentions()
    assert [m.eid for m in doc.mentions] == ["agency:us-fbi"]  # no agency:field-office shared by every body's


def test_an_executive_order_named_by_its_title_is_a_law_the_president_who_signed_it_enacted() -> None:
    text = (
        "Executive Order Targeting the Harmful Activities of the Government of Freedonia\n\n"
        "Today, President Halvorsen signed a new sanctions executive order that provides new authorities. "
        "Treasury issued: Executive Order on Prohibiting Certain Imports With Respect to Freedonia."
    )
    found = _found(text)
    titled = "law:executive-order-targeting-the-harmful-activities-of-the-government-of-freedonia"
    assert (titled, "enacted-by", "person:halvorsen") in found
    assert not any(p == "enacted-by" and o == "agency:us-treasury" for _, p, o in found)  # it publishes, not enacts
