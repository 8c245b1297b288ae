"""The FCC Covered List (Secure and Trusted Communications Networks Act, section 2) as a table.

Two layouts, told apart by their header:

- ``covered_equipment_or_services,date_of_inclusion_on_covered_list`` — comma-separated, CRLF;
  the entity is only named inside the description ("... produced by Huawei Technologies Company,
  including ...") and is read from it;
- ``Covered Equipment or Services;Date of Inclusion on Covered List;Entity Name;Subsidiary Names``
  — semicolon-separated with a UTF-8 byte-order mark (dropped, and noted); the entity and its
  subsidiaries come from their columns.

Each entry becomes the firm ``firm:fcc-<slug of its name>`` with a
``listed-on list:us-fcc-covered-list`` claim: ``valid_from`` the date of inclusion ("March 25,
2022" → ``2022-03-25``), qualifier ``covered`` the description (scrape artefacts such as "Visit - "
link labels and stray footnote marks removed), asserted by ``agency:us-fcc``, method ``imported``.
A subsidiary the entry names ("Pacific Networks Corp and its wholly-owned subsidiary ComNet (USA)
LLC") is listed too and gets ``subsidiary-of`` its parent. An entry that names no firm but a
category ("Routers produced in a foreign country") becomes a Product, ``product:fcc-<slug>``.

Scrape artefacts handled on purpose (the table is kept byte-exact in the sources):

- a date cell reading "December 22, 2025Updated:January 7, 2026Updated:…": the first date is
  ``valid_from``; the later ones go to the ``updated`` qualifier as ISO dates;
- two table cells merged into one row (the UAS row: ``...components."All communications ...``):
  split where a straight double quote sits between a full stop and a capital letter; both entries
  share the row's date and source and carry ``merged_row: true``.

Provenance: one ``list-entry`` Source per table row (its raw text), derived from a ``dataset``
Source for the file. The files never name the FCC: ``agency:us-fcc administers`` the list and
``part-of country:us`` are cited from the table's header row (a ``list`` Source), quoting the
date column's title, which names the Covered List.

Malformed rows (wrong cell count, an unreadable date, no description) are rejects with file,
line and field; the rest of the file still loads.

The tables are read row by row into :class:`Parsed` batches (:func:`iter_batches`, :mod:`loaders.stream`);
:func:`load` is one file as one :class:`Parsed`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from reference import registry
from schema.dates import long_date
from schema.models import Citation, Claim, Entity, QualifierValue, Source, digest, slug
from schema.ontology import EntityType, Method, Predicate

from .base import Parsed, RecordError, validation_errors
from .collect import Collector, cite, combine
from .csvfile import RecordReader, display_name, file_sha256, first_line, header_key
from .stream import DEFAULT_SIZE, Batches

COVERED_LIST = "list:us-fcc-covered-list"  # the list and the body that administers it: reference/authorities.yaml
URL = "https://www.fcc.gov/supplychain/coveredlist"
PUBLISHER = "Federal Communications Commission"

DESCRIPTION = "covered_equipment_or_services"
DATE = "date_of_inclusion_on_covered_list"
ENTITY = "entity_name"
SUBSIDIARIES = "subsidiary_names"
# the semicolon layout's own headings, as the file writes them (header_key() gives the keys above)
SEMICOLON_HEADINGS = (
    "Covered Equipment or Services", "Date of Inclusion on Covered List", "Entity Name", "Subsidiary Names",
)

_MERGED = re.compile(r'(?<=[.)])"(?=[A-Z])')
_NAME = r"[A-Z0-9][^;]{0,150}?"
_NAME_END = r"(?:,? including\b|, to the extent\b| or any of its\b|,? subject to\b)"
_SUBSIDIARY = rf" and its wholly[- ]owned subsidiar(?:y|ies) (?P<sub>{_NAME})(?:{_NAME_END}|\.?$)"
_BY = re.compile(rf"\bby (?P<name>{_NAME})(?:{_NAME_END}|{_SUBSIDIARY})")
_LINK_LABEL = re.compile(r"Visit - ")
_FOOTNOTE = re.compile(r"[\^£³¹²†‡]+|#(?!\w)")
_CATEGORY_END = re.compile(r"\s*(?:[—–]|:|,?(?:\s*(?:[\^£³¹²†‡]+|Visit -))*\s+except\b)")
_TRIM = " .,;:^£³¹²†‡#"


def clean(text: str) -> str:
    """A description without the scrape's "Visit - " link labels and footnote marks."""
    return " ".join(_FOOTNOTE.sub(" ", _LINK_LABEL.sub("", text)).split())


@dataclass(frozen=True)
class _Named:
    """A name to emit, with the raw text to quote for it."""

    name: str
    quote: str


def _entry_names(piece: str) -> tuple[list[_Named], _Named | None]:
    """(firm, subsidiaries...) named by one entry's raw text; or ([], the category it covers)."""
    match = _BY.search(piece)
    if match:
        named = [_Named(display_name(match.group("name")).rstrip(","), match.group("name"))]
        if match.group("sub"):
            named.append(_Named(display_name(match.group("sub")).rstrip(","), match.group("sub")))
        return named, None
    raw = _CATEGORY_END.split(piece, maxsplit=1)[0].rstrip(_TRIM)
    return [], _Named(clean(raw).rstrip(_TRIM), raw)


def _firm(name: str) -> Entity:
    return Entity(id=f"firm:fcc-{slug(name)}", type=EntityType.FIRM, name=name)


def _product(name: str) -> Entity:
    key = slug(name)
    if len(key) > 80:
        key = key[:80].rstrip("-") + "-" + digest(name, length=8)
    return Entity(id=f"product:fcc-{key}", type=EntityType.PRODUCT, name=name)


class _Loader:
    """One table of a stream: its rows go into the stream's current batch."""

    def __init__(self, path: Path, stream: Batches) -> None:
        self.path = path
        self.file = str(path)
        self.stream = stream
        ref = registry().list_ref(COVERED_LIST)
        assert ref is not None, COVERED_LIST
        self.fcc = ref.administered_by
        self.list_name = ref.entity.name  # "FCC Covered List": each row's Source is titled by it and its entry
        self.file_source = Source(
            id=f"source:fcc:file-{file_sha256(path)[:16]}",
            title=f"FCC Covered List table ({path.name})",
            kind="file",
            url=URL,
            publisher=PUBLISHER,
        )
        self.out.add_source(self.file_source)

    @property
    def out(self) -> Collector:
        return self.stream.out

    def reject(self, line: int | None, fld: str | None, message: str) -> None:
        self.out.rejects.append(RecordError(self.file, line, fld, message))

    def header(self, text: str, keys: list[str], raw: list[str]) -> bool:
        missing = [k for k in (DESCRIPTION, DATE) if k not in keys]
        if missing:
            self.reject(1, None, f"not a Covered List header (no {', '.join(missing)} column): {text[:80]!r}")
            return False
        ref = registry().list_ref(COVERED_LIST)
        assert ref is not None, COVERED_LIST
        self.out.add_once(ref.entity)
        self.out.add_body(ref.administered_by, list_id=COVERED_LIST)
        return True

    def row(self, line: int, text: str, cells: dict[str, str], offsets: dict[str, int]) -> None:
        description = cells[DESCRIPTION]
        if not description.strip():
            return self.reject(line, DESCRIPTION, "empty description: no covered equipment or service")
        dates = [d.strip() for d in cells[DATE].split("Updated:")]
        try:
            included = long_date(dates[0])
            updated = [long_date(d) for d in dates[1:] if d]
        except ValueError as exc:
            return self.reject(line, DATE, str(exc))

        pieces = _MERGED.split(description)
        source = Source(
            id=f"source:fcc:{digest(text, length=16)}",
            title=self.list_name,  # "FCC Covered List: <the entry's names>" below, once they are known
            kind="list-entry",
            url=URL,
            publisher=PUBLISHER,
            published_at=max([included, *updated]),  # the row as it reads was published on its last update
            text=text,
            derived_from=(self.file_source.id,),
        )
        date_cite = cite(source, cells[DATE], offsets[DATE])
        if date_cite is None:
            return self.reject(line, DATE, "the date is not found in the row's own text")
        entities: list[Entity] = []
        claims: list[Claim] = []
        position = offsets[DESCRIPTION]
        for piece in pieces:
            hint = text.find(piece[:40], position)
            hint = position if hint == -1 else hint
            position = hint + 1
            qualifiers: dict[str, QualifierValue] = {"covered": clean(piece)}
            if updated:
                qualifiers["updated"] = updated
            if len(pieces) > 1:
                qualifiers["merged_row"] = True
            firms, category = _entry_names(piece)
            if cells.get(ENTITY, "").strip() and len(pieces) == 1:  # the 2024 layout names them
                category = None
                firms = [_Named(display_name(cells[ENTITY]), cells[ENTITY].strip())]
                firms += [
                    _Named(display_name(s), s.strip()) for s in cells.get(SUBSIDIARIES, "").split(";") if s.strip()
                ]
            listed: list[tuple[Entity, Citation]] = []
            for named in firms:
                found = cite(source, named.quote, hint) or cite(source, named.quote)
                if found is None:
                    return self.reject(line, ENTITY, f"{named.name!r} is not in the row's text")
                listed.append((_firm(named.name), found))
            if category is not None:
                found = cite(source, category.quote, hint)
                if found is None or not category.name:
                    return self.reject(line, DESCRIPTION, "no firm and no category found in the description")
                listed.append((_product(category.name), found))
            for entity, found in listed:
                entities.append(entity)
                claims.append(
                    Claim(
                        subject=entity.id,
                        predicate=Predicate.LISTED_ON,
                        object=COVERED_LIST,
                        asserted_by=self.fcc,
                        valid_from=included,
                        qualifiers=qualifiers,
                        method=Method.IMPORTED,
                        citations=(found, date_cite),  # who, and since when: the row's name and date cells
                    )
                )
            if len(firms) > 1:
                parent = listed[0][0]
                for (subsidiary, sub_cite), named in zip(listed[1:], firms[1:], strict=False):
                    claims.append(
                        Claim(
                            subject=subsidiary.id,
                            predicate=Predicate.SUBSIDIARY_OF,
                            object=parent.id,
                            method=Method.IMPORTED,
                            citations=(self._relation_cite(source, firms[0].quote, named.quote, hint) or sub_cite,),
                        )
                    )
        for claim in claims:
            problem = self.out.check_claim(claim)
            if problem:
                return self.reject(line, None, problem)
        source = source.model_copy(update={"title": f"{self.list_name}: " + "; ".join(e.name for e in entities)})
        if len(pieces) > 1:
            self.out.notes.append(
                f"{self.file}:{line}: {len(pieces)} table cells merged into one row; read as {len(pieces)} "
                "entries sharing the row's date"
            )
        self.out.add_source(source)
        for entity in entities:
            self.out.add_entity(entity)
        for claim in claims:
            self.out.add_claim(claim)

    @staticmethod
    def _relation_cite(source: Source, parent: str, child: str, hint: int) -> Citation | None:
        """The text from the parent's name to the subsidiary's, when they sit close together."""
        assert source.text is not None
        start = source.text.find(parent, hint)
        end = source.text.find(child, start + len(parent)) if start != -1 else -1
        if start == -1 or end == -1 or end - start > len(parent) + 80:
            return None
        return cite(source, source.text[start : end + len(child)], start)


def _rows(path: Path, loader: _Loader) -> Iterator[None]:
    """Read the table into the loader's batch, yielding after each row (or reject) it read."""
    head = first_line(path)
    delimiter = ";" if head.count(";") > head.count(",") else ","
    reader = RecordReader(path, delimiter)
    keys: list[str] | None = None
    for item in reader:
        if isinstance(item, RecordError):
            loader.out.rejects.append(item)
        elif keys is None:
            keys = [header_key(v) for v in item.values]
            if not loader.header(item.text, keys, item.values):
                break
            continue
        elif len(item.cells) != len(keys):
            loader.reject(item.line, None, f"expected {len(keys)} cells, found {len(item.cells)} on {item.where}")
        else:
            try:
                loader.row(
                    item.line,
                    item.text,
                    dict(zip(keys, item.values, strict=True)),
                    {k: c.start for k, c in zip(keys, item.cells, strict=True)},
                )
            except ValidationError as exc:
                loader.out.rejects.extend(validation_errors(exc, path, default_line=item.line))
        yield None
    if reader.bom:
        loader.out.notes.append(f"{path}: UTF-8 byte-order mark before the header ignored")


def iter_batches(paths: Iterable[Path], size: int = DEFAULT_SIZE) -> Iterator[Parsed]:
    """Covered List tables (either layout; the delimiter is read from each header) as :class:`Parsed`
    batches of at most ``size`` rows, streamed (:mod:`loaders.stream`)."""
    stream = Batches(size)
    for path in paths:
        loader = _Loader(path, stream)
        for _ in _rows(path, loader):
            if stream.counted():
                yield stream.take()
        stream.inputs.append(path)
    yield stream.take()


def load(path: Path) -> Parsed:
    """An FCC Covered List table in either layout as one :class:`Parsed`."""
    return combine(iter_batches([path]))
