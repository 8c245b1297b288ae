"""The trade.gov Consolidated Screening List (CSL): CSV in both layouts, and JSON.

Layouts: the 2019 CSV has 28 columns (``source, entity_number, type, ... ids``); the current one
puts ``_id`` first. The JSON form is ``{"results": [{same fields}, ...]}`` (multi-valued fields may
also be JSON lists; an address may be an object with a ``country``).

Each row becomes:

- the listed entity: ``type`` Entity → Firm, Individual → Person, Vessel/Aircraft → Asset; an
  empty ``type`` (every BIS and State list leaves it empty) → Firm, counted in ``notes``. Its id
  comes from the row: ``person:csl-9673`` from the OFAC ``entity_number`` when there is one, else
  the CSL's own ``_id`` (``firm:csl-66f6ab3f26234b75a9093fce79ef0ce0``: two entries of one name
  stay two entities), else — the 2019 layout has no ``_id`` — ``firm:csl-el-32-group-china-ltd``
  from the list code and the name. Aliases are ``alt_names``
  (split on ``;``, the CSL's joining "and " dropped) and the raw name when it had to be repaired. Country: the one
  ISO2 code every address ends with (for a person: nationality/citizenship first); none when
  they disagree. Identifiers: ``csl`` (``_id``), ``ofac`` (``entity_number``) and those of the
  ``ids`` column (:mod:`loaders.remarks`: ``passport``, ``national_id``, ``tax_id``/``inn``,
  ``registration``/``ogrn``, ``vat``, ``swift``, ``imo``...); for a person, dates of birth
  (``dates_of_birth``; a range as the years it spans), places of birth (``places_of_birth``, as
  written) and nationalities (``nationalities`` then ``citizenships``, ISO codes).
- a ``listed-on`` claim to the list named by ``source``, ``valid_from``/``valid_to`` from
  ``start_date``/``end_date`` (empty stays None), qualifiers ``programs``,
  ``license_requirement``, ``license_policy``, ``federal_register_notice``, ``standard_order``,
  ``source_list_url`` (when not empty), asserted by the list's agency, method ``imported``.
- once per file and list: ``<agency> administers <list>`` and the ``part-of`` chain up to
  ``country:us``, cited by the first row naming that list (the quote is its ``source`` cell).

Provenance: one ``list-entry`` Source per row whose text is the row exactly as in the file (for
JSON: the row object serialised canonically: sorted keys, no ASCII escaping, compact), derived
from one ``dataset`` Source for the file (id from its sha256, no text). Every claim quotes the
entity's name as the row writes it.

Trap handled on purpose: "Gui\\x92an New District Huawei Investment Co., Ltd." holds U+0092, a
mis-decoded Windows-1252 apostrophe. The source text keeps it (byte-exact), the quote is the raw
slice, the entity's name reads "Gui’an ..." and the raw form stays an alias.

Malformed rows (wrong cell count, no name, unknown list or type, a date that is not ISO) are
reported as :class:`RecordError` with file, physical line and field, and skipped.

**Streaming.** :func:`iter_batches` reads the files row by row into :class:`Parsed` batches
(:mod:`loaders.stream`): the CSV through :class:`loaders.csvfile.RecordReader`, the JSON a window
of about a megabyte at a time (each element of ``results`` decoded with the standard library's
``raw_decode`` where it starts; no incremental JSON parser is installed). Memory holds one batch
whatever the file's size; :func:`load` is the whole file as one :class:`Parsed`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from reference import registry, single_country
from reference.registry import LABEL_CODE
from schema.dates import earliest, latest, partial_date
from schema.models import Citation, Claim, Entity, QualifierValue, Source, digest, slug
from schema.ontology import LISTING_ENDED, EntityType, Method, Predicate

from .base import Parsed, RecordError, validation_errors
from .collect import Collector, cite, combine
from .csvfile import RecordReader, display_name, file_sha256, split_multi
from .remarks import Stated, birth_dates, csl_ids
from .stream import DEFAULT_SIZE, Batches

COLUMNS = (
    "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement",
    "license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage",
    "vessel_flag", "vessel_owner", "remarks", "source_list_url", "alt_names", "citizenships",
    "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids",
)  # fmt: skip
QUALIFIER_COLUMNS = (
    "license_requirement", "license_policy", "federal_register_notice", "standard_order", "source_list_url",
)  # fmt: skip

PUBLISHER = "International Trade Administration, U.S. Department of Commerce"
CSL_URL = "https://www.trade.gov/consolidated-screening-list"

_TYPES = {
    "entity": EntityType.FIRM,
    "": EntityType.FIRM,
    "individual": EntityType.PERSON,
    "vessel": EntityType.ASSET,
    "aircraft": EntityType.ASSET,
}


@dataclass(frozen=True)
class ListInfo:
    code: str  # the CSL's short code, lower case: el, sdn, dpl...
    entity: Entity  # the list (from the reference registry when it knows the code)
    agency: str  # the body that administers it

    @property
    def id(self) -> str:
        return self.entity.id


_STABLE_ID = re.compile(r"[0-9A-Fa-f]{16,64}")


def list_info(source: str) -> ListInfo | None:
    """The list a CSL ``source`` cell names: ``"Entity List (EL) - Bureau of Industry and Security"``.

    A code the reference registry knows (``codes: {csl: EL}``) gives its list; an unknown code is
    still placed when the suffix names a body the registry knows by its CSL name (``codes: {csl:
    Treasury Department}`` → OFAC): ``list:us-ofac-<code>``, named by the cell.
    """
    match = LABEL_CODE.search(source)
    if not match:
        return None
    code = match.group(1).strip().upper()
    ref = registry().list_by_code("csl", code)
    if ref is not None:
        return ListInfo(code.lower(), ref.entity, ref.administered_by)
    body = registry().body_by_code("csl", source.rsplit(" - ", 1)[-1].strip())
    if body is None:
        return None
    local = body.id.split(":", 1)[1]
    name = source[: match.start()].strip() or code
    entity = Entity(id=f"list:{local}-{slug(code)}", type=EntityType.LIST, name=name, country=body.country)
    return ListInfo(slug(code), entity, body.id)


@dataclass(frozen=True)
class _Row:
    """One row, whatever its format: cell values, raw text, where it is, where each cell starts."""

    values: dict[str, str]
    text: str
    line: int | None
    offsets: dict[str, int]


class _Loader:
    """One file of a stream: its rows go into the stream's current batch."""

    def __init__(self, path: Path, stream: Batches) -> None:
        self.path = path
        self.file = str(path)
        self.stream = stream
        self.untyped = 0
        self.unread: Counter[str] = Counter()  # identifier labels of the ids column not read
        self.unplaced: Counter[str] = Counter()  # nationalities and citizenships with no ISO code
        sha = file_sha256(path)
        self.file_source = Source(
            id=f"source:csl:file-{sha[:16]}",
            title=f"Consolidated Screening List ({path.name})",
            kind="file",
            url=CSL_URL,
            publisher=PUBLISHER,
        )
        self.out.add_source(self.file_source)

    @property
    def out(self) -> Collector:
        return self.stream.out

    def reject(self, line: int | None, field: str | None, message: str) -> None:
        self.out.rejects.append(RecordError(self.file, line, field, message))

    def _list_source(self, info: ListInfo) -> Source:
        """The list a row is on, as the CSL carries it (``Entity List (EL) - Bureau of Industry and
        Security``): a ``dataset`` Source of its own, published by the body that administers the
        list, derived from the file — rows of one list are one voice, rows of two lists two."""
        body = registry().get(info.agency)
        source = Source(
            id=f"source:csl-list:{slug(info.code)}",
            title=f"{info.entity.name} (in the Consolidated Screening List)"[:300],
            kind="dataset",
            url=CSL_URL,
            publisher=body.name if body is not None else PUBLISHER,
            derived_from=(self.file_source.id,),
        )
        self.out.add_once(source)
        return source

    def row(self, row: _Row) -> None:
        try:
            self._row(row)
        except ValidationError as exc:
            self.out.rejects.extend(validation_errors(exc, self.file, default_line=row.line))

    def _row(self, row: _Row) -> None:
        v = row.values
        raw_name = v.get("name", "")
        if not raw_name.strip():
            return self.reject(row.line, "name", "empty name: the row names no one")
        info = list_info(v.get("source", ""))
        if info is None:
            return self.reject(row.line, "source", f"unknown list {v.get('source', '')!r}")
        kind = v.get("type", "").strip().lower()
        if kind not in _TYPES:
            return self.reject(
                row.line, "type", f"unknown type {v.get('type')!r} (Entity, Individual, Vessel, Aircraft)"
            )
        dates: dict[str, str | None] = {}
        for column in ("start_date", "end_date"):
            try:
                dates[column] = partial_date(v.get(column, ""))
            except ValueError as exc:
                return self.reject(row.line, column, str(exc))
        first, last = earliest(dates["start_date"]), latest(dates["end_date"])
        if first and last and last < first:
            return self.reject(row.line, "end_date", f"{dates['end_date']} is before start_date {dates['start_date']}")
        etype = _TYPES[kind]

        name = display_name(raw_name)
        qualifiers: dict[str, QualifierValue] = {}
        if "; and any " in name:  # ISN: "X; and any successor, sub-unit, or subsidiary thereof"
            name, scope = name.split("; and any ", 1)
            qualifiers["includes"] = "any " + scope
        aliases: list[str] = []
        if display_name(raw_name) != " ".join(raw_name.split()):  # repaired: keep the raw form too
            aliases.append(raw_name.strip())
        for alt in split_multi(v.get("alt_names", "")):
            for form in (display_name(alt), alt):
                if form != name and form not in aliases:
                    aliases.append(form)

        number = v.get("entity_number", "").strip()
        row_id = v.get("_id", "").strip()
        if number.isdigit():  # OFAC's ent_num
            key = number
        elif _STABLE_ID.fullmatch(row_id):  # the CSL's own id (current layout)
            key = row_id.lower()
        else:  # the 2019 layout has no id: the list and the name
            name_slug = slug(name)
            key = f"{info.code}-{name_slug[:100]}"
            if len(name_slug) > 100:
                key += "-" + digest(name, length=8)
        stated = self._stated(v, etype)
        identifiers = {}
        if row_id:
            identifiers["csl"] = row_id
        if number:
            identifiers["ofac"] = number
        entity = Entity(
            birth_dates=tuple(stated.birth_dates),
            nationalities=tuple(stated.nationalities),
            birth_places=tuple(stated.birth_places),
            id=f"{etype.prefix}:csl-{key}",
            type=etype,
            name=name,
            aliases=tuple(aliases),
            country=self._country(v, etype),
            identifiers={**identifiers, **stated.identifiers.as_dict()},
        )

        safe_id = row_id if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}", row_id) else ""
        text_hash = digest(row.text, length=16)
        source = Source(
            id=f"source:csl:{safe_id}-{text_hash}" if safe_id else f"source:csl:{text_hash}",
            title=f"{info.entity.name} (CSL): {name}",  # the list and the entry: "Entity List (CSL): …"
            kind="list-entry",
            url=v.get("source_information_url", "").strip() or v.get("source_list_url", "").strip() or None,
            publisher=PUBLISHER,
            published_at=dates["start_date"],  # the entry's own date, where the row gives it
            text=row.text,
            derived_from=(self._list_source(info).id,),
        )
        name_cite = self._cite(source, raw_name.strip(), row.offsets.get("name"))
        list_cite = self._cite(source, v["source"].strip(), row.offsets.get("source"))
        if name_cite is None or list_cite is None:
            return self.reject(row.line, "name", "the name (or list) is not found in the row's own text")
        dated = [
            found
            for column in ("start_date", "end_date")
            if dates[column] and (found := self._cite(source, v[column].strip(), row.offsets.get(column)))
        ]

        programs = split_multi(v.get("programs", ""))
        if programs:
            qualifiers["programs"] = programs
        for column in QUALIFIER_COLUMNS:
            value = " ".join(v.get(column, "").split())
            if value:
                qualifiers[column] = value
        if dates["end_date"]:
            qualifiers[LISTING_ENDED] = dates["end_date"]
        claim = Claim(
            subject=entity.id,
            predicate=Predicate.LISTED_ON,
            object=info.id,
            asserted_by=info.agency,
            valid_from=dates["start_date"],
            valid_to=dates["end_date"],
            qualifiers=qualifiers,
            method=Method.IMPORTED,
            citations=(name_cite, list_cite, *dated),  # the row's name, list and date cells
        )
        lst = info.entity.model_copy(update={"aliases": (*info.entity.aliases, v["source"].strip())})
        problem = self.out.check_claim(claim)
        if problem:
            return self.reject(row.line, "type", problem)

        self.out.add_entity(entity)
        self.out.add_once(lst, key=f"{lst.id}\n{v['source'].strip()}")  # once per list and spelling
        self.out.add_source(source)
        self.out.add_claim(claim)
        self.out.add_body(info.agency, list_id=info.id)
        self.untyped += not kind

    @staticmethod
    def _cite(source: Source, quote: str, hint: int | None) -> Citation | None:
        found = cite(source, quote, hint)
        if found is None:  # JSON text: the value may appear escaped
            found = cite(source, json.dumps(quote, ensure_ascii=False)[1:-1], hint)
        return found

    def _stated(self, v: dict[str, str], etype: EntityType) -> Stated:
        """What the row states about whom it lists: ``ids`` for every type; ``dates_of_birth``,
        ``places_of_birth`` (as written), ``nationalities`` and ``citizenships`` (ISO codes) for a person."""
        stated = Stated()
        csl_ids(v.get("ids", ""), stated)
        if etype is EntityType.PERSON:
            for written in split_multi(v.get("dates_of_birth", "")):
                stated.birth_dates.extend(d for d in birth_dates(written) if d not in stated.birth_dates)
            stated.birth_places.extend(split_multi(v.get("places_of_birth", "")))
            for column in ("nationalities", "citizenships"):
                for name in split_multi(v.get(column, "")):
                    code = stated.country(name)
                    if code is not None and code not in stated.nationalities:
                        stated.nationalities.append(code)
        self.unread.update(stated.unread_labels)
        self.unplaced.update(stated.unplaced)
        return stated

    @staticmethod
    def _country(v: dict[str, str], etype: EntityType) -> str | None:
        addresses = [a.rsplit(",", 1)[-1] for a in split_multi(v.get("addresses", ""))]
        from_addresses = single_country(registry().countries.code(a) for a in addresses if len(a.strip()) == 2)
        if etype is EntityType.PERSON:
            people = split_multi(v.get("nationalities", "")) + split_multi(v.get("citizenships", ""))
            return single_country(registry().countries.code(c) for c in people) or from_addresses
        return from_addresses

    def finish(self) -> None:
        """The file's notes, into the batch it ends in."""
        if self.untyped:
            self.out.notes.append(
                f"{self.file}: {self.untyped} row(s) have an empty type (BIS and State lists give "
                "none); recorded as Firm, which may be wrong for persons"
            )
        for counts, what in ((self.unplaced, "nationalities or citizenships with no ISO code, not read"),
                             (self.unread, "identifier labels in ids not read")):  # fmt: skip
            if counts:
                listed = ", ".join(f"{name!r} ×{n}" for name, n in sorted(counts.items()))
                self.out.notes.append(f"{self.file}: {what}: {listed}")
        self.stream.inputs.append(self.path)


# -- CSV ----------------------------------------------------------------------------------


def _csv_rows(loader: _Loader) -> Iterator[_Row]:
    reader = RecordReader(loader.path, ",")
    header: list[str] | None = None
    for item in reader:
        if isinstance(item, RecordError):
            loader.out.rejects.append(item)
            continue
        if header is None:
            header = [h.strip() for h in item.values]
            if header and header[0].startswith("\ufeff"):
                header[0] = header[0][1:]
            if header not in (list(COLUMNS), ["_id", *COLUMNS]):
                missing = [c for c in ("source", "name") if c not in header]
                if missing:
                    loader.reject(
                        item.line, None, f"not a CSL header (no {', '.join(missing)} column): {item.text[:80]!r}"
                    )
                    return
                loader.out.notes.append(f"{loader.file}: unusual CSL header; columns read by name")
            continue
        if len(item.cells) != len(header):
            hint = "" if item.last_line == item.line else " (a quote may be unbalanced)"
            loader.reject(
                item.line, None, f"expected {len(header)} cells, found {len(item.cells)} on {item.where}{hint}"
            )
            continue
        yield _Row(
            values=dict(zip(header, item.values, strict=True)),
            text=item.text,
            line=item.line,
            offsets={h: c.start for h, c in zip(header, item.cells, strict=True)},
        )
    if reader.bom:
        loader.out.notes.append(f"{loader.file}: UTF-8 byte-order mark ignored")


# -- JSON ---------------------------------------------------------------------------------

_WS = re.compile(r"\s*")


def _cell(value: Any) -> str:
    """A JSON field as the CSV would write it: lists joined with "; ", address objects flattened."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(item) for item in value if _cell(item))
    if isinstance(value, dict):
        parts = [value.get(k) for k in ("address", "city", "state", "postal_code", "country")]
        return ", ".join(str(p).strip() for p in parts if p not in (None, ""))
    return str(value)


_CHUNK = 1 << 20  # characters read at a time
_LONGEST = 64 << 20  # an element that does not decode in this much text is broken, not cut short
_DECODER = json.JSONDecoder()


class _Broken(Exception):
    def __init__(self, line: int, msg: str) -> None:
        super().__init__(msg)
        self.line, self.msg = line, msg


class _Window:
    """The file's text a chunk at a time: positions index ``text``, whose first line is ``line``;
    what was read is forgotten once a chunk of it lies behind (:meth:`forget`)."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.text = ""
        self.line = 1
        self.eof = False

    def more(self) -> bool:
        chunk = "" if self.eof else self.fh.read(_CHUNK)
        self.eof = not chunk
        self.text += chunk
        return bool(chunk)

    def at(self, pos: int) -> str:
        """The character at ``pos`` ("" past the end of the file)."""
        while pos >= len(self.text) and self.more():
            pass
        return self.text[pos] if pos < len(self.text) else ""

    def skip(self, pos: int) -> int:
        """The position of the next character that is not white space."""
        while True:
            match = _WS.match(self.text, pos)
            pos = match.end() if match else pos
            if pos < len(self.text) or not self.more():
                return pos

    def decode(self, pos: int) -> tuple[Any, int]:
        """The JSON value at ``pos`` and the position after it, reading on while it is cut short."""
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, pos)
            except json.JSONDecodeError as exc:
                if len(self.text) - pos > _LONGEST or not self.more():
                    raise _Broken(self.line_at(exc.pos), exc.msg) from exc
                continue
            if end < len(self.text) or not self.more():  # a number may go on in the next chunk
                return value, end

    def line_at(self, pos: int) -> int:
        return self.line + self.text.count("\n", 0, pos)

    def forget(self, pos: int) -> int:
        """Drop the text before ``pos`` once it is a chunk long; return ``pos`` in what is kept."""
        if pos < _CHUNK:
            return pos
        self.line += self.text.count("\n", 0, pos)
        self.text = self.text[pos:]
        return 0


def _json_results(loader: _Loader) -> Iterator[_Row]:
    """Each element of the top-level ``results`` array (or of a top-level array), with its line."""
    with loader.path.open(encoding="utf-8-sig") as fh:
        try:
            yield from _json_document(loader, _Window(fh))
        except _Broken as exc:
            loader.reject(exc.line, None, f"invalid JSON: {exc.msg}; rows after this point not read")
        except UnicodeDecodeError as exc:
            loader.reject(None, None, f"not UTF-8 ({exc.reason}); rows after this point not read")


def _json_document(loader: _Loader, t: _Window) -> Iterator[_Row]:
    def array(pos: int) -> Generator[_Row, None, int]:
        """Yield the array's rows; return the position after its closing bracket."""
        pos = t.skip(pos + 1)
        index = 0
        while t.at(pos) not in ("]", ""):
            start = pos
            item, pos = t.decode(pos)
            if not isinstance(item, dict):
                loader.reject(t.line_at(start), f"results[{index}]", "not a JSON object")
            else:
                canonical = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
                values = {str(k): _cell(v) for k, v in item.items()}
                offsets = {k: canonical.find(json.dumps(k) + ":") for k in values}
                yield _Row(values, canonical, t.line_at(start), offsets)
            pos = t.skip(pos)
            if t.at(pos) == ",":
                pos = t.skip(pos + 1)
            pos = t.forget(pos)
            index += 1
        if not t.at(pos):
            raise _Broken(t.line_at(pos), "unterminated array")
        return pos + 1

    pos = t.skip(0)
    if t.at(pos) == "[":
        yield from array(pos)
        return
    if t.at(pos) != "{":
        loader.reject(t.line_at(pos), None, "not a CSL JSON document (expected an object or an array)")
        return
    pos = t.skip(pos + 1)
    found = False
    while t.at(pos) not in ("}", ""):
        key, pos = t.decode(pos)
        pos = t.skip(pos)
        if t.at(pos) != ":":
            raise _Broken(t.line_at(pos), "expected ':'")
        pos = t.skip(pos + 1)
        if key == "results" and t.at(pos) == "[":
            found = True
            pos = yield from array(pos)
        else:
            _, pos = t.decode(pos)
        pos = t.skip(pos)
        if t.at(pos) == ",":
            pos = t.skip(pos + 1)
        pos = t.forget(pos)
    if not found:
        loader.reject(1, "results", "no 'results' array in the JSON document")


def iter_batches(paths: Iterable[Path], size: int = DEFAULT_SIZE) -> Iterator[Parsed]:
    """CSL files (``.json`` as JSON, anything else as CSV) as :class:`Parsed` batches of at most
    ``size`` rows, streamed (:mod:`loaders.stream`)."""
    stream = Batches(size)
    for path in paths:
        loader = _Loader(path, stream)
        rows = _json_results(loader) if path.suffix.lower() == ".json" else _csv_rows(loader)
        for row in rows:
            loader.row(row)
            if stream.counted():
                yield stream.take()
        loader.finish()
    yield stream.take()


def load(path: Path) -> Parsed:
    """A CSL file as one :class:`Parsed` (``.json`` as JSON, anything else as CSV, either layout)."""
    return combine(iter_batches([path]))
