"""A CSV reader for the list loaders that keeps every record's raw text and physical line.

The reader is deliberately hand-written instead of :mod:`csv`: a source's text must be the row
*exactly as it appears in the file* and a citation needs offsets into that text, which the
standard module cannot give. It follows RFC 4180 (quotes doubled inside quoted cells, line
breaks allowed inside quotes) and is lenient the way :mod:`csv` is (text after a closing quote
is kept). It reads bytes line by line, so a huge file is never held in memory, and it handles on
purpose:

- a UTF-8 byte-order mark before the first line (dropped; ``RecordReader.bom`` says it was there);
- CRLF or LF line endings (the terminator is not part of a record's text);
- a Ctrl-Z (0x1A) end-of-file marker, as OFAC publishes (reading stops there;
  ``RecordReader.eof_marker_line`` says where; anything after it is reported);
- a line that is not UTF-8, or a quote that never closes (reported with its line, then skipped).
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .base import RecordError

_BOM = b"\xef\xbb\xbf"
_CTRL_Z = b"\x1a"


@dataclass(frozen=True)
class Cell:
    """One cell: its value (quotes undone) and the span of its raw content in the record text.

    For a quoted cell the span excludes the enclosing quotes; ``text[start:end]`` equals
    ``value`` unless the cell held doubled quotes.
    """

    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Record:
    """One CSV record: the 1-based physical line it starts on, its raw text, its cells."""

    line: int
    text: str
    cells: tuple[Cell, ...]

    @property
    def values(self) -> list[str]:
        return [c.value for c in self.cells]

    @property
    def last_line(self) -> int:
        """The physical line the record ends on (later than ``line`` when quotes hold line breaks)."""
        return self.line + self.text.count("\n") + self.text.count("\r") - self.text.count("\r\n")

    @property
    def where(self) -> str:
        """``"line 9"`` or ``"lines 9-11"``."""
        return f"line {self.line}" if self.last_line == self.line else f"lines {self.line}-{self.last_line}"


def split_record(text: str, delimiter: str) -> tuple[Cell, ...] | None:
    """The cells of one record's text, or None when a quoted cell is still open at its end."""
    cells: list[Cell] = []
    i, n = 0, len(text)
    while True:
        if i < n and text[i] == '"':
            parts: list[str] = []
            j = i + 1
            while True:
                k = text.find('"', j)
                if k == -1:
                    return None
                parts.append(text[j:k])
                if k + 1 < n and text[k + 1] == '"':
                    parts.append('"')
                    j = k + 2
                    continue
                break
            d = text.find(delimiter, k + 1)
            stop = n if d == -1 else d
            tail = text[k + 1 : stop]  # text after the closing quote: kept, as csv does
            cells.append(Cell("".join(parts) + tail, i + 1, k if not tail else stop))
        else:
            d = text.find(delimiter, i)
            stop = n if d == -1 else d
            cells.append(Cell(text[i:stop], i, stop))
        if d == -1:
            return tuple(cells)
        i = d + len(delimiter)


def _strip_terminator(line: str) -> str:
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith(("\n", "\r")):
        return line[:-1]
    return line


class RecordReader:
    """Iterate a delimited file as :class:`Record` s (or :class:`RecordError` s), streaming."""

    def __init__(
        self, path: Path, delimiter: str = ",", *, max_record_lines: int = 50, label: str | None = None
    ) -> None:
        self.path = path
        self.delimiter = delimiter
        self.max_record_lines = max_record_lines
        self.label = label or str(path)
        self.bom = False
        self.eof_marker_line: int | None = None

    def _lines(self, errors: list[RecordError]) -> Iterator[tuple[int, str]]:
        """(line number, decoded line with its terminator); stops at a Ctrl-Z byte."""
        with self.path.open("rb") as fh:
            number = 0
            for raw in fh:
                number += 1
                if number == 1 and raw.startswith(_BOM):
                    raw = raw[len(_BOM) :]
                    self.bom = True
                if _CTRL_Z in raw:
                    before = raw.split(_CTRL_Z, 1)[0]
                    self.eof_marker_line = number
                    trailing = sum(1 for rest in fh if rest.strip())
                    if before.strip():
                        yield number, before.decode("utf-8", "replace")
                    if trailing:
                        errors.append(
                            RecordError(
                                self.label,
                                number,
                                None,
                                f"{trailing} non-empty line(s) after the Ctrl-Z (0x1A) end-of-file marker ignored",
                            )
                        )
                    return
                try:
                    yield number, raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    errors.append(
                        RecordError(
                            self.label, number, None, f"not UTF-8 ({exc.reason} at byte {exc.start}); line skipped"
                        )
                    )

    def __iter__(self) -> Iterator[Record | RecordError]:
        errors: list[RecordError] = []
        source = self._lines(errors)
        replay: deque[tuple[int, str]] = deque()
        pending: list[tuple[int, str]] = []

        def next_line() -> tuple[int, str] | None:
            if replay:
                return replay.popleft()
            return next(source, None)

        while True:
            item = next_line()
            yield from errors
            errors.clear()
            if item is None:
                if pending:
                    # a quote never closed: report its line, re-read what followed it
                    yield RecordError(
                        self.label, pending[0][0], None, "a quoted cell opened on this line never closes; line skipped"
                    )
                    replay.extend(pending[1:])
                    pending = []
                    continue
                return
            if not pending and not item[1].strip():
                continue  # blank line
            pending.append(item)
            text = _strip_terminator("".join(t for _, t in pending))
            cells = split_record(text, self.delimiter)
            if cells is not None:
                yield Record(pending[0][0], text, cells)
                pending = []
            elif len(pending) >= self.max_record_lines:
                yield RecordError(
                    self.label,
                    pending[0][0],
                    None,
                    f"a quoted cell opened on this line is still open "
                    f"{self.max_record_lines} lines later; line skipped",
                )
                replay.extendleft(reversed(pending[1:]))
                pending = []


def first_line(path: Path) -> str:
    """The first line of a file, decoded, without BOM or terminator (for sniffing a layout)."""
    with path.open("rb") as fh:
        raw = fh.readline()
    return _strip_terminator(raw.removeprefix(_BOM).decode("utf-8", "replace"))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def header_key(name: str) -> str:
    """``"Date of Inclusion on Covered List"`` → ``date_of_inclusion_on_covered_list``."""
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


# -- cells --------------------------------------------------------------------------------


def display_name(raw: str) -> str:
    """A name fit to show: C1 controls from mis-decoded Windows-1252 fixed, space collapsed.

    U+0092 is what a Windows-1252 right single quote (0x92) becomes when the bytes are read as
    Latin-1 and written back as UTF-8; the CSL's "Gui\\x92an" means "Gui’an".
    """
    fixed = raw.replace("\x92", "\u2019").replace("\x91", "\u2018")
    fixed = fixed.replace("\x93", "\u201c").replace("\x94", "\u201d")
    return " ".join(fixed.split())


def split_multi(value: str, sep: str = ";") -> list[str]:
    """Split a multi-valued cell (``"A; B"``), dropping empties and the CSL's leading "and "."""
    out: list[str] = []
    for part in value.split(sep):
        part = part.strip()
        if part.lower().startswith("and "):
            part = part[4:].strip()
        if part and part not in out:
            out.append(part)
    return out
