"""Model basics worth pinning (schema.models): content-hash ids, fact ids, entity id prefixes, slug."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from schema.models import Citation, Claim, Entity, Source, fact_id, slug
from schema.ontology import EntityType, Method, Predicate, Stance

CITE_A = Citation(source="source:a", quote="banned", start=0, end=6)
CITE_B = Citation(source="source:b", quote="ban", start=10, end=13)


def claim(**changes: Any) -> Claim:
    fields: dict[str, Any] = {
        "subject": "firm:acme",
        "predicate": Predicate.BANNED_BY,
        "object": "agency:dhs",
        "citations": (CITE_A,),
    }
    fields.update(changes)
    return Claim(**fields)


# -- claim ids ----------------------------------------------------------------------------


def test_claim_id_is_a_content_hash() -> None:
    assert claim().id == claim().id
    assert claim().id.startswith("claim:")
    assert len(claim().id) == len("claim:") + 24


def test_claim_id_ignores_citation_order() -> None:
    assert claim(citations=(CITE_A, CITE_B)).id == claim(citations=(CITE_B, CITE_A)).id


@pytest.mark.parametrize(
    "change",
    [
        {"subject": "firm:other"},
        {"predicate": Predicate.SANCTIONED_BY},
        {"object": "agency:bis"},
        {"stance": Stance.ALLEGED},
        {"asserted_by": "agency:dhs"},
        {"valid_from": "2017"},
        {"valid_to": "2020"},
        {"qualifiers": {"program": "X"}},
        {"citations": (CITE_B,)},
        {"citations": (CITE_A, CITE_B)},
    ],
)
def test_claim_id_changes_with_its_content(change: dict[str, Any]) -> None:
    assert claim(**change).id != claim().id


def test_claim_id_does_not_depend_on_confidence_or_method() -> None:
    # a reload that only revises confidence or method updates the claim in place (see graph.writer)
    assert claim(confidence=0.4, method=Method.EXTRACTED).id == claim().id


def test_claim_id_depends_on_citation_offsets_not_the_quote_text() -> None:
    moved = Citation(source="source:a", quote="banned", start=1, end=7)
    requoted = Citation(source="source:a", quote="BANNED", start=0, end=6)
    assert claim(citations=(moved,)).id != claim().id
    assert claim(citations=(requoted,)).id == claim().id


def test_claim_dates_from_yaml_scalars_hash_like_their_text() -> None:
    assert claim(valid_from=2017).id == claim(valid_from="2017").id


# -- fact ids -----------------------------------------------------------------------------


def test_fact_id_ignores_stance_and_everything_but_the_triple() -> None:
    base = claim()
    other = claim(stance=Stance.DENIED, asserted_by="firm:acme2", valid_from="2019", citations=(CITE_B,))
    assert other.id != base.id
    assert other.fact_id == base.fact_id
    assert base.fact_id == fact_id("firm:acme", Predicate.BANNED_BY, "agency:dhs")


def test_fact_id_accepts_the_predicate_as_text() -> None:
    assert fact_id("firm:acme", "banned-by", "agency:dhs") == fact_id("firm:acme", Predicate.BANNED_BY, "agency:dhs")


def test_fact_id_is_directional() -> None:
    assert fact_id("firm:a", Predicate.LINKED_TO, "firm:b") != fact_id("firm:b", Predicate.LINKED_TO, "firm:a")
    assert fact_id("firm:a", Predicate.LINKED_TO, "firm:b").startswith("fact:")


# -- claim validation ---------------------------------------------------------------------


def test_claim_needs_a_citation() -> None:
    with pytest.raises(ValidationError):
        claim(citations=())


def test_claim_subject_and_object_must_differ() -> None:
    with pytest.raises(ValidationError, match="subject and object must differ"):
        claim(object="firm:acme")


def test_claim_valid_to_before_valid_from_is_refused() -> None:
    with pytest.raises(ValidationError, match="valid_to 2016 is before valid_from 2017"):
        claim(valid_from="2017", valid_to="2016")


def test_claim_span_compares_partial_dates_by_the_days_they_can_mean() -> None:
    # 2017 as an end means up to 2017-12-31, so it does not end before 2017-06
    assert claim(valid_from="2017-06", valid_to="2017").valid_to == "2017"


def test_citation_end_must_be_after_start() -> None:
    with pytest.raises(ValidationError, match="end must be after start"):
        Citation(source="source:a", quote="x", start=5, end=5)


# -- entities -----------------------------------------------------------------------------


def test_entity_id_prefix_must_match_its_type() -> None:
    assert Entity(id="agency:dhs", type=EntityType.AGENCY, name="DHS").id == "agency:dhs"
    with pytest.raises(ValidationError, match="id 'firm:dhs' must start with 'agency:' for type Agency"):
        Entity(id="firm:dhs", type=EntityType.AGENCY, name="DHS")


@pytest.mark.parametrize("bad", ["firm", "Firm:acme", "firm:", "firm:-acme", "firm acme"])
def test_entity_id_must_have_the_id_shape(bad: str) -> None:
    with pytest.raises(ValidationError):
        Entity(id=bad, type=EntityType.FIRM, name="Acme")


def test_entity_aliases_none_is_empty() -> None:
    assert Entity(id="firm:acme", type=EntityType.FIRM, name="Acme", aliases=None).aliases == ()


def test_entity_refuses_unknown_fields() -> None:
    with pytest.raises(ValidationError):
        Entity(id="firm:acme", type=EntityType.FIRM, name="Acme", colour="red")  # type: ignore[call-arg]


def test_entity_nationalities_and_places_of_birth() -> None:
    plain = Entity(id="person:a", type=EntityType.PERSON, name="A")
    assert (plain.nationalities, plain.birth_places) == ((), ())
    none = Entity(id="person:a", type=EntityType.PERSON, name="A", nationalities=None, birth_places=None)
    assert (none.nationalities, none.birth_places) == ((), ())
    person = Entity(
        id="person:a",
        type=EntityType.PERSON,
        name="Ковальчук Кирилл",
        nationalities=["RU", "UA"],
        birth_places=["Moscow, Russia", "Винница"],
    )
    assert person.nationalities == ("RU", "UA")  # a list becomes a tuple, order kept
    assert person.birth_places == ("Moscow, Russia", "Винница")  # free text, any script
    assert person.model_dump()["nationalities"] == ("RU", "UA")


def test_entity_weak_aliases() -> None:
    assert Entity(id="firm:acme", type=EntityType.FIRM, name="Acme").weak_aliases == ()
    assert Entity(id="firm:acme", type=EntityType.FIRM, name="Acme", weak_aliases=None).weak_aliases == ()
    # OFAC 306 BANCO NACIONAL DE CUBA: "a.k.a. 'BNC'" in its remarks — a weak alias, apart from the aliases
    bank = Entity(id="firm:ofac-306", type=EntityType.FIRM, name="BANCO NACIONAL DE CUBA", weak_aliases=["BNC"])
    assert (bank.aliases, bank.weak_aliases) == ((), ("BNC",))  # a list becomes a tuple
    assert bank.model_dump()["weak_aliases"] == ("BNC",)


@pytest.mark.parametrize("bad", [{"nationalities": ["ru"]}, {"nationalities": ["RUS"]}, {"nationalities": [""]},
                                 {"birth_places": [""]}])  # fmt: skip
def test_entity_nationalities_are_iso_codes_like_country(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Entity(id="person:a", type=EntityType.PERSON, name="A", **bad)


# -- sources ------------------------------------------------------------------------------


def test_source_sha256_is_of_its_text() -> None:
    src = Source(id="source:a", title="A", kind="article", text="abc")
    assert src.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert Source(id="source:b", title="B", kind="article").sha256 is None


def test_source_id_needs_the_source_prefix() -> None:
    with pytest.raises(ValidationError):
        Source(id="firm:a", title="A", kind="article")


# -- slug ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kaspersky Lab, Inc.", "kaspersky-lab-inc"),
        ("Société Générale", "societe-generale"),
        ("  --Huawei--  ", "huawei"),
        ("ZTE Corp. (USA)", "zte-corp-usa"),
        ("Касперский", "kasperskij"),  # transliterated, not dropped
        ("Служба безпеки України", "sluzba-bezpeki-ukraini"),
        ("华为技术有限公司", "hua-wei-ji-shu-you-xian-gong-si"),
    ],
)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_names_in_other_scripts_never_share_a_slug() -> None:
    # two Ukrainian agencies once both became "x", and so one entity
    assert slug("Служба безпеки України") != slug("ГУР МО України")
    # no letter or digit at all: a hash of the text, still distinct
    assert slug("!!!").startswith("h-") and slug("!!!") != slug("???") != slug("")
