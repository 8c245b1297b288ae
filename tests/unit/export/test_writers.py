"""export/: the writers on a small fact graph (no database), and the one FtM type map."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from followthemoney import model

from export import ExportFormat, stream, tables
from schema.ftm import FTM_READ_TYPES, FTM_TYPES, ftm_schema
from schema.ontology import EntityType


class Graph:
    def __init__(self) -> None:
        self.entities: list[dict[str, Any]] = [
            {
                "id": "firm:acme",
                "type": "Firm",
                "name": "Acme",
                "aliases": ["ACME"],
                "country": "RU",
                "description": None,
            },
            {
                "id": "person:ivan",
                "type": "Person",
                "name": "Ivan",
                "aliases": [],
                "country": None,
                "description": None,
            },
            {
                "id": "list:us-ofac-sdn",
                "type": "List",
                "name": "SDN List",
                "aliases": [],
                "country": "US",
                "description": None,
            },
        ]
        self.facts: list[dict[str, Any]] = [
            fact("fact:1", "person:ivan", "owns", "firm:acme", valid_from="2019"),
            fact("fact:2", "firm:acme", "listed-on", "list:us-ofac-sdn", valid_from="2022-04-06"),
        ]


def fact(fid: str, subject: str, predicate: str, obj: str, **extra: Any) -> dict[str, Any]:
    return {
        "fact_id": fid, "subject": subject, "predicate": predicate, "object": obj, "stances": ["asserted"],
        "valid_from": extra.get("valid_from"), "valid_to": None, "n_claims": 1, "n_sources": 1,
        "asserted_by": ["agency:us-ofac"], "quote": "a quote", "source_ids": ["source:s"], "source_urls": [],
    }  # fmt: skip


def test_the_ftm_map_is_one_table_read_both_ways() -> None:
    for schema, etype in FTM_TYPES:
        assert model.get(schema) is not None, schema
        written = ftm_schema(etype)
        assert written is not None and (written, etype) in FTM_TYPES  # what is written is read back as itself
    assert ftm_schema(EntityType.FIRM) == "Company" and ftm_schema(EntityType.ASSET) == "Vessel"
    assert ftm_schema(EntityType.LIST) is None and ftm_schema(EntityType.COUNTRY) is None
    assert set(FTM_READ_TYPES) == {t for _, t in FTM_TYPES}


def test_ftm_lines_are_entities_and_links() -> None:
    lines = [json.loads(x) for x in b"".join(stream(Graph(), ExportFormat.FTM)).splitlines()]
    schemata = sorted(x["schema"] for x in lines)
    assert schemata == ["Company", "Ownership", "Person", "Sanction"]  # the list is the sanction's program
    sanction = next(x for x in lines if x["schema"] == "Sanction")
    assert sanction["properties"]["program"] == ["SDN List"]
    assert sanction["properties"]["listingDate"] == ["2022-04-06"]


def test_graphml_keeps_every_fact_as_an_edge() -> None:
    xml = b"".join(stream(Graph(), ExportFormat.GRAPHML)).decode()
    assert xml.count("<edge ") == 2 and xml.count("<node ") == 3


def test_csv_tables_and_the_zip() -> None:
    files = tables(Graph(), ExportFormat.CSV)
    edges = list(csv.DictReader(io.StringIO(files["edges.csv"].decode())))
    assert [e["fact_id"] for e in edges] == ["fact:1", "fact:2"]
    names = {e["id"]: e["name"] for e in Graph().entities}
    for e in edges:  # readable without the nodes table: names, stances, dates, the best quote
        assert (e["subject_name"], e["object_name"]) == (names[e["subject"]], names[e["object"]])
        assert {"stances", "valid_from", "valid_to", "quote"} <= set(e)
    zipped = b"".join(stream(Graph(), ExportFormat.NEO4J_IMPORT))
    with zipfile.ZipFile(io.BytesIO(zipped)) as zf:
        assert sorted(zf.namelist()) == ["nodes.csv", "relationships.csv"]
        rels = list(csv.DictReader(io.StringIO(zf.read("relationships.csv").decode())))
    assert {r[":TYPE"] for r in rels} == {"OWNS", "LISTED_ON"}
