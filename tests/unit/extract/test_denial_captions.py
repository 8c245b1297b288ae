"""Denial orders, designations and floor statements as the genres word them (invented names): "temporarily
denying, for a period of 180 days, the export privileges under the Regulations of: A, B, and C", issued by the
bureau that acts "through its Office of Export Enforcement"; "A and B are Russian nationals"; "X, commonly
referred to as Y, as a Foreign Terrorist Organization" is a group named twice; "add X to the so-called Entity
List"; "CCP-backed technology companies, like A and B"."""

from __future__ import annotations

from extract import propose

BIS = {"publisher": "Bureau of Industry and Security"}


def _claims(text: str, meta: dict[str, str] = BIS) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, meta).parsed.claims}


def test_a_denial_orders_caption_names_each_respondent_banned_by_the_bureau() -> None:
    text = (
        "Pursuant to section 766.24 of the Export Administration Regulations, the Bureau of Industry and Security "
        '("BIS"), U.S. Department of Commerce, through its Office of Export Enforcement ("OEE"), has requested the '
        "issuance of an Order temporarily denying, for a period of 180 days, the export privileges under the "
        "Regulations of: Pavel Andreyevich Korin, Ilya Sergeyevich Lapin, and ORB Parts, LLC. Korin and Lapin are "
        "Russian nationals."
    )
    found = _claims(text)
    for party in ("person:pavel-andreyevich-korin", "person:ilya-sergeyevich-lapin", "firm:orb-parts-llc"):
        assert (party, "banned-by", "agency:us-bis", "asserted") in found
        assert not any(s == party and p == "banned-by" and o != "agency:us-bis" for s, p, o, _ in found)
    assert ("person:pavel-andreyevich-korin", "headquartered-in", "country:ru", "asserted") in found
    assert ("person:ilya-sergeyevich-lapin", "headquartered-in", "country:ru", "asserted") in found


def test_a_group_designated_under_two_names_is_an_organization() -> None:
    text = (
        "I'm pleased to announce the Department's designation of Zarqalla, commonly referred to as the Ridgemen, "
        "as a Foreign Terrorist Organization."
    )
    found = _claims(text, {"publisher": "U.S. Department of State"})
    assert ("organization:zarqalla", "sanctioned-by", "agency:us-state", "asserted") in found
    assert ("organization:zarqalla", "same-as", "organization:ridgemen", "asserted") in found


def test_a_so_called_list_and_examples_after_a_backer() -> None:
    text = (
        "The Department of Commerce said they would formally add Wuhan-based QMTC and 35 other Chinese companies to "
        "the so-called Entity List. I have long sounded the alarm on the threats posed by QMTC and other CCP-backed "
        "technology companies, like ZXMT and VMIC."
    )
    found = _claims(text, {"publisher": "U.S. Senate"})
    assert ("firm:qmtc", "listed-on", "list:us-bis-entity-list", "proposed") in found
    assert ("firm:zxmt", "alleged-tie-to", "organization:chinese-communist-party", "asserted") in found
    assert ("firm:vmic", "alleged-tie-to", "organization:chinese-communist-party", "asserted") in found
