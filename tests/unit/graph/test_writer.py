"""The writer's pure parts (graph.writer): fact edge properties from claims, claim rows, entity
merging, source ordering and the counts — no database."""

from __future__ import annotations

import json
from typing import Any

import pytest

from graph.writer import (
    Tally,
    WriteCounts,
    _claim_row,
    _entity_state,
    _fact_row,
    _topological,
    chunks,
    claim_rows,
    fact_props,
    identity_problem,
)
from schema.errors import InvalidInput
from schema.models import Citation, Claim, Entity, Source
from schema.ontology import EntityType, Method, Predicate, Stance


def row(claim_id: str = "claim:1", **changes: Any) -> dict[str, Any]:
    """A claim as FACT_CLAIMS returns it."""
    out: dict[str, Any] = {
        "fact_id": "fact:f",
        "claim_id": claim_id,
        "subject": "firm:acme",
        "predicate": "banned-by",
        "object": "agency:dhs",
        "stance": "asserted",
        "valid_from": None,
        "valid_to": None,
        "confidence": 1.0,
        "asserted_by": None,
        "cites": [{"source": "source:a", "quote": f"quote of {claim_id}", "start": 0}],
    }
    out.update(changes)
    return out


# -- fact_props: stances ------------------------------------------------------------------


def test_stances_are_distinct_and_ordered_established_first() -> None:
    claims = [
        row("claim:1", stance="alleged"),
        row("claim:2", stance="retracted"),
        row("claim:3", stance="asserted"),
        row("claim:4", stance="alleged"),
        row("claim:5", stance="reported"),
    ]
    assert fact_props(claims)["stances"] == ["asserted", "reported", "alleged", "retracted"]


@pytest.mark.parametrize(
    ("stances", "established"),
    [
        (["asserted"], True),
        (["reported"], True),
        (["alleged"], False),
        (["proposed", "disputed", "denied", "retracted"], False),
        (["alleged", "asserted"], True),
    ],
)
def test_established_when_any_claim_is_asserted_or_reported(stances: list[str], established: bool) -> None:
    claims = [row(f"claim:{i}", stance=s) for i, s in enumerate(stances)]
    assert fact_props(claims)["established"] is established


# -- fact_props: validity span ------------------------------------------------------------


def test_valid_from_is_the_earliest_start() -> None:
    props = fact_props([row("claim:1", valid_from="2019-05"), row("claim:2", valid_from="2018")])
    assert props["valid_from"] == "2018"
    assert props["valid_from_key"] == "2018-01-01"


def test_valid_from_ignores_claims_without_a_start() -> None:
    props = fact_props([row("claim:1"), row("claim:2", valid_from="2019-05-21")])
    assert props["valid_from"] == "2019-05-21"
    assert props["valid_from_key"] == "2019-05-21"


def test_no_start_on_any_claim_gives_no_valid_from() -> None:
    props = fact_props([row("claim:1"), row("claim:2")])
    assert props["valid_from"] is None
    assert props["valid_from_key"] is None


def test_valid_from_compares_the_days_a_partial_date_can_mean() -> None:
    # 2018 can mean 2018-01-01, earlier than 2018-01-15
    props = fact_props([row("claim:1", valid_from="2018-01-15"), row("claim:2", valid_from="2018")])
    assert props["valid_from"] == "2018"


def test_valid_from_tie_keeps_the_first_claims_raw_value() -> None:
    props = fact_props([row("claim:1", valid_from="2018-01-01"), row("claim:2", valid_from="2018")])
    assert props["valid_from"] == "2018-01-01"
    assert props["valid_from_key"] == "2018-01-01"


def test_valid_to_is_the_latest_end() -> None:
    props = fact_props([row("claim:1", valid_to="2020-06"), row("claim:2", valid_to="2020")])
    assert props["valid_to"] == "2020"
    assert props["valid_to_key"] == "2020-12-31"


def test_valid_to_of_a_month_is_its_last_day_in_leap_years_too() -> None:
    assert fact_props([row(valid_to="2024-02")])["valid_to_key"] == "2024-02-29"
    assert fact_props([row(valid_to="2023-02")])["valid_to_key"] == "2023-02-28"


def test_one_open_ended_claim_keeps_the_fact_open_ended() -> None:
    props = fact_props([row("claim:1", valid_from="2017", valid_to="2020"), row("claim:2", valid_from="2019")])
    assert props["valid_to"] is None
    assert props["valid_to_key"] is None
    assert props["valid_from"] == "2017"


# -- fact_props: counts, parties, confidence ----------------------------------------------


def test_counts_claims_and_distinct_sources() -> None:
    claims = [
        row("claim:1", cites=[{"source": "source:a", "quote": "q", "start": 0}]),
        row(
            "claim:2",
            cites=[{"source": "source:a", "quote": "r", "start": 5}, {"source": "source:b", "quote": "s", "start": 1}],
        ),
        row("claim:3", cites=[{"source": "source:c", "quote": "t", "start": 2}]),
    ]
    props = fact_props(claims)
    assert props["n_claims"] == 3
    assert props["n_sources"] == 3


def test_a_claim_without_citation_rows_adds_no_source() -> None:
    # FACT_CLAIMS collects an OPTIONAL MATCH: no citation comes back as {source: null, ...}
    claims = [row("claim:1"), row("claim:2", cites=[{"source": None, "quote": None, "start": None}])]
    props = fact_props(claims)
    assert props["n_claims"] == 2
    assert props["n_sources"] == 1


def test_asserted_by_lists_each_party_once_sorted() -> None:
    claims = [
        row("claim:1", asserted_by="agency:fcc"),
        row("claim:2", asserted_by=None),
        row("claim:3", asserted_by="agency:dhs"),
        row("claim:4", asserted_by="agency:fcc"),
    ]
    assert fact_props(claims)["asserted_by"] == ["agency:dhs", "agency:fcc"]


def test_asserted_by_empty_when_no_claim_names_a_party() -> None:
    assert fact_props([row()])["asserted_by"] is None  # an empty list is stored as no property


def test_confidence_is_the_highest_and_missing_counts_as_zero() -> None:
    assert fact_props([row("claim:1", confidence=0.3), row("claim:2", confidence=0.8)])["confidence"] == 0.8
    assert fact_props([row("claim:1", confidence=None)])["confidence"] == 0.0


def test_predicate_comes_from_the_claims() -> None:
    assert fact_props([row(predicate="listed-on")])["predicate"] == "listed-on"


# -- fact_props: the representative quote -------------------------------------------------


def test_quote_comes_from_the_best_ranked_stance_before_confidence() -> None:
    claims = [
        row("claim:1", stance="alleged", confidence=1.0),
        row("claim:2", stance="reported", confidence=0.2),
    ]
    assert fact_props(claims)["quote"] == "quote of claim:2"


def test_quote_within_a_stance_comes_from_the_most_confident_claim() -> None:
    claims = [
        row("claim:1", stance="asserted", confidence=0.5),
        row("claim:2", stance="asserted", confidence=0.9),
        row("claim:3", stance="asserted", confidence=0.7),
    ]
    assert fact_props(claims)["quote"] == "quote of claim:2"


def test_quote_tie_goes_to_the_first_claim() -> None:
    claims = [row("claim:1"), row("claim:2")]
    assert fact_props(claims)["quote"] == "quote of claim:1"


def test_quote_is_the_earliest_citation_of_the_best_claim() -> None:
    cites = [
        {"source": "source:a", "quote": "later", "start": 40},
        {"source": "source:b", "quote": None, "start": 0},
        {"source": "source:c", "quote": "earlier", "start": 7},
    ]
    assert fact_props([row(cites=cites)])["quote"] == "earlier"


def test_no_quote_when_the_best_claim_has_no_quoted_citation() -> None:
    claims = [
        row("claim:1", stance="asserted", cites=[{"source": None, "quote": None, "start": None}]),
        row("claim:2", stance="alleged"),
    ]
    assert fact_props(claims)["quote"] is None


# -- claim rows ---------------------------------------------------------------------------


def make_claim(**changes: Any) -> Claim:
    fields: dict[str, Any] = {
        "subject": "firm:acme",
        "predicate": Predicate.BANNED_BY,
        "object": "agency:dhs",
        "stance": Stance.ALLEGED,
        "asserted_by": "agency:fcc",
        "valid_from": "2017-09",
        "qualifiers": {"zeta": 1, "alpha": "Ä"},
        "confidence": 0.7,
        "method": Method.EXTRACTED,
        "citations": (
            Citation(source="source:b", quote="second", start=20, end=26),
            Citation(source="source:a", quote="first", start=3, end=8),
        ),
    }
    fields.update(changes)
    return Claim(**fields)


def test_claim_row_carries_ids_citations_and_plain_properties() -> None:
    c = make_claim()
    out = _claim_row(c)
    assert out["id"] == c.id
    assert (out["subject"], out["object"], out["asserted_by"]) == ("firm:acme", "agency:dhs", "agency:fcc")
    assert out["citations"] == [
        {"source": "source:b", "quote": "second", "start": 20, "end": 26},
        {"source": "source:a", "quote": "first", "start": 3, "end": 8},
    ]
    assert out["props"] == {
        "fact_id": c.fact_id,
        "subject": "firm:acme",
        "predicate": "banned-by",
        "object": "agency:dhs",
        "stance": "alleged",
        "valid_from": "2017-09",
        "valid_to": None,
        "qualifiers": '{"alpha": "Ä", "zeta": 1}',
        "confidence": 0.7,
        "method": "extracted",
    }


def test_claim_rows_are_keyed_by_claim_id() -> None:
    a, b = make_claim(), make_claim(stance=Stance.ASSERTED)
    rows = claim_rows([a, b, a])
    assert list(rows) == [a.id, b.id]
    assert rows[b.id]["props"]["stance"] == "asserted"


def test_a_new_claims_fact_row_feeds_fact_props() -> None:
    c = make_claim()
    fact_row = _fact_row(c, _claim_row(c)["props"])
    assert fact_row["claim_id"] == c.id
    assert fact_row["cites"][0] == {"source": "source:b", "quote": "second", "start": 20}
    props = fact_props([fact_row])
    assert props["stances"] == ["alleged"]
    assert props["established"] is False
    assert (props["valid_from"], props["valid_from_key"]) == ("2017-09", "2017-09-01")
    assert props["valid_to"] is None
    assert props["n_sources"] == 2
    # an allegation: its party accuses, it does not establish the fact
    assert props["asserted_by"] is None and props["alleged_by"] == ["agency:fcc"]
    assert props["quote"] == "first"


# -- entity merging -----------------------------------------------------------------------


def entity(**changes: Any) -> Entity:
    fields: dict[str, Any] = {"id": "firm:acme", "type": EntityType.FIRM, "name": "Acme"}
    fields.update(changes)
    return Entity(**fields)


def test_new_entity_state() -> None:
    state = _entity_state(
        entity(aliases=("Acme", "ACME Corp", "Acme Inc"), country="US", identifiers={"lei": "L1"}, candidate=True),
        None,
        "curated:acme.yaml",
    )
    assert state == {
        "type": "Firm",
        "name": "Acme",
        "aliases": ["ACME Corp", "Acme Inc"],
        "weak_aliases": None,  # absent when empty
        "alias_text": "ACME Corp | Acme Inc",
        "country": "US",
        "identifiers": '{"lei": "L1"}',
        "description": None,
        "candidate": True,
        "origins": ["curated:acme.yaml"],
        "birth_dates": None,
        "nationalities": None,
        "birth_places": None,
        "ident_values": ["L1"],
        "ident_text": "L1",
        "name_sources": '{"ACME Corp": ["curated:acme.yaml"], "Acme": ["curated:acme.yaml"], '
        '"Acme Inc": ["curated:acme.yaml"]}',
    }


def test_weak_aliases_accumulate_apart_and_are_searchable() -> None:
    # OFAC 21326: alt.csv's "BOGACHEV, Evgeniy Mikhailovich" is strong, the remarks' "a.k.a. 'Slavik'" weak
    bogachev = Entity(
        id="person:ofac-21326",
        type=EntityType.PERSON,
        name="BOGACHEV, Evgeniy Mikhaylovich",
        aliases=("BOGACHEV, Evgeniy Mikhailovich",),
        weak_aliases=("Slavik", "Monstr"),
    )
    first = _entity_state(bogachev, None, "ofac")
    assert first["aliases"] == ["BOGACHEV, Evgeniy Mikhailovich"]
    assert first["weak_aliases"] == ["Slavik", "Monstr"]
    assert first["alias_text"] == "BOGACHEV, Evgeniy Mikhailovich | Slavik | Monstr"  # the full-text index finds them
    assert "Slavik" not in json.loads(first["name_sources"])
    # a later record: its weak aliases join once up to case and accents, after those the graph holds
    later = bogachev.model_copy(update={"weak_aliases": ("SLAVIK", "Lastik", "lucky12345")})
    again = _entity_state(later, first, "ofac")
    assert again["weak_aliases"] == ["Slavik", "Monstr", "Lastik", "lucky12345"]
    assert again["alias_text"] == "BOGACHEV, Evgeniy Mikhailovich | Slavik | Monstr | Lastik | lucky12345"
    # never the name or a strong alias; a weak alias a record gives as a strong one becomes strong
    promoted = bogachev.model_copy(
        update={
            "aliases": ("Monstr",),
            "weak_aliases": ("bogachev, evgeniy mikhaylovich", "Bogachev, Evgeniy Mikhailovich"),
        }
    )
    state = _entity_state(promoted, again, "ofac")
    assert state["aliases"] == ["BOGACHEV, Evgeniy Mikhailovich", "Monstr"]
    assert state["weak_aliases"] == ["Slavik", "Lastik", "lucky12345"]


def test_weak_aliases_do_not_make_two_names_one_entity() -> None:
    old = {"type": "Firm", "name": "Acme Corporation", "aliases": [], "weak_aliases": ["Globex"], "origins": ["a"]}
    field, _ = identity_problem(entity(name="Globex LLC"), old, "b") or ("", "")
    assert field == "name"  # the graph's weak alias "Globex" does not vouch for it
    field, _ = identity_problem(entity(name="Initech", weak_aliases=("Acme",)), old, "b") or ("", "")
    assert field == "name"  # nor the new record's weak alias "Acme"
    assert identity_problem(entity(name="Initech", aliases=("Acme",)), old, "b") is None  # a strong alias does


def test_origins_accumulate() -> None:
    existing = {"name": "Acme", "aliases": [], "origins": ["csl"]}
    assert _entity_state(entity(), existing, "curated:a.yaml")["origins"] == ["csl", "curated:a.yaml"]
    assert _entity_state(entity(), existing, "csl")["origins"] == ["csl"]


def test_a_name_from_another_record_must_share_a_word() -> None:
    old = {"type": "Firm", "name": "Acme Corporation", "aliases": ["ACME"], "origins": ["curated:a.yaml"]}
    assert identity_problem(entity(name="Acme Ltd"), old, "curated:b.yaml") is None  # shares "acme"
    assert identity_problem(entity(name="Globex LLC"), old, "curated:a.yaml") is None  # the same record renames it
    field, message = identity_problem(entity(name="Globex LLC"), old, "curated:b.yaml") or ("", "")
    assert field == "name" and "'Acme Corporation' (from curated:a.yaml)" in message
    joined = {**old, "same_as_names": ["Globex Holdings"]}  # a same-as decision joins them
    assert identity_problem(entity(name="Globex LLC"), joined, "curated:b.yaml") is None
    assert identity_problem(entity(name="Globex"), {**old, "origins": None}, "x") is None  # origins unknown


def test_an_id_keeps_its_type() -> None:
    old = {"type": "Person", "name": "Acme", "aliases": [], "origins": ["x"]}
    assert (identity_problem(entity(), old, "x") or ("",))[0] == "type"


def test_aliases_accumulate_without_duplicates() -> None:
    existing = {"name": "Acme", "aliases": ["ACME Corp"], "identifiers": None}
    state = _entity_state(entity(aliases=("Acme Inc", "ACME Corp")), existing)
    assert state["aliases"] == ["ACME Corp", "Acme Inc"]


def test_a_renamed_entity_keeps_its_old_name_as_an_alias() -> None:
    existing = {"name": "Acme Corporation", "aliases": [], "identifiers": None}
    state = _entity_state(entity(name="Acme"), existing)
    assert state["name"] == "Acme"
    assert state["aliases"] == ["Acme Corporation"]


def test_an_entity_renamed_to_one_of_its_aliases_does_not_list_its_name_as_an_alias() -> None:
    existing = {"name": "Acme Corporation", "aliases": ["Acme"], "identifiers": None}
    state = _entity_state(entity(name="Acme"), existing)
    assert "Acme" not in state["aliases"]


def test_identifiers_merge_and_the_new_value_wins() -> None:
    existing = {"name": "Acme", "aliases": [], "identifiers": json.dumps({"lei": "OLD", "ofac": "123"})}
    state = _entity_state(entity(identifiers={"lei": "NEW", "wikidata": "Q1"}), existing)
    assert json.loads(state["identifiers"]) == {"lei": "NEW", "ofac": "123", "wikidata": "Q1"}


def test_unset_country_and_description_keep_what_the_graph_has() -> None:
    existing = {"name": "Acme", "aliases": [], "country": "RU", "description": "old"}
    assert _entity_state(entity(), existing)["country"] == "RU"
    assert _entity_state(entity(), existing)["description"] == "old"
    newer = _entity_state(entity(country="US", description="new"), existing)
    assert (newer["country"], newer["description"]) == ("US", "new")


@pytest.mark.parametrize(
    ("existing_candidate", "new_candidate", "result"),
    [
        (True, True, True),
        (True, False, False),  # reviewed by this load
        (False, True, False),  # reviewed before: an extractor's proposal does not undo it
        (False, False, False),
    ],
)
def test_candidate_only_while_every_load_says_so(existing_candidate: bool, new_candidate: bool, result: bool) -> None:
    existing = {"name": "Acme", "aliases": [], "candidate": existing_candidate}
    assert _entity_state(entity(candidate=new_candidate), existing)["candidate"] is result


# -- sources in dependency order ----------------------------------------------------------


def source(sid: str, *derived: str) -> Source:
    return Source(id=sid, title=sid, kind="article", derived_from=derived)


def test_sources_are_written_after_the_sources_they_derive_from() -> None:
    items = [source("source:c", "source:b"), source("source:b", "source:a"), source("source:a")]
    assert [s.id for s in _topological(items)] == ["source:a", "source:b", "source:c"]


def test_sources_keep_input_order_when_independent_and_each_appears_once() -> None:
    items = [source("source:x"), source("source:y", "source:x"), source("source:z", "source:elsewhere")]
    assert [s.id for s in _topological(items)] == ["source:x", "source:y", "source:z"]


def test_a_derived_from_cycle_is_refused() -> None:
    items = [source("source:a", "source:b"), source("source:b", "source:a")]
    with pytest.raises(InvalidInput, match="derived_from cycle"):
        _topological(items)


# -- counts and batches -------------------------------------------------------------------


def test_write_counts_add_and_report() -> None:
    total = WriteCounts()
    total.add(WriteCounts(entities=Tally(created=2, unchanged=1), claims=Tally(updated=1), facts=3))
    total.add(WriteCounts(sources=Tally(created=1), claims=Tally(unchanged=4), facts=1))
    assert total.changed == 4
    assert total.as_dict() == {
        "facts_touched": 4,
        "entities_created": 2,
        "entities_updated": 0,
        "entities_unchanged": 1,
        "sources_created": 1,
        "sources_updated": 0,
        "sources_unchanged": 0,
        "claims_created": 0,
        "claims_updated": 1,
        "claims_unchanged": 4,
    }


def test_nothing_changed_when_everything_is_unchanged() -> None:
    assert WriteCounts(claims=Tally(unchanged=9), facts=2).changed == 0


def test_chunks() -> None:
    assert [list(c) for c in chunks([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]
    assert list(chunks([], 3)) == []


def test_a_later_version_ends_a_fact_until_it_returns() -> None:
    def row(valid_from: str | None, valid_to: str | None, quals: str = "{}") -> dict[str, Any]:
        return {
            "predicate": "listed-on", "stance": "asserted", "valid_from": valid_from, "valid_to": valid_to,
            "confidence": 1.0, "qualifiers": quals, "asserted_by": None, "cites": [],
        }  # fmt: skip

    listed = row("2021-03-12", None)
    ended = row(None, "2026-08-01", '{"absent_from_version": "2026-08-01"}')
    props = fact_props([listed, ended])
    assert (props["valid_from"], props["valid_to"]) == ("2021-03-12", "2026-08-01")
    back = row("2026-11-01", None, '{"present_again_in_version": "2026-11-01"}')
    props = fact_props([listed, ended, back])
    assert (props["valid_from"], props["valid_to"]) == ("2021-03-12", None)
    assert props["gaps"] == ["2026-08-01/2026-11-01"]  # the return starts a new period
    again = row(None, "2027-02-01", '{"absent_from_version": "2027-02-01"}')
    props = fact_props([listed, ended, back, again])
    assert (props["valid_to"], props["gaps"]) == ("2027-02-01", ["2026-08-01/2026-11-01"])
    assert fact_props([listed])["gaps"] is None


def test_a_listing_the_list_says_has_ended_ends_the_fact_despite_an_open_earlier_claim() -> None:
    def row(valid_from: str | None, valid_to: str | None, quals: str = "{}") -> dict[str, Any]:
        return {
            "predicate": "listed-on", "stance": "asserted", "valid_from": valid_from, "valid_to": valid_to,
            "confidence": 1.0, "qualifiers": quals, "asserted_by": None, "cites": [],
        }  # fmt: skip

    earlier = row("2019-05-21", None)  # an older CSL row: no end date yet
    later = row("2019-05-21", "2024-03-01", '{"listing_ended": "2024-03-01"}')  # the row now has one
    props = fact_props([earlier, later])
    assert (props["valid_from"], props["valid_to"], props["gaps"]) == ("2019-05-21", "2024-03-01", None)
    relisted = row("2025-01-10", None)
    assert fact_props([earlier, later, relisted])["valid_to"] is None  # listed again after
    assert fact_props([earlier, later, relisted])["gaps"] == ["2024-03-01/2025-01-10"]
