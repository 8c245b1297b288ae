"""The parties a sanctioning clause names that the patterns did not place (extract.clause_parties):
sanctioned by the authority acting, at a lower confidence; speakers, executives' firms, known
organizations and a bill's parties are left out."""

from __future__ import annotations

from extract import propose
from schema.models import Claim


def _claims(text: str) -> list[Claim]:
    return list(propose(text).parsed.claims)


def _sanctioned(text: str) -> dict[str, float]:
    return {c.subject: c.confidence for c in _claims(text) if c.predicate.value == "sanctioned-by"}


def test_parties_of_a_clause_in_shapes_the_patterns_do_not_read() -> None:
    found = _sanctioned(
        "OFAC designated Gamma Trade LLC today. Also sanctioned today are Alpha Star Ltd. and Beta Ocean Co. "
        "The sanctions announced today target Zeta Holdings Ltd. and its chief executive, Ivan Petrov."
    )
    assert set(found) == {
        "firm:gamma-trade-llc",
        "firm:alpha-star-ltd",
        "firm:beta-ocean-co",
        "firm:zeta-holdings-ltd",
        "person:ivan-petrov",
    }
    assert found["firm:alpha-star-ltd"] < found["firm:gamma-trade-llc"]  # below a pattern's confidence


def test_the_authority_is_the_one_acting_never_only_the_publisher() -> None:
    claims = _claims("Also sanctioned today are Alpha Star Ltd. and Beta Ocean Co.")
    assert not [c for c in claims if c.predicate.value == "sanctioned-by"]


def test_speakers_executives_firms_and_the_supported_are_left_out() -> None:
    found = _sanctioned(
        "OFAC designated Gamma Trade LLC today. Also sanctioned today are twelve executives of Omega Systems JSC, "
        "said Secretary Janet Yellen. The sanctions announced today target Theta Ltd. for its support to Iota LLC."
    )
    assert "firm:omega-systems-jsc" not in found
    assert "person:janet-yellen" not in found
    assert "firm:theta-ltd" in found and "firm:iota-llc" not in found


def test_what_a_bill_would_sanction_is_not_read_as_sanctioned() -> None:
    text = (
        "H.R. 1234 - Stop Omega Act\n\nThis bill requires the President to impose sanctions on Omega Systems JSC. "
        "Also sanctioned under the bill are Kappa Ltd. and Lambda LLC."
    )
    assert not [c for c in _claims(text) if c.predicate.value == "sanctioned-by" and c.stance.value == "asserted"]
