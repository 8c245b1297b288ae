"""OFAC's legacy SDN files: ``sdn.csv`` joined on ``ent_num`` with ``add.csv``, ``alt.csv`` and
``sdn_comments.csv``.

The files as OFAC publishes them: no header row, CRLF line endings, ``-0-`` (often with a trailing
space) for an empty value, a Ctrl-Z (0x1A) byte on the last line, programs joined by ``] [``
(``IRAN] [SDGT] [IFSR``). All of that is handled on purpose: ``-0-`` reads as empty, the Ctrl-Z
ends the file (noted), programs become a list.

Each ``sdn.csv`` row becomes:

- the entity ``firm:ofac-<ent_num>`` (SDN_Type empty), ``person:ofac-<ent_num>`` (individual) or
  ``asset:ofac-<ent_num>`` (vessel, aircraft), with aliases from ``alt.csv`` (aka, fka, nka), weak
  aliases from the remarks (``a.k.a. 'BNC'``, ``f.k.a. '…'``, ``n.k.a. '…'``: OFAC's "low quality"
  aliases, nicknames and former names, kept apart so that they never count as the entity's names;
  one that is the name or an ``alt.csv`` alias up to case and accents is left out), and a country
  when every address in ``add.csv`` (for a person: every ``nationality`` in the remarks first)
  names one. What the remarks state (:mod:`loaders.remarks`): identifiers —
  ``ofac`` (the ent_num) first, then ``passport``, ``national_id``, ``tax_id`` (a valid Russian
  one: ``inn``), ``registration`` (a valid Russian one: ``ogrn``), ``lei``, ``imo``, ``swift``,
  ``mmsi``...; for a person, dates of birth (``DOB``, ``alt. DOB``: "12 Mar 1971", "circa 1969",
  a range as the years it spans), places of birth (``POB``, as written) and nationalities
  (``nationality`` and ``citizen``, as ISO codes). Labels not read are counted in the notes;
- ``sanctioned-by agency:us-ofac`` and ``listed-on list:us-ofac-sdn``, both with the programs as
  the ``programs`` qualifier, asserted by OFAC, method ``imported``;
- ``linked-to`` for each ``Linked To: NAME.`` in the remarks when NAME is the SDN name of exactly
  one row of the file (a name not in the file, or shared by several rows, is a note).

``Remarks`` longer than OFAC's cut are continued in ``sdn_comments.csv``. The continuation is
appended; when the two files come from different snapshots the continuation may repeat the end of
the remarks, so the longest overlap (8 characters or more) is dropped first, and a continuation the
remarks already hold entirely is ignored — both are noted.

Provenance: one ``list-entry`` Source per ``sdn.csv`` row (and per joined comment row) whose
text is the raw row; each derives from a ``dataset`` Source for its file. Every claim quotes the
entity's name from its row; a ``linked-to`` claim also quotes the ``Linked To: NAME`` text, from
the comment row when that is where it is.

Rows of ``add.csv``, ``alt.csv`` or ``sdn_comments.csv`` whose ``ent_num`` has no ``sdn.csv`` row
are rejects (file, line, ``ent_num``), as are malformed rows anywhere; none of them is fatal.

The files do not name OFAC, so this loader states no ``administers``/``part-of`` facts about it:
the CSL loader does, citing the CSL's "Specially Designated Nationals (SDN) - Treasury Department".

**Streaming.** :class:`OfacReader` reads the files as :class:`Parsed` batches (:mod:`loaders.stream`):
the rows of ``add``, ``alt`` and ``sdn_comments`` into an on-disk index by ent_num
(:mod:`loaders.ofac_index`), then ``sdn.csv`` a batch of rows at a time, each batch joined with
the index; the ``Linked To`` mentions are resolved against every SDN name after the last row, and
the orphans of the other files come last. Memory holds one batch whatever the files' size;
:func:`load` is the whole input as one :class:`Parsed`.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from reference import RefList, registry, single_country
from schema.models import Citation, Claim, Entity, Source, digest, slug
from schema.names import alias_key
from schema.ontology import EntityType, Method, Predicate

from .base import Parsed, RecordError, validation_errors
from .collect import Collector, cite, combine
from .csvfile import Record, RecordReader, display_name, file_sha256
from .ofac_index import OfacIndex
from .remarks import ofac_remarks
from .stream import DEFAULT_SIZE, Batches

SDN_COLUMNS = (
    "ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT",
    "Vess_flag", "Vess_owner", "Remarks",
)  # fmt: skip
ADD_COLUMNS = ("ent_num", "Add_num", "Address", "City/State/Province/Postal Code", "Country", "Add_remarks")
ALT_COLUMNS = ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks")
COMMENT_COLUMNS = ("ent_num", "Remarks_Extended")

SDN_LIST = "list:us-ofac-sdn"  # the list and OFAC, which administers it: reference/authorities.yaml


def sdn_list() -> RefList:
    found = registry().list_ref(SDN_LIST)
    assert found is not None, SDN_LIST
    return found


PUBLISHER = "Office of Foreign Assets Control, U.S. Department of the Treasury"
FILE_URLS = {
    "sdn": "https://www.treasury.gov/ofac/downloads/sdn.csv",
    "add": "https://www.treasury.gov/ofac/downloads/add.csv",
    "alt": "https://www.treasury.gov/ofac/downloads/alt.csv",
    "comments": "https://www.treasury.gov/ofac/downloads/sdn_comments.csv",
}
ENTRY_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={}"
ENTRY_TITLE = "OFAC SDN List"  # an entry's Source: "OFAC SDN List: <name>" (the list, then the entry)
PROGRAMS_URL = "https://ofac.treasury.gov/sanctions-programs-and-country-information"

_TYPES = {
    "": EntityType.FIRM,
    "individual": EntityType.PERSON,
    "vessel": EntityType.ASSET,
    "aircraft": EntityType.ASSET,
}


def _entry_source(
    kind: str, ent_num: str, title: str, text: str, file_source: Source, within: tuple[Source, ...] = ()
) -> Source:
    """The ``list-entry`` Source of one row of an OFAC file (its raw text), derived from the
    sanctions programmes it is published under (``within``), else from the file."""
    return Source(
        id=f"source:ofac:{kind}-{ent_num}-{digest(text, length=12)}",
        title=title,
        kind="list-entry",
        url=ENTRY_URL.format(ent_num),
        publisher=PUBLISHER,
        text=text,
        derived_from=tuple(s.id for s in within) or (file_source.id,),
    )


def program_source(program: str, file_source: Source) -> Source:
    """One OFAC sanctions programme as published in an SDN file (``RUSSIA-EO14024``): a
    ``dataset`` Source of its own, derived from the file, that the programme's entries derive from."""
    return Source(
        id=f"source:ofac-program:{slug(program)}",
        title=f"OFAC sanctions programme {program} (SDN list)",
        kind="dataset",
        url=PROGRAMS_URL,
        publisher=PUBLISHER,
        derived_from=(file_source.id,),
    )


_LINKED = re.compile(r"Linked To: (.+?)(?=; |$)", re.DOTALL)
MIN_OVERLAP = 8


def value(cell: str) -> str:
    """A cell's value with OFAC's empty marker (``-0-``, with or without spaces) read as empty."""
    stripped = cell.strip()
    return "" if stripped == "-0-" else stripped


def programs(cell: str) -> list[str]:
    """``"IRAN] [SDGT] [IFSR"`` → ``["IRAN", "SDGT", "IFSR"]``."""
    return [p.strip(" []") for p in value(cell).split("] [") if p.strip(" []")]


def join_remarks(remarks: str, extra: str) -> tuple[str, int]:
    """``remarks`` continued by ``extra``, and how many leading characters of ``extra`` were dropped.

    A continuation from another snapshot may start inside text the remarks already hold: the
    longest suffix of ``remarks`` that ``extra`` starts with (at least 8 characters) is removed.
    """
    for k in range(min(len(remarks), len(extra)), MIN_OVERLAP - 1, -1):
        if remarks.endswith(extra[:k]):
            return remarks + extra[k:], k
    return remarks + extra, 0


@dataclass
class _Aux:
    """The rows of add/alt/comments of one batch of SDN rows, by ent_num."""

    rows: dict[str, list[Record]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Mention:
    subject: str
    names: tuple[str, ...]
    citations: tuple[Citation, ...]
    line: int
    ent_num: str


Item = Record | RecordError | str  # a row, a malformed one, or a note, in file order


class _Loader:
    def __init__(self, stream: Batches) -> None:
        self.stream = stream
        self.inputs: list[Path] = []
        self.file_sources: dict[str, Source] = {}
        self.paths: dict[str, Path] = {}
        self.unread: Counter[str] = Counter()  # identifier labels of the remarks not read
        self.unplaced: Counter[str] = Counter()  # nationalities with no ISO code

    @property
    def out(self) -> Collector:
        return self.stream.out

    def reject(self, path: Path, line: int | None, fld: str | None, message: str) -> None:
        self.out.rejects.append(RecordError(str(path), line, fld, message))

    def file_source(self, kind: str, path: Path) -> Source:
        sha = file_sha256(path)
        source = Source(
            id=f"source:ofac:{kind}-file-{sha[:16]}",
            title=f"OFAC {FILE_URLS[kind].rsplit('/', 1)[-1]} ({path.name})",
            kind="file",
            url=FILE_URLS[kind],
            publisher=PUBLISHER,
        )
        self.out.add_source(source)
        self.inputs.append(path)
        self.file_sources[kind] = source
        self.paths[kind] = path
        return source

    def items(self, path: Path, columns: tuple[str, ...]) -> Iterator[Item]:
        """Every row of a header-less OFAC file, streamed: well-formed ones as records, the others
        as rejects, then the note of its Ctrl-Z marker."""
        reader = RecordReader(path, ",")
        for item in reader:
            if isinstance(item, RecordError):
                yield item
            elif len(item.cells) != len(columns):
                yield RecordError(str(path), item.line, None, f"expected {len(columns)} cells, found {len(item.cells)}")
            elif not item.values[0].strip().isdigit():
                yield RecordError(str(path), item.line, columns[0], f"ent_num {item.values[0]!r} is not a number")
            else:
                yield item
        if reader.eof_marker_line is not None:
            yield f"{path}: Ctrl-Z (0x1A) end-of-file marker on line {reader.eof_marker_line} ignored"

    def emit(self, item: RecordError | str) -> None:
        if isinstance(item, RecordError):
            self.out.rejects.append(item)
        else:
            self.out.notes.append(item)

    def aux(self, path: Path | None, kind: str, columns: tuple[str, ...], index: OfacIndex) -> None:
        """Read one of add/alt/comments into the index (its rejects and notes into the batch)."""
        if path is None:
            return
        self.file_source(kind, path)
        records: list[Record] = []
        for item in self.items(path, columns):
            if isinstance(item, Record):
                records.append(item)
                if len(records) >= 10_000:
                    index.add_aux(kind, records)
                    records = []
            else:
                self.emit(item)
        index.add_aux(kind, records)


def load(sdn: Path, add: Path | None = None, alt: Path | None = None, comments: Path | None = None) -> Parsed:
    """OFAC's legacy SDN CSV files (only ``sdn`` is required) as one :class:`Parsed`."""
    return combine(OfacReader(sdn, add, alt, comments))


class OfacReader:
    """Iterate OFAC's legacy SDN CSV files as :class:`Parsed` batches of at most ``size`` rows."""

    def __init__(
        self,
        sdn: Path,
        add: Path | None = None,
        alt: Path | None = None,
        comments: Path | None = None,
        size: int = DEFAULT_SIZE,
    ) -> None:
        self.sdn, self.add, self.alt, self.comments, self.size = sdn, add, alt, comments, size
        self.unmapped: Counter[str] = Counter()  # country names of add.csv with no ISO code

    def __iter__(self) -> Iterator[Parsed]:
        with tempfile.TemporaryDirectory(prefix="regkg-ofac-") as directory:
            index = OfacIndex(directory)
            try:
                yield from self._batches(index)
            finally:
                index.close()

    def _batches(self, index: OfacIndex) -> Iterator[Parsed]:
        sdn, size = self.sdn, self.size
        stream = Batches(size)
        loader = _Loader(stream)
        self.unmapped.clear()
        self.sdn_source = loader.file_source("sdn", sdn)
        loader.aux(self.add, "add", ADD_COLUMNS, index)
        loader.aux(self.alt, "alt", ALT_COLUMNS, index)
        loader.aux(self.comments, "comments", COMMENT_COLUMNS, index)

        chunk: list[Item] = []
        for item in loader.items(sdn, SDN_COLUMNS):
            chunk.append(item)
            if len(chunk) >= size:
                self._rows(loader, index, chunk)
                chunk = []
                if stream.counted(size):
                    yield stream.take()
        self._rows(loader, index, chunk)
        stream.counted(len(chunk))

        for mentions in index.mentions(size):
            by_name = index.ids_named(n for m in mentions for n in m[1])
            for mention in mentions:
                _link(loader, _Mention(*mention), by_name, sdn)
            if stream.counted(len(mentions)):
                yield stream.take()

        for path, kind, what in ((self.add, "add", "address"), (self.alt, "alt", "alias"),
                                 (self.comments, "comments", "remarks continuation")):  # fmt: skip
            if path is None:
                continue
            for ent_num, line in index.orphans(kind):
                loader.reject(path, line, "ent_num", f"ent_num {ent_num} has no row in {sdn.name}: {what} ignored")
                if stream.counted():
                    yield stream.take()
        out = loader.out
        if self.unmapped:
            listed = ", ".join(f"{name!r} ×{n}" for name, n in sorted(self.unmapped.items()))
            out.notes.append(f"{self.add}: country names with no ISO code, not used for a country: {listed}")
        if loader.unplaced:
            listed = ", ".join(f"{name!r} ×{n}" for name, n in sorted(loader.unplaced.items()))
            out.notes.append(f"{sdn}: nationalities in the remarks with no ISO code, not read: {listed}")
        if loader.unread:
            listed = ", ".join(f"{name!r} ×{n}" for name, n in sorted(loader.unread.items()))
            out.notes.append(f"{sdn}: identifier labels in the remarks not read: {listed}")
        stream.inputs.extend(loader.inputs)
        yield stream.take()

    def _rows(self, loader: _Loader, index: OfacIndex, chunk: list[Item]) -> None:
        """One batch of SDN rows, joined with their addresses, aliases and remarks continued."""
        sdn = self.sdn
        ent_nums = [item.values[0].strip() for item in chunk if isinstance(item, Record)]
        addresses, aliases, continued = (_Aux(index.aux(kind, ent_nums)) for kind in ("add", "alt", "comments"))
        comments_source = loader.file_sources.get("comments")
        mentions: list[_Mention] = []
        for record in chunk:
            if not isinstance(record, Record):
                loader.emit(record)
                continue
            v = record.values
            ent_num = v[0].strip()
            earlier = index.seen(ent_num)
            if earlier is not None:
                loader.reject(sdn, record.line, "ent_num", f"ent_num {ent_num} already on line {earlier}: row ignored")
                continue
            raw_name = value(v[1])
            if not raw_name:
                loader.reject(sdn, record.line, "SDN_Name", "empty name")
                continue
            kind = value(v[2]).lower()
            if kind not in _TYPES:
                loader.reject(
                    sdn, record.line, "SDN_Type", f"unknown SDN_Type {v[2]!r} (individual, vessel, aircraft or -0-)"
                )
                continue
            index.mark_seen(ent_num, record.line)
            try:
                mentions.extend(
                    _row(loader, record, ent_num, raw_name, _TYPES[kind], self.sdn_source, addresses, aliases,
                         continued, comments_source, self.unmapped)
                )  # fmt: skip
            except ValidationError as exc:
                loader.out.rejects.extend(validation_errors(exc, sdn, default_line=record.line))
                continue
            except ValueError as exc:
                loader.reject(sdn, record.line, None, str(exc))
                continue
            index.add_name(raw_name, f"{_TYPES[kind].prefix}:ofac-{ent_num}")
        index.add_mentions((m.subject, m.names, m.citations, m.line, m.ent_num) for m in mentions)
        index.db.commit()


def _row(
    loader: _Loader,
    record: Record,
    ent_num: str,
    raw_name: str,
    etype: EntityType,
    sdn_source: Source,
    addresses: _Aux,
    aliases: _Aux,
    continued: _Aux,
    comments_source: Source | None,
    unmapped: Counter[str],
) -> list[_Mention]:
    """Emit one SDN row's entity, source and claims; return its ``Linked To`` mentions."""
    out = loader.out
    v = record.values
    name = display_name(raw_name)
    alias_list: list[str] = []
    for alt in aliases.rows.get(ent_num, []):
        alias = display_name(value(alt.values[3]))
        if alias and alias != name and alias not in alias_list:
            alias_list.append(alias)

    countries: list[str | None] = []
    for address in addresses.rows.get(ent_num, []):
        country_name = value(address.values[4])
        if country_name:
            code = registry().countries.code(country_name)
            if code is None:
                unmapped[country_name] += 1
            countries.append(code)
    country = single_country(countries)

    within = tuple(program_source(p, sdn_source) for p in programs(v[3]))
    source = _entry_source("sdn", ent_num, f"{ENTRY_TITLE}: {name}", record.text, sdn_source, within)
    name_cite = cite(source, raw_name, record.cells[1].start)
    if name_cite is None:  # only when the name held doubled quotes that locate cannot see through
        raise ValueError(f"name {raw_name!r} not found in its own row")

    # Remarks, continued from sdn_comments.csv
    remarks_cell = record.cells[11]
    remarks = v[11] if value(v[11]) else ""  # raw: a continuation may start with the space it cut
    joined, segments = remarks, [(source, remarks_cell.start, 0, len(remarks))]
    extra_sources: list[Source] = []
    for extra in continued.rows.get(ent_num, []):
        if comments_source is None:
            break
        tail = extra.values[1] if value(extra.values[1]) else ""
        joined_now, overlap = join_remarks(joined, tail)
        where = f"{loader.paths['comments']}:{extra.line}: ent_num {ent_num}"
        if overlap == len(tail):
            out.notes.append(
                f"{where}: the continuation is already the end of the Remarks in sdn.csv "
                "(the files are from different snapshots): ignored"
            )
            continue
        if overlap:
            out.notes.append(
                f"{where}: the continuation repeats the last {overlap} characters of the Remarks in sdn.csv "
                "(the files are from different snapshots): joined without them"
            )
        extra_source = _entry_source(
            "sdn-comments", ent_num, f"{ENTRY_TITLE}: {name} (remarks continued)", extra.text, comments_source
        )
        segments.append((extra_source, extra.cells[1].start + overlap, len(joined), len(joined_now)))
        extra_sources.append(extra_source)
        joined = joined_now

    stated = ofac_remarks(joined, person=etype is EntityType.PERSON)
    known = {alias_key(n) for n in (name, *alias_list)}
    weak_aliases: list[str] = []  # the remarks' a.k.a.: weak, never one of the strong names
    for weak in map(display_name, stated.weak_aliases):
        if weak and alias_key(weak) not in known:
            known.add(alias_key(weak))
            weak_aliases.append(weak)
    loader.unread.update(stated.unread_labels)
    loader.unplaced.update(stated.unplaced)
    if etype is EntityType.PERSON:  # the "nationality" entries decide the country, not "citizen"
        country = single_country(stated.nationality) or country

    entity = Entity(
        id=f"{etype.prefix}:ofac-{ent_num}",
        type=etype,
        name=name,
        aliases=tuple(alias_list),
        weak_aliases=tuple(weak_aliases),
        country=country,
        identifiers={"ofac": ent_num, **stated.identifiers.as_dict()},
        birth_dates=tuple(stated.birth_dates),
        nationalities=tuple(stated.nationalities),
        birth_places=tuple(stated.birth_places),
    )
    qualifiers: dict[str, str | list[str]] = {}
    listed_programs = programs(v[3])
    if listed_programs:
        qualifiers["programs"] = listed_programs
    # the row's name and its programme cell: who, and under which programme
    program_cite = cite(source, v[3].strip(), record.cells[3].start) if v[3].strip() else None
    listing = (name_cite, program_cite) if program_cite else (name_cite,)
    claims = [
        Claim(
            subject=entity.id,
            predicate=predicate,
            object=obj,
            asserted_by=sdn_list().administered_by,
            qualifiers=dict(qualifiers),
            method=Method.IMPORTED,
            citations=listing,
        )
        for predicate, obj in ((Predicate.SANCTIONED_BY, sdn_list().administered_by), (Predicate.LISTED_ON, SDN_LIST))
    ]
    for claim in claims:
        problem = out.check_claim(claim)
        if problem:
            raise ValueError(problem)

    mentions: list[_Mention] = []
    for match in _LINKED.finditer(joined):
        target = match.group(1).strip()
        names: tuple[str, ...] = (target,)
        if match.end() == len(joined) and target.endswith("."):  # the remarks' final full stop
            names = (target[:-1].rstrip(), target)
        citations = [name_cite]
        start = match.start()
        end = match.start(1) + len(names[0])
        for seg_source, raw_start, lo, hi in segments:
            if start < hi and end > lo:
                piece = joined[max(start, lo) : min(end, hi)]
                found = cite(seg_source, piece, raw_start + max(start, lo) - lo)
                if found is not None and found not in citations:
                    citations.append(found)
        mentions.append(_Mention(entity.id, names, tuple(citations), record.line, ent_num))

    out.add_entity(entity)
    sdn = sdn_list()
    out.add_once(sdn.entity)
    out.add_once(registry().entity(sdn.administered_by))
    for program in within:
        out.add_once(program)
    out.add_source(source)
    for extra_source in extra_sources:
        out.add_source(extra_source)
    for claim in claims:
        out.add_claim(claim)
    return mentions


def _link(loader: _Loader, mention: _Mention, by_name: dict[str, list[str]], sdn: Path) -> None:
    where = f"{sdn}:{mention.line}: ent_num {mention.ent_num}"
    for name in mention.names:
        ids = by_name.get(name)
        if ids:
            break
    else:
        loader.out.notes.append(
            f"{where}: 'Linked To: {mention.names[-1]}' names no SDN row of this file; no linked-to claim"
        )
        return
    if len(ids) > 1:
        loader.out.notes.append(
            f"{where}: 'Linked To: {name}' is ambiguous ({', '.join(ids)} share that name); no linked-to claim"
        )
        return
    if ids[0] == mention.subject:
        loader.out.notes.append(f"{where}: 'Linked To: {name}' names the entry itself; no linked-to claim")
        return
    claim = Claim(
        subject=mention.subject,
        predicate=Predicate.LINKED_TO,
        object=ids[0],
        asserted_by=sdn_list().administered_by,
        method=Method.IMPORTED,
        citations=mention.citations,
    )
    loader.out.add_claim(claim)
