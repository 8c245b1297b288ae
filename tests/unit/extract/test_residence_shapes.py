"""Where a party is, as US-government releases word it (invented names): a person's age and town, after the names
the person also goes by ('X, aka "Y," aka "Z," 58, of Minsk, Belarus')."""

from __future__ import annotations

from extract import propose

DOJ = {"publisher": "U.S. Department of Justice"}


def _claims(text: str, meta: dict[str, str]) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, meta).parsed.claims}


def test_a_persons_age_and_town_after_the_names_the_person_goes_by() -> None:
    text = (
        "Oleg Varnek Tamsin, aka “Oleg T. Varnek,” aka “Varnek Oleg,” 58, of Minsk, Belarus, was convicted today. "
        'Anna Rusk, also known as "Annie," 41, of Almaty, Kazakhstan, pleaded guilty.'
    )
    found = _claims(text, DOJ)
    assert ("person:oleg-varnek-tamsin", "headquartered-in", "country:by", "asserted") in found
    assert ("person:anna-rusk", "headquartered-in", "country:kz", "asserted") in found
