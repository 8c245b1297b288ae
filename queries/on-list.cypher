// description: Who is on a list: each entity named on it, when it was listed (and delisted), and the
//   list's own words — the best quote and the source it comes from.
// param list: string = "list:us-bis-entity-list" -- the list's id (find one: regkg search "Entity List" --type List)
// param as_of: date = null -- only listings in force on this date (YYYY, YYYY-MM or YYYY-MM-DD); null: every listing, ended ones too
MATCH (given:Entity {id: $list})
MATCH (l:List {id: coalesce(given.canonical, given.id)})<-[r:LISTED_ON]-(e:Entity)
WHERE $as_of IS NULL
   OR ((r.valid_from IS NULL OR r.valid_from <= $as_of)
       AND (r.valid_to IS NULL OR r.valid_to >= left($as_of, size(r.valid_to))))
WITH e, r, l,
     head(COLLECT {
       MATCH (c:Claim {fact_id: r.fact_id})-[k:CITES]->(s:Source)
       WHERE k.quote = r.quote
       RETURN s ORDER BY s.published_at
     }) AS s
RETURN e.id AS id, e.name AS name, [x IN labels(e) WHERE x <> 'Entity'][0] AS type, e.country AS country,
       r.valid_from AS listed_from, r.valid_to AS listed_to,
       r.stances AS stances, r.quote AS quote, s.title AS source, s.publisher AS publisher,
       s.published_at AS published_at, r.n_sources AS n_sources, r.fact_id AS fact_id
ORDER BY listed_from IS NULL, listed_from DESC, name
