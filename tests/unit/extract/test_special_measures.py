"""A FinCEN special-measure order as the Federal Register prints it (invented institution): the
institution is a firm by its description, the order's authority is the act it names (not the act
that amended it), FinCEN's determination acts against it unless it says "no longer", and the
notice's contact field is no claim."""

from __future__ import annotations

from extract import propose

ORDER = (
    "AGENCY: Financial Crimes Enforcement Network (FinCEN), Treasury.\n\n"
    "SUMMARY: FinCEN is issuing notice of an order, pursuant to the Combating Russian Money Laundering Act, as "
    "amended by the National Defense Authorization Act for Fiscal Year 2022, to prohibit certain transmittals of "
    "funds by any covered financial institution involving KX9COIN, a financial institution operating outside of "
    "the United States.\n\n"
    "FOR FURTHER INFORMATION CONTACT: The FinCEN Resource Center, 1-800-767-2825.\n\n"
    "SUPPLEMENTARY INFORMATION: This order sets forth FinCEN's determination that KX9COIN, a virtual currency "
    "exchanger, is a financial institution operating outside of the United States that is of primary money "
    "laundering concern."
)


def _claims(text: str) -> set[tuple[str, str, str]]:
    parsed = propose(text, {"publisher": "Financial Crimes Enforcement Network"}).parsed
    return {(c.subject, c.predicate.value, c.object) for c in parsed.claims}


def test_the_order_bans_the_institution_under_the_act_it_names() -> None:
    found = _claims(ORDER)
    assert ("firm:kx9coin", "banned-by", "agency:us-fincen") in found
    assert ("firm:kx9coin", "restricted-under", "law:combating-russian-money-laundering-act") in found
    assert not any(o == "law:national-defense-authorization-act" or s.startswith("law:") for s, _, o in found)


def test_the_determination_acts_against_it_and_the_contact_field_says_nothing() -> None:
    found = _claims(ORDER)
    assert ("agency:us-fincen", "acted-against", "firm:kx9coin") in found
    assert not any("resource-center" in s for s, _, _ in found)
    withdrawn = _claims(
        "FinCEN has determined that KX9COIN, a virtual currency exchanger, is no longer a financial institution "
        "of primary money laundering concern."
    )
    assert not any(p == "acted-against" for _, p, _ in withdrawn)


def test_an_act_is_named_again_by_its_public_law_number() -> None:
    found = _claims(
        "On March 12, 2020, the Secure Grid Networks Act of 2019 (P.L. 116-999) became law. The Consolidated "
        "Appropriations Act provided $1.9 billion for the FCC to implement P.L. 116-999."
    )
    assert ("agency:us-fcc", "administers", "law:secure-grid-networks-act-of-2019") in found
