"""``regkg extract ARTICLE.txt --meta meta.yaml > draft.yaml``: candidate claims for review.

With ``REGKG_EXTRACT_LLM_URL`` set (or ``--llm``) a language model's checked proposals join the
rules'; the ones the checks refused are printed to stderr with their reasons. ``--no-llm`` keeps
the extractor offline whatever the settings say."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from config import Settings
from extract import MAX_CHARS, ArticleMeta, LlmBackend, load_meta, propose
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
    llm: Annotated[
        bool | None,
        typer.Option(
            "--llm/--no-llm",
            help="also ask the language model at REGKG_EXTRACT_LLM_URL (default: when that is set)",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Propose claims with exact quotes; review the YAML, then `regkg load curated` it."""
    try:
        settings = Settings()
        backend = LlmBackend.from_settings(settings) if llm is not False else None
        if llm and backend is None:
            raise InvalidInput("--llm needs REGKG_EXTRACT_LLM_URL: the OpenAI-compatible endpoint to ask")
        known: list[Entity] = []
        if use_graph:
            with Graph.connect(settings) as graph:
                graph.verify()
                known = [Entity.model_validate(e) for e in reads.gazetteer(graph)]
        raw = read_article(text)
        info = load_meta(meta) if meta is not None else ArticleMeta()
        try:
            proposal = propose(raw, info, known, llm=backend)
        except InvalidInput as exc:
            raise InvalidInput(f"{text}: {exc.message}", exc.details) from None
    except RegkgError as exc:
        raise fail(exc) from exc
    parsed = proposal.parsed
    for note in parsed.notes:
        if note.startswith("language model "):
            err.print(note, markup=False, highlight=False)
    for rejected in proposal.rejected:
        err.print(f"rejected: {json.dumps(rejected.proposal, ensure_ascii=False)}", markup=False, highlight=False)
        err.print(f"  reason: {rejected.reason}", markup=False, highlight=False)
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
