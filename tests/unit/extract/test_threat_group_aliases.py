"""A threat group named before what it is and its other names between dashes: "The MuddyWater APT group — also known
as Earth Vetala, Seedworm, MERCURY, Static Kitten and TEMP.Zagros — has ..." is one group of six names ("APT" is no
word of its name; "Static Kitten and TEMP.Zagros" are two names, "Bank of Industry and Commerce" one). Public
threat-group names in constructed sentences; no evaluation text is quoted."""

from __future__ import annotations

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_a_groups_other_names_between_dashes() -> None:
    found = _tuples(
        "The MuddyWater APT group \u2014 also known as Earth Vetala, Seedworm, MERCURY, Static Kitten and "
        "TEMP.Zagros \u2014 has performed malicious cyber acts against government entities."
    )
    same = {frozenset((t[0], t[2])) for t in found if t[1] == "same-as"}
    names = {x.split(":")[1] for pair in same for x in pair}
    assert names == {"muddywater", "earth-vetala", "seedworm", "mercury", "static-kitten", "temp-zagros"}
    assert len(same) == 5


def test_where_and_ends_a_name_of_a_list() -> None:
    from extract.known_as import _list_and

    assert _list_and("Static Kitten and TEMP.Zagros") == len("Static Kitten")
    assert _list_and("Nil Fam Khazar Company and Santers Holding") == len("Nil Fam Khazar Company")
    assert _list_and("Bank of Industry and Commerce") is None


def test_an_agency_acting_in_a_country_is_no_part_of_it() -> None:
    found = _tuples(
        "The attack was intended to disrupt the analysis of chemicals weaponized by the GRU in the UK, the NCSC said."
    )
    assert ("agency:gru", "part-of", "country:gb", "asserted") not in found
    assert ("agency:us-bis", "part-of", "agency:us-commerce", "asserted") in _tuples(
        "The Bureau of Industry and Security (BIS) in the Department of Commerce added Acme Trading LLC to the Entity "
        "List."
    )
