"""Members a release names after a counted description, a paragraph each: "the Department of State is designating
five X leaders as SDGTs under E.O. 13224:" then "A is a senior X leader ...", "B, also known as C, is the chief of
X's intelligence wing ..." — each paragraph that opens on a party is a member (designated, under the law, tied to
the group); a paragraph of the text again ("Additionally, ...") ends the list. A group named by its militant posts
("an X leader", "five X leaders") is a group; "the cybercrime gang X" too. "designating two X leaders pursuant to
<law>, A and B" designates A and B; "the designations of the former Director of the X Authority A, current
Governor of the Y Bank B" designates A and B, not the bodies. Invented names; no evaluation text is quoted."""

from __future__ import annotations

from extract import propose

STATE = {"publisher": "U.S. Department of State"}

_TEXT = (
    "Today, the Department of State is designating three al-Tarkan leaders as Specially Designated Global "
    "Terrorists (SDGTs) under Executive Order (E.O.) 13224, as amended:\n\n"
    "Omar Halif is a senior al-Tarkan leader responsible for the group's strategic decision-making.\n\n"
    "Yusuf Ahmed Dirie Warsame, also known as Abu Dirie, is the chief of al-Tarkan's intelligence wing.\n\n"
    "Hamid Abdi Nur is an al-Tarkan leader and was part of the cell that planned the 2019 attack.\n\n"
    "Additionally, Rashid Omar Farah is a former driver who was not designated today.\n"
)


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, STATE).parsed.claims}


def test_each_paragraph_after_the_colon_that_opens_on_a_party_is_a_member() -> None:
    found = _tuples(_TEXT)
    for person in ["omar-halif", "yusuf-ahmed-dirie-warsame", "hamid-abdi-nur"]:
        assert (f"person:{person}", "sanctioned-by", "agency:us-state", "asserted") in found
        assert (f"person:{person}", "restricted-under", "law:executive-order-13224", "asserted") in found
        assert (f"person:{person}", "alleged-tie-to", "organization:al-tarkan", "asserted") in found
    assert ("person:yusuf-ahmed-dirie-warsame", "same-as", "person:abu-dirie", "asserted") in found
    assert not {t for t in found if "rashid" in t[0] and t[1] == "sanctioned-by"}


def test_a_group_named_by_its_posts_and_a_gang_are_groups() -> None:
    found = _tuples("The Department of State is designating Yasir Jamal, an al-Tarkan leader.")
    assert ("person:yasir-jamal", "alleged-tie-to", "organization:al-tarkan", "asserted") in found
    found = _tuples("The United States is designating seven members of the Russia-based cybercrime gang Trickbolt.")
    assert ("organization:trickbolt", "headquartered-in", "country:ru", "asserted") in found


def test_members_named_after_the_law_when_the_object_is_a_groups_leaders() -> None:
    found = _tuples(
        "We are designating two Tarkan leaders pursuant to Executive Order 13611, “Blocking Property of Persons "
        "Threatening the Peace,” Mansur Al-Sabri and Ahmad Ali Hassan al-Hamdi."
    )
    for person in ["mansur-al-sabri", "ahmad-ali-hassan-al-hamdi"]:
        assert (f"person:{person}", "sanctioned-by", "agency:us-state", "asserted") in found
        assert (f"person:{person}", "restricted-under", "law:executive-order-13611", "asserted") in found


def test_a_designation_of_a_post_holder_named_after_the_body_of_the_post() -> None:
    found = _tuples(
        "Today the United States is announcing the designations of the former Director of the Tarkan Civil Aviation "
        "Authority Edgar Melgar, current Governor of the Tarkan Central Bank Jorge Bogar, and current Deputy "
        "Minister Vicente Ferrar for their involvement in significant corruption."
    )
    assert ("person:edgar-melgar", "sanctioned-by", "country:us", "asserted") in found
    assert ("person:jorge-bogar", "sanctioned-by", "country:us", "asserted") in found
    assert not {t for t in found if t[0].startswith("organization:") and t[1] == "sanctioned-by"}


def test_a_country_that_names_a_body_does_not_sanction_it() -> None:
    found = _tuples(
        "  • In August, sanctions will be reimposed on:\n"
        "    • Iran’s automotive sector.\n"
        "  • The other sanctions will be reimposed in November, including sanctions on:\n"
        "    • Iran’s petroleum-related transactions.\n"
        "    • Transactions by foreign banks with the Central Bank of Iran.\n"
    )
    assert ("organization:central-bank-of-iran", "sanctioned-by", "country:ir", "asserted") not in found
    assert ("firm:acme-trading-llc", "sanctioned-by", "country:ir", "asserted") in _tuples(
        "Iran sanctioned Acme Trading LLC."
    )
