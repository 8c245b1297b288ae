"""The provenance of a fact as W3C PROV-O in JSON-LD (pure: dict in, dict out).

Mapping (input: the JSON shape of ``GET /v1/facts/{id}/provenance``):

- the fact is a ``prov:Entity`` (``regkg:Fact``) derived from each of its claims;
- each claim is a ``prov:Entity`` (``regkg:Claim``), ``prov:wasAttributedTo`` its asserting party
  (a ``prov:Agent``), ``prov:wasGeneratedBy`` each load run (a ``prov:Activity``), and
  ``prov:wasDerivedFrom`` each cited source, with a ``prov:qualifiedDerivation`` carrying the
  quote and its character offsets (``regkg:quote``, ``regkg:start``, ``regkg:end``);
- each source is a ``prov:Entity`` (``regkg:Source``), ``prov:wasDerivedFrom`` every source it
  derives from (the stored chain, nearest first; transitive ancestors are listed directly).

Identifiers become URNs: ``firm:kaspersky-lab`` → ``urn:regkg:firm:kaspersky-lab``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

PROV = "http://www.w3.org/ns/prov#"
REGKG = "https://regkg.dev/ns#"
MEDIA_TYPE = "application/ld+json"

CONTEXT: dict[str, Any] = {
    "prov": PROV,
    "regkg": REGKG,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dcterms": "http://purl.org/dc/terms/",
}


def iri(ident: str) -> str:
    """The IRI of a regkg id (``urn:regkg:`` + the id, percent-encoded where needed)."""
    return "urn:regkg:" + quote(ident, safe=":-._~@!$&'()*+,;=/")


def _ref(ident: str) -> dict[str, str]:
    return {"@id": iri(ident)}


def _time(value: Any) -> dict[str, str] | None:
    if not value or value == "None":
        return None
    return {"@value": str(value), "@type": "xsd:dateTime"}


def _int(value: Any) -> dict[str, Any]:
    return {"@value": int(value), "@type": "xsd:integer"}


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v is not None and v != []}


def _source(src: dict[str, Any]) -> dict[str, Any]:
    return _clean(
        {
            "@id": iri(src["id"]),
            "@type": ["prov:Entity", "regkg:Source"],
            "regkg:id": src["id"],
            "dcterms:title": src.get("title"),
            "dcterms:publisher": src.get("publisher"),
            "dcterms:creator": src.get("author"),
            "regkg:kind": src.get("kind"),
            "regkg:url": src.get("url"),
            "regkg:sha256": src.get("sha256"),
            "regkg:publishedAt": src.get("published_at"),
            "regkg:retrievedAt": src.get("retrieved_at"),
        }
    )


def to_prov_jsonld(provenance: dict[str, Any]) -> dict[str, Any]:
    """Convert a provenance answer to a JSON-LD document (``@context`` + ``@graph``)."""
    fact = provenance["fact"]
    nodes: dict[str, dict[str, Any]] = {}

    def merge(node: dict[str, Any]) -> None:
        prior = nodes.get(node["@id"])
        if prior is None:
            nodes[node["@id"]] = node
            return
        for key, value in node.items():
            if key == "prov:wasDerivedFrom" and key in prior:
                have = {r["@id"] for r in prior[key]}
                prior[key] += [r for r in value if r["@id"] not in have]
            else:
                prior.setdefault(key, value)

    fact_node = _clean(
        {
            "@id": iri("fact:" + fact["fact_id"]),
            "@type": ["prov:Entity", "regkg:Fact"],
            "regkg:factId": fact["fact_id"],
            "regkg:subject": _ref(fact["subject"]),
            "regkg:predicate": str(fact["predicate"]),
            "regkg:object": _ref(fact["object"]),
            "regkg:stance": [str(s) for s in fact.get("stances") or []],
            "regkg:validFrom": fact.get("valid_from"),
            "regkg:validTo": fact.get("valid_to"),
            "regkg:nClaims": _int(fact["n_claims"]) if fact.get("n_claims") is not None else None,
            "regkg:nSources": _int(fact["n_sources"]) if fact.get("n_sources") is not None else None,
            "regkg:nIndependentSources": _int(provenance.get("n_independent_sources", 0)),
            "prov:wasDerivedFrom": [_ref(c["id"]) for c in provenance["claims"]],
        }
    )
    merge(fact_node)
    for claim in provenance["claims"]:
        agent = claim.get("asserted_by")
        if agent:
            merge(
                _clean(
                    {
                        "@id": iri(agent["id"]),
                        "@type": ["prov:Agent", "regkg:" + str(agent.get("type") or "Entity")],
                        "regkg:id": agent["id"],
                        "rdfs:label": agent.get("name"),
                        "regkg:country": agent.get("country"),
                    }
                )
            )
        for run in claim.get("load_runs") or []:
            merge(
                _clean(
                    {
                        "@id": iri(run["id"]),
                        "@type": ["prov:Activity", "regkg:LoadRun"],
                        "regkg:id": run["id"],
                        "regkg:loader": run.get("loader"),
                        "regkg:status": run.get("status"),
                        "prov:startedAtTime": _time(run.get("started_at")),
                        "prov:endedAtTime": _time(run.get("finished_at")),
                        "regkg:reconfirmedAt": _time(run.get("reconfirmed_at")),
                    }
                )
            )
        derivations = []
        for i, cite in enumerate(claim.get("citations") or []):
            src = cite["source"]
            chain = src.get("derived_from") or []
            merge({**_source(src), **({"prov:wasDerivedFrom": [_ref(a["id"]) for a in chain]} if chain else {})})
            for ancestor in chain:
                merge(_source(ancestor))
            derivations.append(
                _clean(
                    {
                        "@id": iri(f"{claim['id']}/derivation/{i}"),
                        "@type": "prov:Derivation",
                        "prov:entity": _ref(src["id"]),
                        "regkg:quote": cite.get("quote"),
                        "regkg:start": _int(cite["start"]) if cite.get("start") is not None else None,
                        "regkg:end": _int(cite["end"]) if cite.get("end") is not None else None,
                    }
                )
            )
        qualifiers = claim.get("qualifiers") or {}
        merge(
            _clean(
                {
                    "@id": iri(claim["id"]),
                    "@type": ["prov:Entity", "regkg:Claim"],
                    "regkg:id": claim["id"],
                    "regkg:stance": str(claim["stance"]),
                    "regkg:method": str(claim["method"]) if claim.get("method") else None,
                    "regkg:confidence": claim.get("confidence"),
                    "regkg:validFrom": claim.get("valid_from"),
                    "regkg:validTo": claim.get("valid_to"),
                    "regkg:qualifier": [{"regkg:key": k, "regkg:value": str(v)} for k, v in sorted(qualifiers.items())],
                    "prov:generatedAtTime": _time(claim.get("first_seen")),
                    "prov:wasAttributedTo": _ref(agent["id"]) if agent else None,
                    "prov:wasGeneratedBy": [_ref(r["id"]) for r in claim.get("load_runs") or []],
                    "prov:wasDerivedFrom": [_ref(c["source"]["id"]) for c in claim.get("citations") or []],
                    "prov:qualifiedDerivation": derivations,
                }
            )
        )
    return {"@context": CONTEXT, "@graph": list(nodes.values())}
