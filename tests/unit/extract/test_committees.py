"""Congressional committees as the genre names them (invented contexts): "X Committee on Y" is one
body, what it is "on" is its topic and no owner, and its subpoenas investigate."""

from __future__ import annotations

from extract import propose
from extract.foreign import foreign_body
from extract.mentions import Doc
from extract.text import decode
from schema.quotes import fold


def _mentions(text: str) -> list[str]:
    doc = Doc(text, fold(decode(text)), [])
    doc.find_mentions()
    return [m.eid for m in doc.mentions]


def test_a_committee_on_a_topic_is_one_body_and_not_the_topics_state() -> None:
    assert _mentions("The Senate Committee on Foreign Relations met.") == [
        "organization:senate-committee-on-foreign-relations"
    ]
    assert _mentions("Today the House Committee on Homeland Security and the FBI met the firm.") == [
        "organization:house-committee-on-homeland-security",  # not DHS, and "and the FBI" is another body
        "agency:us-fbi",
    ]
    assert not foreign_body("House Select Committee on China")
    assert foreign_body("Pakistan Atomic Energy Commission")


def test_a_committees_subpoenas_investigate_the_firms_they_go_to() -> None:
    text = (
        "The House Select Committee on Russia has issued subpoenas to two state-owned carriers, Volga Link Co., "
        "Ltd. and Ural Mobile Co., Ltd., after they failed to respond."
    )
    found = {(c.subject, c.predicate.value, c.object) for c in propose(text).parsed.claims}
    assert ("firm:volga-link-co-ltd", "investigated-by", "organization:house-select-committee-on-russia") in found
    assert ("firm:ural-mobile-co-ltd", "investigated-by", "organization:house-select-committee-on-russia") in found
