"""Designations as the genre writes them, with invented names: a Chinese name written family name
first ("Yu ..."), a section 311 finding's term, "the designation of X, former Director of Y, pursuant
to <law>", and a headline's "Designation of <Party> Official"."""

from __future__ import annotations

from extract import propose
from extract.mentions import Doc
from extract.personal import person_shaped
from extract.text import decode
from schema.quotes import fold

_META = {"publisher": "U.S. Department of State"}


def _found(text: str) -> set[tuple[str, str, str]]:
    parsed = propose(text, _META).parsed
    return {(c.subject, c.predicate.value, c.object) for c in parsed.claims}


def _mentions(text: str) -> list[tuple[str, str]]:
    doc = Doc(text, fold(decode(text)), [])
    doc.find_mentions()
    return [(m.eid, m.etype.value) for m in doc.mentions]


def test_a_family_name_that_is_also_a_legal_forms_abbreviation_starts_a_persons_name() -> None:
    assert person_shaped("Yu Minghao")
    assert not person_shaped("Yu Trading")  # a firm's word is still a firm's
    assert ("person:yu-minghao", "Person") in _mentions("Today I am announcing the designation of Yu Minghao.")


def test_a_section_311_term_is_no_firm() -> None:
    text = "FinCEN Finds Harbor Crest Bank to be of Primary Money Laundering Concern and Proposes a Rule"
    assert [e for e, _ in _mentions(text) if e.startswith("firm:")] == ["firm:harbor-crest-bank"]


def test_the_designation_of_a_described_official_is_under_the_law_named_after_the_description() -> None:
    text = (
        "Today, I am announcing the designation of Yu Minghao, former Office Director of the so-called "
        "\u201cNorthern Affairs Leading Group\u201d of Lanzhou, Gansu Province, pursuant to Section 7031(c) of the "
        "Department of State, Foreign Operations, and Related Programs Appropriations Act, 2021."
    )
    found = _found(text)
    law = next(o for _, p, o in found if p == "restricted-under")
    assert ("person:yu-minghao", "sanctioned-by", "agency:us-state") in found
    assert ("person:yu-minghao", "restricted-under", law) in found
    assert not any(s.startswith(("firm:northern", "organization:northern")) for s, _, _ in found)


def test_a_headlines_designation_of_a_partys_official_does_not_sanction_the_party() -> None:
    found = _found("Designation of Chinese Communist Party Official Due to Gross Violations of Human Rights\n\nText.")
    assert not any(p == "sanctioned-by" for _, p, _ in found)


def test_a_title_of_a_body_names_no_one_and_a_name_after_the_body_is_the_holders() -> None:
    assert _mentions("Ortiz is the Vice President of the Supreme Court of Justice.") == []
    assert ("person:lucia-mendez-arroyo", "Person") in _mentions(
        "The President of the Republic Lucia Mendez Arroyo spoke."
    )


def test_the_speaker_named_after_a_quotation_is_no_object_of_the_verb_inside_it() -> None:
    text = (
        "\u201cThese rules are restricting the military\u2019s ability to resupply,\u201d said Under Secretary of "
        "Commerce for Industry and Security Dana Whitfield."
    )
    assert not any(s.startswith("person:") or o.startswith("person:") for s, _, o in _found(text))


def test_the_texts_own_law_named_after_its_designations_reaches_the_parties_it_designated() -> None:
    text = (
        "Today, the Department of the Treasury's Office of Foreign Assets Control (OFAC) designated the Deputy "
        "Minister of Freedonia, Anton Weiss Moreno; and a Deputy of the National Assembly, Clara Ruiz Ortega.\n\n"
        "Today's action, taken pursuant to Executive Order (E.O.) 13999, targets officials of the regime."
    )
    found = _found(text)
    assert ("person:anton-weiss-moreno", "restricted-under", "law:executive-order-13999") in found
    assert ("person:clara-ruiz-ortega", "restricted-under", "law:executive-order-13999") in found


def test_a_long_spanish_name_after_a_post_in_a_place_is_the_persons_and_the_place_no_one() -> None:
    assert person_shaped("Fidel De Jesus Dominguez Alvarez")  # particles do not count as words
    text = (
        "Today, OFAC designated a Deputy of the National Assembly, Ramon Ortiz Vega; and a Chief of the "
        "National Police in Granadilla, Tomas De La Cruz Medina Soto, in an effort to target officials."
    )
    persons = [e for e, t in _mentions(text) if t == "Person"]
    assert "person:tomas-de-la-cruz-medina-soto" in persons
    assert "person:granadilla" not in persons


def test_a_name_described_as_a_company_is_a_firm_even_when_it_opens_with_a_given_name() -> None:
    text = "Today, OFAC designated Volga Link, a Russian state-owned shipping company."
    assert ("firm:volga-link", "Firm") in _mentions(text)
    assert ("person:zhang-min", "Person") in _mentions("Today, OFAC designated Zhang Min, a Chinese national.")


def test_a_demonym_and_state_owned_before_a_list_of_firms_owns_each() -> None:
    text = (
        "The committee has issued subpoenas to three Chinese state-owned telecommunications companies\u2014"
        "Volga Link Co., Ltd., Ural Mobile Co., Ltd., and Kama Net Co., Ltd.\u2014after they failed to respond."
    )
    owned = {o for s, p, o in _found(text) if p == "owns" and s == "country:cn"}
    assert owned == {"firm:volga-link-co-ltd", "firm:ural-mobile-co-ltd", "firm:kama-net-co-ltd"}


def test_the_laws_of_todays_actions_past_an_as_amended() -> None:
    text = (
        "Today, the Department of State is designating The Qaraq Liberation Front (QLF) as a Foreign Terrorist "
        "Organization (FTO). Today's actions are taken pursuant to section 219 of the Immigration and Nationality "
        "Act, as amended, and Executive Order 13224, as amended."
    )
    found = _found(text)
    for law in ("law:section-219-of-the-immigration-and-nationality-act", "law:executive-order-13224"):
        assert ("organization:qaraq-liberation-front", "restricted-under", law) in found
