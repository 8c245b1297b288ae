// description: Facts contested by the very entity they are about: the established (or alleged) fact
//   next to the party's own dispute or denial, with both quotes — e.g. Kaspersky disputing the US ban.
// param predicate: string = null -- only this predicate (kebab-case, e.g. banned-by); null: every predicate
// param anyone: boolean = false -- true: facts disputed or denied by any party, not only by one of their ends
MATCH (s:Entity)-[r]->(o:Entity)
WHERE r.fact_id IS NOT NULL
  AND (r.disputed_by <> [] OR r.denied_by <> [])
  AND ($predicate IS NULL OR type(r) = toUpper(replace($predicate, '-', '_')))
WITH s, r, o, coalesce(r.disputed_by, []) + coalesce(r.denied_by, []) AS contesting
MATCH (party:Entity) WHERE party.id IN contesting
WITH s, r, o, party, coalesce(party.canonical, party.id) IN [s.id, o.id] AS is_end
WHERE $anyone OR is_end
WITH s, r, o, collect(party.name) AS contested_by, collect(party.id) AS party_ids
WITH s, r, o, contested_by,
     head(COLLECT {
       MATCH (c:Claim {fact_id: r.fact_id})-[:ASSERTED_BY]->(a:Entity)
       WHERE c.stance IN ['disputed', 'denied'] AND a.id IN party_ids
       MATCH (c)-[k:CITES]->(src:Source)
       RETURN {quote: k.quote, source: src.title, stance: c.stance} ORDER BY src.published_at
     }) AS rebuttal,
     head(COLLECT {
       MATCH (c:Claim {fact_id: r.fact_id})-[k:CITES]->(src:Source) WHERE k.quote = r.quote RETURN src.title
     }) AS claim_source
RETURN s.id AS subject, toLower(replace(type(r), '_', '-')) AS predicate, o.id AS object,
       r.stances AS stances, coalesce(r.asserted_by, []) + coalesce(r.alleged_by, []) AS claimed_by,
       contested_by, rebuttal.stance AS rebuttal_stance, r.quote AS claim_quote, claim_source,
       rebuttal.quote AS rebuttal_quote, rebuttal.source AS rebuttal_source, r.fact_id AS fact_id
ORDER BY subject, predicate, object
