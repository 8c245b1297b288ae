"""A foreign state's body is that state's agency unless the text puts it under a measure; then it
is an organization, as the annotators of the evaluation sets read it (extract.bodies)."""

from __future__ import annotations

from extract import propose


def _claims(text: str) -> set[tuple[str, str, str]]:
    parsed = propose(text).parsed
    return {(c.subject, c.predicate.value, c.object) for c in parsed.claims}


def test_a_foreign_ministry_that_is_only_named_is_an_agency_of_its_state() -> None:
    found = _claims("Hormuz Marine Services Co. was established by Iran's Ministry of Economy.")
    assert ("agency:ministry-of-economy", "part-of", "country:ir") in found
    assert ("firm:hormuz-marine-services-co", "alleged-tie-to", "agency:ministry-of-economy") in found
    assert not any("organization:ministry-of-economy" in (s, o) for s, _, o in found)


def test_a_foreign_ministry_under_sanctions_stays_an_organization() -> None:
    found = _claims("OFAC designated Iran's Ministry of Defense and Armed Forces Logistics.")
    body = "organization:ministry-of-defense-and-armed-forces-logistics"
    assert (body, "sanctioned-by", "agency:us-ofac") in found
    assert (body, "part-of", "country:ir") in found


def test_a_body_a_measure_falls_on_in_another_sentence_stays_an_organization() -> None:
    found = _claims(
        "The Atomic Energy Organization of Iran runs the program. "
        "Today the Department of State designated the Atomic Energy Organization of Iran."
    )
    assert ("organization:atomic-energy-organization-of-iran", "sanctioned-by", "agency:us-state") in found
    assert not any(s.startswith("agency:atomic") for s, _, _ in found)
