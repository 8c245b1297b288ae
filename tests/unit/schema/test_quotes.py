"""Quote location (schema.quotes): folding, normalisation with its index map, locate, matches."""

from __future__ import annotations

import pytest

from schema.quotes import fold, locate, matches, normalise

# -- fold ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("char", "folded"),
    [
        ("\u2018", "'"),  # ‘
        ("\u2019", "'"),  # ’
        ("\u201a", "'"),  # ‚
        ("\u201b", "'"),  # ‛
        ("\u2032", "'"),  # ′ prime
        ("\u201c", '"'),  # “
        ("\u201d", '"'),  # ”
        ("\u201e", '"'),  # „
        ("\u201f", '"'),  # ‟
        ("\u2033", '"'),  # ″ double prime
        ("`", '"'),  # backquote
        ("\u00a0", " "),  # no-break space
        ("\u2009", " "),  # thin space
        ("\u202f", " "),  # narrow no-break space
        ("\u3000", " "),  # ideographic space
        ("\u200b", " "),  # zero-width space
        ("\ufeff", " "),  # byte-order mark / zero-width no-break space
        ("\u2010", "-"),  # hyphen
        ("\u2011", "-"),  # non-breaking hyphen
    ],
)
def test_fold_maps_each_odd_character(char: str, folded: str) -> None:
    assert fold(char) == folded
    assert fold(f"a{char}b") == f"a{folded}b"


def test_fold_keeps_the_length_so_offsets_carry_over() -> None:
    text = "\u201cKaspersky\u00a0Lab\u201d \u2018s\u200b `x`"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == '"Kaspersky Lab" \'s  "x"'
    assert folded.index("Kaspersky") == text.index("Kaspersky")


def test_fold_leaves_ordinary_white_space_and_text_alone() -> None:
    text = "tab\there\nnew line  two spaces, \"straight\" 'quotes', é"
    assert fold(text) == text


# -- normalise ----------------------------------------------------------------------------


def test_normalise_collapses_each_white_space_run_to_one_space() -> None:
    norm, index = normalise("a \t\n  b")
    assert norm == "a b"
    assert index == [0, 1, 6]


def test_normalise_treats_nbsp_and_zero_width_spaces_as_white_space() -> None:
    assert normalise("a\u00a0\u200bb")[0] == "a b"
    assert normalise("a\u200bb")[0] == "a b"
    assert normalise("a\ufeff\u2003 b")[0] == "a b"


def test_normalise_straightens_curly_quotes() -> None:
    assert normalise("\u201cit\u2019s\u201d")[0] == '"it\'s"'


def test_normalise_keeps_leading_and_trailing_space_as_one() -> None:
    assert normalise("  a  ")[0] == " a "


def test_normalise_index_points_into_the_original() -> None:
    text = "x\u00a0\u00a0\u201cy\u201d\n\nz"
    norm, index = normalise(text)
    assert norm == 'x "y" z'
    assert len(index) == len(norm)
    assert index == [0, 1, 3, 4, 5, 6, 8]
    # every non-space character maps to the original character it came from
    for ch, i in zip(norm, index, strict=True):
        if ch != " ":
            assert fold(text[i]) == ch


def test_normalise_of_empty_text() -> None:
    assert normalise("") == ("", [])


# -- locate -------------------------------------------------------------------------------


def test_locate_exact_quote() -> None:
    text = "The agency banned Kaspersky products on Tuesday."
    assert locate(text, "banned Kaspersky products") == (11, 36)
    assert text[11:36] == "banned Kaspersky products"


def test_locate_across_a_line_break() -> None:
    text = "The agency banned\n   Kaspersky products."
    start, end = locate(text, "banned Kaspersky products")  # type: ignore[misc]
    assert text[start:end] == "banned\n   Kaspersky products"


def test_locate_quote_with_a_line_break_in_a_text_without_one() -> None:
    text = "The agency banned Kaspersky products."
    assert locate(text, "banned\nKaspersky") == (11, 27)


def test_locate_straight_quote_in_curly_text_returns_the_curly_original() -> None:
    text = "He called it \u201ca threat\u201d and left."
    start, end = locate(text, '"a threat"')  # type: ignore[misc]
    assert (start, end) == (13, 23)
    assert text[start:end] == "\u201ca threat\u201d"


def test_locate_curly_quote_in_straight_text() -> None:
    text = 'It\'s "a threat".'
    assert locate(text, "It\u2019s \u201ca threat\u201d") == (0, 15)


def test_locate_ignores_white_space_around_the_quote() -> None:
    text = "one two three"
    assert locate(text, "  two\n") == (4, 7)


def test_locate_first_occurrence_without_a_hint() -> None:
    text = "ban. ban. ban."
    assert locate(text, "ban") == (0, 3)


def test_locate_start_hint_picks_the_occurrence_at_or_after_it() -> None:
    text = "ban. ban. ban."
    assert locate(text, "ban", start_hint=5) == (5, 8)
    assert locate(text, "ban", start_hint=6) == (10, 13)
    assert locate(text, "ban", start_hint=10) == (10, 13)


def test_locate_start_hint_past_every_occurrence_falls_back_to_the_first() -> None:
    assert locate("ban. ban.", "ban", start_hint=100) == (0, 3)


def test_locate_start_hint_is_an_offset_into_the_original_text() -> None:
    text = "ban\u00a0\u00a0\u00a0\u00a0ban"  # normalised: "ban ban"; the second one is at 7 in the original
    assert locate(text, "ban", start_hint=5) == (7, 10)


def test_locate_not_found_is_none() -> None:
    assert locate("The agency banned Kaspersky.", "banned Huawei") is None


@pytest.mark.parametrize("quote", ["", "   ", "\n\u00a0\u200b"])
def test_locate_empty_quote_is_none(quote: str) -> None:
    assert locate("some text", quote) is None


def test_locate_reuses_a_precomputed_normalisation() -> None:
    text = "alpha\n beta"
    assert locate(text, "alpha beta", normalised=normalise(text)) == (0, 11)


def test_locate_zero_width_space_inside_a_word_counts_as_a_space() -> None:
    # documented: zero-width spaces are white space, so a word split by one no longer matches whole
    assert locate("Kas\u200bpersky", "Kaspersky") is None
    assert locate("Kas\u200bpersky", "Kas persky") == (0, 10)


# -- matches ------------------------------------------------------------------------------


def test_matches_true_for_the_slice_up_to_normalisation() -> None:
    text = "He called it \u201ca threat\u201d\n and left."
    assert matches(text, '"a threat" and', 13, 28)


def test_matches_false_for_other_text() -> None:
    assert not matches("one two three", "two", 0, 3)


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (4, 2), (0, 99)])
def test_matches_false_for_offsets_out_of_range(start: int, end: int) -> None:
    assert not matches("one two", "one", start, end)


def test_locate_and_matches_agree() -> None:
    text = "Officials said\u00a0the firm\u2019s software \u201cposes a risk\u201d."
    quote = 'the firm\'s software "poses a risk"'
    start, end = locate(text, quote)  # type: ignore[misc]
    assert matches(text, quote, start, end)
