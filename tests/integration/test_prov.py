"""Issue 9: provenance as W3C PROV-O JSON-LD, checked as RDF with rdflib."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.namespace import PROV, RDF
from typer.testing import CliRunner

from api.app import create_app
from api.prov import iri
from cli.main import app as cli
from config import Settings
from graph import maintenance
from graph.database import Graph

SEED = Path(__file__).resolve().parents[2] / "data" / "seed"
KASPERSKY, FSB, US = "firm:kaspersky-lab", "agency:fsb", "country:us"
ARTICLE = "source:safetydetectives-us-considers-action-against-kaspersky"
WSJ = "source:wsj-commerce-considering-action-against-kaspersky"
REGKG = rdflib.Namespace("https://regkg.dev/ns#")


@pytest.fixture(scope="module")
def client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    maintenance.wipe(graph)
    env = {"REGKG_NEO4J_URI": settings.neo4j_uri, "REGKG_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value()}
    result = CliRunner().invoke(cli, ["load", "curated", str(SEED)], env=env)
    assert result.exit_code == 0, result.output
    with TestClient(create_app(settings)) as c:
        yield c


def _fact_id(client: TestClient) -> str:
    r = client.get("/v1/facts", params={"subject": KASPERSKY, "predicate": "alleged-tie-to", "object": FSB})
    items = r.json()["items"]
    assert len(items) == 1
    return str(items[0]["fact_id"])


def test_default_stays_json(client: TestClient) -> None:
    r = client.get(f"/v1/facts/{_fact_id(client)}/provenance")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert "claims" in r.json()


# rdflib's JSON-LD parser builds a ConjunctiveGraph internally and warns about it itself.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_provenance_as_prov_jsonld(client: TestClient) -> None:
    fid = _fact_id(client)
    r = client.get(f"/v1/facts/{fid}/provenance", headers={"Accept": "application/ld+json"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/ld+json")
    body = r.json()
    assert "@context" in body
    plain = client.get(f"/v1/facts/{fid}/provenance").json()
    (claim,) = plain["claims"]

    g = rdflib.Graph().parse(data=r.text, format="json-ld")
    c, us, article, wsj = (rdflib.URIRef(iri(x)) for x in (claim["id"], US, ARTICLE, WSJ))
    fact = rdflib.URIRef(iri("fact:" + fid))

    assert (fact, RDF.type, PROV.Entity) in g
    assert (fact, PROV.wasDerivedFrom, c) in g
    assert (c, RDF.type, PROV.Entity) in g
    assert (c, PROV.wasAttributedTo, us) in g
    assert (us, RDF.type, PROV.Agent) in g
    assert (c, PROV.wasDerivedFrom, article) in g
    assert (article, RDF.type, PROV.Entity) in g
    assert (article, PROV.wasDerivedFrom, wsj) in g
    assert (wsj, RDF.type, PROV.Entity) in g
    assert (c, REGKG.stance, rdflib.Literal("alleged")) in g

    runs = list(g.objects(c, PROV.wasGeneratedBy))
    assert runs and all((run, RDF.type, PROV.Activity) in g for run in runs)
    assert {rdflib.URIRef(iri(x["id"])) for x in claim["load_runs"]} == set(runs)

    (derivation,) = g.objects(c, PROV.qualifiedDerivation)
    assert (derivation, RDF.type, PROV.Derivation) in g
    assert (derivation, PROV.entity, article) in g
    quote = str(g.value(derivation, REGKG.quote))
    assert "Federal Security Service" in quote
    start, end = (int(g.value(derivation, p).toPython()) for p in (REGKG.start, REGKG.end))  # type: ignore[union-attr]
    assert (start, end) == (claim["citations"][0]["start"], claim["citations"][0]["end"])


def test_unknown_fact_stays_an_error_envelope(client: TestClient) -> None:
    r = client.get("/v1/facts/nope/provenance", headers={"Accept": "application/ld+json"})
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"
