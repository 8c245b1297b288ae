"""Where a party is and who holds a post in it, as US-government releases word it (invented names): a person's age and
town after the names the person also goes by ('X, aka "Y," aka "Z," 58, of Minsk, Belarus'); a group's or a firm's post
holder named after the post ("the Tarkan Brigade and its leader, X"), a person tied to it; a state body's head holds an
office, no tie."""

from __future__ import annotations

from extract import propose

DOJ = {"publisher": "U.S. Department of Justice"}
TREASURY = {"publisher": "U.S. Department of the Treasury"}


def _claims(text: str, meta: dict[str, str]) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, meta).parsed.claims}


def test_a_persons_age_and_town_after_the_names_the_person_goes_by() -> None:
    text = (
        "Oleg Varnek Tamsin, aka “Oleg T. Varnek,” aka “Varnek Oleg,” 58, of Minsk, Belarus, was convicted today. "
        'Anna Rusk, also known as "Annie," 41, of Almaty, Kazakhstan, pleaded guilty.'
    )
    found = _claims(text, DOJ)
    assert ("person:oleg-varnek-tamsin", "headquartered-in", "country:by", "asserted") in found
    assert ("person:anna-rusk", "headquartered-in", "country:kz", "asserted") in found


def test_a_groups_post_holder_is_tied_to_it_and_is_a_person() -> None:
    found = _claims("Treasury designated the Tarkan Brigade and its leader, Rashid Al-Mahdi.", TREASURY)
    assert ("person:rashid-al-mahdi", "alleged-tie-to", "organization:tarkan-brigade", "asserted") in found
    assert not any(s == "organization:rashid-al-mahdi" for s, _, _, _ in found)
    found = _claims("OFAC designated Polar Trading LLC and its director, Ivan Sorokin.", TREASURY)
    assert ("person:ivan-sorokin", "alleged-tie-to", "firm:polar-trading-llc", "asserted") in found


def test_the_head_of_a_states_body_holds_an_office_not_a_tie() -> None:
    text = "Ivan Sorokin, the head of the Atomic Research Organization of Belarus, was designated today."
    found = _claims(text, TREASURY)
    assert not any(p == "alleged-tie-to" and o.endswith("of-belarus") for _, p, o, _ in found)


def test_a_post_the_country_gave_named_after_the_person() -> None:
    found = _claims("Tomas Varga Lund, the former president of Moldova, was charged today.", DOJ)
    assert ("person:tomas-varga-lund", "alleged-tie-to", "country:md", "asserted") in found
    found = _claims("John Varga, the former ambassador of the United States, spoke.", DOJ)
    assert not any(o == "country:us" and p == "alleged-tie-to" for _, p, o, _ in found)


def test_a_firm_named_in_han_script_and_its_director() -> None:
    text = "Treasury designated 北极贸易有限公司 (Polar Trading Co., Ltd.) and its director, Wang Lei."
    found = _claims(text, TREASURY)
    assert ("person:wang-lei", "alleged-tie-to", "firm:polar-trading-co-ltd", "asserted") in found
