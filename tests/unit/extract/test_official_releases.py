"""Official releases in the words they use: "assessed a $110,003,314 civil money penalty today against X" acts against
X, by the body that assessed it, not the one it worked "in coordination with"; "The bipartisan legislation was
introduced in February by Chairman A and Rep. B" names the proposers of the law the text last named. Invented or
public names in constructed sentences; no evaluation text is quoted."""

from __future__ import annotations

from extract import propose


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_a_penalty_in_many_words_acts_against_its_target_by_the_body_that_assessed_it() -> None:
    found = _tuples(
        "WASHINGTON\u2014The Financial Crimes Enforcement Network (FinCEN), working in coordination with the U.S. "
        "Attorney\u2019s Office for the Northern District of California, assessed a $110,003,314 civil money penalty "
        "today against Kestrel Exchange Corporation for willfully violating U.S. anti-money laundering laws."
    )
    assert ("agency:us-fincen", "acted-against", "firm:kestrel-exchange-corporation", "asserted") in found
    assert not {t for t in found if t[1] == "acted-against" and t[0] != "agency:us-fincen"}


def test_a_bill_named_by_its_common_noun_was_introduced_by_its_proposers() -> None:
    found = _tuples(
        "Today, the House Foreign Affairs Committee passed the Nuclear Trade Prevention Act (H.R. 905). The "
        "bipartisan legislation was introduced in February by Chairman Ed Rowan and Rep. Eliot Engstrom (D-NY)."
    )
    for person in ["ed-rowan", "eliot-engstrom"]:
        assert ("law:nuclear-trade-prevention-act", "proposed-by", f"person:{person}", "asserted") in found
