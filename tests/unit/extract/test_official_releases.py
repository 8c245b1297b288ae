"""Official releases in the words they use: "assessed a $110,003,314 civil money penalty today against X" acts against
X, by the body that assessed it, not the one it worked "in coordination with"; "The bipartisan legislation was
introduced in February by Chairman A and Rep. B" names the proposers of the law the text last named. Invented or
public names in constructed sentences; no evaluation text is quoted."""

from __future__ import annotations

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_a_penalty_in_many_words_acts_against_its_target_by_the_body_that_assessed_it() -> None:
    found = _tuples(
        "WASHINGTON\u2014The Financial Crimes Enforcement Network (FinCEN), working in coordination with the U.S. "
        "Attorney\u2019s Office for the Northern District of California, assessed a $110,003,314 civil money penalty "
        "today against Kestrel Exchange Corporation for willfully violating U.S. anti-money laundering laws."
    )
    assert ("agency:us-fincen", "acted-against", "firm:kestrel-exchange-corporation", "asserted") in found
    assert not {t for t in found if t[1] == "acted-against" and t[0] != "agency:us-fincen"}


def test_a_bill_named_by_its_common_noun_was_introduced_by_its_proposers() -> None:
    found = _tuples(
        "Today, the House Foreign Affairs Committee passed the Nuclear Trade Prevention Act (H.R. 905). The "
        "bipartisan legislation was introduced in February by Chairman Ed Rowan and Rep. Eliot Engstrom (D-NY)."
    )
    for person in ["ed-rowan", "eliot-engstrom"]:
        assert ("law:nuclear-trade-prevention-act", "proposed-by", f"person:{person}", "asserted") in found


def test_the_offices_of_a_releases_announcers_do_not_act() -> None:
    found = _tuples(
        "Damian Walsh, the United States Attorney for the Southern District of New York, Christopher Ray, the "
        "Director of the Federal Bureau of Investigation (\u201cFBI\u201d), and James Smithe, the Assistant Director "
        "in Charge of the New York Field Office of the FBI, announced the unsealing of an Indictment charging ROMAN "
        "KOVAL and ROMAN SEMYONOV with conspiracy to commit money laundering."
    )
    assert not {t for t in found if t[1] == "acted-against"}


def test_a_body_named_with_its_department_still_acts() -> None:
    found = _tuples(
        "Today, as part of a settlement agreement, the Department of Commerce\u2019s Bureau of Industry and Security "
        "(BIS) imposed a civil penalty of $500,000 against Kestrel Wafers U.S. Inc."
    )
    assert ("agency:us-bis", "acted-against", "firm:kestrel-wafers-u-s-inc", "asserted") in found


def test_removal_from_terrorist_lists_is_no_ban_and_splinter_groups_are_not_their_parent() -> None:
    found = _tuples(
        "On November 30, 2021, the Biden administration announced that it would remove the Revolutionary Armed "
        "Forces of Colombia (FARC) from the Foreign Terrorist Organizations (FTO) and Specially Designated Global "
        "Terrorists (SDGT) lists. However, the State Department announced that it would designate as FTOs two FARC "
        "splinter groups and their leaders."
    )
    assert not {t for t in found if t[0] == "organization:revolutionary-armed-forces-of-colombia"}


def test_a_law_the_unnamed_president_signed_is_the_white_houses() -> None:
    found = _tuples("On August 13, 2018, the President signed into law the Secure Harbors Act of 2018.")
    assert ("law:secure-harbors-act-of-2018", "enacted-by", "agency:us-white-house", "asserted") in found


def test_a_laws_title_names_the_state_it_targets() -> None:
    found = _tuples(
        "President Biden signed an Executive Order Targeting the Harmful Foreign Activities of the Belarusian "
        "Government."
    )
    assert any(t[1] == "targets" and t[2] == "country:by" for t in found)


def test_a_delisting_under_an_order_withdraws_the_measure() -> None:
    found = _tuples(
        "The Secretary of State has decided to revoke the designation of the Kestrel Front (KF) as a Foreign "
        "Terrorist Organization and to delist the KF as a Specially Designated Global Terrorist under Executive "
        "Order 13224."
    )
    assert not {t for t in found if t[1] == "restricted-under" and t[3] != "retracted"}


def test_an_office_is_no_person() -> None:
    found = _tuples("The bill would impose sanctions on Iran's Supreme Leader and on the President of Iran.")
    assert not {t for t in found if t[0].startswith("person:supreme")}
