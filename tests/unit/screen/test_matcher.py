"""screen/: the matcher, the search query and the Latin forms of other scripts (pure, no database).

Names are real list entries (OFAC SDN, the seed's Kaspersky Lab) and their usual spellings.
"""

from __future__ import annotations

from typing import Any

from screen.matcher import score, without_legal_form
from screen.records import ScreenRecord
from screen.scripts import latin_forms
from screen.search import forms, record_query


def entity(eid: str, etype: str, name: str, **more: Any) -> dict[str, Any]:
    return {"id": eid, "type": etype, "name": name, "aliases": [], "members": [], **more}


KASPERSKY = entity("firm:kaspersky-lab", "Firm", "Kaspersky Lab", identifiers={"inn": "7713140469"})
TIMCHENKO = entity("person:ofac-16666", "Person", "TIMCHENKO, Gennady Nikolayevich", birth_dates=["1952-11-09"])
XI = entity("person:xi", "Person", "XI Jinping")
SAAB = entity("person:ofac-1", "Person", "SAAB MORAN, Luis Alberto")


def top(record: ScreenRecord, *entities: dict[str, Any]) -> tuple[str, float, list[str]]:
    best = score(record, entities)[0]
    return best.entity_id, best.score, [x["feature"] for x in best.explanation]


def test_legal_forms_are_not_who_a_firm_is_in_any_script_or_spelling() -> None:
    assert without_legal_form("Kaspersky Labs Ltd.") == "kaspersky labs"
    assert without_legal_form("ООО «ТАКО»") == "tako"
    assert without_legal_form("MEGACOM LIIMTED LIABILITY COMPANY") == "megacom"
    assert without_legal_form("АО «РАДИАНТ ЕК»") == without_legal_form("RADIANT EK AO")
    _id, value, _f = top(ScreenRecord(name="Kaspersky Labs Ltd.", type="Firm"), KASPERSKY)
    assert value >= 0.9


def test_an_identifier_alone_dominates_and_says_which() -> None:
    eid, value, features = top(ScreenRecord(identifiers={"inn": "7713140469"}), KASPERSKY)
    assert eid == KASPERSKY["id"] and value >= 0.95 and features[0] == "inn_code_match"


def test_a_namesake_born_another_year_is_no_match_and_the_explanation_says_why() -> None:
    same = top(ScreenRecord(name="Gennady Timchenko", type="Person", birth_date="1952-11-09"), TIMCHENKO)
    other = top(ScreenRecord(name="Gennady Timchenko", type="Person", birth_date="1981-02-14"), TIMCHENKO)
    assert same[1] >= 0.7 > other[1] and "dob_year_disjoint" in other[2]


def test_other_scripts_match_their_latin_spelling() -> None:
    assert top(ScreenRecord(name="Тимченко Геннадий Николаевич", type="Person"), TIMCHENKO)[1] >= 0.7
    assert top(ScreenRecord(name="习近平", type="Person"), XI)[1] >= 0.9
    assert "xi jinping" in latin_forms("习近平") and latin_forms("Kaspersky Lab") == []
    assert "timchenko gennadiy" in forms("Тимченко Геннадий")


def test_a_replaced_name_part_lowers_the_score_below_a_match() -> None:
    _id, value, features = top(ScreenRecord(name="SAAB MORAN, Amir Luis", type="Person"), SAAB)
    assert value < 0.7 and "name_part_substituted" in features


def test_the_search_query_drops_quotes_legal_forms_and_short_words() -> None:
    q = record_query("EMMA Limited Liability Company", [])
    assert q is not None and "limited" not in q and "emma" in q
    q = record_query("VAKUUM.RU", ["7713140469"])
    assert q is not None and "vakuum.ru^4" in q and " ru*" not in q and '"7713140469"^8' in q
    assert record_query(None, []) is None
