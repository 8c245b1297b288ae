"""The running state one document's rules share across its sentences.

:class:`extract.mentions.Doc` is a :class:`DocState`: what a sentence's rule leaves for the later
sentences of the same text (the last firm named, the last reporter, the laws of the text's
measures, the authors of an advisory named before "This advisory ...").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .spans import Mention


@dataclass(eq=False)  # compared and hashed by identity, like any document
class DocState:
    """What the rules remember while they read one text, sentence after sentence."""

    last_reporter: str | None = None
    last_affected: str | None = None
    last_affected_mention: Mention | None = None
    case_party: str | None = None  # the first party acted against (a penalty, an order): "the case was investigated by"
    last_group: list[str] = field(default_factory=list)  # the parties last named together ("A, B, and C")
    main_law: str | None = None  # the law the document is about (extract.doclaw)
    proposed_laws: list[str] = field(default_factory=list)  # the laws said introduced ("this legislation": the last)
    is_bill: bool = False
    issuer: str | None = None  # the agency the text speaks for (its publisher), if known
    frame: Any = None  # an open measure on a counted description (extract.frames.Frame)
    closed_frame: Any = (
        None  # the last frame, closed: a later "The companies which have been sanctioned include" reopens it
    )
    sanctioner: str | None = None  # the authority the text last named imposing sanctions
    designation_laws: list[str] = field(default_factory=list)  # "This designation is made under <Law>"
    unlawed: list[str] = field(default_factory=list)  # parties named sanctioned so far under no law the text gave
    advisory_authors: list[str] = field(default_factory=list)  # who wrote the advisory the text last named
    listing: str | None = None  # the list the text last said parties were added to ("It added X" adds to it)
