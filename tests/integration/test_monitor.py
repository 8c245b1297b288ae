"""Monitoring on the real Neo4j (issue 19): watched records re-screened after each load run of
real CSL rows, alerts for what changed — and the incremental alerts equal a full re-screen's.

The list versions are made of the real 2019 CSL excerpt's rows, record by record (the way
tests/integration/test_refresh.py makes them): a watched firm's entry absent, then present, then
absent again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.main import app as cli
from config import Settings
from graph import ingest, maintenance, watch
from graph.database import Graph
from screen import monitor
from screen.records import ScreenRecord
from tests.conftest import cli_env

CSL = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "csl_us_trade_gov_2019_excerpt.csv"
HEADER, *ROWS = list(csv.reader(io.StringIO(CSL.read_text(encoding="utf-8"))))
NAME = HEADER.index("name")
GULF_GATE = next(i for i, r in enumerate(ROWS) if r[NAME] == "Gulf Gate Spedition GmbH")
WATCHED = [
    ScreenRecord(id="c-1", name="Al-Akhtar Trust International", type="Organization"),  # listed all along
    ScreenRecord(id="c-2", name="Gulf Gate Spedition GmbH", type="Firm"),  # listed in the middle version
    ScreenRecord(id="c-3", name="Quiet Widgets Trading GmbH", type="Firm"),  # never listed
]


def version(folder: Path, day: str, rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([HEADER, *rows])
    path = folder / f"csl-{day}.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def load(settings: Settings, path: Path, day: str) -> None:
    result = CliRunner().invoke(cli, ["load", "csl", str(path), "--version-date", day], env=cli_env(settings))
    assert result.exit_code == 0, result.output


@pytest.fixture
def fresh(graph: Graph) -> Iterator[Graph]:
    maintenance.wipe(graph)
    yield graph
    ingest.AFTER_RUN.clear()


def alerts(graph: Graph, wid: str) -> list[dict[str, Any]]:
    return watch.alerts(graph, watchlist=wid, since=None, acknowledged=None, limit=1000, offset=0)["items"]


def test_a_listing_added_then_removed_alerts_once_each_and_a_reload_not_at_all(
    fresh: Graph, settings: Settings, tmp_path: Path
) -> None:
    without = [r for i, r in enumerate(ROWS) if i != GULF_GATE]
    load(settings, version(tmp_path, "2026-01-01", without), "2026-01-01")
    wl = monitor.add(fresh, "customers", WATCHED, by="test")
    assert wl["records"] == 3 and wl["exposed_matches"] == 1  # c-1's listing: the baseline, no alert
    assert alerts(fresh, wl["id"]) == []

    load(settings, version(tmp_path, "2026-02-01", ROWS), "2026-02-01")  # the CLI catches up after the run
    (added,) = alerts(fresh, wl["id"])
    assert (added["record_key"], added["kind"]) == ("c-2", "new")
    assert added["entity_name"] == "Gulf Gate Spedition GmbH" and added["explanation"]
    (cause,) = [c for c in added["causes"] if c["predicate"] == "listed-on"]
    assert cause["change"] == "added" and "Entity List" in cause["quote"]
    assert added["run"] == cause["run"] and cause["loader"] == "csl"

    load(settings, version(tmp_path, "2026-03-01", without), "2026-03-01")
    ended = [a for a in alerts(fresh, wl["id"]) if a["id"] != added["id"]]
    assert [(a["record_key"], a["kind"]) for a in ended] == [("c-2", "ended")]
    assert any(c["change"] == "ended" for c in ended[0]["causes"])

    load(settings, version(tmp_path, "2026-03-01", without), "2026-03-01")  # the same again
    assert len(alerts(fresh, wl["id"])) == 2
    acked = watch.acknowledge(fresh, added["id"], "a.analyst")
    assert acked["acknowledged_by"] == "a.analyst"
    assert [a["id"] for a in watch.alerts(fresh, watchlist=wl["id"], since=None, acknowledged=False,
                                          limit=10, offset=0)["items"]] == [ended[0]["id"]]  # fmt: skip


def _key(a: dict[str, Any]) -> tuple[Any, ...]:
    return (a["record_key"], a["entity_id"], a["kind"], tuple(sorted((c["fact_id"], c["change"]) for c in a["causes"])))


def test_incremental_alerts_equal_a_full_rescreen_over_five_versions(
    fresh: Graph, settings: Settings, tmp_path: Path
) -> None:
    """Two watchlists of the same records: one caught up from the change feed, one re-screened in
    full, after each of five list versions (real rows, each version missing a different fifth)."""
    picks = [ROWS[i] for i in range(0, len(ROWS), 9)]
    records = [ScreenRecord(id=f"w-{i}", name=r[NAME]) for i, r in enumerate(picks)]
    records.append(ScreenRecord(id="w-typo", name=picks[1][NAME].replace("a", "e", 1)))
    days = [f"2026-0{m}-01" for m in range(1, 6)]
    load(settings, version(tmp_path, days[0], [r for i, r in enumerate(ROWS) if i % 5 != 0]), days[0])
    ingest.AFTER_RUN.clear()  # caught up by hand below: one list incrementally, the other in full
    inc = monitor.add(fresh, "incremental", records, by="test")["id"]
    full = monitor.add(fresh, "full", records, by="test")["id"]
    for n, day in enumerate(days[1:], start=1):
        rows = [r for i, r in enumerate(ROWS) if i % 5 != n]
        load(settings, version(tmp_path, day, rows), day)
        report = monitor.catch_up(fresh, inc)
        monitor.catch_up(fresh, full, full=True)
        assert report["rescreened"] < len(records)  # only the records a change reached
    a, b = sorted(map(_key, alerts(fresh, inc))), sorted(map(_key, alerts(fresh, full)))
    assert a == b and len(a) >= 4


def test_the_api_watches_records_and_a_new_listing_through_the_api_alerts(
    fresh: Graph, settings: Settings, tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app

    key = {"X-API-Key": settings.api_key.get_secret_value()}
    body = {"name": "api customers", "by": "ops", "records": [{"id": "k-9", "name": "Orion Freight Forwarding LLC"}]}
    with TestClient(create_app(settings)) as client:
        assert client.post("/v1/watchlists", json=body).status_code == 401
        r = client.post("/v1/watchlists", json=body, headers=key)
        assert r.status_code == 201, r.text
        wid = r.json()["id"]
        assert r.json()["records"] == 1 and r.json()["exposed_matches"] == 0
        assert client.get("/v1/watchlists").status_code == 401  # they hold a customer's records
        assert [w["id"] for w in client.get("/v1/watchlists", headers=key).json()["items"]] == [wid]
        listing = {
            "sources": [{"id": "source:test-orion", "title": "A listing", "kind": "press-release",
                         "publisher": "Bureau of Industry and Security", "published_at": "2026-11-30",
                         "text": "BIS added Orion Freight Forwarding LLC to the Entity List."}],
            "entities": [{"id": "firm:orion-freight", "type": "Firm", "name": "Orion Freight Forwarding LLC"}],
            "claims": [{"subject": "firm:orion-freight", "predicate": "listed-on", "object": "list:us-bis-entity-list",
                        "asserted_by": "agency:us-bis", "valid_from": "2026-11-30", "source": "source:test-orion",
                        "quote": "BIS added Orion Freight Forwarding LLC to the Entity List"}],
        }  # fmt: skip
        assert client.post("/v1/claims", json=listing, headers=key).status_code == 201  # caught up after the run
        assert client.get("/v1/alerts").status_code == 401
        page = client.get("/v1/alerts", params={"watchlist": wid}, headers=key).json()
        (alert,) = page["items"]
        assert (alert["record_key"], alert["kind"], alert["entity_id"]) == ("k-9", "new", "firm:orion-freight")
        assert alert["causes"][0]["quote"] == "BIS added Orion Freight Forwarding LLC to the Entity List"
        assert client.get("/v1/alerts", params={"bogus": 1}, headers=key).status_code == 422
        ack = f"/v1/alerts/{alert['id']}/acknowledge"
        assert client.post(ack, json={"by": "a.analyst"}).status_code == 401
        done = client.post(ack, json={"by": "a.analyst"}, headers=key)
        assert done.status_code == 200 and done.json()["acknowledged_by"] == "a.analyst"
        assert client.get("/v1/alerts", params={"acknowledged": "false"}, headers=key).json()["total"] == 0
    out = CliRunner().invoke(cli, ["alerts", "--format", "csv"], env=cli_env(settings))
    assert out.exit_code == 0 and "k-9,new,Orion Freight Forwarding LLC" in out.output


def test_a_resolution_decision_is_caught_up_too(fresh: Graph, settings: Settings) -> None:
    """A watched record matches a firm by its INN alone; merging that firm with a listed record of
    it (another name, no INN) makes the match exposed: an alert, caused by the same-as decision."""
    from fastapi.testclient import TestClient

    from api.app import create_app

    key = {"X-API-Key": settings.api_key.get_secret_value()}
    text = "Nordwind Polymer LLC (INN 9715478507). BIS added NP Holding to the Entity List."
    body = {
        "sources": [{"id": "source:test-nordwind", "title": "Two records", "kind": "press-release",
                     "publisher": "Bureau of Industry and Security", "published_at": "2026-11-30", "text": text}],
        "entities": [{"id": "firm:nordwind-polymer", "type": "Firm", "name": "Nordwind Polymer LLC",
                      "country": "RU", "identifiers": {"inn": "9715478507"}},
                     {"id": "firm:np-holding", "type": "Firm", "name": "NP Holding", "country": "RU"}],
        "claims": [{"subject": "firm:np-holding", "predicate": "listed-on", "object": "list:us-bis-entity-list",
                    "asserted_by": "agency:us-bis", "valid_from": "2026-11-30", "source": "source:test-nordwind",
                    "quote": "BIS added NP Holding to the Entity List"},
                   {"subject": "firm:nordwind-polymer", "predicate": "headquartered-in", "object": "country:ru",
                    "source": "source:test-nordwind", "quote": "Nordwind Polymer LLC (INN 9715478507)"}],
    }  # fmt: skip
    watched = {"name": "by inn", "by": "ops", "records": [{"id": "i-1", "identifiers": {"inn": "9715478507"}}]}
    with TestClient(create_app(settings)) as client:
        assert client.post("/v1/claims", json=body, headers=key).status_code == 201
        wid = client.post("/v1/watchlists", json=watched, headers=key).json()["id"]
        assert client.get("/v1/alerts", params={"watchlist": wid}, headers=key).json()["total"] == 0
        merge = {
            "subject": "firm:nordwind-polymer",
            "object": "firm:np-holding",
            "reason": "the same firm (BIS notice)",
        }
        assert client.post("/v1/resolutions", json=merge, headers=key).status_code == 201
        (alert,) = client.get("/v1/alerts", params={"watchlist": wid}, headers=key).json()["items"]
    assert (alert["record_key"], alert["kind"]) == ("i-1", "new")
    assert [c["predicate"] for c in alert["causes"]] == ["same-as"] and alert["causes"][0]["loader"] == "resolve"
    assert alert["facts_after"]  # the listing the merge brought
