"""``regkg export``: the fact graph to a file (or, for CSV formats, a directory), written as it is
read: a page of the graph at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from config import Settings
from export import ExportFormat, stream, table_files
from graph import export as graph_export
from graph.database import Graph
from schema.errors import RegkgError

from .console import fail, out


def write_export(graph: Graph, fmt: ExportFormat, out_path: Path, entity: str | None, hops: int) -> tuple[int, int]:
    """Write the export; return how many entities and facts it holds."""
    fg = graph_export.paged(graph, entity, hops)
    if fmt.is_table:
        out_path.mkdir(parents=True, exist_ok=True)
        for name, chunks in table_files(fg, fmt):
            with (out_path / name).open("wb") as fh:
                for chunk in chunks():
                    fh.write(chunk)
    else:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with out_path.open("wb") as fh:
            for chunk in stream(fg, fmt):
                fh.write(chunk)
    return fg.entities_read, fg.facts_read


def export(
    out_path: Annotated[Path, typer.Argument(metavar="OUT", help="output file (a directory for csv/neo4j-import)")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="file format")] = ExportFormat.GRAPHML,  # noqa: A002
    entity: Annotated[str | None, typer.Option(help="only the neighbourhood of this entity id")] = None,
    hops: Annotated[int, typer.Option(min=1, max=graph_export.MAX_HOPS, help="neighbourhood radius in fact edges")] = 1,
) -> None:
    """Export the fact graph as FollowTheMoney, GraphML, GEXF, CSV or neo4j-admin import CSVs."""
    try:
        with Graph.connect(Settings()) as graph:
            entities, facts = write_export(graph, format, out_path, entity, hops)
    except RegkgError as exc:
        raise fail(exc) from exc
    out.print(f"exported {entities} entities and {facts} facts as {format} to {out_path}")
