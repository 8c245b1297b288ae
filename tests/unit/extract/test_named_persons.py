"""Persons as charging and visa texts name them (invented names): a quoted nickname is part of the
longest name, a family name written first is the short form the text uses, "X, 61, of the Bronx"
names where X lives, and revoking named persons' visas sanctions them."""

from __future__ import annotations

from extract import propose
from extract.mentions import Doc
from extract.text import decode
from schema.quotes import fold


def _mentions(text: str) -> list[tuple[str, str]]:
    norm = fold(decode(text))
    doc = Doc(text, norm, [])
    doc.find_mentions()
    return [(m.eid, norm[m.start : m.end]) for m in doc.mentions]


def _claims(text: str, publisher: str) -> set[tuple[str, str, str]]:
    return {(c.subject, c.predicate.value, c.object) for c in propose(text, {"publisher": publisher}).parsed.claims}


CHARGES = (
    "“Danny” Wu Mingde, 48, of the Bronx, and Gao Lifen, 52, of Queens, were arrested today. As alleged in "
    "the complaint, Wu and Gao are charged with conspiring to act as agents of the PRC government."
)


def test_a_quoted_nickname_belongs_to_the_name_and_a_residence_is_no_person() -> None:
    found = _mentions(CHARGES)
    assert ("person:danny-wu-mingde", '"Danny" Wu Mingde') in found
    assert not any(e in {"person:bronx", "person:queens"} for e, _ in found)


def test_a_family_name_written_first_is_the_short_form_the_text_uses() -> None:
    found = _mentions(CHARGES)
    assert ("person:danny-wu-mingde", "Wu") in found and ("person:gao-lifen", "Gao") in found
    claims = _claims(CHARGES, "U.S. Department of Justice")
    assert ("person:danny-wu-mingde", "alleged-tie-to", "country:cn") in claims
    assert ("person:gao-lifen", "alleged-tie-to", "country:cn") in claims


def test_a_first_word_two_persons_share_stands_for_neither() -> None:
    text = "Kim Sol Ha and Kim Tae Ryong were designated. Kim was not named again."
    assert not any(surface == "Kim" for _, surface in _mentions(text))


def test_revoking_named_persons_visas_sanctions_them_and_a_post_in_a_ministry_ties_them() -> None:
    claims = _claims(
        "The Department has revoked the visas of Ana Lucia Ferreira Neto and Paulo Brandt, both of whom worked in "
        "Brazil's Ministry of Health during the program.",
        "U.S. Department of State",
    )
    for person in ("person:ana-lucia-ferreira-neto", "person:paulo-brandt"):
        assert (person, "sanctioned-by", "agency:us-state") in claims
        assert (person, "alleged-tie-to", "agency:ministry-of-health") in claims
    # visas of unnamed people sanction no one
    unnamed = _claims(
        "The Department imposed visa restrictions on several officials of Brazil.", "U.S. Department of State"
    )
    assert not any(p == "sanctioned-by" for _, p, _ in unnamed)


def test_an_honorific_and_a_family_name_is_the_person_named_in_full_before() -> None:
    found = _claims(
        "OFAC sanctioned Russian oligarch Konstantin Malorev. The Justice Department charged Mr. Malorev with "
        "conspiracy.",
        "U.S. Department of the Treasury",
    )
    assert ("agency:us-doj", "acted-against", "person:konstantin-malorev") in found
    assert not {t for t in found if "mr-malorev" in t[0] + t[2]}
