"""Issue 15 acceptance: one real-world entity, one answer.

The demo's data (the seed, the FCC and CSL samples), the OFAC excerpts and a small FtM file with
two Ukrainian authorities (whose slugs were both "x") and a company and a person named in two
scripts, then ``regkg resolve --apply``. Every assertion is through the API or the CLI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli
from config import Settings
from graph import invariants, maintenance
from graph.database import Graph
from tests.conftest import cli_env

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "fixtures" / "real"
KASPERSKY, AO, INC, FCC_INC = (
    "firm:kaspersky-lab",
    "firm:fcc-ao-kaspersky-lab",
    "firm:kaspersky-lab-inc",
    ("firm:fcc-kaspersky-lab-inc"),
)
COVERED = "list:us-fcc-covered-list"
KEY = "test-key-0123456789"


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
    run(
        settings,
        "load",
        "ofac",
        str(REAL / "ofac_sdn_2024-05-03_russia_cyber_excerpt.csv"),
        "--add",
        str(REAL / "ofac_add_2025-02_excerpt.csv"),
        "--alt",
        str(REAL / "ofac_alt_2025-02_excerpt.csv"),
    )
    run(settings, "load", "ftm", str(ROOT / "tests" / "fixtures" / "ftm" / "identity.ftm.jsonl"))
    run(settings, "resolve", "--apply")
    with TestClient(create_app(settings)) as c:
        yield c


def ok(client: TestClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [i["id"] for i in items]


def test_two_authorities_in_cyrillic_are_two_entities(client: TestClient) -> None:
    found = {e["name"]: e["id"] for e in ok(client, "/v1/entities", type="Agency", limit=100)["items"]}
    sbu, gur = found["Служба безпеки України"], found["Головне управління розвідки Міністерства оборони України"]
    assert sbu != gur and "x" not in (sbu.split(":", 1)[1], gur.split(":", 1)[1])


def test_kaspersky_answers_once_with_its_members_and_the_us_subsidiary_apart(client: TestClient) -> None:
    hits = ok(client, "/v1/entities", q="Kaspersky")["items"]
    assert ids(hits).count(KASPERSKY) == 1 and AO not in ids(hits)
    lab = next(h for h in hits if h["id"] == KASPERSKY)
    assert AO in [m["id"] for m in lab["members"]]
    assert INC in ids(hits)  # Kaspersky Lab, Inc. (the FCC's entry among its members) is its own answer
    inc = next(h for h in hits if h["id"] == INC)
    assert FCC_INC in [m["id"] for m in inc["members"]]


def test_a_member_answers_as_its_canonical_entity(client: TestClient) -> None:
    r = client.get(f"/v1/entities/{AO}")
    assert r.status_code == 200 and r.json()["id"] == KASPERSKY
    assert r.headers["content-location"] == f"/v1/entities/{KASPERSKY}"
    assert {"name": "AO Kaspersky Lab", "origins": ["fcc"]} in r.json()["names"]


def test_the_covered_list_listing_is_one_fact_with_both_claims_and_the_fcc_date(client: TestClient) -> None:
    for subject in (KASPERSKY, AO):  # asked by the canonical id or a member's, the same fact
        facts = ok(client, "/v1/facts", subject=subject, predicate="listed-on", object=COVERED)["items"]
        assert len(facts) == 1
        fact = facts[0]
        assert (fact["subject"], fact["n_claims"], fact["valid_from"]) == (KASPERSKY, 2, "2022-03-25")
    prov = ok(client, f"/v1/facts/{fact['fact_id']}/provenance")
    assert sorted(c["subject"] for c in prov["claims"]) == sorted([AO, KASPERSKY])  # who each claim was about


def test_neighbours_paths_and_exposure_on_the_merged_cluster(client: TestClient) -> None:
    around = ok(client, f"/v1/entities/{AO}/neighbors")
    assert around["entity"]["id"] == KASPERSKY
    assert {(e["predicate"], e["object"]) for e in around["edges"]} >= {
        ("listed-on", COVERED),
        ("alleged-tie-to", "agency:fsb"),
    }
    assert AO not in {n["id"] for n in around["nodes"]}  # one node per cluster
    paths = ok(client, "/v1/paths", **{"from": AO, "to": "country:ru"})["paths"]
    assert paths and all(p["nodes"][0]["id"] == KASPERSKY for p in paths)
    exposure = ok(client, f"/v1/entities/{AO}/exposure")
    listed = [a["fact"] for a in exposure["actions"] if a["fact"]["object"] == COVERED]
    assert listed and listed[0]["valid_from"] == "2022-03-25"
    # the US subsidiary is exposed through its parent, with the chain
    via = ok(client, f"/v1/entities/{INC}/exposure")["actions"]
    assert any(a["via"] == KASPERSKY and a["fact"]["object"] == COVERED for a in via)


def test_the_entity_list_is_one_entity_whatever_the_source_called_it(client: TestClient) -> None:
    lists = ok(client, "/v1/entities", q="Entity List")["items"]
    assert lists[0]["id"] == "list:us-bis-entity-list"
    agencies = ids(ok(client, "/v1/entities", type="Agency", limit=100)["items"])
    assert not [a for a in agencies if "entity-list" in a]  # no list stored as an Agency
    listed = ok(client, "/v1/facts", subject="firm:ftm-id-cst", predicate="listed-on")["items"]
    assert [f["object"] for f in listed] == ["list:us-bis-entity-list"]


@pytest.mark.parametrize(("q", "first"), [("US", "country:us"), ("Russia", "country:ru"), ("SDN", "list:us-ofac-sdn")])
def test_countries_and_codes_come_first(client: TestClient, q: str, first: str) -> None:
    assert ok(client, "/v1/entities", q=q)["items"][0]["id"] == first


def test_an_inn_finds_its_firm_shown_by_its_latin_name(client: TestClient) -> None:
    hit = ok(client, "/v1/entities", q="9715478507")["items"][0]
    assert hit["id"] == "firm:ftm-id-cst" and hit["name"] == "LLC CST"
    assert "ООО ЦСТ" in hit["aliases"]  # the original script kept
    person = ok(client, "/v1/entities", q="Захаров")["items"][0]
    assert person["name"] == "Alexander Zakharov"


def test_browse_a_type_without_a_query(client: TestClient) -> None:
    body = ok(client, "/v1/entities", type="List", limit=50)
    assert body["total"] >= 3 and "list:us-bis-entity-list" in ids(body["items"])


def test_undo_restores_separate_answers_and_merge_joins_them_again(
    client: TestClient, graph: Graph, settings: Settings
) -> None:
    decision = next(
        d
        for d in ok(client, "/v1/resolutions", status="merged")["items"]
        if {d["subject"], d["object"]} == {AO, KASPERSKY}
    )
    assert client.delete(f"/v1/resolutions/{decision['id']}", params={"reason": "test"}).status_code == 401
    r = client.delete(f"/v1/resolutions/{decision['id']}", params={"reason": "a test undo"}, headers={"X-API-Key": KEY})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "undone" and r.json()["moved"] == 2
    hits = ids(ok(client, "/v1/entities", q="Kaspersky")["items"])
    assert KASPERSKY in hits and AO in hits  # two answers again
    seed_fact = ok(client, "/v1/facts", subject=KASPERSKY, predicate="listed-on", object=COVERED)["items"][0]
    fcc_fact = ok(client, "/v1/facts", subject=AO, predicate="listed-on", object=COVERED)["items"][0]
    assert (seed_fact["n_claims"], seed_fact["valid_from"]) == (1, None)
    assert (fcc_fact["n_claims"], fcc_fact["valid_from"]) == (1, "2022-03-25")
    assert any(d["id"] == decision["id"] for d in ok(client, "/v1/resolutions", status="undone")["items"])
    assert not any(invariants.violations(graph).values()), invariants.violations(graph)
    # merged again by hand (the CLI), one answer again
    output = run(settings, "resolve", "merge", AO, KASPERSKY, "--reason", "reviewed again")
    assert "merged" in output
    assert ids(ok(client, "/v1/entities", q="Kaspersky")["items"]).count(AO) == 0
    assert not any(invariants.violations(graph).values()), invariants.violations(graph)


def test_the_review_queue_lists_the_unsure_pairs(client: TestClient, settings: Settings) -> None:
    unsure = ok(client, "/v1/resolutions", status="unsure")["items"]
    assert all(u["status"] == "unsure" for u in unsure)
    # never a pair across Kaspersky Lab and its US subsidiary: the graph says they are two
    lab, sub = {KASPERSKY, AO}, {INC, FCC_INC}
    crossing = [u for u in unsure if {u["subject"], u["object"]} & lab and {u["subject"], u["object"]} & sub]
    assert crossing == []
    output = run(settings, "resolve", "review")
    assert "decision(s)" in output


def test_a_second_resolve_records_nothing(settings: Settings, client: TestClient) -> None:
    output = run(settings, "resolve", "--apply")
    assert "nothing new to record" in output and "unsure" not in output


def test_merging_a_firm_with_its_subsidiary_is_refused(client: TestClient) -> None:
    for pair in ((FCC_INC, KASPERSKY), (AO, INC)):  # members or canonical ids alike
        r = client.post(
            "/v1/resolutions",
            json={"subject": pair[0], "object": pair[1], "reason": "looks alike"},
            headers={"X-API-Key": KEY},
        )
        assert r.status_code == 422, r.text
        assert "subsidiary-of" in r.text and "retract" in r.text
    assert ids(ok(client, "/v1/entities", q="Kaspersky Lab, Inc.")["items"])[0] == INC


def test_known_at_hides_the_article_and_keeps_the_dated_press_release(client: TestClient) -> None:
    """On 2024-07-01 the BIS release (published 2024-06-20) and the FCC's Covered List row (its own
    date: 2022-03-25) were known; the seed article (undated, loaded today) was not."""
    known = ok(client, f"/v1/entities/{KASPERSKY}/neighbors", known_at="2024-07-01")["edges"]
    assert known and {e["predicate"] for e in known} <= {"banned-by", "listed-on", "subsidiary-of"}
    for edge in known:
        body = ok(client, f"/v1/facts/{edge['fact_id']}/provenance")
        dates = [c["source"]["published_at"] for claim in body["claims"] for c in claim["citations"]]
        assert any(d and d <= "2024-07-01" for d in dates), dates  # a source published by then
    assert "alleged-tie-to" in {e["predicate"] for e in ok(client, f"/v1/entities/{KASPERSKY}/neighbors")["edges"]}
