"""The law a document is about, and what the document says of it without naming it.

Bill texts, bill summaries and committee reports are about one law and mostly call it "this
bill", "the bill", "the following bill" or "This Act". :func:`attach` finds that law — the short
title it "may be cited as", else a heading line that is a law's name (``BIOSECURE Act``,
``COUNTERING CCP DRONES ACT``) — marks those phrases as mentions of it, and says whether the
document presents it as a bill (then what it would do is ``proposed``). :func:`rule_bill_scope`
is the rule that goes with it: in a bill, the firms and products the text names as what the bill
covers ("... includes BGI, MGI ...", "operated by ByteDance, Ltd. or TikTok", "produced or
provided by DJI Technologies") are its targets.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from schema.ontology import EntityType, Predicate, Stance

from .patterns import UNDER_IN_TITLE_RE

if TYPE_CHECKING:
    from .mentions import Doc
    from .sentence import Sentence
    from .spans import Mention

T = EntityType
P = Predicate
_I = re.IGNORECASE

CITED_AS_RE = re.compile(  # an apostrophe inside a word is the name's ("Defending America's 5G Future Act")
    r"\bmay\s+be\s+cited\s+as\s+the\s+(?:``|\"|')*\s*(?P<name>(?:[^`\"'.]|'(?=[a-z])){3,200}?\bAct\b)"
)
TITLE_LINE_RE = re.compile(
    r"^[ \t]*(?P<name>[A-Z0-9][A-Za-z0-9.'&, -]{1,150}?\b(?:Act|ACT)(?:[ \t]+(?:of|OF)[ \t]+\d{4})?)[ \t]*$",
    re.M,
)
_OR_THE_RE = re.compile(r"\s+or\s+the\s+", re.IGNORECASE)
ANAPHOR_RE = re.compile(
    r"\b(?:[Tt]his|[Tt]he|[Tt]he[ \t]+following|[Ss]uch)[ \t]+(?:bill|legislation)\b|\b[Tt]his[ \t]+Act\b"
)
BILL_RE = re.compile(r"\b(?:this|the|following)\s+bill\b|\bA\s+BILL\b|\bH\.\s?R\.\s*\d+", _I)
SCOPE_RE = re.compile(
    r"\b(?:includ\w*|such\s+as|e\.g\.|produced\s+or\s+provided\s+by|operated\s+by|provided\s+by|"
    r"from|of\s+concern|covered|prohibit\w*|ban\w*|add\w*)\b",
    _I,
)
_HEAD_LINES = 25


def main_law_name(norm: str) -> str | None:
    """The name of the law the text is about: its short title ("may be cited as the ... Act"),
    else a heading line that is a law's name (the long one of "X Act or the Y Act")."""
    cited = CITED_AS_RE.search(norm)
    if cited is not None:
        return " ".join(cited.group("name").split())
    head = "\n".join(norm.splitlines()[:_HEAD_LINES])
    names = [UNDER_IN_TITLE_RE.sub("", " ".join(m.group("name").split())) for m in TITLE_LINE_RE.finditer(head)]
    names = [n for n in names if len(n.split()) >= 2]
    if not names:
        return None
    full = next((n for n in names if _OR_THE_RE.search(n)), None)
    return max(_OR_THE_RE.split(full), key=len) if full is not None else names[0]


def attach(doc: Doc) -> None:
    """Set ``doc.main_law`` and ``doc.is_bill`` and add the anaphors' mentions."""
    from .spans import Mention, resolve_gaps

    norm = doc.norm
    cited = CITED_AS_RE.search(norm)
    name = main_law_name(norm)
    law_id = doc.entity_for(T.LAW, name) if name else None
    doc.main_law = law_id
    doc.is_bill = law_id is not None and bool(BILL_RE.search(norm))
    if law_id is None:
        return
    extra = [Mention(m.start(), m.end(), law_id, T.LAW, "alias") for m in ANAPHOR_RE.finditer(norm)]
    if cited is not None:
        extra.append(Mention(cited.start("name"), cited.end("name"), law_id, T.LAW, "alias"))
    doc.mentions = resolve_gaps(doc.mentions, extra)
    named = doc.ents[law_id].name
    if len(named.split()) >= 2:  # the law named again elsewhere in the text, in any case
        regex = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, named.split())) + r"(?![\w-])", _I)
        again = [Mention(m.start(), m.end(), law_id, T.LAW, "alias") for m in regex.finditer(norm)]
        doc.mentions = resolve_gaps(doc.mentions, again, replace_laws=True)


def proposed(sent: Sentence, law: Mention) -> bool:
    """Is ``law`` the document's bill, or one the text says was introduced ("X introduced H.R. 748")?"""
    return (sent.doc.is_bill and law.eid == sent.doc.main_law) or law.eid in sent.doc.proposed_laws


def rule_bill_scope(sent: Sentence) -> None:
    """In a bill, the firms and products a sentence names as covered are the bill's targets."""
    doc = sent.doc
    law = doc.main_law
    if law is None or not doc.is_bill:
        return
    cue = SCOPE_RE.search(doc.norm, sent.start, sent.end)
    if cue is None:
        return
    for m in sent.ms:
        if m.etype in {T.FIRM, T.PRODUCT} and not sent.is_modifier(m):
            sent.add(law, P.TARGETS, m, (cue.start(), cue.end()), 0.65, stance=Stance.PROPOSED)
