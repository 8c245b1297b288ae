"""One party, one id, where a text names it twice over (invented names): a name a headline uses before the text
defines it ("the Orsk Group" above "Private Military Company 'Orsk' (Orsk Group)") is the defined party
everywhere, and a firm named in parentheses after a vessel ("MARLIN (Bluewater Holdings Limited)", the vessel's
owner) is not the vessel's other name."""

from __future__ import annotations

from extract import propose

TREASURY = {"publisher": "U.S. Department of the Treasury"}


def _draft(text: str):  # type: ignore[no-untyped-def]
    return propose(text, TREASURY).parsed


def test_a_name_a_headline_uses_before_its_definition_is_the_defined_party() -> None:
    text = (
        "Treasury Sanctions the Financier of the Orsk Group in Chad\n\n"
        "WASHINGTON — Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control (OFAC) "
        "sanctioned Pavel Ivanovich Dorin, the head of Russian Private Military Company ‘Orsk’ (Orsk Group) units "
        "in Chad. The Orsk Group is based in Chad."
    )
    draft = _draft(text)
    ids = {e.id for e in draft.entities if "Orsk" in e.name or "Orsk Group" in (e.aliases or [])}
    assert ids == {"organization:private-military-company-orsk"}
    assert ("organization:private-military-company-orsk", "headquartered-in", "country:td") in {
        (c.subject, c.predicate.value, c.object) for c in draft.claims
    }


def test_a_vessels_owner_in_parentheses_is_not_the_vessels_other_name() -> None:
    text = (
        "OFAC is designating the following entities: Bluewater Holdings Limited; and Seastar Shipping Co., Ltd. "
        "The Panama-flagged crude oil tanker MARLIN (IMO 9234567), owned by Bluewater Holdings Limited, has "
        "transported Iranian oil. The Comoros-flagged tanker KESTREL (IMO 9345678) is managed by Seastar "
        "Shipping Co., Ltd.\nThe following vessels are being identified as blocked property of the previously identified blocked "
        "persons:\nMARLIN (Bluewater Holdings Limited);\nKESTREL (Seastar Shipping Co., Ltd.)."
    )
    draft = _draft(text)
    vessels = {e.id: e.aliases for e in draft.entities if e.type.value == "Asset"}
    assert vessels, "the vessels are found"
    assert all(not aliases for aliases in vessels.values()), vessels
    assert {"asset:marlin", "asset:kestrel"} <= set(vessels)
    firms = {e.id for e in draft.entities if e.type.value == "Firm"}
    assert {"firm:bluewater-holdings-limited", "firm:seastar-shipping-co-ltd"} <= firms
    owns = ("firm:bluewater-holdings-limited", "owns", "asset:marlin")
    assert owns in {(c.subject, c.predicate.value, c.object) for c in draft.claims}


def test_a_firms_name_without_its_legal_form_above_the_full_name_is_that_firm() -> None:
    text = (
        "U.S. Restrictions on Corvane Technologies:\nJanuary 5, 2022\nAnalyst in\nTelecommunications\n"
        "Corvane Technologies Co., Ltd., is a China-based company that designs and sells network equipment.\n"
        "For two decades, U.S. officials have raised concerns about Corvane, citing its ties to the Chinese "
        "government."
    )
    draft = _draft(text)
    firms = {e.id for e in draft.entities if e.type.value == "Firm"}
    # one firm: the headline's short name and "Corvane" are the full name's, and the report's sidebar word
    # on the line above ("Telecommunications") is no part of it
    assert firms == {"firm:corvane-technologies-co-ltd"}, firms
    assert ("firm:corvane-technologies-co-ltd", "alleged-tie-to", "country:cn") in {
        (c.subject, c.predicate.value, c.object) for c in draft.claims
    }


def test_a_persons_family_name_above_the_full_name_is_that_person() -> None:
    text = (
        "Today, the United States is broadening its efforts to address the assault on Venezuela's democratic "
        "institutions by the Ramiro regime.  Treasury's Office of Foreign Assets Control (OFAC) has sanctioned the "
        "President of Venezuela, Tomas Ramiro Vidal.  By sanctioning Ramiro, the United States makes clear our "
        "opposition to the policies of his regime."
    )
    draft = _draft(text)
    named = {e.id for e in draft.entities if "Ramiro" in e.name}  # "By sanctioning Ramiro" had made a firm of him
    assert named == {"person:tomas-ramiro-vidal"}, named


def test_a_name_also_known_as_is_that_party_wherever_the_text_types_it_otherwise() -> None:
    text = (
        "Today, OFAC is designating two firms integral to an IRGC-backed extortion scheme targeting vessels in the "
        "Strait of Kerch. The regime operates illegitimate schemes through the Caspian Marine Insurance Company (CMIC) "
        "and KerchSafe Marine Services Authority, also known as Kerch Safe, to extort vessels attempting to conduct "
        "routine commercial passages through the Strait of Kerch. Kerch Safe issues the policies. Kerch Safe is being "
        "designated pursuant to E.O. 13902."
    )
    named = {e.id for e in _draft(text).entities if "Kerch" in e.name}
    # one party: the other name is an alias of the defined one (a same-as claim keeps the pair), and the strait's
    # "Kerch" is no short form of it
    assert "firm:kerch-safe" not in named, named
    assert {i.split(":")[0] for i in named} == {"agency"}, named


def test_a_firm_named_in_han_or_cyrillic_script_then_in_latin_in_parentheses_is_one_firm() -> None:
    text = (
        "Treasury designated 星辰网络技术有限公司 (Xingchen Network Technology Co., Ltd.) and АО «Вектор Плюс» "
        "(Vektor Plus JSC) today."
    )
    firms = {e.id for e in _draft(text).entities if e.type.value == "Firm"}
    assert firms == {"firm:xingchen-network-technology-co-ltd", "firm:vektor-plus-jsc"}, firms
