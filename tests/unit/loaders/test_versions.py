"""loaders.versions: what a complete later list version ends and brings back (pure)."""

from __future__ import annotations

from loaders.versions import Held, compare
from schema.ontology import Predicate

L = Predicate.LISTED_ON
A, B, C = "firm:a", "firm:b", "firm:c"
LIST = "list:x"


def test_a_listing_gone_from_the_version_ends_on_its_date() -> None:
    held = [Held(A, L, LIST), Held(B, L, LIST)]
    parsed, ended, returned = compare("fcc", "2026-08-01", ["source:file"], {(B, L, LIST), (C, L, LIST)}, held)
    assert (ended, returned) == (1, 0)
    (source,) = parsed.sources
    (claim,) = parsed.claims
    assert (claim.subject, claim.predicate, claim.object, claim.valid_to) == (A, L, LIST, "2026-08-01")
    assert claim.qualifiers == {"absent_from_version": "2026-08-01", "series": "fcc"}
    (cite,) = claim.citations
    assert source.text is not None and source.text[cite.start : cite.end] == cite.quote
    assert cite.quote == f"{A} listed-on {LIST}: absent from fcc version 2026-08-01"
    assert source.derived_from == ("source:file",) and source.published_at == "2026-08-01"


def test_an_ended_listing_held_again_returns_and_nothing_ends_twice() -> None:
    held = [Held(A, L, LIST, ended="2026-08-01"), Held(B, L, LIST, ended="2026-08-01")]
    parsed, ended, returned = compare("fcc", "2026-11-01", [], {(A, L, LIST)}, held)
    assert (ended, returned) == (0, 1)
    (claim,) = parsed.claims
    assert claim.subject == A and claim.valid_from == "2026-11-01" and claim.valid_to is None
    assert claim.qualifiers["present_again_in_version"] == "2026-11-01"
    # a listing that returned after its end is open again: it can end again
    again = [Held(A, L, LIST, ended="2026-08-01", returned="2026-11-01")]
    assert compare("fcc", "2027-01-01", [], set(), again)[1] == 1


def test_the_same_version_again_changes_nothing() -> None:
    held = [Held(A, L, LIST, ended="2026-08-01"), Held(B, L, LIST)]
    parsed, ended, returned = compare("fcc", "2026-08-01", [], {(B, L, LIST)}, held)
    assert (ended, returned) == (0, 0) and not parsed.claims and not parsed.sources
