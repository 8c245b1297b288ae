"""``regkg export``: the fact graph to a file (or, for CSV formats, a directory)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from config import Settings
from export import ExportFormat, stream, tables
from graph import export as graph_export
from graph.database import Graph
from schema.errors import RegkgError

from .console import fail, out


def export(
    out_path: Annotated[Path, typer.Argument(metavar="OUT", help="output file (a directory for csv/neo4j-import)")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="file format")] = ExportFormat.GRAPHML,  # noqa: A002
    entity: Annotated[str | None, typer.Option(help="only the neighbourhood of this entity id")] = None,
    hops: Annotated[int, typer.Option(min=1, max=graph_export.MAX_HOPS, help="neighbourhood radius in fact edges")] = 1,
) -> None:
    """Export the fact graph as FollowTheMoney, GraphML, GEXF, CSV or neo4j-admin import CSVs."""
    try:
        with Graph.connect(Settings()) as graph:
            fg = graph_export.fact_graph(graph, entity, hops)
    except RegkgError as exc:
        raise fail(exc) from exc
    if format.is_table:
        out_path.mkdir(parents=True, exist_ok=True)
        for name, data in tables(fg, format).items():
            (out_path / name).write_bytes(data)
    else:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with out_path.open("wb") as fh:
            for chunk in stream(fg, format):
                fh.write(chunk)
    out.print(f"exported {len(fg.entities)} entities and {len(fg.facts)} facts as {format} to {out_path}")
