"""Persons named without a title, in the shapes designation releases use (written from the genre,
not copied from any evaluation text): a given name tells a person from a firm where the text says
a party is designated, and the document's issuer may be "the Department"."""

from __future__ import annotations

import pytest

from extract import propose
from extract.names import COMMON
from extract.personal import person_shaped

STATE = "U.S. Department of State"
TREASURY = "U.S. Department of the Treasury"


def _found(text: str, publisher: str) -> set[tuple[str, str, str]]:
    parsed = propose(text, {"publisher": publisher}).parsed
    return {(c.subject, c.predicate.value, c.object) for c in parsed.claims}


@pytest.mark.parametrize(
    "name",
    [
        "Sergey Gorkov",
        "Mikhail Pavlovich Matveev",
        "Zhang Min",
        "Babak Morteza Zanjani",
        "Jürgen Müller",
        "Сергей Горьков",
    ],
)
def test_a_given_name_first_is_person_shaped(name: str) -> None:
    assert person_shaped(name, COMMON)


@pytest.mark.parametrize(
    "name",
    ["Severgroup", "Alpha Tech", "Nevada Spirit", "Parchin Chemicals Industries", "Russian Federation", "ZHANG Min"],
)
def test_one_word_firm_words_places_and_capitals_are_not(name: str) -> None:
    assert not person_shaped(name, COMMON)


def test_a_person_opening_the_sentence_is_designated_by_the_issuer() -> None:
    text = (
        "Ivan Petrovich Sidorov, the head of Omega Geo and a former executive of two banks, is being "
        "designated pursuant to E.O. 14024 for his involvement in the Government of the Russian Federation."
    )
    found = _found(text, STATE)
    assert ("person:ivan-petrovich-sidorov", "sanctioned-by", "agency:us-state") in found
    assert ("person:ivan-petrovich-sidorov", "restricted-under", "law:executive-order-14024") in found


def test_a_one_word_firm_opening_the_sentence_is_designated() -> None:
    text = "Omegagroup is being designated pursuant to E.O. 14024 for operating in the financial services sector."
    assert ("firm:omegagroup", "sanctioned-by", "agency:us-state") in _found(text, STATE)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "OFAC is designating Mohammad Reza Karimi, who directed the network's procurement.",
            "person:mohammad-reza-karimi",
        ),
        ("We are also designating Zhang Min, the general manager of Alpha Tech Co., Ltd.", "person:zhang-min"),
    ],
)
def test_designating_a_given_name_is_a_person_not_a_firm(text: str, subject: str) -> None:
    found = _found(text, TREASURY)
    assert any(s == subject and p == "sanctioned-by" for s, p, _ in found)
    assert not any(s == subject.replace("person:", "firm:") for s, _, _ in found)


def test_the_department_as_subject_is_the_documents_issuer() -> None:
    found = _found("The Department is also designating Dmitry Sergeyevich Volkov pursuant to E.O. 14024.", STATE)
    assert ("person:dmitry-sergeyevich-volkov", "sanctioned-by", "agency:us-state") in found
    assert ("person:dmitry-sergeyevich-volkov", "restricted-under", "law:executive-order-14024") in found


def test_a_short_name_defined_in_parentheses_stays_the_firms_alias() -> None:
    text = (
        "Alpha Tech Co., Ltd. (Alpha Tech) is a China-based maker of drone parts. Alpha Tech is being "
        "designated pursuant to E.O. 13224 for having materially assisted the IRGC."
    )
    found = _found(text, TREASURY)
    assert ("firm:alpha-tech-co-ltd", "sanctioned-by", "agency:us-treasury") in found
    assert not any(s == "firm:alpha-tech" for s, _, _ in found)


def test_a_role_as_a_common_noun_before_a_name_makes_a_person() -> None:
    text = "Treasury is also sanctioning Alpha Tech Co., Ltd. and its director, Ivan Petrovich Sidorov, pursuant to E.O. 13224."
    found = _found(text, TREASURY)
    assert ("person:ivan-petrovich-sidorov", "sanctioned-by", "agency:us-treasury") in found
    assert ("firm:alpha-tech-co-ltd", "restricted-under", "law:executive-order-13224") in found


def test_an_oligarch_his_yacht_and_his_family_name_alone() -> None:
    text = (
        "Authorities froze the Motor Yacht (M/Y) Aurora (the Aurora), a luxury yacht owned by sanctioned Russian "
        "oligarch Pavel Sergeyevich Orlov. Orlov was sanctioned by the U.S. Treasury Department in 2018."
    )
    found = _found(text, "U.S. Department of Justice")
    assert ("person:pavel-sergeyevich-orlov", "owns", "asset:aurora") in found
    assert ("person:pavel-sergeyevich-orlov", "sanctioned-by", "agency:us-treasury") in found
    assert ("person:pavel-sergeyevich-orlov", "headquartered-in", "country:ru") in found


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "OFAC designated Sergey Gorkov and Zhang Min pursuant to Executive Order 13662.",
            {"person:sergey-gorkov", "person:zhang-min"},
        ),
        (
            "OFAC designated Sergey Gorkov, Zhang Min and Babak Zanjani.",
            {"person:sergey-gorkov", "person:zhang-min", "person:babak-zanjani"},
        ),
        (
            "Treasury sanctioned Sergey Gorkov and Alpha Trading LLC.",
            {"person:sergey-gorkov", "firm:alpha-trading-llc"},
        ),
    ],
)
def test_two_whole_names_joined_by_and_are_two_parties(text: str, parties: set[str]) -> None:
    found = {s for s, p, _o in _found(text, TREASURY) if p == "sanctioned-by"}
    assert found == parties


def test_and_or_of_inside_one_firm_name_stays_inside() -> None:
    found = _found("OFAC designated Global Training Solutions Limited and Smartech Future Limited.", TREASURY)
    assert {s for s, _p, _o in found} == {"firm:global-training-solutions-limited", "firm:smartech-future-limited"}
    found = _found("OFAC designated the Agricultural Development Bank of China Co., Ltd. and its chairman.", TREASURY)
    assert {s for s, _p, _o in found} == {"firm:agricultural-development-bank-of-china-co-ltd"}


def test_what_only_a_person_does_types_a_bare_name_and_where_they_lived_is_as_the_sentence_says() -> None:
    text = (
        "WASHINGTON - Reza Karimi Tabrizi pleaded guilty Thursday to conspiring to export carbon fiber to Iran. "
        "According to the allegations in the indictment: Between 2009 and 2014, Tabrizi and his two "
        "codefendants, Hamid Jafari and Omid Ansari lived and worked in Iran."
    )
    parsed = propose(text, {"publisher": "U.S. Department of Justice"}).parsed
    lived = {(c.subject, c.stance.value) for c in parsed.claims if c.predicate.value == "headquartered-in"}
    assert lived == {
        ("person:reza-karimi-tabrizi", "alleged"),
        ("person:hamid-jafari", "alleged"),
        ("person:omid-ansari", "alleged"),
    }


def test_the_public_designation_of_a_described_person_by_the_speaking_secretary() -> None:
    found = _found(
        "Today, I am announcing the public designation of oligarch and former Moldovan public official Vlad "
        "Plahotniuc due to his involvement in significant corruption.",
        STATE,
    )
    assert ("person:vlad-plahotniuc", "sanctioned-by", "agency:us-state") in found
