"""The fact graph as files: FollowTheMoney (:mod:`.ftm`), GraphML and GEXF (:mod:`.network`), CSV
and neo4j-admin import tables (:mod:`.tables`). Pure: the writers read a fact graph of plain dicts
(``graph.export.fact_graph`` reads it from Neo4j) and yield ``bytes`` chunks, so the API can stream
them and the CLI write them to a file.
"""

from __future__ import annotations

from collections.abc import Iterator

from .ftm import ftm
from .model import ExportFormat, FactGraphLike
from .network import gexf, graphml
from .tables import tables, zipped


def stream(fg: FactGraphLike, fmt: ExportFormat) -> Iterator[bytes]:
    """The export as bytes chunks (table formats as one zip)."""
    if fmt is ExportFormat.GRAPHML:
        yield from graphml(fg)
    elif fmt is ExportFormat.GEXF:
        yield from gexf(fg)
    elif fmt is ExportFormat.FTM:
        yield from ftm(fg)
    else:
        yield zipped(tables(fg, fmt))


__all__ = ["ExportFormat", "FactGraphLike", "stream", "tables"]
