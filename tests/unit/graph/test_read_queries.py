"""Text contracts of the read-side query builders (graph.read_queries): relationship types only
from the Predicate enum, hop caps, filters as parameters, caching, the shapes of the path query.
These pin the Cypher *text*; what Neo4j does with it is the integration tier's job."""

from __future__ import annotations

import re

import pytest

from graph import read_queries as q
from graph.reads import exposure_query, paths_query
from schema.ontology import ID_LEVEL, PREDICATES, Predicate

ALL = q.rel_types(Predicate)
PREDICATE_TYPES = {p.rel_type for p in Predicate}
# relationship types the provenance model itself uses (constants in the query text)
STRUCTURAL = {"SUBJECT", "OBJECT", "CITES", "ASSERTED_BY", "DERIVED_FROM", "GENERATED"}
TWO = q.rel_types([Predicate.LISTED_ON, Predicate.BANNED_BY])


def rel_types_in(text: str) -> set[str]:
    """Every relationship type a pattern of ``text`` names: ``[r:A|B ...]``, ``[:A]``, ``'A'`` literals."""
    found: set[str] = set()
    for alternation in re.findall(r"\[\w*:([A-Za-z_|]+)", text):
        found.update(alternation.split("|"))
    found.update(re.findall(r"'([A-Z][A-Z_]+)'", text))
    return found


def quantifiers(text: str) -> set[str]:
    return set(re.findall(r"\{\d+,\d+\}", text))


# -- relationship-type alternations -------------------------------------------------------


def test_rel_types_sorted_distinct_and_joined() -> None:
    assert q.rel_types([Predicate.LISTED_ON, Predicate.BANNED_BY, Predicate.LISTED_ON]) == "BANNED_BY|LISTED_ON"
    assert q.rel_types([]) == ""


def test_rel_types_of_the_enum_covers_every_predicate() -> None:
    assert set(ALL.split("|")) == PREDICATE_TYPES
    assert len(PREDICATE_TYPES) == len(Predicate)


def test_rel_types_takes_only_predicates_not_text() -> None:
    with pytest.raises(AttributeError):
        q.rel_types(["banned-by"])  # type: ignore[list-item]


@pytest.mark.parametrize(
    "query",
    [
        q.neighbors(TWO, "both"),
        q.neighbors_of_hub((("BANNED_BY", "out"), ("LISTED_ON", "in"))),
        q.facts_by_triple(TWO),
        q.facts_by_triple_anchored(TWO, "subject"),
        q.provenance(TWO),
    ],
    ids=["neighbors", "neighbors_of_hub", "facts_by_triple", "facts_by_triple_anchored", "provenance"],
)
def test_builders_name_only_the_requested_fact_types(query: str) -> None:
    assert rel_types_in(query) - STRUCTURAL == {"BANNED_BY", "LISTED_ON"}


FACTS = q.rel_types(p for p in Predicate if p not in ID_LEVEL)  # identity and screening decisions are not walked


def test_path_query_walks_every_fact_type_and_takes_the_predicates_as_a_parameter() -> None:
    query = paths_query(5, 4, False)
    assert rel_types_in(query) <= PREDICATE_TYPES
    assert f"[r:{FACTS} WHERE ($types STARTS WITH ' ' OR $types CONTAINS ('|' + type(r) + '|'))" in query
    assert f"COUNT {{ (fa)-[:{FACTS}]-() }} AS a_deg" in query


def test_every_limit_and_depth_runs_one_of_a_few_query_shapes() -> None:
    shapes = {paths_query(k, hops, d) for k in range(1, 21) for hops in range(1, 7) for d in (True, False)}
    assert len(shapes) == len(q.K_BUCKETS) * len(q.HOP_BUCKETS) * 2
    query = paths_query(3, 2, False)  # the answer is cut to what was asked, by parameters
    assert "SHORTEST 5 " in query and "{1,2}" in query  # no level deeper than asked is searched
    assert "size(x) <= $max_hops" in query and "LIMIT $limit" in query


def test_path_ends_are_the_canonical_entities_of_their_clusters() -> None:
    query = paths_query(5, 4, False)
    assert "OPTIONAL MATCH (fa:Entity {id: coalesce(ra.canonical, ra.id)})" in query
    assert "fa = fb AS same" in query


def test_exposure_query_types_come_from_the_ontology() -> None:
    query = exposure_query(3)
    # no SAME_AS: a same-as cluster's facts are its canonical entity's already
    chain = q.rel_types([Predicate.SUBSIDIARY_OF, Predicate.PART_OF, Predicate.PRODUCT_OF, Predicate.OWNS])
    subject_side = q.rel_types([p for p, s in PREDICATES.items() if s.regulatory and s.target == "subject"])
    object_side = q.rel_types([p for p, s in PREDICATES.items() if s.regulatory and s.target == "object"])
    assert f"(x)-[c:{chain} WHERE" in query
    assert f"MATCH (target)-[r:{subject_side}]->(other:Entity)" in query
    assert f"MATCH (other:Entity)-[r:{object_side}]->(target)" in query
    assert "BANNED_BY" in subject_side and "TARGETS" in object_side
    assert rel_types_in(query) <= PREDICATE_TYPES | {"CITES"}  # CITES: known_at reads the claims' sources


def test_provenance_reads_derived_from_chains_to_a_fixed_depth() -> None:
    assert "[:DERIVED_FROM*1..6]" in q.provenance(ALL)
    assert "[:DERIVED_FROM*1..6]" in q.SOURCE_CHAINS


# -- hop caps -----------------------------------------------------------------------------


@pytest.mark.parametrize(("k", "max_hops"), [(0, 3), (51, 3), (5, 0), (5, 9), (-1, -1)])
def test_path_query_refuses_k_or_hops_out_of_range(k: int, max_hops: int) -> None:
    with pytest.raises(AssertionError):
        q.shortest_paths(TWO, ALL, k, max_hops, False)


@pytest.mark.parametrize(("k", "max_hops"), [(1, 1), (50, 8)])
def test_path_query_accepts_the_range_bounds(k: int, max_hops: int) -> None:
    query = q.shortest_paths(TWO, ALL, k, max_hops, False)
    assert f"SHORTEST {k} " in query
    assert f"{{1,{max_hops}}}" in query


@pytest.mark.parametrize("max_hops", [-1, 7])
def test_exposure_refuses_hops_out_of_range(max_hops: int) -> None:
    with pytest.raises(AssertionError):
        q.exposure("A", "B", "C", max_hops)


@pytest.mark.parametrize("max_hops", [0, 3, 6])
def test_exposure_chain_quantifier_is_the_hop_cap(max_hops: int) -> None:
    # no hop: the entity alone, without a quantifier ({0,0} is not Cypher: Neo4j refuses it)
    assert quantifiers(exposure_query(max_hops)) == ({f"{{0,{max_hops}}}"} if max_hops else set())


def test_path_query_quantifiers_follow_max_hops() -> None:
    # the whole path at most max_hops; from a non-hub end towards a hub end, max_hops - 1 then the last hop
    assert quantifiers(q.shortest_paths(TWO, ALL, 5, 4, False)) == {"{1,4}", "{0,3}"}


def test_every_variable_length_pattern_of_the_path_query_is_bounded() -> None:
    query = q.shortest_paths(TWO, ALL, 5, 8, False)
    assert "*" not in query  # no [:T*] var-length relationship
    assert not re.search(r"\{\d*,\}", query)  # no open-ended {n,}
    assert not re.search(r"\]-?>?\+", query)  # no unbounded +


# -- filters are parameters ---------------------------------------------------------------


def test_fact_filters_are_null_guarded_parameters() -> None:
    assert "$as_of IS NULL OR" in q.VALID_AT
    assert "$stances IS NULL OR" in q.STANCES_OK


@pytest.mark.parametrize(
    "query",
    [
        q.neighbors(TWO, "both"),
        q.neighbors_of_hub((("BANNED_BY", "out"),)),
        q.shortest_paths(TWO, ALL, 5, 4, False),
    ],
    ids=["neighbors", "neighbors_of_hub", "paths"],
)
def test_date_and_stance_filters_appear_as_parameters(query: str) -> None:
    assert "$as_of" in query
    assert "$stances" in query
    paths = q._dense(q.VALID_AT)  # path queries take padded strings (one plan for every filter)
    assert any(v in query for v in (q.VALID_AT, q.VALID_AT.replace("r.", "r1."), paths, paths.replace("r.", "r1.")))


def test_exposure_takes_the_date_as_a_parameter() -> None:
    assert "$as_of" in exposure_query(2)
    assert "$id" in exposure_query(2)


def test_limits_and_ids_are_parameters() -> None:
    assert "LIMIT $limit" in q.facts_by_triple(TWO)
    assert "$subject" in q.facts_by_triple(TWO) and "$object" in q.facts_by_triple(TWO)
    assert "trim($from)" in paths_query(5, 4, False) and "trim($to)" in paths_query(5, 4, False)
    assert "$max_degree" in paths_query(5, 4, False)
    assert "SKIP $offset LIMIT $limit" in q.LOADS
    assert "$lucene" in q.SEARCH and "$type" in q.SEARCH


def test_hub_page_totals_read_the_stored_degrees_parameter() -> None:
    query = q.neighbors_of_hub((("BANNED_BY", "out"), ("LISTED_ON", "in")))
    assert "$degrees[0]" in query and "$degrees[1]" in query
    assert "(e)-[r:BANNED_BY]->(n:Entity)" in query
    assert "(e)<-[r:LISTED_ON]-(n:Entity)" in query


# -- shapes chosen by arguments -----------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "arms", "degree_pattern"),
    [
        ("out", ["(e)-[r:BANNED_BY]->(n:Entity)"], "(e)-[:BANNED_BY]->()"),
        ("in", ["(e)<-[r:BANNED_BY]-(n:Entity)"], "(e)<-[:BANNED_BY]-()"),
        ("both", ["(e)-[r:BANNED_BY]->(n:Entity)", "(e)<-[r:BANNED_BY]-(n:Entity)"], "(e)-[:BANNED_BY]-()"),
    ],
)
def test_neighbors_direction_picks_the_arms(direction: str, arms: list[str], degree_pattern: str) -> None:
    query = q.neighbors("BANNED_BY", direction)
    for arm in arms:
        assert arm in query
    assert query.count("UNION ALL") == len(arms) - 1
    assert f"COUNT {{ {degree_pattern} }} <= $scan_max" in query


def test_facts_anchored_at_the_given_end() -> None:
    # the canonical entity of the given id's same-as cluster (sid, oid)
    assert "MATCH (s:Entity {id: sid})-[r:" in q.facts_by_triple_anchored(TWO, "subject")
    assert f"-[r:{TWO}]->(o:Entity {{id: oid}})" in q.facts_by_triple_anchored(TWO, "object")
    assert "{id: $" not in q.facts_by_triple(TWO).split("WHERE")[0]


def test_path_query_holds_one_arm_per_hub_case() -> None:
    query = q.shortest_paths(TWO, ALL, 5, 3, False)
    assert "WITH fa, fb WHERE NOT a_hub AND NOT b_hub" in query  # neither end a hub
    assert "WITH fa, fb WHERE b_hub AND NOT a_hub" in query  # the target is a hub
    assert "WITH fa, fb WHERE a_hub AND NOT b_hub" in query  # the source is a hub
    assert "WHERE a_hub AND b_hub AND a_deg <= b_deg" in query  # both: from the smaller one
    assert "WHERE a_hub AND b_hub AND a_deg > b_deg" in query
    assert "a_deg > $max_degree AS a_hub" in query


def test_path_query_between_hubs_tries_each_length_up_to_the_cap() -> None:
    assert q.shortest_paths(TWO, ALL, 5, 3, False).count("CALL (fa, fb, found)") == 2 * 3
    assert q.shortest_paths(TWO, ALL, 5, 1, False).count("CALL (fa, fb, found)") == 2


def test_path_query_with_one_hop_needs_no_search_from_the_non_hub_end() -> None:
    query = q.shortest_paths(TWO, ALL, 5, 1, False)
    assert "[fa] AS head" in query and "[fb] AS tail" in query
    assert quantifiers(query) == {"{1,1}"}


def test_path_query_directed_follows_arrows_undirected_does_not() -> None:
    directed = q.shortest_paths(TWO, ALL, 5, 3, True)
    undirected = q.shortest_paths(TWO, ALL, 5, 3, False)
    assert "]->(y:Entity)" in directed and "]->(fb)" in directed
    assert "]->" not in undirected


def test_path_query_k_bounds_the_search_and_the_limit_cuts_the_answer() -> None:
    query = q.shortest_paths(TWO, ALL, 7, 3, False)
    assert "SHORTEST 7 (fa)" in query
    assert "ORDER BY size(rs) LIMIT $limit" in query
    assert "size(found) < $limit AND 3 <= $max_hops" in query


# -- caching ------------------------------------------------------------------------------


def test_builders_return_the_same_string_for_the_same_shape() -> None:
    assert q.shortest_paths(TWO, ALL, 5, 4, True) is q.shortest_paths(TWO, ALL, 5, 4, True)
    assert q.neighbors(TWO, "in") is q.neighbors(TWO, "in")
    assert q.exposure("A", "B", "C", 2) is q.exposure("A", "B", "C", 2)
    assert q.facts_by_triple(TWO) is q.facts_by_triple(TWO)


def test_a_cached_builder_counts_hits() -> None:
    q.provenance("BANNED_BY")
    before = q.provenance.cache_info().hits
    q.provenance("BANNED_BY")
    assert q.provenance.cache_info().hits == before + 1


def test_different_shapes_get_different_strings() -> None:
    assert q.shortest_paths(TWO, ALL, 5, 4, True) != q.shortest_paths(TWO, ALL, 5, 4, False)
    assert q.shortest_paths(TWO, ALL, 5, 4, True) != q.shortest_paths(TWO, ALL, 5, 3, True)
    assert q.neighbors(TWO, "in") != q.neighbors(TWO, "out")


# -- projections --------------------------------------------------------------------------


def test_fact_projection_names_its_variables() -> None:
    text = q.fact_projection("x", "a.id", "b.id")
    assert text.startswith("{fact_id: x.fact_id, subject: a.id, predicate: x.predicate, object: b.id")
    assert "r." not in text
    assert q.FACT_PROJECTION == q.fact_projection("r", "s.id", "o.id")
