"""Headlines name parties only by strong cues: a title-case line, and a digest item's title-case lead-in
before its colon ("- OFAC Sanctions Russian Network of Banks, Securities Registrars and Finance Officials:
OFAC on Nov. 21 sanctioned ..."), whose capitalised common words are no names. Constructed text in the
shape of a sanctions newsletter's digest; no evaluation text is quoted."""

from __future__ import annotations

from extract import propose
from extract.headings import in_heading

DIGEST = (
    "Russia-related Sanctions\n"
    "- OFAC Sanctions Russian Network of Banks, Securities Registrars and Finance Officials: OFAC on Nov. 21 "
    "sanctioned dozens of Russian banks. OFAC's action includes the designation of Omegabank.\n"
)


def test_a_digest_items_title_case_lead_in_is_a_heading_and_its_sentences_are_not() -> None:
    lead = DIGEST.index("Network")
    assert in_heading(DIGEST, lead)
    assert not in_heading(DIGEST, DIGEST.index("dozens"))
    assert not in_heading("- Note: the agency said on Monday that it had sanctioned two banks.\n", 2)


def test_the_common_words_of_a_headline_are_no_parties() -> None:
    meta = {"id": "source:probe", "title": "probe", "publisher": "U.S. Department of the Treasury"}
    parsed = propose(DIGEST, meta).parsed
    sanctioned = {c.subject for c in parsed.claims if c.predicate.value == "sanctioned-by"}
    assert sanctioned == {"firm:omegabank"}
