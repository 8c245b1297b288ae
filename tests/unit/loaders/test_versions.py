"""loaders.versions: what a complete later list version ends and brings back (pure)."""

from __future__ import annotations

from pathlib import Path

from loaders import fcc
from loaders.versions import Held, compare, date_in_names, date_sources
from schema.ontology import Predicate

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real"

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


def test_the_version_date_from_the_file_names() -> None:
    assert date_in_names([Path("ofac_sdn_full_2023-09-28.csv")]) == "2023-09-28"
    assert date_in_names([Path("entities-20240102.ftm.json"), Path("delta-2024-01-02.json")]) == "2024-01-02"
    assert date_in_names([Path("sdn.csv")]) is None  # none
    assert date_in_names([Path("a-2023-01-01.csv"), Path("b-2023-01-02.csv")]) is None  # they disagree
    assert date_in_names([Path("x-2023-02-30.csv")]) is None  # not a day


def test_a_versions_records_are_seen_in_it_and_the_reference_texts_are_not() -> None:
    parsed = fcc.load(REAL / "fcc_covered_list_2026.csv")
    date_sources(parsed, "2026-08-01")
    by_kind: dict[str, set[tuple[str | None, str | None]]] = {}
    for s in parsed.sources:
        by_kind.setdefault(s.kind, set()).add((s.first_seen, s.last_seen))
    assert by_kind["file"] == by_kind["list-entry"] == {("2026-08-01", "2026-08-01")}
    assert by_kind["law-text"] == {(None, None)}  # the registry's texts were not in the version
    (file,) = (s for s in parsed.sources if s.kind == "file")
    assert file.published_at == "2026-08-01"
    assert all(s.published_at for s in parsed.sources if s.kind == "list-entry")  # each row's own date stays
