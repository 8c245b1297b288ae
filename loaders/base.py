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
    # the record an entity comes from, where the loader name alone does not say it
    # ("curated:seed.yaml"); and where it is defined ("FILE:LINE: FIELD") for error messages
    origins: dict[str, str] = field(default_factory=dict)
    locations: dict[str, str] = field(default_factory=dict)


def input_digest(files: Iterable[Path]) -> str:
    """sha256 over the names and bytes of every file a load read (each length-prefixed, so a name
    cannot run into its content)."""
    h = hashlib.sha256()
    for f in sorted(set(files)):
        name = f.name.encode()
        h.update(len(name).to_bytes(8, "big") + name + f.stat().st_size.to_bytes(8, "big"))
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
        out.append(RecordError(str(file), line, (prefix + name) if name else prefix.rstrip(".") or None, msg))
    return out
