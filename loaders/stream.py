"""The list loaders' rows as :class:`Parsed` batches: what the CLI streams into the graph.

A list loader (CSL, OFAC, FCC) reads its files record by record and hands each record's entities,
sources and claims to the current batch (:attr:`Batches.out`); after every ``size`` records (rejects
count too) :meth:`Batches.take` ends the batch and starts the next, so memory holds one
batch, whatever the size of the files. The batches of several files of one load are one stream:
a small input is one batch, exactly what the whole-file ``load()`` functions return (they combine
the stream).

What a batch refers to is in it or in an earlier one: a file's Source comes with the batch its
first record is in; the background records every row needs — the list, the body that administers
it and its part-of chain, their Sources and facts — come once, with the first batch that needs them
(:meth:`loaders.collect.Collector.add_once`). The graph layer writes each batch before it reads the
next (``graph.ingest.ingest_stream``), so a later batch finds them in the graph.

An entity that two records of different batches define is sent twice and merged by the writer
(aliases and identifiers united, as the collector unites them within a batch; a country from the
later one where they disagree, where one batch would have left it empty).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .base import Parsed
from .collect import Collector

DEFAULT_SIZE = 2000


@dataclass
class Batches:
    """The batch being collected, and how many records it holds."""

    size: int = DEFAULT_SIZE
    out: Collector = field(default_factory=lambda: Collector(sent=set()))
    records: int = 0
    inputs: list[Path] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.size < 1:
            raise ValueError("a batch holds at least one record")

    def counted(self, n: int = 1) -> bool:
        """Count ``n`` records read into the batch; True when it is full (then :meth:`take` it)."""
        self.records += n
        return self.full

    @property
    def full(self) -> bool:
        return self.records + len(self.out.rejects) >= self.size

    def take(self) -> Parsed:
        """The batch so far (with the files finished in it: ``inputs``); the next one starts empty."""
        parsed = self.out.parsed()
        parsed.inputs = self.inputs
        self.out = self.out.next_batch()
        self.records = 0
        self.inputs = []
        return parsed
