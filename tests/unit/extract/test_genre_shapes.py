"""The shapes US-government releases state facts in, written from the genre (not copied from any
evaluation text): where a party is, who owns it, who keeps a list, lists after a colon, legal
forms the name patterns do not spell out, persons introduced by nationality or age."""

from __future__ import annotations

import pytest

from extract import propose
from extract.mentions import Doc
from schema.quotes import fold


def _found(text: str, publisher: str | None = None) -> set[tuple[str, str, str]]:
    parsed = propose(text, {"publisher": publisher} if publisher else None).parsed
    return {(c.subject, c.predicate.value, c.object) for c in parsed.claims}


@pytest.mark.parametrize(
    ("text", "subject", "country"),
    [
        (
            "Kunlun Petrochemical Ltd. (Kunlun) is a Hong Kong-based firm that bought the oil.",
            "firm:kunlun-petrochemical-ltd",
            "country:hk",
        ),
        (
            "Omega Industrial Group Co., Ltd. is a Chinese company that manufactures drones.",
            "firm:omega-industrial-group-co-ltd",
            "country:cn",
        ),
        ("Sinopec Trading Ltd. of Beijing, China, was added to the list.", "firm:sinopec-trading-ltd", "country:cn"),
        (
            "The Department designated Beta Tech Limited (Hong Kong) and Gamma Electronics LLC (Russia).",
            "firm:beta-tech-limited",
            "country:hk",
        ),
        (
            "Delta Trading FZE, a United Arab Emirates-based front company, shipped the goods.",
            "firm:delta-trading-fze",
            "country:ae",
        ),
        ("Ivan Petrov, a Russian national, was charged with smuggling.", "person:ivan-petrov", "country:ru"),
        ("Li Wei, a citizen of the People's Republic of China, was indicted.", "person:li-wei", "country:cn"),
        ("Ma Xiaohong, 44, of Dandong, China, was charged with conspiracy.", "person:ma-xiaohong", "country:cn"),
        ("Zhou Jian, 51, a Chinese national, was arrested.", "person:zhou-jian", "country:cn"),
        ("Pars Oil Trading SARL, an Emirati company, sold the cargo.", "firm:pars-oil-trading-sarl", "country:ae"),
    ],
)
def test_where_a_party_is(text: str, subject: str, country: str) -> None:
    assert (subject, "headquartered-in", country) in _found(text)


def test_a_plant_number_is_no_legal_form() -> None:
    found = _found("Chashma II is owned by the Pakistan Atomic Energy Commission.")
    assert not any(s == "firm:chashma-ii" for s, _, _ in found)


def test_owned_and_controlled_is_ownership_owned_or_controlled_a_tie() -> None:
    both = _found("Birch Shipping Co. is owned and controlled by Cedar Holdings Ltd.")
    assert both == {("firm:cedar-holdings-ltd", "owns", "firm:birch-shipping-co")}
    either = _found("Birch Shipping Co. is owned or controlled by Cedar Holdings Ltd.")
    assert ("firm:birch-shipping-co", "alleged-tie-to", "firm:cedar-holdings-ltd") in either
    assert ("firm:cedar-holdings-ltd", "owns", "firm:birch-shipping-co") not in either


def test_an_unnamed_entity_owned_by_a_country_is_not_the_firms_before_it() -> None:
    found = _found("The bill bars contracts with Alpha Technologies Company, or an entity owned by China.")
    assert not any(p == "owns" for _, p, _ in found)


def test_a_list_after_a_colon_parted_by_semicolons() -> None:
    found = _found(
        "The State Department is imposing sanctions on the following entities pursuant to E.O. 13846: "
        "Alpha Shipping (Dalian) Co., Ltd.; Beta Petroleum Co., Limited; and Gamma Marine Company Limited."
    )
    for firm in (
        "firm:alpha-shipping-dalian-co-ltd",
        "firm:beta-petroleum-co-limited",
        "firm:gamma-marine-company-limited",
    ):
        assert (firm, "sanctioned-by", "agency:us-state") in found
        assert (firm, "restricted-under", "law:executive-order-13846") in found


def test_a_designation_without_an_agent_is_the_sanctioning_authority_named_before() -> None:
    found = _found(
        "Today, OFAC sanctioned Alpha Ltd. Eastern Petroleum Company is being designated for having "
        "materially assisted the IRGC."
    )
    assert ("firm:eastern-petroleum-company", "sanctioned-by", "agency:us-ofac") in found
    alone = _found("Eastern Petroleum Company is being designated for its support.", "U.S. Department of the Treasury")
    assert ("firm:eastern-petroleum-company", "sanctioned-by", "agency:us-treasury") in alone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Entity List is maintained by the Bureau of Industry and Security.",
            ("agency:us-bis", "administers", "list:us-bis-entity-list"),
        ),
        (
            "BIS administers the Export Administration Regulations (EAR).",
            ("agency:us-bis", "administers", "law:export-administration-regulations"),
        ),
        (
            "The Department of Commerce is considering restrictions on Acme Software Inc.",
            ("agency:us-commerce", "considering-action-against", "firm:acme-software-inc"),
        ),
    ],
)
def test_who_keeps_a_list_and_who_weighs_a_measure(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _found(text)


def test_regulations_are_a_law_not_an_agency() -> None:
    text = "They violated the Export Administration Regulations (EAR) and the Act."
    doc = Doc(text, fold(text), [])
    doc.find_mentions()
    assert [(text[m.start : m.end], m.etype.value) for m in doc.mentions] == [
        ("Export Administration Regulations", "Law"),
        ("EAR", "Law"),
    ]


def test_a_measure_announced_on_a_description_then_on_named_parties() -> None:
    found = _found(
        "The United States has sanctioned a Chinese company for buying oil.\n"
        "The Secretary announced the enforcement action against Alpha Petroleum Company Limited, a firm "
        "that bought the oil. He also announced restrictions against Alpha Petroleum's principal "
        "executive officer, Wei Zhang."
    )
    assert ("firm:alpha-petroleum-company-limited", "sanctioned-by", "country:us") in found
    assert ("person:wei-zhang", "sanctioned-by", "country:us") in found
    assert ("firm:alpha-petroleum-company-limited", "sanctioned-by", "person:wei-zhang") not in found


def test_a_parenthesis_after_a_member_does_not_end_the_list() -> None:
    found = _found(
        "The defendants include Omega Holdings Ltd. and three subsidiaries — Omega Device Co. Ltd. "
        "(Omega Device), Omega Device USA Inc. (Omega USA), Tera Technologies Inc. (Tera) and Sky Tech "
        "Co. Ltd. (Sky)."
    )
    for child in (
        "firm:omega-device-co-ltd",
        "firm:omega-device-usa-inc",
        "firm:tera-technologies-inc",
        "firm:sky-tech-co-ltd",
    ):
        assert (child, "subsidiary-of", "firm:omega-holdings-ltd") in found


def test_the_place_based_company_is_the_firm_last_named() -> None:
    found = _found(
        "Omega Holdings Ltd. was indicted. The China-based company's practice was to defraud the United States."
    )
    assert ("firm:omega-holdings-ltd", "headquartered-in", "country:cn") in found


def test_designated_as_a_threat_is_a_bar_not_a_sanction() -> None:
    found = _found(
        "The Public Safety and Homeland Security Bureau designated Huawei Technologies Company and ZTE "
        "Corporation as national security threats."
    )
    assert not any(p == "sanctioned-by" for _, p, _ in found)


def test_a_designation_list_one_item_a_line_after_a_colon() -> None:
    found = _found(
        "Today, OFAC sanctioned Alpha Ltd. The tanker BLUE SKY (IMO 9321938) carried Iranian oil.\n"
        "The following companies are being designated pursuant to E.O. 13902 for operating in the "
        "petroleum sector:\nRiver Ship Management Limited;\nNorth Freight Limited; and\nEast Star Company Limited.\n"
        "The following vessels are being identified as blocked property:\nBLUE SKY (River Ship Management Limited); and\n"
        "GREEN SEA (North Freight Limited)."
    )
    for firm in ("firm:river-ship-management-limited", "firm:north-freight-limited", "firm:east-star-company-limited"):
        assert (firm, "sanctioned-by", "agency:us-ofac") in found
        assert (firm, "restricted-under", "law:executive-order-13902") in found
    assert ("asset:blue-sky", "sanctioned-by", "agency:us-ofac") in found


def test_a_vessel_owned_operated_and_managed_by_a_place_based_firm() -> None:
    found = _found(
        "The Panama-flagged crude oil tanker BLUE SKY (IMO 9321938), owned, operated, and managed by Hong Kong "
        "and Marshall Islands-based River Ship Management Limited, has transported oil."
    )
    assert ("firm:river-ship-management-limited", "owns", "asset:blue-sky") in found
    assert ("firm:river-ship-management-limited", "headquartered-in", "country:hk") in found
    assert ("firm:river-ship-management-limited", "headquartered-in", "country:mh") in found


def test_a_list_named_after_a_law_and_the_parties_its_frame_names_later() -> None:
    found = _found(
        "Today, DHS announced the addition of three entities based in the People's Republic of China (PRC) to "
        "the Uyghur Forced Labor Prevention Act (UFLPA) Entity List.\n"
        "CBP will apply a presumption that goods produced by Alpha Cotton Co., Ltd., Beta Textile Co., Ltd., "
        "and Gamma Yarn Co., Ltd. are prohibited from entering the United States."
    )
    for firm in ("firm:alpha-cotton-co-ltd", "firm:beta-textile-co-ltd", "firm:gamma-yarn-co-ltd"):
        assert (firm, "listed-on", "list:us-dhs-uflpa-entity-list") in found  # the registry's list
        assert (firm, "headquartered-in", "country:cn") in found
    assert not any(o == "list:us-bis-entity-list" for _, _, o in found)


def test_a_bill_cited_with_an_apostrophe_and_sponsors_named_mr() -> None:
    found = _found(
        "Mr. Cotton (for himself and Mr. Warner) introduced the following bill.\nA BILL\n"
        "To prohibit dealings with Huawei Technologies Co., Ltd.\nSECTION 1. SHORT TITLE.\n"
        "This Act may be cited as the ``Defending America's Networks Act''."
    )
    law = "law:defending-america-s-networks-act"
    assert (law, "proposed-by", "person:mr-cotton") in found
    assert (law, "proposed-by", "person:mr-warner") in found


def test_an_enforcement_order_against_a_firm_by_a_us_body_named_with_its_acronym() -> None:
    found = _found(
        "Today, DHS's U.S. Customs and Border Protection (CBP) issued a Withhold Release Order against Alpha "
        "Silicon Co. Ltd., a company located in China."
    )
    cbp = "agency:us-cbp"
    assert (cbp, "part-of", "agency:us-dhs") in found
    assert (cbp, "acted-against", "firm:alpha-silicon-co-ltd") in found
    assert ("firm:alpha-silicon-co-ltd", "restricted-under", "law:withhold-release-order") in found
    assert ("law:withhold-release-order", "enacted-by", cbp) in found


def test_us_designated_parties() -> None:
    found = _found(
        "The network supported Alpha Chemicals Industries Co. and Beta Trading LLC, all of which are "
        "U.S.-designated entities. Policies are approved by the U.S.-designated, IRGC-backed Gamma Shipping LLC."
    )
    for firm in ("firm:alpha-chemicals-industries-co", "firm:beta-trading-llc", "firm:gamma-shipping-llc"):
        assert (firm, "sanctioned-by", "country:us") in found


def test_a_law_which_targets_a_country_and_a_states_own_corps() -> None:
    found = _found(
        "This action was taken pursuant to Executive Order (E.O.) 13902, which targets Iran's petroleum sector. "
        "Iran's Islamic Revolutionary Guard Corps profits from the trade."
    )
    assert ("law:executive-order-13902", "targets", "country:ir") in found
    assert ("organization:islamic-revolutionary-guard-corps", "part-of", "country:ir") in found


def test_a_city_before_a_name_is_no_person() -> None:
    found = _found(
        "Today, the United States is imposing sanctions on a network of seven individuals.\n"
        "Today's actions include the designation of Iran's Defense Attaché in Beijing, Davoud Damghani, who "
        "coordinated procurements."
    )
    assert ("person:davoud-damghani", "sanctioned-by", "country:us") in found
    assert not any(s == "person:beijing" for s, _, _ in found)


def test_a_body_named_after_a_foreign_place_is_an_organization_it_can_be_sanctioned() -> None:
    found = _found("OFAC designated the Xinjiang Public Security Bureau pursuant to E.O. 13818.")
    assert ("organization:xinjiang-public-security-bureau", "sanctioned-by", "agency:us-ofac") in found


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "The plant is owned by the Pakistan Atomic Energy Commission (PAEC), an entity on the Department of "
            "Commerce's Entity List.",
            "organization:pakistan-atomic-energy-commission",
        ),
        ("Alpha Trading Co. Ltd., which is on the Entity List, shipped the parts.", "firm:alpha-trading-co-ltd"),
    ],
)
def test_a_party_said_to_be_on_a_list(text: str, subject: str) -> None:
    assert (subject, "listed-on", "list:us-bis-entity-list") in _found(text)


def test_firm_names_in_han_and_cyrillic_script() -> None:
    found = _found(
        "OFAC designated Anxun Information Technology Co., Ltd. (安洵信息技术有限公司) and ООО «Вектор» pursuant "
        "to E.O. 13694. 华为技术有限公司 was added to the Entity List."
    )
    assert ("firm:anxun-information-technology-co-ltd", "sanctioned-by", "agency:us-ofac") in found
    assert ("firm:ooo-vektor", "sanctioned-by", "agency:us-ofac") in found
    assert ("firm:hua-wei-ji-shu-you-xian-gong-si", "listed-on", "list:us-bis-entity-list") in found
    assert not any("an-xun" in s for s, _, _ in found)  # the Han name in parentheses is the same firm


def test_orders_to_show_cause_against_a_colon_list_of_names_that_begin_with_a_country() -> None:
    found = _found(
        "The Federal Communications Commission today issued Orders to Show Cause against four companies that are "
        "subject to the control of the Chinese government: China Telecom Americas, China Unicom Americas, "
        "Pacific Networks, and ComNet."
    )
    for firm in ("china-telecom-americas", "china-unicom-americas", "pacific-networks", "comnet"):
        assert ("agency:us-fcc", "considering-action-against", f"firm:{firm}") in found


def test_persons_designated_by_several_governments() -> None:
    found = _found(
        "Ivan Petrovich Sidorov, an oligarch with close ties to Russian officials, is being designated pursuant to "
        "E.O. 14024.\nMaria Ivanova is being designated pursuant to E.O. 14024 for her role as an official. The "
        "EU, Japan, and New Zealand have previously designated Maria Ivanova.",
        "U.S. Department of State",
    )
    assert ("person:ivan-petrovich-sidorov", "sanctioned-by", "agency:us-state") in found
    assert ("person:ivan-petrovich-sidorov", "alleged-tie-to", "country:ru") in found
    for auth in ("agency:us-state", "country:jp", "country:nz", "organization:eu"):
        assert ("person:maria-ivanova", "sanctioned-by", auth) in found
    assert not any(s.startswith("firm:maria") for s, _, _ in found)


def test_a_denial_order_on_an_airline() -> None:
    found = _found(
        "Today, the Bureau of Industry and Security (BIS) issued an order denying the export privileges of a fifth "
        "Russian airline – Sky Volga Airlines – due to export violations. This Temporary Denial Order (TDO) "
        "terminates the right of Sky Volga Airlines to participate in transactions subject to the EAR."
    )
    assert ("firm:sky-volga-airlines", "banned-by", "agency:us-bis") in found
    assert ("firm:sky-volga-airlines", "headquartered-in", "country:ru") in found
    assert ("firm:sky-volga-airlines", "restricted-under", "law:temporary-denial-order") in found


def test_ofac_entry_lines() -> None:
    found = _found(
        "KIM, Chol Su (Chinese Simplified: 金哲洙) (a.k.a. KIM, Cholsu), China; DOB 05 Jul 1964; nationality "
        "China; Gender Male (individual) [DPRK3] (Linked To: PAK, Song-il).\n"
        "EASTERN UNITY SHIPPING CO., LTD. (a.k.a. EASTERN UNITY AGENCY), Dalian, China; Pyongyang, Korea, "
        "North [DPRK3]."
    )
    assert ("person:kim-chol-su", "headquartered-in", "country:cn") in found
    assert ("person:kim-chol-su", "linked-to", "person:pak-song-il") in found
    assert ("firm:eastern-unity-shipping-co-ltd", "headquartered-in", "country:cn") in found
    assert ("firm:eastern-unity-shipping-co-ltd", "headquartered-in", "country:kp") in found


# -- shapes written from the genre for the 2026-12-05 round (none copied from an evaluation text) --

_ALPHA, _BETA, _GAMMA = "firm:alpha-tech-co-ltd", "firm:beta-trading-llc", "firm:gamma-electronics-limited"


def test_a_group_word_inside_a_country_name_is_not_a_group_word() -> None:
    """ "People" in "People's Republic of China" is not "people of X": the parties are sanctioned."""
    found = _found(
        "Today, OFAC sanctioned six entities based in the People's Republic of China, including "
        "Alpha Tech Co., Ltd. and Beta Trading LLC, for their roles in procuring components."
    )
    for firm in (_ALPHA, _BETA):
        assert (firm, "sanctioned-by", "agency:us-ofac") in found
        assert (firm, "headquartered-in", "country:cn") in found


def test_coordination_past_a_description_of_the_member_before() -> None:
    found = _found(
        "OFAC is designating Alpha Tech Co., Ltd. (Alpha Tech), a Hong Kong-based company that has "
        "facilitated shipments of Iranian oil, and Beta Trading LLC, its affiliate, pursuant to E.O. 13846."
    )
    for firm in (_ALPHA, _BETA):
        assert (firm, "sanctioned-by", "agency:us-ofac") in found
        assert (firm, "restricted-under", "law:executive-order-13846") in found


def test_the_party_named_in_a_description_is_not_the_subject() -> None:
    """ "A, a subsidiary of B, was designated": A was, B was not (who the action falls on)."""
    found = _found("Alpha Tech Co., Ltd., a subsidiary of Beta Trading LLC, was also designated by OFAC today.")
    assert (_ALPHA, "sanctioned-by", "agency:us-ofac") in found
    assert (_ALPHA, "subsidiary-of", _BETA) in found
    assert not any(s == _BETA and p == "sanctioned-by" for s, p, _ in found)


def test_a_counted_description_then_its_names_after_the_list() -> None:
    found = _found(
        "The Bureau of Industry and Security (BIS) today added 12 entities to the Entity List, including "
        "Alpha Tech Co., Ltd., Beta Trading LLC, and Gamma Electronics Limited, for acting contrary to "
        "the national security interests of the United States."
    )
    for firm in (_ALPHA, _BETA, _GAMMA):
        assert (firm, "listed-on", "list:us-bis-entity-list") in found


def test_all_of_which_are_located_in() -> None:
    found = _found(
        "Alpha Tech Co., Ltd., Beta Trading LLC and Gamma Electronics Limited, all of which are located in "
        "China, were added to the Entity List."
    )
    for firm in (_ALPHA, _BETA, _GAMMA):
        assert (firm, "headquartered-in", "country:cn") in found


@pytest.mark.parametrize(
    "text",
    [
        "Beta Trading LLC owns 60 percent of Alpha Tech Co., Ltd.",
        "Beta Trading LLC holds a controlling stake in Alpha Tech Co., Ltd.",
        "Beta Trading LLC, which owns 49% of Alpha Tech Co., Ltd., was designated.",
    ],
)
def test_an_owner_in_the_active_voice(text: str) -> None:
    assert (_BETA, "owns", _ALPHA) in _found(text)


def test_an_owner_in_a_negated_sentence_is_not_an_owner() -> None:
    assert not any(p == "owns" for _, p, _ in _found("Beta Trading LLC no longer owns Alpha Tech Co., Ltd."))


@pytest.mark.parametrize(
    ("text", "lst"),
    [
        ("Alpha Tech Co., Ltd. appears on the SDN List.", "list:us-ofac-sdn"),
        ("Alpha Tech Co., Ltd., which remains on the Entity List, sold the chips.", "list:us-bis-entity-list"),
    ],
)
def test_on_a_list_with_other_verbs(text: str, lst: str) -> None:
    assert (_ALPHA, "listed-on", lst) in _found(text)


def test_a_denial_order_on_a_party_is_an_action_against_it() -> None:
    found = _found("BIS imposed a temporary denial order on Gamma Electronics Limited.")
    assert ("agency:us-bis", "acted-against", _GAMMA) in found


def test_an_agency_described_as_part_of_another_acts_itself() -> None:
    found = _found(
        "The Bureau of Industry and Security, an agency of the Department of Commerce, maintains the Entity List."
    )
    assert ("agency:us-bis", "administers", "list:us-bis-entity-list") in found
    assert ("agency:us-bis", "part-of", "agency:us-commerce") in found
    assert ("agency:us-commerce", "administers", "list:us-bis-entity-list") not in found


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Alpha Tech Co., Ltd., a Moscow-based supplier of microelectronics, was designated pursuant to E.O. 14024.",
            "country:ru",
        ),
        ("BIS added Alpha Tech Co., Ltd., of Dubai, United Arab Emirates, to the Entity List.", "country:ae"),
        ("The Tehran-based Alpha Tech Co., Ltd. procured the engines.", "country:ir"),
    ],
)
def test_a_city_the_registry_knows_gives_its_country(text: str, country: str) -> None:
    assert ("firm:alpha-tech-co-ltd", "headquartered-in", country) in _found(text, "Bureau of Industry and Security")


@pytest.mark.parametrize(
    "text",
    [
        "BIS also added to the Entity List Alpha Tech Co., Ltd. and Beta Trading LLC for their support of the program.",
        "The entities being added to the Entity List in this rule include Alpha Tech Co., Ltd. and Beta Trading LLC.",
    ],
)
def test_the_parties_named_after_the_list_they_are_added_to(text: str) -> None:
    found = _found(text, "Bureau of Industry and Security")
    for firm in ("firm:alpha-tech-co-ltd", "firm:beta-trading-llc"):
        assert (firm, "listed-on", "list:us-bis-entity-list") in found


def test_a_passive_listing_keeps_its_subject_not_what_follows_the_list() -> None:
    text = "Alpha Tech Co., Ltd. was added to the Entity List, Beta Trading LLC said."
    found = _found(text, "Bureau of Industry and Security")
    assert ("firm:alpha-tech-co-ltd", "listed-on", "list:us-bis-entity-list") in found
    assert ("firm:beta-trading-llc", "listed-on", "list:us-bis-entity-list") not in found


def test_a_regulator_speaking_as_we_names_firms_by_their_short_forms_then_says_these_companies() -> None:
    text = (
        "STATEMENT OF THE CHAIR Re: Omega Telecom (Americas) Operations Limited, Docket 1; Delta Networks Corp. "
        "and SkyNet (USA) LLC, Docket 2. We institute proceedings to revoke the authorizations issued to three "
        "companies: Omega Telecom Americas, Delta Networks, and SkyNet. The evidence confirms that these companies "
        "are indirectly owned and controlled by the Chinese government."
    )
    found = _found(text, "Federal Communications Commission")
    for firm in ("firm:omega-telecom-americas-operations-limited", "firm:delta-networks-corp", "firm:skynet-usa-llc"):
        assert ("agency:us-fcc", "considering-action-against", firm) in found
        assert ("country:cn", "owns", firm) in found
    assert not {"firm:omega-telecom-americas", "firm:delta-networks"} & {x for s, _, o in found for x in (s, o)}


def test_a_party_described_before_its_name_and_its_successor_in_apposition() -> None:
    text = (
        "Today, OFAC is re-designating the cryptocurrency exchange Omega Europe OU (Omega), which laundered ransoms. "
        "OFAC is also designating Omega's successor, Zenex, and three executives of Omega."
    )
    found = _found(text, "U.S. Department of the Treasury")
    assert ("firm:omega-europe-ou", "sanctioned-by", "agency:us-ofac") in found
    assert ("firm:zenex", "sanctioned-by", "agency:us-ofac") in found
    assert not any(s == "firm:omega" for s, _, _ in found)


def test_a_designation_list_parted_by_semicolons_each_item_described() -> None:
    text = (
        "Today, the United States is designating for sanctions Omega Trading Corporation, a DPRK entity that has "
        "supported the U.S.-designated Ministry of Munitions Industry; Pak Chol Su, a DPRK representative for the "
        "UN- and U.S.-designated Third Academy of Applied Sciences; and Bank Delta, a Russian bank that has assisted "
        "the U.S.-designated Korea Trade Bank, pursuant to Executive Order 13382, which targets proliferators."
    )
    found = _found(text, "U.S. Department of State")
    for party in ("firm:omega-trading-corporation", "person:pak-chol-su", "firm:bank-delta"):
        assert (party, "sanctioned-by", "country:us") in found
        assert (party, "restricted-under", "law:executive-order-13382") in found
    assert ("person:pak-chol-su", "headquartered-in", "country:kp") in found
    assert ("firm:bank-delta", "headquartered-in", "country:ru") in found
    assert ("organization:third-academy-of-applied-sciences", "sanctioned-by", "country:us") in found
    assert not any(p == "restricted-under" and s == "firm:korea-trade-bank" for s, p, _ in found)


def test_a_temporary_denial_order_written_in_lower_case_and_a_state_owned_national_airline() -> None:
    text = (
        "Today, BIS issued an order temporarily denying all export privileges for Omega Airlines (Omega). The flag "
        "carrier and state-owned national airline of Belarus, Omega has flown U.S.-origin aircraft. "
        "This temporary denial order will prevent Omega from leveraging any U.S. technology."
    )
    found = _found(text, "Bureau of Industry and Security")
    assert ("firm:omega-airlines", "banned-by", "agency:us-bis") in found
    assert ("firm:omega-airlines", "headquartered-in", "country:by") in found
    assert ("country:by", "owns", "firm:omega-airlines") in found
    assert ("firm:omega-airlines", "restricted-under", "law:temporary-denial-order") in found
    assert ("law:temporary-denial-order", "enacted-by", "agency:us-bis") in found


def test_a_group_designated_as_a_terrorist_organization_and_its_operatives() -> None:
    text = (
        "Today, the United States is sanctioning Hezbollo operatives who exploit the informal financial sector. "
        "They worked with an Iran-based Hezbollo finance team operative. The U.S. Department of State designated "
        "Hezbollo as a Specially Designated Global Terrorist pursuant to E.O. 13224 on October 31, 2001."
    )
    found = _found(text, "U.S. Department of State")
    assert ("organization:hezbollo", "sanctioned-by", "agency:us-state") in found
    assert ("organization:hezbollo", "restricted-under", "law:executive-order-13224") in found
    assert ("organization:hezbollo", "sanctioned-by", "country:us") not in found
    assert ("organization:hezbollo", "headquartered-in", "country:ir") not in found
    assert not any(s == "firm:hezbollo" for s, _, _ in found)


def test_a_bill_that_would_list_a_firm_targets_it_and_its_designation_asserts_the_listing() -> None:
    text = (
        "A BILL\nTo require the continuation of export controls with respect to Omega Technologies Co. Ltd.\n"
        "1. Short title\nThis Act may be cited as the Keep Omega Listed Act.\n"
        "2. Controls\nThe Secretary may not modify any of the licensing policies pursuant to its designation on the "
        "entity list.\n3. Delta\nNot later than 180 days after enactment, the Secretary of Commerce—\n"
        "(1) shall designate Delta Device Co. Ltd. for inclusion on the entity list; and\n"
    )
    found = _found(text, "U.S. House of Representatives")
    assert ("firm:omega-technologies-co-ltd", "listed-on", "list:us-bis-entity-list") in found
    assert ("law:keep-omega-listed-act", "targets", "firm:delta-device-co-ltd") in found
    assert ("firm:delta-device-co-ltd", "listed-on", "list:us-bis-entity-list") not in found


def test_the_city_country_based_company_is_the_firm_last_named() -> None:
    text = "Omega Technologies Co., Ltd. (Omega) makes routers. The Shenzhen, China-based company has grown."
    assert ("firm:omega-technologies-co-ltd", "headquartered-in", "country:cn") in _found(text)


def test_firms_subject_to_a_states_ownership_named_after_a_colon_and_an_application_denied() -> None:
    text = (
        "The Commission today issued Orders to Show Cause against three companies that are ultimately subject to "
        "the ownership and control of the Chinese government: Omega Telecom Americas, Delta Networks, and SkyNet. "
        "Today's action builds on the FCC's 2019 rejection on national security grounds of Zeta Mobile USA's "
        "application to provide services."
    )
    found = _found(text, "Federal Communications Commission")
    for firm in ("firm:omega-telecom-americas", "firm:delta-networks", "firm:skynet"):
        assert ("country:cn", "owns", firm) in found
    assert ("agency:us-fcc", "acted-against", "firm:zeta-mobile-usa") in found


def test_a_fiscal_year_opens_an_acts_name() -> None:
    text = "The Fiscal Year 2019 National Defense Authorization Act included a prohibition on federal agencies."
    doc = Doc(text, fold(text), [])
    doc.find_mentions()
    assert "law:fiscal-year-2019-national-defense-authorization-act" in {m.eid for m in doc.mentions}


def test_a_denial_order_suspending_export_privileges_of_a_firm_and_related_companies_then_others() -> None:
    text = (
        "BIS today issued a Temporary Denial Order (TDO) suspending the export privileges of Omega Group PLC and "
        'related companies and individuals ("Omega Group"), Sky Airways, and Zeta Airways for 180 days.'
    )
    found = _found(text, "Bureau of Industry and Security")
    for firm in ("firm:omega-group-plc", "firm:sky-airways", "firm:zeta-airways"):
        assert (firm, "banned-by", "agency:us-bis") in found
        assert (firm, "restricted-under", "law:temporary-denial-order") in found
        assert ("agency:us-bis", "acted-against", firm) not in found


def test_designations_of_persons_with_accented_names_after_a_counted_designation() -> None:
    text = (
        "Today, OFAC is designating four cartel members involved in the fentanyl trade. Today's designations of "
        "Joaquín Ramírez López, a leader in the cartel, as well as Saúl Páez Núñez, Raymundo Pérez Uribe, and "
        "Mario Esteban Ogazón Sedano, add to previous designations."
    )
    found = _found(text, "U.S. Department of State")
    for person in (
        "person:joaquin-ramirez-lopez",
        "person:saul-paez-nunez",
        "person:raymundo-perez-uribe",
        "person:mario-esteban-ogazon-sedano",
    ):
        assert (person, "sanctioned-by", "agency:us-ofac") in found


def test_a_body_named_after_its_country_and_its_acronym() -> None:
    text = (
        "The Department of State designated the Atomic Energy Organization of Iran (AEOI) and its head, Ali Akbar "
        "Salehi, pursuant to Executive Order 13382. AEOI has played a leading role."
    )
    found = _found(text, "U.S. Department of State")
    assert ("organization:atomic-energy-organization-of-iran", "sanctioned-by", "agency:us-state") in found
    assert ("person:ali-akbar-salehi", "sanctioned-by", "agency:us-state") in found
    assert not any(o == "country:ir" and p == "sanctioned-by" for _, p, o in found)


def test_an_order_to_show_cause_directed_at_a_long_name_and_a_generic_firm_word_is_no_firm() -> None:
    text = (
        "By this Order, we direct Omega Telecom (Americas) Operations Limited (Omega Americas) to show cause why "
        "the Commission should not initiate a proceeding to revoke its authorizations."
    )
    found = _found(text, "Federal Communications Commission")
    assert ("agency:us-fcc", "considering-action-against", "firm:omega-telecom-americas-operations-limited") in found
    heading = "Treasury Sanctions Individual, Banks, and Trading Company for Supporting the Program\n\nText."
    doc = Doc(heading, fold(heading), [])
    doc.find_mentions()
    assert "firm:trading-company" not in {m.eid for m in doc.mentions}


def test_an_unnamed_member_inside_a_list_and_a_speaker_after_a_quote_is_no_object() -> None:
    text = (
        "BIS issued a Temporary Denial Order (TDO) suspending the export privileges of Omega Aviation Trade Company, "
        'three of its shareholders, and Zeta Air for 180 days. "We will enforce U.S. and international sanctions on '
        'Iran," said Under Secretary of Commerce Pavel Ivanov.'
    )
    found = _found(text, "Bureau of Industry and Security")
    for firm in ("firm:omega-aviation-trade-company", "firm:zeta-air"):
        assert (firm, "banned-by", "agency:us-bis") in found
    assert not any(s == "person:pavel-ivanov" and p == "sanctioned-by" for s, p, _ in found)


def test_support_named_in_a_partys_description_is_a_tie_and_a_states_ministry_keeps_its_prefix() -> None:
    text = (
        "Today, the United States is designating Omega Trading Corporation, a DPRK entity that has provided or "
        "attempted to provide support to the U.S.-designated DPRK Ministry of Munitions Industry; and Bank Delta, "
        "a Russian bank that has assisted the UN- and U.S.-designated Korea Trade Bank, pursuant to E.O. 13382."
    )
    found = _found(text, "U.S. Department of State")
    ministry = "organization:dprk-ministry-of-munitions-industry"
    assert ("firm:omega-trading-corporation", "alleged-tie-to", ministry) in found
    assert ("firm:bank-delta", "alleged-tie-to", "firm:korea-trade-bank") in found
    assert not any(o in {"country:us", "country:kp"} and p == "alleged-tie-to" for _, p, o in found)


def test_an_abbreviation_with_an_apostrophe_inside_a_firms_name() -> None:
    text = (
        "The crude oil tanker OMEGA STAR (IMO 9298296), owned and operated by Hong Kong-based Zeta Nexus Int’l Co., "
        "Limited, has transported Iranian oil."
    )
    found = _found(text, "U.S. Department of the Treasury")
    assert ("firm:zeta-nexus-int-l-co-limited", "owns", "asset:omega-star") in found
    assert ("firm:zeta-nexus-int-l-co-limited", "headquartered-in", "country:hk") in found


def test_general_licenses_listed_with_their_titles_are_each_issued_and_a_title_bans_nothing() -> None:
    found = _found(
        'OFAC is also issuing Iran-related General License 12, "Authorizing Certain Transactions Related to '
        'Imports Prohibited by Executive Order 13902," General License 13A, "Authorizing the Wind Down of '
        'Transactions Involving Delta Bank Joint Stock Company," and General License No. 14, "Authorizing '
        'Certain Services."',
        "Office of Foreign Assets Control",
    )
    issued = {s for s, p, o in found if p == "enacted-by" and o == "agency:us-ofac"}
    assert issued == {"law:general-license-12", "law:general-license-13a", "law:general-license-14"}
    assert not any(p in {"banned-by", "targets"} for _s, p, _o in found)


def test_a_bare_executive_order_is_not_the_numbered_one_named_elsewhere() -> None:
    found = _found(
        "Today, the President signed a new Executive Order. OFAC designated Delta Trading LLC pursuant to E.O. 13846.",
        "Office of Foreign Assets Control",
    )
    assert ("firm:delta-trading-llc", "restricted-under", "law:executive-order-13846") in found
    assert not any(s == "law:executive-order-13846" and p == "enacted-by" for s, p, _o in found)


def test_a_list_addition_on_a_counted_description_then_the_names_with_the_import_presumption() -> None:
    found = _found(
        "WASHINGTON - Today, the Department of Homeland Security (DHS) announced the addition of two People's "
        "Republic of China (PRC)-based textile and steel companies to the Uyghur Forced Labor Prevention Act "
        "(UFLPA) Entity List. Effective May 2, 2025, U.S. Customs and Border Protection (CBP) will apply a "
        "rebuttable presumption that goods produced by these entities will be prohibited from entering the "
        "United States. The entities being added to the UFLPA Entity List today include Alpha Textiles Co., "
        "Ltd. and Beta Steel Co., Ltd.",
        "U.S. Department of Homeland Security",
    )
    for firm in ("firm:alpha-textiles-co-ltd", "firm:beta-steel-co-ltd"):
        assert (firm, "listed-on", "list:us-dhs-uflpa-entity-list") in found  # the registry's list
        assert (firm, "headquartered-in", "country:cn") in found
        assert (firm, "banned-by", "agency:us-cbp") in found


def test_a_list_addition_on_an_uncounted_description_then_the_goods_of_the_named_firms() -> None:
    found = _found(
        "WASHINGTON - Today, DHS announced the addition of steel companies based in the People's Republic of "
        "China (PRC) to the Uyghur Forced Labor Prevention Act (UFLPA) Entity List. Effective May 2, 2025, U.S. "
        "Customs and Border Protection (CBP) will apply a rebuttable presumption that goods produced by Gamma "
        "Steel Co., Ltd. and Delta Alloys Co., Ltd. will be prohibited from entering the United States.",
        "U.S. Department of Homeland Security",
    )
    for firm in ("firm:gamma-steel-co-ltd", "firm:delta-alloys-co-ltd"):
        assert (firm, "listed-on", "list:us-dhs-uflpa-entity-list") in found
        assert (firm, "headquartered-in", "country:cn") in found
    # "the addition of the firms" or "new entities" opens no measure on parties named later
    other = _found(
        "DHS welcomed the addition of new entities to the UFLPA Entity List. Goods produced by Gamma Steel Co., "
        "Ltd. are sold in Europe.",
        "U.S. Department of Homeland Security",
    )
    assert ("firm:gamma-steel-co-ltd", "listed-on", "list:us-dhs-uflpa-entity-list") not in other


def test_the_import_presumption_on_goods_of_parties_named_in_it_bans_each() -> None:
    found = _found(
        "Effective May 2, 2025, U.S. Customs and Border Protection (CBP) will apply a rebuttable presumption "
        "that goods produced by Alpha Textiles Co., Ltd. and Beta Steel Co., Ltd. will be prohibited from "
        "entering the United States.",
        "U.S. Department of Homeland Security",
    )
    assert {s for s, p, o in found if p == "banned-by" and o == "agency:us-cbp"} == {
        "firm:alpha-textiles-co-ltd",
        "firm:beta-steel-co-ltd",
    }


def test_a_person_described_by_a_demonym_and_a_word_for_the_wealthy_is_of_that_country() -> None:
    found = _found("The Department of State designated Pavel Orlov, a Russian elite.", "U.S. Department of State")
    assert ("person:pavel-orlov", "headquartered-in", "country:ru") in found


def test_a_list_released_then_its_counted_members_named_by_they_include() -> None:
    found = _found(
        "WASHINGTON, May 3, 2022 - The Federal Communications Commission's Public Safety and Homeland Security "
        "Bureau today released a list of communications equipment and services that pose an unacceptable risk "
        "to national security. The list includes two Chinese companies that produce video surveillance "
        "equipment. They include Alpha Vision Technology Co. and Beta Radio Corp.",
        "Federal Communications Commission",
    )
    bureau = "agency:public-safety-and-homeland-security-bureau"
    assert (bureau, "administers", "list:us-fcc-covered-list") in found
    for firm in ("firm:alpha-vision-technology-co", "firm:beta-radio-corp"):
        assert (firm, "listed-on", "list:us-fcc-covered-list") in found
        assert (firm, "headquartered-in", "country:cn") in found


def test_front_companies_identified_on_a_counted_description_then_listed_after_a_colon() -> None:
    found = _found(
        "The Caspian Sea Shipping Lines (CSSL) has tried to change its identity. Today, we are identifying "
        "three new CSSL front companies in Panama that took ownership of its vessels. The three companies are: "
        "Orion Maritime, Vega Maritime, and Lyra Maritime.",
        "U.S. Department of the Treasury",
    )
    for firm in ("firm:orion-maritime", "firm:vega-maritime", "firm:lyra-maritime"):
        assert (firm, "sanctioned-by", "agency:us-treasury") in found
        assert (firm, "headquartered-in", "country:pa") in found
        assert (firm, "alleged-tie-to", "firm:caspian-sea-shipping-lines") in found


def test_a_body_acting_through_its_bureau_is_what_the_bureau_is_part_of() -> None:
    found = _found(
        "The Department of Commerce, through its Bureau of Industry and Security (BIS), added two entities to "
        "the Entity List."
    )
    assert ("agency:us-bis", "part-of", "agency:us-commerce") in found


def test_the_uflpa_entity_list_is_one_list_however_it_is_spelled() -> None:
    for name in ("UFLPA Entity List", "Uygur Forced Labor Prevention Act Entity List"):
        found = _found(f"DHS added Delta Cotton Co., Ltd. to the {name}.")
        assert ("firm:delta-cotton-co-ltd", "listed-on", "list:us-dhs-uflpa-entity-list") in found


def test_a_forced_labor_finding_on_goods_a_firm_produced_and_the_office_that_published_it() -> None:
    found = _found(
        "The CBP Office of Trade, in consultation with the Secretary of the Treasury, published a forced labor "
        "finding against rubber gloves produced in Malaysia by Mekar Gloves Sdn. Bhd. in the Federal Register.",
        "U.S. Customs and Border Protection",
    )
    firm = "firm:mekar-gloves-sdn-bhd"
    assert (firm, "restricted-under", "law:forced-labor-finding") in found
    assert ("agency:office-of-trade", "part-of", "agency:us-cbp") in found
    assert not any(s == "agency:us-treasury" for s, _, _ in found)  # consulted, not acting


def test_a_malaysian_legal_form_with_its_full_stop_ends_the_name() -> None:
    found = _found(
        "CBP issued a Withhold Release Order against Sinar Latex Bhd. today.", "U.S. Customs and Border Protection"
    )
    assert ("firm:sinar-latex-bhd", "restricted-under", "law:withhold-release-order") in found


def test_a_spanish_firm_name_its_mixed_case_acronym_and_a_state_owned_description() -> None:
    text = (
        "Agents seized an aircraft used by Compania Minera del Sur, S.A. (CoMiSur), the sanctioned Bolivian "
        "state-owned mining company. The aircraft was operated by CoMiSur."
    )
    found = _found(text, "U.S. Department of Justice")
    firm = "firm:compania-minera-del-sur-s-a"
    assert (firm, "headquartered-in", "country:bo") in found
    assert ("country:bo", "owns", firm) in found
    doc = Doc(text, fold(text), [])
    doc.find_mentions()
    assert {m.eid for m in doc.mentions if fold(text)[m.start : m.end] == "CoMiSur"} == {firm}  # one firm


def test_a_corporate_post_held_at_a_firm_named_by_its_possessive() -> None:
    found = _found(
        "The bill follows news that Li Jianguo, Zenvo's chief financial officer, was arrested. "
        "Chinese telecommunications firms like Zenvo report to the party."
    )
    assert ("person:li-jianguo", "alleged-tie-to", "firm:zenvo") in found
    assert ("firm:zenvo", "headquartered-in", "country:cn") in found


def test_the_chinese_communist_party_is_a_party_not_the_state() -> None:
    found = _found("Every action of Zenvo Telecom Co., Ltd. is dictated by the Chinese Communist Party.")
    assert ("firm:zenvo-telecom-co-ltd", "alleged-tie-to", "organization:chinese-communist-party") in found
    assert not any(o == "country:cn" for _, _, o in found)


def test_located_in_a_city_and_province_of_a_country() -> None:
    found = _found("Delta Trading Co., Ltd. is located in Haikou, Hainan Province, People's Republic of China (PRC).")
    assert ("firm:delta-trading-co-ltd", "headquartered-in", "country:cn") in found


def test_a_bank_located_in_a_city_of_a_country_and_its_legal_form_after_a_comma() -> None:
    found = _found(
        "FinCEN proposed prohibiting covered financial institutions from opening accounts for Baltic Trade Bank, AS "
        "(BTB), a commercial bank located in Riga, Latvia, and its subsidiary, Baltic Trade Bank Luxembourg.",
        "Financial Crimes Enforcement Network",
    )
    assert ("firm:baltic-trade-bank-as", "headquartered-in", "country:lv") in found
    assert not any(o == "country:lv" and p == "banned-by" for _, p, o in found)  # the place acts not
    assert not any(p == "subsidiary-of" and s == "firm:baltic-trade-bank" for s, p, _ in found)  # a name cut short


def test_a_list_named_with_its_acronym_inside_its_name() -> None:
    found = _found(
        "The Office of Foreign Assets Control (OFAC) added Acme Trading Co., Ltd. to its Specially Designated "
        "Nationals (SDN) List."
    )
    assert ("firm:acme-trading-co-ltd", "listed-on", "list:us-ofac-sdn") in found


def test_an_order_against_a_party_set_off_after_its_description() -> None:
    found = _found(
        "In May 2021, CBP issued a Withhold Release Order against another Malaysian glove maker, "
        "Orchid Latex Berhad. Treasury sanctioned a Hong Kong-based shipping company, Ocean Star Ltd."
    )
    assert ("agency:us-cbp", "acted-against", "firm:orchid-latex-berhad") in found
    assert ("firm:orchid-latex-berhad", "headquartered-in", "country:my") in found
    assert ("firm:ocean-star-ltd", "headquartered-in", "country:hk") in found


@pytest.mark.parametrize(
    ("text", "person", "firm"),
    [
        (
            "OFAC designated Viktor Petrov, the director general of Alfa Logistics LLC.",
            "viktor-petrov",
            "alfa-logistics-llc",
        ),
        (
            "Sobhan Ghasemi, who serves as the managing director of Sahand Shipping Co., was also designated.",
            "sobhan-ghasemi",
            "sahand-shipping-co",
        ),
    ],
)
def test_a_post_held_at_a_firm_after_a_title_or_a_relative_clause(text: str, person: str, firm: str) -> None:
    found = _found(text)
    assert (f"person:{person}", "alleged-tie-to", f"firm:{firm}") in found
    assert not any(s == f"firm:{firm}" and p == "sanctioned-by" for s, p, _ in found)  # the executive was


def test_registered_in_a_place_is_where_a_firm_is() -> None:
    found = _found("Jasper Marine LLC, a Marshall Islands-registered company, owns the vessel.")
    assert ("firm:jasper-marine-llc", "headquartered-in", "country:mh") in found


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("OFAC designated Hamza bin Laden under E.O. 13224.", "person:hamza-bin-laden"),
        (
            "OFAC also designated Muhammad bin Abdallah al-Qahtani, a Saudi national.",
            "person:muhammad-bin-abdallah-al-qahtani",
        ),
        ("Treasury designated former Paraguayan President Horacio Cartes for corruption.", "person:horacio-cartes"),
        (
            "The Secretary of State designated Iranian Foreign Minister Mohammad Javad Zarif.",
            "person:mohammad-javad-zarif",
        ),
    ],
)
def test_arabic_patronymics_and_a_demonym_and_title_before_a_name(text: str, person: str) -> None:
    found = _found(text)
    assert any(s == person and p == "sanctioned-by" for s, p, _ in found), found


def test_entries_with_their_addresses_in_a_rule_s_list() -> None:
    found = _found(
        "BIS is adding the following entities to the Entity List: Alpha Electronics Co., Ltd., Room 1203, Tower 2, "
        "88 Queensway, Admiralty, Hong Kong; and Beta Optics LLC, 15 Leninsky Prospekt, Moscow, Russia."
    )
    for firm, country in (("firm:alpha-electronics-co-ltd", "country:hk"), ("firm:beta-optics-llc", "country:ru")):
        assert (firm, "listed-on", "list:us-bis-entity-list") in found
        assert (firm, "headquartered-in", country) in found
    assert not any(s.startswith(("firm:room", "firm:tower")) for s, _, _ in found)  # an address holds no names


@pytest.mark.parametrize(
    ("text", "firm", "country"),
    [
        ("Delta Trading LLC is an entity in the United Arab Emirates.", "firm:delta-trading-llc", "country:ae"),
        ("Delta Trading LLC, a trading company in Turkey, shipped parts.", "firm:delta-trading-llc", "country:tr"),
        ("Sigma Freight FZE, a UAE-based company, shipped parts.", "firm:sigma-freight-fze", "country:ae"),
        ("Burma-based Kyaw Gems Co., Ltd. sold jade.", "firm:kyaw-gems-co-ltd", "country:mm"),
    ],
)
def test_a_party_in_a_country_by_the_english_names_us_texts_use(text: str, firm: str, country: str) -> None:
    assert (firm, "headquartered-in", country) in _found(text)


def test_a_backer_named_as_a_modifier_is_tied_to_the_party_and_is_not_sanctioned() -> None:
    found = _found(
        "Today, OFAC designated the Islamic Revolutionary Guard Corps (IRGC)-backed Persian Gulf Strait Authority. "
        "Treasury also sanctioned an IRGC-linked exchange house, Al-Nour Exchange Co."
    )
    irgc = "organization:islamic-revolutionary-guard-corps"
    assert ("organization:persian-gulf-strait-authority", "alleged-tie-to", irgc) in found
    assert ("organization:persian-gulf-strait-authority", "sanctioned-by", "agency:us-ofac") in found
    assert ("firm:al-nour-exchange-co", "alleged-tie-to", irgc) in found
    assert not any(s == irgc and p == "sanctioned-by" for s, p, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Kaveh Trading Co. is affiliated with the Islamic Revolutionary Guard Corps.",
        "Kaveh Trading Co. acts as a conduit for the Islamic Revolutionary Guard Corps.",
        "Kaveh Trading Co. worked with the Islamic Revolutionary Guard Corps to ship oil.",
    ],
)
def test_a_tie_in_words_of_affiliation(text: str) -> None:
    assert ("firm:kaveh-trading-co", "alleged-tie-to", "organization:islamic-revolutionary-guard-corps") in _found(text)


def test_a_revoked_authority_named_before_its_holder_and_a_regional_subsidiary_s_name() -> None:
    found = _found("The FCC revoked the Section 214 authority of Orient Telecom (Americas) Corporation.")
    assert ("firm:orient-telecom-americas-corporation", "banned-by", "agency:us-fcc") in found
    found = _found("The FCC also revoked Orient Telecom Americas' authority to provide service.")
    assert ("firm:orient-telecom-americas", "banned-by", "agency:us-fcc") in found
    assert not any(s == "firm:orient-telecom" for s, _, _ in found)


def test_a_revocation_recommended_is_not_made() -> None:
    found = _found("Several agencies recommended that the FCC revoke Orient Telecom Americas' authorizations.")
    assert not any(p == "banned-by" for _, p, _ in found)


def test_entries_a_line_each_after_a_long_reason_and_a_colon() -> None:
    found = _found(
        "BIS added three Chinese entities to the Entity List for their role in forced labor.\n\n"
        "The entities to be added to the Entity List in connection with participating in the practice of, "
        "accepting, or utilizing forced labor in the Xinjiang Uyghur Autonomous Region are:\n\n"
        "  • Hami Silicon Industry Co., Ltd.\n  • Hami Solar Materials Co., Ltd.\n  • Turpan Metals Co., Ltd.\n"
    )
    for firm in ("firm:hami-silicon-industry-co-ltd", "firm:hami-solar-materials-co-ltd", "firm:turpan-metals-co-ltd"):
        assert (firm, "listed-on", "list:us-bis-entity-list") in found
        assert (firm, "headquartered-in", "country:cn") in found


def test_a_first_word_two_firms_share_is_no_short_form_of_either() -> None:
    from extract.mentions import Doc

    text = "Hami Silicon Co., Ltd. and Hami Solar Co., Ltd. are in Hami. Hami is a city."
    doc = Doc(text, fold(text), [])
    doc.find_mentions()
    assert not [m for m in doc.mentions if text[m.start : m.end] == "Hami"]


def test_place_based_entities_including_named_after_a_dash_and_services_to_a_state_s_bodies() -> None:
    found = _found(
        "These activities have been linked to multiple China-based entities\u2014including Alpha Network Technology "
        "Co. Ltd. and Beta Information Technology Co., Ltd.\u2014which provide cyber products and services to "
        "China's Ministry of State Security and People's Liberation Army."
    )
    for firm in ("firm:alpha-network-technology-co-ltd", "firm:beta-information-technology-co-ltd"):
        assert (firm, "headquartered-in", "country:cn") in found
        assert (firm, "alleged-tie-to", "agency:ministry-of-state-security") in found
    assert ("agency:ministry-of-state-security", "part-of", "country:cn") in found  # not "... and People"


def test_a_person_with_an_age_designated_as_a_terrorist_and_the_group_he_supported_is_not_designated() -> None:
    found = _found(
        "WASHINGTON - The operator of a network of businesses, whom the United States Department of the Treasury "
        "designated as a financier of Lebanon-based terrorist group Hezbollah, was sentenced.\n\n"
        "Kassem Tajudin, 63, had previously pleaded guilty. In 2009, the U.S. Department of the Treasury designated "
        "Tajudin as a Specially Designated Global Terrorist based on his financial support of Hezbollah."
    )
    assert ("person:kassem-tajudin", "sanctioned-by", "agency:us-treasury") in found
    assert ("organization:hezbollah", "headquartered-in", "country:lb") in found
    assert not any(s == "organization:hezbollah" and p == "sanctioned-by" for s, p, _ in found)


def test_an_executive_order_is_enacted_by_the_president_who_signs_it() -> None:
    found = _found(
        "Executive Order 14999 of May 1, 2031\n\nBy the authority vested in me as President by the Constitution "
        "and the laws of the United States of America, I, JANE Q. PUBLIC, President of the United States of "
        "America, find that additional steps must be taken."
    )
    assert ("law:executive-order-14999", "enacted-by", "person:jane-q-public") in found
    assert ("person:jane-q-public", "alleged-tie-to", "country:us") in found


def test_an_office_named_without_its_holder_is_no_party() -> None:
    # "designated the Vice President of X, Y": the office is what Y holds, not a firm of its own
    found = _found(
        "Today, OFAC designated the Vice President of the Supreme Court of Ruritania, Juan Carlos Perez Lopez."
    )
    assert not {x for s, _, o in found for x in (s, o) if "vice-president" in x}


def test_group_names_joined_by_a_particle_are_groups_and_two_of_them_are_two() -> None:
    found = _found(
        "The Secretary of State has redesignated Harakat ul-Mujahideen and Hizb ut-Tahrir as Foreign Terrorist "
        "Organizations."
    )
    assert ("organization:harakat-ul-mujahideen", "sanctioned-by", "agency:us-state") in found
    assert ("organization:hizb-ut-tahrir", "sanctioned-by", "agency:us-state") in found
    assert not {x for s, _, o in found for x in (s, o) if "foreign-terrorist" in x}  # what they are designated as


def test_a_brigade_or_a_front_is_a_group() -> None:
    found = _found("The Department of State today designated the Abu Hafs Martyrs Brigade as a terrorist group.")
    assert ("organization:abu-hafs-martyrs-brigade", "sanctioned-by", "agency:us-state") in found
