"""Issue 18: screening — explained matches with their exposure, one record or a file of them.

The demo's data (the seed, the curated BIS release, the FCC and CSL samples), the real OFAC
Russia excerpt and the FtM files with names in Cyrillic, resolved; then ``POST /v1/screen`` and
``regkg screen``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli
from config import Settings
from graph import maintenance
from graph.database import Graph
from tests.conftest import cli_env

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "fixtures" / "real"
FTM = ROOT / "tests" / "fixtures" / "ftm"
KASPERSKY, INC = "firm:kaspersky-lab", "firm:kaspersky-lab-inc"
BAN_QUOTE = "the US banned Kaspersky’s use on a federal level back in 2017"


def run(settings: Settings, *args: str) -> str:
    result = CliRunner().invoke(cli, list(args), env=cli_env(settings))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    maintenance.wipe(graph)
    run(settings, "load", "curated", str(ROOT / "data" / "seed"), str(ROOT / "data" / "curated"))
    run(settings, "load", "fcc", str(ROOT / "data" / "samples" / "fcc_covered_list_2026.csv"))
    run(settings, "load", "csl", str(ROOT / "data" / "samples" / "csl_us_trade_gov_2025_sample.csv"))
    run(settings, "load", "ofac", str(REAL / "ofac_sdn_2024-05-03_russia_cyber_excerpt.csv"))
    run(settings, "load", "ftm", str(FTM / "identity.ftm.jsonl"))
    run(settings, "load", "ftm", str(FTM / "screening.ftm.jsonl"))
    run(settings, "resolve", "--apply")
    with TestClient(create_app(settings)) as c:
        yield c


def screen(client: TestClient, *records: dict[str, Any], **options: Any) -> dict[str, Any]:
    r = client.post("/v1/screen", json={"records": list(records), **options})
    assert r.status_code == 200, r.text
    return r.json()


def best(answer: dict[str, Any], i: int = 0) -> dict[str, Any]:
    matches = answer["results"][i]["matches"]
    assert matches, answer["results"][i]
    return matches[0]


def test_a_firm_by_another_spelling_answers_as_its_canonical_entity_with_the_ban_and_its_quote(
    client: TestClient,
) -> None:
    answer = screen(client, {"id": "c-1", "name": "Kaspersky Labs Ltd.", "type": "Firm"})
    top = best(answer)
    assert answer["results"][0]["record_id"] == "c-1"
    assert top["entity"]["id"] == KASPERSKY and top["match"] and top["score"] >= 0.9
    assert top["entity"]["members"], "the resolved FCC record is a member of the canonical entity"
    assert top["explanation"][0]["feature"] == "name_match"
    bans = [a["fact"] for a in top["exposure"] if a["fact"]["predicate"] == "banned-by"]
    ban = next(f for f in bans if f["valid_from"] == "2017")
    assert ban["quote"] == BAN_QUOTE and KASPERSKY in ban["disputed_by"], ban
    receipt = answer["receipt"]
    assert receipt["matcher"]["algorithm"] == "logic-v2" and receipt["matcher"]["library"].startswith("nomenklatura")
    assert receipt["graph_version"] and receipt["threshold"] == 0.7


def test_a_firm_listed_through_its_parent_shows_the_parent_listing_and_the_chain(client: TestClient) -> None:
    top = best(screen(client, {"name": "Kaspersky Lab Inc", "type": "Firm", "country": "US"}))
    assert top["entity"]["id"] == INC and top["match"]
    via_parent = [a for a in top["exposure"] if a["via"] == KASPERSKY and a["fact"]["predicate"] == "listed-on"]
    assert via_parent, [a["fact"]["predicate"] for a in top["exposure"]]
    path = via_parent[0]["path"]
    assert path["length"] == 1 and path["edges"][0]["predicate"] == "subsidiary-of"
    assert [n["id"] for n in path["nodes"]] == [INC, KASPERSKY]


def test_a_cyrillic_query_finds_the_latin_named_person(client: TestClient) -> None:
    top = best(screen(client, {"name": "Тимченко Геннадий Николаевич", "type": "Person"}))
    assert top["entity"]["name"] == "TIMCHENKO, Gennady Nikolayevich" and top["match"]
    assert any(a["fact"]["predicate"] == "sanctioned-by" for a in top["exposure"])


def test_a_cyrillic_query_finds_the_latin_named_firm(client: TestClient) -> None:
    top = best(screen(client, {"name": "ООО «Зала Аэро»", "type": "Firm"}))
    assert top["entity"]["name"] == "LIMITED LIABILITY COMPANY ZALA AERO" and top["match"], top
    assert any(a["fact"]["predicate"] == "sanctioned-by" for a in top["exposure"])


def test_a_latin_query_finds_the_cyrillic_named_firm(client: TestClient) -> None:
    top = best(screen(client, {"name": "Kontsern Kalashnikov", "type": "Firm"}))
    assert top["entity"]["name"] == "АО «Концерн «Калашников»" and top["match"], top


def test_a_namesake_born_another_year_scores_below_the_threshold_and_says_why(client: TestClient) -> None:
    answer = screen(
        client,
        {"name": "Gennady Timchenko", "type": "Person", "birth_date": "1952-11-09"},
        {"name": "Gennady Timchenko", "type": "Person", "birth_date": "1981-02-14"},
    )
    same, namesake = best(answer, 0), best(answer, 1)
    assert same["match"] and not namesake["match"]
    assert namesake["score"] < same["score"]
    why = {x["feature"]: x for x in namesake["explanation"]}
    assert "dob_year_disjoint" in why and "1981" in why["dob_year_disjoint"]["query_value"]
    assert "1952" in why["dob_year_disjoint"]["entity_value"]


def test_an_inn_alone_finds_its_firm(client: TestClient) -> None:
    top = best(screen(client, {"identifiers": {"inn": "9715478507"}}))
    assert top["entity"]["name"] in ("ООО ЦСТ", "LLC CST") and top["score"] >= 0.95 and top["match"]
    assert top["explanation"][0]["feature"] == "inn_code_match"


def test_answers_keep_the_request_order_and_bad_requests_say_what(client: TestClient) -> None:
    answer = screen(client, {"name": "Nobody Whatsoever Unfindable"}, {"id": "x", "name": "Kaspersky Lab"})
    assert [r["record_id"] for r in answer["results"]] == ["#0", "x"]
    assert answer["results"][0]["matches"] == []
    r = client.post("/v1/screen", json={"records": [{"type": "Firm"}]})
    assert r.status_code == 422 and "name or an identifier" in r.text
    r = client.post("/v1/screen", json={"records": [{"name": "a"}] * 1001})
    assert r.status_code == 422


def test_the_command_screens_a_file_and_refuses_a_bad_one(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    records = tmp_path / "customers.csv"
    records.write_text(
        "id,name,type,country,inn\nc1,Kaspersky Labs Ltd.,Firm,RU,\nc2,Nobody Unfindable,any,,\nc3,,any,,9715478507\n",
        encoding="utf-8",
    )
    out = tmp_path / "results.csv"
    said = run(settings, "screen", str(records), "--out", str(out))
    assert "screened 3 record(s)" in said and "2 with a match" in said
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert {r["record_id"] for r in rows} == {"c1", "c2", "c3"}
    first = next(r for r in rows if r["record_id"] == "c1" and r["rank"] == "1")
    assert first["entity_id"] == KASPERSKY and first["match"] == "true" and "banned-by" in first["exposure_facts"]
    jsonl = tmp_path / "results.jsonl"
    run(settings, "screen", str(records), "--out", str(jsonl))
    lines = [json.loads(x) for x in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [x["record_id"] for x in lines] == ["c1", "c2", "c3"]

    bad = tmp_path / "bad.csv"
    bad.write_text("id,name,birth_date\nb1,Someone,1970\nb2,Someone Else,14/02/1981\n", encoding="utf-8")
    target = tmp_path / "never.csv"
    result = CliRunner().invoke(cli, ["screen", str(bad), "--out", str(target)], env=cli_env(settings))
    assert result.exit_code != 0 and f"{bad}:3: birth_date" in result.output
    assert not target.exists() and not list(tmp_path.glob(".never.csv*"))


KEY = "test-key-0123456789"


def test_a_false_positive_is_suppressed_until_the_entity_is_listed_anew(client: TestClient) -> None:
    record = {"id": "k-1", "name": "Kontsern Kalashnikov", "type": "Firm"}
    top = best(screen(client, record))
    firm = top["entity"]["id"]
    assert top["match"] and top["exposure"]
    decision = {"record_id": "k-1", "entity_id": firm, "verdict": "false-positive", "by": "a.analyst",
                "reason": "our customer is a hunting shop of the same name in Izhevsk"}  # fmt: skip
    assert client.post("/v1/screen/decisions", json=decision).status_code == 401  # a write: the key
    r = client.post("/v1/screen/decisions", json=decision, headers={"X-API-Key": KEY})
    assert r.status_code == 201, r.text
    written = r.json()
    assert written["verdict"] == "false-positive" and written["source"].startswith("source:screening-decision-")
    # provenance: the source holds the decision's line; a load run wrote it
    src = client.get(f"/v1/sources/{written['source']}", params={"include": "text"}).json()
    assert "false-positive" in src["text"] and "a.analyst" in src["text"]
    assert any(run["loader"] == "screen-decisions" for run in client.get("/v1/loads").json()["items"])
    listed = client.get("/v1/screen/decisions", params={"record_id": "k-1"}).json()
    assert listed["total"] == 1 and listed["items"][0]["entity_id"] == firm
    # a decision is a claim like every other: (record) screened-as (entity), denied, its line quoted
    prov = client.get(f"/v1/facts/{written['fact_id']}/provenance").json()
    fact, (claim,) = prov["fact"], prov["claims"]
    assert (fact["subject"], fact["predicate"], fact["object"]) == (written["record_entity"], "screened-as", firm)
    assert claim["id"] == written["id"] and claim["stance"] == "denied"
    assert claim["qualifiers"]["decided_by"] == "a.analyst" and claim["citations"][0]["quote"] in src["text"]
    assert claim["load_runs"][0]["loader"] == "screen-decisions"
    assert client.get(f"/v1/entities/{written['record_entity']}").json()["type"] == "Record"
    # never walked as a fact of the world: not among the firm's neighbours
    around = client.get(f"/v1/entities/{firm}/neighbors").json()
    assert "screened-as" not in json.dumps(around)

    again = screen(client, record, {"id": "k-2", "name": "Kontsern Kalashnikov", "type": "Firm"})
    assert firm not in [m["entity"]["id"] for m in again["results"][0]["matches"]]  # suppressed
    assert best(again, 1)["entity"]["id"] == firm  # another record: not decided

    listing = {
        "sources": [{"id": "source:test-kalashnikov-listing", "title": "A later listing", "kind": "press-release",
                     "publisher": "Bureau of Industry and Security", "published_at": "2026-11-30",
                     "text": "BIS added Kalashnikov Concern to the Entity List."}],
        "claims": [{"subject": firm, "predicate": "listed-on", "object": "list:us-bis-entity-list",
                    "asserted_by": "agency:us-bis", "valid_from": "2026-11-30",
                    "source": "source:test-kalashnikov-listing", "quote": "BIS added Kalashnikov Concern to the Entity List"}],
    }  # fmt: skip
    r = client.post("/v1/claims", json=listing, headers={"X-API-Key": KEY})
    assert r.status_code == 201, r.text
    back = best(screen(client, record))
    assert back["entity"]["id"] == firm and back["match"]
    assert back["decision"]["verdict"] == "false-positive" and back["decision"]["suppressed"] is False
    assert any(a["fact"]["object"] == "list:us-bis-entity-list" for a in back["exposure"])
