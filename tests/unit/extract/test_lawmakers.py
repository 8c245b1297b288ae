"""Lawmakers as congressional releases name them (written from the genre, not copied from any
evaluation text): a middle initial inside a name, the party and state after it, a title or a
body's acronym before it, and the sponsors of a law named with "cosponsors of X with A and B"."""

from __future__ import annotations

from extract import propose
from extract.mentions import Doc
from schema.quotes import fold


def _mentions(text: str) -> dict[str, str]:
    doc = Doc(text, fold(text), [])
    doc.find_mentions()
    return {doc.norm[m.start : m.end]: m.eid for m in doc.mentions}


def _found(text: str) -> set[tuple[str, str, str]]:
    return {(c.subject, c.predicate.value, c.object) for c in propose(text).parsed.claims}


def test_a_lawmaker_with_a_middle_initial_party_and_state_is_one_person() -> None:
    found = _mentions("The statement was issued by Representatives Mary K. Hollins (D-OH) and Tom Reyes (R-TX).")
    assert found.get("Mary K. Hollins") == "person:mary-k-hollins"
    assert found.get("Tom Reyes") == "person:tom-reyes"
    assert "D-OH" not in found and "R-TX" not in found  # a party and state is no alias of anyone


def test_a_title_and_a_bodys_acronym_before_a_name_are_not_part_of_it() -> None:
    found = _mentions("The bill was written with former CECC Chairs Daniel Okafor (R-FL) and Ruth Adler (D-MA).")
    assert found.get("Daniel Okafor") == "person:daniel-okafor"
    assert not any("chairs" in eid for eid in found.values())


def test_an_acronym_after_a_country_that_ends_a_longer_name_is_not_the_countrys() -> None:
    found = _mentions(
        "The Congressional-Executive Commission on China (CECC) held a hearing. The CECC said the "
        "People's Republic of China (PRC) denies it. The PRC answered."
    )
    assert "CECC" not in found  # the commission's, not China's
    assert found.get("PRC") == "country:cn"


def test_the_cosponsors_of_a_law_and_those_it_was_written_with() -> None:
    text = (
        "Senator Alan Brooks was the lead cosponsor of the Fair Ports Act with Senators Nina Patel (D-NY) and "
        "Carl Young (R-UT)."
    )
    found = _found(text)
    law = "law:fair-ports-act"
    for person in ("person:alan-brooks", "person:nina-patel", "person:carl-young"):
        assert (law, "proposed-by", person) in found


def test_a_bill_s_cosponsors_named_with_dotted_party_states_after_it_was_introduced() -> None:
    text = (
        "U.S. Representative Jane Doerr (R-Fla.) today introduced the Keep Zenvo on the Entity List Act, "
        "legislation which would keep Zenvo Technologies Co. on the entity list, to counter CCP-Controlled Zenvo.\n\n"
        "Several of Doerr's colleagues joined in introducing this legislation, including U.S. Representatives "
        "Matt Gable (R-Fla.), Brian Bolin (R-Texas), and Ruth Crane (D-R.I.). Other cosponsors include U.S. "
        "Representative Ronny Jarvis (R-Texas.)"
    )
    parsed = propose(text).parsed
    found = {(c.subject, c.predicate.value, c.object) for c in parsed.claims}
    law = "law:keep-zenvo-on-the-entity-list-act"
    for person in ("jane-doerr", "matt-gable", "brian-bolin", "ruth-crane", "ronny-jarvis"):
        assert (law, "proposed-by", f"person:{person}") in found
    assert ("organization:chinese-communist-party", "owns", "firm:zenvo-technologies-co") in found  # its short form
    assert not any("R-Fla" in a for e in parsed.entities for a in e.aliases)  # a party and state, no alias


def test_bills_led_or_introduced_alongside_other_lawmakers_named_with_districts() -> None:
    text = (
        "Congresswoman Clara Tenner (NY-24) introduced three bills.\n"
        "First, Congresswoman Tenner led H.R. 748, or the Stop Zenvo Infrastructure Act, alongside Congresswoman "
        "Abigail Spanner (VA-7), which prohibits contracts to entities affiliated with the CCP, or those "
        "headquartered in China.\n"
        "Next, H.R. 747, or the No Zenvo Subterfuge via Unregistered Presence (SURPRISE) Parties Act, was introduced "
        "by Congresswoman Tenner alongside Senator Marco Rubio (R-FL) and Congressman Max Millman (OH-7). "
        "Senator Rubio said so."
    )
    parsed = propose(text).parsed
    found = {(c.subject, c.predicate.value, c.object, c.stance.value) for c in parsed.claims}
    first, second = (
        "law:stop-zenvo-infrastructure-act",
        "law:no-zenvo-subterfuge-via-unregistered-presence-surprise-parties-act",
    )
    for law, people in (
        (first, ("clara-tenner", "abigail-spanner")),
        (second, ("clara-tenner", "marco-rubio", "max-millman")),
    ):
        for person in people:
            assert (law, "proposed-by", f"person:{person}", "asserted") in found
    assert (first, "targets", "organization:chinese-communist-party", "proposed") in found  # a bill introduced
    assert not any(p == "headquartered-in" for _, p, _, _ in found)  # "those headquartered in China" are unnamed
    assert not any(e.id == "person:senator-rubio" for e in parsed.entities)  # Marco Rubio's short form
    assert not any("NY-24" in a for e in parsed.entities for a in e.aliases)
