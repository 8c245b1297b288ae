"""A firm's post written between its name and its holder's ("Rosneft CEO Igor Sechin", "Transneft president Nikolay
Tokarev") types the name before it a firm and the name after it a person, ties the holder to the firm, and puts a
measure on the holder, not the firm; holders so named in a list are each coordinated. A group "known as" a quoted
name is a group whatever its name ends in; a party "under investigation by" a body is investigated by it. Invented
or public names in constructed sentences; no evaluation text is quoted."""

from __future__ import annotations

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_holders_named_after_their_firms_posts_are_tied_and_sanctioned() -> None:
    found = _tuples(
        "Orlen CEO Igor Varin, Baltgaz CEO Aleksey Mirov, VTB CEO Andrey Kostov and Transol president Nikolay Tokov "
        "were placed under sanctions by the UK."
    )
    for person, firm in [
        ("igor-varin", "orlen"),
        ("aleksey-mirov", "baltgaz"),
        ("andrey-kostov", "vtb"),
        ("nikolay-tokov", "transol"),
    ]:
        assert (f"person:{person}", "alleged-tie-to", f"firm:{firm}", "asserted") in found
        assert (f"person:{person}", "sanctioned-by", "country:gb", "asserted") in found
    assert not {t for t in found if t[0].startswith("firm:") and t[1] == "sanctioned-by"}


def test_a_measure_on_a_firms_post_holder_is_none_on_the_firm() -> None:
    found = _tuples("Treasury sanctioned Transol president Nikolay Tokov.")
    assert ("person:nikolay-tokov", "sanctioned-by", "agency:us-treasury", "asserted") in found
    assert ("person:nikolay-tokov", "alleged-tie-to", "firm:transol", "asserted") in found
    assert not {t for t in found if t[0] == "firm:transol" and t[1] == "sanctioned-by"}


def test_a_known_firms_officer_named_after_the_post() -> None:
    assert ("person:meng-wanzhou", "alleged-tie-to", "firm:huawei", "asserted") in _tuples(
        "Huawei CFO Meng Wanzhou was arrested in Canada."
    )


def test_a_group_known_as_a_quoted_name_is_a_group() -> None:
    found = _tuples(
        "The Treasury Department said it would sanction a Russian group known as “Evil Corp” and its leaders."
    )
    assert ("organization:evil-corp", "sanctioned-by", "agency:us-treasury", "proposed") in found


def test_a_party_under_investigation_by_a_body_is_investigated_by_it() -> None:
    found = _tuples("Acme Trading LLC is under investigation by the Commerce Department over its exports.")
    assert ("firm:acme-trading-llc", "investigated-by", "agency:us-commerce", "asserted") in found


def test_a_person_and_a_firm_before_its_post_are_two_names() -> None:
    found = _tuples("Chairman of the board Dmitry Lebov and Transol president Nikolay Tokov were sanctioned by the UK.")
    assert ("person:nikolay-tokov", "alleged-tie-to", "firm:transol", "asserted") in found
