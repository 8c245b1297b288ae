"""A list a colon opens ("The seven entities are:" then "- A", "- B", or "1. A;", "2. B;") holds items, not
headlines: each item's name is typed as the parties the opening line names (a firm, or a body by its head word,
"National Supercomputing Center Wuxi" one body whatever city closes its name), and each is a party of the
measure the text tells (added to the Entity List), each item's description before its semicolon left out; a
numbered item's "1." ends no sentence; items without a marker, a paragraph each ending in ";", are items too. A city named where a party is ("A, based in Shenzhen;",
"B, Shenzhen;") is no party's name. Constructed texts in the shapes of BIS releases and their retellings; no
evaluation text is quoted."""

from __future__ import annotations

import pytest

from extract import propose
from extract.headings import in_heading, list_intro

_TEXT = (
    "BIS Adds Seven Chinese Supercomputing Entities to Entity List\n\n"
    "The Bureau of Industry and Security added seven Chinese entities to the Entity List today.\n\n"
    "The seven entities are:\n"
    "- National Supercomputing Center Jinan\n"
    "- National Supercomputing Center Wuxi\n"
    "- Sunway Microelectronics\n"
    "- Tianjin Phytium Information Technology"
)


def _tuples(text: str) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.predicate.value, c.object, c.stance.value) for c in propose(text).parsed.claims}


def test_a_lists_items_are_no_headlines():
    item = _TEXT.index("Sunway")
    assert not in_heading(_TEXT, item)
    assert list_intro(_TEXT, item) == "The seven entities are:"
    assert in_heading(_TEXT, 0)  # the headline stays one
    assert list_intro(_TEXT, _TEXT.index("Bureau")) is None


@pytest.mark.parametrize(
    "party",
    [
        "organization:national-supercomputing-center-jinan",
        "organization:national-supercomputing-center-wuxi",
        "firm:sunway-microelectronics",
        "firm:tianjin-phytium-information-technology",
    ],
)
def test_each_item_of_a_list_of_added_entities_is_listed(party: str):
    assert (party, "listed-on", "list:us-bis-entity-list", "asserted") in _tuples(_TEXT)


def test_a_city_named_where_a_party_is_is_no_party():
    text = (
        "Commerce added the following entities to the Entity List:\n"
        "1. Avin Electronics Technology Co., Ltd., based in Shenzhen;\n"
        "2. Tenco Technology Co., Ltd., Shenzhen;\n"
        "3. Yutron Technology Co., Ltd. of Shenzhen."
    )
    ids = {e.id for e in propose(text).parsed.entities}
    assert "firm:shenzhen" not in ids
    assert "firm:tenco-technology-co-ltd" in ids


@pytest.mark.parametrize("marker", ["- ", "• ", "1. "])
def test_parties_added_to_a_list_a_line_each_after_its_colon_are_listed(marker: str):
    items = ["Avin Electronics Technology Co., Ltd., based in Shenzhen;", "Tenco Technology Co., Ltd., Shenzhen;"]
    numbered = marker == "1. "
    lines = [(f"{k + 1}. " if numbered else marker) + item for k, item in enumerate(items)]
    text = "Commerce added the following entities to the Entity List:\n" + "\n".join(lines)
    found = _tuples(text)
    for firm in ("firm:avin-electronics-technology-co-ltd", "firm:tenco-technology-co-ltd"):
        assert (firm, "listed-on", "list:us-bis-entity-list", "asserted") in found


def test_a_numbered_items_marker_ends_no_sentence():
    from extract.text import sentences

    text = "The banned entities are:\n1. Avin Electronics Co., Ltd.;\n2. Tenco Technology Co., Ltd."
    assert len(sentences(text)) == 1


def test_unmarked_items_a_paragraph_each_after_a_colon_are_listed():
    text = (
        "BIS announced that it has placed the following companies on the Entity List:\n\n"
        "Chengdu Haiguang Integrated Circuit;\n\n"
        "Sugon Information Industry; and\n\n"
        "Wuxi Jiangnan Computing Technology."
    )
    item = text.index("Sugon")
    assert list_intro(text, item) == "BIS announced that it has placed the following companies on the Entity List:"
    found = _tuples(text)
    for firm in ("firm:chengdu-haiguang-integrated-circuit", "firm:sugon-information-industry"):
        assert (firm, "listed-on", "list:us-bis-entity-list", "asserted") in found
