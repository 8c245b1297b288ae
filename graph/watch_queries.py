"""Cypher of monitoring (graph/watch.py): watchlists, their records, the state and alerts."""

from __future__ import annotations

from typing import Final

WATCHLIST_SAVE: Final = (
    "MATCH (run:LoadRun {id: $run}) MATCH (s:Source {id: $source}) "
    "MERGE (l:Watchlist {id: $id}) ON CREATE SET l.name = $name, l.created_at = $now, l.checked_through = $now "
    "MERGE (l)-[:FROM]->(s) MERGE (run)-[:GENERATED]->(l) "
    "WITH l, s UNWIND $records AS r "
    "MERGE (w:WatchedRecord {id: r.id}) SET w += r.props, w.watchlist = l.id "
    "MERGE (l)-[:WATCHES]->(w) MERGE (w)-[:FROM]->(s) "
    "WITH l, count(w) AS n SET l.records = COUNT { (l)-[:WATCHES]->() } RETURN l.records AS records"
)
WATCHLISTS: Final = (
    "MATCH (l:Watchlist) WHERE $id IS NULL OR l.id = $id "
    "RETURN l.id AS id, l.name AS name, l.created_at AS created_at, l.checked_through AS checked_through, "
    "l.records AS records, [(l)-[:FROM]->(s:Source) | s.id] AS sources ORDER BY l.id"
)
# The records of a watchlist (all, or those of some keys).
RECORDS: Final = (
    "MATCH (l:Watchlist {id: $watchlist})-[:WATCHES]->(w:WatchedRecord) WHERE $ids IS NULL OR w.id IN $ids "
    "RETURN w.id AS id, w.key AS key, w.record AS record, w.state AS state, w.candidates AS candidates "
    "ORDER BY w.id"
)
# The records whose last screening had one of these entities among its candidates or matches.
RECORDS_OF_ENTITIES: Final = (
    "MATCH (l:Watchlist {id: $watchlist})-[:WATCHES]->(w:WatchedRecord) "
    "WHERE any(c IN w.candidates WHERE c IN $entities) RETURN w.id AS id"
)
# The records a search for some entities' names finds (what might newly match them).
RECORDS_FOUND: Final = (
    "UNWIND $queries AS q "
    "CALL db.index.fulltext.queryNodes('watched_search', q, {limit: $per}) YIELD node "
    "WITH node WHERE node.watchlist = $watchlist RETURN DISTINCT node.id AS id"
)
STATE_SAVE: Final = (
    "UNWIND $rows AS r MATCH (w:WatchedRecord {id: r.id}) SET w.state = r.state, w.candidates = r.candidates"
)
CHECKED: Final = "MATCH (l:Watchlist {id: $id}) SET l.checked_through = $through"
# The start of the earliest load run still running (a catch-up must not pass it).
RUNNING_SINCE: Final = "MATCH (r:LoadRun {status: 'running'}) RETURN toString(min(r.started_at)) AS since"
# The entities whose exposure an entity's facts reach: those below it in ownership / part-of /
# product-of chains (walked against the direction exposure walks them), and itself.
BELOW: Final = (
    "UNWIND $ids AS id MATCH (a:Entity {id: id}) "
    "OPTIONAL MATCH ANY SHORTEST (a)((up)-[r:SUBSIDIARY_OF|PART_OF|PRODUCT_OF|OWNS]-(down) "
    "  WHERE (type(r) = 'OWNS') = (startNode(r) = up)){1,10}(x:Entity) "
    "WITH a, collect(DISTINCT x.id) AS below RETURN a.id AS id, below"
)
# Entities written (created, or their names or attributes changed) since a time, of some types: what
# a record might newly match.
WRITTEN_SINCE: Final = (
    "MATCH (e:Entity) WHERE (e.created_at > datetime($since) OR e.updated_at > datetime($since)) "
    "AND e.type IN $types AND e.canonical IS NULL "
    "RETURN e.id AS id, e.name AS name, e.aliases AS aliases, e.identifiers AS identifiers"
)
CANONICAL: Final = (
    "UNWIND $ids AS id MATCH (x:Entity {id: id}) MATCH (e:Entity {id: coalesce(x.canonical, x.id)}) "
    "RETURN DISTINCT e.id AS id, e.name AS name, e.aliases AS aliases, e.identifiers AS identifiers"
)
ALERTS_SAVE: Final = (
    "MATCH (l:Watchlist {id: $watchlist}) UNWIND $alerts AS a "
    "MERGE (x:Alert {id: a.id}) ON CREATE SET x += a.props MERGE (l)-[:ALERTED]->(x) "
    "RETURN count(x) AS n"
)
_ALERTS_WHERE = (
    "MATCH (x:Alert) WHERE ($watchlist IS NULL OR x.watchlist = $watchlist) "
    "AND ($since IS NULL OR x.created_at > $since) "
    "AND ($acknowledged IS NULL OR (x.acknowledged_at IS NOT NULL) = $acknowledged) "
)
ALERTS: Final = _ALERTS_WHERE + "RETURN x {.*} AS alert ORDER BY x.created_at DESC, x.id SKIP $offset LIMIT $limit"
ALERTS_TOTAL: Final = _ALERTS_WHERE + "RETURN count(x) AS total"
ALERT_ACK: Final = (
    "MATCH (x:Alert {id: $id}) SET x.acknowledged_by = coalesce(x.acknowledged_by, $by), "
    "x.acknowledged_at = coalesce(x.acknowledged_at, $at) RETURN x {.*} AS alert"
)
