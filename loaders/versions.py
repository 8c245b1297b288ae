"""List versions: what a complete version of a list no longer holds, and what comes back.

A load given ``--version-date D`` declares its input the *complete* list(s) as of ``D`` (the
date of the list version: from the file's own metadata, or said by the user). Compared with what
earlier versions of the same series held (the same loader, the same lists), every listing the
version no longer holds **ends** on ``D`` and every listing that had ended and is held again
**returns** on ``D``. Nothing is deleted: each end or return is a claim of its own
(``listed-on`` / ``sanctioned-by`` with ``valid_to`` or ``valid_from`` = ``D`` and the
qualifier ``absent_from_version`` or ``present_again_in_version``), quoting a line of one
``dataset`` Source that regkg writes for the comparison (publisher ``regkg``, derived from the
version's files) — the absence of a row cannot be quoted from the file that lacks it.

This module is pure: the graph layer says what earlier versions held (:class:`Held`); the
command line puts the two together into one load, so a version and its ends are written in one
load run, or not at all.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from schema.models import Citation, Claim, Source
from schema.ontology import VERSION_ENDED as ENDED
from schema.ontology import VERSION_RETURNED as RETURNED
from schema.ontology import VERSIONED, Method, Predicate

from .base import Parsed

Key = tuple[str, Predicate, str]  # (subject id, predicate, object id)


@dataclass(frozen=True)
class Held:
    """A listing an earlier version of the series held, and its latest end and return, if any."""

    subject: str
    predicate: Predicate
    object: str
    ended: str | None = None
    returned: str | None = None

    @property
    def key(self) -> Key:
        return (self.subject, self.predicate, self.object)


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_names(paths: Iterable[Path]) -> str | None:
    """The one day the files' names carry (``sdn-2023-09-28.csv``, ``entities-20240102.ftm.json``),
    or None when they carry none, or disagree."""
    days: set[str] = set()
    for path in paths:
        for y, m, d in _NAME_DATE.findall(path.name):
            try:
                days.add(date(int(y), int(m), int(d)).isoformat())
            except ValueError:
                continue
    return days.pop() if len(days) == 1 else None


def date_sources(parsed: Parsed, day: str, keep_own: bool = False) -> None:
    """Date a version's own sources: its files are published on ``day`` (unless they say
    otherwise), and its files and every record derived from them were seen in it (``first_seen``
    and ``last_seen``; the writer keeps the earliest and the latest over versions). ``keep_own``:
    a record that says when it was first and last seen (an FtM export's) keeps what it says."""
    own = {s.id for s in parsed.sources if s.kind == "file"}
    grew = True
    while grew:  # records derive from a file directly or through a dataset or list Source
        before = len(own)
        own |= {s.id for s in parsed.sources if own.intersection(s.derived_from)}
        grew = len(own) > before
    parsed.sources[:] = [
        s.model_copy(
            update={
                "first_seen": s.first_seen if keep_own and s.first_seen else day,
                "last_seen": s.last_seen if keep_own and s.last_seen else day,
                **({"published_at": day} if s.kind == "file" and not s.published_at else {}),
            }
        )
        if s.id in own
        else s
        for s in parsed.sources
    ]


def listings(parsed: Parsed) -> set[Key]:
    """The listings a version holds: its listed-on and sanctioned-by claims."""
    return {(c.subject, c.predicate, c.object) for c in parsed.claims if c.predicate in VERSIONED}


def scope(parsed: Parsed) -> set[tuple[Predicate, str]]:
    """What a version is a complete list of: each (predicate, list or authority) it names."""
    return {(c.predicate, c.object) for c in parsed.claims if c.predicate in VERSIONED}


def compare(
    series: str, version_date: str, files: Iterable[str], present: set[Key], held: Iterable[Held]
) -> tuple[Parsed, int, int]:
    """The ends and returns of version ``version_date`` of ``series`` as one Source and its
    claims, with how many listings ended and returned. ``held``: what earlier versions held
    (of this version's scope only); ``files``: the ids of the version's file Sources."""
    ended: list[Held] = []
    returned: list[Held] = []
    for h in sorted(held, key=lambda h: h.key):
        if h.key not in present and _open(h):
            ended.append(h)
        elif h.key in present and not _open(h) and (h.ended or "") < version_date:
            returned.append(h)
    parsed = Parsed()
    if not ended and not returned:
        return parsed, 0, 0
    lines = [f"{h.subject} {h.predicate.value} {h.object}: absent from {series} version {version_date}" for h in ended]
    lines += [
        f"{h.subject} {h.predicate.value} {h.object}: present again in {series} version {version_date}"
        for h in returned
    ]
    text = "\n".join(lines) + "\n"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    source = Source(
        id=f"source:version-{sha[:16]}",
        title=f"{series} version {version_date} compared with the earlier ones: "
        f"{len(ended)} listing(s) ended, {len(returned)} returned",
        kind="dataset",
        publisher="regkg",
        published_at=version_date,
        text=text,
        derived_from=tuple(dict.fromkeys(files)),
    )
    parsed.sources.append(source)
    start = 0
    for i, (h, line) in enumerate(zip([*ended, *returned], lines, strict=True)):
        end = i < len(ended)
        parsed.claims.append(
            Claim(
                subject=h.subject,
                predicate=h.predicate,
                object=h.object,
                valid_to=version_date if end else None,
                valid_from=None if end else version_date,
                qualifiers={ENDED if end else RETURNED: version_date, "series": series},
                method=Method.IMPORTED,
                citations=(Citation(source=source.id, quote=line, start=start, end=start + len(line)),),
            )
        )
        start += len(line) + 1
    return parsed, len(ended), len(returned)


def _open(h: Held) -> bool:
    """Whether the listing is in force after its last end or return."""
    if h.ended is None:
        return True
    return bool(h.returned and h.returned > h.ended)
