"""``regkg extract ARTICLE.txt --meta meta.yaml > draft.yaml``: candidate claims for review."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from config import Settings
from graph import reads
from graph.database import Graph
from loaders import article
from schema.errors import RegkgError
from schema.models import Entity

from .console import err, fail


def extract(
    text: Annotated[Path, typer.Argument(help="the article as plain UTF-8 text")],
    meta: Annotated[
        Path | None, typer.Option("--meta", help="YAML: url, title, publisher, author, published_at")
    ] = None,
    use_graph: Annotated[
        bool, typer.Option("--graph/--no-graph", help="use the graph's entities as the gazetteer")
    ] = True,
) -> None:
    """Propose claims with exact quotes; review the YAML, then `regkg load curated` it."""
    try:
        known: list[Entity] = []
        if use_graph:
            with Graph.connect(Settings()) as graph:
                graph.verify()
                known = [Entity.model_validate(e) for e in reads.gazetteer(graph)]
        parsed = article.extract_file(text, meta, known)
    except RegkgError as exc:
        raise fail(exc) from exc
    err.print(f"{len(parsed.claims)} candidate claims, {len(parsed.entities)} entities from {text}")
    rel = text.name  # the draft sits next to the article: its text_file is relative
    typer.echo(article.dump_curated(parsed, rel), nl=False)
