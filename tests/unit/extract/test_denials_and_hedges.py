"""What a party says of itself and how a text hedges: "it had no ties to the Russian government" is a tie
denied, "controversy over the company's possible relationship with the Russian government" a tie alleged,
not asserted; a body's acronym set off by commas ("Germany's Federal Office for Information Security, BSI,
is warning ...") is that body, not a second one — while "Huawei, ZTE, and other firms" stays a list; "one
Kaspersky unit based in the United Kingdom" places the unit, not Kaspersky; "Kaspersky Lab, Inc., an American
subsidiary of Russia's Kaspersky Lab" names two firms, the one a subsidiary of the other (it had made them one);
a name its own description typed ("Zservers, a hosting provider") stays a firm where it is listed with persons; a
party's description in apposition after an accusation ("accused of working with X, a group designated by the U.S.")
is asserted.
Constructed sentences in the shapes of news stories on the founding article's events; no evaluation text
is quoted."""

from __future__ import annotations

from extract import propose
from extract.mentions import Doc
from schema.quotes import fold


def _claims(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_a_party_saying_it_has_no_ties_denies_them() -> None:
    claims = _claims(
        'Omega Lab told reporters the warning had been "made on political grounds" and it had no ties to the '
        "Russian government."
    )
    assert ("firm:omega-lab", "alleged-tie-to", "country:ru", "denied") in claims
    assert not any(st == "asserted" and p == "alleged-tie-to" for _s, p, _o, st in claims)


def test_a_possible_relationship_is_alleged_not_asserted() -> None:
    claims = _claims(
        "Omega Lab is a Moscow-based antivirus provider with a long history of controversy over the company's "
        "possible relationship with the Russian government."
    )
    ties = {st for _s, p, o, st in claims if p == "alleged-tie-to" and o == "country:ru"}
    assert ties == {"alleged"}


def test_a_bodys_acronym_between_commas_is_that_body() -> None:
    claims = _claims(
        "Germany's Federal Office for Information Security, BSI, is warning companies against using Omega Lab "
        "antivirus products."
    )
    warned = {o for _s, p, o, _st in claims if p == "warned-against-by"}
    assert warned == {"agency:federal-office-for-information-security"}


def test_an_acronym_in_a_list_is_a_party_of_its_own() -> None:
    claims = _claims("Officials warned about firms like Huawei, ZTE, and other Chinese military companies.")
    assert {s for s, p, _o, _st in claims if p == "headquartered-in"} == {"firm:huawei", "firm:zte"}


def test_a_firms_unit_is_where_it_is_based_not_the_firm() -> None:
    claims = _claims(
        "The Commerce Department will also list two Russian units and one Omega Lab unit based in the United Kingdom."
    )
    assert not any(s == "firm:omega-lab" and p == "headquartered-in" for s, p, _o, _st in claims)


def test_a_subsidiary_named_after_its_parent_is_another_firm() -> None:
    claims = _claims(
        "Alpha Lab, Inc., an American subsidiary of Russia's Alpha Lab, will no longer be able to sell antivirus "
        "software in the United States."
    )
    assert ("firm:alpha-lab-inc", "subsidiary-of", "firm:alpha-lab", "asserted") in claims
    assert ("firm:alpha-lab", "headquartered-in", "country:ru", "asserted") in claims
    assert ("firm:alpha-lab-inc", "headquartered-in", "country:us", "asserted") in claims
    assert ("firm:alpha-lab-inc", "headquartered-in", "country:ru", "asserted") not in claims


def test_a_tie_on_charges_is_alleged() -> None:
    claims = _claims("The department listed Omega Lab UK on charges of cooperating with the Russian government.")
    assert {st for _s, p, o, st in claims if p == "alleged-tie-to" and o == "country:ru"} == {"alleged"}


def test_a_name_its_own_words_type_keeps_that_type_where_it_is_listed_with_persons() -> None:
    text = (
        "Officials said they are sanctioning Zetaservers, a bulletproof hosting services provider. Two Russian "
        "nationals who operated Zetaservers, Ivan Sergeyevich Petrov and Oleg Igorevich Sidorov, were sanctioned."
    )
    doc = Doc(text, fold(text), [])
    doc.find_mentions()
    assert {m.eid for m in doc.mentions if "zetaservers" in m.eid} == {"firm:zetaservers"}


def test_a_body_that_no_longer_sanctions_a_party_has_withdrawn_its_sanction():
    claims = propose("The UNSC no longer sanctions the Baghdad Commodity Exchange.").parsed.claims
    assert {(c.subject, c.object, c.stance.value) for c in claims if c.predicate.value == "sanctioned-by"} == {
        ("firm:baghdad-commodity-exchange", "organization:un-security-council", "retracted")
    }
    assert not propose("OFAC does not sanction Omega Bank.").parsed.claims


def test_a_boss_of_a_cartel_is_tied_to_it_and_is_the_one_the_designations_target():
    text = (
        "OFAC sanctioned eight people and two entities for their ties to a Mexican drug cartel. The designations "
        "target Sergio Ortega Ortega, a boss of the Sinaloa Cartel."
    )
    tuples = {(c.subject, c.predicate.value, c.object) for c in propose(text).parsed.claims}
    assert ("person:sergio-ortega-ortega", "sanctioned-by", "agency:us-ofac") in tuples
    assert ("person:sergio-ortega-ortega", "alleged-tie-to", "organization:sinaloa-cartel") in tuples
    assert not any(s == "organization:sinaloa-cartel" for s, p, _o in tuples if p == "sanctioned-by")


def test_a_description_in_apposition_after_an_accusation_is_asserted() -> None:
    claims = _claims(
        "The firms were accused of working with the Tarkan Cartel, a group designated by the U.S. government as a "
        "foreign terrorist organization."
    )
    assert ("organization:tarkan-cartel", "sanctioned-by", "country:us", "asserted") in claims
    assert not {c for c in claims if c[3] == "alleged" and c[1] == "sanctioned-by"}
