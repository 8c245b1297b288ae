"""A headline quoted inside a sentence ('warning, "China Starts Buying U.S.-Sanctioned Russian Gas, Defying
Trump"') names its parties only by strong cues, as a headline line does; the words between two quotations
('..." said X of the Justice Department's National Security Division. "...') are no headline. A headline's verb
ends a titled name ("Rep. Jim Banks Introduces 5 Bills": Jim Banks). An Arabic article written apart ("Mohammed
al Otaibi", "Ayman al Zawahiri") stays inside the name. A demonym is no firm's short form ("Russian" after
"Russian LNG"). A detention order is an order CBP issues, its words after it no law's name.
Constructed sentences in the shapes of congressional, State, DOJ and CBP releases; no evaluation text is quoted."""

from __future__ import annotations

import pytest

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def _ids(text: str) -> set[str]:
    return {e.id for e in propose(text).parsed.entities}


def test_a_quoted_headline_names_no_firm_by_its_capitals():
    text = "Market analysts and headlines are warning, “China Starts Buying U.S.-Sanctioned Russian Gas, Defying Trump”"
    assert not {i for i in _ids(text) if i.startswith("firm:")}
    assert not _tuples(text)


def test_the_words_between_two_quotations_are_no_headline():
    text = (
        "“The airline violated U.S. export control laws,” said Assistant Attorney General Jane Q. Doe of the Justice "
        "Department’s National Security Division. “The Justice Department will enforce the law.”"
    )
    assert ("agency:national-security-division", "part-of", "agency:us-doj", "asserted") in _tuples(text)


def test_a_headlines_verb_ends_a_titled_name():
    text = (
        "Rep. Jim Banks Introduces 5 Bills to Counter Chinese Communist Party Aggression\n\n"
        "WASHINGTON—Today, Rep. Jim Banks (R-IN) introduced several bills.\n\n"
        "Rep. Banks was a member of the House China Task Force in the 116th Congress."
    )
    ids = _ids(text)
    assert "person:jim-banks" in ids
    assert "person:jim-banks-introduces" not in ids


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        (
            "The State Department has designated Mohammed al Otaibi for his involvement in gross violations of human "
            "rights.",
            ("person:mohammed-al-otaibi",),
        ),
        (
            "Treasury sanctioned Ayman al Zawahiri and Abu Bakr al Baghdadi.",
            ("person:ayman-al-zawahiri", "person:abu-bakr-al-baghdadi"),
        ),
    ],
)
def test_an_arabic_article_written_apart_stays_in_the_name(text: str, persons: tuple[str, ...]):
    ids = _ids(text)
    for person in persons:
        assert person in ids
    assert "firm:mohammed" not in ids


def test_a_demonym_is_no_firms_short_form():
    text = (
        "Warren asked whether China’s flouting of U.S. sanctions on a flagship Russian energy project will end the "
        "pause. Analysts warned that buyers can buy sanctioned Russian LNG cargo without consequence."
    )
    assert not {t for t in _tuples(text) if t[1] == "sanctioned-by"}


def test_a_detention_order_is_cbps_order_and_no_law_named_after_it():
    text = "CBP Issues Detention Order on Hair Products Manufactured with Forced Labor in China"
    ids = _ids(text)
    assert "law:detention-order" in ids
    assert not {i for i in ids if i.startswith("law:order-on")}
