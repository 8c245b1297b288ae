"""More shapes of the genre, written from it (not copied from any evaluation text): law titles with a
possessive, bodies a demonym names foreign, the authority consulted is not the one acting, states named
with "the" in a run, persons named with a patronymic, groups designated in the plural."""

from __future__ import annotations

import pytest

from extract import propose


def _found(text: str, publisher: str | None = None) -> set[tuple[str, str, str]]:
    parsed = propose(text, {"publisher": publisher} if publisher else None).parsed
    return {(c.subject, c.predicate.value, c.object) for c in parsed.claims}


def _ids(text: str, publisher: str | None = None) -> set[str]:
    return {x for s, _, o in _found(text, publisher) for x in (s, o)}


def test_a_law_title_keeps_its_possessive_and_a_word_opening_with_a_digit() -> None:
    found = _found("Zeta Shipping LLC was sanctioned pursuant to the Protecting Ruritania's 6G Networks Act.")
    assert ("firm:zeta-shipping-llc", "restricted-under", "law:protecting-ruritania-s-6g-networks-act") in found


def test_initials_defined_after_a_law_keep_its_through_inside_the_title() -> None:
    # "Through" opens a headline's law ("Takes Action Through X Act") unless the initials spell it all
    text = (
        "The Department of State imposed sanctions on Omega Aero LLC under the Deterring Rogue States Through "
        "Trade Act (DRSTTA)."
    )
    assert ("firm:omega-aero-llc", "restricted-under", "law:deterring-rogue-states-through-trade-act") in _found(text)


def test_a_body_a_demonym_names_is_a_foreign_organization_under_the_measure() -> None:
    found = _found(
        "The Department of State imposed sanctions on the Belarusian entity Procurement Planning Department "
        "(PPD) and its director, Karl Weber.",
        "U.S. Department of State",
    )
    assert ("organization:procurement-planning-department", "sanctioned-by", "agency:us-state") in found


def test_the_authority_consulted_is_not_the_one_acting() -> None:
    found = _found(
        "The Secretary of State, in consultation with the Secretary of the Treasury, has imposed sanctions on "
        "Kappa Arms Trading LLC."
    )
    assert ("firm:kappa-arms-trading-llc", "sanctioned-by", "agency:us-state") in found
    assert ("firm:kappa-arms-trading-llc", "sanctioned-by", "agency:us-treasury") not in found


def test_states_named_with_the_in_a_run_each_sanction() -> None:
    found = _found("The United States, the United Kingdom, and Australia sanctioned Lambda Metals LLC.")
    for state in ("country:us", "country:gb", "country:au"):
        assert ("firm:lambda-metals-llc", "sanctioned-by", state) in found


def test_a_patronymic_names_a_person_and_two_family_names_are_two_persons() -> None:
    text = (
        "OFAC designated Boris Nikolayevich Orlov and Pavel Sergeyevich Lebedev. The European Union previously "
        "sanctioned Orlov and Lebedev."
    )
    ids = _ids(text, "U.S. Department of the Treasury")
    assert {"person:boris-nikolayevich-orlov", "person:pavel-sergeyevich-lebedev"} <= ids
    assert not {i for i in ids if i.startswith("firm:")}
    found = _found(text, "U.S. Department of the Treasury")
    assert ("person:pavel-sergeyevich-lebedev", "sanctioned-by", "organization:eu") in found


def test_a_party_designated_as_terrorist_organizations_is_a_group() -> None:
    found = _found(
        "The Department of State designated Harakat Nasr pursuant to E.O. 13224. Harakat Nasr is also "
        "designated as Foreign Terrorist Organizations pursuant to section 219 of the Immigration and "
        "Nationality Act."
    )
    assert ("organization:harakat-nasr", "sanctioned-by", "agency:us-state") in found
    assert not {s for s, _, _ in found if s.startswith("firm:")}


def test_a_farm_or_a_mill_a_withhold_release_order_names_is_a_firm_and_its_investigation_of_it() -> None:
    text = (
        "U.S. Customs and Border Protection issued a Withhold Release Order against Sunrise Cotton Mill. CBP "
        "found forced labor indicators during its investigation of Sunrise Cotton Mill."
    )
    found = _found(text, "U.S. Customs and Border Protection")
    assert ("firm:sunrise-cotton-mill", "restricted-under", "law:withhold-release-order") in found
    assert ("firm:sunrise-cotton-mill", "investigated-by", "agency:us-cbp") in found


def test_a_controlling_parent_and_a_name_opening_in_lower_case() -> None:
    text = (
        "We find that Northwind, Inc. (Northwind), the controlling parent of eLink Wireless, LLC, (eLink) "
        "failed to report. Northwind later filed."
    )
    found = _found(text, "Federal Communications Commission")
    assert ("firm:elink-wireless-llc", "subsidiary-of", "firm:northwind-inc") in found


@pytest.mark.parametrize(
    ("text", "firm", "country"),
    [
        (
            "The order names Zenith Devices Corporation, a Delaware corporation.",
            "firm:zenith-devices-corporation",
            "country:us",
        ),
        (
            "The order names Orbit Capital L.P., a Cayman Islands limited partnership.",
            "firm:orbit-capital-l-p",
            "country:ky",
        ),
        (
            "The order names Helix Holdings Limited, a limited company organized under the laws of Singapore.",
            "firm:helix-holdings-limited",
            "country:sg",
        ),
    ],
)
def test_where_a_firm_is_chartered(text: str, firm: str, country: str) -> None:
    assert (firm, "headquartered-in", country) in _found(text)


def test_a_hyphenated_short_form_and_a_company_established_in_a_country() -> None:
    text = (
        "The lawmakers asked Commerce to investigate routers made by NX-Route Technologies. NX-Route is a company "
        "established in the People's Republic of China."
    )
    assert ("firm:nx-route-technologies", "headquartered-in", "country:cn") in _found(text)


def test_a_name_in_quotes_after_a_legal_form_is_that_firm_not_the_form() -> None:
    # two firms written the Russian way must not share the id of their legal form
    ids = _ids(
        'OFAC designated Joint Stock Company "Vektor Plus" and Joint Stock Company "Orion Avia".',
        "U.S. Department of the Treasury",
    )
    assert {"firm:joint-stock-company-vektor-plus", "firm:joint-stock-company-orion-avia"} <= ids
    assert "firm:joint-stock-company" not in ids


def test_a_name_defined_after_a_party_that_shares_its_word_is_that_party() -> None:
    text = (
        "OFAC sanctioned Pavel Olegovich Zorin, the head of Russian Private Military Company 'Vostok' (Vostok Group) "
        "units in Sudan. The Vostok Group is sanctioned under multiple authorities."
    )
    ids = _ids(text, "U.S. Department of the Treasury")
    assert "organization:private-military-company-vostok" in ids
    assert not {i for i in ids if i.startswith("firm:")}


def test_sanctioning_the_head_of_a_group_is_no_sanction_on_the_group() -> None:
    found = _found("Treasury Sanctions the Head of the Omega Logistics Group", "U.S. Department of the Treasury")
    assert not {s for s, p, _ in found if p == "sanctioned-by"}


def test_an_office_in_a_body_puts_no_measure_on_the_body() -> None:
    found = _found(
        "Today, OFAC designated a Deputy of the National Assembly, Tomas Ernesto Ruiz Vega.",
        "U.S. Department of the Treasury",
    )
    assert ("person:tomas-ernesto-ruiz-vega", "sanctioned-by", "agency:us-ofac") in found
    assert {s for s, p, _ in found if p == "sanctioned-by"} == {"person:tomas-ernesto-ruiz-vega"}


def test_a_waiver_of_sanctions_is_no_sanction_and_a_number_may_precede_the_legal_form() -> None:
    found = _found(
        "I have determined that it is in the national interest of the United States to waive the application of "
        "sanctions on Baltic Link 2 AG and its CEO Hans Peter Vogel.",
        "U.S. Department of State",
    )
    assert not {s for s, p, _ in found if p == "sanctioned-by"}
    ids = _ids("The Department of State sanctioned Baltic Link 2 AG.", "U.S. Department of State")
    assert "firm:baltic-link-2-ag" in ids
