"""Official texts as the genre words them (invented names): a party named in a relative clause about
another ("A, which supplies B with parts, was designated") is not the one acted on or the one
acting; a body acting "pursuant to" a law enforces it; a firm's charter and seat as legal texts give
them ("organized under the laws of", "with headquarters in"); a parent named after a possessive;
"EO 13920" is an executive order."""

from __future__ import annotations

from extract import propose

TREASURY = {"publisher": "U.S. Department of the Treasury"}


def _claims(text: str, meta: dict[str, str] = TREASURY) -> set[tuple[str, str, str]]:
    return {(c.subject, c.predicate.value, c.object) for c in propose(text, meta).parsed.claims}


def test_a_party_in_a_relative_clause_is_not_the_one_designated() -> None:
    found = _claims("Acme Rotors Corp, which supplies Beta Castings Ltd with parts, was designated today.")
    assert ("firm:acme-rotors-corp", "sanctioned-by", "agency:us-treasury") in found
    assert not any(s == "firm:beta-castings-ltd" and p == "sanctioned-by" for s, p, _ in found)
    found = _claims("Kappa Avionics Industries, which falls under Iran's Ministry of Defense, was designated.")
    assert ("firm:kappa-avionics-industries", "sanctioned-by", "agency:us-treasury") in found
    assert not any(p == "sanctioned-by" and s.endswith("ministry-of-defense") for s, p, _ in found)
    # two parties in the clause
    found = _claims(
        "Acme Rotors Corp, which sells drones to Beta Castings Ltd and Gamma Forge LLC, was designated by OFAC."
    )
    assert {s for s, p, _ in found if p == "sanctioned-by"} == {"firm:acme-rotors-corp"}


def test_the_body_acting_is_not_the_one_its_relative_clause_names() -> None:
    found = _claims("OFAC, which is part of the Treasury Department, designated Acme Rotors Corp.")
    assert ("firm:acme-rotors-corp", "sanctioned-by", "agency:us-ofac") in found
    assert ("firm:acme-rotors-corp", "sanctioned-by", "agency:us-treasury") not in found


def test_a_relative_clauses_party_is_no_object_of_the_main_verb() -> None:
    found = _claims("Executive Order 13920, which President Trump issued in 2020, bans imports.")
    assert not any(p == "targets" for _, p, _ in found)


def test_a_body_acting_pursuant_to_a_law_administers_it() -> None:
    found = _claims("FinCEN is issuing notice of an order, pursuant to the Combating Russian Money Laundering Act.")
    assert ("agency:us-fincen", "administers", "law:combating-russian-money-laundering-act") in found
    found = _claims(
        "These orders are the first actions by FinCEN pursuant to the Fentanyl Sanctions Act and the FEND Off Fentanyl Act."
    )
    assert ("agency:us-fincen", "administers", "law:fentanyl-sanctions-act") in found
    assert ("agency:us-fincen", "administers", "law:fend-off-fentanyl-act") in found
    # the closing line of a release: the publisher acts
    found = _claims(
        "Today's action is being taken pursuant to Executive Order 13224, as amended.",
        {"publisher": "U.S. Department of State"},
    )
    assert ("agency:us-state", "administers", "law:executive-order-13224") in found
    # the designated party is restricted under the law, it does not administer it
    found = _claims("OFAC designated Acme Rotors Corp pursuant to Executive Order 13224.")
    assert ("firm:acme-rotors-corp", "restricted-under", "law:executive-order-13224") in found
    assert not any(p == "administers" and s == "firm:acme-rotors-corp" for s, p, _ in found)


def test_a_firms_charter_and_seat_as_legal_texts_give_them() -> None:
    found = _claims(
        "Lotus Venture Fund Corporation Limited, a corporation organized under the laws of the People's Republic of China, bought it."
    )
    assert ("firm:lotus-venture-fund-corporation-limited", "headquartered-in", "country:cn") in found
    found = _claims(
        "Zephyr Media Ltd., a firm incorporated in the Cayman Islands with headquarters in Beijing, China, owns Zephyr."
    )
    assert ("firm:zephyr-media-ltd", "headquartered-in", "country:ky") in found
    assert ("firm:zephyr-media-ltd", "headquartered-in", "country:cn") in found
    # the seat's country is no party that owns anything
    assert not any(p == "owns" and s == "country:cn" for s, p, _ in found)


def test_a_parent_named_after_a_possessive() -> None:
    text = (
        "Orchid Holdings Limited (Orchid) signed the agreement. "
        "Orchid's parent company Lantern Capital Fund Corporation Limited approved it."
    )
    found = _claims(text)
    assert ("firm:orchid-holdings-limited", "subsidiary-of", "firm:lantern-capital-fund-corporation-limited") in found


def test_eo_and_a_number_is_an_executive_order() -> None:
    found = _claims("President Trump issued EO 13920 on May 1, 2020.", {"publisher": "U.S. Department of Energy"})
    assert ("law:executive-order-13920", "enacted-by", "person:trump") in found


def test_the_body_designated_pursuant_to_a_law_does_not_administer_it() -> None:
    found = _claims(
        "We are designating the military regime's State Administrative Council pursuant to Executive Order 14014.",
        {"publisher": "U.S. Department of State"},
    )
    assert not any(p == "administers" for _, p, _ in found)


def test_a_takeover_order_names_a_firm_with_a_place_in_parentheses_and_its_law_is_no_ban() -> None:
    text = (
        "Sec. 2. Actions Ordered. Considering the factors described in subsection 721(f) of the Defense Production "
        "Act of 1950, I hereby order that: (a) The acquisition of Lumen Stay, Inc. by Orchid (Hong Kong) Ltd. is "
        "hereby prohibited."
    )
    found = _claims(text, {"publisher": "The White House"})
    assert not any(s.startswith("law:defense-production-act") and p == "targets" for s, p, _ in found)
    found = _claims("Its subsidiary Orchid (Hong Kong) Ltd., a Hong Kong limited company, signed.")
    assert ("firm:orchid-hong-kong-ltd", "headquartered-in", "country:hk") in found
