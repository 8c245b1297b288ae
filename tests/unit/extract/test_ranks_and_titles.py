"""A military rank before a name ("Lt. Gen. X", "Iranian Gen. X", "Maj. Gen. X", "Col. X") is a title:
its dot ends no sentence, it is no firm's name, and the name after it is a person's; two titles joined
by "and" each keep their own name ("Director A and Ambassador B"); a particle inside a titled name
("Vice President Tareck El Aissami") keeps the given name before it; a firm named after another one and
"and" is a firm of its own ("Alpha Trading and Halawi Exchange", "X and Company and Y"); "X, which is a
Chinese company", "X, is a China-based company", "a People's Republic of China (PRC) company" place X; a
list named as a body's own ("the BIS Entity List", "OFAC's list of Specially Designated Nationals", "the
Commission's (FCC) Covered List", "a tool utilized by BIS") is administered by that body.
Constructed sentences in the shapes of Treasury and State releases (some with names from development texts);
no held-out text is used."""

from __future__ import annotations

import pytest

from extract import propose
from extract.text import sentences


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def _ids(text: str) -> set[str]:
    return {e.id for e in propose(text).parsed.entities}


def test_a_ranks_abbreviation_ends_no_sentence():
    text = "Treasury sanctioned Lt. Gen. Ali Fadavi and Brig. Gen. Hossein Salami. Col. Ahmad Vahidi was not named."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Treasury sanctioned Lt. Gen. Ali Fadavi and Brig. Gen. Hossein Salami.",
        "Col. Ahmad Vahidi was not named.",
    ]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Treasury sanctioned Lt. Gen. Qassem Soleimani of Iran.", "person:qassem-soleimani"),
        ("Treasury sanctioned Iranian Gen. Qassem Soleimani.", "person:qassem-soleimani"),
        ("Treasury sanctioned Maj. Gen. Hossein Salami, the commander of the guard.", "person:hossein-salami"),
        ("Treasury designated Adm. Ali Shamkhani today.", "person:ali-shamkhani"),
    ],
)
def test_the_name_after_a_rank_is_a_persons_and_the_rank_no_firm(text: str, person: str):
    assert (person, "sanctioned-by", "agency:us-treasury", "asserted") in _tuples(text)
    assert not {i for i in _ids(text) if i.startswith("firm:")}  # not "firm:maj", "firm:iranian-gen"


@pytest.mark.parametrize(
    "text",
    [
        "Treasury designated Director Mohammad Reza Ashtiani and Ambassador Ali Shamkhani.",
        "Treasury designated Col. Mohammad Reza Ashtiani and Adm. Ali Shamkhani.",
    ],
)
def test_two_titled_names_joined_by_and_are_two_persons(text: str):
    found = _tuples(text)
    for person in ("person:mohammad-reza-ashtiani", "person:ali-shamkhani"):
        assert (person, "sanctioned-by", "agency:us-treasury", "asserted") in found


def test_a_particle_inside_a_titled_name_keeps_the_given_name_before_it():
    text = "Treasury sanctioned Vice President Tareck El Aissami."
    assert ("person:tareck-el-aissami", "sanctioned-by", "agency:us-treasury", "asserted") in _tuples(text)
    assert "person:el-aissami" not in _ids(text)


@pytest.mark.parametrize(
    ("text", "firms"),
    [
        ("Treasury sanctioned Alpha Trading and Halawi Exchange.", ("firm:alpha-trading", "firm:halawi-exchange")),
        (  # a name ending "and Company" is one firm's, and the name after the next "and" another's
            "Treasury sanctioned two Lebanese exchange houses, Kassem Rmeiti and Company and Halawi Exchange.",
            ("firm:kassem-rmeiti-and-company", "firm:halawi-exchange"),
        ),
        ("Treasury sanctioned Acme Corp. and Beta Trading Group.", ("firm:acme-corp", "firm:beta-trading-group")),
    ],
)
def test_a_second_firm_after_a_named_one_and_and_is_a_firm_of_its_own(text: str, firms: tuple[str, str]):
    found = _tuples(text)
    for firm in firms:
        assert (firm, "sanctioned-by", "agency:us-treasury", "asserted") in found
    assert "firm:company" not in _ids(text)


def test_exchange_houses_of_a_country_are_based_there():
    text = "Treasury sanctioned two Lebanese exchange houses, Kassem Rmeiti and Company and Halawi Exchange."
    found = _tuples(text)
    for firm in ("firm:kassem-rmeiti-and-company", "firm:halawi-exchange"):
        assert (firm, "headquartered-in", "country:lb", "asserted") in found


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (
            "Treasury sanctioned Contemporary Amperex Technology Co., Limited (CATL), which is a Chinese military company.",
            "firm:contemporary-amperex-technology-co-limited",
        ),
        (
            "Treasury sanctioned Quectel Wireless Solutions, which is a People's Republic of China (PRC) company.",
            "firm:quectel-wireless-solutions",
        ),
        (
            "Huawei Technologies Co., Ltd., is a China-based company that makes phones.",
            "firm:huawei-technologies-co-ltd",
        ),
    ],
)
def test_a_firm_described_after_its_name_by_its_country_is_based_there(text: str, firm: str):
    assert (firm, "headquartered-in", "country:cn", "asserted") in _tuples(text)


@pytest.mark.parametrize(
    ("text", "body", "listed"),
    [
        (
            "Acme Trading Co., Ltd. was added to the BIS Entity List in 2019.",
            "agency:us-bis",
            "list:us-bis-entity-list",
        ),
        ("Acme Trading Co., Ltd. was added to the OFAC SDN List.", "agency:us-ofac", "list:us-ofac-sdn"),
        (
            "Acme Trading Co., Ltd. appears on OFAC's list of Specially Designated Nationals.",
            "agency:us-ofac",
            "list:us-ofac-sdn",
        ),
        (
            "The bill would add Acme Trading Co., Ltd. to the Federal Communications Commission’s (FCC) Covered List.",
            "agency:us-fcc",
            "list:us-fcc-covered-list",
        ),
        (
            "The Entity List is a tool utilized by BIS to restrict the export of items subject to the EAR.",
            "agency:us-bis",
            "list:us-bis-entity-list",
        ),
    ],
)
def test_a_list_named_as_a_bodys_own_is_administered_by_it(text: str, body: str, listed: str):
    assert (body, "administers", listed, "asserted") in _tuples(text)


def test_a_list_named_without_its_body_names_none():
    found = _tuples("Acme Trading Co., Ltd. was added to the Entity List.")
    assert not {t for t in found if t[1] == "administers"}


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Syrian President Bashar al-Assad met the delegation.",
            ("person:bashar-al-assad", "alleged-tie-to", "country:sy", "asserted"),
        ),
        (
            "Rep. Jim McGovern introduced the Uyghur Forced Labor Prevention Act.",
            ("law:uyghur-forced-labor-prevention-act", "proposed-by", "person:jim-mcgovern", "asserted"),
        ),
        (
            "Rep. Beto O'Rourke introduced the Uyghur Forced Labor Prevention Act.",
            ("law:uyghur-forced-labor-prevention-act", "proposed-by", "person:beto-o-rourke", "asserted"),
        ),
        (
            "Mexican President Andrés Manuel López Obrador criticized the sanctions.",
            ("person:andres-manuel-lopez-obrador", "alleged-tie-to", "country:mx", "asserted"),
        ),
    ],
)
def test_a_titled_name_keeps_its_article_inner_capitals_and_accents(text: str, claim: tuple[str, str, str, str]):
    found = _tuples(text)
    assert claim in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The United States announced it had slammed sanctions on two cousins of Syrian President Bashar al-Assad.",
        "Treasury sanctioned two sons of Bashar al-Assad.",
    ],
)
def test_sanctions_on_a_persons_relatives_are_none_on_the_person(text: str):
    assert not {t for t in _tuples(text) if t[0] == "person:bashar-al-assad" and t[1] == "sanctioned-by"}


def test_a_designation_of_a_titled_person_whose_family_name_is_a_countrys() -> None:
    text = (
        "Today, we are announcing the public designation of Guatemalan Congressperson Boris España Cáceres, due to "
        "his involvement in significant corruption."
    )
    found = {
        (c.subject, c.predicate.value, c.object)
        for c in propose(text, {"publisher": "U.S. Department of State"}).parsed.claims
    }
    assert ("person:boris-espana-caceres", "sanctioned-by", "agency:us-state") in found
    assert not {t for t in found if t[0].startswith("firm:")}
