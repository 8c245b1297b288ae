"""A tie held by a pronoun or a plural description, with words between, as the genre writes it
(invented names): the group or party an earlier sentence named holds it, unless the sentence names
who the pronoun stands for."""

from __future__ import annotations

from extract import propose

T = "alleged-tie-to"


def _ties(text: str) -> set[tuple[str, str]]:
    parsed = propose(text).parsed
    return {(c.subject, c.object) for c in parsed.claims if c.predicate.value == T}


def test_their_direct_ties_are_the_group_last_named() -> None:
    text = (
        "The committee subpoenaed Northwind Telecom Co., Ltd., Eastgate Mobile Co., Ltd. and Harbor Link Co., Ltd. "
        'on Monday. The chairman said, "These companies were blocked from U.S. networks because of their direct '
        'ties to the Chinese Communist Party."'
    )
    assert _ties(text) == {
        ("firm:northwind-telecom-co-ltd", "organization:chinese-communist-party"),
        ("firm:eastgate-mobile-co-ltd", "organization:chinese-communist-party"),
        ("firm:harbor-link-co-ltd", "organization:chinese-communist-party"),
    }


def test_its_with_words_between_is_the_party_the_sentence_names() -> None:
    text = (
        "FinCEN identified Harbor Crest Bank as a concern. Treasury remains committed to its longstanding "
        "work with the Government of Iraq."
    )
    assert _ties(text) == set()
