"""Read services without a database (graph.reads): each plan driven by a fake graph that records
the queries and answers canned rows. Pins which query a plan picks, that user values travel as
parameters only, and the shaping of the rows. (Ancestor order, the basic independence case and
Lucene folding are in tests/unit/test_reads_shaping.py.)"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from graph import paths_why, reads, search_text
from graph import read_queries as q
from schema.errors import InvalidInput, NotFound
from schema.ontology import Predicate, Stance

HOSTILE = "firm:x'}) DETACH DELETE n //"


class FakeGraph:
    """Answers each read with the next canned rows; remembers (query, params, timeout)."""

    def __init__(self, *answers: list[dict[str, Any]]) -> None:
        self.answers = list(answers)
        self.calls: list[tuple[str, dict[str, Any], float | None]] = []

    def read_plain(self, query: str, params: dict[str, Any], timeout: float | None = None) -> list[dict[str, Any]]:
        self.calls.append((query, params, timeout))
        return self.answers.pop(0)


def ent(eid: str, **extra: Any) -> dict[str, Any]:
    return {"id": eid, "type": "Firm", "name": eid, "identifiers": None, **extra}


def fact(fid: str, subject: str, obj: str) -> dict[str, Any]:
    return {"fact_id": fid, "subject": subject, "object": obj, "predicate": "banned-by"}


# -- small helpers ------------------------------------------------------------------------


def test_entity_identifiers_are_decoded_and_the_row_is_not_changed() -> None:
    raw = ent("firm:a", identifiers='{"lei": "L1"}')
    assert reads._entity(raw)["identifiers"] == {"lei": "L1"}
    assert raw["identifiers"] == '{"lei": "L1"}'
    assert reads._entity(ent("firm:b", identifiers=""))["identifiers"] == {}
    assert reads._entity(ent("firm:c"))["identifiers"] == {}


def test_an_entity_has_every_field_of_the_api_model_its_members_none_when_not_read() -> None:
    assert reads._entity(ent("firm:a"))["members"] == []
    members = [{"id": "firm:a2", "name": "A", "type": "Firm"}]
    assert reads._entity(ent("firm:a", members=members))["members"] == members


def test_types_default_to_every_fact_type() -> None:
    # facts about the world; identity decisions (same-as, possibly-same-as) are not walked
    assert reads._types(None) == reads.FACT_TYPES
    assert reads._types([]) == reads.FACT_TYPES
    assert "SAME_AS" not in reads.FACT_TYPES.split("|") and "SAME_AS" in reads.ALL_TYPES.split("|")
    assert reads._types([Predicate.OWNS]) == "OWNS"


def test_stances_as_values_or_none() -> None:
    assert reads._stances([Stance.ALLEGED, Stance.DENIED]) == ["alleged", "denied"]
    assert reads._stances(None) is None
    assert reads._stances([]) is None


@pytest.mark.parametrize(
    ("text", "folded"),
    [("ÉCOLE", "ecole"), ("ﬁrm", "firm"), ("Straße", "strasse"), ("Ærø", "aero"), ("Касперский", "касперский")],
)
def test_fold_for_the_search_index(text: str, folded: str) -> None:
    assert search_text.fold(text) == folded


def test_lucene_query_short_terms_are_not_fuzzy() -> None:
    assert search_text.lucene_query("ZTE") == "(zte^4 OR zte*^2)"


def test_lucene_query_splits_on_commas_and_dots_and_keeps_twelve_terms() -> None:
    assert (
        search_text.lucene_query("Huawei,Co.Ltd")
        == "(huawei^4 OR huawei*^2 OR huawei~1) OR (co^4 OR co*^2) OR (ltd^4 OR ltd*^2)"
    )
    many = " ".join(f"w{i:02d}x" for i in range(20))
    assert search_text.lucene_query(many).count("^4") == 12  # type: ignore[union-attr]


def test_path_hops_know_the_direction_they_were_walked() -> None:
    nodes = [ent("firm:a"), ent("firm:b"), ent("firm:c")]
    rels = [
        {"fact": fact("fact:1", "firm:a", "firm:b"), "start": "firm:a"},
        {"fact": fact("fact:2", "firm:c", "firm:b"), "start": "firm:c"},
    ]
    path = reads._path(nodes, rels)
    assert path["length"] == 2
    assert [e["direction"] for e in path["edges"]] == ["forward", "backward"]
    assert [n["id"] for n in path["nodes"]] == ["firm:a", "firm:b", "firm:c"]
    assert "direction" not in rels[0]["fact"]


# -- independence of sources --------------------------------------------------------------


def test_a_cited_ancestor_and_its_descendant_are_one_source() -> None:
    chains = {"source:wsj-relay": [{"id": "source:wsj"}], "source:wsj": []}
    assert reads.independent_sources(["source:wsj-relay", "source:wsj"], chains) == ["source:wsj"]


def test_a_source_cited_twice_counts_once() -> None:
    assert reads.independent_sources(["source:a", "source:a"], {}) == ["source:a"]


def test_independence_does_not_depend_on_how_sources_are_named() -> None:
    # c shares an ancestor with a and another with b; the same shape under other names
    chains = {
        "source:a": [{"id": "source:x"}],
        "source:b": [{"id": "source:y"}],
        "source:c": [{"id": "source:x"}, {"id": "source:y"}],
    }
    renamed = {
        "source:c": [{"id": "source:x"}],
        "source:b": [{"id": "source:y"}],
        "source:a": [{"id": "source:x"}, {"id": "source:y"}],
    }
    assert len(reads.independent_sources(list(chains), chains)) == len(
        reads.independent_sources(list(renamed), renamed)
    )


# -- plans: parameters, not text ----------------------------------------------------------


def test_neighbors_passes_every_user_value_as_a_parameter() -> None:
    row = {"entity": ent("firm:a"), "scanned": True, "groups": [], "degrees": []}
    graph = FakeGraph([row])
    reads.neighbors(graph, HOSTILE, [Predicate.BANNED_BY], "out", [Stance.ALLEGED], "2020-01-01", 10)
    (query, params, _timeout) = graph.calls[0]
    assert HOSTILE not in query and "DETACH" not in query and "2020-01-01" not in query
    # fixed-width strings: one plan whatever the values (graph/read_queries.py, TYPES_OK)
    assert {k: v.strip() if isinstance(v, str) else v for k, v in params.items()} == {
        "id": HOSTILE,
        "types": "|BANNED_BY|",
        "stances": "|alleged|",
        "as_of": "2020-01-01",
        "undated": "mark",
        "known_at": q.NO_DAY,
        "limit": 10,
        "offset": 0,
        "scan_max": reads.NEIGHBOR_SCAN_MAX,
    }
    assert len(params["id"]) == len(params["types"]) == len(params["stances"]) == reads.PAD
    assert query is q.neighbors(reads.FACT_TYPES, "out")


def test_neighbors_query_text_is_the_same_with_or_without_filters() -> None:
    row = {"entity": ent("firm:a"), "scanned": True, "groups": [], "degrees": []}
    graph = FakeGraph([row], [row])
    reads.neighbors(graph, "firm:a", None, "both", None, None, 5)
    reads.neighbors(graph, "firm:b", None, "both", [Stance.DENIED], "2019-06-01", 5)
    assert graph.calls[0][0] is graph.calls[1][0]
    assert graph.calls[0][1]["as_of"] == q.NO_DAY and graph.calls[0][1]["stances"].strip() == ""


def test_neighbors_of_an_unknown_entity_is_not_found() -> None:
    with pytest.raises(NotFound):
        reads.neighbors(FakeGraph([]), "firm:nobody", None, "both", None, None, 5)


def test_neighbors_groups_are_shaped_and_truncation_reported() -> None:
    item = {"fact": fact("fact:1", "firm:a", "agency:x"), "node": ent("agency:x", identifiers='{"k": "v"}')}
    row = {
        "entity": ent("firm:a"),
        "scanned": True,
        "groups": [
            {"predicate": "banned-by", "dir": "out", "total": 3, "items": [item]},
            {"predicate": "owns", "dir": "in", "total": 0, "items": []},
        ],
        "degrees": [],
    }
    out = reads.neighbors(FakeGraph([row]), "firm:a", None, "both", None, None, 1)
    assert out["groups"] == [
        {"predicate": "banned-by", "direction": "out", "total": 3, "offset": 0, "limit": 1, "shown": 1,
         "truncated": True},
        {"predicate": "owns", "direction": "in", "total": 0, "offset": 0, "limit": 1, "shown": 0, "truncated": False},
    ]  # fmt: skip
    last = reads.neighbors(FakeGraph([row]), "firm:a", None, "both", None, None, 1, offset=2)
    assert last["groups"][0]["truncated"] is False  # the third of three: the last page
    assert out["truncated"] is True
    assert out["nodes"] == [{**ent("agency:x"), "identifiers": {"k": "v"}, "members": []}]
    assert out["edges"] == [item["fact"]]


def test_neighbors_of_a_hub_reads_a_page_per_group_with_the_stored_degrees() -> None:
    first = {
        "entity": ent("country:ru"),
        "scanned": False,
        "groups": None,
        "degrees": [["HEADQUARTERED_IN", "in", 5000], ["BANNED_BY", "in", 3]],
    }
    pages = [
        {"predicate": "headquartered-in", "dir": "in", "total": 5000, "items": []},
        {"predicate": "banned-by", "dir": "in", "total": 3, "items": []},
    ]
    graph = FakeGraph([first], pages)
    out = reads.neighbors(graph, "country:ru", None, "in", None, None, 2)
    query, params, _ = graph.calls[1]
    assert query is q.neighbors_of_hub((("HEADQUARTERED_IN", "in"), ("BANNED_BY", "in")))
    assert params["degrees"] == [5000, 3]
    assert [g["predicate"] for g in out["groups"]] == ["banned-by", "headquartered-in"]  # sorted
    assert out["truncated"] is True


@pytest.mark.parametrize(
    ("subject", "obj", "query"),
    [
        ("firm:a", None, q.facts_by_triple_anchored(reads.FACT_TYPES, "subject")),
        ("firm:a", "agency:b", q.facts_by_triple_anchored(reads.FACT_TYPES, "subject")),
        (None, "agency:b", q.facts_by_triple_anchored(reads.FACT_TYPES, "object")),
        (None, None, q.facts_by_triple(reads.FACT_TYPES)),
    ],
)
def test_facts_anchor_at_the_end_given(subject: str | None, obj: str | None, query: str) -> None:
    graph = FakeGraph([{"fact": fact("fact:1", "firm:a", "agency:b")}], [{"total": 7}])
    out = reads.facts(graph, subject, None, obj, 20, 40)
    assert graph.calls[0][0] is query
    assert graph.calls[0][1] == {"subject": subject, "object": obj, "stances": None, "limit": 20, "offset": 40}
    assert "count(r) AS total" in graph.calls[1][0]
    assert out == {"items": [fact("fact:1", "firm:a", "agency:b")], "total": 7, "limit": 20, "offset": 40}


def test_search_with_nothing_searchable_asks_nothing() -> None:
    graph = FakeGraph()
    assert reads.search(graph, "+-!", None, 10, 0) == {"items": [], "total": 0}
    assert graph.calls == []


def test_search_passes_the_lucene_text_as_a_parameter() -> None:
    graph = FakeGraph([{"total": 1, "items": [{"entity": ent("firm:a"), "score": 1.234567}]}])
    out = reads.search(graph, "Kaspersky OR 1=1", None, 10, 0)
    query, params, _ = graph.calls[0]
    assert query is q.SEARCH
    assert "Kaspersky" not in query and "kaspersky" in params["lucene"]
    assert out == {"items": [{**ent("firm:a"), "identifiers": {}, "members": [], "score": 1.2346}], "total": 1}


def paths(graph: FakeGraph, source: str, target: str, **changes: Any) -> dict[str, Any]:
    args: dict[str, Any] = {
        "max_hops": 3,
        "limit": 5,
        "predicates": None,
        "stances": None,
        "as_of": None,
        "directed": False,
        "timeout": 1.0,
    }
    return reads.paths(graph, source, target, **(args | changes))


def test_paths_between_an_entity_and_itself_is_refused() -> None:
    with pytest.raises(InvalidInput, match="from and to must differ"):
        paths(FakeGraph(), "firm:a", "firm:a")


@pytest.mark.parametrize(("from_found", "to_found", "field"), [(False, True, "from"), (True, False, "to")])
def test_paths_names_the_missing_end(from_found: bool, to_found: bool, field: str) -> None:
    graph = FakeGraph([{"from_found": from_found, "to_found": to_found, "paths": []}])
    with pytest.raises(NotFound) as info:
        paths(graph, "firm:a", "firm:b")
    assert info.value.details["field"] == field


def test_paths_sends_filters_and_timeout_with_the_query() -> None:
    # no path found: a second query asks why (graph/paths_why.py)
    graph = FakeGraph([{"from_found": True, "to_found": True, "same": False, "paths": []}], [])
    out = paths(
        graph,
        HOSTILE,
        "firm:b",
        limit=4,
        predicates=[Predicate.OWNS],
        stances=[Stance.ASSERTED],
        as_of="2021-01-01",
        directed=True,
        timeout=2.5,
        max_degree=50,
    )
    query, params, timeout = graph.calls[0]
    # one of a few shapes: the limit a bucket in the text (exact in the parameters), the depth exact
    assert query is q.shortest_paths(reads.FACT_TYPES, reads.FACT_TYPES, 5, 3, True)
    assert HOSTILE not in query
    # padded strings: one plan whatever the values (graph/read_queries.py, TYPES_OK)
    assert {k: v.strip() if isinstance(v, str) else v for k, v in params.items()} == {
        "from": HOSTILE,
        "to": "firm:b",
        "types": "|OWNS|",
        "limit": 4,
        "max_hops": 3,
        "stances": "|asserted|",
        "as_of": "2021-01-01",
        "undated": "mark",
        "max_degree": 50,
    }
    assert timeout == 2.5
    assert out["paths"] == [] and out["max_degree"] == 50
    why_query, why_params, why_timeout = graph.calls[1]
    assert why_query == paths_why.QUERY and why_params["max_degree"] == 50 and why_timeout == 2.5
    assert out["no_path"]["reason"] == "none" and out["no_path"]["message"] == "No connection within 3 hops."


def test_exposure_keeps_each_fact_once_by_its_shortest_chain() -> None:
    direct = {
        "fact_id": "fact:ban",
        "fact": fact("fact:ban", "firm:a", "agency:x"),
        "target": "firm:a",
        "chain_nodes": [ent("firm:a")],
        "chain_rels": [],
    }
    longer = {**direct, "target": "firm:parent", "chain_nodes": [ent("firm:a"), ent("firm:parent")]}
    graph = FakeGraph([{"entity": ent("firm:a"), "rows": [direct, longer]}])
    out = reads.exposure(graph, "firm:a", 3, "2020", 1.0)
    assert graph.calls[0][1] == {
        "id": "firm:a".ljust(reads.PAD),
        "as_of": "2020",
        "undated": "mark",
        "known_at": q.NO_DAY,
    }
    assert [a["via"] for a in out["actions"]] == ["firm:a"]
    assert out["actions"][0]["path"]["length"] == 0


def test_exposure_of_an_unknown_entity_is_not_found() -> None:
    with pytest.raises(NotFound):
        reads.exposure(FakeGraph([]), "firm:nobody", 3, None, 1.0)


def test_async_and_sync_runs_shape_alike() -> None:
    import asyncio

    class AsyncFake(FakeGraph):
        async def aread_plain(self, query: str, params: dict[str, Any], timeout: float | None = None) -> Any:
            return self.read_plain(query, params, timeout)

    rows = [{"fact": fact("fact:1", "firm:a", "agency:b")}]
    total = [{"total": 1}]
    sync = reads.facts(FakeGraph(rows, total), "firm:a", None, None, 5)
    # a loop of its own in a thread: the browser tests (Playwright) keep one running in the main thread
    with ThreadPoolExecutor(1) as pool:
        async_ = pool.submit(
            lambda: asyncio.run(reads.facts.aio(AsyncFake(rows, total), "firm:a", None, None, 5))
        ).result()
    assert sync == async_


def test_records_of_two_datasets_in_one_file_are_independent() -> None:
    """One JSONL file carrying a company register and a sanctions list: two statements, not one."""
    file = {"id": "source:ftm:file-1", "kind": "file"}
    chains = {
        "source:rec:ru_egrul": [{"id": "source:ftm-dataset:ru-egrul", "kind": "dataset"}, file],
        "source:rec:gb_fcdo": [{"id": "source:ftm-dataset:gb-fcdo", "kind": "dataset"}, file],
        "source:other:ru_egrul": [{"id": "source:ftm-dataset:ru-egrul", "kind": "dataset"}, file],
    }
    assert reads.independent_sources(["source:rec:ru_egrul", "source:rec:gb_fcdo"], chains) == [
        "source:rec:gb_fcdo",
        "source:rec:ru_egrul",
    ]
    # two records of one dataset are one source
    assert len(reads.independent_sources(["source:rec:ru_egrul", "source:other:ru_egrul"], chains)) == 1


def test_one_publishers_list_in_two_files_is_one_source() -> None:
    """Two versions of the FCC's table: the same agency's list, however many files."""
    chains = {
        "source:fcc:row-2024": [{"id": "source:fcc:file-2024", "kind": "file"}],
        "source:fcc:row-2026": [{"id": "source:fcc:file-2026", "kind": "file"}],
    }
    own = {s: {"kind": "list-entry", "publisher": "Federal Communications Commission"} for s in chains}
    assert len(reads.independent_sources(list(chains), chains, own)) == 1
    # records of unnamed files with no publisher: tied by their file only
    assert len(reads.independent_sources(list(chains), chains)) == 2


def test_a_hubs_pages_are_one_query_text_whatever_the_predicates_asked() -> None:
    first = {
        "entity": ent("country:ru"),
        "scanned": False,
        "groups": None,
        "degrees": [["HEADQUARTERED_IN", "in", 5000], ["BANNED_BY", "in", 3]],
    }
    texts = set()
    for predicates in ([Predicate.BANNED_BY], [Predicate.OWNS], None):
        graph = FakeGraph([first], [])
        reads.neighbors(graph, "country:ru", predicates, "in", None, None, 2)
        query, params, _ = graph.calls[1]
        texts.add(query)
        assert params["degrees"] == [5000, 3]
    assert texts == {q.neighbors_of_hub((("HEADQUARTERED_IN", "in"), ("BANNED_BY", "in")))}
    # an arm the asked predicates leave out is skipped once, before its edges are read
    assert "WITH e WHERE $types STARTS WITH ' ' OR $types CONTAINS '|HEADQUARTERED_IN|' MATCH" in texts.pop()
