"""Public designations as the State Department words them (written from the genre, not copied from
any evaluation text): a relative named by kinship is a person, "the following members of X's
immediate family: his wife, A, his daughter, B, and his son, C" designates each, and "This
designation is made under <Law>" is the law of the text's designations, before and after it."""

from __future__ import annotations

import pytest

from extract import propose

_LAW = "law:section-7031-c-of-the-department-of-state-foreign-operations-and-related-programs-appropriations-act-2022"

_RELEASE = (
    "Today, I am announcing the public designation of former Moldovan official Petru Vasilescu due to his "
    "involvement in significant corruption.\n\n"
    "This designation is made under Section 7031(c) of the Department of State, Foreign Operations, and "
    "Related Programs Appropriations Act, 2022. In addition to Petru Vasilescu, I am publicly designating the "
    "following members of Petru Vasilescu's immediate family: his wife, Elena Vasilescu, his daughter, Ana "
    "Vasilescu, and his son, Victor Vasilescu. This action renders them ineligible for entry into the United "
    "States."
)


def _found(text: str, publisher: str | None = "U.S. Department of State") -> set[tuple[str, str, str]]:
    parsed = propose(text, {"publisher": publisher} if publisher else None).parsed
    return {(c.subject, c.predicate.value, c.object) for c in parsed.claims}


def test_relatives_designated_with_the_official_under_the_texts_law() -> None:
    found = _found(_RELEASE)
    for person in ("petru-vasilescu", "elena-vasilescu", "ana-vasilescu", "victor-vasilescu"):
        assert (f"person:{person}", "sanctioned-by", "agency:us-state") in found
        assert (f"person:{person}", "restricted-under", _LAW) in found
    assert not any("united-states" in s or s.startswith("country:") for s, _, _ in found)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The sanctions also cover his wife, Olga Smirnova, who owns the villa.", "person:olga-smirnova"),
        ("Her husband Karim Haddad was not designated.", "person:karim-haddad"),
        ("Treasury also identified their daughters, Mira Sokolova and Lena Sokolova.", "person:mira-sokolova"),
    ],
)
def test_a_relative_named_by_kinship_is_a_person(text: str, person: str) -> None:
    from extract.mentions import Doc
    from schema.quotes import fold

    norm = fold(text)
    doc = Doc(text, norm, [])
    doc.find_mentions()
    assert person in {m.eid for m in doc.mentions}


def test_a_law_stated_after_the_designation_and_none_before_a_law_of_its_own() -> None:
    text = (
        "The Department of State is designating Omar Haddad.\n\n"
        "These designations are made pursuant to Executive Order 13224. The Department is also designating "
        "Rami Saleh pursuant to Executive Order 13382."
    )
    found = _found(text)
    assert ("person:omar-haddad", "restricted-under", "law:executive-order-13224") in found
    assert ("person:rami-saleh", "restricted-under", "law:executive-order-13382") in found
    assert ("person:rami-saleh", "restricted-under", "law:executive-order-13224") not in found


def test_an_appropriations_acts_year_is_part_of_its_title() -> None:
    from extract.patterns import LAW_ACT_RE

    def acts(text: str) -> list[str]:
        return [m.group(0) for m in LAW_ACT_RE.finditer(text)]

    assert acts("under the Consolidated Appropriations Act, 2021, and the rule") == [
        "Consolidated Appropriations Act, 2021"
    ]
    assert acts("the Appropriations Act, 2020, 2021 and 2022") == ["Appropriations Act"]  # a list of years
    assert acts("the Export Control Reform Act, 2018 amendments") == ["Export Control Reform Act"]


def test_todays_action_taken_under_a_law_and_a_foreign_ministry_named_with_its_country() -> None:
    text = (
        "Today, the United States is imposing sanctions on Omid Rahimi, an Iranian national, and Kaveh Trading Co. "
        "for supporting "
        "Iran's Ministry of Defense and Armed Forces Logistics.\n\n"
        "Today's action is being taken pursuant to Executive Order (E.O.) 13382."
    )
    found = _found(text, None)
    for party in ("person:omid-rahimi", "firm:kaveh-trading-co"):
        assert (party, "sanctioned-by", "country:us") in found
        assert (party, "restricted-under", "law:executive-order-13382") in found
    # Iran's, not a US agency; supported, not sanctioned here: an agency of Iran (extract.bodies)
    ministry = "agency:ministry-of-defense-and-armed-forces-logistics"
    assert (ministry, "part-of", "country:ir") in found


def test_orders_under_two_laws_on_firms_named_with_mexican_legal_forms() -> None:
    text = (
        "Treasury Takes First Actions Under Clean Ports Act\n\n"
        "Today, FinCEN issued orders that prohibit certain transmittals of funds involving three Mexico-based "
        "institutions: Banco Azteca Norte S.A., Institución de Banca Múltiple (Azteca), and Valor Casa de Bolsa, "
        "S.A. de C.V. (Valor). These orders are the first actions by FinCEN pursuant to the Clean Ports Act and "
        "the Fentanyl Sanctions Act."
    )
    found = _found(text, "U.S. Department of the Treasury")
    for firm in ("firm:banco-azteca-norte-s-a-institucion-de-banca-multiple", "firm:valor-casa-de-bolsa-s-a-de-c-v"):
        assert (firm, "banned-by", "agency:us-fincen") in found
        assert (firm, "restricted-under", "law:clean-ports-act") in found
        assert (firm, "restricted-under", "law:fentanyl-sanctions-act") in found
    assert not any(o == "country:mx" and p == "banned-by" for _, p, o in found)  # "Mexico-based" acts not
    assert not any("takes-first-actions" in s or "takes-first-actions" in o for s, _, o in found)


def test_a_designated_terrorist_organization_is_what_a_group_is_not_a_party() -> None:
    text = (
        "The charges target oil sales that fund Iran's Islamic Revolutionary Guard Corps (IRGC), a designated "
        "Foreign Terrorist Organization (FTO), and its Qods Force (IRGC-QF). Seven defendants are charged with "
        "sanctions-evasion offenses that finance the IRGC-QF."
    )
    found = _found(text, "U.S. Department of Justice")
    assert ("organization:islamic-revolutionary-guard-corps", "sanctioned-by", "country:us") in found
    assert not any("foreign-terrorist-organization" in s + o for s, _, o in found)
    assert not any(p in {"sanctioned-by", "acted-against"} and "qods-force" in s + o for s, p, o in found)


def test_a_full_spanish_name_after_a_title_and_a_husband_named_by_a_possessive() -> None:
    text = (
        "The United States is designating Minister of Finance of Honduras Ana Lucia Mejia Solis de Castro "
        "(\u201cMejia\u201d) due to her involvement in significant corruption.\n\n"
        "This public designation is made under Section 7031(c) of the Department of State, Foreign Operations, and "
        "Related Programs Appropriations Act, 2022. The Department is also designating Mejia's husband Carlos "
        "Alberto Castro Ruiz."
    )
    found = _found(text)
    ana, carlos = "person:ana-lucia-mejia-solis-de-castro", "person:carlos-alberto-castro-ruiz"
    assert (ana, "sanctioned-by", "country:us") in found
    assert (carlos, "sanctioned-by", "agency:us-state") in found
    assert (ana, "sanctioned-by", "agency:us-state") not in found  # the husband is designated, not her again
    for person in (ana, carlos):
        assert (person, "restricted-under", _LAW) in found


def test_the_verb_of_a_relative_clause_does_not_designate_what_follows_it() -> None:
    text = (
        "The officials and supporters that Treasury is designating today have also been designated by the "
        "United Kingdom or the European Union."
    )
    found = _found(text, "U.S. Department of the Treasury")
    assert not any(s in {"organization:eu", "country:gb"} and p == "sanctioned-by" for s, p, _ in found)


def test_the_texts_law_reaches_a_party_named_before_a_counted_frame_opened() -> None:
    text = (
        "The United States is today sanctioning Qilu Petrochemical Co., Ltd, a China-based independent "
        "\u201cteapot\u201d refinery. The United States is also imposing sanctions on several companies and vessels "
        "involved in the shipments.\n\n"
        "Today\u2019s action is being taken pursuant to Executive Order (E.O.) 13902."
    )
    found = _found(text, None)
    firm = "firm:qilu-petrochemical-co-ltd"
    assert (firm, "headquartered-in", "country:cn") in found
    assert (firm, "restricted-under", "law:executive-order-13902") in found
