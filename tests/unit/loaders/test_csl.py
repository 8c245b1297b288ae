"""The CSL loader on the real trade.gov excerpts (both CSV layouts), a JSON fixture and bad rows."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from loaders import csl
from loaders.base import Parsed
from schema.ontology import EntityType, Predicate, allowed

FIXTURES = Path(__file__).parents[2] / "fixtures"
CSV_2019 = FIXTURES / "real" / "csl_us_trade_gov_2019_excerpt.csv"
CSV_2025 = FIXTURES / "real" / "csl_us_trade_gov_2025_sample.csv"
JSON_SAMPLE = FIXTURES / "csl" / "consolidated_sample.json"
BAD_CSV = FIXTURES / "csl" / "malformed.csv"
BAD_JSON = FIXTURES / "csl" / "malformed.json"
HUAWEI = "firm:csl-el-gui-an-new-district-huawei-investment-co-ltd-guiyang-guizhou"


def check_provenance(parsed: Parsed) -> None:
    """Every claim cites a source whose text holds its quote at its offsets; every id is emitted."""
    entities = {e.id: e for e in parsed.entities}
    sources = {s.id: s for s in parsed.sources}
    assert len(entities) == len(parsed.entities)
    assert len(sources) == len(parsed.sources)
    assert len({c.id for c in parsed.claims}) == len(parsed.claims)
    for claim in parsed.claims:
        subject, obj = entities[claim.subject], entities[claim.object]
        assert allowed(claim.predicate, subject.type, obj.type), claim
        assert claim.asserted_by is None or claim.asserted_by in entities
        assert claim.citations
        for citation in claim.citations:
            text = sources[citation.source].text
            assert text is not None
            assert text[citation.start : citation.end] == citation.quote
    for source in parsed.sources:  # a row comes from its list, which comes from the file
        for parent in source.derived_from:
            expected = "dataset" if source.kind == "list-entry" else "file"
            assert sources[parent].kind == expected, source.id
            assert sources[parent].text is None
            if expected == "dataset":
                assert sources[parent].id.startswith("source:csl-list:")


@pytest.fixture(scope="module")
def old() -> Parsed:
    return csl.load(CSV_2019)


@pytest.fixture(scope="module")
def new() -> Parsed:
    return csl.load(CSV_2025)


def test_2019_layout_counts(old: Parsed) -> None:
    # 115 rows: Gunther Migeotte's 5 Entity List rows and AL NASER WINGS' 2 DPL rows are one
    # entity each (110 listed), plus 9 lists, 7 agencies (BIS, Commerce, OFAC, Treasury, ISN,
    # DDTC, State) and the United States.
    assert (len(old.entities), len(old.sources), len(old.claims), len(old.rejects)) == (127, 134, 131, 0)
    assert Counter(e.type for e in old.entities) == {
        EntityType.FIRM: 88, EntityType.PERSON: 20, EntityType.LIST: 9, EntityType.AGENCY: 7,
        EntityType.ASSET: 2, EntityType.COUNTRY: 1,
    }  # fmt: skip
    assert Counter(c.predicate for c in old.claims) == {
        Predicate.LISTED_ON: 115, Predicate.ADMINISTERS: 9, Predicate.PART_OF: 7,
    }  # fmt: skip
    # the rows per list SOURCES.md counts
    assert Counter(c.object for c in old.claims if c.predicate is Predicate.LISTED_ON) == {
        "list:us-ofac-sdn": 28, "list:us-ofac-ssi": 26, "list:us-bis-entity-list": 22, "list:us-ofac-plc": 13,
        "list:us-ddtc-itar-debarred": 10, "list:us-bis-denied-persons-list": 8, "list:us-bis-unverified-list": 4,
        "list:us-isn-nonproliferation-sanctions": 3, "list:us-ofac-capta": 1,
    }  # fmt: skip
    assert any("47 row(s) have an empty type" in n for n in old.notes)
    check_provenance(old)


def test_current_layout_counts(new: Parsed) -> None:
    # 13 rows, one per list (SSI 3, PLC 2): 13 entities, 10 lists, 7 agencies, the US
    assert (len(new.entities), len(new.sources), len(new.claims), len(new.rejects)) == (31, 34, 30, 0)
    assert Counter(c.predicate for c in new.claims) == {
        Predicate.LISTED_ON: 13, Predicate.ADMINISTERS: 10, Predicate.PART_OF: 7,
    }  # fmt: skip
    check_provenance(new)


def test_huawei_affiliate_u0092_is_kept_in_the_source_and_repaired_in_the_name(old: Parsed) -> None:
    assert b"Gui\xc2\x92an" in CSV_2019.read_bytes()  # the trap is really in the file
    entity = next(e for e in old.entities if e.id == HUAWEI)
    assert entity.name == "Gui\u2019an New District Huawei Investment Co., Ltd., Guiyang, Guizhou"
    assert "Gui\x92an New District Huawei Investment Co., Ltd., Guiyang, Guizhou" in entity.aliases
    assert entity.country == "CN"
    claim = next(c for c in old.claims if c.subject == HUAWEI)
    assert claim.object == "list:us-bis-entity-list"
    assert claim.asserted_by == "agency:us-bis"
    assert claim.valid_from == "2019-05-21" and claim.valid_to is None
    assert claim.qualifiers["federal_register_notice"] == "84 FR 22961"
    citation = claim.citations[0]
    assert citation.quote == "Gui\x92an New District Huawei Investment Co., Ltd., Guiyang, Guizhou"
    source = next(s for s in old.sources if s.id == citation.source)
    assert source.text is not None and "\x92" in source.text
    assert source.text[citation.start : citation.end] == citation.quote
    # the source text is the row byte for byte (line 97 of the file)
    assert source.text.encode() == CSV_2019.read_bytes().split(b"\n")[96]


def test_listed_on_dates_are_the_rows_and_never_invented(old: Parsed) -> None:
    claims = {c.subject: c for c in old.claims if c.predicate is Predicate.LISTED_ON}
    denied = claims["firm:csl-dpl-adrian-manuel-hernandez"]  # " ADRIAN MANUEL HERNANDEZ" on line 2
    assert (denied.valid_from, denied.valid_to) == ("2017-10-16", "2020-10-13")
    assert denied.qualifiers == {
        "federal_register_notice": "82 F.R. 48792 10/20/2017", "standard_order": "Y",
        "source_list_url": "http://bit.ly/1Qi5heF", "listing_ended": "2020-10-13",  # the list says it ended
    }  # fmt: skip
    assert denied.citations[0].quote == "ADRIAN MANUEL HERNANDEZ"  # the leading space is not quoted
    sdn = claims["firm:csl-20264"]  # SDN rows carry no dates
    assert (sdn.valid_from, sdn.valid_to) == (None, None)
    assert sdn.qualifiers == {"programs": ["SDNTK"], "source_list_url": "http://bit.ly/1I7ipyR"}


def test_types_ids_and_identifiers(old: Parsed, new: Parsed) -> None:
    entities = {e.id: e for e in old.entities}
    assert entities["person:csl-9696"].type is EntityType.PERSON  # Individual
    assert entities["asset:csl-27304"].aliases == ("GRACE 1",)  # Vessel
    # an Entity; its ids cell: "US, 80-0890696, Tax ID No."
    assert entities["firm:csl-20264"].identifiers == {"ofac": "20264", "tax_id": "80-0890696"}
    assert entities["firm:csl-20264"].aliases == ()  # no lower-case copy of the name: resolution normalises itself
    assert entities["firm:csl-el-32-group-china-ltd"].type is EntityType.FIRM  # empty type
    current = {e.id: e for e in new.entities}
    assert current["person:csl-9673"].identifiers == {"csl": "9673", "ofac": "9673"}
    cetc = current["firm:csl-99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be"]  # the CSL's own _id
    assert cetc.identifiers == {"csl": "99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be"}
    assert "CETC Research Institute 13" in cetc.aliases  # "...; and CETC Research Institute 13"
    # the same OFAC entity_number gives the same id in both layouts
    assert "person:csl-9673" in entities


def test_countries_from_addresses_and_nationality(old: Parsed, new: Parsed) -> None:
    entities = {e.id: e for e in old.entities + new.entities}
    assert entities["firm:csl-el-32-group-china-ltd"].country == "HK"  # HK; HK
    assert entities["firm:csl-el-gulf-gate-sea-cargo-llc"].country is None  # AF; AE disagree
    assert entities["firm:csl-dpl-adrian-manuel-hernandez"].country is None  # "..., AZ, 85043": no code
    assert entities["person:csl-52291"].country == "KP"  # addresses CN; KP, nationality KP
    assert entities["firm:csl-el-gunther-migeotte"].country is None  # ZA, NO across 5 rows


def test_one_entity_many_entries(old: Parsed) -> None:
    claims = [c for c in old.claims if c.subject == "firm:csl-el-gunther-migeotte"]
    assert sorted(c.valid_from or "" for c in claims) == [
        "2010-06-28", "2010-06-28", "2010-06-29", "2010-06-30", "2010-07-01",
    ]  # fmt: skip
    assert len({c.citations[0].source for c in claims}) == 5


def test_lists_are_administered_by_agencies_part_of_departments(old: Parsed) -> None:
    facts = {(c.subject, c.predicate, c.object): c for c in old.claims if c.predicate is not Predicate.LISTED_ON}
    assert set(facts) == {
        ("agency:us-bis", Predicate.ADMINISTERS, "list:us-bis-denied-persons-list"),
        ("agency:us-bis", Predicate.ADMINISTERS, "list:us-bis-entity-list"),
        ("agency:us-bis", Predicate.ADMINISTERS, "list:us-bis-unverified-list"),
        ("agency:us-ofac", Predicate.ADMINISTERS, "list:us-ofac-sdn"),
        ("agency:us-ofac", Predicate.ADMINISTERS, "list:us-ofac-ssi"),
        ("agency:us-ofac", Predicate.ADMINISTERS, "list:us-ofac-plc"),
        ("agency:us-ofac", Predicate.ADMINISTERS, "list:us-ofac-capta"),
        ("agency:us-ddtc", Predicate.ADMINISTERS, "list:us-ddtc-itar-debarred"),
        ("agency:us-isn", Predicate.ADMINISTERS, "list:us-isn-nonproliferation-sanctions"),
        ("agency:us-bis", Predicate.PART_OF, "agency:us-commerce"),
        ("agency:us-ofac", Predicate.PART_OF, "agency:us-treasury"),
        ("agency:us-ddtc", Predicate.PART_OF, "agency:us-state"),
        ("agency:us-isn", Predicate.PART_OF, "agency:us-state"),
        ("agency:us-commerce", Predicate.PART_OF, "country:us"),
        ("agency:us-treasury", Predicate.PART_OF, "country:us"),
        ("agency:us-state", Predicate.PART_OF, "country:us"),
    }
    # each cites the reference registry's source for it, never the row that names the list
    el = facts[("agency:us-bis", Predicate.ADMINISTERS, "list:us-bis-entity-list")]
    assert el.citations[0].source.startswith("source:reference-")
    assert "the Entity List" in el.citations[0].quote


def test_isn_successor_clause_becomes_a_qualifier(new: Parsed) -> None:
    sinobright = "firm:csl-233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b"
    claim = next(c for c in new.claims if c.subject == sinobright)
    assert claim.qualifiers["includes"] == "any successor, sub-unit, or subsidiary thereof"
    assert claim.citations[0].quote.endswith("; and any successor, sub-unit, or subsidiary thereof")


def test_same_input_twice_gives_identical_ids() -> None:
    first, second = csl.load(CSV_2019), csl.load(CSV_2019)
    assert [c.id for c in first.claims] == [c.id for c in second.claims]
    assert [s.id for s in first.sources] == [s.id for s in second.sources]
    assert first.entities == second.entities


def test_json_reads_like_the_csv(new: Parsed, old: Parsed) -> None:
    parsed = csl.load(JSON_SAMPLE)
    assert (len(parsed.entities), len(parsed.sources), len(parsed.claims), len(parsed.rejects)) == (32, 35, 31, 0)
    check_provenance(parsed)

    def facts(p: Parsed) -> set[tuple[str, str, str | None, str | None, str]]:
        return {
            (c.subject, c.object, c.valid_from, c.valid_to, json.dumps(c.qualifiers, sort_keys=True))
            for c in p.claims
            if c.predicate is Predicate.LISTED_ON
        }

    huawei = {f for f in facts(old) if f[0] == HUAWEI}
    assert facts(parsed) == facts(new) | huawei
    assert {e.id: e for e in parsed.entities}[HUAWEI] == {e.id: e for e in old.entities}[HUAWEI]
    # a JSON row's source text is the row object, serialised canonically
    results = json.loads(JSON_SAMPLE.read_text(encoding="utf-8"))["results"]
    texts = [json.loads(s.text) for s in parsed.sources if s.kind == "list-entry" and s.text]
    assert texts == results


def test_malformed_csv_rows_are_reported_and_skipped() -> None:
    parsed = csl.load(BAD_CSV)
    assert [(r.line, r.field) for r in parsed.rejects] == [
        (3, None), (4, "name"), (5, "source"), (6, "start_date"), (7, "type"), (8, "end_date"), (12, None),
    ]  # fmt: skip
    messages = [r.message for r in parsed.rejects]
    assert messages[0] == "expected 29 cells, found 28 on line 3"
    assert "Wizarding Watch List" in messages[2]
    assert "'10/20/2017' is not a date" in messages[3]
    assert "'Spaceship'" in messages[4]
    assert messages[5] == "2019-01-01 is before start_date 2020-01-01"
    assert "never closes" in messages[6]
    assert all(r.file == str(BAD_CSV) for r in parsed.rejects)
    # lines 2, 9-10 (a quoted line break, legal) and 11 load
    listed = sorted(c.subject for c in parsed.claims if c.predicate is Predicate.LISTED_ON)
    assert listed == [  # the CSL's own _id, or list and name for the row that has none
        "firm:csl-1b5979e8fd3920a1a0985bf5088dad930a6a5562d1513f9e4b015e42",
        "firm:csl-34d6611355974b0ba70eba9a096971f8",
        "firm:csl-dtc-multi-line-name",
    ]
    multi = next(c for c in parsed.claims if c.subject == "firm:csl-dtc-multi-line-name")
    assert multi.citations[0].quote == "Multi\nLine Name"
    check_provenance(parsed)


def test_malformed_json_rows_are_reported_and_skipped() -> None:
    parsed = csl.load(BAD_JSON)
    assert [(r.line, r.field) for r in parsed.rejects] == [(5, "results[1]"), (6, "name"), (7, "start_date")]
    entities = {e.id: e for e in parsed.entities}
    assert entities["firm:csl-18283"].country == "RU"  # from an address object
    assert entities["firm:csl-18283"].aliases == ("JSC SME BANK", "MSP BANK AO")  # from a JSON list
    sme = next(c for c in parsed.claims if c.subject == "firm:csl-18283")
    assert sme.qualifiers["programs"] == ["UKRAINE-EO13662"]
    check_provenance(parsed)


def test_invalid_json_is_a_reject_not_a_crash(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(
        '{"results": [\n  {"source": "Entity List (EL) - Bureau of Industry and Security",\n  "name": ', "utf-8"
    )
    parsed = csl.load(broken)
    assert [(r.line, r.message.split(":")[0]) for r in parsed.rejects] == [(3, "invalid JSON")]


def test_an_unclosed_quote_costs_one_line_only(tmp_path: Path) -> None:
    lines = CSV_2019.read_text(encoding="utf-8").split("\n")
    row = lines[111]  # the one row of the excerpt without any quote: Gwendolyn Douglas, DTC
    assert '"' not in row
    # line 3's name cell opens a quote that nothing after it closes
    names = ["Gwendolyn Douglas", '"Broken Quote', "Second Person", "Third Person"]
    broken = [lines[0]] + [row.replace("Gwendolyn Douglas", name) for name in names]
    path = tmp_path / "csl.csv"
    path.write_text("\n".join(broken) + "\n", encoding="utf-8")
    parsed = csl.load(path)
    assert [(r.line, r.field) for r in parsed.rejects] == [(3, None)]
    assert len([c for c in parsed.claims if c.predicate is Predicate.LISTED_ON]) == 3  # lines 2, 4, 5


def test_unknown_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    parsed = csl.load(path)
    assert [(r.line, r.field) for r in parsed.rejects] == [(1, None)]
    assert not parsed.claims


def test_list_names() -> None:
    def placed(source: str) -> tuple[str, str] | None:
        info = csl.list_info(source)
        return None if info is None else (info.id, info.agency)

    assert placed("Entity List (EL) - Bureau of Industry and Security") == ("list:us-bis-entity-list", "agency:us-bis")
    assert placed("Military End User (MEU) List - Bureau of Industry and Security") == (
        "list:us-bis-military-end-user-list",
        "agency:us-bis",
    )
    assert placed("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department") == (
        "list:us-ofac-ns-mbs",
        "agency:us-ofac",
    )
    new_list = csl.list_info("Some New List (SNL) - Treasury Department")
    assert new_list is not None and (new_list.id, new_list.agency) == ("list:us-ofac-snl", "agency:us-ofac")
    assert csl.list_info("Some List (X) - Ministry of Magic") is None


def test_a_rows_source_is_titled_by_its_list_and_entry_and_dated_by_its_start_date(old: Parsed) -> None:
    """Issue 22: "<list> (CSL): <name>" (was "CSL entry: <name>"); the row's start_date, when it has one."""
    rows = {s.title: s for s in old.sources if s.kind == "list-entry"}
    assert rows["Denied Persons List (CSL): ADRIAN MANUEL HERNANDEZ"].published_at == "2017-10-16"
    sdn = rows["Specially Designated Nationals and Blocked Persons List (CSL): 200G PSA HOLDINGS LLC"]
    assert sdn.published_at is None  # SDN rows carry no date: none is invented
    assert all(" (CSL): " in title for title in rows) and not any(t.startswith("CSL entry") for t in rows)
