"""Sanctions as news stories and officials' remarks word them (invented names): the names a designation gives after
the law's quoted title ("designating two Tarkan leaders pursuant to Executive Order 13611, "Blocking Property of
...," A and B"), and the members of an announcement a later sentence names ("the United States announced sanctions
on more than fifty entities and individuals ... Among those designated are X and three of its executives: A, B, and
C")."""

from __future__ import annotations

from extract import propose

STATE = {"publisher": "U.S. Department of State"}
EMBASSY = {"publisher": "Embassy of the United States of America"}


def _claims(text: str, meta: dict[str, str]) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, meta).parsed.claims}


def test_the_names_a_designation_gives_after_the_laws_quoted_title() -> None:
    text = (
        "We are designating two Tarkan leaders pursuant to Executive Order 13611, “Blocking Property of Persons "
        "Threatening the Peace, Security, or Stability of Yemen,” Rashid Al-Mahdi and Salim Ali Hasan al-Qadiri."
    )
    found = _claims(text, STATE)
    for person in ("person:rashid-al-mahdi", "person:salim-ali-hasan-al-qadiri"):
        assert (person, "restricted-under", "law:executive-order-13611", "asserted") in found
        assert any(s == person and p == "sanctioned-by" for s, p, _, _ in found)


def test_the_leaders_of_a_group_are_still_not_the_group() -> None:
    found = _claims("Treasury sanctioned two leaders of the Tarkan Brigade, Rashid Al-Mahdi and Salim Qadiri.", STATE)
    assert not any(s.endswith("tarkan-brigade") and p == "sanctioned-by" for s, p, _, _ in found)


def test_the_members_of_an_announced_sanction_a_later_sentence_names() -> None:
    text = (
        "Today, the United States announced sanctions on more than fifty entities and individuals across more than "
        "twenty jurisdictions in order to curb Russia’s access to the international financial system.\n\n"
        "Among those designated are the Vienna-based, Russia-controlled Danube Credit Bank (DCB) and three of its "
        "senior executives resident in Austria, including one Austrian national: Pavel Orlov, Sergei Volkov, and "
        "Franz Huber."
    )
    found = _claims(text, EMBASSY)
    for party in ("firm:danube-credit-bank", "person:pavel-orlov", "person:sergei-volkov", "person:franz-huber"):
        assert (party, "sanctioned-by", "country:us", "asserted") in found, party


def test_a_leader_named_with_the_country_holds_its_office() -> None:
    text = (
        "The adviser likened the leaders of the three nations -- Tomas Ferrer of Venezuela, Raul Montes of Cuba, "
        "and Daniel Rivas of Nicaragua -- to a comedy team. The State Department designated Attorney General of "
        "Guatemala Maria Elena Soto Ruiz. Attorney General of the United States Jeff Carter said so."
    )
    found = _claims(text, STATE)
    for person, country in (
        ("person:tomas-ferrer", "country:ve"),
        ("person:raul-montes", "country:cu"),
        ("person:daniel-rivas", "country:ni"),
        ("person:maria-elena-soto-ruiz", "country:gt"),
    ):
        assert (person, "alleged-tie-to", country, "asserted") in found, person
    # the publisher's own officials are not read as ties to their own country
    assert not any(s == "person:jeff-carter" for s, _, _, _ in found)


def test_a_countrys_office_before_its_holders_name() -> None:
    text = (
        "Russian President Pavel Sokolov denied it. Chinese Foreign Minister Li Wen said so. Iran's Supreme Leader "
        "Hassan Rahimi controls the foundations. U.S. National Security Advisor John Miller said the United States "
        "will act."
    )
    found = _claims(text, {"publisher": "Voice of America"})
    for person, country in (
        ("person:pavel-sokolov", "country:ru"),
        ("person:li-wen", "country:cn"),
        ("person:hassan-rahimi", "country:ir"),
    ):
        assert (person, "alleged-tie-to", country, "asserted") in found, person
    assert not any(s == "person:john-miller" and o == "country:us" for s, _, o, _ in found)


def test_a_title_inside_a_run_of_capitalised_words_is_no_part_of_the_name_after_it() -> None:
    text = (
        "The Department of State is publicly designating Palau Senate President Tomas Keldor for his involvement in "
        "significant corruption on behalf of China-based actors."
    )
    found = _claims(text, STATE)
    assert ("person:tomas-keldor", "sanctioned-by", "agency:us-state", "asserted") in found
    assert not any("president" in s for s, _, _, _ in found)
