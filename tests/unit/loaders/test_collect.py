"""loaders/collect.py: the one place several loader outputs become one."""

from __future__ import annotations

from pathlib import Path

from loaders.base import Parsed, RecordError
from loaders.collect import Collector, combine
from schema.models import Citation, Claim, Entity, Source
from schema.ontology import EntityType, Predicate


def _claim(subject: str, obj: str) -> Claim:
    cite = Citation(source="source:s", quote="A", start=0, end=1)
    return Claim(subject=subject, predicate=Predicate.LINKED_TO, object=obj, citations=(cite,))


def test_combine_keeps_each_record_once_and_everything_else() -> None:
    a = Parsed(
        entities=[Entity(id="firm:a", type=EntityType.FIRM, name="A", aliases=("A1",))],
        sources=[Source(id="source:s", title="S", kind="list", text="A B")],
        claims=[_claim("firm:a", "firm:b")],
        external_refs={"list:x"},
        notes=["one"],
        inputs=[Path("a.yaml")],
    )
    b = Parsed(
        entities=[
            Entity(id="firm:a", type=EntityType.FIRM, name="A", aliases=("A2",)),
            Entity(id="firm:b", type=EntityType.FIRM, name="B"),
        ],
        sources=[Source(id="source:s", title="S", kind="list", text="A B")],
        claims=[_claim("firm:a", "firm:b")],
        rejects=[RecordError("b.yaml", 1, None, "bad")],
        external_refs={"list:x", "list:y"},
        notes=["two"],
        inputs=[Path("b.yaml")],
    )
    both = combine([a, b])
    assert [e.id for e in both.entities] == ["firm:a", "firm:b"]
    assert both.entities[0].aliases == ("A1", "A2")  # united, in order
    assert len(both.sources) == 1 and len(both.claims) == 1
    assert len(both.rejects) == 1
    assert both.external_refs == {"list:x", "list:y"}
    assert both.notes == ["one", "two"]
    assert both.inputs == [Path("a.yaml"), Path("b.yaml")]


def test_a_country_stays_only_while_every_occurrence_agrees() -> None:
    out = Collector()
    out.add_entity(Entity(id="firm:a", type=EntityType.FIRM, name="A", country="RU"))
    out.add_entity(Entity(id="firm:a", type=EntityType.FIRM, name="A", country="RU"))
    assert out.entities["firm:a"].country == "RU"
    out.add_entity(Entity(id="firm:a", type=EntityType.FIRM, name="A", country="BY"))
    assert out.entities["firm:a"].country is None
    out.add_entity(Entity(id="firm:a", type=EntityType.FIRM, name="A", country="RU"))
    assert out.entities["firm:a"].country is None  # a conflict is not forgotten


def test_a_registry_body_comes_with_its_part_of_chain() -> None:
    out = Collector()
    out.add_body("agency:us-bis", list_id="list:us-bis-entity-list")
    facts = {(c.subject, c.predicate.value, c.object) for c in out.claims.values()}
    assert facts == {
        ("agency:us-bis", "administers", "list:us-bis-entity-list"),
        ("agency:us-bis", "part-of", "agency:us-commerce"),
        ("agency:us-commerce", "part-of", "country:us"),
    }
    assert set(out.entities) == {"agency:us-bis", "agency:us-commerce", "country:us"}
    # background facts: each quotes the registry's own source, which comes with them
    for claim in out.claims.values():
        (citation,) = claim.citations
        source = out.sources[citation.source]
        assert source.id.startswith("source:reference-") and source.text is not None
        assert source.text[citation.start : citation.end] == citation.quote
