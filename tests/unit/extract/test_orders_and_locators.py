"""A withhold release order written in lower case ("CBP issued a new withhold release order on ...") is the
order; "the Dalian Ocean Fishing of China" names a firm and where it is (not a name ending "of China", which
"Bank of China", "Aviation Industry Corporation of China" are); a country after "in" ("combatting forced labor
in China with the issuance of a WRO on X") is a place, not who issued the order. Constructed sentences in the
shapes of CBP and Labor releases and their retellings; no held-out text is used."""

from __future__ import annotations

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_a_lower_case_withhold_release_order_and_a_firm_of_its_country():
    text = (
        "CBP issued a new withhold release order on seafood harvested by vessels owned or operated by the Dalian "
        "Ocean Fishing of China."
    )
    found = _tuples(text)
    assert ("law:withhold-release-order", "enacted-by", "agency:us-cbp", "asserted") in found
    assert ("firm:dalian-ocean-fishing", "headquartered-in", "country:cn", "asserted") in found


def test_a_country_after_in_is_no_one_issuing_the_order():
    text = (
        "The Department of Labor applauded Customs and Border Protection for combatting forced labor in China with "
        "the issuance of a withhold release order on cotton harvested by the Xinjiang Production and Construction "
        "Corps."
    )
    found = _tuples(text)
    assert not {t for t in found if t[0] == "country:cn"}
    assert (
        "agency:us-cbp",
        "acted-against",
        "organization:xinjiang-production-and-construction-corps",
        "asserted",
    ) in found
