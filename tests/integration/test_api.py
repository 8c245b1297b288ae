"""Issue 4 acceptance: the v1 API on the real Neo4j with the seed loaded."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from config import Settings
from graph.database import Graph
from tests.conftest import load_fresh

SEED = Path(__file__).resolve().parents[2] / "data" / "seed"
KASPERSKY, RUSSIA, US, FSB = "firm:kaspersky-lab", "country:ru", "country:us", "agency:fsb"


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    load_fresh(graph, settings, SEED)
    with TestClient(create_app(settings)) as c:
        yield c


def ok(client: TestClient, url: str, **kw: Any) -> Any:
    r = client.get(url, **kw)
    assert r.status_code == 200, r.text
    return r.json()


def err(client: TestClient, url: str, status: int) -> dict[str, Any]:
    r = client.get(url)
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and {"code", "message", "details"} <= set(body["error"])
    return body["error"]


def fact_id(client: TestClient, s: str, p: str, o: str) -> str:
    items = ok(client, "/v1/facts", params={"subject": s, "predicate": p, "object": o})["items"]
    assert len(items) == 1
    return str(items[0]["fact_id"])


# -- search -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "q", ["kaspersky", "Kaspersky Lab", "kaspersky labs", "Kaspersky Lab, Inc.", "KASPERSKY", "kasperski"]
)
def test_search_is_forgiving(client: TestClient, q: str) -> None:
    body = ok(client, "/v1/entities", params={"q": q})
    assert body["items"][0]["id"] == KASPERSKY
    assert body["total"] >= 1


def test_an_exact_name_comes_first(client: TestClient) -> None:
    items = ok(client, "/v1/entities", params={"q": "Federal Security Service"})["items"]
    assert items[0]["id"] == FSB


def test_search_folds_accents_and_filters_by_type(client: TestClient) -> None:
    assert ok(client, "/v1/entities", params={"q": "Rüssia"})["items"][0]["id"] == RUSSIA
    body = ok(client, "/v1/entities", params={"q": "kaspersky", "type": "Country"})
    assert body["items"] == [] and body["total"] == 0


def test_search_paginates(client: TestClient) -> None:
    first = ok(client, "/v1/entities", params={"q": "us", "limit": 1})
    second = ok(client, "/v1/entities", params={"q": "us", "limit": 1, "offset": 1})
    assert first["total"] == second["total"] >= 2
    assert first["items"][0]["id"] != second["items"][0]["id"]


def test_search_bad_parameters(client: TestClient) -> None:
    assert err(client, "/v1/entities?q=", 422)["code"] == "invalid_input"
    err(client, "/v1/entities?q=x&type=Planet", 422)
    err(client, "/v1/entities?q=x&limit=0", 422)
    assert ok(client, "/v1/entities", params={"q": "+++"}) == {"items": [], "total": 0}


# -- entities and neighbours ------------------------------------------------------------


def test_entity_and_404(client: TestClient) -> None:
    body = ok(client, f"/v1/entities/{KASPERSKY}")
    assert body["type"] == "Firm" and body["country"] == "RU" and body["sources"]
    assert err(client, "/v1/entities/firm:nope", 404)["code"] == "not_found"


def test_neighbors_capped_per_predicate(client: TestClient) -> None:
    body = ok(client, f"/v1/entities/{KASPERSKY}/neighbors", params={"limit": 1})
    assert body["entity"]["id"] == KASPERSKY
    groups = {(g["predicate"], g["direction"]): g for g in body["groups"]}
    assert groups[("alleged-tie-to", "out")]["total"] == 2
    assert groups[("alleged-tie-to", "out")]["shown"] == 1 and groups[("alleged-tie-to", "out")]["truncated"]
    assert body["truncated"] is True
    assert len(body["edges"]) == sum(g["shown"] for g in body["groups"])


def test_neighbors_filters(client: TestClient) -> None:
    body = ok(
        client,
        f"/v1/entities/{KASPERSKY}/neighbors",
        params={"predicates": "alleged-tie-to", "direction": "out", "stances": "alleged"},
    )
    assert {e["object"] for e in body["edges"]} == {FSB, "agency:kremlin"}
    body = ok(client, f"/v1/entities/{KASPERSKY}/neighbors", params={"predicates": "banned-by", "as_of": "2016"})
    assert body["edges"] == []
    err(client, f"/v1/entities/{KASPERSKY}/neighbors?predicates=likes", 422)
    err(client, f"/v1/entities/{KASPERSKY}/neighbors?direction=up", 422)
    err(client, f"/v1/entities/{KASPERSKY}/neighbors?as_of=2016-13", 422)
    err(client, "/v1/entities/firm:nope/neighbors", 404)


# -- facts and provenance ---------------------------------------------------------------


def test_facts_by_triple(client: TestClient) -> None:
    items = ok(client, "/v1/facts", params={"subject": KASPERSKY})["items"]
    assert {i["predicate"] for i in items} >= {"banned-by", "alleged-tie-to", "listed-on", "headquartered-in"}
    assert ok(client, "/v1/facts", params={"subject": "firm:nope"})["items"] == []
    assert len(ok(client, "/v1/facts", params={"limit": 5})["items"]) == 5  # no filter: the first facts
    err(client, "/v1/facts?predicate=likes", 422)


def test_provenance_of_the_fsb_allegation(client: TestClient) -> None:
    fid = fact_id(client, KASPERSKY, "alleged-tie-to", FSB)
    body = ok(client, f"/v1/facts/{fid}/provenance")
    assert body["fact"]["stances"] == ["alleged"]
    (claim,) = body["claims"]
    assert claim["stance"] == "alleged"
    assert claim["asserted_by"]["id"] == US
    (cite,) = claim["citations"]
    assert "coordinated with Russia’s Federal Security Service to steal classified documents" in cite["quote"]
    text = (SEED / "000_66c8fb9bb78ccfc2.txt").read_text(encoding="utf-8")
    assert text[cite["start"] : cite["end"]] == cite["quote"]
    assert cite["source"]["publisher"] == "SafetyDetectives"
    assert [d["publisher"] for d in cite["source"]["derived_from"]] == ["The Wall Street Journal"]
    assert claim["load_runs"] and claim["load_runs"][0]["loader"] == "curated"
    assert body["n_independent_sources"] == 1
    assert err(client, "/v1/facts/fact:nope/provenance", 404)["code"] == "not_found"


def test_disputed_and_asserted_claims_on_one_fact(client: TestClient) -> None:
    fid = fact_id(client, KASPERSKY, "banned-by", US)
    body = ok(client, f"/v1/facts/{fid}/provenance")
    assert sorted(c["stance"] for c in body["claims"]) == ["asserted", "disputed"]
    disputed = next(c for c in body["claims"] if c["stance"] == "disputed")
    assert disputed["asserted_by"]["id"] == KASPERSKY
    # the fact: the source states the ban, Kaspersky disputes it — never "asserted by" Kaspersky
    asserted = next(c for c in body["claims"] if c["stance"] == "asserted")
    assert body["fact"]["asserted_by"] == ([asserted["asserted_by"]["id"]] if asserted["asserted_by"] else [])
    assert body["fact"]["disputed_by"] == [KASPERSKY]
    assert body["fact"]["alleged_by"] == body["fact"]["denied_by"] == []


def test_as_of_marks_a_fact_of_unknown_start(client: TestClient) -> None:
    """The seed's Covered-List listing has no date: on 2010 it is not shown as valid."""
    url = f"/v1/entities/{KASPERSKY}/neighbors"
    edges = ok(client, url, params={"predicates": "listed-on", "as_of": "2010"})["edges"]
    assert edges and all(e["validity"] == "unknown" and e["valid_from"] is None for e in edges)
    assert ok(client, url, params={"predicates": "listed-on", "as_of": "2010", "undated": "exclude"})["edges"] == []
    included = ok(client, url, params={"predicates": "listed-on", "as_of": "2010", "undated": "include"})["edges"]
    assert {e["validity"] for e in included} == {"valid"}
    dated = ok(client, url, params={"predicates": "banned-by", "as_of": "2018"})["edges"]
    assert dated and {e["validity"] for e in dated} == {"valid"}
    assert all("validity" not in e or e["validity"] is None for e in ok(client, url)["edges"])
    exposure = ok(client, f"/v1/entities/{KASPERSKY}/exposure", params={"as_of": "2010"})["actions"]
    assert {a["fact"]["validity"] for a in exposure} == {"unknown"}
    err(client, f"{url}?as_of=2010&undated=maybe", 422)


# -- paths ------------------------------------------------------------------------------


def test_paths_kaspersky_to_russia(client: TestClient) -> None:
    paths = ok(client, "/v1/paths", params={"from": KASPERSKY, "to": RUSSIA})["paths"]
    routes = [[n["id"] for n in p["nodes"]] for p in paths]
    assert [KASPERSKY, RUSSIA] in routes
    assert [KASPERSKY, FSB, RUSSIA] in routes
    for p in paths:
        assert len(p["edges"]) == p["length"] == len(p["nodes"]) - 1
        for i, edge in enumerate(p["edges"]):
            ends = {p["nodes"][i]["id"], p["nodes"][i + 1]["id"]}
            assert {edge["subject"], edge["object"]} == ends
            assert edge["direction"] in ("forward", "backward")
            prov = ok(client, f"/v1/facts/{edge['fact_id']}/provenance")
            quotes = [c["quote"] for claim in prov["claims"] for c in claim["citations"]]
            assert edge["quote"] in quotes
            assert all(c["source"]["publisher"] == "SafetyDetectives" for cl in prov["claims"] for c in cl["citations"])


def test_paths_as_of_removes_the_2017_ban(client: TestClient) -> None:
    def predicates(**params: str) -> set[str]:
        paths = ok(client, "/v1/paths", params={"from": KASPERSKY, "to": US, "max_hops": "1", **params})["paths"]
        return {e["predicate"] for p in paths for e in p["edges"]}

    assert "banned-by" in predicates()
    assert "banned-by" in predicates(as_of="2018-06-01")
    assert "banned-by" not in predicates(as_of="2016-01-01")


def test_paths_stances_remove_the_fsb_allegation(client: TestClient) -> None:
    paths = ok(client, "/v1/paths", params={"from": KASPERSKY, "to": RUSSIA, "stances": "asserted,reported"})["paths"]
    assert paths
    assert all(FSB not in [n["id"] for n in p["nodes"]] for p in paths)
    assert all(e["predicate"] != "alleged-tie-to" for p in paths for e in p["edges"])


def test_no_path_says_why_in_this_graph(client: TestClient) -> None:
    """Kaspersky and Germany: no fact joins them — Germany only alleges Kaspersky's Kremlin ties."""
    r = client.get("/v1/paths", params={"from": "firm:kaspersky-lab", "to": "country:de"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["paths"] == [] and body["no_path"]["reason"] == "asserting-party"
    (fact,) = body["no_path"]["asserting"]
    assert (fact["party"], fact["about"], fact["predicate"]) == ("country:de", "firm:kaspersky-lab", "alleged-tie-to")
    assert body["no_path"]["message"].startswith("No connection within 4 hops: Germany is only a party stating")
    assert "hubs" not in body["no_path"]["message"]
    found = client.get("/v1/paths", params={"from": "firm:kaspersky-lab", "to": "country:ru"}).json()
    assert found["paths"] and found["no_path"] is None


def test_paths_errors(client: TestClient) -> None:
    err(client, f"/v1/paths?from={KASPERSKY}&to={KASPERSKY}", 422)
    err(client, f"/v1/paths?from=firm:nope&to={RUSSIA}", 404)
    err(client, f"/v1/paths?from={KASPERSKY}&to=country:nope", 404)
    err(client, f"/v1/paths?from={KASPERSKY}&to={RUSSIA}&max_hops=9", 422)
    err(client, f"/v1/paths?from={KASPERSKY}&to={RUSSIA}&as_of=2017-02-30", 422)
    err(client, f"/v1/paths?from={KASPERSKY}&to={RUSSIA}&stances=rumoured", 422)
    err(client, f"/v1/paths?from={KASPERSKY}", 422)


def test_directed_paths(client: TestClient) -> None:
    # facts point away from Kaspersky to the FSB and on to Russia, so the directed search still finds it
    paths = ok(client, "/v1/paths", params={"from": KASPERSKY, "to": RUSSIA, "directed": "true"})["paths"]
    assert all(e["direction"] == "forward" for p in paths for e in p["edges"])
    assert ok(client, "/v1/paths", params={"from": RUSSIA, "to": KASPERSKY, "directed": "true"})["paths"] == []


# -- exposure, sources, loads -----------------------------------------------------------


def test_exposure_direct(client: TestClient) -> None:
    body = ok(client, f"/v1/entities/{KASPERSKY}/exposure")
    preds = {a["fact"]["predicate"] for a in body["actions"]}
    assert {"banned-by", "listed-on", "considering-action-against", "acted-against"} <= preds
    assert all(a["path"]["length"] == 0 for a in body["actions"])
    err(client, "/v1/entities/firm:nope/exposure", 404)
    err(client, f"/v1/entities/{KASPERSKY}/exposure?max_hops=99", 422)
    as_of = ok(client, f"/v1/entities/{KASPERSKY}/exposure", params={"as_of": "2016"})
    assert "banned-by" not in {a["fact"]["predicate"] for a in as_of["actions"]}


def test_source_and_loads(client: TestClient) -> None:
    sid = "source:safetydetectives-us-considers-action-against-kaspersky"
    body = ok(client, f"/v1/sources/{sid}", params={"include": "text"})
    assert body["publisher"] == "SafetyDetectives" and len(body["claims"]) == 20
    assert body["derived_from"][0]["publisher"] == "The Wall Street Journal"
    for c in body["claims"]:
        assert body["text"][c["start"] : c["end"]] == c["quote"]
    err(client, "/v1/sources/source:nope", 404)
    loads = ok(client, "/v1/loads")
    assert loads["total"] >= 1 and loads["items"][0]["status"] == "succeeded"
    err(client, "/v1/loads?limit=0", 422)


def test_a_source_leaves_its_text_out_unless_asked(client: TestClient) -> None:
    sid = "source:safetydetectives-us-considers-action-against-kaspersky"
    lean = client.get(f"/v1/sources/{sid}")
    assert lean.status_code == 200 and "text" not in lean.json()
    full = client.get(f"/v1/sources/{sid}", params={"include": "text"})
    assert full.json()["text"].startswith("US Considers Action Against Russian-based Kaspersky Lab")
    assert {k: v for k, v in full.json().items() if k != "text"} == lean.json()
    assert len(lean.content) < len(full.content) - 2000
    assert lean.headers["etag"] != full.headers["etag"]
    body = err(client, f"/v1/sources/{sid}?include=everything", 422)
    assert body["details"][0]["loc"] == ["query", "include"]


def test_unknown_route_is_json(client: TestClient) -> None:
    assert err(client, "/v1/nothing-here", 404)["code"] == "not_found"


def test_known_at_keeps_what_could_be_known_then(client: TestClient) -> None:
    """The seed article has no publication date: its claims count as known from their load."""
    url = f"/v1/entities/{KASPERSKY}/neighbors"
    everything = ok(client, url)["edges"]
    assert everything
    assert ok(client, url, params={"known_at": "2020"})["edges"] == []  # before the article was loaded
    assert len(ok(client, url, params={"known_at": "2999"})["edges"]) == len(everything)
    assert ok(client, f"/v1/entities/{KASPERSKY}/exposure", params={"known_at": "2020"})["actions"] == []
    err(client, f"{url}?known_at=yesterday", 422)


# -- strict parameters and paging ---------------------------------------------------------


def test_an_unknown_parameter_on_every_get_route_is_refused(client: TestClient) -> None:
    paths = [p for p, ops in ok(client, "/openapi.json")["paths"].items() if "get" in ops]
    assert len(paths) >= 14
    for path in paths:
        url = re.sub(r"\{[^}]+\}", "firm:kaspersky-lab", path)
        body = err(client, f"{url}?zz_unknown=1", 422)
        assert "zz_unknown" in body["message"] and "accepts" in body["message"], url
    # the misspellings that used to be ignored
    assert "predicates" in err(client, f"/v1/entities/{KASPERSKY}/neighbors?predicate=banned-by", 422)["message"]


def test_facts_pages_are_disjoint_and_add_up(client: TestClient) -> None:
    whole = ok(client, "/v1/facts", params={"subject": KASPERSKY, "limit": 1000})
    assert whole["total"] == len(whole["items"]) >= 4
    first = ok(client, "/v1/facts", params={"subject": KASPERSKY, "limit": 2, "offset": 0})
    second = ok(client, "/v1/facts", params={"subject": KASPERSKY, "limit": 1000, "offset": 2})
    ids = [f["fact_id"] for f in first["items"]] + [f["fact_id"] for f in second["items"]]
    assert len(set(ids)) == len(ids) and ids == [f["fact_id"] for f in whole["items"]]
    assert first["total"] == whole["total"] and (first["limit"], first["offset"]) == (2, 0)
    alleged = ok(client, "/v1/facts", params={"subject": KASPERSKY, "stances": "alleged"})["items"]
    assert alleged and all("alleged" in f["stances"] for f in alleged) and len(alleged) < whole["total"]


def test_head_wherever_get_and_405_says_what_is_allowed(client: TestClient) -> None:
    get = client.get(f"/v1/entities/{KASPERSKY}")
    head = client.head(f"/v1/entities/{KASPERSKY}")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]
    r = client.delete("/v1/loads")
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
    assert r.json()["error"]["code"] == "method_not_allowed"


def test_nothing_internal_leaks(client: TestClient) -> None:
    """Load runs name files, not the loading machine's paths; max_hops=0 (allowed) answers."""
    inputs = [i for run in ok(client, "/v1/loads")["items"] for i in run["inputs"]]
    assert inputs and not any("/" in i for i in inputs)
    assert "000_66c8fb9bb78ccfc2.txt" in inputs or "seed.yaml" in inputs
    body = ok(client, f"/v1/entities/{KASPERSKY}/exposure", params={"max_hops": 0})
    assert all(a["path"]["length"] == 0 for a in body["actions"])
    for url in (f"/v1/entities/{KASPERSKY}/exposure?max_hops=7", "/v1/paths?from=a&to=a", "/v1/entities/x%00y"):
        text = client.get(url).text
        assert "MATCH" not in text and "/work/" not in text and "Traceback" not in text, url
