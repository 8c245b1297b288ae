// description: What an authority did since a date: every entity it (or any body part of it) sanctioned,
//   banned or put on a list it administers, newest first — e.g. everything OFAC did since 2022.
// param authority: string = "agency:us-ofac" -- an agency, country or organisation id; bodies part of it count (the Treasury covers OFAC)
// param since: date = "2022-01-01" -- on or after this date (a partial fact date counts when it may fall on or after it)
MATCH (given:Entity {id: $authority})
MATCH (body:Entity)-[:PART_OF*0..3]->(:Entity {id: coalesce(given.canonical, given.id)})
CALL (body) {
  MATCH (e:Entity)-[r:SANCTIONED_BY|BANNED_BY]->(body)
  RETURN e, r, body AS measure
  UNION
  MATCH (body)-[:ADMINISTERS]->(measure:List)<-[r:LISTED_ON]-(e:Entity)
  RETURN e, r, measure
}
WITH DISTINCT e, r, measure
WHERE r.valid_from >= left($since, size(r.valid_from))
RETURN r.valid_from AS since, r.valid_to AS until, e.id AS id, e.name AS name,
       [x IN labels(e) WHERE x <> 'Entity'][0] AS type, e.country AS country,
       toLower(replace(type(r), '_', '-')) AS predicate, measure.id AS measure_id, measure.name AS measure,
       r.stances AS stances, r.quote AS quote, r.fact_id AS fact_id
ORDER BY since DESC, name
