"""Profiles of sanctioned parties: a denial in a relative clause ("close ties to X, which he denies, and ...") is the
tie's, not the rest of the sentence's; "he has been sanctioned" is the sentence's subject, not the person last named;
a role a sentence opens with ("Businessman John Smith") titles the name; "designated X as a national carrier" is a
role given, no sanction (by no rule, the learned reader included), and "as a national carrier" types X a firm.
Invented or public names in constructed sentences; no evaluation text is quoted."""

from __future__ import annotations

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_a_denial_in_a_relative_clause_and_the_pronoun_subject_of_a_sanction() -> None:
    found = _tuples(
        "Businessman John Smith has been described as having close ties to President Vladimir Putin, which he "
        "denies, and, as a result, he has been sanctioned by the US since the Russian invasion of Ukraine."
    )
    assert ("person:john-smith", "sanctioned-by", "country:us", "asserted") in found
    assert ("country:ru", "invaded", "country:ua", "asserted") in found
    assert not {t for t in found if t[0] == "person:vladimir-putin" and t[1] == "sanctioned-by"}
    assert not {t for t in found if t[3] == "denied" and t[1] != "alleged-tie-to"}


def test_a_party_designated_to_a_role_is_not_sanctioned() -> None:
    found = _tuples(
        "Nevertheless, the Syrian government proudly designated Cham Wings as a national carrier for the country in "
        "2014."
    )
    assert not {t for t in found if t[1] == "sanctioned-by"}


def test_a_designation_as_a_sanctions_term_still_sanctions() -> None:
    assert ("firm:acme-trading-llc", "sanctioned-by", "agency:us-ofac", "asserted") in _tuples(
        "OFAC designated Acme Trading LLC as a front company for the IRGC."
    )
