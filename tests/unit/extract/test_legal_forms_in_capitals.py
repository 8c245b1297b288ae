"""Two firms whose names share a first word stay two ("North Macedonia's Cytrox AD and Hungary's Cytrox Holdings
ZRT"): a legal form rigour knows in another spelling, written in capitals ("AD" for A.D., "ZRT" for Zrt.) closes a
firm's name, and a country after "and" is no part of it. Invented names beside the public forms; no evaluation text
is quoted."""

from __future__ import annotations

import pytest

from extract import propose
from extract.legal_forms import legal_form_last


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_two_firms_sharing_a_first_word_stay_two() -> None:
    found = _tuples("The sanctions target North Macedonia’s Vetrox AD and Hungary’s Vetrox Holdings ZRT.")
    assert ("firm:vetrox-ad", "headquartered-in", "country:mk", "asserted") in found
    assert ("firm:vetrox-holdings-zrt", "headquartered-in", "country:hu", "asserted") in found
    assert ("firm:vetrox-holdings-zrt", "headquartered-in", "country:mk", "asserted") not in found


@pytest.mark.parametrize(
    ("name", "form"),
    [("Vetrox AD", True), ("Vetrox Holdings ZRT", True), ("Acme KFT", True), ("Acme OOO", True), ("Acme USA", False),
     ("Acme IRGC", False), ("Chashma II", False), ("Bank of China", False)],
)  # fmt: skip
def test_a_form_in_capitals(name: str, form: bool) -> None:
    assert legal_form_last(name) is form
