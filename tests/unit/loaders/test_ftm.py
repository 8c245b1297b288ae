"""The FollowTheMoney JSON-lines loader (loaders.ftm), on hand-made fixtures (no OpenSanctions data)."""

from __future__ import annotations

import json
from pathlib import Path

from loaders import ftm
from loaders.collect import combine
from schema.models import Claim
from schema.ontology import EntityType, Predicate, allowed

FIXTURES = Path(__file__).parents[2] / "fixtures" / "ftm"
SAMPLE = FIXTURES / "sample.ftm.jsonl"
MALFORMED = FIXTURES / "malformed.ftm.jsonl"


def by_triple(claims: list[Claim]) -> dict[tuple[str, str, str], Claim]:
    return {(c.subject, c.predicate.value, c.object): c for c in claims}


def test_things_become_entities() -> None:
    parsed = ftm.load(SAMPLE)
    assert parsed.rejects == []
    entities = {e.id: e for e in parsed.entities}
    assert {
        e.id: e.type for e in entities.values() if ":ftm-" in e.id and not e.id.startswith(("agency:ftm-c", "list:"))
    } == {
        "firm:ftm-acme-holding": EntityType.FIRM,
        "firm:ftm-acme-shipping": EntityType.FIRM,
        "person:ftm-ivan-testov": EntityType.PERSON,
        "person:ftm-maria-probova": EntityType.PERSON,
        "agency:ftm-ministry-of-examples": EntityType.AGENCY,
        "asset:ftm-imo-9999990": EntityType.ASSET,
        "asset:ftm-ra-00000": EntityType.ASSET,
        "organization:ftm-example-foundation": EntityType.ORGANIZATION,
        "firm:ftm-legal-entity-x": EntityType.FIRM,
        "agency:ftm-osaka-prefecture-example-office": EntityType.AGENCY,
    }
    acme = entities["firm:ftm-acme-holding"]
    assert acme.name == "Acme Holding JSC"
    assert acme.aliases == ("AO Acme Holding", "Acme Group")
    assert acme.country == "RU"
    assert acme.identifiers == {"ftm": "acme-holding", "inn": "7700000009", "ogrn": "1027700000008"}
    assert acme.description == "A made-up holding company used in tests."
    # IMO9999990 fails the IMO check digit (9999993 would pass): kept, as a registration number
    assert entities["asset:ftm-imo-9999990"].identifiers == {"ftm": "imo-9999990", "registration": "IMO9999990"}
    assert entities["asset:ftm-imo-9999990"].country == "PA"  # the flag
    assert entities["firm:ftm-legal-entity-x"].name == "Ōsaka Example Trading K.K."


def test_sanctions_become_sanctioned_by_and_listed_on() -> None:
    parsed = ftm.load(SAMPLE)
    claims = by_triple(parsed.claims)
    sanctioned = claims[("firm:ftm-acme-holding", "sanctioned-by", "agency:us-ofac")]
    listed = claims[("firm:ftm-acme-holding", "listed-on", "list:ftm-us-example-eo14024")]
    for claim in (sanctioned, listed):
        assert claim.valid_from == "2022-04-06" and claim.valid_to is None
        assert claim.asserted_by == "agency:us-ofac"
        assert claim.qualifiers == {
            "program": "Russia-related Sanctions",
            "programId": "US-EXAMPLE-EO14024",
            "provisions": "Blocking",
        }
    assert sanctioned.citations[0].quote == "Office of Foreign Assets Control"
    assert listed.citations[0].quote == "Russia-related Sanctions"
    # listingDate when no startDate; the latest endDate
    # an authority the reference registry knows is the registry's entity, whatever loader meets it
    eu = claims[("person:ftm-ivan-testov", "sanctioned-by", "organization:eu-council")]
    assert (eu.valid_from, eu.valid_to) == ("2022-03", "2024-09-15")
    entities = {e.id: e for e in parsed.entities}
    assert entities["agency:us-ofac"].name == "Office of Foreign Assets Control"  # the US body the lists use
    assert entities["list:ftm-us-example-eo14024"].name == "Russia-related Sanctions"


def test_relationships() -> None:
    claims = by_triple(ftm.load(SAMPLE).claims)
    owns = claims[("person:ftm-ivan-testov", "owns", "firm:ftm-acme-holding")]
    assert owns.qualifiers == {"percentage": "51", "ownershipType": "beneficial"} and owns.valid_from == "2015-06-01"
    director = claims[("person:ftm-maria-probova", "linked-to", "firm:ftm-acme-holding")]
    assert director.qualifiers == {"relation": "Directorship", "label": "directs", "role": "General Director"}
    (quote,) = (c.quote for c in director.citations)
    assert director.valid_from == "2019" and all(x in quote for x in ("General Director", "maria-probova", "acme"))
    assert claims[("person:ftm-ivan-testov", "linked-to", "person:ftm-maria-probova")].qualifiers["relationship"] == (
        "spouse"
    )
    assert ("person:ftm-maria-probova", "linked-to", "organization:ftm-example-foundation") in claims
    # properties of things: a vehicle's owner, a company's parent
    assert ("firm:ftm-acme-shipping", "owns", "asset:ftm-imo-9999990") in claims
    assert ("firm:ftm-acme-holding", "owns", "asset:ftm-ra-00000") in claims
    assert ("firm:ftm-acme-shipping", "subsidiary-of", "firm:ftm-acme-holding") in claims


def test_provenance_one_source_per_line_and_exact_quotes() -> None:
    parsed = ftm.load(SAMPLE)
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    sources = {s.id: s for s in parsed.sources}
    (file_source,) = [s for s in sources.values() if s.text is None]
    assert file_source.kind == "file" and file_source.id.startswith("source:ftm:file-")
    line_sources = [s for s in sources.values() if s.text is not None]
    assert len(line_sources) == len(lines) - 2  # Address and Identification are skipped
    for source in line_sources:
        assert source.text in lines and source.kind == "dataset" and source.derived_from == (file_source.id,)
    for claim in parsed.claims:
        for cite in claim.citations:
            text = sources[cite.source].text
            assert text is not None and text[cite.start : cite.end] == cite.quote
    # an escaped value is quoted as written
    osaka = by_triple(parsed.claims)[
        ("firm:ftm-legal-entity-x", "sanctioned-by", "agency:ftm-osaka-prefecture-example-office")
    ]
    assert osaka.citations[0].quote == "\\u014csaka Prefecture Example Office"
    assert [
        "lines of schemata not modelled here, skipped: Address ×1, Identification ×1" in n for n in parsed.notes
    ] == [True]


def test_every_claim_fits_the_ontology() -> None:
    parsed = ftm.load(SAMPLE)
    types = {e.id: e.type for e in parsed.entities}
    for claim in parsed.claims:
        assert allowed(claim.predicate, types[claim.subject], types[claim.object]), claim


def test_streaming_batches_things_first() -> None:
    batches = list(ftm.iter_batches(SAMPLE, size=3))
    first_claims = next(i for i, b in enumerate(batches) if b.claims)
    things = {e.id for b in batches[:first_claims] for e in b.entities}
    # every line's thing comes before any claim; later batches add only authorities and programs
    assert {e.id for b in batches[first_claims:] for e in b.entities} <= {
        "agency:us-ofac",
        "list:ftm-us-example-eo14024",
        "organization:eu-council",
        "list:ftm-council-of-the-european-union-eu-example-regime",
        "agency:ftm-osaka-prefecture-example-office",
    }
    assert len(things) == 9
    assert all(len({s.text for s in b.sources if s.text}) <= 3 for b in batches)  # at most `size` lines a batch
    assert sum(len(b.claims) for b in batches) == len(ftm.load(SAMPLE).claims)
    assert batches[0].inputs == [SAMPLE]


def test_reader_reports_progress() -> None:
    reader = ftm.FtmReader(SAMPLE, size=4)
    phases = []
    for _ in reader:
        phases.append(reader.phase)
    assert phases[0] == 1 and phases[-1] == 2
    assert reader.lines_read == 18
    assert reader.relations_read == reader.relations_total == 10  # 7 relationship lines, 3 things with refs


def test_malformed_lines_are_rejects_with_line_and_field() -> None:
    parsed = ftm.load(MALFORMED)
    got = [(r.line, r.field, r.message.split(":")[0]) for r in parsed.rejects]
    assert got == [
        (2, None, "not JSON"),
        (3, None, "not a JSON object"),
        (4, "id", "no entity id"),
        (5, "schema", "unknown FtM schema 'Spaceship'"),
        (6, "properties.name", "no name (no caption and no name property)"),
        (7, "properties.entity", "entity 'ghost-entity' is neither an entity of this file nor in the graph"),
        (8, "properties.entity", "the ontology does not allow Agency -sanctioned-by-> Agency"),
        (8, "properties.entity", "the ontology does not allow Agency -listed-on-> List"),
        (10, "properties.authority", "a Sanction with neither authority nor program"),
        (11, "properties.director", "a Directorship needs a director"),
    ]
    assert {e.id for e in parsed.entities} == {"firm:ftm-good-firm", "agency:ftm-ministry", "person:ftm-good-person"}
    assert parsed.claims == []


def test_references_outside_the_file_are_resolved_through_the_resolver() -> None:
    asked: list[list[str]] = []

    def resolver(ids: list[str]) -> dict[str, str]:
        asked.append(ids)
        return {"firm:ftm-ghost-entity": "Firm"} if "firm:ftm-ghost-entity" in ids else {}

    parsed = ftm.load(MALFORMED, resolve_external=resolver)
    assert ("firm:ftm-ghost-entity", "sanctioned-by", "agency:us-ofac") in by_triple(parsed.claims)
    assert any("person:ftm-ghost-entity" in ids for ids in asked)  # every type an FtM id can become
    assert all(r.line != 7 for r in parsed.rejects)


def test_bom_crlf_and_odd_ids(tmp_path: Path) -> None:
    odd = "Q 42/ä"
    lines = [
        {"id": odd, "schema": "Company", "properties": {"name": ["Odd Id Company"]}},
        {
            "id": "s1",
            "schema": "Sanction",
            "properties": {"entity": [odd], "program": ["P"], "startDate": ["2020-01-02T10:00:00"]},
        },
    ]
    path = tmp_path / "odd.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b"\r\n".join(json.dumps(x).encode() for x in lines) + b"\r\n")
    parsed = ftm.load(path)
    assert parsed.rejects == []
    (firm,) = [e for e in parsed.entities if e.type is EntityType.FIRM]
    assert firm.id == ftm.entity_id(EntityType.FIRM, odd) and firm.id.startswith("firm:ftm-q-42-a-")
    (claim,) = parsed.claims
    assert claim.predicate is Predicate.LISTED_ON and claim.subject == firm.id and claim.valid_from == "2020-01-02"
    assert claim.asserted_by is None
    for source in parsed.sources:
        assert source.text is None or not source.text.startswith("\ufeff") and not source.text.endswith("\r")


def test_a_list_written_as_the_authority_is_the_registrys_list() -> None:
    """OpenSanctions writes US lists as CSL labels in `authority` and programme ids like US-BIS-EL:
    both are the registry's Entity List, administered by BIS — no agency named after a list."""
    parsed = ftm.load(FIXTURES / "identity.ftm.jsonl")
    ids = {e.id for e in parsed.entities}
    assert "list:us-bis-entity-list" in ids and not [i for i in ids if i.startswith("agency:") and "entity-list" in i]
    claims = by_triple(parsed.claims)
    listed = claims[("firm:ftm-id-cst", "listed-on", "list:us-bis-entity-list")]
    assert listed.citations[0].quote == "US-BIS-EL"  # the value that named the list
    assert claims[("firm:ftm-id-cst", "sanctioned-by", "agency:us-bis")].asserted_by == "agency:us-bis"


def test_names_for_readers() -> None:
    entities = {e.id: e for e in ftm.load(FIXTURES / "identity.ftm.jsonl").entities}
    cst = entities["firm:ftm-id-cst"]
    assert cst.name == "LLC CST" and "ООО ЦСТ" in cst.aliases  # a Latin name shown, the caption kept
    assert entities["person:ftm-id-zakharov"].name == "Alexander Zakharov"
    # two Ukrainian authorities, two ids (both were "agency:ftm-x")
    agencies = {e.id for e in entities.values() if e.id.startswith("agency:ftm-")}
    assert len(agencies) == 2


def test_the_delta_format_reads_add_and_mod_and_records_what_its_ops_touch(tmp_path: Path) -> None:
    from loaders.ftm import FtmReader

    delta = Path(__file__).resolve().parents[2] / "fixtures" / "ftm" / "delta" / "delta-2024-05-01.ftm.jsonl"
    bad = tmp_path / "bad.ftm.jsonl"
    bad.write_text(delta.read_text() + '{"op": "UPSERT", "entity": {"id": "x"}}\n{"op": "DEL", "entity": {}}\n')
    known = {"firm:ftm-dl-bolt": "Firm", "person:ftm-dl-testov": "Person"}  # in the graph from the base
    reader = FtmReader(bad, resolve_external=lambda ids: {i: known[i] for i in ids if i in known})
    parsed = combine(iter(reader))
    assert reader.delta and reader.deleted == 1
    assert reader.touched == {"dl-san-bolt", "dl-own", "dl-san-testov"}
    assert [(r.line, r.field) for r in parsed.rejects] == [(4, "op"), (5, "entity.id")]
    assert ("person:ftm-dl-testov", Predicate.OWNS, "firm:ftm-dl-bolt") in reader.present
    assert reader.record_prefixes() == ["source:ftm:dl-own-", "source:ftm:dl-san-bolt-", "source:ftm:dl-san-testov-"]
    (own,) = [s for s in parsed.sources if s.id.startswith("source:ftm:dl-own-")]
    assert (own.first_seen, own.last_seen) == ("2023-01-10", "2024-05-01")


IDENTITY = FIXTURES / "identity.ftm.jsonl"
TWO_DATASETS = FIXTURES / "two_datasets.ftm.jsonl"


def test_a_records_source_is_titled_by_dataset_schema_and_what_it_states() -> None:
    """Issue 22: "<dataset> (FtM) <schema label>: <entry>" — an edge's entry names both ends (the
    names their lines gave them) — instead of "FtM Ownership: Ownership"; "FtM <schema>: …" without
    a dataset. A sanction's record is dated by its listing."""
    titles = {s.title: s for s in ftm.load(IDENTITY).sources}
    assert "regkg_identity_fixture (FtM) Ownership: Alexander Zakharov owns 49 % of LLC CST" in titles
    assert "regkg_identity_fixture (FtM) Company: LLC CST" in titles
    assert "regkg_identity_fixture (FtM) Person: Alexander Zakharov" in titles
    sbu = titles[
        "regkg_identity_fixture (FtM) Sanction: Alexander Zakharov sanctioned by Служба безпеки України"
        " (Указ Президента України)"
    ]
    assert sbu.published_at == "2022-06-19"  # its startDate: the day it was listed
    assert titles["FtM dataset regkg_identity_fixture"].kind == "dataset"  # a dataset keeps its own title
    sample = {s.title: s for s in ftm.load(SAMPLE).sources}
    assert {
        "FtM Ownership: Ivan Testov owns 51 % of Acme Holding JSC",
        "FtM Directorship: Maria Probova directs Acme Holding JSC",
        "FtM Family: Ivan Testov related to Maria Probova",
        "FtM Vessel: SEA EXAMPLE",
    } <= set(sample)
    eu = sample["FtM Sanction: Ivan Testov sanctioned by Council of the European Union (EU Example Regime)"]
    assert eu.published_at == "2022-03"  # listingDate, as written (a month)
    assert sample["FtM Ownership: Ivan Testov owns 51 % of Acme Holding JSC"].published_at is None  # no listing
    two = {s.title for s in ftm.load(TWO_DATASETS).sources}
    assert {
        "ru_egrul (FtM) Ownership: Kalashnikov Concern JSC owns 51 % of LLC CST",
        "gb_fcdo_sanctions (FtM) Ownership: Kalashnikov Concern JSC owns 51 % of LLC CST",
    } <= two


def test_a_title_names_an_end_the_file_does_not_define_by_its_id(tmp_path: Path) -> None:
    line = {"id": "own-x", "schema": "Ownership", "properties": {"owner": ["ext-1"], "asset": ["acme-holding"]}}
    path = tmp_path / "external.ftm.jsonl"
    path.write_text(SAMPLE.read_text(encoding="utf-8") + json.dumps(line) + "\n", encoding="utf-8")
    parsed = ftm.load(path, resolve_external=lambda ids: {i: "Person" for i in ids if i.endswith("ftm-ext-1")})
    assert "FtM Ownership: ext-1 owns Acme Holding JSC" in {s.title for s in parsed.sources}
