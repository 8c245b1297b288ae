"""Issue 21 (read path): the fast answers (the graph layer's dicts, orjson) say exactly what the
validated ones (through each route's response model) say, on the seed, route by route. The rest
of the suite runs in checked mode, which compares the two on every answer it reads."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from config import Settings
from graph.database import Graph
from tests.conftest import SEED, load_fresh

KASPERSKY, RUSSIA = "firm:kaspersky-lab", "country:ru"
URLS = [
    "/v1/entities?q=kaspersky",
    "/v1/entities?type=Agency",
    f"/v1/entities/{KASPERSKY}",
    f"/v1/entities/{KASPERSKY}/neighbors",
    f"/v1/entities/{KASPERSKY}/neighbors?as_of=2018&limit=1",
    f"/v1/entities/{RUSSIA}/neighbors?direction=in",
    f"/v1/entities/{KASPERSKY}/exposure",
    f"/v1/entities/{KASPERSKY}/exposure?as_of=2016",
    f"/v1/facts?subject={KASPERSKY}",
    f"/v1/paths?from={KASPERSKY}&to={RUSSIA}",
    f"/v1/paths?from={KASPERSKY}&to={RUSSIA}&as_of=2018&directed=true",
    f"/v1/paths?from={KASPERSKY}&to=agency:fsb&max_hops=1&predicates=owns",
]


@pytest.fixture(scope="module")
def clients(graph: Graph, settings: Settings) -> Iterator[dict[str, TestClient]]:
    load_fresh(graph, settings, SEED)
    with (
        TestClient(create_app(settings.model_copy(update={"api_responses": "fast"}))) as fast,
        TestClient(create_app(settings.model_copy(update={"api_responses": "validated"}))) as validated,
    ):
        yield {"fast": fast, "validated": validated}


def _get(client: TestClient, url: str) -> Any:
    r = client.get(url)
    assert r.status_code == 200, (url, r.text)
    assert r.headers["content-type"] == "application/json"
    return r.json()


@pytest.mark.parametrize("url", URLS)
def test_fast_and_validated_answers_are_the_same(clients: dict[str, TestClient], url: str) -> None:
    assert _get(clients["fast"], url) == _get(clients["validated"], url)


def test_provenance_is_the_same(clients: dict[str, TestClient]) -> None:
    facts = _get(clients["fast"], f"/v1/facts?subject={KASPERSKY}")["items"]
    assert facts
    for fact in facts:
        url = f"/v1/facts/{fact['fact_id']}/provenance"
        assert _get(clients["fast"], url) == _get(clients["validated"], url)


def test_a_fast_answer_has_one_etag(clients: dict[str, TestClient]) -> None:
    url = f"/v1/entities/{KASPERSKY}/neighbors"
    first, again = clients["fast"].get(url), clients["fast"].get(url)
    assert first.headers["etag"] == again.headers["etag"]
    assert clients["fast"].get(url, headers={"If-None-Match": first.headers["etag"]}).status_code == 304
