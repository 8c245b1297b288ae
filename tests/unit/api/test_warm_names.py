"""REGKG_WARM_NAMES: the API loads the name tables of screening and extraction before it serves.

rigour's tables hold the GIL while they load (about 8 s), so a first screening or extraction
request would wait for them and stall every other request meanwhile; a server that loads them in
its start-up answers its first request as fast as its next. No database: the driver connects lazily.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from config import Settings
from extract import personal, places
from screen import matcher
from screen.records import ScreenRecord


@pytest.mark.parametrize("warm", [True, False])
def test_the_tables_load_before_the_first_request_only_when_asked(monkeypatch: pytest.MonkeyPatch, warm: bool) -> None:
    calls: list[str] = []
    monkeypatch.setattr(matcher, "prepare", lambda: calls.append("matcher"))
    monkeypatch.setattr(personal, "prepare", lambda: calls.append("personal"))
    monkeypatch.setattr(places, "prepare", lambda: calls.append("cities"))
    settings = Settings(_env_file=None, env="test", neo4j_uri="bolt://127.0.0.1:9", warm_names=warm, warm_queries=False)
    with TestClient(create_app(settings)) as client:
        assert calls == (["matcher", "personal", "cities"] if warm else [])
        assert client.get("/health").status_code == 200
    assert calls == (["matcher", "personal", "cities"] if warm else [])


def test_prepared_the_first_comparison_and_name_check_find_their_tables_loaded() -> None:
    matcher.prepare()
    personal.prepare()
    places.prepare()
    assert matcher._nomenklatura.cache_info().currsize == 1
    assert personal._given.cache_info().currsize >= 1
    assert places.cities._table.cache_info().currsize == 1  # GeoNames' city table
    # what a first request does now runs on loaded tables, with the same answers as ever
    best = matcher.score(
        ScreenRecord(name="Xi Jinping", type="Person"), [{"id": "p", "type": "Person", "name": "XI Jinping"}]
    )[0]
    assert best.score >= 0.9
    assert personal.person_shaped("Sergey Gorkov") and not personal.person_shaped("Nevada Trading Company")
