"""Issue 21: the CSL, OFAC and FCC loaders stream (loaders.stream): batches of at most ``size``
records, each referring only to what it or an earlier batch defines, together the whole-file
result; a bad row named by file, line and field in the batch it is in, and nothing of it sent."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from loaders import csl, fcc, ofac
from loaders.base import Parsed
from loaders.collect import combine
from loaders.stream import Batches

FIXTURES = Path(__file__).parents[2] / "fixtures"
REAL = FIXTURES / "real"
SDN = REAL / "ofac_sdn_2024-05-03_russia_cyber_excerpt.csv"
ADD = REAL / "ofac_add_2025-02_excerpt.csv"
ALT = REAL / "ofac_alt_2025-02_excerpt.csv"
COMMENTS = REAL / "ofac_sdn_comments_2025-02_excerpt.csv"
CSL_2025 = REAL / "csl_us_trade_gov_2025_sample.csv"
CSL_JSON = FIXTURES / "csl" / "consolidated_sample.json"
FCC = [REAL / "fcc_covered_list_2026.csv", REAL / "fcc_covered_list_entities_2024.csv"]
LISTS = (
    "Entity List (EL) - Bureau of Industry and Security",
    "Specially Designated Nationals (SDN) - Treasury Department",
    "Unverified List (UVL) - Bureau of Industry and Security",
)
BAD_ROW = 23  # its line in the generated file (the header is line 1)


def generated_rows(n: int) -> Iterator[list[str]]:
    """A CSL file's rows, made one at a time (``_id`` layout): row ``BAD_ROW - 1`` has a bad date."""
    yield ["_id", *csl.COLUMNS]
    for i in range(1, n + 1):
        row = dict.fromkeys(csl.COLUMNS, "")
        row["source"] = LISTS[i % len(LISTS)]
        row["type"] = ("Entity", "Individual", "")[i % 3]
        row["name"] = f"Example Trading {i}"
        row["addresses"] = f"{i} Example Street, Moscow, RU"
        row["start_date"] = "21 May 2019" if i == BAD_ROW - 1 else f"20{10 + i % 10}-0{1 + i % 9}-15"
        row["alt_names"] = f"ET {i}"
        yield [f"{i:032x}", *(row[c] for c in csl.COLUMNS)]


def write(path: Path, rows: Iterable[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for row in rows:  # written as they are made: the file is never a list in memory
            writer.writerow(row)
    return path


def check_stream(batches: list[Parsed], size: int) -> None:
    """Every batch holds at most ``size`` records and refers only to what it or an earlier one
    defines (the writer writes each batch before the next: ``graph.ingest.ingest_stream``)."""
    defined: set[str] = set()
    for batch in batches:
        # a row is a list-entry Source (an OFAC row's remarks continued are one more)
        entries = [s for s in batch.sources if s.kind == "list-entry" and ":sdn-comments-" not in s.id]
        assert len(entries) + len(batch.rejects) <= size
        defined |= {e.id for e in batch.entities} | {s.id for s in batch.sources}
        for source in batch.sources:
            assert set(source.derived_from) <= defined, source.id
        for claim in batch.claims:
            ends = {claim.subject, claim.object, *([claim.asserted_by] if claim.asserted_by else [])}
            assert ends <= defined, claim
            assert {c.source for c in claim.citations} <= defined, claim


def no_duplicates(batches: list[Parsed]) -> None:
    """Each source and claim is sent once across the stream (the lists and the registry too)."""
    sources = [s.id for b in batches for s in b.sources]
    claims = [c.id for b in batches for c in b.claims]
    assert len(sources) == len(set(sources)) and len(claims) == len(set(claims))


@pytest.mark.parametrize("size", [1, 7, 50])
def test_a_generated_csl_file_streams_in_batches(tmp_path: Path, size: int) -> None:
    path = write(tmp_path / "generated.csv", generated_rows(120))
    batches = list(csl.iter_batches([path], size))
    assert len(batches) >= 120 // size
    check_stream(batches, size)
    no_duplicates(batches)
    whole = csl.load(path)
    assert combine(batches) == whole
    listed = [c for c in whole.claims if c.predicate.value == "listed-on"]
    assert len(listed) == 119  # the rows but the bad one
    assert len(whole.claims) - len(listed) == 3 + 4  # who administers each list, the part-of chains: once
    # the bad row: its file, line and field, in the batch it is in; nothing of it is sent
    (bad,) = [r for b in batches for r in b.rejects]
    assert (bad.file, bad.line, bad.field) == (str(path), BAD_ROW, "start_date")
    assert "'21 May 2019' is not a date" in bad.message
    assert not [e for b in batches for e in b.entities if e.name == f"Example Trading {BAD_ROW - 1}"]


def test_each_batch_is_read_when_it_is_asked_for(tmp_path: Path) -> None:
    path = write(tmp_path / "generated.csv", generated_rows(100))
    stream = csl.iter_batches([path], 10)
    first = next(stream)
    assert len([s for s in first.sources if s.kind == "list-entry"]) == 10
    assert {s.id for s in first.sources if s.kind == "file"}  # the file's Source comes first
    assert len(list(itertools.islice(stream, 2))) == 2


@pytest.mark.parametrize("chunk", [1, 5, 64])
def test_csl_json_read_a_window_at_a_time_reads_as_a_whole(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    expected = csl.load(CSL_JSON)
    bad = csl.load(FIXTURES / "csl" / "malformed.json")
    monkeypatch.setattr(csl, "_CHUNK", chunk)
    assert csl.load(CSL_JSON) == expected
    assert csl.load(FIXTURES / "csl" / "malformed.json") == bad


def test_a_json_document_cut_short_names_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csl, "_CHUNK", 8)
    text = CSL_JSON.read_text(encoding="utf-8")
    cut = tmp_path / "cut.json"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    batches = list(csl.iter_batches([cut], 3))
    (reject,) = [r for b in batches for r in b.rejects]
    assert reject.message.startswith("invalid JSON") and reject.line == len(text[: len(text) // 2].splitlines())
    assert sum(len(b.claims) for b in batches) > 0  # the rows before the cut are read


@pytest.mark.parametrize("size", [1, 3, 2000])
def test_csl_files_stream_as_their_whole(size: int) -> None:
    batches = list(csl.iter_batches([CSL_2025, CSL_JSON], size))
    check_stream(batches, size)
    no_duplicates(batches)
    assert combine(batches) == combine([csl.load(CSL_2025), csl.load(CSL_JSON)])


@pytest.mark.parametrize("size", [1, 4, 2000])
def test_fcc_tables_stream_as_their_whole(size: int) -> None:
    batches = list(fcc.iter_batches(FCC, size))
    check_stream(batches, size)
    no_duplicates(batches)
    assert combine(batches) == combine([fcc.load(p) for p in FCC])
    assert [p.name for b in batches for p in b.inputs] == [p.name for p in FCC]


def test_ofac_streams_as_its_whole() -> None:
    size = 250
    batches = list(ofac.OfacReader(SDN, ADD, ALT, COMMENTS, size))
    assert len(batches) >= 4676 // size + 1  # the rows, then the Linked To mentions
    check_stream(batches, size)
    no_duplicates(batches)
    whole = ofac.load(SDN, ADD, ALT, COMMENTS)
    assert combine(batches) == whole
    # the Linked To claims come after every row (resolved against every name), orphans last
    linked = [i for i, b in enumerate(batches) if any(c.predicate.value == "linked-to" for c in b.claims)]
    assert linked and min(linked) >= 4676 // size - 1
    orphans = [r for r in batches[-1].rejects if "has no row in" in r.message]
    assert orphans and all(r.field == "ent_num" and r.line for r in orphans)


def test_a_duplicate_ent_num_in_a_later_batch_is_refused(tmp_path: Path) -> None:
    empty = ",".join(["-0- "] * 7)
    rows = [f'{n},"FIRM {n}",-0- ,"CYBER2",{empty},-0- ' for n in (1, 2, 3, 4, 2)]
    sdn = tmp_path / "sdn.csv"
    sdn.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")
    batches = list(ofac.OfacReader(sdn, size=2))
    (reject,) = [r for b in batches for r in b.rejects]
    assert (reject.file, reject.line, reject.field) == (str(sdn), 5, "ent_num")
    assert reject.message == "ent_num 2 already on line 2: row ignored"
    assert [e.name for b in batches for e in b.entities if e.id.startswith("firm:ofac-")] == [
        "FIRM 1",
        "FIRM 2",
        "FIRM 3",
        "FIRM 4",
    ]


def test_a_batch_needs_room_for_one_record() -> None:
    with pytest.raises(ValueError, match="at least one record"):
        Batches(0)
