"""What the streaming OFAC loader must remember across the SDN file, on disk (SQLite in a temp dir).

The joins of :mod:`loaders.ofac` need more than one row at a time: the rows of ``add.csv``,
``alt.csv`` and ``sdn_comments.csv`` by ``ent_num`` (read before the SDN file, looked up a batch of
SDN rows at a time), the ent_nums already read (a second row of one is refused), the SDN names
(``Linked To: NAME`` is resolved against every row of the file) and the ``Linked To`` mentions
themselves (resolved after the last row). Held in memory they grow with the files; here memory
holds one batch of them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from schema.models import Citation

from .csvfile import Record, split_record

Mention = tuple[str, tuple[str, ...], tuple[Citation, ...], int, str]  # subject, names, citations, line, ent_num


def _chunks(values: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    wanted = sorted(set(values))
    for i in range(0, len(wanted), size):
        yield wanted[i : i + size]


class OfacIndex:
    def __init__(self, directory: str) -> None:
        self.db = sqlite3.connect(Path(directory) / "ofac-index.sqlite3")
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-8000;"
            "CREATE TABLE aux (kind TEXT NOT NULL, ent_num TEXT NOT NULL, line INTEGER NOT NULL, text TEXT NOT NULL);"
            "CREATE INDEX aux_by_ent_num ON aux (kind, ent_num);"
            "CREATE TABLE sdn (ent_num TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID;"
            "CREATE TABLE names (name TEXT NOT NULL, id TEXT NOT NULL);"
            "CREATE INDEX names_by_name ON names (name);"
            "CREATE TABLE mentions (subject TEXT, names TEXT, citations TEXT, line INTEGER, ent_num TEXT);"
        )

    # -- the auxiliary files ------------------------------------------------------------------

    def add_aux(self, kind: str, records: Iterable[Record]) -> None:
        rows = ((kind, r.values[0].strip(), r.line, r.text) for r in records)
        self.db.executemany("INSERT INTO aux VALUES (?, ?, ?, ?)", rows)
        self.db.commit()

    def aux(self, kind: str, ent_nums: Iterable[str]) -> dict[str, list[Record]]:
        """The rows of one file for these ent_nums, each ent_num's in file order."""
        found: dict[str, list[tuple[int, Record]]] = {}
        for chunk in _chunks(ent_nums):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT rowid, ent_num, line, text FROM aux WHERE kind = ? AND ent_num IN ({marks})"
            for rowid, ent_num, line, text in self.db.execute(query, [kind, *chunk]):
                cells = split_record(text, ",")
                assert cells is not None, (kind, line)  # it was split when it was read
                found.setdefault(ent_num, []).append((rowid, Record(line, text, cells)))
        return {k: [r for _, r in sorted(v, key=lambda x: x[0])] for k, v in found.items()}

    def orphans(self, kind: str) -> Iterator[tuple[str, int]]:
        """(ent_num, line) of the rows of one file whose ent_num no SDN row has: grouped by ent_num
        in the order they first appear, each group in file order."""
        yield from self.db.execute(
            "SELECT a.ent_num, a.line FROM aux a "
            "JOIN (SELECT ent_num, min(rowid) AS first FROM aux WHERE kind = ?1 GROUP BY ent_num) g "
            "ON g.ent_num = a.ent_num "
            "WHERE a.kind = ?1 AND NOT EXISTS (SELECT 1 FROM sdn s WHERE s.ent_num = a.ent_num) "
            "ORDER BY g.first, a.rowid",
            (kind,),
        )

    # -- the SDN rows -------------------------------------------------------------------------

    def seen(self, ent_num: str) -> int | None:
        """The line of the SDN row that had this ent_num already."""
        row = self.db.execute("SELECT line FROM sdn WHERE ent_num = ?", (ent_num,)).fetchone()
        return None if row is None else int(row[0])

    def mark_seen(self, ent_num: str, line: int) -> None:
        self.db.execute("INSERT INTO sdn VALUES (?, ?)", (ent_num, line))

    def add_name(self, name: str, entity_id: str) -> None:
        self.db.execute("INSERT INTO names VALUES (?, ?)", (name, entity_id))

    def ids_named(self, names: Iterable[str]) -> dict[str, list[str]]:
        """Each name's entity ids, in the order of their rows."""
        found: dict[str, list[tuple[int, str]]] = {}
        for chunk in _chunks(names):
            marks = ",".join("?" * len(chunk))
            for rowid, name, eid in self.db.execute(
                f"SELECT rowid, name, id FROM names WHERE name IN ({marks})", chunk
            ):
                found.setdefault(name, []).append((rowid, eid))
        return {k: [eid for _, eid in sorted(v)] for k, v in found.items()}

    # -- the Linked To mentions ---------------------------------------------------------------

    def add_mentions(self, mentions: Iterable[Mention]) -> None:
        rows = (
            (subject, json.dumps(names), json.dumps([[c.source, c.quote, c.start, c.end] for c in cites]), line, ent)
            for subject, names, cites, line, ent in mentions
        )
        self.db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)", rows)

    def mentions(self, size: int) -> Iterator[list[Mention]]:
        """The mentions in the order they were added, ``size`` at a time."""
        self.db.commit()
        cursor = self.db.execute("SELECT subject, names, citations, line, ent_num FROM mentions ORDER BY rowid")
        while rows := cursor.fetchmany(size):
            yield [
                (
                    subject,
                    tuple(json.loads(names)),
                    tuple(Citation(source=s, quote=q, start=a, end=b) for s, q, a, b in json.loads(cites)),
                    line,
                    ent_num,
                )
                for subject, names, cites, line, ent_num in rows
            ]

    def close(self) -> None:
        self.db.close()
