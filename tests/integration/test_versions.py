"""Issue 16: list versions, delistings and the change feed, on the real FCC table.

Version 1 (2026-03-01) is the real table without its last rows; version 2 (2026-08-01) drops
Huawei's entry and adds Digitalsystem Technology's (a real later entry). Both are the real rows,
byte for byte.
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

TABLE = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "fcc_covered_list_2026.csv"
HUAWEI, DIGITAL = "firm:fcc-huawei-technologies-company", "firm:fcc-digitalsystem-technology-inc"
COVERED = "list:us-fcc-covered-list"
V1, V2 = "2026-03-01", "2026-08-01"


def run(settings: Settings, *args: str) -> str:
    result = CliRunner().invoke(cli, list(args), env=cli_env(settings))
    assert result.exit_code == 0, result.output
    return result.output


def counts(graph: Graph) -> tuple[dict[str, int], dict[str, int]]:
    return maintenance.counts(graph), maintenance.domain_counts(graph)


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    lines = TABLE.read_text(encoding="utf-8").splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    assert "Huawei" in rows[0] and "Digitalsystem" in rows[13]
    folder = tmp_path_factory.mktemp("fcc-versions")
    first, second = folder / "covered-2026-03.csv", folder / "covered-2026-08.csv"
    first.write_text(header + "".join(rows[:11]), encoding="utf-8")
    second.write_text(header + "".join(rows[1:11]) + rows[13], encoding="utf-8")
    return first, second


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    maintenance.wipe(graph)
    with TestClient(create_app(settings)) as c:
        yield c


def ok(client: TestClient, url: str, **params: Any) -> Any:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def listing(client: TestClient, firm: str, **params: Any) -> list[dict[str, Any]]:
    edges = ok(client, f"/v1/entities/{firm}/neighbors", predicates="listed-on", **params)["edges"]
    return [e for e in edges if e["object"] == COVERED]


def test_a_later_version_ends_the_listing_it_no_longer_holds(
    client: TestClient, graph: Graph, settings: Settings, versions: tuple[Path, Path]
) -> None:
    first, second = versions
    out = run(settings, "load", "fcc", str(first), "--version-date", V1)
    assert f"fcc version {V1}: 0 listing(s) ended, 0 returned" in out
    since = ok(client, "/v1/loads", limit=1)["items"][0]["id"]
    out = run(settings, "load", "fcc", str(second), "--version-date", V2)
    assert f"fcc version {V2}: 1 listing(s) ended, 0 returned" in out

    (fact,) = listing(client, HUAWEI)
    assert (fact["valid_from"], fact["valid_to"]) == ("2021-03-12", V2)
    assert listing(client, HUAWEI, as_of="2026-07-31")  # before the later version: still listed
    assert listing(client, HUAWEI, as_of="2026-08-02") == []  # after it: not
    (added,) = listing(client, DIGITAL)
    assert added["valid_from"] == "2026-07-07" and added["valid_to"] is None

    # the end is a claim of its own, quoting the comparison, and history is kept
    body = ok(client, f"/v1/facts/{fact['fact_id']}/provenance")
    ended = [c for c in body["claims"] if "absent_from_version" in c["qualifiers"]]
    (end,) = ended
    assert end["valid_to"] == V2 and end["qualifiers"]["absent_from_version"] == V2
    (cite,) = end["citations"]
    assert cite["quote"] == f"{HUAWEI} listed-on {COVERED}: absent from fcc version {V2}"
    assert cite["source"]["publisher"] == "regkg" and cite["source"]["published_at"] == V2
    assert len(body["claims"]) == 2  # the listing from version 1 stays
    # a row both versions hold was first seen in the first and last seen in the second
    zte = listing(client, "firm:fcc-zte-corporation")[0]
    (claim,) = ok(client, f"/v1/facts/{zte['fact_id']}/provenance")["claims"]
    row = claim["citations"][0]["source"]
    assert (row["kind"], row["first_seen"], row["last_seen"]) == ("list-entry", V1, V2)
    huawei_row = next(c for c in body["claims"] if c not in ended)["citations"][0]["source"]
    assert (huawei_row["first_seen"], huawei_row["last_seen"]) == (V1, V1)  # gone from the second

    # the change feed since version 1: exactly one fact ended and one added
    feed = ok(client, "/v1/changes", since=since)
    kinds = sorted((i["change"], i["subject"]) for i in feed["items"] if i["predicate"] == "listed-on")
    assert kinds == [("added", DIGITAL), ("ended", HUAWEI)]
    assert all(i["run"]["version_date"] == V2 for i in feed["items"])
    assert feed["total"] == len(feed["items"])
    assert not any(invariants.violations(graph).values())


def test_reloading_either_version_changes_nothing(
    client: TestClient, graph: Graph, settings: Settings, versions: tuple[Path, Path]
) -> None:
    before = counts(graph)
    for path, day in zip(versions, (V1, V2), strict=True):
        out = run(settings, "load", "fcc", str(path), "--version-date", day)
        assert "0 listing(s) ended, 0 returned" in out
        assert counts(graph) == before
    (fact,) = listing(client, HUAWEI)
    assert fact["valid_to"] == V2


def test_a_return_starts_again(client: TestClient, settings: Settings, versions: tuple[Path, Path]) -> None:
    first, _ = versions
    out = run(settings, "load", "fcc", str(first), "--version-date", "2026-11-01")
    assert "fcc version 2026-11-01: 1 listing(s) ended, 1 returned" in out  # Digitalsystem gone, Huawei back
    (huawei,) = listing(client, HUAWEI)
    assert huawei["valid_to"] is None
    # the return starts a new period: the months between the end and the return stay a gap
    assert huawei["gaps"] == [f"{V2}/2026-11-01"]
    assert listing(client, HUAWEI, as_of="2026-07-31")  # the first period
    assert listing(client, HUAWEI, as_of="2026-09-15") == []  # the gap
    assert listing(client, HUAWEI, as_of="2026-11-02")  # the second period
    (digital,) = listing(client, DIGITAL)
    assert digital["valid_to"] == "2026-11-01"
    feed = ok(client, "/v1/changes", limit=10)["items"]
    latest = {i["subject"]: i["change"] for i in feed if i["run"]["version_date"] == "2026-11-01"}
    assert latest == {HUAWEI: "returned", DIGITAL: "ended"}


def test_the_cli_feed_and_bad_input(client: TestClient, settings: Settings) -> None:
    out = run(settings, "changes", "--limit", "5")
    assert "change(s)" in out and "returned" in out
    r = client.get("/v1/changes", params={"since": "yesterday"})
    assert r.status_code == 422
    r = client.get("/v1/changes", params={"since": "run:" + "0" * 32})
    assert r.status_code == 404
    result = CliRunner().invoke(cli, ["load", "fcc", str(TABLE), "--version-date", "2026-13-01"], env=cli_env(settings))
    assert result.exit_code != 0 and "--version-date" in result.output
    result = CliRunner().invoke(cli, ["load", "fcc", str(TABLE), "--version-date", "file"], env=cli_env(settings))
    assert result.exit_code != 0 and "no one date in the file name" in result.output  # 2026 is no day


def test_the_version_date_read_from_the_file_name(
    client: TestClient, settings: Settings, versions: tuple[Path, Path], tmp_path: Path
) -> None:
    dated = tmp_path / "covered-list-2026-12-01.csv"
    dated.write_bytes(versions[0].read_bytes())
    out = run(settings, "load", "fcc", str(dated), "--version-date", "file")
    assert "fcc version 2026-12-01:" in out
    assert ok(client, "/v1/loads", limit=1)["items"][0]["version_date"] == "2026-12-01"
