// description: Ownership stakes of at least a given percentage (as a source states it on an owns
//   claim: the claims' typed percentage), largest first, with whether the owned entity or its owner is listed or sanctioned.
// param min_percent: float = 50 -- the smallest stake, in percent (0 to 100)
// param owner: string = null -- only this owner's stakes (an id); null: everyone's
MATCH (o:Entity)-[r:OWNS]->(a:Entity)
WHERE $owner IS NULL OR o.id = $owner
   OR EXISTS { MATCH (given:Entity {id: $owner}) WHERE o.id = given.canonical }
MATCH (c:Claim {fact_id: r.fact_id}) WHERE c.percentage >= $min_percent
WITH o, r, a, max(c.percentage) AS percent
RETURN o.id AS owner_id, o.name AS owner, [x IN labels(o) WHERE x <> 'Entity'][0] AS owner_type,
       a.id AS owned_id, a.name AS owned, [x IN labels(a) WHERE x <> 'Entity'][0] AS owned_type, percent,
       r.valid_from AS valid_from, r.valid_to AS valid_to,
       EXISTS { (o)-[:LISTED_ON|SANCTIONED_BY]->() } AS owner_listed,
       EXISTS { (a)-[:LISTED_ON|SANCTIONED_BY]->() } AS owned_listed,
       r.n_sources AS n_sources, r.quote AS quote, r.fact_id AS fact_id
ORDER BY percent DESC, owner, owned
