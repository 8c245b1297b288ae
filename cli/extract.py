"""``regkg extract ARTICLE.txt --meta meta.yaml > draft.yaml``: candidate claims for review."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from config import Settings
from extract import MAX_CHARS, ArticleMeta, load_meta, propose
from graph import reads
from graph.database import Graph
from schema.errors import InvalidInput, RegkgError
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
        raw = read_article(text)
        info = load_meta(meta) if meta is not None else ArticleMeta()
        try:
            proposal = propose(raw, info, known)
        except InvalidInput as exc:
            raise InvalidInput(f"{text}: {exc.message}", exc.details) from None
    except RegkgError as exc:
        raise fail(exc) from exc
    parsed = proposal.parsed
    err.print(f"{len(parsed.claims)} candidate claims, {len(parsed.entities)} entities from {text}")
    rel = text.name  # the draft sits next to the article: its text_file is relative
    typer.echo(proposal.curated_yaml(rel), nl=False)


def read_article(path: Path) -> bytes:
    """The article's bytes; InvalidInput if it cannot be read or cannot be an article (over
    4 bytes a character of the extractor's limit)."""
    try:
        size = path.stat().st_size
        if size > MAX_CHARS * 4:
            raise InvalidInput(f"{path}: {size} bytes is too large for an article")
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read: {exc.strerror}") from None
