"""What every loader returns: schema objects plus the records it rejected, with file/line/field.

Loaders are pure: they read files, validate, resolve ids and return :class:`Parsed`. They never
touch the database; the CLI hands ``Parsed`` to :mod:`graph.writer`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from schema.errors import InvalidInput
from schema.models import Claim, Entity, Source


@dataclass(frozen=True)
class RecordError:
    """One bad record: where it is and what is wrong with which field."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        return f"{where}: {self.field or '(record)'}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "field": self.field, "message": self.message}


@dataclass
class Parsed:
    """A loader's output. ``rejects`` non-empty means: write nothing (curated) or report them."""

    entities: list[Entity] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    rejects: list[RecordError] = field(default_factory=list)
    # ids the input refers to but does not define: they must already be in the graph
    external_refs: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    # every file the loader read (inputs and the text files they name): the run's input digest
    inputs: list[Path] = field(default_factory=list)

    def extend(self, other: Parsed) -> None:
        self.entities.extend(other.entities)
        self.sources.extend(other.sources)
        self.claims.extend(other.claims)
        self.rejects.extend(other.rejects)
        self.external_refs |= other.external_refs
        self.notes.extend(other.notes)
        self.inputs.extend(other.inputs)

    def raise_for_rejects(self) -> None:
        if self.rejects:
            first = self.rejects[0]
            more = f" (and {len(self.rejects) - 1} more)" if len(self.rejects) > 1 else ""
            raise InvalidInput(str(first) + more, [r.as_dict() for r in self.rejects])


def input_digest(files: Iterable[Path]) -> str:
    """sha256 over the names and bytes of every file a load read."""
    h = hashlib.sha256()
    for f in sorted(set(files)):
        h.update(f.name.encode())
        with f.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()


def validation_errors(
    exc: ValidationError,
    file: Path | str,
    line_of: dict[str, int] | None = None,
    default_line: int | None = None,
    prefix: str = "",
) -> list[RecordError]:
    """Turn a pydantic ValidationError into RecordErrors naming each field (and its line)."""
    out: list[RecordError] = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        name = ".".join(loc) if loc else None
        line = default_line
        if line_of and loc:
            line = line_of.get(loc[0], default_line)
        msg = str(err.get("msg", "invalid"))
        msg = msg.removeprefix("Value error, ")
        out.append(RecordError(str(file), line, (prefix + name) if name else prefix or None, msg))
    return out
