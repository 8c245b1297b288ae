"""A country's possessive before a name ("Russia's X", "Colombia's X cartel", "Mexico's state-owned energy company,
X") is where the party is, and the name keeps the context before the possessive ("sanctioned Russia's X": X is the
one sanctioned); a description set off by dashes ("X\u2014a Hong Kong shipping corporation\u2014") is one as after a
comma; "X was added to the Entity List" types X as "X was designated" does. A post's words ("Iran's Defense
Attach\u00e9 in Beijing, Y") are no firm, and a foreign state's body after its country's possessive is no party
based there. Invented or public names in constructed sentences; no evaluation text is quoted."""

from __future__ import annotations

import pytest

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


@pytest.mark.parametrize(
    ("text", "party", "country", "actor"),
    [
        ("OFAC sanctioned Russia's Sovcomflot.", "firm:sovcomflot", "country:ru", "agency:us-ofac"),
        (
            "Treasury sanctioned Colombia's Norte Cartel.",
            "organization:norte-cartel",
            "country:co",
            "agency:us-treasury",
        ),
        ("Treasury sanctioned Syria's Bashar Assad.", "person:bashar-assad", "country:sy", "agency:us-treasury"),
        (
            "OFAC sanctioned Mexico's state-owned energy company, Petróleos Mexicanos (Pemex).",
            "firm:petroleos-mexicanos",
            "country:mx",
            "agency:us-ofac",
        ),
        ("OFAC sanctioned China's telecoms giant Zhonglian.", "firm:zhonglian", "country:cn", "agency:us-ofac"),
        (
            "Harbourline\u2014a Hong Kong shipping corporation\u2014was sanctioned by OFAC.",
            "firm:harbourline",
            "country:hk",
            "agency:us-ofac",
        ),
    ],
)
def test_a_party_after_its_countrys_possessive_or_a_dashed_description(
    text: str, party: str, country: str, actor: str
) -> None:
    found = _tuples(text)
    assert (party, "headquartered-in", country, "asserted") in found
    assert (party, "sanctioned-by", actor, "asserted") in found


def test_a_one_word_name_added_to_a_list_is_a_firm() -> None:
    assert ("firm:zhonglian", "listed-on", "list:us-bis-entity-list", "asserted") in _tuples(
        "Zhonglian was added to the Entity List."
    )


def test_a_post_after_a_countrys_possessive_is_no_firm() -> None:
    found = _tuples(
        "Today's actions include the designation of Iran's Defense Attach\u00e9 in Beijing, Davoud Rahimi, who "
        "coordinated procurement for Iranian end-users."
    )
    assert not {t for t in found if "attach" in t[0]}


def test_a_foreign_state_body_after_its_countrys_possessive_is_not_based_there() -> None:
    found = _tuples(
        "The investigation was coordinated with the Government of Mexico, including the Unidad de Inteligencia "
        "Financiera, Mexico's Financial Intelligence Unit."
    )
    assert not {t for t in found if t[1] == "headquartered-in"}
