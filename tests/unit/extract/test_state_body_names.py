"""More of a state's bodies as the genre names them (invented contexts): a possessive after the country's
acronym in parentheses, a possessive over two bodies joined by "and", and "People's" inside a name."""

from __future__ import annotations

from extract import propose


def _part_of(text: str) -> set[tuple[str, str]]:
    return {(c.subject, c.object) for c in propose(text).parsed.claims if c.predicate.value == "part-of"}


def test_a_possessive_after_the_countrys_acronym_in_parentheses() -> None:
    text = "The report covers the Democratic People's Republic of Korea (DPRK)'s Reconnaissance General Bureau (RGB)."
    assert ("agency:reconnaissance-general-bureau", "country:kp") in _part_of(text)


def test_a_possessive_reaches_both_bodies_joined_by_and_and_peoples_is_part_of_a_name() -> None:
    text = "The firm sold tools to China's Ministry of State Security and People's Liberation Army."
    found = _part_of(text)
    assert ("agency:ministry-of-state-security", "country:cn") in found
    assert ("organization:people-s-liberation-army", "country:cn") in found
    assert not any("liberation-army" in s and "people" not in s for s, _ in found)
