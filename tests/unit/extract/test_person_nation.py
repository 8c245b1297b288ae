"""A person's nation written before the name: "Albanian Sali Berisha", "Iranian Gen. Qassem Soleimani", "Bosnian
Serb leader Milorad Dodik" place the person as "Lebanese businessman X" already did; a capitalised "Civil War" or
"Gang Leader" names no person. Invented or public names in constructed sentences; no evaluation text is quoted."""

from __future__ import annotations

import pytest

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        ("The Treasury sanctioned Albanian Sali Berisha on Monday.", "person:sali-berisha", "country:al"),
        (
            "An airstrike killed Iranian Gen. Qassem Soleimani, the head of the Quds Force.",
            "person:qassem-soleimani",
            "country:ir",
        ),
        ("OFAC imposed sanctions on Bosnian Serb leader Milorad Dodik.", "person:milorad-dodik", "country:ba"),
        (
            "The State Department designated Venezuelan Defense Minister Vladimir Padrino Lopez.",
            "person:vladimir-padrino-lopez",
            "country:ve",
        ),
    ],
)
def test_a_nation_before_a_person_places_the_person(text: str, person: str, country: str) -> None:
    assert (person, "headquartered-in", country, "asserted") in _tuples(text)


def test_a_war_or_a_headline_post_is_no_person() -> None:
    found = _tuples("He spent time in Angola during the Angolan Civil War, OFAC said when it sanctioned him.")
    assert not {t for t in found if "civil-war" in t[0] + t[2]}
    found = _tuples("Haitian Gang Leader, 'Barbecue,' Targeted in UN Sanctions Resolution")
    assert not {t for t in found if "gang-leader" in t[0] + t[2]}


def test_a_headlines_firms_before_a_capitalised_phrase_place_no_person() -> None:
    found = _tuples("Chairman Smith Warns American Companies Doing Business with Huawei and ZTE to Use Another Vendor")
    assert not {t for t in found if t[1] == "headquartered-in" and t[0].startswith("person:")}


def test_a_letter_calling_for_sanctions_proposes_them() -> None:
    found = _tuples(
        "This week, House Foreign Affairs Committee Chairman Michael McCaul sent a letter to President Biden calling "
        "for a determination and sanction authorization on Hangzhou Hikvision Digital Technology Co., Ltd., a "
        "surveillance company."
    )
    assert not {t for t in found if t[1] == "sanctioned-by" and t[3] == "asserted"}
