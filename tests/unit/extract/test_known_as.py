"""Names a designation gives more than once, in the shapes State and Treasury releases use (written
from the genre, not copied from any evaluation text): aliases ("also known as"), names transliterated
from Arabic, a body named by the initials it defines, what a party is designated as, an intent to
designate, and who leads a group; aliases added to a designation ("to add the following aliases: A, B,
and C"), and "and" between two aliases; "Bank X" is no person."""

from __future__ import annotations

from extract import propose

STATE = "U.S. Department of State"


def _found(text: str, publisher: str = STATE) -> set[tuple[str, str, str, str]]:
    parsed = propose(text, {"publisher": publisher}).parsed
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in parsed.claims}


def test_also_known_as_names_one_party_by_its_longest_name_and_each_other_name_is_same_as() -> None:
    found = _found(
        "The Department of State designated Hamid Yusuf al-Nasiri pursuant to Executive Order 13224. "
        "Al-Nasiri is also known as Abu Yusuf, Hamid Yusuf Sa'id, and Abu-'Ali al-Basri."
    )
    who = "person:hamid-yusuf-al-nasiri"
    assert (who, "sanctioned-by", "agency:us-state", "asserted") in found
    assert {(s, o) for s, p, o, _ in found if p == "same-as"} == {
        (who, "person:abu-yusuf"),
        (who, "person:hamid-yusuf-sa-id"),
        (who, "person:abu-ali-al-basri"),
    }


def test_an_alias_list_in_parentheses_parted_by_semicolons() -> None:
    found = _found(
        "The entities added today include Ningbo Sunrise Textiles Co., Ltd. (also known as Ningbo Sunrise "
        "Textile Industry Co., Ltd.; Ningbo Sunrise Garments Co., Ltd.; and Sunrise Textiles Co., Ltd.), and "
        "Hebei Eastern Steel Co., Ltd."
    )
    keep = "firm:ningbo-sunrise-textile-industry-co-ltd"
    assert {(s, o) for s, p, o, _ in found if p == "same-as"} == {
        (keep, "firm:ningbo-sunrise-textiles-co-ltd"),
        (keep, "firm:ningbo-sunrise-garments-co-ltd"),
        (keep, "firm:sunrise-textiles-co-ltd"),
    }


def test_the_alias_list_ends_at_its_final_and_the_next_party_is_another() -> None:
    found = _found(
        "We imposed sanctions against Delta Group, which is also known as Delta Trading Company and Omega "
        "Holding, and Joint Stock Company Kappa in Russia."
    )
    assert not any(p == "same-as" and "kappa" in s + o for s, p, o, _ in found)
    assert ("firm:joint-stock-company-kappa", "headquartered-in", "country:ru", "asserted") in found


def test_a_body_named_by_the_initials_it_defines_is_not_the_country_closing_its_name() -> None:
    found = _found(
        "Today the Department of State designated the Popular Front of Iraq and Syria (PFIS), a designated "
        "Foreign Terrorist Organization, and its leader Karim Abbas al-Hashimi."
    )
    assert ("organization:popular-front-of-iraq-and-syria", "sanctioned-by", "agency:us-state", "asserted") in found
    assert not any(o == "country:sy" or s == "country:sy" for s, _p, o, _ in found)
    assert not any("foreign-terrorist-organization" in s + o for s, _p, o, _ in found)


def test_a_party_described_as_a_designated_fto_is_sanctioned_by_the_united_states() -> None:
    found = _found(
        "It is a crime to provide material support to the Popular Front of Iraq and Syria (PFIS), a "
        "designated Foreign Terrorist Organization and SDGT."
    )
    assert ("organization:popular-front-of-iraq-and-syria", "sanctioned-by", "country:us", "asserted") in found


def test_an_intent_to_designate_is_proposed() -> None:
    found = _found(
        "The Department of State has announced its intent to designate Karim Abbas al-Hashimi as a Specially "
        "Designated Global Terrorist under Executive Order 13224."
    )
    who = "person:karim-abbas-al-hashimi"
    assert (who, "sanctioned-by", "agency:us-state", "proposed") in found
    assert (who, "restricted-under", "law:executive-order-13224", "proposed") in found


def test_the_leader_of_a_group_is_tied_to_it_the_head_of_a_body_is_not() -> None:
    found = _found(
        "The Department designated Karim Abbas al-Hashimi, the new leader of the Popular Front of Iraq and "
        "Syria (PFIS). Rashid Hamed Karimi, the head of the Atomic Energy Organization of Iran, was also named."
    )
    assert (
        "person:karim-abbas-al-hashimi",
        "alleged-tie-to",
        "organization:popular-front-of-iraq-and-syria",
        "asserted",
    ) in found
    assert not any(p == "alleged-tie-to" and s == "person:rashid-hamed-karimi" for s, p, _o, _ in found)


def test_a_name_known_by_an_alias_in_quotes() -> None:
    found = _found(
        'WASHINGTON - Zhou Mingwei, who is more commonly known by his alias "Peter Zhou," was charged today.'
    )
    assert ("person:zhou-mingwei", "same-as", "person:peter-zhou", "asserted") in found


def test_a_section_311_rule_severs_a_bank_and_the_finding_acts_against_it() -> None:
    text = (
        "WASHINGTON - The Financial Crimes Enforcement Network (FinCEN) today issued a final rule under "
        "Section 311 of the USA PATRIOT Act that severs Bank of Hailun, a Chinese bank, from the U.S. "
        'financial system. On May 2, 2019, FinCEN found Bank of Hailun to be of "primary money laundering '
        'concern" for serving as a gateway for North Korea.'
    )
    found = _found(text, "Financial Crimes Enforcement Network")
    assert ("firm:bank-of-hailun", "banned-by", "agency:us-fincen", "asserted") in found
    assert ("agency:us-fincen", "acted-against", "firm:bank-of-hailun", "asserted") in found
    assert not any(p == "enacted-by" for _s, p, _o, _ in found)  # the rule is issued under the Act, not the Act


def test_groups_named_with_the_arabic_article_and_the_initials_they_define() -> None:
    found = _found(
        "The Department of State designated Hamid Yusuf al-Nasiri as a Specially Designated Global Terrorist. "
        "He is associated with al-Qa'ida affiliates al-Qa'ida in the Sahel Region (AQSR) and al-Mourabitoun. "
        "Al-Nasiri is deputy leader of AQSR."
    )
    assert (
        "person:hamid-yusuf-al-nasiri",
        "alleged-tie-to",
        "organization:al-qa-ida-in-the-sahel-region",
        "asserted",
    ) in found
    assert not any(s.startswith("firm:al-") or o.startswith("firm:al-") for s, _p, o, _ in found)


def test_a_line_that_ends_with_a_comma_is_no_headline() -> None:
    text = (
        "The charges were announced by U.S. Attorney for the District of Columbia Jane Roe, Special Agent in Charge "
        "John Doe, of the FBI's Omaha Field Office,\n\nand the Justice Department."
    )
    assert ("agency:omaha-field-office", "part-of", "agency:us-fbi", "asserted") in _found(text)


def test_groups_all_of_which_are_designated_each_under_both_laws() -> None:
    found = _found(
        "These individuals are associated with al-Qa'ida in the Sahel Region (AQSR), al-Mourabitoun, and al-Qa'ida "
        "in the Indian Subcontinent (AQIS), all of which have been designated by the United States as Foreign Terrorist "
        "Organizations pursuant to section 219 of the Immigration and Nationality Act and as SDGT entities under "
        "E.O. 13224."
    )
    for group in (
        "organization:al-qa-ida-in-the-sahel-region",
        "organization:al-mourabitoun",
        "organization:al-qa-ida-in-the-indian-subcontinent",
    ):
        assert (group, "sanctioned-by", "country:us", "asserted") in found
        assert (
            group,
            "restricted-under",
            "law:section-219-of-the-immigration-and-nationality-act",
            "asserted",
        ) in found
        assert (group, "restricted-under", "law:executive-order-13224", "asserted") in found


def test_a_threat_group_and_the_names_it_goes_by_after_a_dash() -> None:
    from extract import propose

    text = (
        "This advisory describes a Chinese group known as APT77. APT77\u2014aka COPPER LANTERN, Wavebird, G0199, "
        "and Silent Heron\u2014is located in Haikou, China."
    )
    found = {(c.subject, c.predicate.value, c.object) for c in propose(text).parsed.claims}
    keep = "organization:copper-lantern"  # the longest name
    for other in ("apt77", "wavebird", "g0199", "silent-heron"):
        assert (keep, "same-as", f"organization:{other}") in found


def test_aliases_added_to_a_designation_are_the_designated_partys_names() -> None:
    found = _found(
        "The Department has amended the designation of Jaish-e-Tarkan to add the following aliases: "
        "Jama’at-ul-Falah, Al-Noor Trust, Tehrik-e-Hifazat, and Tehrik-e-Nazir Qibla Awwal."
    )
    for alias in ["jama-at-ul-falah", "al-noor-trust", "tehrik-e-hifazat", "tehrik-e-nazir-qibla-awwal"]:
        assert ("organization:jaish-e-tarkan", "same-as", f"organization:{alias}", "asserted") in found


def test_and_between_two_aliases_parts_them_but_not_one_name() -> None:
    found = _found("Jaish-e-Tarkan, also known as Jama’at-ul-Falah and Al-Noor Trust, was designated.")
    assert {t[2] for t in found if t[1] == "same-as"} | {t[0] for t in found if t[1] == "same-as"} >= {
        "organization:jama-at-ul-falah",
        "organization:al-noor-trust",
    }
    found = _found("Bank Sepahan, also known as Bank of Industry and Commerce, was designated.")
    assert not {t for t in found if "person:" in t[0] + t[2]}


def test_an_acronym_defined_in_quotes_is_the_body_named_before_it() -> None:
    found = _found(
        "The State Department announced its intent to designate Iran’s Tarkan Guard Corps (“TGC”) as a Foreign "
        "Terrorist Organization. The TGC, the TGC-Quds Force, and the Ministry of Intelligence have all previously "
        "been designated as SDGTs under Executive Order 13224."
    )
    assert not {t for t in found if "organization:tgc" in (t[0], t[2])}
    assert ("organization:tarkan-guard-corps", "sanctioned-by", "country:us", "asserted") in found


def test_listed_as_an_sdn_is_a_designation_and_a_country_related_sanction_is_not_the_countrys() -> None:
    found = _found(
        "Yesterday, the Office of Foreign Assets Control (“OFAC”) listed Petroleos de Tarkania, S.A. (“PdT”) as a "
        "Specially Designated National (“SDN”) pursuant to Executive Order 13850. These licenses authorize "
        "activities that would otherwise be prohibited by Executive Order 13850 or other Venezuela-related sanctions, "
        "and fall into several categories: 1) authorizations regarding contracts with PdT.",
        "Kelley Drye",
    )
    assert ("firm:petroleos-de-tarkania-s-a", "sanctioned-by", "agency:us-ofac", "asserted") in found
    assert not {t for t in found if t[1] == "sanctioned-by" and t[2] == "country:ve"}


def test_a_groups_place_in_its_name_is_part_of_it() -> None:
    found = _found(
        "The Department of State designated Ansar al-Tarkan in Libya, also known as Ansar al-Tarkan Brigade in "
        "Darnah, as a Foreign Terrorist Organization."
    )
    ids = {t[0] for t in found} | {t[2] for t in found}
    assert {"organization:ansar-al-tarkan-in-libya", "organization:ansar-al-tarkan-brigade-in-darnah"} <= ids
    assert "organization:ansar-al-tarkan" not in ids
