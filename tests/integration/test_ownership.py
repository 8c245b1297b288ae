"""The ownership rule on the real Neo4j: GET /v1/entities/{id}/ownership and the finding in
exposure, over a hand-built structure written through POST /v1/claims (OFAC FAQ 401's third
example, an ended holding, an alleged one, a share not stated, a subsidiary with no share).

The rule itself is tested on many more structures without the database: tests/unit/ownership.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from config import Settings
from graph import maintenance
from graph.database import Graph
from tests.ownership_structure import BODY


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    maintenance.wipe(graph)
    with TestClient(create_app(settings)) as c:
        r = c.post("/v1/claims", json=BODY, headers={"X-API-Key": settings.api_key.get_secret_value()})
        assert r.status_code == 201, r.text
        yield c


def ownership(client: TestClient, firm: str, **params: Any) -> dict[str, Any]:
    r = client.get(f"/v1/entities/firm:own-{firm}/ownership", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_faq_401_shares_of_blocked_owners_add_up_through_an_entity_the_rule_blocks(client: TestClient) -> None:
    """X (listed) owns 50 % of A and 10 % of B; A owns 40 % of B: B is blocked (10 + 40)."""
    b = ownership(client, "b")
    assert (b["blocked"], b["blocked_by_50_percent_rule"], b["blocked_share"]) == (True, "true", 50.0)
    assert b["rule"]["key"] == "ofac" and b["rule"]["computed"] and "FAQs 398-402" in b["rule"]["cite"]
    tree = b["tree"]
    assert tree["name"] == "Beta Trading" and tree["status"] == "blocked"
    by_owner = {h["owner"]: h for h in tree["holdings"]}
    assert by_owner["firm:own-a"]["share"] == 40.0 and by_owner["person:own-x"]["share"] == 10.0
    assert by_owner["firm:own-a"]["quote"] == "Alpha Holding holds 40 percent of Beta Trading"
    a = by_owner["firm:own-a"]["node"]
    assert a["by_rule"] == "true" and a["status"] == "blocked" and a["listed"] is None
    x = by_owner["person:own-x"]["node"]
    assert x["status"] == "blocked" and "Specially Designated Nationals" in x["listed"]
    assert x["listings"][0]["quote"] == "OFAC designated Oleg Example on 11 March 2022"


def test_a_holding_that_ended_before_as_of_does_not_count(client: TestClient) -> None:
    assert ownership(client, "c")["blocked_by_50_percent_rule"] == "true"  # no date: every holding
    later = ownership(client, "c", as_of="2023-06-30")
    assert later["blocked_by_50_percent_rule"] == "false" and later["tree"]["holdings"] == []


def test_an_alleged_holding_is_left_out_when_only_asserted_facts_are_asked_for(client: TestClient) -> None:
    assert ownership(client, "d")["blocked_by_50_percent_rule"] == "true"
    assert ownership(client, "d", stances="asserted")["blocked_by_50_percent_rule"] == "false"


def test_a_share_not_stated_that_decides_makes_it_unknown_and_says_which(client: TestClient) -> None:
    e = ownership(client, "e")
    assert (e["blocked"], e["blocked_by_50_percent_rule"]) == (None, "unknown")
    (missing,) = e["missing"]
    assert missing["owner"] == "person:own-x" and missing["owner_name"] == "Oleg Example"
    assert missing["quote"] == "Oleg Example holds an undisclosed stake in Epsilon Bank"
    assert "not stated" in e["reason"] and e["blocked_share_max"] == 100.0


def test_a_subsidiary_states_no_share_so_the_rule_cannot_decide(client: TestClient) -> None:
    f = ownership(client, "f")
    assert f["blocked_by_50_percent_rule"] == "unknown"
    assert f["tree"]["holdings"][0]["owner"] == "firm:own-a" and f["tree"]["holdings"][0]["share"] is None


def test_the_eu_rule_is_named_and_needs_more_than_half(client: TestClient) -> None:
    a = ownership(client, "a", rule="eu")  # X holds exactly 50 %
    assert a["rule"]["key"] == "eu" and a["blocked_by_50_percent_rule"] == "false"
    assert ownership(client, "a")["blocked_by_50_percent_rule"] == "true"


def test_exposure_carries_the_finding_marked_as_computed(client: TestClient) -> None:
    r = client.get("/v1/entities/firm:own-b/exposure")
    assert r.status_code == 200, r.text
    finding = r.json()["ownership"]
    assert finding["blocked_by_50_percent_rule"] == "true" and finding["rule"]["computed"] is True


def test_an_unknown_entity_is_404(client: TestClient) -> None:
    assert client.get("/v1/entities/firm:own-nobody/ownership").status_code == 404


def test_screening_a_firm_the_rule_blocks_says_so_with_the_rule(client: TestClient) -> None:
    r = client.post("/v1/screen", json={"records": [{"id": "r-1", "name": "Beta Trading", "type": "Firm"}]})
    assert r.status_code == 200, r.text
    top = r.json()["results"][0]["matches"][0]
    assert top["entity"]["id"] == "firm:own-b" and top["match"]
    assert (
        top["ownership"]["blocked_by_50_percent_rule"] == "true" and "person:own-x 10 %" in top["ownership"]["reason"]
    )
    assert r.json()["receipt"]["ownership_rule"] == "ofac"
