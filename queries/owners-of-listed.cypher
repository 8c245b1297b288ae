// description: Who stands behind listed or sanctioned entities: their owners and parents, up the
//   ownership chain (owns, subsidiary-of), with the chain and the measure each listed entity is under.
// param list: string = null -- only entities on this list or sanctioned by this authority (an id); null: every list and sanction
// param max_hops: integer = 2 -- steps up the chain (1 to 4)
MATCH (t:Entity)-[m:LISTED_ON|SANCTIONED_BY]->(measure:Entity)
WHERE $list IS NULL OR measure.id = $list
   OR EXISTS { MATCH (given:Entity {id: $list}) WHERE measure.id = given.canonical }
MATCH p = (t) ((a)-[r:OWNS|SUBSIDIARY_OF]-(b)
               WHERE (type(r) = 'OWNS' AND startNode(r) = b) OR (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = a)){1,4}
          (owner:Entity)
WHERE length(p) <= $max_hops AND owner <> t
WITH owner, t, p, collect(DISTINCT measure.name) AS measures, min(m.valid_from) AS listed_from
RETURN owner.id AS owner_id, owner.name AS owner, [x IN labels(owner) WHERE x <> 'Entity'][0] AS owner_type,
       owner.country AS owner_country, EXISTS { (owner)-[:LISTED_ON|SANCTIONED_BY]->() } AS owner_listed, length(p) AS hops,
       t.id AS listed_id, t.name AS listed, measures, listed_from,
       reduce(chain = t.name, n IN tail(nodes(p)) | chain + ' <- ' + n.name) AS chain
ORDER BY hops, owner, listed
