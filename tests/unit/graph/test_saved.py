"""Saved queries without a database: the header read, parameters checked, every shipped file screened."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import ROOT
from graph import guard, saved
from schema.errors import InvalidInput, NotFound

TEXT = """// description: Stakes of at least a percentage,
//   largest first.
// param min_percent: float = 50 -- the smallest stake
// param owner: string -- an owner's id (required)
// param since: date = null
// param strict: boolean = false -- only typed percentages
MATCH (o:Entity {id: $owner})-[r:OWNS]->(a) RETURN a
"""


def test_the_header_gives_description_and_parameters() -> None:
    q = saved.parse("stakes", TEXT)
    assert q.description == "Stakes of at least a percentage, largest first."
    assert [(p.name, p.type, p.required, p.default, p.description) for p in q.params] == [
        ("min_percent", "float", False, 50.0, "the smallest stake"),
        ("owner", "string", True, None, "an owner's id (required)"),
        ("since", "date", False, None, ""),
        ("strict", "boolean", False, False, "only typed percentages"),
    ]
    assert q.cypher == TEXT  # the whole file runs: comments included, so positions match the file


def test_parameters_are_checked_and_defaulted() -> None:
    q = saved.parse("stakes", TEXT)
    assert saved.bind(q, {"owner": "firm:a"}) == {
        "min_percent": 50.0,
        "owner": "firm:a",
        "since": None,
        "strict": False,
    }
    text = {"owner": "firm:a", "min_percent": "25.5", "since": "2022-03", "strict": "yes"}
    assert saved.bind(q, text, from_text=True) == {
        "min_percent": 25.5,
        "owner": "firm:a",
        "since": "2022-03",
        "strict": True,
    }
    assert saved.bind(q, {"owner": "1", "min_percent": 10}, from_text=False)["min_percent"] == 10.0
    for given, field in [
        ({}, "params.owner"),  # required
        ({"owner": "x", "min": 1}, "params.min"),  # unknown
        ({"owner": "x", "min_percent": "half"}, "params.min_percent"),  # JSON: a string is not a float
        ({"owner": "x", "strict": 1}, "params.strict"),
        ({"owner": "x", "since": "2022-13"}, "params.since"),
        ({"owner": None}, "params.owner"),
    ]:
        with pytest.raises(InvalidInput) as caught:
            saved.bind(q, given)
        assert caught.value.details["field"] == field, given


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("// param x: string\nRETURN $x", "description"),
        ("// description: d\n// param x: text\nRETURN $x", "type 'text'"),
        ("// description: d\n// param x: integer = many\nRETURN $x", "not a JSON value"),
        ("// description: d\n// param x: integer = 1.5\nRETURN $x", "is an integer"),
        ("// description: d\n// param x string\nRETURN $x", "param NAME: TYPE"),
    ],
)
def test_a_bad_header_names_its_problem(header: str, problem: str) -> None:
    with pytest.raises(saved.SavedQueryError) as caught:
        saved.parse("bad", header)
    assert problem in caught.value.message


def test_every_shipped_query_is_described_and_passes_the_screen() -> None:
    found = saved.load_all(ROOT / "queries")
    assert 4 <= len(found) <= 6
    for q in found.values():
        assert len(q.description) > 40 and q.params, q.name
        guard.screen(q.cypher)  # read-only by the lexical screen (the planner checks at run time)
        assert all(f"${p.name}" in q.cypher for p in q.params), q.name
        saved.bind(q, {})  # every parameter has a default: each runs as it is


def test_an_unknown_name_lists_the_known_ones(tmp_path: Path) -> None:
    (tmp_path / "one.cypher").write_text("// description: d\nRETURN 1 AS one\n", encoding="utf-8")
    (tmp_path / "Not A Name.cypher").write_text("RETURN 2", encoding="utf-8")  # not a name: skipped
    assert list(saved.load_all(tmp_path)) == ["one"]
    with pytest.raises(NotFound, match="the saved queries are: one"):
        saved.get(tmp_path, "two")
    assert saved.load_all(tmp_path / "missing") == {}
