"""A designation made with allies (invented target): each ally's body is its state's, named with or
without the commas of its official name, and the target's description may hold an acronym."""

from __future__ import annotations

from extract import propose

TEXT = (
    "Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC), Australia's Department of "
    "Foreign Affairs and Trade, and the United Kingdom's Foreign Commonwealth and Development Office are jointly "
    "designating Quillhost, a Russia-based bulletproof hosting (BPH) services provider."
)


def _claims() -> set[tuple[str, str, str]]:
    parsed = propose(TEXT, {"publisher": "U.S. Department of the Treasury"}).parsed
    return {(c.subject, c.predicate.value, c.object) for c in parsed.claims}


def test_an_allys_department_or_office_is_part_of_its_state() -> None:
    found = _claims()
    assert ("agency:department-of-foreign-affairs-and-trade", "part-of", "country:au") in found
    # the registry's "Foreign, Commonwealth and Development Office", written without its comma
    assert ("agency:uk-fcdo", "part-of", "country:gb") in found
    assert ("firm:quillhost", "sanctioned-by", "agency:uk-fcdo") in found


def test_a_description_with_an_acronym_still_says_where_the_firm_is() -> None:
    assert ("firm:quillhost", "headquartered-in", "country:ru") in _claims()


def test_a_states_own_body_is_never_sanctioned_by_that_state() -> None:
    parsed = propose(
        "U.S. Sanctions on Belarus (CRS Report for Congress)\n\nSanctions are a central element of U.S. policy.",
        {"publisher": "Congressional Research Service"},
    ).parsed
    assert not any(
        c.subject == "organization:us-congress" and c.predicate.value == "sanctioned-by" for c in parsed.claims
    )


def test_examples_of_a_lists_entries_are_listed_and_placed_and_a_trades_community_is_no_firm() -> None:
    parsed = propose(
        "OFAC Advisory to the Maritime Freight Shipping Community\n\nThose who knowingly provide significant "
        "support to an Iranian person on OFAC's List of Specially Designated Nationals and Blocked Persons (SDN "
        "List), such as the Tabriz Oil Company (TOC), the Qeshm Tanker Company (QTC), and the Kish Shipping "
        "Lines (KSL) — are at serious risk.",
        {"publisher": "Office of Foreign Assets Control"},
    ).parsed
    found = {(c.subject, c.predicate.value, c.object) for c in parsed.claims}
    for firm in ("firm:tabriz-oil-company", "firm:qeshm-tanker-company", "firm:kish-shipping-lines"):
        assert (firm, "listed-on", "list:us-ofac-sdn") in found  # the list's long name is the registry's SDN List
        assert (firm, "headquartered-in", "country:ir") in found
    assert not any("maritime" in e.id for e in parsed.entities)
