"""News stories' words for ties and measures: "intimately tied to X"; "the PLA" is the People's Liberation Army (a
state body of the reference registry); a sentence opening with the measure as an adjunct ("In imposing sanctions on
X and its president, Y, on Thursday, the US Treasury Department alleged ...") has the main clause's subject as its
actor. Invented or public names in constructed sentences; no evaluation text is quoted."""

from __future__ import annotations

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_tied_to_the_pla() -> None:
    assert ("firm:acme-trading-llc", "alleged-tie-to", "organization:people-s-liberation-army", "asserted") in (
        _tuples("Acme Trading LLC is a commercial front intimately tied to the PLA.")
    )


def test_the_main_clause_subject_imposes_the_sanctions_of_an_opening_adjunct() -> None:
    found = _tuples(
        "In imposing sanctions on Acme Trading LLC and its president, Leonard Lai, on Thursday, the US Treasury "
        "Department alleged that the company supported a North Korean shipping firm."
    )
    assert ("firm:acme-trading-llc", "sanctioned-by", "agency:us-treasury", "asserted") in found
    assert ("person:leonard-lai", "sanctioned-by", "agency:us-treasury", "asserted") in found
    assert ("firm:acme-trading-llc", "sanctioned-by", "agency:us-treasury", "asserted") in _tuples(
        "By sanctioning Acme Trading LLC, the Treasury Department cut it off from the US financial system."
    )


def test_a_later_authority_of_an_ordinary_sentence_imposes_nothing() -> None:
    found = _tuples("Sanctions on Acme Trading LLC hurt its trade, the Treasury Department said.")
    assert not {t for t in found if t[1] == "sanctioned-by" and t[2] == "agency:us-treasury"}


def test_its_owner_owns_the_firm_and_its_leader_is_tied() -> None:
    found = _tuples("OFAC sanctioned Acme Trading LLC and its owner, wealthy businessman John Smith.")
    assert ("person:john-smith", "owns", "firm:acme-trading-llc", "asserted") in found
    found = _tuples("OFAC sanctioned Acme Trading LLC and its president, John Smith.")
    assert ("person:john-smith", "alleged-tie-to", "firm:acme-trading-llc", "asserted") in found
    assert not {t for t in found if t[1] == "owns"}


def test_a_denial_before_a_party_described_after_it_is_the_ties() -> None:
    found = _tuples(
        "President John Smith on Wednesday denied having ties to the Zorbex Defense Consultancy, a company with "
        "alleged links to the country's leader."
    )
    assert ("person:john-smith", "alleged-tie-to", "firm:zorbex-defense-consultancy", "denied") in found
    assert ("person:john-smith", "alleged-tie-to", "firm:zorbex-defense-consultancy", "asserted") not in found


def test_acting_or_purporting_to_act_for_a_party_is_an_orders_criterion_not_an_allegation() -> None:
    found = _tuples(
        "John Smith is being designated pursuant to E.O. 13224 for having acted or purported to act for or on "
        "behalf of, directly or indirectly, al-Shabaab, a terrorist group."
    )
    assert ("person:john-smith", "alleged-tie-to", "organization:al-shabaab", "asserted") in found


def test_a_name_after_tied_to_is_a_person_and_the_addressee_of_a_denial_is_no_party() -> None:
    found = _tuples(
        "Zorbex International Ltd was caught up in a probe of transfers possibly tied to Yevgeny Prigozhin. "
        "Zorbex International categorically denied to Reuters handling any transfers on behalf of Prigozhin."
    )
    assert ("firm:zorbex-international-ltd", "alleged-tie-to", "person:yevgeny-prigozhin", "denied") in found
    assert not {t for t in found if t[0] == "organization:reuters"}


def test_believed_to_be_under_the_control_of_is_alleged() -> None:
    assert ("organization:apt31", "alleged-tie-to", "agency:ministry-of-state-security", "alleged") in _tuples(
        "Unlike some for-profit hacking groups, APT31 is believed to be under the direct control of the country's "
        "Ministry of State Security."
    )


def test_a_bank_named_of_its_country_is_a_bank_and_a_cartel_named_after_the_word_is_a_group() -> None:
    found = _tuples("OFAC fined Bank of China for violations of the Iranian Transactions Regulations.")
    assert not {t for t in found if "country:cn" in (t[0], t[2]) and t[1] != "headquartered-in"}
    from extract.mentions import Doc
    from extract.text import compound_hyphens, unwrapped
    from schema.quotes import fold

    text = "Cocaine-trafficking cartel Los Zetas routed money through Bank of America, the FBI said."
    norm = compound_hyphens(unwrapped(fold(text)))
    doc = Doc(text, norm, [])
    doc.find_mentions()
    ids = {m.eid for m in doc.mentions}
    assert {"organization:los-zetas", "firm:bank-of-america"} <= ids
    assert "country:us" not in ids
