"""A party a US-government text describes as sanctioned or designated, as such texts word it (invented names): "X, a
sanctioned Iranian airline", "X, the sanctioned Venezuelan oil company", "X is a sanctioned military firm", "X, which is
a designated terrorist organization": sanctioned by the United States; the description also types the name a firm;
"sanctions against Bosnian Serb leader X", "sanctions on oligarch X": X a person, the words before no firm."""

from __future__ import annotations

from extract import propose

DOJ = {"publisher": "U.S. Department of Justice"}


def _claims(text: str, meta: dict[str, str]) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, meta).parsed.claims}


def test_a_party_described_as_sanctioned() -> None:
    text = (
        "The aircraft belongs to Tarkan Air, a sanctioned Iranian airline. "
        "Petrolera del Sur, S.A. (PDS), the sanctioned Venezuelan state-owned oil company, paid. "
        "Polar Communications Industries is a sanctioned Iranian military firm."
    )
    found = _claims(text, DOJ)
    for firm in ("firm:tarkan-air", "firm:petrolera-del-sur-s-a", "firm:polar-communications-industries"):
        assert (firm, "sanctioned-by", "country:us", "asserted") in found
    assert ("firm:tarkan-air", "headquartered-in", "country:ir", "asserted") in found


def test_a_group_described_as_a_designated_terrorist_organization() -> None:
    found = _claims("The funds went to the Tarkan Brigade, which is a designated terrorist organization.", DOJ)
    assert ("organization:tarkan-brigade", "sanctioned-by", "country:us", "asserted") in found


def test_sanctioned_by_someone_else_is_no_description() -> None:
    found = _claims("Tarkan Air, an airline sanctioned by the European Union, flew to Minsk.", DOJ)
    assert ("firm:tarkan-air", "sanctioned-by", "country:us", "asserted") not in found


def test_sanctions_on_a_person_a_news_story_describes_first() -> None:
    text = (
        "The U.S. Treasury Department has imposed financial sanctions against Tarkanian Serb leader Vuk Dragan. "
        "Treasury also imposed sanctions on Russian oligarch Oleg Varnek."
    )
    found = _claims(text, {"publisher": "Voice of America"})
    assert ("person:vuk-dragan", "sanctioned-by", "agency:us-treasury", "asserted") in found
    assert ("person:oleg-varnek", "sanctioned-by", "agency:us-treasury", "asserted") in found
    assert not any(s.startswith("firm:") for s, _, _, _ in found)  # "Tarkanian Serb" is no firm


def test_two_businesses_a_colon_lists_are_two_firms() -> None:
    text = (
        "Treasury designated two Tarkanian businesses linked to the ruling party: Hidra Trust and Blue Sea Trading "
        "Corporation."
    )
    found = _claims(text, {"publisher": "U.S. Department of the Treasury"})
    assert ("firm:hidra-trust", "sanctioned-by", "agency:us-treasury", "asserted") in found
    assert ("firm:blue-sea-trading-corporation", "sanctioned-by", "agency:us-treasury", "asserted") in found
    assert not any("and-blue-sea" in s for s, _, _, _ in found)


def test_a_group_identified_as_a_foreign_terrorist_organization() -> None:
    text = "On February 20, 2025, the U.S. Department of State identified the Tarkan Brigade as an FTO."
    found = _claims(text, {"publisher": "U.S. Department of the Treasury"})
    assert ("organization:tarkan-brigade", "sanctioned-by", "agency:us-state", "asserted") in found
