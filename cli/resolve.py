"""``regkg resolve [--apply]``: same-entity decisions over the graph, recorded as same-as claims.

Reads the entities of the chosen types, the facts that make two of them distinct by definition
(subsidiary-of, owns, part-of, linked-to) and the same-as facts already recorded; prints every
candidate pair with its verdict (:func:`loaders.resolve.decide`). With ``--apply`` the merged
decisions are written — one decisions Source and one ``same-as`` claim each, through a LoadRun
like any load. Unsure pairs are only printed. Nothing is merged physically, and a second run
finds the pairs recorded and writes nothing.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from graph import ingest, lookup
from graph.database import Graph
from loaders import resolve as resolution
from schema.ontology import EntityType, Predicate

from .console import out
from .load import _progress, _run, _summary

_STYLE = {"merged": "green", "unsure": "yellow", "distinct": "cyan", "recorded": "dim"}
_MEANING = {
    "merged": "to record as same-as",
    "unsure": "needs review; never applied",
    "distinct": "the graph says they are two",
    "recorded": "already recorded",
}


def resolve(
    apply: Annotated[bool, typer.Option("--apply", help="record each merged pair as a same-as claim")] = False,
    types: Annotated[
        list[EntityType] | None,
        typer.Option("--type", help="entity types to compare (repeatable; default Firm and Organization)"),
    ] = None,
) -> None:
    """Propose same-entity pairs; with --apply, record the merges as same-as claims."""
    chosen = types or [EntityType.FIRM, EntityType.ORGANIZATION]

    def work(graph: Graph) -> None:
        entities = lookup.entities_by_type(graph, chosen)
        related = lookup.linked_pairs(graph, lookup.DISTINCT_BY, chosen)
        recorded = lookup.linked_pairs(graph, [Predicate.SAME_AS], chosen)
        decisions = resolution.decide(entities, related, recorded.keys())
        out.print(f"resolve: {len(entities)} entities compared ({', '.join(t.value for t in chosen)})")
        for verdict in ("merged", "unsure", "distinct", "recorded"):
            some = [d for d in decisions if d.verdict == verdict]
            if some:
                out.print(f"[bold {_STYLE[verdict]}]{verdict}[/] ({len(some)}: {_MEANING[verdict]})")
            for d in some:
                out.print(f"  {escape(d.line)}", highlight=False)
        parsed = resolution.records(decisions)
        if not parsed.claims:
            out.print("nothing new to record")
            return
        if not apply:
            out.print(f"{len(parsed.claims)} same-as decision(s) not recorded: run with --apply to record them")
            return
        source = parsed.sources[0]
        with _progress("resolve", len(parsed.sources) + len(parsed.claims)) as advance:
            report = ingest.ingest(
                graph,
                parsed,
                loader="resolve",
                inputs=[source.id],
                input_sha256=source.sha256 or "",
                on_progress=advance,
            )
        _summary(report, 0)
        out.print(f"decisions recorded in {source.id}")

    _run(work)
