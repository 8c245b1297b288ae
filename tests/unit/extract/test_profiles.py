"""Profiles of sanctioned parties: a denial in a relative clause ("close ties to X, which he denies, and ...") is the
tie's, not the rest of the sentence's; "he has been sanctioned" is the sentence's subject, not the person last named;
a role a sentence opens with ("Businessman John Smith") titles the name; "designated X as a national carrier" is a
role given, no sanction (by no rule, the learned reader included), and "as a national carrier" types X a firm.
Invented or public names in constructed sentences; no evaluation text is quoted."""

from __future__ import annotations

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_a_denial_in_a_relative_clause_and_the_pronoun_subject_of_a_sanction() -> None:
    found = _tuples(
        "Businessman John Smith has been described as having close ties to President Vladimir Putin, which he "
        "denies, and, as a result, he has been sanctioned by the US since the Russian invasion of Ukraine."
    )
    assert ("person:john-smith", "sanctioned-by", "country:us", "asserted") in found
    assert ("country:ru", "invaded", "country:ua", "asserted") in found
    assert not {t for t in found if t[0] == "person:vladimir-putin" and t[1] == "sanctioned-by"}
    assert not {t for t in found if t[3] == "denied" and t[1] != "alleged-tie-to"}


def test_a_party_designated_to_a_role_is_not_sanctioned() -> None:
    found = _tuples(
        "Nevertheless, the Syrian government proudly designated Cham Wings as a national carrier for the country in "
        "2014."
    )
    assert not {t for t in found if t[1] == "sanctioned-by"}


def test_a_designation_as_a_sanctions_term_still_sanctions() -> None:
    assert ("firm:acme-trading-llc", "sanctioned-by", "agency:us-ofac", "asserted") in _tuples(
        "OFAC designated Acme Trading LLC as a front company for the IRGC."
    )


def test_a_place_before_importers_of_a_firms_goods_is_not_the_firms() -> None:
    found = _tuples(
        "In 1994, U.S. Customs agents conducted a sting operation against Atlanta-based importers of Norwin firearms "
        "as well as Poly Technologies. Norwin Group, a Chinese state-owned defense company, denied wrongdoing."
    )
    assert not {t for t in found if t[1] == "headquartered-in" and t[2] == "country:us"}


def test_a_headlines_demonym_and_common_nouns_name_no_firm() -> None:
    found = _tuples(
        "Trade Data Reveal Shipments to Sudanese Mining Company Linked to Russian Paramilitary Group\n"
        "A recently sanctioned Sudanese mining company received over 800 shipments."
    )
    assert not {t for t in found if "sudanese-mining" in t[0] or "russian-paramilitary" in t[2]}


def test_sanctions_that_targeted_a_counted_description_name_its_members_after_a_colon() -> None:
    found = _tuples(
        "The U.S. Department of the Treasury\u2019s Office of Foreign Assets Control (OFAC) sanctioned three "
        "individuals and five companies on July 17. The recent sanctions targeted two companies linked to the "
        "network's operations in Sudan: Kestrel Invest LLC and Meroe Mining Co. Ltd."
    )
    for firm in ["kestrel-invest-llc", "meroe-mining-co-ltd"]:
        assert (f"firm:{firm}", "sanctioned-by", "agency:us-ofac", "asserted") in found


def test_a_subsidiary_along_with_its_parent() -> None:
    found = _tuples("OFAC sanctioned Acme Holding LLC, along with its Sudan-based subsidiary Meroe Mining Co. Ltd.")
    assert ("firm:meroe-mining-co-ltd", "subsidiary-of", "firm:acme-holding-llc", "asserted") in found


def test_a_private_military_company_is_an_armed_group() -> None:
    found = _tuples(
        "Evgeny Prigozhin controls the Wagner Group, a Russian private military company (PMC) operating on behalf "
        "of the Russian government."
    )
    assert ("organization:wagner-group", "headquartered-in", "country:ru", "asserted") in found
    assert not {t for t in found if t[0].startswith("firm:")}


def test_an_armed_group_named_as_forces_of_a_country_is_a_group() -> None:
    found = _tuples("Treasury sanctioned the Revolutionary Armed Forces of Colombia (FARC) in 2003.")
    assert (
        "organization:revolutionary-armed-forces-of-colombia",
        "sanctioned-by",
        "agency:us-treasury",
        "asserted",
    ) in (found)


def test_a_name_given_as_an_alias_is_the_same_person() -> None:
    found = _tuples(
        "Haitian gang leader Jimmy Cherval, alias \u201cGrill,\u201d is a central target of potential UN Security "
        "Council sanctions. Grill has been under sanctions by the US Treasury Department since 2020."
    )
    assert ("person:jimmy-cherval", "same-as", "person:grill", "asserted") in found
    assert ("person:jimmy-cherval", "sanctioned-by", "agency:us-treasury", "asserted") in found
