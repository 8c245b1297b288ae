"""The reason a designation gives ties its parties: "for engaging in significant transactions with X", "for its role
in supporting X"; a name the reader did not find, described by a country's possessive ("with Rosoboronexport,
Russia's main arms exporter"), ties no one to that country. Invented or public names in constructed sentences; no
evaluation text is quoted."""

from __future__ import annotations

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_significant_transactions_with_a_party_tie_the_designated_and_their_director() -> None:
    found = _tuples(
        "OFAC designated Acme Trading LLC and its director, John Smith, for engaging in significant transactions "
        "with Rosoboronexport JSC."
    )
    assert ("firm:acme-trading-llc", "alleged-tie-to", "firm:rosoboronexport-jsc", "asserted") in found
    assert ("person:john-smith", "alleged-tie-to", "firm:rosoboronexport-jsc", "asserted") in found


def test_a_role_in_supporting_a_group_ties_the_designated() -> None:
    assert ("firm:zservers-llc", "alleged-tie-to", "firm:lazarus-group", "asserted") in _tuples(
        "OFAC sanctioned Zservers LLC, a Russia-based hosting provider, for its role in supporting the Lazarus Group."
    )


def test_a_country_describing_an_unfound_name_is_no_tie() -> None:
    found = _tuples(
        "The Secretary of State imposed sanctions on Acme Trading LLC for engaging in significant transactions with "
        "Zorbex, Russia's main arms export entity."
    )
    assert not {t for t in found if t[1] == "alleged-tie-to" and t[2] == "country:ru"}


def test_a_body_naming_a_unit_is_not_what_the_unit_undergoes() -> None:
    found = _tuples(
        "Acme Trading LLC is owned or controlled by the Atomic Energy Organization of Iran (AEOI) and/or the Kalaye "
        "Electric Company, an AEOI subsidiary designated by OFAC on February 16, 2007."
    )
    assert ("firm:kalaye-electric-company", "sanctioned-by", "agency:us-ofac", "asserted") in found
    assert not {
        t for t in found if t[0] == "organization:atomic-energy-organization-of-iran" and t[1] == "sanctioned-by"
    }


def test_a_tie_to_coordinated_parties_is_a_tie_to_each() -> None:
    found = _tuples(
        "Zorbex Machines is being designated for being owned or controlled by, directly or indirectly, Oleg "
        "Deripaska and Basic Element Limited."
    )
    assert ("firm:zorbex-machines", "alleged-tie-to", "person:oleg-deripaska", "asserted") in found
    assert ("firm:zorbex-machines", "alleged-tie-to", "firm:basic-element-limited", "asserted") in found


def test_two_firms_each_with_its_short_name_are_two() -> None:
    found = _tuples(
        "OFAC is designating Chilsong Trading Corporation (Chilsong) and Korea Paekho Trading Corporation (Paekho) "
        "pursuant to Executive Order (E.O.) 13687."
    )
    assert ("firm:chilsong-trading-corporation", "sanctioned-by", "agency:us-ofac", "asserted") in found
    assert ("firm:korea-paekho-trading-corporation", "sanctioned-by", "agency:us-ofac", "asserted") in found


def test_a_posts_tie_is_to_one_body_and_a_name_set_off_by_a_comma_is_no_list() -> None:
    found = _tuples(
        "Treasury imposed sanctions on two senior officers, Qasem Soleimani, the Commander of the IRGC-QF, and "
        "Mohsen Chizari, a senior officer."
    )
    assert ("person:qasem-soleimani", "alleged-tie-to", "person:mohsen-chizari", "asserted") not in found
    found = _tuples(
        "As the head of the apparatus, which is directly linked to Secretary General Hassan Nasrallah, Wafiq Safa "
        "has exploited the ports."
    )
    assert not {t for t in found if t[1] == "alleged-tie-to" and t[2] == "person:wafiq-safa"}
