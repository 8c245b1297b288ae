"""One example answer (and request body) per route, for the OpenAPI: real answers on the demo seed.

The models (api/models.py, the health and extract routers) attach them with ``json_schema_extra``;
the export and JSON-LD examples are given on their routes. A test checks that every operation
of the OpenAPI has one and that each example is exactly what its model serialises.
"""

from __future__ import annotations

from typing import Any

KASPERSKY = "firm:kaspersky-lab"
ARTICLE = "source:safetydetectives-us-considers-action-against-kaspersky"
WSJ = "source:wsj-commerce-considering-action-against-kaspersky"
RUN = "run:9c7ef64268b245d0a0766feb7247407e"
BAN = "fact:982367455608cf46787b"
BAN_QUOTE = "the US banned Kaspersky’s use on a federal level back in 2017"


def _entity(
    id_: str, type_: str, name: str, aliases: list[str], country: str | None, desc: str | None
) -> dict[str, Any]:
    return {
        "id": id_,
        "type": type_,
        "name": name,
        "aliases": aliases,
        "weak_aliases": [],
        "country": country,
        "identifiers": {},
        "description": desc,
        "candidate": False,
        "birth_dates": [],
        "nationalities": [],
        "birth_places": [],
        "members": [],
    }


FIRM = _entity(KASPERSKY, "Firm", "Kaspersky Lab", ["Kaspersky"], "RU", "Russian cybersecurity firm")
US = _entity("country:us", "Country", "United States", ["United States of America", "US", "USA"], "US", None)
RUSSIA = _entity("country:ru", "Country", "Russia", ["Russian Federation", "RU"], "RU", None)


def _fact(fact_id: str, predicate: str, obj: str, stances: list[str], quote: str, **extra: Any) -> dict[str, Any]:
    fact: dict[str, Any] = {
        "fact_id": fact_id,
        "subject": KASPERSKY,
        "predicate": predicate,
        "object": obj,
        "stances": stances,
        "valid_from": None,
        "valid_to": None,
        "gaps": [],
        "n_claims": 1,
        "n_sources": 1,
        "quote": quote,
        "confidence": 1.0,
        "asserted_by": [],
        "alleged_by": [],
        "proposed_by": [],
        "disputed_by": [],
        "denied_by": [],
        "retracted_by": [],
        "direction": None,
        "validity": None,
    }
    return {**fact, **extra}


BAN_FACT = _fact(
    BAN, "banned-by", "country:us", ["asserted", "disputed"], BAN_QUOTE, valid_from="2017", n_claims=2,
    disputed_by=[KASPERSKY],
)  # fmt: skip
HQ_FACT = _fact(
    "fact:c385aaf00cba2344c0d1", "headquartered-in", "country:ru", ["asserted"],
    "the Russian cybersecurity firm, Kaspersky Lab",
)  # fmt: skip


def _source(id_: str, title: str, publisher: str, author: str | None, sha256: str | None) -> dict[str, Any]:
    return {
        "id": id_,
        "url": None,
        "title": title,
        "publisher": publisher,
        "author": author,
        "published_at": None,
        "retrieved_at": None,
        "first_seen": None,
        "last_seen": None,
        "sha256": sha256,
        "kind": "article",
    }


WSJ_SOURCE: dict[str, Any] = _source(
    WSJ,
    "The Wall Street Journal's report that the US Commerce Department is considering action against Kaspersky Lab",
    "The Wall Street Journal",
    None,
    None,
)
ARTICLE_SOURCE: dict[str, Any] = {
    **_source(
        ARTICLE,
        "US Considers Action Against Russian-based Kaspersky Lab",
        "SafetyDetectives",
        "Tyler Cross",
        "c40202b1a41abcc5e5ee21a6d24766d1445ce97dbd28321571ba7e46ba514846",
    ),
    "derived_from": [WSJ_SOURCE],
}
LOAD_RUN_REF: dict[str, Any] = {
    "id": RUN,
    "loader": "curated",
    "status": "succeeded",
    "started_at": "2024-06-20T09:12:41.511696Z",
    "finished_at": "2024-06-20T09:12:47.781Z",
    "reconfirmed_at": None,
}

HEALTH: dict[str, Any] = {"status": "ok"}
READY: dict[str, Any] = {
    "status": "ready",
    "neo4j_version": "5.26.0",
    "schema_version": 2,
    "expected_schema_version": 2,
}
SEARCH_PAGE: dict[str, Any] = {"items": [{**FIRM, "score": 17.2772}], "total": 1}
ENTITY_DETAIL: dict[str, Any] = {
    **FIRM,
    "sources": [
        {
            "id": ARTICLE,
            "title": ARTICLE_SOURCE["title"],
            "publisher": "SafetyDetectives",
            "kind": "article",
            "url": None,
        }
    ],
    "names": [
        {"name": "Kaspersky", "origins": ["curated:seed.yaml"]},
        {"name": "Kaspersky Lab", "origins": ["curated:seed.yaml"]},
    ],
}
NEIGHBORHOOD: dict[str, Any] = {
    "entity": FIRM,
    "nodes": [US],
    "edges": [BAN_FACT],
    "groups": [
        {
            "predicate": "banned-by",
            "direction": "out",
            "total": 1,
            "offset": 0,
            "limit": 25,
            "shown": 1,
            "truncated": False,
        }
    ],
    "truncated": False,
}
FACT_LIST: dict[str, Any] = {"items": [BAN_FACT], "total": 1, "limit": 100, "offset": 0}
PROVENANCE: dict[str, Any] = {
    "fact": BAN_FACT,
    "claims": [
        {
            "id": "claim:664938565f31dd7bbb7b5430",
            "subject": KASPERSKY,
            "object": "country:us",
            "stance": "asserted",
            "asserted_by": None,
            "valid_from": "2017",
            "valid_to": None,
            "qualifiers": {"scope": "use on a federal level"},
            "confidence": 1.0,
            "method": "curated",
            "first_seen": "2024-06-20T09:12:44.487Z",
            "citations": [{"quote": BAN_QUOTE, "start": 545, "end": 606, "source": ARTICLE_SOURCE}],
            "load_runs": [LOAD_RUN_REF],
        }
    ],
    "independent_sources": [ARTICLE],
    "n_independent_sources": 1,
}
PROVENANCE_JSONLD: dict[str, Any] = {
    "@context": {"prov": "http://www.w3.org/ns/prov#", "regkg": "https://regkg.dev/ns#"},
    "@graph": [
        {
            "@id": f"urn:regkg:fact:{BAN}",
            "@type": ["prov:Entity", "regkg:Fact"],
            "regkg:predicate": "banned-by",
            "prov:wasDerivedFrom": [{"@id": "urn:regkg:claim:664938565f31dd7bbb7b5430"}],
        },
        {
            "@id": "urn:regkg:claim:664938565f31dd7bbb7b5430",
            "@type": ["prov:Entity", "regkg:Claim"],
            "regkg:stance": "asserted",
            "prov:wasGeneratedBy": [{"@id": f"urn:regkg:{RUN}"}],
            "prov:wasDerivedFrom": [{"@id": f"urn:regkg:{ARTICLE}"}],
        },
    ],
}
PATHS: dict[str, Any] = {
    "paths": [{"nodes": [FIRM, RUSSIA], "edges": [{**HQ_FACT, "direction": "forward"}], "length": 1}],
    "max_degree": 1000,
    "no_path": None,
}
EXPOSURE: dict[str, Any] = {
    "entity": FIRM,
    "actions": [{"fact": BAN_FACT, "path": {"nodes": [FIRM], "edges": [], "length": 0}, "via": KASPERSKY}],
}
SOURCE_DETAIL: dict[str, Any] = {
    **ARTICLE_SOURCE,
    "text": "US Considers Action Against Russian-based Kaspersky Lab\n\n…",
    "claims": [
        {
            "id": "claim:664938565f31dd7bbb7b5430",
            "fact_id": BAN,
            "subject": KASPERSKY,
            "predicate": "banned-by",
            "object": "country:us",
            "stance": "asserted",
            "quote": BAN_QUOTE,
            "start": 545,
            "end": 606,
        }
    ],
    "claims_total": 20,
    "limit": 1,
    "offset": 0,
}
LOAD_RUNS: dict[str, Any] = {
    "items": [
        {
            "id": RUN,
            "loader": "curated",
            "status": "succeeded",
            "inputs": ["seed.yaml", "000_66c8fb9bb78ccfc2.txt"],
            "input_sha256": "70445de4325a8f7f200ad28c0d582954e607bb7f22ad4e139ffe716f76a83d78",
            "started_at": LOAD_RUN_REF["started_at"],
            "finished_at": LOAD_RUN_REF["finished_at"],
            "counts": {"entities_created": 16, "sources_created": 2, "claims_created": 20, "facts_touched": 18},
            "error": None,
            "reconfirmations": 0,
            "series": None,
            "version_date": None,
        }
    ],
    "total": 1,
    "limit": 50,
    "offset": 0,
}
CHANGES: dict[str, Any] = {
    "items": [
        {
            "run": {
                "id": RUN,
                "loader": "curated",
                "started_at": LOAD_RUN_REF["started_at"],
                "series": None,
                "version_date": None,
            },
            "fact_id": BAN,
            "change": "added",
            "subject": KASPERSKY,
            "predicate": "banned-by",
            "object": "country:us",
            "stances": ["asserted", "disputed"],
            "valid_from": "2017",
            "valid_to": None,
            "claims": 2,
            "quote": BAN_QUOTE,
        }
    ],
    "total": 18,
    "since": None,
}
RESOLUTIONS: dict[str, Any] = {
    "items": [
        {
            "id": "fact:5b0e6f1d2c3a4b5c6d7e",
            "status": "merged",
            "subject": KASPERSKY,
            "object": "firm:ao-kaspersky-lab",
            "score": 0.93,
            "reason": "same firm: the Moscow registration of Kaspersky Lab",
            "decided_at": "2024-06-21T10:00:00Z",
            "claims": 1,
        }
    ],
    "total": 1,
    "limit": 100,
    "offset": 0,
}
DECISION_REQUEST: dict[str, Any] = {
    "subject": KASPERSKY,
    "object": "firm:ao-kaspersky-lab",
    "reason": "same firm: the Moscow registration of Kaspersky Lab",
}
DECISION: dict[str, Any] = {
    "subject": KASPERSKY,
    "object": "firm:ao-kaspersky-lab",
    "status": "merged",
    "decided_at": "2024-06-21T10:00:00Z",
    "run": "run:0f4e2a9c1b7d4e6f8a3b5c7d9e1f2a3b",
    "moved": 1,
    "facts": 3,
}
# An analyst's statement, as a client sends it (data, not a query of ours: those live in graph/).
_STATEMENT = "MATCH route = (f:Firm)-[:BANNED_BY]->(c:Country {id: $country}) RETURN f.name AS firm, c.name AS country"
QUERY_REQUEST: dict[str, Any] = {"cypher": _STATEMENT, "saved": None, "params": {"country": "country:us"}, "limit": 100}
QUERY_RESULT: dict[str, Any] = {
    "columns": ["firm", "country"],
    "rows": [["Kaspersky Lab", "United States"]],
    "truncated": False,
}
SAVED_QUERIES: dict[str, Any] = {
    "items": [
        {
            "name": "banned-by-country",
            "description": "Firms a country has banned, with the country's name.",
            "params": [
                {
                    "name": "country",
                    "type": "string",
                    "required": False,
                    "default": "country:us",
                    "description": "the id of the country",
                }
            ],
            "cypher": "// description: Firms a country has banned, with the country's name.\n"
            '// param country: string = "country:us" -- the id of the country\n' + _STATEMENT + "\n",
        }
    ],
    "total": 1,
}
CLAIMS_WRITTEN: dict[str, Any] = {
    "run_id": "run:3c9d2e7f0a1b4c5d8e6f7a8b9c0d1e2f",
    "reconfirmed": False,
    "claims": ["claim:dd27e35138ea442d9b1e6103"],
    "created": {"entities": 1, "sources": 1, "claims": 1},
}
_EXTRACT_TEXT = "The Commerce Department added Huawei Technologies to the Entity List in May 2019."
EXTRACT_REQUEST: dict[str, Any] = {
    "text": _EXTRACT_TEXT,
    "meta": {"title": "Huawei added to the Entity List", "published_at": "2019-05-16"},
    "use_graph": True,
}
EXTRACT_RESULT: dict[str, Any] = {
    "sources": [{"id": "source:huawei-added-to-the-entity-list", "title": "Huawei added to the Entity List"}],
    "entities": [{"id": "firm:huawei-technologies", "type": "Firm", "name": "Huawei Technologies", "candidate": True}],
    "claims": [
        {
            "subject": "firm:huawei-technologies",
            "predicate": "listed-on",
            "object": "list:us-bis-entity-list",
            "stance": "asserted",
            "valid_from": "2019-05",
            "method": "extracted",
            "confidence": 0.75,
            "citations": [{"source": "source:huawei-added-to-the-entity-list", "quote": _EXTRACT_TEXT}],
        }
    ],
    "curated_yaml": "# Draft written by the article extractor (regkg extract). …\nsources:\n- id: …\n",
    "rejected": [  # only with REGKG_EXTRACT_LLM_URL: the language model's proposals the checks refused
        {
            "proposal": {
                "subject": {"name": "Huawei Technologies", "type": "Firm"},
                "predicate": "sanctioned-by",
                "object": {"name": "Office of Foreign Assets Control", "type": "Agency", "id": "agency:us-ofac"},
                "stance": "asserted",
                "quote": "Treasury sanctioned Huawei Technologies.",
            },
            "reason": "quote not found in the text",
        }
    ],
}

# GET /v1/export: one example per media type (the answer is a file, streamed).
EXPORT: dict[str, str] = {
    "application/x-ndjson": '{"id": "regkg-firm-kaspersky-lab", "schema": "Company", '
    '"properties": {"name": ["Kaspersky Lab"], "country": ["ru"]}}\n',
    "application/graphml+xml": '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
    '  <graph edgedefault="directed">\n'
    f'    <node id="{KASPERSKY}" />\n    <node id="{US["id"]}" />\n'
    f'    <edge source="{KASPERSKY}" target="{US["id"]}" id="{BAN}" />\n  </graph>\n</graphml>\n',
    "application/gexf+xml": '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n  <graph defaultedgetype="directed">\n'
    '    <nodes><node id="firm:kaspersky-lab" label="Kaspersky Lab" /></nodes>\n  </graph>\n</gexf>\n',
    "application/zip": "(a zip archive: nodes.csv and edges.csv, or neo4j-admin import files)",
}
