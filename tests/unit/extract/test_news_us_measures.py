"""News of US measures as wire stories tell them: sanctions "from the U.S." after "an invasion of its neighbor" are no
invasion of the U.S.; "conspired with others" and "limit the influence of X" are no ties; "designated ... as posing a
threat to national security" is a regulator's bar; "is moving towards imposing sanctions on X" is a measure weighed;
"blacklisting A, chairman of B or C (CC)" falls on A, not on B or C by any of its names; a description in a relative
clause after an accusation ("..., which is blacklisted by the United States") is asserted; a wire service's
dateline "(AP) —" is no party; "the Commerce Committee" is no department; a headline's "to Combat Ransomware" names no
group; "which worked with the FBI to issue the sanctions, said ... President X" puts no sanction on X. Invented or
public names in constructed sentences; no evaluation text is quoted."""

from __future__ import annotations

import pytest

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_an_invasion_of_an_unnamed_neighbour_invades_no_one_named_later() -> None:
    found = _tuples(
        "Russia launched a full-scale invasion of its neighbor in February and has committed atrocities that "
        "sparked a wave of new sanctions from the U.S. and its allies."
    )
    assert not {t for t in found if t[1] == "invaded"}


@pytest.mark.parametrize(
    "text",
    [
        "Park Jin Ho conspired with others to conduct attacks that stole $81 million from a bank in Bangladesh.",
        "It follows the blueprint used by Washington in its attempt to limit the influence of Zhonglian "
        "Technologies Co.",
    ],
)
def test_no_tie_to_unnamed_others_or_to_what_is_curbed(text: str) -> None:
    assert not {t for t in _tuples(text) if t[1] == "alleged-tie-to"}


def test_designated_as_posing_a_threat_is_a_regulators_bar() -> None:
    found = _tuples(
        "The Federal Communications Commission in March 2021 had designated five Chinese companies, including "
        "Zhonglian, as posing a threat to national security under a 2019 law."
    )
    assert ("firm:zhonglian", "banned-by", "agency:us-fcc", "asserted") in found
    assert not {t for t in found if t[1] == "sanctioned-by"}


def test_moving_towards_sanctions_is_weighing_them() -> None:
    found = _tuples(
        "The United States is moving towards imposing sanctions on Chinese video surveillance company Zhonglian, "
        "the Financial Times reported."
    )
    assert ("country:us", "considering-action-against", "firm:zhonglian", "asserted") in found
    assert not {t for t in found if t[1] == "sanctioned-by" and t[3] == "asserted"}


def test_a_chairman_blacklisted_is_not_his_body_by_any_of_its_names() -> None:
    found = _tuples(
        "The US Treasury Department said it was blacklisting Falih al-Fayyad, chairman of the Iraqi Hashed "
        "al-Shaabi or Popular Mobilisation Forces (PMF), a network of armed groups."
    )
    assert ("person:falih-al-fayyad", "sanctioned-by", "agency:us-treasury", "asserted") in found
    assert not {t for t in found if t[0].startswith("organization:") and t[1] == "sanctioned-by"}


def test_a_relative_clause_after_an_accusation_is_asserted() -> None:
    found = _tuples(
        "On Friday, the Treasury accused Fayyad of working with the support of the Quds Force, which is blacklisted "
        "by the United States."
    )
    assert ("organization:quds-force", "sanctioned-by", "country:us", "asserted") in found


def test_a_wire_services_dateline_is_no_party() -> None:
    found = _tuples(
        "WASHINGTON (AP) \u2014 A computer programmer accused of working at the behest of the North Korean "
        "government was charged Thursday."
    )
    assert not {t for t in found if t[0] == "organization:ap"}


def test_a_congressional_committee_named_after_a_department_is_not_the_department() -> None:
    found = _tuples(
        "\u201cWe have a relationship with China,\u201d said Thune, who is ranking member of the Commerce "
        "Committee\u2019s Subcommittee on Communications."
    )
    assert not {t for t in found if "agency:us-commerce" in (t[0], t[2])}


def test_a_headlines_infinitive_names_no_group() -> None:
    found = _tuples(
        "Treasury Sanctions First Cryptocurrency Exchange to Combat Ransomware\n"
        "The Treasury Department sanctioned Kestrel Exchange LLC, a cryptocurrency exchange."
    )
    assert not {t for t in found if "ransomware" in t[0]}


def test_a_sanction_issued_by_a_clause_that_said_more_is_on_no_one_named_after() -> None:
    found = _tuples(
        "Treasury, which worked with the FBI to issue the sanctions, said the action is part of a plan, a message "
        "President Joe Biden also delivered in remarks before the United Nations General Assembly Tuesday."
    )
    assert not {t for t in found if t[1] == "sanctioned-by"}


def test_the_officials_we_are_sanctioning_are_not_the_victim_named_after() -> None:
    found = _tuples(
        "\u201cThe Saudi officials we are sanctioning were involved in the abhorrent killing of Jamal Khashoggi.\u201d"
    )
    assert not {t for t in found if t[1] == "sanctioned-by"}


def test_a_headlines_capitalised_members_word_holds_its_group() -> None:
    found = _tuples(
        "Treasury and Partners Sanction Taliban Facilitators and their Iranian Supporters\n"
        "Today, Treasury designated Abdul Rahim Manan for acting for or on behalf of the Taliban."
    )
    assert not {t for t in found if t[0] == "organization:taliban" and t[1] == "sanctioned-by"}


def test_a_measure_mulled_is_proposed() -> None:
    found = _tuples("US mulls blacklisting Zhonglian to curb China\u2019s chip advance, Bloomberg News says\nText.")
    assert not {t for t in found if t[1] == "sanctioned-by" and t[3] == "asserted"}


def test_members_of_parliament_named_after_their_party_are_persons() -> None:
    found = _tuples(
        "Specifically, OFAC designated Hizballah Members of Parliament Amin Sherif and Muhammad Hasan Rad, and "
        "Hizballah security official Wafiq Safi, for acting for or on behalf of Hizballah."
    )
    for person in ["amin-sherif", "muhammad-hasan-rad"]:
        assert (f"person:{person}", "sanctioned-by", "agency:us-ofac", "asserted") in found
    assert not {t for t in found if "parliament" in t[0]}


def test_a_stance_word_inside_a_closed_quotation_is_the_quotations() -> None:
    found = _tuples(
        "\u201cWe are stepping up our efforts to make Japan retract its economic attack,\u201d South Korean Prime "
        "Minister Lee Nak-yon told government officials."
    )
    assert not {t for t in found if t[3] == "retracted"}
