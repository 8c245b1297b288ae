"""Garbage in and sentence splitting (extract.text)."""

from __future__ import annotations

import os

import pytest

from extract import propose, text
from schema.errors import InvalidInput


def extract(data):
    return propose(data).parsed


# -- garbage in -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        "",
        "   \n\t ",
        b"\x00\x01\x02\x03 binary",
        os.urandom(4096),
        "caf\u00e9".encode("latin-1"),
        "abc\x01\x02\x03\x04\x05" * 50,
    ],
    ids=["empty-bytes", "empty", "blank", "nul", "random", "latin-1", "control-chars"],
)
def test_garbage_is_refused_clearly(data):
    with pytest.raises(InvalidInput):
        extract(data)


def test_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(text, "MAX_CHARS", 1000)
    with pytest.raises(InvalidInput, match="limit"):
        extract("word " * 1000)


def test_utf8_bytes_with_a_byte_order_mark_are_text():
    assert text.decode("\ufeffUS banned Kaspersky Lab.".encode()) == "US banned Kaspersky Lab."


# -- sentences ------------------------------------------------------------------------------------


def _split(norm: str) -> list[str]:
    spans = text.sentences(norm)
    for start, end in spans:
        assert norm[start:end] == norm[start:end].strip()  # trimmed, never empty
        assert start < end
    return [norm[start:end] for start, end in spans]


def test_sentences_end_at_a_stop_before_a_capital():
    assert _split('It banned them. It said so! Was it? "Yes." (Then) 3 more.') == [
        "It banned them.",
        "It said so!",
        "Was it?",
        '"Yes."',
        "(Then) 3 more.",
    ]
    assert _split("lead space. trailing lower-case start. Upper next.  ") == [
        "lead space. trailing lower-case start.",
        "Upper next.",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    assert _split(
        "The U.S. Department of Commerce banned Acme Inc. on Monday. Mr. Smith met Dr. Jones. "
        "E.O. 13873 applies. See e.g. Kaspersky. A. Smith said no."
    ) == [
        "The U.S. Department of Commerce banned Acme Inc. on Monday.",
        "Mr. Smith met Dr. Jones.",
        "E.O. 13873 applies.",
        "See e.g. Kaspersky.",
        "A. Smith said no.",
    ]


def test_a_legal_form_or_the_us_ends_a_sentence_before_a_word_that_opens_one():
    assert _split(
        "OFAC designated Arctic Holdings Ltd. The company ships oil. It was imposed by the U.S. In a statement, "
        "Beijing objected. Treasury named Arctic Holdings Co. Ltd. and Zenon Software Inc. Zenon Group was not named."
    ) == [
        "OFAC designated Arctic Holdings Ltd.",
        "The company ships oil.",
        "It was imposed by the U.S.",
        "In a statement, Beijing objected.",
        "Treasury named Arctic Holdings Co. Ltd. and Zenon Software Inc. Zenon Group was not named.",
    ]
    quoted = [
        c.citations[0].quote
        for c in extract("Polar Trading LLC is a subsidiary of Arctic Holdings Ltd. The company was fined.").claims
    ]
    assert quoted and all("The company" not in q for q in quoted)


def test_blank_lines_end_a_block_and_a_sentence():
    assert _split("Title line\n\nFirst block. Second sentence.\n   \n  Next block without stop\nsame block") == [
        "Title line",
        "First block.",
        "Second sentence.",
        "Next block without stop\nsame block",
    ]


def test_a_wall_of_text_is_cut_at_white_space():
    wall = "word " * 1000
    spans = text.sentences(wall)
    assert [end - start for start, end in spans] == [text.MAX_SENTENCE - 1, 1999]
    assert all(wall[start:end].split() == ["word"] * ((end - start + 1) // 5) for start, end in spans)
