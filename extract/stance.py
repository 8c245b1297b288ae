"""Stance and speaker of a candidate whose rule left them open, read from its sentence.

The nearest stance cue before the claim's cue (at most 200 characters back, not across a ``;``)
decides: ``alleging``/``accusations`` → alleged, ``denied`` → denied, ``reported``/``according
to`` → reported, ...; its speaker is the party named before it (after it for ``according to``),
and a reporter found so becomes the document's last reporter. Without one, a trailing ``..., the
report said`` makes it reported by that last reporter; otherwise it is asserted, by the ``X`` of a
trailing ``..., X said`` or the party before a ``said`` ahead of the cue, if any."""

from __future__ import annotations

import re

from schema.ontology import EntityType, Stance

from .cues import SAID_RE, STANCE_CUES, TRAIL_REPORT_RE, TRAIL_SAID_RE
from .mentions import SPEAKERS
from .sentence import Raw, Sentence

T = EntityType


def _speaker_before(sent: Sentence, pos: int, exclude: set[str]) -> str | None:
    """The nearest speaker before ``pos`` that is not in ``exclude`` (the head of ``X's Y``)."""
    for m in sent.before(pos, SPEAKERS):
        if m.eid not in exclude and m.etype is not T.LAW:
            return sent.head(m).eid if sent.head(m).eid not in exclude else m.eid
    return None


# a party's description in apposition, up to the claim's cue: ", a group designated by", ", which is blacklisted by"
_APPOSED_RE = re.compile(r",[ \t]+(?:a|an|which[ \t]+(?:is|was|are|were|has[ \t]+been))[ \t]+[^,;()\"]{1,80}")


def _described_after(norm: str, raw: Raw, stance_end: int) -> bool:
    """Is the claim's cue inside a description in apposition to a party named after the stance cue?"""
    return any(
        stance_end <= start
        and end <= raw.cue[0]  # the cue after the party, in its description (not "denied ties to X, a company ...")
        and (app := _APPOSED_RE.match(norm, end)) is not None
        and app.end() >= raw.cue[1]
        for start, end in raw.spans
    )


# a stance in a relative clause on what was just said: "close ties to X, which he denies, and ..."
_RELATIVE_BEFORE_RE = re.compile(r",[ \t]*(?:which|what)[ \t]+(?:[\w'\u2019]+[ \t]+){0,3}$", re.I)


def _closed_relative(norm: str, m: re.Match[str], cue: int) -> bool:
    """Is the stance cue ``m`` inside a relative clause that a comma closes before the claim's cue?"""
    return bool(_RELATIVE_BEFORE_RE.search(norm, max(0, m.start() - 40), m.start())) and "," in norm[m.end() : cue]


_QUOTES = '"\u201c\u201d'


def _closed_quote(sent: Sentence, m: re.Match[str], cue: int) -> bool:
    """Is the stance cue ``m`` inside a quotation that closes before the claim's cue ('"... to make Japan retract its
    attack," Prime Minister X said': the quote's own verb, not the claim's)?"""
    norm = sent.doc.norm
    opened = sum(norm.count(q, sent.start, m.start()) for q in _QUOTES) % 2 == 1
    return opened and any(q in norm[m.end() : cue] for q in _QUOTES)


def stance_and_speaker(sent: Sentence, raw: Raw) -> tuple[Stance, str | None]:
    """(stance, asserted_by) of ``raw`` from its sentence; a reporter named becomes the last one."""
    norm, cue = sent.doc.norm, raw.cue[0]
    exclude = {raw.subject, raw.object}
    window_start = max(sent.start, cue - 200)
    semi = norm.rfind(";", window_start, cue)
    window_start = semi + 1 if semi != -1 else window_start
    if sent.stance_cache is None:
        found = [
            (m.start(), stance, m)
            for regex, stance in STANCE_CUES
            for m in regex.finditer(norm, sent.start, sent.end)
            if not sent.inside_mention(m.start())
        ]
        sent.stance_cache = sorted(found, key=lambda x: x[0])
    best: tuple[int, Stance, re.Match[str]] | None = None
    for start, stance, m in sent.stance_cache:
        if start >= cue:
            break
        if (
            start >= window_start
            and m.end() <= cue
            and not _closed_relative(norm, m, cue)
            and not _closed_quote(sent, m, cue)
        ):
            best = (start, stance, m)
    if best is not None and _described_after(norm, raw, best[2].end()):
        best = None  # "accused of working with X, a group designated by the U.S. as ...": the description is asserted
    if best is not None:
        _, stance, m = best
        if stance is Stance.REPORTED and m.group(0).lower().startswith("according"):
            who = sent.after(m.end(), SPEAKERS)
            return stance, who[0].eid if who else None
        speaker = _speaker_before(sent, m.start(), exclude)
        if stance is Stance.REPORTED and speaker is not None:
            sent.doc.last_reporter = speaker
        if stance in {Stance.DENIED, Stance.DISPUTED, Stance.RETRACTED} and speaker is None:
            speaker = next((x.eid for x in sent.before(m.start(), SPEAKERS)), None)
        return stance, speaker
    text = norm[sent.start : sent.end]
    if TRAIL_REPORT_RE.search(text):
        return Stance.REPORTED, sent.doc.last_reporter
    said = None
    trail = TRAIL_SAID_RE.search(text)
    if trail:
        who = [
            m
            for m in sent.ms
            if m.start >= sent.start + trail.start("who")
            and m.end <= sent.start + trail.end("who")
            and m.etype in SPEAKERS
        ]
        said = who[0].eid if who else None
    else:
        for m in SAID_RE.finditer(norm, window_start, cue):
            said = _speaker_before(sent, m.start(), exclude) or said
    return Stance.ASSERTED, said
