"""Issue 16 on the real Neo4j: every quote supports its fact, sources at the right grain.

The FCC's two real tables and a small FtM file whose records two datasets publish (a company
register and a sanctions list, as in OpenSanctions' exports) are loaded through the CLI; the
answers are read through the API.
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

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CURATED = Path(__file__).resolve().parents[2] / "data" / "curated"
REAL = FIXTURES / "real"
OWNER, CST, ZALA = "firm:ftm-td-kalashnikov", "firm:ftm-td-cst", "firm:ftm-td-zala"


def run(settings: Settings, *args: str) -> str:
    result = CliRunner().invoke(cli, list(args), env=cli_env(settings))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    maintenance.wipe(graph)
    run(
        settings,
        "load",
        "fcc",
        str(REAL / "fcc_covered_list_2026.csv"),
        str(REAL / "fcc_covered_list_entities_2024.csv"),
    )
    run(settings, "load", "ftm", str(FIXTURES / "ftm" / "two_datasets.ftm.jsonl"))
    run(
        settings, "load", "curated", str(CURATED / "covered-list-firms-countries.yaml")
    )  # among them, where the Covered List's firms are based
    run(settings, "resolve", "--apply")
    with TestClient(create_app(settings)) as c:
        yield c


def ok(client: TestClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def provenance(client: TestClient, subject: str, predicate: str, obj: str) -> Any:
    (fact,) = ok(client, "/v1/facts", subject=subject, predicate=predicate, object=obj)["items"]
    return ok(client, f"/v1/facts/{fact['fact_id']}/provenance")


def test_an_ownership_two_datasets_publish_counts_two_independent_sources(client: TestClient) -> None:
    body = provenance(client, OWNER, "owns", CST)
    (claim,) = body["claims"]
    datasets = sorted(c["source"]["derived_from"][0]["title"] for c in claim["citations"])
    assert datasets == ["FtM dataset gb_fcdo_sanctions", "FtM dataset ru_egrul"]
    assert body["n_independent_sources"] == 2
    # each dataset's record chains to the file it came in
    assert all(c["source"]["derived_from"][-1]["kind"] == "file" for c in claim["citations"])
    # one dataset alone: one source
    assert provenance(client, CST, "owns", ZALA)["n_independent_sources"] == 1


def test_two_versions_of_the_fcc_list_are_one_source(client: TestClient) -> None:
    body = provenance(client, "firm:fcc-ao-kaspersky-lab", "listed-on", "list:us-fcc-covered-list")
    assert len(body["claims"]) == 2  # one per table (2024 and 2026 layouts)
    assert body["n_independent_sources"] == 1  # both are the FCC's list


def test_the_fcc_listing_quotes_the_rows_name_and_date(client: TestClient) -> None:
    body = provenance(client, "firm:fcc-ao-kaspersky-lab", "listed-on", "list:us-fcc-covered-list")
    for claim in body["claims"]:
        quotes = [c["quote"] for c in claim["citations"]]
        assert any("Kaspersky" in q for q in quotes) and "March 25, 2022" in quotes


def test_huawei_keeps_its_inclusion_date_and_has_its_country_from_a_text_that_says_so(client: TestClient) -> None:
    huawei = ok(client, "/v1/entities/firm:fcc-huawei-technologies-company")
    assert huawei["country"] == "CN"  # the Covered List row does not say; the BIS notice does
    assert "firm:fcc-huawei-technologies-company" in {m["id"] for m in huawei["members"]}
    body = provenance(client, huawei["id"], "headquartered-in", "country:cn")
    (claim,) = body["claims"]
    (cite,) = claim["citations"]
    assert "Huawei Technologies Co., Ltd." in cite["quote"] and "(under China" in cite["quote"]
    assert cite["source"]["url"].startswith("https://govinfo.gov/") and cite["source"]["published_at"] == "2022-04-11"
    body = provenance(client, huawei["id"], "listed-on", "list:us-fcc-covered-list")
    assert body["fact"]["valid_from"] == "2021-03-12"
    for claim in body["claims"]:  # one per table (2024 and 2026 layouts)
        assert "March 12, 2021" in [c["quote"] for c in claim["citations"]]
        assert {c["source"]["published_at"] for c in claim["citations"]} == {"2021-03-12"}  # the row's own date
    chinese = ok(client, "/v1/entities/country:cn/neighbors", predicates="headquartered-in")["edges"]
    assert {e["subject"] for e in chinese} >= {huawei["id"], "firm:zte-corporation", "firm:hikvision"}


def test_background_facts_cite_the_registry(client: TestClient) -> None:
    body = provenance(client, "agency:us-fcc", "administers", "list:us-fcc-covered-list")
    (claim,) = body["claims"]
    (cite,) = claim["citations"]
    assert cite["source"]["id"].startswith("source:reference-")
    assert "list of covered communications equipment or services" in cite["quote"]


def test_invariants_hold(graph: Graph, client: TestClient) -> None:
    assert not any(invariants.violations(graph).values()), invariants.violations(graph)
