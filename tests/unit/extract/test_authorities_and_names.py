"""More shapes of the genre, written from it (not copied from any evaluation text): law titles with a
possessive, bodies a demonym names foreign, the authority consulted is not the one acting, states named
with "the" in a run, persons named with a patronymic, groups designated in the plural."""

from __future__ import annotations

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
    assert ("firm:omega-aero-llc", "restricted-under", "law:deterring-rogue-states-through-trade-act") in _found(
        text
    )


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
