"""The OFAC loader on the real SDN excerpt joined with the real add/alt/comments excerpts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from loaders import ofac
from loaders.base import Parsed
from schema.ontology import EntityType, Predicate, allowed

REAL = Path(__file__).parents[2] / "fixtures" / "real"
SDN = REAL / "ofac_sdn_2024-05-03_russia_cyber_excerpt.csv"
ADD = REAL / "ofac_add_2025-02_excerpt.csv"
ALT = REAL / "ofac_alt_2025-02_excerpt.csv"
COMMENTS = REAL / "ofac_sdn_comments_2025-02_excerpt.csv"
EMPTY = ",".join(["-0- "] * 7)


def check_provenance(parsed: Parsed) -> None:
    """Every claim cites a source whose text holds its quote at its offsets; every id is emitted."""
    entities = {e.id: e for e in parsed.entities}
    sources = {s.id: s for s in parsed.sources}
    assert len(entities) == len(parsed.entities)
    assert len(sources) == len(parsed.sources)
    assert len({c.id for c in parsed.claims}) == len(parsed.claims)
    for claim in parsed.claims:
        assert allowed(claim.predicate, entities[claim.subject].type, entities[claim.object].type), claim
        assert claim.asserted_by in entities
        for citation in claim.citations:
            text = sources[citation.source].text
            assert text is not None
            assert text[citation.start : citation.end] == citation.quote
    for source in parsed.sources:  # an entry comes from its programmes (else the file), a programme from the file
        for parent in source.derived_from:
            if sources[parent].kind == "dataset":
                assert sources[parent].id.startswith("source:ofac-program:") and source.kind == "list-entry"
            else:
                assert sources[parent].kind == "file"


@pytest.fixture(scope="module")
def parsed() -> Parsed:
    return ofac.load(SDN, ADD, ALT, COMMENTS)


def claims_of(parsed: Parsed, subject: str, predicate: Predicate) -> list[ofac.Claim]:
    return [c for c in parsed.claims if c.subject == subject and c.predicate is predicate]


def test_counts(parsed: Parsed) -> None:
    # 4,676 SDN rows + the SDN list + OFAC; sources: 4,676 rows, 13 joined comment rows, 4 files,
    # the 26 programmes the rows name; claims: sanctioned-by and listed-on per row, 1,688 resolvable "Linked To:"
    assert (len(parsed.entities), len(parsed.sources), len(parsed.claims), len(parsed.rejects)) == (
        4678,
        4719,
        11040,
        8,
    )
    assert Counter(e.type for e in parsed.entities) == {
        EntityType.FIRM: 2688, EntityType.PERSON: 1670, EntityType.ASSET: 318, EntityType.LIST: 1, EntityType.AGENCY: 1,
    }  # fmt: skip
    assert Counter(c.predicate for c in parsed.claims) == {
        Predicate.SANCTIONED_BY: 4676, Predicate.LISTED_ON: 4676, Predicate.LINKED_TO: 1688,
    }  # fmt: skip
    assert Counter(s.kind for s in parsed.sources) == {"list-entry": 4689, "file": 4, "dataset": 26}
    assert parsed.inputs == [SDN, ADD, ALT, COMMENTS]
    check_provenance(parsed)


def test_orphan_rows_are_rejects_with_file_and_line(parsed: Parsed) -> None:
    assert [(Path(r.file).name, r.line, r.field) for r in parsed.rejects] == [
        (ADD.name, 3805, "ent_num"), (ADD.name, 3806, "ent_num"), (ADD.name, 3807, "ent_num"),
        (ADD.name, 3808, "ent_num"), (ALT.name, 3393, "ent_num"), (ALT.name, 3394, "ent_num"),
        (ALT.name, 3395, "ent_num"), (ALT.name, 3396, "ent_num"),
    ]  # fmt: skip
    assert [r.message.split(" has")[0] for r in parsed.rejects] == [
        f"ent_num {n}" for n in (45815, 45817, 45818, 45821)
    ] * 2
    assert parsed.rejects[0].message == f"ent_num 45815 has no row in {SDN.name}: address ignored"
    assert parsed.rejects[4].message == f"ent_num 45815 has no row in {SDN.name}: alias ignored"


def test_ctrl_z_end_of_file_byte_is_ignored_on_purpose(parsed: Parsed) -> None:
    for path, line in ((SDN, 4677), (ADD, 5362), (ALT, 4255), (COMMENTS, 15)):
        assert path.read_bytes().endswith(b"\r\n\x1a")
        assert f"{path}: Ctrl-Z (0x1A) end-of-file marker on line {line} ignored" in parsed.notes
    # the marker makes no entity and no reject: every entity is one of the 4,676 rows
    assert not any(r.line == 4677 for r in parsed.rejects)


def test_data_after_ctrl_z_is_reported(tmp_path: Path) -> None:
    sdn = tmp_path / "sdn.csv"
    sdn.write_bytes(
        b'1,"ONE",-0- ,"CYBER2",' + EMPTY.encode() + b",-0- \r\n\x1a\r\n"
        b'2,"AFTER THE END",-0- ,"CYBER2",' + EMPTY.encode() + b",-0- \r\n"
    )
    parsed = ofac.load(sdn)
    assert [e.id for e in parsed.entities if e.type is EntityType.FIRM] == ["firm:ofac-1"]
    assert [(r.line, r.message) for r in parsed.rejects] == [
        (2, "1 non-empty line(s) after the Ctrl-Z (0x1A) end-of-file marker ignored")
    ]


def test_empty_marker_and_programs() -> None:
    assert ofac.value("-0- ") == ofac.value("-0-") == ofac.value(" -0-  ") == ""
    assert ofac.value(" X ") == "X"
    assert ofac.programs("SDGT] [NPWMD] [IFSR") == ["SDGT", "NPWMD", "IFSR"]
    assert ofac.programs("-0- ") == []


def test_an_sdn_row(parsed: Parsed) -> None:
    entities = {e.id: e for e in parsed.entities}
    zala = entities["firm:ofac-45934"]  # SDN_Type "-0- ": a firm
    assert zala.name == "LIMITED LIABILITY COMPANY ZALA AERO"
    assert zala.aliases == ("ZALA AERO GROUP",)  # alt.csv
    assert zala.country == "RU"  # add.csv
    # "Tax ID No. 1841001815 (Russia); Registration Number 1091841000624 (Russia)." — a valid INN and OGRN
    assert zala.identifiers == {"ofac": "45934", "inn": "1841001815", "ogrn": "1091841000624"}
    modafl = entities["firm:ofac-10392"]
    assert modafl.country == "IR" and "MODAFL" in modafl.aliases
    listed = claims_of(parsed, "firm:ofac-10392", Predicate.LISTED_ON)[0]
    assert listed.object == "list:us-ofac-sdn" and listed.asserted_by == "agency:us-ofac"
    assert listed.qualifiers == {"programs": ["SDGT", "NPWMD", "IFSR", "IRAN-CON-ARMS-EO", "RUSSIA-EO14024"]}
    assert listed.valid_from is None and listed.valid_to is None
    sanctioned = claims_of(parsed, "firm:ofac-10392", Predicate.SANCTIONED_BY)[0]
    assert sanctioned.object == "agency:us-ofac" and sanctioned.qualifiers == listed.qualifiers
    source = next(s for s in parsed.sources if s.id == listed.citations[0].source)
    assert source.text is not None
    assert source.text.encode() + b"\r\n" == SDN.read_bytes().split(b"\r\n")[0] + b"\r\n"  # line 1, raw
    assert listed.citations[0].quote == "MINISTRY OF DEFENSE AND ARMED FORCES LOGISTICS"
    assert source.url == "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=10392"
    assert entities["person:ofac-45937"].type is EntityType.PERSON
    assert entities["asset:ofac-21332".replace("asset", "firm")].name == "SPECIAL TECHNOLOGY CENTER"


def test_linked_to_resolves_by_exact_sdn_name(parsed: Parsed) -> None:
    (link,) = claims_of(parsed, "person:ofac-45937", Predicate.LINKED_TO)
    assert link.object == "firm:ofac-45934"
    assert [c.quote for c in link.citations] == [
        "ZAKHAROV, Aleksandr Vyacheslavovich", "Linked To: LIMITED LIABILITY COMPANY ZALA AERO",
    ]  # fmt: skip
    # two links in one remark, one of them to a row outside the excerpt
    rosoboronexport = "firm:ofac-18782"  # ROSOBORONEKSPORT OAO; the IRGC-QODS FORCE is not in the excerpt
    assert [c.object for c in claims_of(parsed, "firm:ofac-10392", Predicate.LINKED_TO)] == [rosoboronexport]
    unresolved = [n for n in parsed.notes if "names no SDN row of this file" in n]
    assert len(unresolved) == 10
    assert any(
        "ent_num 10392: 'Linked To: ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE'" in n for n in unresolved
    )


def test_remarks_continued_from_sdn_comments(parsed: Parsed) -> None:
    # 31212's "Linked To: FEDERAL SECURITY SERVICE." is only in sdn_comments.csv
    (link,) = claims_of(parsed, "firm:ofac-31212", Predicate.LINKED_TO)
    assert link.object == "firm:ofac-21344"
    name, phrase = link.citations
    assert name.source.startswith("source:ofac:sdn-31212-") and name.quote == "SOUTHFRONT"
    assert phrase.source.startswith("source:ofac:sdn-comments-31212-")
    assert phrase.quote == "Linked To: FEDERAL SECURITY SERVICE"
    comment = next(s for s in parsed.sources if s.id == phrase.source)
    assert comment.text is not None and comment.text.startswith('31212," Currency Address - BCH')
    # 28263's continuation links to LAZARUS GROUP, which has no row in this excerpt
    assert any("ent_num 28263: 'Linked To: LAZARUS GROUP.'" in n for n in parsed.notes)


def test_remarks_weak_aliases(parsed: Parsed) -> None:
    entities = {e.id: e for e in parsed.entities}
    # 12111 IRANIAN MINISTRY OF INTELLIGENCE AND SECURITY: "a.k.a. 'MOIS'; a.k.a. 'VEVAK'" in the remarks,
    # "VEZARAT-E ETTELA'AT VA AMNIAT-E KESHVAR" in alt.csv: the remarks' are weak, alt.csv's strong
    mois = entities["firm:ofac-12111"]
    assert mois.weak_aliases == ("MOIS", "VEVAK")
    assert mois.aliases == ("VEZARAT-E ETTELA'AT VA AMNIAT-E KESHVAR",)
    # 40946 TAMYNA AG: three f.k.a.; 41920: an n.k.a.
    assert entities["firm:ofac-40946"].weak_aliases == ("INTERNATIONAL MARITIME CORPORATION", "IMSC GMBH", "IMSC AG")
    assert entities["firm:ofac-41920"].weak_aliases == ("LGOK",)
    # 28263's "a.k.a. 'snowsjo" is cut in sdn.csv and ends "hn'" in sdn_comments.csv: read once joined
    assert entities["person:ofac-28263"].weak_aliases == ("tianyinyin0404", "snowsjohn")
    # none is also a strong alias or the name
    for e in parsed.entities:
        assert not {w.casefold() for w in e.weak_aliases} & {n.casefold() for n in (e.name, *e.aliases)}, e.id
    assert sum(len(e.weak_aliases) for e in parsed.entities) == 819


def test_comments_from_another_snapshot(parsed: Parsed) -> None:
    notes = [n for n in parsed.notes if "different snapshots" in n]
    assert len(notes) == 2
    assert f"{COMMENTS}:1: ent_num 17018: the continuation repeats the last 108 characters" in notes[0]
    assert f"{COMMENTS}:9: ent_num 34682: the continuation is already the end of the Remarks" in notes[1]
    assert not any(s.id.startswith("source:ofac:sdn-comments-34682-") for s in parsed.sources)
    assert any(s.id.startswith("source:ofac:sdn-comments-17018-") for s in parsed.sources)


def test_join_remarks() -> None:
    assert ofac.join_remarks("a.k.a. 'snowsjo", "hn'; Linked To: X.") == ("a.k.a. 'snowsjohn'; Linked To: X.", 0)
    remarks = "Listing Date (EO 14024 Directive 3)"
    assert ofac.join_remarks(remarks, "Directive 3): 24 Feb 2022") == (
        "Listing Date (EO 14024 Directive 3): 24 Feb 2022",
        12,
    )
    assert ofac.join_remarks("x (Russia).", "(Russia).") == ("x (Russia).", 9)
    assert ofac.join_remarks("ends in 3", "3 begins") == ("ends in 33 begins", 0)  # under 8 chars: no overlap


def test_sdn_alone(tmp_path: Path) -> None:
    parsed = ofac.load(SDN)
    assert (len(parsed.entities), len(parsed.sources), len(parsed.claims), len(parsed.rejects)) == (
        4678,
        4703,
        11038,
        0,
    )
    assert {e.id: e for e in parsed.entities}["firm:ofac-45934"].aliases == ()


def test_same_input_twice_gives_identical_ids(parsed: Parsed) -> None:
    again = ofac.load(SDN, ADD, ALT, COMMENTS)
    assert [c.id for c in again.claims] == [c.id for c in parsed.claims]
    assert [s.id for s in again.sources] == [s.id for s in parsed.sources]


def test_malformed_rows(tmp_path: Path) -> None:
    def row(num: str, name: str, kind: str = "-0- ", remarks: str = "-0- ") -> str:
        return f'{num},{name},{kind},"CYBER2",{EMPTY},{remarks}'

    sdn = tmp_path / "sdn.csv"
    rows = [
        row("1", '"GOOD FIRM"', remarks='"Linked To: OTHER FIRM."'),
        row("2", '"OTHER FIRM"'),
        row("x3", '"BAD NUMBER"'),
        '4,"TOO FEW",-0- ',
        row("5", '"ODD TYPE"', kind='"spaceship"'),
        row("1", '"DUPLICATE"'),
        row("6", "-0- "),
        row("7", '"TWIN"'),
        row("8", '"TWIN"', kind='"vessel"'),
        row("9", '"LINKS"', remarks='"Linked To: TWIN; Linked To: NOBODY; Linked To: LINKS."'),
    ]
    sdn.write_bytes(("\r\n".join(rows) + "\r\n\x1a").encode())
    add = tmp_path / "add.csv"
    add.write_bytes(b'2,1,-0- ,"Moscow","Russia",-0- \r\n99,2,-0- ,-0- ,"Iran",-0- \r\n2,3,"too few"\r\n')
    parsed = ofac.load(sdn, add=add)
    assert [(Path(r.file).name, r.line, r.field) for r in parsed.rejects] == [
        ("add.csv", 3, None), ("sdn.csv", 3, "ent_num"), ("sdn.csv", 4, None), ("sdn.csv", 5, "SDN_Type"),
        ("sdn.csv", 6, "ent_num"), ("sdn.csv", 7, "SDN_Name"), ("add.csv", 2, "ent_num"),
    ]  # fmt: skip
    assert parsed.rejects[4].message == "ent_num 1 already on line 1: row ignored"
    assert [(c.subject, c.object) for c in parsed.claims if c.predicate is Predicate.LINKED_TO] == [
        ("firm:ofac-1", "firm:ofac-2")
    ]
    notes = "\n".join(parsed.notes)
    assert "'Linked To: TWIN' is ambiguous (firm:ofac-7, asset:ofac-8 share that name)" in notes
    assert "'Linked To: NOBODY' names no SDN row of this file" in notes
    assert "'Linked To: LINKS' names the entry itself" in notes
    assert {e.id: e for e in parsed.entities}["firm:ofac-2"].country == "RU"
    check_provenance(parsed)


def test_an_entrys_source_is_titled_by_the_list_and_the_entry(parsed: Parsed) -> None:
    """Issue 22: "OFAC SDN List: <name>" (was "SDN entry: <name>"); an SDN row states no date."""
    listed = claims_of(parsed, "firm:ofac-10392", Predicate.LISTED_ON)[0]
    sources = {s.id: s for s in parsed.sources}
    row = sources[listed.citations[0].source]
    assert row.title == "OFAC SDN List: MINISTRY OF DEFENSE AND ARMED FORCES LOGISTICS"
    assert row.published_at is None
    (link,) = claims_of(parsed, "firm:ofac-31212", Predicate.LINKED_TO)
    assert sources[link.citations[1].source].title == "OFAC SDN List: SOUTHFRONT (remarks continued)"
    assert all(s.title.startswith("OFAC SDN List: ") for s in parsed.sources if s.kind == "list-entry")
