"""Every Cypher statement of regkg, as parameterised constants.

Labels and relationship types are never taken from user text: where a query needs one, it is
formatted in from :mod:`schema` enums by the function that builds the query (see
:mod:`graph.migrations` and :mod:`graph.writer`).
"""

from __future__ import annotations

from typing import Final, LiteralString

SERVER_VERSION: Final = "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition"

# -- migrations ---------------------------------------------------------------------------

SCHEMA_VERSION_GET: Final = "MATCH (m:SchemaMigration {id: 'regkg'}) RETURN m.version AS version"
SCHEMA_VERSION_SET: Final = (
    "MERGE (m:SchemaMigration {id: 'regkg'}) SET m.version = $version, m.applied_at = datetime()"
)
SHOW_CONSTRAINTS: Final = (
    "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
    "RETURN name, type, labelsOrTypes, properties ORDER BY name"
)
SHOW_INDEXES: Final = (
    "SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state "
    "WHERE type <> 'LOOKUP' RETURN name, type, labelsOrTypes, properties, state ORDER BY name"
)
AWAIT_INDEXES: Final = "CALL db.awaitIndexes(300)"

# -- maintenance (tests, restore) ---------------------------------------------------------

WIPE: Final = "MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"
COUNTS: Final = (
    "CALL () { MATCH (n) RETURN count(n) AS nodes } "
    "CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } "
    "RETURN nodes, relationships"
)


def unique_constraint(name: str, label: str, prop: str) -> LiteralString:
    # name/label/prop come from schema.storage declarations, never from user input.
    return f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"


def property_index(name: str, label: str, props: tuple[str, ...]) -> LiteralString:
    cols = ", ".join(f"n.{p}" for p in props)
    return f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON ({cols})"


def relationship_index(name: str, rel_type: str, prop: str) -> LiteralString:
    return f"CREATE INDEX {name} IF NOT EXISTS FOR ()-[r:{rel_type}]-() ON (r.{prop})"


def drop_index(name: str) -> LiteralString:
    # name comes from graph.storage declarations, never from user input
    return f"DROP INDEX {name} IF EXISTS"


def drop_constraint(name: str) -> LiteralString:
    # name comes from graph.storage declarations, never from user input
    return f"DROP CONSTRAINT {name} IF EXISTS"


def fulltext_index(name: str, label: str, props: tuple[str, ...], analyzer: str) -> LiteralString:
    cols = ", ".join(f"n.{p}" for p in props)
    return (
        f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS "
        f"FOR (n:{label}) ON EACH [{cols}] "
        f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{analyzer}'}}}}"
    )


# -- writer: entities ---------------------------------------------------------------------

ENTITIES_EXISTING: Final = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "RETURN e.id AS id, e.type AS type, e.name AS name, e.aliases AS aliases, e.weak_aliases AS weak_aliases, "
    "e.country AS country, e.identifiers AS identifiers, e.description AS description, "
    "e.candidate AS candidate, e.origins AS origins, e.name_sources AS name_sources, "
    "e.ident_values AS ident_values, e.birth_dates AS birth_dates, e.nationalities AS nationalities, "
    "e.birth_places AS birth_places, [(e)-[:SAME_AS]-(m:Entity) | m.name] AS same_as_names"
)


def merge_entities(label: str) -> LiteralString:
    # label comes from schema.ontology.EntityType, never from user text
    return (
        "UNWIND $rows AS row "
        "MERGE (e:Entity {id: row.id}) "
        "ON CREATE SET e.created_at = datetime() "
        f"SET e:{label}, e += row.props, e.updated_at = datetime()"
    )


def create_entities(label: str) -> LiteralString:
    """Entities the batch's lookup found absent (a unique constraint still guards the id)."""
    # label comes from schema.ontology.EntityType, never from user text
    return (
        "UNWIND $rows AS row "
        f"CREATE (e:Entity:{label} {{id: row.id}}) "
        "SET e += row.props, e.created_at = datetime(), e.updated_at = e.created_at"
    )


MISSING_ENTITIES: Final = "UNWIND $ids AS id OPTIONAL MATCH (e:Entity {id: id}) WITH id, e WHERE e IS NULL RETURN id"
MISSING_SOURCES: Final = "UNWIND $ids AS id OPTIONAL MATCH (s:Source {id: id}) WITH id, s WHERE s IS NULL RETURN id"

# -- writer: sources ----------------------------------------------------------------------

SOURCES_EXISTING: Final = (
    "UNWIND $ids AS id MATCH (s:Source {id: id}) "
    "OPTIONAL MATCH (s)-[:DERIVED_FROM]->(d:Source) "
    "WITH s, collect(d.id) AS derived "
    "RETURN s.id AS id, s.title AS title, s.kind AS kind, s.url AS url, "
    "s.publisher AS publisher, s.author AS author, s.published_at AS published_at, "
    "s.retrieved_at AS retrieved_at, s.sha256 AS sha256, "
    "s.first_seen AS first_seen, s.last_seen AS last_seen, derived"
)
MERGE_SOURCES: Final = (
    "UNWIND $rows AS row "
    "MERGE (s:Source {id: row.id}) ON CREATE SET s.created_at = datetime() "
    "SET s += row.props, s.updated_at = datetime()"
)
# A source a later list version held again: only when it was first and last seen change.
SOURCES_SEEN: Final = (
    "UNWIND $rows AS row MATCH (s:Source {id: row.id}) "
    "SET s.first_seen = row.first_seen, s.last_seen = row.last_seen, s.updated_at = datetime()"
)
# Sources a list version holds again, unchanged (graph.manifests): seen on its day too.
SOURCES_SEEN_AGAIN: Final = (
    "UNWIND $ids AS id MATCH (s:Source {id: id}) WHERE s.last_seen IS NULL OR s.last_seen < $day "
    "SET s.last_seen = $day, s.first_seen = coalesce(s.first_seen, $day), s.updated_at = datetime() "
    "RETURN count(s) AS n"
)
DERIVED_AGAIN: Final = (
    "MATCH (f:Source) WHERE f.id IN $files "
    "UNWIND $ids AS id MATCH (s:Source {id: id}) MERGE (s)-[:DERIVED_FROM]->(f) RETURN count(*) AS n"
)
# The manifest of a list version (loaders.units): the latest on or before a day, and saving one.
MANIFEST_LATEST: Final = (
    "MATCH (m:VersionManifest {series: $series}) WHERE m.version_date <= $date "
    "RETURN m.blob AS blob ORDER BY m.version_date DESC LIMIT 1"
)
MANIFEST_FORGET: Final = (
    "MATCH (m:VersionManifest) WHERE $series IS NULL OR m.series = $series DETACH DELETE m RETURN count(*) AS n"
)
MANIFEST_SAVE: Final = (
    "MERGE (m:VersionManifest {id: $id}) "
    "SET m.series = $series, m.version_date = $date, m.run = $run, m.units = $units, m.blob = $blob"
)
CREATE_SOURCES: Final = (
    "UNWIND $rows AS row "
    "CREATE (s:Source {id: row.id}) SET s += row.props, s.created_at = datetime(), s.updated_at = s.created_at"
)
MERGE_DERIVED_FROM: Final = (
    "UNWIND $pairs AS pair "
    "MATCH (a:Source {id: pair[0]}) MATCH (b:Source {id: pair[1]}) "
    "MERGE (a)-[:DERIVED_FROM]->(b) RETURN count(*) AS n"
)

# -- writer: claims and facts -------------------------------------------------------------

CLAIMS_EXISTING: Final = (
    "UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.id AS id, c.confidence AS confidence, c.method AS method"
)
# One row per new claim (every claim has at least one citation): the claim, its subject and
# object edges, the party asserting it, the run that generated it, and its citations. Rows whose
# subject, object or source is missing drop out, and a missing asserting party leaves its edge
# out, which the caller detects from the counts.
CREATE_CLAIMS: Final = (
    "MATCH (run:LoadRun {id: $run}) "
    "UNWIND $rows AS row "
    "MATCH (s:Entity {id: row.subject}) MATCH (o:Entity {id: row.object}) "
    "OPTIONAL MATCH (a:Entity {id: row.asserted_by}) "
    "CREATE (c:Claim {id: row.id}) SET c += row.props, c.created_at = datetime() "
    "CREATE (c)-[:SUBJECT]->(s) CREATE (c)-[:OBJECT]->(o) CREATE (run)-[:GENERATED]->(c) "
    "FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | CREATE (c)-[:ASSERTED_BY]->(a)) "
    "WITH c, row, a "
    "UNWIND row.citations AS cit "
    "MATCH (src:Source {id: cit.source}) "
    "CREATE (c)-[:CITES {quote: cit.quote, start: cit.start, end: cit.end}]->(src) "
    "RETURN count(DISTINCT c) AS claims, count(*) AS cites, "
    "count(DISTINCT CASE WHEN a IS NULL THEN null ELSE c END) AS asserted"
)
# The canonical entity of each id's same-as cluster (null: the id is its own; see graph.clusters).
CANONICAL_OF: Final = "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id, e.canonical AS canonical"

# A write lock on each subject before the claims of its facts are read: two loaders adding
# claims to the same fact at once take turns, so each sees the other's claims (no lost
# update of the fact's aggregate, no duplicate fact edge).
LOCK_SUBJECTS: Final = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e.fact_lock = true REMOVE e.fact_lock RETURN count(e) AS n"
)
UPDATE_CLAIMS: Final = (
    "UNWIND $rows AS row MATCH (c:Claim {id: row.id}) "
    "SET c.confidence = row.confidence, c.method = row.method, c.updated_at = datetime()"
)
LINK_GENERATED: Final = (
    "MATCH (r:LoadRun {id: $run}) UNWIND $ids AS id MATCH (c:Claim {id: id}) MERGE (r)-[:GENERATED]->(c)"
)
# The listings earlier versions of a list series held, with their latest end and return
# (graph/versions.py): claims of runs of the series, dated this version or before.
HELD_IN_SERIES: Final = (
    "MATCH (run:LoadRun {series: $series, status: 'succeeded'}) WHERE run.version_date <= $date "
    "MATCH (run)-[:GENERATED]->(c:Claim) WHERE c.predicate IN $predicates AND [c.predicate, c.object] IN $scope "
    "WITH c.subject AS subject, c.predicate AS predicate, c.object AS object, c "
    "RETURN subject, predicate, object, "
    "max(CASE WHEN c.qualifiers CONTAINS $ended THEN c.valid_to END) AS ended, "
    "max(CASE WHEN c.qualifiers CONTAINS $returned THEN c.valid_from END) AS returned "
    "ORDER BY subject, predicate, object"
)
# What some records stated (the claims citing Sources whose ids start with one of $prefixes: every
# version of each record), each (subject, predicate, object) with its latest end and return.
HELD_BY_RECORDS: Final = (
    "UNWIND $prefixes AS prefix "
    "MATCH (s:Source) WHERE s.id STARTS WITH prefix "
    "MATCH (c:Claim)-[:CITES]->(s) "
    "WITH DISTINCT c.fact_id AS fid, c.subject AS subject, c.predicate AS predicate, c.object AS object "
    "OPTIONAL MATCH (e:Claim {fact_id: fid}) WHERE e.subject = subject AND e.object = object "
    "AND (e.qualifiers CONTAINS $ended OR e.qualifiers CONTAINS $returned) "
    "RETURN subject, predicate, object, "
    "max(CASE WHEN e.qualifiers CONTAINS $ended THEN e.valid_to END) AS ended, "
    "max(CASE WHEN e.qualifiers CONTAINS $returned THEN e.valid_from END) AS returned "
    "ORDER BY subject, predicate, object"
)
# The claims already in the graph of some facts (read before a batch adds to them).
FACT_CLAIMS: Final = (
    "UNWIND $fact_ids AS fid "
    "MATCH (c:Claim {fact_id: fid}) "
    "OPTIONAL MATCH (c)-[k:CITES]->(s:Source) "
    "OPTIONAL MATCH (c)-[:ASSERTED_BY]->(a:Entity) "
    "WITH fid, c, a, collect({source: s.id, quote: k.quote, start: k.start}) AS cites "
    "RETURN fid AS fact_id, c.id AS claim_id, c.subject AS subject, c.predicate AS predicate, c.object AS object, "
    "c.stance AS stance, c.valid_from AS valid_from, c.valid_to AS valid_to, "
    "c.confidence AS confidence, c.qualifiers AS qualifiers, a.id AS asserted_by, cites "
    "ORDER BY fid, c.id"
)


def merge_facts(rel_type: str) -> LiteralString:
    """Update (or create) fact edges whose facts already had claims."""
    # rel_type comes from schema.ontology.Predicate.rel_type, never from user text
    return (
        "UNWIND $rows AS row "
        "MATCH (s:Entity {id: row.subject}) MATCH (o:Entity {id: row.object}) "
        f"MERGE (s)-[r:{rel_type} {{fact_id: row.fact_id}}]->(o) "
        "SET r += row.props"
    )


def create_facts(rel_type: str) -> LiteralString:
    """Fact edges of facts that had no claim before this batch (so no edge either)."""
    # rel_type comes from schema.ontology.Predicate.rel_type, never from user text
    return (
        "UNWIND $rows AS row "
        "MATCH (s:Entity {id: row.subject}) MATCH (o:Entity {id: row.object}) "
        f"CREATE (s)-[r:{rel_type} {{fact_id: row.fact_id}}]->(o) "
        "SET r += row.props"
    )


# -- same-as clusters (graph.clusters) ------------------------------------------------------

# Each id's canonical mark, the members of its current cluster, and its same-as links.
CLUSTER_NEIGHBOURHOOD: Final = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "RETURN e.id AS id, e.canonical AS canonical, "
    "CASE WHEN e.canonical IS NULL THEN [] "
    "ELSE COLLECT { MATCH (m:Entity {canonical: e.canonical}) RETURN m.id } END AS old_members, "
    "[(e)-[r:SAME_AS]-(x:Entity) | {fact_id: r.fact_id, other: x.id}] AS links"
)
DECISION_CLAIMS: Final = (
    "UNWIND $fact_ids AS fid MATCH (c:Claim {fact_id: fid}) WHERE c.predicate = 'same-as' "
    "RETURN fid AS fact_id, c.stance AS stance, c.qualifiers AS qualifiers"
)
SET_CANONICAL: Final = "UNWIND $rows AS row MATCH (e:Entity {id: row.id}) SET e.canonical = row.canonical"
CLAIMS_ABOUT: Final = (
    "UNWIND $ids AS id MATCH (:Entity {id: id})<-[:SUBJECT|OBJECT]-(c:Claim) WHERE NOT c.predicate IN $identity "
    "RETURN DISTINCT c.id AS id, c.fact_id AS fact_id, c.subject AS subject, c.object AS object, "
    "c.predicate AS predicate"
)
RESOLUTIONS: Final = (
    "MATCH (a:Entity)-[r:SAME_AS|POSSIBLY_SAME_AS]->(b:Entity) "
    "RETURN r.fact_id AS fact_id, r.predicate AS predicate, a.id AS subject, b.id AS object, "
    "COLLECT { MATCH (c:Claim {fact_id: r.fact_id}) RETURN {stance: c.stance, qualifiers: c.qualifiers} } AS claims "
    "ORDER BY fact_id"
)
DECISION_PAIR: Final = (
    "MATCH (c:Claim {fact_id: $id}) WHERE c.predicate = 'same-as' "
    "RETURN c.subject AS subject, c.object AS object LIMIT 1"
)
PAIR: Final = "UNWIND [$a, $b] AS id MATCH (e:Entity {id: id}) RETURN e.id AS id"


def distinct_between(rel_types: tuple[str, ...]) -> LiteralString:
    """A fact of one of these types between the clusters of $a and $b (facts join canonical ids)."""
    # rel_types come from schema.ontology.DISTINCT_BY, never from user text
    types = "|".join(rel_types)
    return (
        "MATCH (a:Entity {id: $a}), (b:Entity {id: $b}) "
        "MATCH (x:Entity {id: coalesce(a.canonical, a.id)})"
        f"-[r:{types}]-(y:Entity {{id: coalesce(b.canonical, b.id)}}) WHERE r.fact_id IS NOT NULL "
        "RETURN startNode(r).id AS subject, type(r) AS rel_type, endNode(r).id AS object LIMIT 1"
    )


PAIR_DECISIONS: Final = (
    "MATCH (:Entity {id: $a})-[r:SAME_AS]-(:Entity {id: $b}) MATCH (c:Claim {fact_id: r.fact_id}) "
    "RETURN c.subject AS subject, c.object AS object, c.stance AS stance, c.qualifiers AS qualifiers"
)
SET_CLAIM_FACT_IDS: Final = "UNWIND $rows AS row MATCH (c:Claim {id: row.id}) SET c.fact_id = row.fact_id"


def delete_facts(rel_type: str) -> LiteralString:
    """Fact edges of one type by fact id (to be rebuilt)."""
    # rel_type comes from schema.ontology.Predicate.rel_type, never from user text
    return f"MATCH ()-[r:{rel_type}]->() WHERE r.fact_id IN $fact_ids DELETE r"


# -- load runs ----------------------------------------------------------------------------

RUN_BEGIN: Final = "CREATE (r:LoadRun {id: $id}) SET r += $props, r.started_at = datetime($started_at)"
RUNS_RUNNING: Final = "MATCH (r:LoadRun {status: 'running'}) RETURN r.id AS id, r.pid AS pid, r.host AS host"
RUN_MARK_FAILED: Final = (
    "MATCH (r:LoadRun {id: $id}) WHERE r.status = 'running' "
    "SET r.status = 'failed', r.error = $error, r.finished_at = datetime()"
)
RUN_FINISH: Final = (
    "MATCH (r:LoadRun {id: $id}) "
    "SET r.status = $status, r.counts = $counts, r.error = $error, r.finished_at = datetime()"
)
RUN_PREVIOUS_SUCCESS: Final = (
    "MATCH (r:LoadRun {loader: $loader, input_sha256: $sha, status: 'succeeded'}) "
    "WHERE r.id <> $id RETURN r.id AS id ORDER BY r.started_at LIMIT 1"
)
RUN_RECONFIRM: Final = (
    "MATCH (old:LoadRun {id: $old}) MATCH (new:LoadRun {id: $new}) "
    "SET old.reconfirmed_at = datetime(), old.reconfirmations = coalesce(old.reconfirmations, 0) + 1 "
    "DETACH DELETE new"
)

# -- lookups ------------------------------------------------------------------------------

RESOLVE_IDS: Final = (
    "UNWIND $ids AS id "
    "OPTIONAL MATCH (e:Entity {id: id}) "
    "OPTIONAL MATCH (s:Source {id: id}) "
    "WITH id, e, s WHERE e IS NOT NULL OR s IS NOT NULL "
    "RETURN id, CASE WHEN e IS NOT NULL THEN e.type ELSE 'Source' END AS type"
)

LABEL_COUNTS: Final = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label"
TYPE_COUNTS: Final = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type"

# -- invariants ---------------------------------------------------------------------------

FACTS_WITHOUT_CLAIMS: Final = (
    "MATCH (a:Entity)-[r]->(b:Entity) WHERE r.fact_id IS NOT NULL "
    "AND NOT EXISTS { MATCH (c:Claim {fact_id: r.fact_id}) } RETURN r.fact_id AS fact_id LIMIT 100"
)
# A claim's fact edge starts at the canonical entity of its subject (the subject itself for an
# identity decision, whose edge joins the ids).
CLAIMS_WITHOUT_FACT: Final = (
    "MATCH (c:Claim)-[:SUBJECT]->(s0:Entity) "
    "MATCH (s:Entity {id: CASE WHEN c.predicate IN ['same-as', 'possibly-same-as'] THEN s0.id "
    "ELSE coalesce(s0.canonical, s0.id) END}) "
    "WHERE NOT EXISTS { MATCH (s)-[r]->(:Entity) WHERE r.fact_id = c.fact_id } "
    "RETURN c.id AS id LIMIT 100"
)
FACTS_DUPLICATED: Final = (
    "MATCH (:Entity)-[r]->(:Entity) WHERE r.fact_id IS NOT NULL "
    "WITH r.fact_id AS fact_id, count(*) AS n WHERE n > 1 RETURN fact_id LIMIT 100"
)
CLAIMS_WITHOUT_CITATION: Final = (
    "MATCH (c:Claim) WHERE NOT EXISTS { (c)-[:CITES]->(:Source) } RETURN c.id AS id LIMIT 100"
)
# the invariants that read every claim do it a page of claims at a time (keyset on the unique claim
# id, so no page runs into the transaction timeout); a page answers its last claim id and only the
# rows the server could not settle: the Python check (graph.invariants) decides those; a check
# may read the ids in ranges side by side ($from inclusive, $until exclusive or null: no end)
_CLAIM_PAGE: Final = (
    "MATCH (c:Claim) WHERE c.id >= $from AND c.id > $after AND ($until IS NULL OR c.id < $until) "
    "WITH c ORDER BY c.id LIMIT $size "
)
# a citation whose quote is exactly its source's text at its offsets holds (Cypher's substring
# counts code points, as the offsets do); any other goes to schema.quotes.matches (normalisation)
CITATIONS: Final = (
    _CLAIM_PAGE + "OPTIONAL MATCH (c)-[k:CITES]->(s:Source) "
    "WITH c, k, s, coalesce(s.text IS NOT NULL AND k.start >= 0 AND k.end > k.start AND k.end <= size(s.text) "
    "AND substring(s.text, k.start, k.end - k.start) = k.quote, false) AS exact "
    "WITH max(c.id) AS last, collect(CASE WHEN s IS NOT NULL AND NOT exact THEN {claim: c.id, source: s.id, "
    "text: s.text, quote: k.quote, start: k.start, end: k.end} END) AS rows "
    "RETURN last, rows"
)
# each claim with its quotes, whether a reference source backs it, and what names its two ends; a
# claim one of whose quotes holds one of those names whole — a plain name (ASCII letters and
# digits in words), case aside, between spaces, punctuation or the quote's ends, which
# schema.quotes.names_any's normalisation also reads as words — holds; any other goes to names_any
# (a parameter, $bound: the characters normality turns into spaces around a name)
NAME_BOUND: Final = r"""[\s.,;:!?()\[\]"'/-]"""
CLAIM_QUOTES_AND_ENDS: Final = (
    _CLAIM_PAGE + "OPTIONAL MATCH (c)-[k:CITES]->(src:Source) "
    "WITH c, collect(k.quote) AS quotes, any(x IN collect(src.id) WHERE x STARTS WITH 'source:reference-') AS ref "
    "OPTIONAL MATCH (c)-[:SUBJECT]->(s:Entity) OPTIONAL MATCH (c)-[:OBJECT]->(o:Entity) "
    "WITH c, quotes, ref, "
    "[s.id, s.name] + coalesce(s.aliases, []) + coalesce(s.ident_values, []) AS subject_names, "
    "[o.id, o.name] + coalesce(o.aliases, []) + coalesce(o.ident_values, []) AS object_names "
    "WITH c, quotes, ref, subject_names, object_names, ref OR any(q IN quotes WHERE any(n IN subject_names + "
    "object_names WHERE n =~ '[A-Za-z0-9]+(?: [A-Za-z0-9]+)*' AND toLower(q) CONTAINS toLower(n) "
    "AND q =~ ('(?is)(?:|.*' + $bound + ')' + n + '(?:' + $bound + '.*|)'))) AS named "
    "WITH max(c.id) AS last, collect(CASE WHEN NOT coalesce(named, false) THEN {claim: c.id, quotes: quotes, "
    "ref: ref, subject_names: subject_names, object_names: object_names} END) AS rows "
    "RETURN last, rows"
)
ENTITIES_WITHOUT_TYPE: Final = (
    "MATCH (e:Entity) WHERE e.type IS NULL OR NOT e.type IN labels(e) RETURN e.id AS id LIMIT 100"
)
DOMAIN_COUNTS: Final = (
    "CALL () { MATCH (e:Entity) RETURN count(e) AS entities } "
    "CALL () { MATCH (c:Claim) RETURN count(c) AS claims } "
    "CALL () { MATCH (s:Source) RETURN count(s) AS sources } "
    "CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE r.fact_id IS NOT NULL RETURN count(r) AS facts } "
    "CALL () { MATCH (r:LoadRun) RETURN count(r) AS load_runs } "
    "RETURN entities, claims, sources, facts, load_runs"
)

# -- resolution / ftm ---------------------------------------------------------------------

ENTITIES_BY_TYPE: Final = (
    "MATCH (e:Entity) WHERE e.type IN $types "
    "RETURN e.id AS id, e.type AS type, e.name AS name, e.aliases AS aliases, e.country AS country, "
    "e.identifiers AS identifiers, e.birth_dates AS birth_dates, e.nationalities AS nationalities, "
    "e.birth_places AS birth_places, e.weak_aliases AS weak_aliases ORDER BY e.id"
)


CLUSTER_MEMBERS: Final = (
    "MATCH (e:Entity) WHERE e.type IN $types AND e.canonical IS NOT NULL AND e.canonical <> e.id "
    "RETURN e.id AS id, e.canonical AS canonical"
)


def related_pairs(rel_types: tuple[str, ...]) -> LiteralString:
    """Pairs of entities a fact edge of one of these types links (either direction)."""
    # rel_types come from schema.ontology.Predicate.rel_type, never from user text
    types = "|".join(rel_types)
    return (
        f"MATCH (a:Entity)-[r:{types}]->(b:Entity) WHERE r.fact_id IS NOT NULL AND a.type IN $types "
        "RETURN a.id AS subject, type(r) AS rel_type, b.id AS object ORDER BY subject, object"
    )


# -- the initial import (graph.initial_import) ------------------------------------------------

IN_USE: Final = "RETURN EXISTS { MATCH (n) WHERE NOT n:SchemaMigration } AS used"
