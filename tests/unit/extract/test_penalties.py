"""An export penalty as the genre words it (invented names): a firm's name may carry its country's
initials, a town may share a country's name, the penalty's amount sits between "penalty" and
"against", the parent is described before "and its subsidiary", and a firm that cooperated with an
investigation was investigated, not tied to the investigator."""

from __future__ import annotations

from extract import propose
from extract.mentions import Doc
from extract.text import decode
from schema.quotes import fold

BIS = {"publisher": "Bureau of Industry and Security"}


def _mentions(text: str) -> list[tuple[str, str]]:
    norm = fold(decode(text))
    doc = Doc(text, norm, [])
    doc.find_mentions()
    return [(m.eid, norm[m.start : m.end]) for m in doc.mentions]


def _claims(text: str) -> set[tuple[str, str, str]]:
    return {(c.subject, c.predicate.value, c.object) for c in propose(text, BIS).parsed.claims}


def test_a_firms_name_keeps_its_countrys_initials() -> None:
    found = _mentions("BIS fined Orbital Wafers U.S. Inc. and Orbital Wafers U.K. 2 LLC.")
    assert ("firm:orbital-wafers-u-s-inc", "Orbital Wafers U.S. Inc.") in found
    assert ("firm:orbital-wafers-u-k-2-llc", "Orbital Wafers U.K. 2 LLC") in found
    # initials never open a name: "the U.S." stays the country before a firm named after it
    assert _mentions("It was sold in the U.S. Delta Chips Inc. said so.")[0] == ("country:us", "U.S.")


def test_a_town_named_like_a_country_in_a_us_state_is_the_united_states() -> None:
    found = _claims("Kestrel Optics Inc., a lens maker headquartered in Lebanon, Ohio, sold lenses.")
    assert ("firm:kestrel-optics-inc", "headquartered-in", "country:us") in found
    assert ("firm:kestrel-optics-inc", "headquartered-in", "country:lb") not in found
    # a list of places is no town and its state
    assert _mentions("Its offices are in Russia, New York and London.")[0] == ("country:ru", "Russia")
    assert not any(e.startswith("firm:") for e, _ in _mentions("a plant in Malta, New York, and its subsidiary"))


def test_a_penalty_of_an_amount_against_a_firm_is_an_action_against_it() -> None:
    found = _claims("Today BIS imposed a civil penalty of $750,000 against Heron Tools Ltd. for its shipments.")
    assert ("agency:us-bis", "acted-against", "firm:heron-tools-ltd") in found
    headline = _claims("BIS Imposes $200,000 Mitigated Penalty Against Heron Tools Ltd. For 9 Shipments")
    assert ("agency:us-bis", "acted-against", "firm:heron-tools-ltd") in headline


def test_the_subsidiary_named_after_its_parents_description() -> None:
    found = _claims(
        "BIS imposed a penalty on Kestrel Optics Inc., a lens maker headquartered in Lebanon, Ohio, and its "
        "subsidiary, Kestrel Optics 2 LLC."
    )
    assert ("firm:kestrel-optics-2-llc", "subsidiary-of", "firm:kestrel-optics-inc") in found
    # another party inside the description: "its" is the nearer party's, not the described firm's
    other = _claims("BIS fined Kestrel Optics Inc., a supplier of Heron Tools Ltd., and its subsidiary, Wren LLC.")
    assert ("firm:wren-llc", "subsidiary-of", "firm:kestrel-optics-inc") not in other


def test_cooperating_with_an_investigation_is_being_investigated_not_a_tie() -> None:
    found = _claims(
        "Heron Tools Ltd. disclosed the conduct to BIS, cooperated with the investigation by BIS's Office of "
        "Export Enforcement (OEE), and took remedial measures."
    )
    assert ("firm:heron-tools-ltd", "investigated-by", "agency:office-of-export-enforcement") in found
    assert not any(p == "alleged-tie-to" for _, p, _ in found)


TDO = (
    "Temporary Denial Order Issued for Illegal Export of Satellite, Rocket, and Defense Technology to Ruritania\n"
    "WASHINGTON, D.C. – Today, Ann B. Carver, Assistant Secretary for Export\n"
    "Enforcement at the U.S. Commerce Department’s Bureau of Industry and Security (BIS), issued\n"
    "a Temporary Denial Order (TDO) suspending the export privileges of three U.S.-based\n"
    "companies, Heron Milling Inc., Wren Cut LLC, and U.S. Modelworks Inc., for 180\n"
    "days for the unauthorized export of technical drawings and blueprints used to print\n"
    "satellite, rocket, and defense-related prototypes. This type of information is subject to\n"
    "strict export controls due to its sensitivity and importance to national security today.\n"
    "The TDO is available online here, and the companies may appeal it within the time the\n"
    "regulations allow, as the order itself explains in its final paragraphs and annexes.\n"
)


def test_a_hard_wrapped_denial_order_names_each_company_under_the_order() -> None:
    found = _claims(TDO)
    for firm in ("firm:heron-milling-inc", "firm:wren-cut-llc", "firm:u-s-modelworks-inc"):  # "U.S." opens a name too
        assert (firm, "banned-by", "agency:us-bis") in found
        assert (firm, "restricted-under", "law:temporary-denial-order") in found
        assert (firm, "headquartered-in", "country:us") in found  # "three U.S.-based companies, A, B, and C"
    # the title wrapped over two lines is no person named "Export"
    assert not any(e.startswith("person:export") for triple in found for e in (triple[0], triple[2]))


def test_a_ban_limited_to_a_purpose_acts_against_the_firm_and_its_subsidiary_is_named_after_its() -> None:
    text = (
        "The Federal Trade Commission has finalized an order banning software provider Kestrel Optics Inc. from "
        "selling any web browsing data for advertising purposes. The FTC alleged Kestrel Optics Inc. sold that "
        "data to more than 100 third parties through its subsidiary, Wrenshot LLC."
    )
    parsed = propose(text, {"publisher": "Federal Trade Commission"}).parsed
    found = {(c.subject, c.predicate.value, c.object, c.stance.value) for c in parsed.claims}
    assert ("agency:federal-trade-commission", "acted-against", "firm:kestrel-optics-inc", "asserted") in found
    assert not any(p == "banned-by" for _, p, _, _ in found)
    # who the parties are is asserted even inside what the regulator alleges
    assert ("firm:wrenshot-llc", "subsidiary-of", "firm:kestrel-optics-inc", "asserted") in found


def test_a_modified_withhold_release_order_no_longer_restricts_the_firm() -> None:
    text = "CBP modifies Withhold Release Order on Kestrel Palm Berhad in Malaysia\n\nThe order is modified today."
    parsed = propose(text, {"publisher": "U.S. Customs and Border Protection"}).parsed
    found = {(c.subject, c.predicate.value, c.object, c.stance.value) for c in parsed.claims}
    assert ("firm:kestrel-palm-berhad", "restricted-under", "law:withhold-release-order", "retracted") in found
    issued = propose(
        "CBP issues Withhold Release Order on Kestrel Palm Berhad in Malaysia\n\nThe order takes effect today.",
        {"publisher": "U.S. Customs and Border Protection"},
    ).parsed
    assert any(c.predicate.value == "restricted-under" and c.stance.value == "asserted" for c in issued.claims)
