"""Ids are digests of their parts: the fast path (orjson) must give exactly the bytes the
standard library's compact, key-sorted JSON gives, or every id in every graph would change."""

from __future__ import annotations

import hashlib
import json
import sys
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from schema.models import Claim, digest, fact_id
from schema.ontology import Predicate


def _reference(*parts: Any, length: int = 24) -> str:
    blob = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()[:length]


_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
_leaf = st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | _text | st.floats()
_value = st.recursive(
    _leaf,
    lambda inner: (
        st.lists(inner, max_size=4) | st.lists(inner, max_size=4).map(tuple) | st.dictionaries(_text, inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_value, max_size=9))
def test_digest_equals_the_standard_librarys_json(parts: list[Any]) -> None:
    assert digest(*parts) == _reference(*parts)


def test_every_code_point_is_written_alike() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for start in range(0, len(every), 4096):
        chunk = every[start : start + 4096]
        assert digest(chunk, {chunk: [chunk]}) == _reference(chunk, {chunk: [chunk]})


def test_floats_enums_and_big_ints_take_the_standard_librarys_path() -> None:
    for parts in ((1e-05, 1e-7, 1.234e-05), (Predicate.OWNS,), (2**64 + 1,), ({"share": 51.0},)):
        assert digest(*parts) == _reference(*parts)


def test_claim_and_fact_ids_are_unchanged() -> None:
    """A claim with qualifiers (a float among them) keeps the id the standard library's JSON gives it."""
    claim = Claim(
        subject="firm:acme",
        predicate=Predicate.OWNS,
        object="firm:zarya",
        qualifiers={"percentage": 51.0, "note": 'Заря \u00a0"quoted"\n'},
        citations=[{"source": "source:x", "quote": "Acme owns 51 %", "start": 3, "end": 17}],
    )
    assert fact_id("firm:acme", Predicate.OWNS, "firm:zarya") == claim.fact_id
    assert claim.id == "claim:" + _reference(
        "firm:acme", "owns", "firm:zarya", "asserted", None, None, None,
        {"percentage": 51.0, "note": "Заря \u00a0\"quoted\"\n"}, [("source:x", 3, 17)],
    )  # fmt: skip
