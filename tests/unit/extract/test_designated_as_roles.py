"""A party designated "as a financier of X" is the one designated (the words after "as" describe them, never
make them X's people, as "X financiers" does); a person named after a post of a body ("the Vice President of
the Supreme Court of Justice, X", "a Deputy of the National Assembly, X", "a Chief of the National Police in
Leon, X") is a person, and the one a designation names, however long the body's name; a name that "is the
head of" a firm is a person's, whatever its given name ("Jong In Chol"), and a person's name in a list of firms
is a person's; "The six sanctioned companies are: A, B, China-based C, and Hong Kong-based D" names the four
the text's sanctioner sanctioned; "X (XX) and its subsidiary, Y": Y is X's subsidiary; "front companies for
Department 53, with Chonsurim ..." ties them to no one the text names (the name after the comma is not the one);
"the U.S.-sanctioned Iranian firm A and its subsidiary, B": the description is A's, not B's.
Constructed sentences in the shapes of Treasury releases (names of development texts' shapes); no held-out
text is used."""

from __future__ import annotations

import pytest

from extract import propose
from extract.meta import ArticleMeta


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


@pytest.mark.parametrize(
    "text",
    [
        "Treasury designated Kassim Tajideen as a financier of Hezbollah.",
        "Treasury designated Kassim Tajideen as an important financial contributor to Hizballah.",
    ],
)
def test_a_party_designated_as_someones_financier_is_designated(text: str):
    assert ("person:kassim-tajideen", "sanctioned-by", "agency:us-treasury", "asserted") in _tuples(text)


def test_a_groups_financiers_are_not_the_group():
    assert not _tuples("Treasury sanctioned Hizballah financiers and Hamas officials.")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Treasury designated the Vice President of the Nicaraguan Supreme Court of Justice, Marvin Ramiro Aguilar "
            "Garcia.",
            "person:marvin-ramiro-aguilar-garcia",
        ),
        (
            "Treasury designated a Deputy of the National Assembly, Walmaro Antonio Gutierrez Mercado.",
            "person:walmaro-antonio-gutierrez-mercado",
        ),
        (
            "Treasury designated a Chief of the Nicaraguan National Police in Leon, Fidel De Jesus Dominguez Alvarez.",
            "person:fidel-de-jesus-dominguez-alvarez",
        ),
    ],
)
def test_the_person_named_after_a_post_of_a_body_is_the_one_designated(text: str, person: str):
    assert (person, "sanctioned-by", "agency:us-treasury", "asserted") in _tuples(text)


def test_a_name_heading_a_firm_is_a_persons_and_a_persons_name_beside_firms_too():
    text = (
        "OFAC sanctioned Korea Osong Shipping Company, Chonsurim Trading Corporation, Jong In Chol, and Song Kyong "
        "Sik. Jong In Chol is the head of Chonsurim Trading Corporation."
    )
    found = _tuples(text)
    for person in ("person:jong-in-chol", "person:song-kyong-sik"):  # "Jong" is no given name rigour knows
        assert (person, "sanctioned-by", "agency:us-ofac", "asserted") in found
    assert ("person:jong-in-chol", "alleged-tie-to", "firm:chonsurim-trading-corporation", "asserted") in found
    assert not {t for t in found if t[0] in {"firm:jong-in-chol", "firm:song-kyong-sik"}}


def test_the_n_sanctioned_companies_are_the_ones_listed():
    text = (
        "Treasury Sanctions Chinese and Hong Kong Entities\n\nThe entities helped procure drone components, the "
        "Treasury Department said.\n\nThe companies allegedly acted as fronts.\n\nThe department said more.\n\n"
        "The six sanctioned companies are: Dingtai Industrial Technology Co "
        "Limited, Yonghongan Trade Limited, China-based Shenzhen Zhiyu International Trade Co Ltd (Shenzhen Zhiyu), "
        "and Hong Kong-based JP Oriental International Holdings Limited."
    )
    meta = ArticleMeta(
        title="Treasury Sanctions Chinese and Hong Kong Entities", publisher="U.S. Department of the Treasury"
    )
    found = {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, meta).parsed.claims}
    for firm in (
        "firm:dingtai-industrial-technology-co-limited",
        "firm:yonghongan-trade-limited",
        "firm:shenzhen-zhiyu-international-trade-co-ltd",
        "firm:jp-oriental-international-holdings-limited",
    ):
        assert (firm, "sanctioned-by", "agency:us-treasury", "asserted") in found


def test_a_subsidiary_named_after_its_parents_acronym_is_its_subsidiary():
    text = (
        "The entities procured parts on behalf of the Iranian firm Pishtazan Kavosh Gostar Boshra (PKGB) and its "
        "subsidiary, Narin Sepehr Mobin Isatis (NSMI)."
    )
    assert (
        "firm:narin-sepehr-mobin-isatis",
        "subsidiary-of",
        "firm:pishtazan-kavosh-gostar-boshra",
        "asserted",
    ) in _tuples(text)


def test_a_tie_to_a_name_not_read_is_no_tie_to_the_next_name():
    text = (
        "Korea Osong Shipping Company and Chonsurim Trading Corporation were identified as front companies for "
        "Department 53, with Chonsurim operating a North Korean IT delegation in Laos."
    )
    assert not {t for t in _tuples(text) if t[1] == "alleged-tie-to"}
    linked = _tuples(
        "Ford risks supporting Alpha Battery Co., Ltd., a company linked to the genocide in Xinjiang, China."
    )
    assert ("firm:alpha-battery-co-ltd", "alleged-tie-to", "country:cn", "asserted") in linked


def test_a_description_before_a_firm_covers_not_its_subsidiary_named_after_it():
    found = _tuples(
        "The entities procured parts on behalf of the U.S.-sanctioned Iranian firm Pishtazan Kavosh Gostar Boshra "
        "(PKGB) and its subsidiary, Narin Sepehr Mobin Isatis (NSMI)."
    )
    assert ("firm:pishtazan-kavosh-gostar-boshra", "sanctioned-by", "country:us", "asserted") in found
    assert ("firm:pishtazan-kavosh-gostar-boshra", "headquartered-in", "country:ir", "asserted") in found
    assert not {t for t in found if t[0] == "firm:narin-sepehr-mobin-isatis" and t[1] != "subsidiary-of"}
    designated = _tuples("Treasury designated Alpha Holding Ltd. and its subsidiary, Beta Trading LLC.")
    assert ("firm:beta-trading-llc", "sanctioned-by", "agency:us-treasury", "asserted") in designated
