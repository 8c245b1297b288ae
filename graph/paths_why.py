"""Why two entities have no path (graph.reads.paths asks only when it found none): the parties
that assert, allege or dispute a fact about the other end (paths do not walk asserting parties:
"Germany accuses Kaspersky" is a fact *about* Kaspersky that Germany states, not a link), and
the hubs both ends touch (paths never pass through a hub). One query, on the canonical ends.
"""

from __future__ import annotations

from typing import Any, Final

from schema.ontology import ID_LEVEL, Predicate

from .read_queries import rel_types

_FACTS = rel_types(p for p in Predicate if p not in ID_LEVEL)
_PARTIES = (
    "coalesce(r.asserted_by, []) + coalesce(r.alleged_by, []) + coalesce(r.proposed_by, []) "
    "+ coalesce(r.disputed_by, []) + coalesce(r.denied_by, []) + coalesce(r.retracted_by, [])"
)


def _asserting(end: str, party: str) -> str:
    return (
        f"COLLECT {{ MATCH ({end})-[r:{_FACTS}]-(:Entity) WHERE {party}.id IN {_PARTIES} "
        f"RETURN {{fact_id: r.fact_id, predicate: r.predicate, subject: startNode(r).id, object: endNode(r).id, "
        f"party: {party}.id, party_name: {party}.name, about: {end}.id, about_name: {end}.name}} LIMIT 5 }}"
    )


QUERY: Final = (
    "MATCH (ra:Entity {id: trim($from)}) MATCH (rb:Entity {id: trim($to)}) "
    "MATCH (a:Entity {id: coalesce(ra.canonical, ra.id)}) MATCH (b:Entity {id: coalesce(rb.canonical, rb.id)}) "
    "RETURN " + _asserting("a", "b") + " + " + _asserting("b", "a") + " AS asserting, "
    f"COLLECT {{ MATCH (a)-[:{_FACTS}]-(h:Entity)-[:{_FACTS}]-(b) WHERE h <> a AND h <> b "
    f"  AND COUNT {{ (h)-[:{_FACTS}]-() }} > $max_degree WITH DISTINCT h "
    f"  RETURN {{id: h.id, name: h.name, type: h.type, facts: COUNT {{ (h)-[:{_FACTS}]-() }}}} LIMIT 5 }} AS hubs"
)


def explain(rows: list[dict[str, Any]], max_hops: int, max_degree: int) -> dict[str, Any]:
    """``{reason, message, asserting, hubs}``: ``asserting-party``, ``hubs`` (both may hold: the
    message says both), or ``none`` (no connection within ``max_hops``)."""
    row = rows[0] if rows else {"asserting": [], "hubs": []}
    asserting, hubs = row["asserting"], row["hubs"]
    parts = []
    if asserting:
        a = asserting[0]
        parts.append(
            f"{a['party_name'] or a['party']} is only a party stating {len(asserting)} fact(s) about "
            f"{a['about_name'] or a['about']} ({a['predicate']}); paths walk facts, not who states them"
        )
    if hubs:
        named = ", ".join(f"{h['name'] or h['id']} ({h['facts']:,} facts)" for h in hubs)
        parts.append(
            f"they meet only through hubs, which paths never pass through (more than {max_degree:,} facts): {named}"
        )
    reason = "asserting-party" if asserting else "hubs" if hubs else "none"
    message = f"No connection within {max_hops} hop{'s' * (max_hops != 1)}" + (": " + "; ".join(parts) if parts else "")
    return {"reason": reason, "message": message + ".", "asserting": asserting, "hubs": hubs}
