"""The FCC Covered List loader on both real layouts (2026 comma table, 2024 semicolon table with BOM)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from loaders import fcc
from loaders.base import Parsed
from schema.ontology import EntityType, Predicate, allowed

REAL = Path(__file__).parents[2] / "fixtures" / "real"
TABLE_2026 = REAL / "fcc_covered_list_2026.csv"
TABLE_2024 = REAL / "fcc_covered_list_entities_2024.csv"
UAS = "product:fcc-uncrewed-aircraft-systems-uas-and-uas-critical-components-produced-in-a-foreign-1140c807"
NDAA = "product:fcc-all-communications-and-video-surveillance-equipment-and-services-listed-in-secti-2969bd99"
FIRMS_2024 = [
    "firm:fcc-huawei-technologies-company", "firm:fcc-zte-corporation", "firm:fcc-hytera-communications-corporation",
    "firm:fcc-hangzhou-hikvision-digital-technology-company", "firm:fcc-dahua-technology-company",
    "firm:fcc-ao-kaspersky-lab", "firm:fcc-china-mobile-international-usa-inc", "firm:fcc-china-telecom-americas-corp",
    "firm:fcc-pacific-networks-corp", "firm:fcc-comnet-usa-llc", "firm:fcc-china-unicom-americas-operations-limited",
]  # fmt: skip


def check_provenance(parsed: Parsed) -> None:
    """Every claim cites a source whose text holds its quote at its offsets; every id is emitted."""
    entities = {e.id: e for e in parsed.entities}
    sources = {s.id: s for s in parsed.sources}
    assert len(entities) == len(parsed.entities)
    assert len(sources) == len(parsed.sources)
    assert len({c.id for c in parsed.claims}) == len(parsed.claims)
    for claim in parsed.claims:
        assert allowed(claim.predicate, entities[claim.subject].type, entities[claim.object].type), claim
        assert claim.asserted_by is None or claim.asserted_by in entities
        for citation in claim.citations:
            text = sources[citation.source].text
            assert text is not None
            assert text[citation.start : citation.end] == citation.quote


@pytest.fixture(scope="module")
def new() -> Parsed:
    return fcc.load(TABLE_2026)


@pytest.fixture(scope="module")
def old() -> Parsed:
    return fcc.load(TABLE_2024)


def listed(parsed: Parsed) -> dict[str, fcc.Claim]:
    return {c.subject: c for c in parsed.claims if c.predicate is Predicate.LISTED_ON}


def test_2026_counts(new: Parsed) -> None:
    # 16 rows: 12 name firms (13 firms: Pacific Networks with its subsidiary ComNet), 3 name a
    # category and the merged row two (5 products); plus the list, the FCC and the United States.
    assert (len(new.entities), len(new.sources), len(new.claims), len(new.rejects)) == (21, 19, 21, 0)
    assert Counter(e.type for e in new.entities) == {
        EntityType.FIRM: 13, EntityType.PRODUCT: 5, EntityType.LIST: 1, EntityType.AGENCY: 1, EntityType.COUNTRY: 1,
    }  # fmt: skip
    assert Counter(c.predicate for c in new.claims) == {
        Predicate.LISTED_ON: 18, Predicate.ADMINISTERS: 1, Predicate.PART_OF: 1, Predicate.SUBSIDIARY_OF: 1,
    }  # fmt: skip
    # sources: the file, the 16 table rows, and the registry's two texts behind "the FCC administers
    # the Covered List" (the statute) and "the FCC is part of the United States" (its page)
    assert Counter(s.kind for s in new.sources) == {"file": 1, "list-entry": 16, "law-text": 1, "web-page": 1}
    check_provenance(new)


def test_2024_counts(old: Parsed) -> None:
    assert (len(old.entities), len(old.sources), len(old.claims), len(old.rejects)) == (14, 13, 14, 0)
    assert [e.id for e in old.entities if e.type is EntityType.FIRM] == FIRMS_2024
    check_provenance(old)


def test_dates_parsed_from_long_form(new: Parsed) -> None:
    claims = listed(new)
    assert claims["firm:fcc-huawei-technologies-company"].valid_from == "2021-03-12"
    assert claims["firm:fcc-ao-kaspersky-lab"].valid_from == "2022-03-25"
    assert claims["firm:fcc-kaspersky-lab-inc"].valid_from == "2024-07-23"
    assert claims["firm:fcc-pacific-networks-corp"].valid_from == "2022-09-20"
    assert all(c.valid_to is None for c in claims.values())
    assert all(c.asserted_by == "agency:us-fcc" and c.object == "list:us-fcc-covered-list" for c in claims.values())


def test_firm_names_are_read_from_the_description(new: Parsed) -> None:
    claims = listed(new)
    kaspersky = claims["firm:fcc-ao-kaspersky-lab"]
    assert kaspersky.citations[0].quote == "AO Kaspersky Lab"
    assert kaspersky.qualifiers["covered"] == (
        "Information security products, solutions, and services supplied, directly or indirectly, by AO Kaspersky "
        "Lab or any of its predecessors, successors, parents, subsidiaries, or affiliates."
    )
    assert claims["firm:fcc-kaspersky-lab-inc"].citations[0].quote == "Kaspersky Lab, Inc."
    assert claims["firm:fcc-digitalsystem-technology-inc"].citations[0].quote == "Digitalsystem Technology Inc."
    entities = {e.id: e for e in new.entities}
    assert entities["firm:fcc-ao-kaspersky-lab"].aliases == ()  # resolution normalises names itself
    assert entities["firm:fcc-kaspersky-lab-inc"].name == "Kaspersky Lab, Inc."


def test_subsidiary(new: Parsed, old: Parsed) -> None:
    for parsed in (new, old):
        (claim,) = [c for c in parsed.claims if c.predicate is Predicate.SUBSIDIARY_OF]
        assert (claim.subject, claim.object) == ("firm:fcc-comnet-usa-llc", "firm:fcc-pacific-networks-corp")
        assert claim.citations[0].quote == "Pacific Networks Corp and its wholly-owned subsidiary ComNet (USA) LLC"
        assert "firm:fcc-comnet-usa-llc" in listed(parsed)


def test_merged_row_is_two_entries_on_purpose(new: Parsed) -> None:
    raw = TABLE_2026.read_bytes().split(b"\r\n")[12]  # line 13
    assert b'components.""All communications' in raw  # the two cells, glued by the scrape
    claims = listed(new)
    uas, ndaa = claims[UAS], claims[NDAA]
    assert uas.citations[0].source == ndaa.citations[0].source  # one table row, one source
    source = next(s for s in new.sources if s.id == uas.citations[0].source)
    assert source.text is not None and source.text.encode() == raw
    for claim in (uas, ndaa):
        assert claim.valid_from == "2025-12-22"
        assert claim.qualifiers["updated"] == ["2026-01-07", "2026-03-18", "2026-06-15", "2026-07-21"]
        assert claim.qualifiers["merged_row"] is True
    assert (
        uas.citations[0].quote
        == "Uncrewed aircraft systems (UAS) and UAS critical components produced in a foreign country"
    )
    assert str(ndaa.qualifiers["covered"]).startswith("All communications and video surveillance equipment")
    assert any(":13: 2 table cells merged into one row" in n for n in new.notes)


def test_updated_text_goes_to_a_qualifier_not_the_date(new: Parsed) -> None:
    assert all("Updated" not in (c.valid_from or "") for c in new.claims)
    updated = [c for c in new.claims if "updated" in c.qualifiers]
    assert {c.subject for c in updated} == {UAS, NDAA}


def test_categories_become_products_and_scrape_labels_are_cleaned(new: Parsed) -> None:
    products = {e.id: e.name for e in new.entities if e.type is EntityType.PRODUCT}
    assert sorted(products.values()) == [
        "All communications and video surveillance equipment and services listed in Section 1709(a)(1) of the FY25 "
        "National Defense Authorization Act (Pub. L. 118-159)",
        "Foreign-produced advanced robotic devices",
        "Foreign-produced power inverters",
        "Routers produced in a foreign country",
        "Uncrewed aircraft systems (UAS) and UAS critical components produced in a foreign country",
    ]
    claims = listed(new)
    routers = claims["product:fcc-routers-produced-in-a-foreign-country"]
    assert routers.citations[0].quote == "Routers ^ produced in a foreign country"  # raw, as published
    assert "Visit - " not in str(claims[NDAA].qualifiers["covered"])
    assert "Visit - " in claims[NDAA].citations[0].quote


def test_bom_is_dropped_on_purpose(old: Parsed, tmp_path: Path) -> None:
    raw = TABLE_2024.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfCovered Equipment or Services;")
    assert f"{TABLE_2024}: UTF-8 byte-order mark before the header ignored" in old.notes
    assert not any("\ufeff" in (s.text or "") for s in old.sources)
    without = tmp_path / TABLE_2024.name
    without.write_bytes(raw[3:])
    again = fcc.load(without)
    assert [c.id for c in again.claims] == [c.id for c in old.claims]
    assert not any("byte-order mark" in n for n in again.notes)


def test_both_layouts_agree(new: Parsed, old: Parsed) -> None:
    shared = {k: (c.valid_from, c.qualifiers["covered"]) for k, c in listed(old).items()}
    assert {k: (c.valid_from, c.qualifiers["covered"]) for k, c in listed(new).items() if k in shared} == shared


def test_the_fcc_administers_the_list_cited_from_the_registry_not_the_header(new: Parsed) -> None:
    facts = {(c.subject, c.predicate, c.object): c for c in new.claims if c.predicate is not Predicate.LISTED_ON}
    administers = facts[("agency:us-fcc", Predicate.ADMINISTERS, "list:us-fcc-covered-list")]
    part_of = facts[("agency:us-fcc", Predicate.PART_OF, "country:us")]
    for fact in (administers, part_of):
        (citation,) = fact.citations
        source = next(s for s in new.sources if s.id == citation.source)
        assert source.id.startswith("source:reference-") and source.text is not None
        assert source.text[citation.start : citation.end] == citation.quote
        assert "date_of_inclusion" not in citation.quote  # a column header is never a quote
    assert "publish on its website a list of covered communications equipment" in administers.citations[0].quote


def test_a_listing_quotes_the_rows_name_and_date_cells(new: Parsed) -> None:
    huawei = next(c for c in new.claims if c.predicate is Predicate.LISTED_ON and "huawei" in c.subject)
    name, date = huawei.citations
    assert "Huawei" in name.quote and date.quote == "March 12, 2021"
    assert huawei.valid_from == "2021-03-12"


def test_same_input_twice_gives_identical_ids(new: Parsed) -> None:
    again = fcc.load(TABLE_2026)
    assert [c.id for c in again.claims] == [c.id for c in new.claims]
    assert [s.id for s in again.sources] == [s.id for s in new.sources]


def test_malformed_rows(tmp_path: Path) -> None:
    path = tmp_path / "covered.csv"
    path.write_bytes(
        b"covered_equipment_or_services,date_of_inclusion_on_covered_list\r\n"
        b'"Telecommunications equipment produced by Good Corp, including services.","March 12, 2021"\r\n'
        b'"Equipment produced by Bad Date Corp, including services.","12/03/2021"\r\n'
        b'"Equipment produced by Extra Cell Corp, including services.","March 12, 2021",extra\r\n'
        b',"March 12, 2021"\r\n'
        b'"Equipment produced by Late Corp, including services.","March 12, 2021Updated:Someday"\r\n'
    )
    parsed = fcc.load(path)
    assert [(r.line, r.field) for r in parsed.rejects] == [
        (3, "date_of_inclusion_on_covered_list"), (4, None), (5, "covered_equipment_or_services"),
        (6, "date_of_inclusion_on_covered_list"),
    ]  # fmt: skip
    assert parsed.rejects[0].message == "'12/03/2021' is not a date like 'March 25, 2022'"
    assert [c.subject for c in parsed.claims if c.predicate is Predicate.LISTED_ON] == ["firm:fcc-good-corp"]


def test_unknown_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    parsed = fcc.load(path)
    assert [(r.line, r.field) for r in parsed.rejects] == [(1, None)]
    assert not parsed.claims


def test_a_rows_source_is_titled_by_the_list_and_its_entry_and_dated_by_its_row(new: Parsed, old: Parsed) -> None:
    """Issue 22: "FCC Covered List: <entry>" (was "FCC Covered List entry: <entry>"), published on
    the row's date of inclusion (its last update when it has one), in both layouts."""
    for parsed in (new, old):
        rows = {s.title: s for s in parsed.sources if s.kind == "list-entry"}
        kaspersky = rows["FCC Covered List: AO Kaspersky Lab"]
        assert kaspersky.published_at == "2022-03-25" and "March 25, 2022" in (kaspersky.text or "")
        assert rows["FCC Covered List: Huawei Technologies Company"].published_at == "2021-03-12"
        assert all(title.startswith("FCC Covered List: ") and s.published_at for title, s in rows.items())
    # a row naming a firm and its subsidiary names both
    assert "FCC Covered List: Pacific Networks Corp; ComNet (USA) LLC" in {s.title for s in new.sources}
