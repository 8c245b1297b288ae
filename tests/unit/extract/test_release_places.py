"""Enforcement releases as the genre words them (invented names): where a party is, after its name ("X, of
Litchfield, Conn.," with the AP style's state abbreviation, "X, 30, of Kaliningrad, Russia"); such a name is a
party even without a legal form; "B/E Aerospace" is one name; "denied X's export privileges" is a ban by
the regulator; "in connection with" is no tie; "X, a former employee of a Y subsidiary based in Taiwan"
places the subsidiary, not X."""

from __future__ import annotations

from extract import propose
from extract.towns import us_state_at

BIS = {"publisher": "Bureau of Industry and Security"}


def _claims(text: str) -> set[tuple[str, str, str]]:
    return {(c.subject, c.predicate.value, c.object) for c in propose(text, BIS).parsed.claims}


def test_a_town_and_its_state_after_a_name_place_the_party_in_the_united_states() -> None:
    found = _claims(
        "QRT Avionics, of Litchfield, Conn., a division of H/K Aerospace, of Wellington, Fla., agreed to pay."
    )
    assert ("firm:qrt-avionics", "headquartered-in", "country:us") in found
    assert ("firm:h-k-aerospace", "headquartered-in", "country:us") in found
    assert ("person:dale-hurst", "headquartered-in", "country:us") in _claims(
        "Dale Hurst, 45, of Tulsa, Okla., was charged."
    )
    assert ("person:oleg-varin", "headquartered-in", "country:ru") in _claims(
        "Oleg Varin, 30, of Kaliningrad, Russia, was charged."
    )
    # the state Georgia is named by its abbreviation only: "Georgia" alone stays the country
    assert ("firm:vexa-labs-llc", "headquartered-in", "country:ge") in _claims(
        "Vexa Labs LLC, of Tbilisi, Georgia, was fined."
    )
    assert us_state_at("Ga., and", 0) == 3
    assert us_state_at("Georgia, and", 0) is None


def test_denying_a_partys_export_privileges_is_a_ban_by_the_regulator() -> None:
    found = _claims(
        "In addition, the Department of Commerce also denied Kestrel Parts Inc.'s export privileges for three years."
    )
    assert ("firm:kestrel-parts-inc", "banned-by", "agency:us-commerce") in found


def test_in_connection_with_is_no_tie() -> None:
    found = _claims(
        "Kestrel Parts Inc. pled guilty to a charge that it violated U.S. export controls in connection with its "
        "export of aircraft parts to Iran in 1992."
    )
    assert not any(p == "alleged-tie-to" for _, p, _ in found)


def test_a_bodys_name_stops_before_an_officers_title() -> None:
    from extract.mentions import Doc
    from schema.quotes import fold

    text = "said CBP Office of Trade Acting Executive Assistant Commissioner Dana R. Hollis."
    norm = fold(text)
    doc = Doc(text, norm, [])
    doc.find_mentions()
    found = {(m.eid, norm[m.start : m.end]) for m in doc.mentions}
    assert ("agency:office-of-trade", "Office of Trade") in found
    assert ("person:dana-r-hollis", "Dana R. Hollis") in found


def test_based_in_after_a_noun_of_the_description_places_that_noun_not_the_person() -> None:
    text = "Kenny Wong, a former employee of a Micron subsidiary based in Taiwan, was charged."
    assert not {c for c in propose(text, BIS).parsed.claims if c.predicate.value == "headquartered-in"}
    text = "Acme Trading LLC, a supplier of drone parts based in China, was added."
    found = {(c.subject, c.predicate.value, c.object) for c in propose(text, BIS).parsed.claims}
    assert ("firm:acme-trading-llc", "headquartered-in", "country:cn") in found
