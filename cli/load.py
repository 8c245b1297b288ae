"""``regkg load …``: read a source with its loader, report rejects, write through graph.ingest.

Two policies: ``curated`` is all or nothing (any reject: exit 1, nothing written); the list
loaders (``csl``, ``ofac``, ``fcc``, ``ftm``) are lenient — every valid record is written, each
reject is printed with file, line and reason, and the exit code is 0 unless ``--strict`` is
given (then any reject: exit 1 and nothing written: the files are read once to validate them,
then again to write them).

The list loaders stream: their files are read in batches of ``--batch-size`` records, each batch
written (``graph.ingest.ingest_stream``, one load run) before the next is read, so memory does not
grow with the files. A list version (``--version-date``) streams too: each batch's records that
differ from the version before are written (``loaders.units.Refresh.stream``), then its ends and
returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from config import Settings
from graph import ingest, lookup, manifests, versions
from graph.database import Graph
from loaders import csl, curated, fcc, ofac, units
from loaders import versions as list_versions
from loaders.base import Parsed, input_digest
from schema.dates import partial_date
from schema.errors import RegkgError
from schema.ontology import Predicate

from .console import err, fail, out

load_app = typer.Typer(help="Load data into the graph.", no_args_is_help=True)

BatchOpt = Annotated[int, typer.Option("--batch-size", min=1, max=100_000, help="records per transaction")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="validate only, write nothing")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="any reject: exit 1 and write nothing")]
ExistingFile = Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)]
VersionOpt = Annotated[
    str | None,
    typer.Option(
        "--version-date",
        help="the input is the complete list as of this date (YYYY-MM-DD, or 'file': the date its file "
        "names carry, e.g. sdn-2023-09-28.csv): listings that earlier versions held and this one lacks end "
        "on it, and ended ones it holds again return",
    ),
]
RereadOpt = Annotated[
    bool,
    typer.Option(
        "--reread",
        help="with --version-date: send every record of the version to the writer, not only those that differ "
        "from the version before (its manifest is not read; the writer still skips what the graph holds)",
    ),
]


def _version_day(version_date: str, parsed: Parsed) -> str:
    """The version's day: the one given, or (``file``) the one the input files' names agree on."""
    if version_date == "file":
        day = list_versions.date_in_names(parsed.inputs)
        if day is None:
            names = ", ".join(p.name for p in parsed.inputs)
            raise typer.BadParameter(f"no one date in the file name(s) {names}; give it", param_hint="--version-date")
        return day
    try:
        day = partial_date(version_date)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--version-date") from None
    if day is None or len(day) != 10:
        raise typer.BadParameter("a day, YYYY-MM-DD, or 'file'", param_hint="--version-date")
    return day


def _versioned(graph: Graph, loader: str, refresh: units.Refresh, run_id: str | None) -> None:
    """After a version's run: the sources its kept records hold seen on its day; its manifest saved."""
    seen = manifests.seen_again(graph, refresh.kept_seen, refresh.day)
    manifests.derived_again(graph, refresh.kept_linked, refresh.files)
    if run_id is not None:
        blob = refresh.manifest.encode()
        manifests.save(graph, loader, refresh.day, run_id, len(refresh.manifest.fingerprints), blob)
    if seen:
        out.print(f"{seen} source(s) seen again in version {refresh.day}")


def _print_rejects(parsed: Parsed, limit: int | None = None) -> None:
    shown = parsed.rejects if limit is None else parsed.rejects[:limit]
    for r in shown:
        err.print(f"[red]reject[/] {escape(str(r))}", highlight=False)
    if len(shown) < len(parsed.rejects):
        err.print(f"… and {len(parsed.rejects) - len(shown)} more rejects")


def _print_notes(parsed: Parsed) -> None:
    for note in parsed.notes:
        out.print(f"[dim]note[/] {escape(note)}", highlight=False)


@contextmanager
def _progress(loader: str, total: int | None) -> Iterator[Callable[[str, int], None]]:
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=out,
        transient=True,
    ) as progress:
        task = progress.add_task(f"loading {loader}", total=total)
        yield lambda _kind, n: progress.advance(task, n)


def _summary(report: ingest.IngestReport, rejected: int) -> None:
    table = Table(title=f"load run {report.run_id}" + (" (re-confirmed)" if report.reconfirmed else ""))
    for col in ("", "created", "updated", "unchanged"):
        table.add_column(col, justify="right" if col else "left")
    for kind in ("entities", "sources", "claims"):
        t = getattr(report.counts, kind)
        table.add_row(kind, str(t.created), str(t.updated), str(t.unchanged))
    table.add_row("rejected", str(rejected), "", "")
    out.print(table)
    out.print(f"fact edges refreshed: {report.counts.facts}")


def _ingest(loader: str, parsed: Parsed, dry_run: bool, graph: Graph, batch_size: int) -> None:
    """A curated load, all or nothing: any reject → exit 1, nothing written. Otherwise (unless
    dry-run) written with a progress bar, and a summary printed."""
    _print_rejects(parsed, limit=50)
    _print_notes(parsed)
    out.print(
        f"{loader}: {len(parsed.entities)} entities, {len(parsed.sources)} sources, "
        f"{len(parsed.claims)} claims read; {len(parsed.rejects)} rejected"
    )
    if parsed.rejects:
        err.print("[bold red]nothing written:[/] a curated load is all or nothing")
        raise typer.Exit(code=1)
    if dry_run:
        ingest.preflight(graph, parsed, loader)
        out.print("dry run: valid; nothing written")
        raise typer.Exit(code=0)
    total = len(parsed.entities) + len(parsed.sources) + len(parsed.claims)
    with _progress(loader, total) as advance:
        report = ingest.ingest(
            graph,
            parsed,
            loader=loader,
            inputs=[str(p) for p in parsed.inputs],
            input_sha256=input_digest(parsed.inputs),
            batch_size=batch_size,
            on_progress=advance,
        )
    _summary(report, len(parsed.rejects))


def _stream(
    loader: str,
    batches: Callable[[], Iterable[Parsed]],
    inputs: list[Path],
    graph: Graph,
    batch_size: int,
    *,
    dry_run: bool,
    strict: bool,
    version_date: str | None,
    reread: bool,
) -> None:
    """A list load, streamed (``batches()`` reads the files anew each time it is called): rejects
    and notes printed as they are read, every batch written before the next is read, one load run.

    ``--strict`` and ``--dry-run`` read the files once first without writing (a dry run checks
    each batch's references and identities against the graph, keeping the ids of the batches before
    it: nothing wrote them); with ``--strict`` any reject then ends it, nothing written.
    ``version_date``: the input is that version of the list (:func:`_versions`).
    """
    day = _version_day(version_date, Parsed(inputs=inputs)) if version_date is not None else None
    if dry_run or strict:
        defined: set[str] = set()
        read = _Tally()
        for batch in batches():
            _print_rejects(batch)
            _print_notes(batch)
            read.add(batch)
            if dry_run:
                ingest.preflight(graph, batch, loader, defined=defined)
                defined.update([*(e.id for e in batch.entities), *(s.id for s in batch.sources)])
        out.print(read.line(loader))
        if read.rejects and strict:
            err.print("[bold red]nothing written:[/] --strict refuses any reject")
            raise typer.Exit(code=1)
        if dry_run:
            out.print("dry run: valid; nothing written")
            raise typer.Exit(code=0)
    read = _Tally()

    def counted(stream: Iterable[Parsed]) -> Iterator[Parsed]:
        for batch in stream:
            read.add(batch)
            yield batch

    def on_batch(batch: ingest.Loadable) -> None:
        if isinstance(batch, Parsed):
            if not strict:
                _print_rejects(batch)
            _print_notes(batch)

    refresh: units.Refresh | None = None
    stream: Iterable[Parsed] = counted(batches())
    if day is not None:
        previous = None if reread else units.Manifest.decode_or_none(manifests.previous(graph, loader, day))
        refresh = units.Refresh(day, previous)
        stream = _versions(loader, graph, refresh, stream)
    with _progress(loader, None) as advance:
        report = ingest.ingest_stream(
            graph,
            stream,
            loader=loader,
            inputs=[str(p) for p in inputs],
            input_sha256=input_digest(inputs) + (f"@{day}" if day else ""),
            batch_size=batch_size,
            on_progress=advance,
            on_batch=on_batch,
            run_props={"series": loader, "version_date": day} if day else None,
        )
    out.print(read.line(loader))
    if refresh is not None:
        _versioned(graph, loader, refresh, report.run_id)
    _summary(report, read.rejects)


def _versions(loader: str, graph: Graph, refresh: units.Refresh, batches: Iterable[Parsed]) -> Iterator[Parsed]:
    """A version's batches: the records that differ from the version before it (:mod:`loaders.units`:
    the others are kept as the graph holds them); then the listings it ends and returns, compared
    with what earlier versions held."""
    yield from refresh.stream(batches)
    day = refresh.day
    held = [
        list_versions.Held(r["subject"], Predicate(r["predicate"]), r["object"], r["ended"], r["returned"])
        for r in versions.held(graph, loader, day, refresh.scope())
    ]
    extra, ended, returned = list_versions.compare(loader, day, sorted(refresh.files), refresh.present, held)
    out.print(f"{loader} version {day}: {ended} listing(s) ended, {returned} returned")
    out.print(
        f"{refresh.built_units} record(s) new or changed since the version before; "
        f"{refresh.kept} as it held them, not written again"
    )
    if extra.entities or extra.sources or extra.claims:
        yield extra


def _run(work: Callable[[Graph], None]) -> None:
    try:
        with Graph.connect(Settings()) as graph:
            graph.verify()
            work(graph)
    except RegkgError as exc:
        raise fail(exc) from exc


@load_app.command("curated")
def load_curated(
    paths: Annotated[list[Path], typer.Argument(help="YAML/JSON files or directories")],
    dry_run: DryRunOpt = False,
    batch_size: BatchOpt = 2000,
) -> None:
    """Load analysts' curated claim files (all or nothing)."""

    def work(graph: Graph) -> None:
        parsed = curated.load(paths, resolve_external=lambda ids: lookup.resolve_ids(graph, ids))
        _ingest("curated", parsed, dry_run, graph, batch_size)

    _run(work)


@load_app.command("csl")
def load_csl(
    paths: Annotated[
        list[Path],
        typer.Argument(exists=True, dir_okay=False, help="CSL files: .json as JSON, else CSV (either layout)"),
    ],
    dry_run: DryRunOpt = False,
    batch_size: BatchOpt = 2000,
    strict: StrictOpt = False,
    version_date: VersionOpt = None,
    reread: RereadOpt = False,
) -> None:
    """Load the trade.gov Consolidated Screening List (CSV in both layouts, or JSON)."""
    _run(
        lambda graph: _stream(
            "csl", lambda: csl.iter_batches(paths, batch_size), paths, graph, batch_size, dry_run=dry_run,
            strict=strict, version_date=version_date, reread=reread,
        )
    )  # fmt: skip


@load_app.command("ofac")
def load_ofac(
    sdn: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="OFAC sdn.csv (no header)")],
    add: Annotated[Path | None, typer.Option("--add", exists=True, dir_okay=False, help="add.csv: addresses")] = None,
    alt: Annotated[Path | None, typer.Option("--alt", exists=True, dir_okay=False, help="alt.csv: aliases")] = None,
    comments: Annotated[
        Path | None, typer.Option("--comments", exists=True, dir_okay=False, help="sdn_comments.csv: long remarks")
    ] = None,
    dry_run: DryRunOpt = False,
    batch_size: BatchOpt = 2000,
    strict: StrictOpt = False,
    version_date: VersionOpt = None,
    reread: RereadOpt = False,
) -> None:
    """Load OFAC's legacy SDN CSV files (sdn.csv, with add/alt/sdn_comments when given)."""
    files = [p for p in (sdn, add, alt, comments) if p is not None]
    _run(
        lambda graph: _stream(
            "ofac", lambda: ofac.OfacReader(sdn, add, alt, comments, batch_size), files, graph, batch_size,
            dry_run=dry_run, strict=strict, version_date=version_date, reread=reread,
        )
    )  # fmt: skip


@load_app.command("fcc")
def load_fcc(
    paths: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help="Covered List tables (CSV)")],
    dry_run: DryRunOpt = False,
    batch_size: BatchOpt = 2000,
    strict: StrictOpt = False,
    version_date: VersionOpt = None,
    reread: RereadOpt = False,
) -> None:
    """Load the FCC Covered List (either table layout)."""
    _run(
        lambda graph: _stream(
            "fcc", lambda: fcc.iter_batches(paths, batch_size), paths, graph, batch_size, dry_run=dry_run,
            strict=strict, version_date=version_date, reread=reread,
        )
    )  # fmt: skip


@load_app.command("ftm")
def load_ftm(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="FollowTheMoney entities, JSON lines")],
    dry_run: DryRunOpt = False,
    batch_size: BatchOpt = 2000,
    strict: StrictOpt = False,
    version_date: Annotated[
        str | None,
        typer.Option(
            "--version-date",
            help="the export's or delta's date (YYYY-MM-DD, or 'file': from its name): its records were seen "
            "then; a delta's MOD and DEL ops end, on it, what the records they touch no longer state",
        ),
    ] = None,
) -> None:
    """Load FollowTheMoney / OpenSanctions JSON lines, streamed batch by batch (one load run); also
    the delta format (``{"op": "ADD"|"MOD"|"DEL", "entity": {...}}`` per line), with --version-date."""

    from loaders import ftm  # followthemoney takes seconds to import: only when used

    day = _version_day(version_date, Parsed(inputs=[path])) if version_date is not None else None
    if day is None and _is_delta(path):
        raise typer.BadParameter(
            "a delta (ADD/MOD/DEL ops) ends facts on its date: give it", param_hint="--version-date"
        )

    def batches(graph: Graph, resolver: Callable[[list[str]], dict[str, str]]) -> Iterator[Parsed]:
        """The file's batches, dated by the version; then what its MOD and DEL ops ended."""
        reader = ftm.FtmReader(path, batch_size, resolver)
        for batch in reader:
            if day is not None:
                list_versions.date_sources(batch, day, keep_own=True)
            yield batch
        if day is not None and reader.touched:
            held = [
                list_versions.Held(r["subject"], Predicate(r["predicate"]), r["object"], r["ended"], r["returned"])
                for r in versions.held_by_records(graph, reader.record_prefixes())
            ]
            extra, ended, returned = list_versions.compare("ftm", day, [reader.file_source.id], reader.present, held)
            out.print(
                f"ftm delta {day}: {reader.deleted} record(s) deleted; {ended} fact(s) ended, {returned} returned"
            )
            yield extra

    def work(graph: Graph) -> None:
        def resolver(ids: list[str]) -> dict[str, str]:
            return lookup.resolve_ids(graph, ids)

        if dry_run or strict:
            # a validation pass: nothing is written (with --strict, only if nothing is rejected)
            read = _scan(batches(graph, resolver))
            out.print(read.line("ftm"))
            if read.rejects and strict:
                err.print("[bold red]nothing written:[/] --strict refuses any reject")
                raise typer.Exit(code=1)
            if dry_run:
                out.print("dry run: nothing written")
                raise typer.Exit(code=0)
        read = _Tally()

        def on_batch(batch: ingest.Loadable) -> None:
            if isinstance(batch, Parsed):
                if not strict:
                    _print_rejects(batch)
                _print_notes(batch)
                read.add(batch)

        with _progress("ftm", None) as advance:
            report = ingest.ingest_stream(
                graph,
                batches(graph, resolver),
                loader="ftm",
                inputs=[str(path)],
                input_sha256=input_digest([path]) + (f"@{day}" if day else ""),
                run_props={"series": "ftm", "version_date": day} if day else None,
                batch_size=batch_size,
                on_progress=advance,
                on_batch=on_batch,
            )
        out.print(read.line("ftm"))
        _summary(report, read.rejects)

    _run(work)


def _is_delta(path: Path) -> bool:
    """Whether the file's first record is a delta op (``{"op": ..., "entity": ...}``)."""
    with path.open("rb") as fh:
        for raw in fh:
            if raw.strip():
                head = raw.lstrip(b"\xef\xbb\xbf").lstrip()
                return head.startswith(b'{"op"') or b'"op":' in head[:40]
    return False


class _Tally:
    """Counts of what a stream of batches held (the stream itself is not kept)."""

    def __init__(self) -> None:
        self.entities = self.sources = self.claims = self.rejects = 0

    def add(self, batch: Parsed) -> None:
        self.entities += len(batch.entities)
        self.sources += len(batch.sources)
        self.claims += len(batch.claims)
        self.rejects += len(batch.rejects)

    def line(self, loader: str) -> str:
        return (
            f"{loader}: {self.entities} entities, {self.sources} sources, {self.claims} claims read; "
            f"{self.rejects} rejected"
        )


def _scan(batches: Iterator[Parsed]) -> _Tally:
    tally = _Tally()
    for batch in batches:
        _print_rejects(batch)
        _print_notes(batch)
        tally.add(batch)
    return tally
