"""Names in a list, as retellings of designations write them: "A (NDC), B Private Limited, C International and D
Enterprise" — the list's last "and" parts two names of two words each (but "Bank of Industry and Commerce" stays
one); a body opener ("National") is its name's when the acronym after it spells it; "These designations include,
among others, A"; "The designations target officials and entities playing key roles in disrupting EU border
security" names no target. Invented names; no evaluation text is quoted."""

from __future__ import annotations

from extract import propose

STATE = {"publisher": "U.S. Department of State"}


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, STATE).parsed.claims}


def test_the_last_and_of_a_list_parts_two_names() -> None:
    found = _tuples(
        "On 18 December 2024, the United States announced sanctions on four organisations under Executive Order "
        "(E.O.) 13382. The organisations named were the National Missile Complex (NMC), Akbar and Sons Private "
        "Limited, Affiliates Unlimited and Rockridge Enterprise."
    )
    subjects = {t[0] for t in found if t[1] == "sanctioned-by"}
    assert {"firm:affiliates-unlimited", "firm:rockridge-enterprise", "firm:akbar-and-sons-private-limited"} <= subjects
    assert any(s.endswith(":national-missile-complex") for s in subjects), subjects


def test_designations_include_among_others() -> None:
    found = _tuples(
        "These designations include, among others, state-owned tourism company Republican Unitary Enterprise "
        "Kurortal; and potash exporters."
    )
    assert ("firm:republican-unitary-enterprise-kurortal", "sanctioned-by", "agency:us-state", "asserted") in found


def test_designations_on_unnamed_officials_name_no_body_they_act_on() -> None:
    found = _tuples(
        "The designations target officials and entities playing key roles in disrupting EU border security and "
        "shipping weapons to conflict zones."
    )
    assert not {t for t in found if t[0] == "organization:eu"}
