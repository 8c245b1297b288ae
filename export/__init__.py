"""The fact graph as files: FollowTheMoney (:mod:`.ftm`), GraphML and GEXF (:mod:`.network`), CSV
and neo4j-admin import tables (:mod:`.tables`). Pure: the writers read the fact graph as plain
dicts a page at a time (``graph.export.paged`` reads each page from Neo4j when it is needed) and
yield ``bytes`` chunks as they go, so the API streams them and the CLI writes them to a file
without either holding the graph.
"""

from __future__ import annotations

from collections.abc import Iterator

from .ftm import ftm
from .model import Exportable, ExportFormat, FactGraphLike, PagedLike
from .network import gexf, graphml
from .tables import table_files, tables, zipped


def stream(fg: Exportable, fmt: ExportFormat) -> Iterator[bytes]:
    """The export as bytes chunks (table formats as one zip)."""
    if fmt is ExportFormat.GRAPHML:
        yield from graphml(fg)
    elif fmt is ExportFormat.GEXF:
        yield from gexf(fg)
    elif fmt is ExportFormat.FTM:
        yield from ftm(fg)
    else:
        yield from zipped(table_files(fg, fmt))


__all__ = ["ExportFormat", "Exportable", "FactGraphLike", "PagedLike", "stream", "table_files", "tables"]
