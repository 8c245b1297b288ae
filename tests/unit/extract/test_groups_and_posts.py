"""Criminal and armed groups, the posts their people hold, and who a measure falls on around them.

A name ending in a group's head word ("the Gulf Cartel", "the Abu Nidal Organization") is a group;
"Hizballah official X" and "Cali Cartel leaders A and B" tie each named person to the group; an
official "of the Government of X" is tied to X; "A, the leader of B (BC), was designated" designates A;
those who serve a party ("seven entities supporting X", "money launderers for X", "former X (XO)
officials") are not that party, so a measure on them is none on it; "its investigation" is the
investigation of the sentence's subject, not of a body named as a modifier in between; "the UN- and
U.S.-designated X" is sanctioned by both, and "a representative of" it is tied to it; "the designations
include A and B" sanctions each; "The State Department announces the designation of A and B" is the State
Department's; "Cártel de Sinaloa", "Cárteles Unidos" are groups by their Spanish head, and a name with an acronym
after it ("Mara Norteña (MN-13)") or designated a Foreign Terrorist Organization is no person.
Constructed sentences in the shapes of US-government releases; no evaluation text is quoted."""

from __future__ import annotations

import pytest

from extract import propose
from extract.mentions import Doc
from schema.quotes import fold


def _tuples(text: str) -> set[tuple[str, str, str]]:
    return {(c.subject, c.predicate.value, c.object) for c in propose(text).parsed.claims}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Rafael Caro Salas, a leader in the Gulf Cartel, was designated by OFAC today.", "organization:gulf-cartel"),
        (
            "Samir Haddad, a senior member of the Abu Nidal Organization, was designated by OFAC.",
            "organization:abu-nidal-organization",
        ),
    ],
)
def test_a_name_ending_in_a_groups_head_word_is_a_group_and_its_member_is_the_one_designated(text: str, group: str):
    tuples = _tuples(text)
    person = next(s for s, p, _o in tuples if p == "sanctioned-by")
    assert person.startswith("person:")
    assert (person, "alleged-tie-to", group) in tuples
    assert not any(s == group and p == "sanctioned-by" for s, p, _o in tuples)


def test_the_head_word_alone_is_no_group():
    entities = {e.id for e in propose("The Cartel was weakened by the arrests, OFAC said.").parsed.entities}
    assert "organization:cartel" not in entities


def test_a_post_named_before_its_holders_ties_each_to_the_group():
    tuples = _tuples("OFAC designated Kataib Hizballah leaders Abu Ali al-Askari and Abu Hussein al-Hamidawi.")
    assert ("person:abu-ali-al-askari", "alleged-tie-to", "organization:kataib-hizballah") in tuples
    assert ("person:abu-hussein-al-hamidawi", "alleged-tie-to", "organization:kataib-hizballah") in tuples
    assert ("person:abu-ali-al-askari", "sanctioned-by", "agency:us-ofac") in tuples


def test_a_us_bodys_own_official_is_not_tied_to_it():
    tuples = _tuples("Treasury official Jane Miller said OFAC designated Omega Trading LLC.")
    assert not any(p == "alleged-tie-to" for _s, p, _o in tuples)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("OFAC designated Carlos Mendez for being an official of the Government of Nicaragua.", "country:ni"),
        (
            "OFAC designated Sergei Volkov for his role as an official of the Government of the Russian Federation.",
            "country:ru",
        ),
    ],
)
def test_an_official_of_a_government_is_tied_to_its_state(text: str, country: str):
    person = "person:" + ("carlos-mendez" if "Mendez" in text else "sergei-volkov")
    assert (person, "alleged-tie-to", country) in _tuples(text)


def test_the_leader_of_a_group_named_with_its_acronym_is_the_one_designated():
    tuples = _tuples("Abdelrahim Dagalo, the leader of the Rapid Support Forces (RSF), was designated by OFAC.")
    assert ("person:abdelrahim-dagalo", "sanctioned-by", "agency:us-ofac") in tuples
    assert ("person:abdelrahim-dagalo", "alleged-tie-to", "organization:rapid-support-forces") in tuples
    assert not any(s == "organization:rapid-support-forces" and p == "sanctioned-by" for s, p, _o in tuples)


@pytest.mark.parametrize(
    "text",
    [
        "OFAC designated six individuals and seven entities involved in a money laundering network supporting the "
        "Gulf Cartel.",
        "Treasury Sanctions Money Launderers for the Gulf Cartel",
        "The State Department imposed visa restrictions on former Pan American Health Organization (PAHO) officials.",
    ],
)
def test_those_who_serve_a_party_are_not_that_party(text: str):
    assert not any(p == "sanctioned-by" for _s, p, _o in _tuples(text))


def test_its_investigation_is_the_subjects_not_a_modifiers_in_between():
    text = (
        "CBP identified the following International Labour Organization forced labor indicators during its "
        "investigation of Omega Salt Farm: abuse of vulnerability and deception."
    )
    investigated = {(s, o) for s, p, o in _tuples(text) if p == "investigated-by"}
    assert investigated == {("firm:omega-salt-farm", "agency:us-cbp")}


def test_an_acronym_joined_to_a_person_is_no_person():
    tuples = _tuples("OFAC designated Hizballah official Ali Karaki and IRGC commander Hassan Farhadi.")
    assert ("person:hassan-farhadi", "sanctioned-by", "agency:us-ofac") in tuples
    assert not any("person:irgc" in (s, o) for s, _p, o in tuples)


@pytest.mark.parametrize(
    ("text", "parties", "country"),
    [
        (
            "Officials warned about ZTE, Hikvision, and other Chinese military companies.",
            {"firm:zte", "firm:hikvision"},
            "country:cn",
        ),
        (
            "The network laundered money for the Tijuana Cartel, the Juarez Cartel, and other Mexico-based "
            "transnational criminal organizations.",
            {"organization:tijuana-cartel", "organization:juarez-cartel"},
            "country:mx",
        ),
    ],
)
def test_parties_named_before_and_other_of_their_kind_are_that_kind_and_there(
    text: str, parties: set[str], country: str
):
    tuples = _tuples(text)
    assert {s for s, p, o in tuples if p == "headquartered-in" and o == country} == parties


def test_a_party_designated_by_two_authorities_in_one_compound_is_sanctioned_by_each():
    tuples = _tuples(
        "Jong Su Il is a representative of the UN- and U.S.-designated Korea Mining Development Trading Corporation."
    )
    firm = "firm:korea-mining-development-trading-corporation"
    assert {(s, o) for s, p, o in tuples if p == "sanctioned-by"} == {
        (firm, "country:us"),
        (firm, "organization:un-security-council"),
    }
    assert ("person:jong-su-il", "alleged-tie-to", firm) in tuples


def test_the_designations_a_release_says_it_includes_are_its_sanctions():
    meta = {"id": "source:probe", "title": "probe", "publisher": "U.S. Department of the Treasury"}
    parsed = propose("The designations include former Moldovan official Ion Rusu and Delta Holding SRL.", meta).parsed
    sanctioned = {c.subject for c in parsed.claims if c.predicate.value == "sanctioned-by"}
    assert sanctioned == {"person:ion-rusu", "firm:delta-holding-srl"}


def test_all_located_in_places_the_parties_listed_not_the_one_listing_them():
    tuples = _tuples(
        "The End-User Review Committee (ERC) also added Alpha Microelectronics Co., Ltd. and Beta Semiconductor "
        "Co., Ltd., all located in China, to the Entity List."
    )
    located = {s for s, p, o in tuples if p == "headquartered-in" and o == "country:cn"}
    assert located == {"firm:alpha-microelectronics-co-ltd", "firm:beta-semiconductor-co-ltd"}


def test_unnamed_affiliates_of_a_firm_are_not_the_body_that_lists_them():
    tuples = _tuples("The End-User Review Committee decided to add three affiliates of Corvex Technology Limited.")
    assert not any(p == "alleged-tie-to" for _s, p, _o in tuples)


def test_officers_with_a_state_body_are_tied_to_it_and_those_arrested_by_officers_are_not():
    tuples = _tuples(
        "The indictment charges Ding Hao, Chen Lin, and Zhu Wei were officers with the Hainan State Security "
        "Department, a provincial branch of China's Ministry of State Security."
    )
    tied = {s for s, p, o in tuples if p == "alleged-tie-to" and o == "agency:hainan-state-security-department"}
    assert tied == {"person:ding-hao", "person:chen-lin", "person:zhu-wei"}
    arrested = _tuples("Li Ming was arrested by officers with the Federal Bureau of Investigation on Monday.")
    assert not any(p == "alleged-tie-to" for _s, p, _o in arrested)


def test_an_acronym_before_and_is_a_body_of_its_own():
    entities = {
        e.id
        for e in propose(
            "The hackers acted at the direction of the PRC's MPS and Ministry of State Security (MSS), prosecutors "
            "said, and the MSS paid them."
        ).parsed.entities
    }
    assert not any(e.startswith("agency:mps-and") for e in entities)


@pytest.mark.parametrize(
    "text",
    [
        "The bill was introduced by Rep. Mike Gallagher on Tuesday.",
        "The bill was introduced by Sen. Mark Warner on March 5, 2024.",
    ],
)
def test_a_congress_members_abbreviated_title_names_them_and_a_date_after_is_no_name(text: str):
    person = "person:mike-gallagher" if "Gallagher" in text else "person:mark-warner"
    doc = Doc(text, fold(text), [])
    doc.find_mentions()
    assert [m.eid for m in doc.mentions if m.etype.value == "Person"] == [person]


def test_a_party_beholden_to_another_is_tied_to_it():
    tuples = _tuples("Lawmakers allege that Omega Media Ltd. is beholden to the Chinese Communist Party.")
    assert ("firm:omega-media-ltd", "alleged-tie-to", "organization:chinese-communist-party") in tuples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the announcing body designates; Spanish heads, plural and accented, open a group's name
            "The State Department announces the designation of Cártel de Sinaloa and Cárteles Unidos as FTOs.",
            {
                ("organization:cartel-de-sinaloa", "sanctioned-by", "agency:us-state"),
                ("organization:carteles-unidos", "sanctioned-by", "agency:us-state"),
            },
        ),
        (  # a name with a body's acronym after it is no person's, and only groups are designated FTOs
            "The Department of State announced the designation of Tren Rojo, Mara Norteña (MN-13), and "
            "La Nueva Familia Costeña as Foreign Terrorist Organizations.",
            {
                ("organization:tren-rojo", "sanctioned-by", "agency:us-state"),
                ("organization:mara-nortena", "sanctioned-by", "agency:us-state"),
                ("organization:la-nueva-familia-costena", "sanctioned-by", "agency:us-state"),
            },
        ),
        (
            "The State Department designated Mara Norteña (MN-13) as an FTO on Tuesday.",
            {("organization:mara-nortena", "sanctioned-by", "agency:us-state")},
        ),
    ],
)
def test_a_designation_announced_names_its_maker_and_fto_designees_are_groups(text: str, expected: set):
    tuples = _tuples(text)
    assert expected <= tuples
    assert not any(s.startswith(("person:", "firm:")) for s, p, _o in tuples if p == "sanctioned-by")


def test_a_lawmakers_district_after_a_title_still_marks_a_person():
    text = "The bill was introduced by Congresswoman Claudia Marsh (NY-24) and Senator Eli Brandt (R-FL)."
    doc = Doc(text, fold(text), [])
    doc.find_mentions()
    persons = {m.eid for m in doc.mentions if m.etype.value == "Person"}
    assert {"person:claudia-marsh", "person:eli-brandt"} <= persons


def test_welcoming_anothers_designation_does_not_make_the_welcomer_its_maker():
    tuples = _tuples("The State Department welcomed the designation of the Gulf Cartel by the United Kingdom.")
    assert ("organization:gulf-cartel", "sanctioned-by", "agency:us-state") not in tuples


@pytest.mark.parametrize(
    ("text", "firms"),
    [
        (  # a city opens the second name; two names share their first word
            "The department was adding Sugon, Higon and Chengdu Haiguang Integrated Circuit to the Entity List.",
            {"firm:higon", "firm:chengdu-haiguang-integrated-circuit"},
        ),
        (
            "BIS added Chengdu Haiguang Integrated Circuit and Chengdu Haiguang Microelectronics Technology "
            "to the Entity List.",
            {"firm:chengdu-haiguang-integrated-circuit", "firm:chengdu-haiguang-microelectronics-technology"},
        ),
    ],
)
def test_two_firms_named_over_and_are_two(text: str, firms: set[str]):
    listed = {s for s, p, _o in _tuples(text) if p == "listed-on"}
    assert firms <= listed
    assert not any("-and-" in s for s in listed)


def test_a_name_with_and_inside_stays_one():
    listed = {s for s, p, _o in _tuples("BIS added Yixin Science and Technology Co. Ltd. to the Entity List.")}
    assert "firm:yixin-science-and-technology-co-ltd" in listed


def test_the_sanctions_a_story_says_target_named_parties_are_the_sanctioners():
    text = (
        "The Treasury Department on Tuesday unveiled sanctions against entities involved in the drone trade.\n\n"
        "The sanctions target several aviation companies and two individuals Abbas Rahimi and Tigran "
        "Khristoforovich Sarkisov who facilitated the purchases, according to the department."
    )
    sanctioned = {(s, o) for s, p, o in _tuples(text) if p == "sanctioned-by"}
    assert sanctioned == {
        ("person:abbas-rahimi", "agency:us-treasury"),
        ("person:tigran-khristoforovich-sarkisov", "agency:us-treasury"),
    }
    assert not _tuples("The sanctions target Iran's oil sector.")


def test_a_name_the_sanctions_target_is_typed_by_it_and_a_sanctioned_bureau_is_a_body():
    text = (
        "OFAC imposed sanctions on two individuals and four companies. The sanctions target Song Kum Hyok, "
        "described as a cyber actor associated with the already sanctioned DPRK Reconnaissance General Bureau."
    )
    tuples = _tuples(text)
    assert ("person:song-kum-hyok", "sanctioned-by", "agency:us-ofac") in tuples
    assert ("person:song-kum-hyok", "alleged-tie-to", "organization:dprk-reconnaissance-general-bureau") in tuples


def test_a_country_in_a_clause_before_which_is_why_is_no_sanctioner():
    text = (
        "The group raised funds through the United Arab Emirates, which is why today's sanctions against "
        "Omega Holding LLC are critical."
    )
    assert not any(o == "country:ae" for _s, p, o in _tuples(text) if p == "sanctioned-by")


def test_a_firm_named_again_without_its_country_and_generic_tail_is_the_same_firm():
    from extract.shorts import trimmed

    assert "Songkwang Trading" in trimmed("Korea Songkwang Trading General Corp.")
    text = (
        "He signed a contract with Korea Songkwang Trading General Corp. and with Korea Saenal Trading Corp., "
        "another DPRK company. Songkwang Trading and Saenal Trading were also designated by OFAC."
    )
    sanctioned = {s for s, p, _o in _tuples(text) if p == "sanctioned-by"}
    assert sanctioned == {"firm:korea-songkwang-trading-general-corp", "firm:korea-saenal-trading-corp"}


def test_a_party_sanctioned_for_a_reason_without_an_agent_is_sanctioned_by_the_texts_sanctioner():
    text = (
        "OFAC has imposed sanctions on two individuals and four companies for their role in a scheme. "
        "Russian national Gayk Arakelyan was sanctioned for exporting workers, OFAC's announcement said."
    )
    assert ("person:gayk-arakelyan", "sanctioned-by", "agency:us-ofac") in _tuples(text)
    assert not any(p == "sanctioned-by" for _s, p, _o in _tuples("Omega Ltd. was sanctioned in 2019."))


def test_a_union_body_that_imposes_sanctions_is_the_sanctioner_of_the_parties_its_text_names_later():
    text = (
        "The EU Council expanded sanctions against Russia, targeting 10 entities and 54 individuals. "
        "The sanctioned entities include Sberbank, a major financial institution."
    )
    assert ("firm:sberbank", "sanctioned-by", "organization:eu-council") in _tuples(text)


def test_the_next_name_of_a_list_of_persons_past_a_description_is_a_person():
    tuples = _tuples("OFAC today designated Ivan Petrov, a Duma member, and Sergey Smirnov.")
    assert {
        ("person:ivan-petrov", "sanctioned-by", "agency:us-ofac"),
        ("person:sergey-smirnov", "sanctioned-by", "agency:us-ofac"),
    } <= tuples


def test_an_action_against_counted_parties_is_none_against_a_group_they_are_tied_to():
    text = (
        "The Justice Department announced charges against two Chinese nationals it alleges are connected with "
        "the hacking group known as APT77."
    )
    assert not any(p == "acted-against" for _s, p, _o in _tuples(text))
    named = _tuples(
        "The FCC issued Orders to Show Cause against four companies that are subject to the control of the Chinese "
        "government: Alpha Telecom Americas, Pacific Omega Networks, and ComBeta."
    )
    assert ("agency:us-fcc", "considering-action-against", "firm:pacific-omega-networks") in named


def test_persons_both_nationals_of_a_country_are_placed_there_and_a_program_run_by_a_body_ties_to_it():
    tuples = _tuples("Zhu Min and Zhang Wei, both nationals and residents of China, were charged.")
    assert {
        ("person:zhu-min", "headquartered-in", "country:cn"),
        ("person:zhang-wei", "headquartered-in", "country:cn"),
    } <= tuples
    tied = _tuples(
        "The Justice Department alleged that APT77 was part of a program run by the Hubei State Security Department."
    )
    assert any(
        s == "organization:apt77" and p == "alleged-tie-to" and "hubei-state-security-department" in o
        for s, p, o in tied
    )


def test_a_months_abbreviation_is_no_name_and_an_article_inside_a_word_stays_in_the_name():
    assert not _tuples("The Office of Foreign Assets Control sanctioned eight people and two entities Sept. 22.")
    tuples = _tuples("OFAC designated Yahya Muhammad al-Abd-al-Muhsin as an SDGT.")
    assert tuples == {("person:yahya-muhammad-al-abd-al-muhsin", "sanctioned-by", "agency:us-ofac")}


def test_a_programs_designees_listed_with_semicolons_and_a_bodys_designation_named_by_its_possessive():
    text = (
        "OFAC on Sept. 4 designated 10 individuals and two entities. RT designees include Margarita Simonovna "
        "Simonyan, the Editor-in-Chief of RT; Anton Sergeyvich Anisimov, RT Deputy Editor-in-Chief; and Andrey "
        "Vladimirovich Kiyashko, the Deputy Director of RT, among others."
    )
    sanctioned = {s for s, p, o in _tuples(text) if p == "sanctioned-by" and o == "agency:us-ofac"}
    assert {
        "person:margarita-simonovna-simonyan",
        "person:anton-sergeyvich-anisimov",
        "person:andrey-vladimirovich-kiyashko",
    } <= sanctioned
    owned = _tuples("The Department of State's designation of Omega Media Ltd. follows.")
    assert ("firm:omega-media-ltd", "sanctioned-by", "agency:us-state") in owned


def test_a_place_based_name_after_the_act_is_typed_by_the_act():
    tuples = _tuples("OFAC also sanctioned Qatar-based Aldar Holdings on Tuesday.")
    assert {
        ("firm:aldar-holdings", "sanctioned-by", "agency:us-ofac"),
        ("firm:aldar-holdings", "headquartered-in", "country:qa"),
    } <= tuples


def test_a_name_apposed_to_a_gang_coalition_is_a_group():
    tuples = _tuples(
        "Today, OFAC is sanctioning Dimitri Heraux for his support to the Haitian gang coalition, Viv Ensamble."
    )
    assert ("person:dimitri-heraux", "sanctioned-by", "agency:us-ofac") in tuples
    assert ("person:dimitri-heraux", "alleged-tie-to", "organization:viv-ensamble") in tuples


def test_men_named_after_their_count_and_a_dash_are_persons_the_text_sanctions():
    text = (
        "Treasury imposed sanctions on 14 men. It also sanctioned three men — Mohamed Hussein Saleh, Ahmed Hasan "
        "Ali Sulaiman Matan and Mohamed Ali Badas — under the same executive order."
    )
    sanctioned = {s for s, p, o in _tuples(text) if p == "sanctioned-by" and o == "agency:us-treasury"}
    assert sanctioned == {
        "person:mohamed-hussein-saleh",
        "person:ahmed-hasan-ali-sulaiman-matan",
        "person:mohamed-ali-badas",
    }


def test_a_firm_named_and_sons_is_one_firm():
    tuples = _tuples("OFAC sanctioned Akhtar and Sons Private Limited on Tuesday.")
    assert tuples == {("firm:akhtar-and-sons-private-limited", "sanctioned-by", "agency:us-ofac")}


def test_a_place_named_by_its_short_form_in_parentheses_before_based_places_the_firm():
    tuples = _tuples(
        "People's Republic of China (PRC)-based Xi'an Omega Technology Company Limited supplied equipment."
    )
    assert ("firm:xi-an-omega-technology-company-limited", "headquartered-in", "country:cn") in tuples


def test_a_name_designated_by_a_body_as_an_sdgt_and_fto_is_a_group():
    text = (
        "Viv Ensamble was designated by the U.S. Department of State as a Specially Designated Global Terrorist "
        "(SDGT) and Foreign Terrorist Organization on May 2, 2025."
    )
    assert ("organization:viv-ensamble", "sanctioned-by", "agency:us-state") in _tuples(text)
    person = _tuples(
        "Ahmad Karimi was designated by the Department of State as a Specially Designated Global Terrorist."
    )
    assert ("person:ahmad-karimi", "sanctioned-by", "agency:us-state") in person


def test_a_group_named_inside_a_designees_description_is_not_designated_with_them():
    text = (
        "OFAC is sanctioning Dimitri Heraux today. Also designated today is Kempes Sanon (Sanon), leader of the Bel "
        "Air gang, one of the constituent gangs in the Viv Ensamble alliance. Viv Ensamble was designated by the U.S. "
        "Department of State as a Specially Designated Global Terrorist (SDGT) and Foreign Terrorist Organization."
    )
    by_ofac = {s for s, p, o in _tuples(text) if p == "sanctioned-by" and o == "agency:us-ofac"}
    assert "person:kempes-sanon" in by_ofac
    assert "organization:viv-ensamble" not in by_ofac
