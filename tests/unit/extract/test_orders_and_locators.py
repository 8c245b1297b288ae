"""A withhold release order written in lower case ("CBP issued a new withhold release order on ...") is the
order; "the Dalian Ocean Fishing of China" names a firm and where it is (not a name ending "of China", which
"Bank of China", "Aviation Industry Corporation of China" are); a country after "in" ("combatting forced labor
in China with the issuance of a WRO on X") is a place, not who issued the order; "the designations apply to A in
Germany, B in Italy, and C in Greece" designates each, each in its own country; a bank "identified as" or "now"
"a financial institution of primary money laundering concern under Section 311" is restricted under it; a
"drug kingpin X" is a person (and "Joumaa" after "Drug Kingpin Ayman Joumaa" that person); the speaker named
after a closing quotation ('... and C," Ambassador Sales said') and a group whose leaders are designated ("three
of RIM's leaders") are not designated; a name after a flag ("the Panama-flagged A and B") is a vessel's, each
name one vessel; "sanctions three vessels linked to Houthis" sanctions the vessels, not the Houthis; "the Russian
invasion of Ukraine" is Russia's; unnamed companies a lawmaker asks to blacklist ("five Chinese companies to be
blacklisted", "companies suspected of aiding the CCP") are neither the lawmaker nor the CCP; the speaker after a
quotation that closed ('..., and vessels," Secretary X said') is not designated, nor the country "sanctions on" name
(a title quoted whole before the names still lets them be). Constructed sentences in the shapes of CBP, State, FinCEN and Treasury releases
and their retellings; no held-out text is used."""

from __future__ import annotations

import pytest

from extract import propose
from extract.meta import ArticleMeta


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_a_lower_case_withhold_release_order_and_a_firm_of_its_country():
    text = (
        "CBP issued a new withhold release order on seafood harvested by vessels owned or operated by the Dalian "
        "Ocean Fishing of China."
    )
    found = _tuples(text)
    assert ("law:withhold-release-order", "enacted-by", "agency:us-cbp", "asserted") in found
    assert ("firm:dalian-ocean-fishing", "headquartered-in", "country:cn", "asserted") in found


def test_a_country_after_in_is_no_one_issuing_the_order():
    text = (
        "The Department of Labor applauded Customs and Border Protection for combatting forced labor in China with "
        "the issuance of a withhold release order on cotton harvested by the Xinjiang Production and Construction "
        "Corps."
    )
    found = _tuples(text)
    assert not {t for t in found if t[0] == "country:cn"}
    assert (
        "agency:us-cbp",
        "acted-against",
        "organization:xinjiang-production-and-construction-corps",
        "asserted",
    ) in found


def test_the_designations_apply_to_parties_each_in_its_own_country():
    text = (
        "The State Department designated the Nordic Resistance Movement today. The designations apply to Antifa Ost "
        "in Germany, Revolutionary Front in Italy, and Armed Proletarian Justice in Greece."
    )
    found = _tuples(text)
    for party, country in (
        ("firm:antifa-ost", "country:de"),
        ("organization:revolutionary-front", "country:it"),
        ("organization:armed-proletarian-justice", "country:gr"),
    ):
        assert (party, "sanctioned-by", "agency:us-state", "asserted") in found
        assert (party, "headquartered-in", country, "asserted") in found
    assert ("organization:revolutionary-front", "headquartered-in", "country:gr", "asserted") not in found


@pytest.mark.parametrize(
    "text",
    [
        "FinCEN identified the Lebanese Canadian Bank SAL as a financial institution of primary money laundering "
        "concern pursuant to Section 311 of the USA PATRIOT Act.",
        "Treasury announced that the Lebanese Canadian Bank SAL was now a financial institution of primary money "
        "laundering concern under Section 311 of the USA PATRIOT Act.",
    ],
)
def test_a_bank_found_of_primary_money_laundering_concern_is_restricted_under_the_section(text: str):
    assert (
        "firm:lebanese-canadian-bank-sal",
        "restricted-under",
        "law:section-311-of-the-usa-patriot-act",
        "asserted",
    ) in _tuples(text)


@pytest.mark.parametrize(
    "text",
    ["Treasury sanctioned drug kingpin Ayman Joumaa.", "On January 26, Treasury designated Drug Kingpin Ayman Joumaa."],
)
def test_a_kingpin_named_by_his_role_is_a_person(text: str):
    assert ("person:ayman-joumaa", "sanctioned-by", "agency:us-treasury", "asserted") in _tuples(text)


def test_the_speaker_after_a_closing_quotation_and_the_group_whose_leaders_are_named_are_not_designated():
    text = (
        "The State Department designated the Russian Imperial Movement today. Coordinator for Counterterrorism "
        "Ambassador Nathan Sales spoke. “We’re also designating three of RIM’s leaders as SDGTs: Stanislav "
        "Anatolyevich Vorobyev, Denis Valliullovich Gariyev, and Nikolay Nikolayevich Trushchalov,” Ambassador Sales "
        "said."
    )
    found = _tuples(text)
    assert ("person:stanislav-anatolyevich-vorobyev", "sanctioned-by", "agency:us-state", "asserted") in found
    assert not {t for t in found if t[0] == "person:nathan-sales"}


def test_a_kingpin_named_in_full_then_by_family_name_is_one_person():
    text = (
        "Drug Kingpin Ayman Joumaa and his network used the bank. On January 26, Treasury designated Joumaa along "
        "with nine individuals."
    )
    found = _tuples(text)
    assert ("person:ayman-joumaa", "sanctioned-by", "agency:us-treasury", "asserted") in found
    assert "firm:joumaa" not in {t[0] for t in found}


def test_names_after_a_flag_are_vessels_each():
    found = _tuples(
        "OFAC has sanctioned San Marino-flagged Tulip BZ and its operator Marshall Islands-registered Zaas Shipping. "
        "OFAC has further sanctioned the Panama-flagged Maisan and White Whale."
    )
    for vessel in ("asset:tulip-bz", "asset:maisan", "asset:white-whale"):
        assert (vessel, "sanctioned-by", "agency:us-ofac", "asserted") in found
    assert ("firm:zaas-shipping", "headquartered-in", "country:mh", "asserted") in found
    assert "firm:maisan-and-white-whale" not in {t[0] for t in found}


@pytest.mark.parametrize(
    "text",
    [
        "Washington sanctions three vessels linked to Houthis",
        "Treasury sanctioned individuals tied to the Sinaloa Cartel.",
    ],
)
def test_the_party_unnamed_ones_are_linked_to_is_not_the_one_sanctioned(text: str):
    assert not {t for t in _tuples(text) if t[1] == "sanctioned-by"}


def test_an_invasion_a_demonym_names_is_that_countrys():
    found = _tuples(
        "The US imposed additional restrictions on avionics after the full-scale Russian invasion of Ukraine."
    )
    assert ("country:ru", "invaded", "country:ua", "asserted") in found
    assert ("country:us", "invaded", "country:ua", "asserted") not in found


@pytest.mark.parametrize(
    "text",
    [
        "U.S. Senator Marsha Blackburn (R-Tenn.) called for five Chinese companies to be blacklisted by the Commerce "
        "Department.",
        "Senator Marsha Blackburn called on the Department of Commerce to blacklist five Chinese companies suspected "
        "of aiding the Chinese Communist Party (CCP) in its surveillance.",
    ],
)
def test_unnamed_companies_a_lawmaker_asks_to_blacklist_are_neither_the_lawmaker_nor_the_party_they_aid(text: str):
    assert not {t for t in _tuples(text) if t[1] == "sanctioned-by"}


def test_the_companies_named_after_the_colon_are_the_ones_acted_against():
    text = (
        "The Federal Communications Commission today issued Orders to Show Cause against four companies that are "
        "ultimately subject to the control of the Chinese government: China Telecom Americas, China Unicom Americas, "
        "Pacific Networks, and ComNet."
    )
    found = _tuples(text)
    assert ("agency:us-fcc", "considering-action-against", "firm:pacific-networks", "asserted") in found


def test_the_speaker_after_a_quotation_and_the_country_sanctions_are_on_are_no_parties():
    text = (
        '"Treasury will continue to implement existing sanctions on North Korea, and will take action to block and '
        'designate companies, ports, and vessels that facilitate illicit shipments," Treasury Secretary Steven '
        "Mnuchin said in a statement."
    )
    assert not _tuples(text)
    text = (
        "Today, the United States is taking action. We are designating two Ansarallah leaders pursuant to Executive "
        "Order 13611, “Blocking Property of Persons Threatening the Peace, Security, or Stability of Yemen,” Mansur "
        "Al-Sa’adi and Ahmad Ali Ahsan al-Hamzi."
    )
    parsed = propose(text, ArticleMeta(publisher="U.S. Department of State")).parsed
    titled = {(c.subject, c.predicate.value, c.object, c.stance.value) for c in parsed.claims}
    assert {t[0] for t in titled if t[1] == "restricted-under"} >= {
        "person:mansur-al-sa-adi",
        "person:ahmad-ali-ahsan-al-hamzi",
    }


def test_a_terror_group_named_so_is_a_group():
    found = _tuples(
        "The US Treasury Department increased its sanctions on the Lebanese terror group Hezbollah on Wednesday."
    )
    assert ("organization:hezbollah", "sanctioned-by", "agency:us-treasury", "asserted") in found
    assert not {t for t in found if t[0] == "firm:hezbollah"}
