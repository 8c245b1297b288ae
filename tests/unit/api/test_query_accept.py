"""POST /v1/query's content negotiation and CSV rendering (no database)."""

from __future__ import annotations

import pytest

from api.routers.query import as_csv, wants_csv


@pytest.mark.parametrize(
    ("accept", "csv"),
    [
        ("text/csv", True),
        ("text/csv; charset=utf-8", True),
        ("text/csv, application/json;q=0.9", True),
        ("application/json, text/csv;q=0.5", False),
        ("text/csv, */*", True),
        ("*/*", False),
        ("", False),
        ("application/json", False),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", False),
        ("text/csv;q=0", False),
    ],
)
def test_csv_only_when_preferred(accept: str, csv: bool) -> None:
    assert wants_csv(accept) is csv


def test_csv_has_a_header_and_json_cells() -> None:
    text = as_csv(["id", "tags", "ok", "none"], [["a,b", ["x", "y"], True, None]])
    assert text.splitlines() == ["id,tags,ok,none", '"a,b","[""x"", ""y""]",true,']
