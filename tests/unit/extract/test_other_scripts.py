"""Names in other scripts are found as Latin ones are: a person named in Cyrillic (which has capitals) is typed by
what the text says around the name as a Latin name would be; a person in Han or Arabic script (which have none) is a
short run of that script alone among English words; a whole sentence in another script proposes nothing. Invented
names; no evaluation text is quoted."""

from __future__ import annotations

import pytest

from extract import propose

TREASURY = {"publisher": "U.S. Department of the Treasury"}


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, TREASURY).parsed.claims}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "OFAC designated Алексей Иванович Смирнов, a Russian national, pursuant to E.O. 14024.",
            "person:aleksej-ivanovic-smirnov",
        ),
        (
            "OFAC designated Aleksey Ivanovich Smirnov, a Russian national, pursuant to E.O. 14024.",
            "person:aleksey-ivanovich-smirnov",
        ),
        ("The State Department sanctioned 李明, a Chinese national, for supporting North Korea.", "person:li-ming"),
        ("Treasury sanctioned محمد علي الحوثي, a senior Houthi leader.", "person:mhmd-ly-alhwthy"),
    ],
)
def test_a_person_named_in_another_script_is_sanctioned(text: str, person: str) -> None:
    found = _tuples(text)
    assert any(s == person and p == "sanctioned-by" for s, p, _, _ in found), found


def test_a_persons_han_name_in_parentheses_is_the_latin_names_person() -> None:
    found = _tuples("Treasury designated 北极贸易有限公司 (Polar Trading Co., Ltd.) and its director, 王磊.")
    assert ("person:wang-lei", "alleged-tie-to", "firm:polar-trading-co-ltd", "asserted") in found
    found = _tuples("The indictment charges Wang Lei (王磊), a Chinese national, with conspiracy.")
    assert {s for s, _, _, _ in found} == {"person:wang-lei"}


def test_a_cyrillic_person_with_a_title_after_is_a_person_not_a_firm() -> None:
    found = _tuples("The Justice Department charged Дмитрий Юрьевич Хорошев, the leader of LockBit.")
    assert ("agency:us-doj", "acted-against", "person:dmitrij-urevic-horosev", "asserted") in found


@pytest.mark.parametrize(
    "text",
    [
        "Минфин США ввел санкции против Сбербанка и ВТБ. Санкции вступают в силу немедленно.",
        "美国财政部制裁了李明。",
        "فرضت وزارة الخزانة الأمريكية عقوبات على بنك الهدى.",
    ],
)
def test_a_sentence_in_another_script_proposes_nothing(text: str) -> None:
    assert _tuples(text) == set()
