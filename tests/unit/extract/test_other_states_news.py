"""News of other states' measures: sanctions imposed "as part of" a union or "in coordination with" a partner fall on
no partner; officials "from President X's regime" are not X; "The individuals added to the list are responsible
for ..." names no members, and the body members are named after ("members of the National Assembly, A and B") is
none of them, while A and B are persons; a tie "with all stakeholders in X" or "ties to identify loopholes in X" is
no tie to X; those who "face the ban" are not banned by the one who says so; a Korean given name keeps its hyphened
syllable ("Kim Jong-un", "Ri Song-chol"). Invented or public names in constructed sentences; no evaluation text is
quoted."""

from __future__ import annotations

import pytest

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


@pytest.mark.parametrize(
    "text",
    [
        "Britain has previously imposed sanctions as part of the European Union or under the auspices of the "
        "United Nations.",
        "Canada imposed sanctions together with the European Union.",
    ],
)
def test_a_partner_in_a_measure_is_not_its_target(text: str) -> None:
    assert not {t for t in _tuples(text) if t[1] == "sanctioned-by"}


def test_a_partner_named_before_the_target_leaves_the_target() -> None:
    assert ("firm:acme-trading-llc", "sanctioned-by", "country:gb", "asserted") in _tuples(
        "Britain imposed sanctions in coordination with the United States on Acme Trading LLC."
    )


def test_officials_of_a_leaders_regime_are_not_the_leader() -> None:
    found = _tuples(
        "The Council of the European Union imposed sanctions on 19 officials, including generals and judges from "
        "President Nicolas Morales's regime."
    )
    assert not {t for t in found if t[0] == "person:nicolas-morales"}


def test_members_named_after_their_body_and_a_reason_that_names_none() -> None:
    found = _tuples(
        "The Council of the European Union imposed sanctions on 19 Venezuelan officials. \u201cThe individuals added "
        "to the list are responsible for undermining the democratic functioning of the National Assembly,\u201d the "
        "Council said. The individuals include top military commander Remigio Ceballos; and members of the National "
        "Assembly, Jose Brito and Jose Gutierrez."
    )
    for person in ["remigio-ceballos", "jose-brito", "jose-gutierrez"]:
        assert (f"person:{person}", "sanctioned-by", "organization:eu-council", "asserted") in found
    assert not {t for t in found if "national-assembly" in t[0]}


@pytest.mark.parametrize(
    "text",
    [
        "\u201cThe EU will continue to engage and work with all stakeholders in Venezuela,\u201d it said.",
        "Foreign Minister Park Jin pledged closer Seoul-Washington ties to identify loopholes in United Nations "
        "Security Council resolutions.",
    ],
)
def test_a_tie_to_unnamed_ones_in_a_place_is_no_tie_to_it(text: str) -> None:
    assert not {t for t in _tuples(text) if t[1] == "alleged-tie-to"}


def test_those_who_face_a_ban_are_not_banned_by_the_speaker() -> None:
    found = _tuples(
        "Four programmers and seven entities associated with North Korea\u2019s top military intelligence agency -- "
        "the Reconnaissance General Bureau -- face the ban, Seoul\u2019s Foreign Ministry said Friday."
    )
    assert not {t for t in found if t[1] == "banned-by"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("OFAC sanctioned Kim Jong-un.", "person:kim-jong-un"),
        ("Treasury sanctioned North Korean official Ri Song-chol.", "person:ri-song-chol"),
    ],
)
def test_a_korean_given_name_keeps_its_hyphened_syllable(text: str, person: str) -> None:
    assert any(t[0] == person and t[1] == "sanctioned-by" for t in _tuples(text))


def test_a_compound_after_a_country_is_no_name() -> None:
    found = _tuples("OFAC sanctioned an Iran-run network and a Mali-born financier.")
    assert not {t for t in found if t[0].startswith("person:")}


def test_a_regulator_named_by_its_short_name_bans_a_party_barred_from_doing_something() -> None:
    found = _tuples(
        "In 2020, Swedish telecom regulator PTS unexpectedly banned Zhonglian from supplying 5G equipment to Swedish "
        "mobile firms."
    )
    assert ("firm:zhonglian", "banned-by", "agency:pts", "asserted") in found


def test_a_person_barred_from_doing_something_is_a_person() -> None:
    assert ("person:ivan-petrov", "banned-by", "agency:us-fcc", "asserted") in _tuples(
        "The FCC barred Ivan Petrov from holding a licence."
    )


def test_a_countrys_tie_is_its_own_not_the_sentences_subjects() -> None:
    found = _tuples(
        "The step comes after Prime Minister Taro Kimura reaffirmed the policy following Russia's increased "
        "cooperation with North Korea."
    )
    assert ("country:ru", "alleged-tie-to", "country:kp", "asserted") in found
    assert not {t for t in found if t[0] == "person:taro-kimura"}


def test_a_purpose_after_a_tie_word_is_no_tie() -> None:
    found = _tuples(
        "The Department of State is imposing visa restrictions on 910 individuals, including Russia's proxies for "
        "violating Ukraine's sovereignty."
    )
    assert not {t for t in found if t[1] == "alleged-tie-to"}


def test_names_among_those_indicted_by_an_agency_are_acted_against() -> None:
    found = _tuples(
        "The spies, Alexey Minin and Oleg Sotnikov, were among the seven GRU officers indicted by the US Justice "
        "Department on Thursday."
    )
    for person in ["alexey-minin", "oleg-sotnikov"]:
        assert ("agency:us-doj", "acted-against", f"person:{person}", "asserted") in found


def test_a_group_described_after_its_name_is_a_group_and_where_it_is() -> None:
    found = _tuples(
        "The mixer laundered hundreds of millions of dollars for the Cobalt Group, the sanctioned North Korean "
        "cybercrime organization."
    )
    assert ("organization:cobalt-group", "headquartered-in", "country:kp", "asserted") in found
    assert not {t for t in found if t[0].startswith("firm:")}


@pytest.mark.parametrize(
    "text",
    [
        "The Justice Department announced the unsealing of an Indictment charging ROMAN KOVAL and ROMAN SEMYONOV "
        "with conspiracy to commit money laundering.",
        "The Justice Department announced an indictment charging Roman Koval and Roman Semyonov with conspiracy.",
    ],
)
def test_an_indictment_charging_persons_acts_against_them(text: str) -> None:
    found = _tuples(text)
    for person in ["roman-koval", "roman-semyonov"]:
        assert ("agency:us-doj", "acted-against", f"person:{person}", "asserted") in found


def test_a_state_backed_group_named_after_its_state_is_tied_to_it() -> None:
    found = _tuples(
        "Second, NCSC assesses it is almost certain that the China state-affiliated Advanced Persistent Threat Group "
        "31 (APT31) conducted reconnaissance activity against UK parliamentarians."
    )
    assert ("organization:advanced-persistent-threat-group-31", "alleged-tie-to", "country:cn", "asserted") in found


def test_authors_who_highlight_the_threat_a_party_poses_each_warn_against_it() -> None:
    found = _tuples("CISA, Treasury, and FBI highlight the cyber threat posed by Cobalt Typhoon.")
    for agency in ["agency:us-cisa", "agency:us-treasury", "agency:us-fbi"]:
        assert ("organization:cobalt-typhoon", "warned-against-by", agency, "asserted") in found
