"""An enforcement release's case and a firm's parent, as US-government texts word them (invented names): "The case
was investigated by X" and "X investigated the case" (the party the release's penalty fell on, else the first firm it
names); a headline's "Staten Island Company Pays ..." describes the firm named below, it names none; "X or its parent
company Y" and "its wholly owned direct subsidiary Y"; "the U.S. Marshals Service" is one body, no country; a passive charge
("X was charged by the DOJ", "X and Y have been identified by the DOJ and charged with ...") falls on its subjects."""

from __future__ import annotations

from extract import propose

BIS = {"publisher": "Bureau of Industry and Security"}


def _claims(text: str, meta: dict[str, str]) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text, meta).parsed.claims}


def test_the_case_investigated_is_the_release_firms() -> None:
    text = (
        "Lakeview Company Settles Charges of Illegal Exports\n\n"
        "Varnel Optics Inc. of Lakeview, Ohio, agreed to pay a civil penalty to settle charges. "
        "The case was investigated by the Office of Export Enforcement and the Federal Bureau of Investigation."
    )
    found = _claims(text, BIS)
    assert ("firm:varnel-optics-inc", "investigated-by", "agency:office-of-export-enforcement", "asserted") in found
    assert ("firm:varnel-optics-inc", "investigated-by", "agency:us-fbi", "asserted") in found
    assert not any(s == "firm:lakeview-company" or o == "firm:lakeview-company" for s, _, o, _ in found)


def test_an_office_that_investigated_the_case() -> None:
    text = (
        "Varnel Optics Inc. of Dayton, Ohio, was fined for exports to Iran. "
        "The Office of Export Enforcement investigated the case."
    )
    found = _claims(text, BIS)
    assert ("firm:varnel-optics-inc", "investigated-by", "agency:office-of-export-enforcement", "asserted") in found


def test_a_parent_named_after_or_and_a_subsidiary_after_its_kind() -> None:
    text = (
        "The Act covers applications operated by Zenon Software Inc. or its parent company Bexar Group Ltd. "
        "The order bars Arctic Holdings Ltd. and its wholly owned direct subsidiary Arctic Shipping Pte. Ltd."
    )
    found = _claims(text, BIS)
    assert ("firm:zenon-software-inc", "subsidiary-of", "firm:bexar-group-ltd", "asserted") in found
    assert ("firm:arctic-shipping-pte-ltd", "subsidiary-of", "firm:arctic-holdings-ltd", "asserted") in found


def test_a_us_bodys_name_keeps_its_us_and_names_no_country() -> None:
    found = _claims(
        "Varnel Optics Inc. was fined. The case was investigated by the Office of Export Enforcement and the U.S. "
        "Marshals Service.",
        BIS,
    )
    assert ("firm:varnel-optics-inc", "investigated-by", "agency:marshals-service", "asserted") in found
    assert not any(o == "country:us" for _, p, o, _ in found if p == "investigated-by")


def test_a_body_named_first_in_a_text_that_ends_in_us() -> None:
    parsed = propose("Cyber Command warned of the threat. It was echoed by the U.S. ", BIS).parsed
    assert all(c.citations[0].quote for c in parsed.claims)  # no mention reaches before the text's start


def test_a_passive_charge_falls_on_its_subjects_not_the_victim_after_it() -> None:
    found = _claims(
        "Fujian Delta Circuit Co., Ltd. and Omega Microelectronics Corporation have been identified by the DOJ and "
        "charged with conspiring to transfer designs for Micron Technology Inc. DRAM chips.",
        {"publisher": "Taiwan News"},
    )
    assert ("agency:us-doj", "acted-against", "firm:fujian-delta-circuit-co-ltd", "asserted") in found
    assert ("agency:us-doj", "acted-against", "firm:omega-microelectronics-corporation", "asserted") in found
    assert not {t for t in found if t[2] == "firm:micron-technology-inc"}
    found = _claims("Acme Trading LLC was fined by the Commerce Department.", {"publisher": "Reuters"})
    assert ("agency:us-commerce", "acted-against", "firm:acme-trading-llc", "asserted") in found
