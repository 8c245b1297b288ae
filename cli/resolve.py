"""``regkg resolve``: same-entity decisions over the graph, recorded as claims, applied as clusters.

``regkg resolve [--apply]`` reads the entities of the chosen types, the facts that make two of them
distinct by definition (subsidiary-of, owns, part-of, linked-to) and the decisions already
recorded; prints every candidate pair with its verdict (:func:`loaders.resolve.decide`). With
``--apply`` the merged pairs are written as ``same-as`` claims and the unsure ones as
``possibly-same-as`` (the review queue) — one decisions Source, through a LoadRun like any load —
and the clusters are recomputed (:mod:`graph.clusters`): a cluster answers as one entity. A second
run finds the pairs recorded and writes nothing.

``regkg resolve list [--status merged|undone|unsure]``, ``regkg resolve review`` (the unsure
ones), ``regkg resolve merge A B --reason …`` and ``regkg resolve undo A B --reason …`` (a
decision of one's own, recorded with who and why; undoing restores separate answers at once).
"""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from typing import Annotated, Literal

import typer
from rich.markup import escape
from rich.table import Table

from graph import clusters, decisions, ingest, lookup
from graph.database import Graph
from loaders import resolve as resolution
from schema.ontology import DISTINCT_BY, EntityType, Predicate

from .console import out
from .load import _progress, _run, _summary

resolve_app = typer.Typer(help="Entity resolution: propose, record, list, review, merge and undo same-as decisions.")

_STYLE = {"merged": "green", "unsure": "yellow", "distinct": "cyan", "recorded": "dim"}
_MEANING = {
    "merged": "to record as same-as",
    "unsure": "to record as possibly-same-as, for review; never merged",
    "distinct": "the graph says they are two",
    "recorded": "already recorded",
}
TypesOpt = Annotated[
    list[EntityType] | None,
    typer.Option("--type", help="entity types to compare (repeatable; default Firm, Organization and Person)"),
]


@resolve_app.callback(invoke_without_command=True)
def resolve(
    ctx: typer.Context,
    apply: Annotated[bool, typer.Option("--apply", help="record the decisions and apply them")] = False,
    types: TypesOpt = None,
) -> None:
    """Propose same-entity pairs; with --apply, record them and merge the clusters."""
    if ctx.invoked_subcommand is None:
        run_resolution(apply, types)


def run_resolution(apply: bool, types: list[EntityType] | None = None) -> None:
    """``regkg resolve [--apply]`` (also run by ``regkg demo``)."""
    chosen = types or [EntityType.FIRM, EntityType.ORGANIZATION, EntityType.PERSON]

    def work(graph: Graph) -> None:
        entities = lookup.entities_by_type(graph, chosen)
        related = lookup.linked_pairs(graph, DISTINCT_BY, chosen)
        recorded = lookup.linked_pairs(graph, [Predicate.SAME_AS, Predicate.POSSIBLY_SAME_AS], chosen)
        canonical = lookup.cluster_members(graph, chosen)
        found = resolution.decide(entities, related, recorded.keys(), canonical)
        out.print(f"resolve: {len(entities)} entities compared ({', '.join(t.value for t in chosen)})")
        for verdict in ("merged", "unsure", "distinct", "recorded"):
            some = [d for d in found if d.verdict == verdict]
            if some:
                out.print(f"[bold {_STYLE[verdict]}]{verdict}[/] ({len(some)}: {_MEANING[verdict]})")
            for d in some:
                out.print(f"  {escape(d.line)}", highlight=False)
        parsed = resolution.records(found, decided_at=datetime.now(UTC).isoformat(timespec="seconds"))
        if not apply:
            if parsed.claims:
                out.print(f"{len(parsed.claims)} decision(s) not recorded: run with --apply to record them")
            return
        if parsed.claims:
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
        else:
            out.print("nothing new to record")
        # every recorded pair, so an interrupted earlier run is completed too (a no-op otherwise)
        ids = {i for pair in recorded for i in pair} | {i for c in parsed.claims for i in (c.subject, c.object)}
        moved = clusters.recluster(graph, ids)
        if parsed.claims and report.run_id:
            ingest.after_run(graph, report.run_id)
        out.print(
            f"clusters: {moved.clusters} of two or more; {moved.moved} id(s) moved, {moved.facts} fact(s) rebuilt"
        )

    _run(work)


@resolve_app.command("list")
def list_decisions(
    status: Annotated[str | None, typer.Option(help="merged, undone or unsure")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 100,
) -> None:
    """The recorded decisions, newest first."""
    if status not in (None, "merged", "undone", "unsure"):
        raise typer.BadParameter("status is one of merged, undone, unsure", param_hint="--status")

    def work(graph: Graph) -> None:
        page = decisions.resolutions(graph, status, limit)  # type: ignore[arg-type]
        table = Table(title=f"{page['total']} decision(s)")
        for col in ("status", "subject", "object", "score", "decided", "reason"):
            table.add_column(col)
        for item in page["items"]:
            table.add_row(
                item["status"], item["subject"], item["object"], str(item["score"] or ""),
                item["decided_at"] or "", escape(item["reason"] or ""),
            )  # fmt: skip
        out.print(table)

    _run(work)


@resolve_app.command("review")
def review(limit: Annotated[int, typer.Option(min=1, max=10_000)] = 100) -> None:
    """The review queue: pairs recorded as possibly the same, never merged."""
    list_decisions(status="unsure", limit=limit)


def _decide(a: str, b: str, action: Literal["merge", "undo"], reason: str) -> None:
    def work(graph: Graph) -> None:
        done, moved = decisions.decide(graph, a, b, action, reason, by=getpass.getuser())
        out.print(f"{done['subject']} same-as {done['object']}: {done['status']} at {done['decided_at']}")
        out.print(f"clusters: {moved.moved} id(s) moved, {moved.facts} fact(s) rebuilt")

    _run(work)


ReasonOpt = Annotated[str, typer.Option("--reason", help="why (recorded with the decision)")]


@resolve_app.command("merge")
def merge(a: str, b: str, reason: ReasonOpt) -> None:
    """Record that A and B are one entity (e.g. after reviewing an unsure pair)."""
    _decide(a, b, "merge", reason)


@resolve_app.command("undo")
def undo(a: str, b: str, reason: ReasonOpt) -> None:
    """Undo the merge of A and B: they answer separately again."""
    _decide(a, b, "undo", reason)
