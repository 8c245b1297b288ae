"""A learned reader: which pairs of parties a sentence relates, that no pattern placed.

The patterns (:mod:`extract.rules`) read the shapes they were written for; a sentence of another
shape names both parties and relates them in words no pattern knows. This rule runs after them and
scores every ordered pair of mentions in the sentence, for every predicate their types fit (the
ontology's domain and range), with a logistic model over the words around and between them: the
words between (other parties in between read as their type, ``<FIRM>``), the first and last of
them, a few words before and after the pair, the order and the distance. A pair the patterns did
not relate is proposed when the model's probability reaches the threshold stored with the
weights; its confidence is that probability, capped below the patterns' (:data:`_MAX_CONFIDENCE`).

What the genre says is no relation stays out, before any score: a pair a pattern already related
keeps the pattern's reading (one reading a pair, the likeliest); the one speaking ("X said") is no
party; and a party named as the one others belong to ("12 executives of X", "X operatives") or as a
modifier ("the IRGC-backed X") is not the one a measure falls on (:func:`extract.clause_parties.holder`).

The weights (``reader_weights.json``) are learned from the development split of the evaluation
sets only (``python -m bench.train_reader``, which records the texts it read); the held-out split
never trains or tunes them. Scoring is plain Python over a dict of weights: no model library is
needed to extract.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from schema.ontology import PREDICATES, Predicate

from .clause_parties import holder
from .sentence import Sentence
from .spans import Mention

WEIGHTS_PATH = Path(__file__).with_name("reader_weights.json")
_MAX_CONFIDENCE = 0.4  # 0.45 at most once both ends are known (assembly adds 0.05): below every pattern
_WORD_RE = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d]")
_SAID_AFTER_RE = re.compile(r"[ \t]*,?[ \t]*(?:has[ \t]+|had[ \t]+)?(?:said|says|stated|told)\b")
_SAID_BEFORE_RE = re.compile(r"\b(?:said|says|stated|according[ \t]+to)[ \t]+(?:the[ \t]+)?$")
_FAR = 30  # words: a pair further apart is not scored
_WINDOW = 3
# what the reader never guesses: a list's own links, a comment declined, identity, screening
_SKIP = frozenset(
    {
        Predicate.LINKED_TO,
        Predicate.DECLINED_COMMENT_TO,
        Predicate.SCREENED_AS,
        Predicate.SAME_AS,
        Predicate.POSSIBLY_SAME_AS,
    }
)


class Candidate(NamedTuple):
    """A pair as training reads it: the claim it would be, its features, and whether the reader
    would score it at all (``fresh``: no pattern related the pair) in which sentence (its start)."""

    subject: str
    predicate: Predicate
    object: str
    features: list[str]
    fresh: bool
    sentence: int


_collector: list[Candidate] | None = None


def _words(text: str) -> list[str]:
    return [w.lower()[:7] for w in _WORD_RE.findall(text)]


def _bucket(n: int) -> str:
    for edge in (0, 1, 2, 4, 7, 12, 20):
        if n <= edge:
            return str(edge)
    return "far"


def pair_features(sent: Sentence, first: Mention, second: Mention, between: list[str]) -> list[str]:
    """The features of two mentions in text order, before any predicate is joined to them."""
    norm = sent.doc.norm
    before = _words(norm[max(sent.start, first.start - 60) : first.start])[-_WINDOW:]
    after = _words(norm[second.end : min(sent.end, second.end + 60)])[:_WINDOW]
    feats = [f"d:{_bucket(len(between))}", f"n:{_bucket(sum(w.startswith('<') for w in between))}"]
    if between:
        feats += [f"b1:{between[0]}", f"bl:{between[-1]}"]
        if len(between) >= 2:
            feats.append(f"b2:{between[0]}_{between[1]}")
    else:
        feats.append("b:none")
    near = between if len(between) <= 12 else between[:6] + between[-6:]
    feats += [f"b:{w}" for w in dict.fromkeys(near)]
    feats += [f"pre:{w}" for w in before] + [f"post:{w}" for w in after]
    if before:
        feats.append(f"pre1:{before[-1]}")
    if after:
        feats.append(f"post1:{after[0]}")
    return feats


def _speaker(sent: Sentence, m: Mention) -> bool:
    """``X said``, ``said X``: the one speaking is no party of what is said."""
    norm = sent.doc.norm
    return bool(
        _SAID_AFTER_RE.match(norm, m.end, sent.end)
        or _SAID_BEFORE_RE.search(norm, max(sent.start, m.start - 12), m.start)
    )


Pair = tuple[Mention, Predicate, Mention, str, list[str]]  # subject, predicate, object, order, the pair's features


def pairs(sent: Sentence, predicates: Collection[Predicate], skip: Collection[frozenset[str]] = ()) -> Iterator[Pair]:
    """Every (subject, ``predicates`` member, object) the types allow in ``sent``, with the order
    (``sf``: the subject first) and the features of the two mentions (:func:`pair_features`);
    none of a pair of ids in ``skip``."""
    specs = [(p, PREDICATES[p]) for p in predicates if p not in _SKIP]
    ms, norm = sent.ms, sent.doc.norm
    speakers = {i for i, m in enumerate(ms) if _speaker(sent, m)}
    # "executives of X", "the IRGC-backed X": a measure on them is none on X, nor on the IRGC
    holders = {m.start for m in ms if holder(sent, m) or sent.is_modifier(m)}
    for i, first in enumerate(ms):
        if i in speakers:
            continue
        between = _words(norm[first.end : ms[i + 1].start]) if i + 1 < len(ms) else []
        for j in range(i + 1, len(ms)):
            second = ms[j]
            if j > i + 1:  # the words between grow by the mention passed and the gap after it
                between = [*between, f"<{ms[j - 1].etype.value}>", *_words(norm[ms[j - 1].end : second.start])]
            if len(between) > _FAR:
                break
            if first.eid == second.eid or j in speakers or frozenset((first.eid, second.eid)) in skip:
                continue
            fits = [
                (subj, predicate, obj, order)
                for subj, obj, order in ((first, second, "sf"), (second, first, "of"))
                for predicate, spec in specs
                if subj.etype in spec.subjects
                and obj.etype in spec.objects
                and not (spec.regulatory and (subj if spec.target == "subject" else obj).start in holders)
            ]
            if fits:
                base = pair_features(sent, first, second, between)
                for subj, predicate, obj, order in fits:
                    yield subj, predicate, obj, order, base


def features(subj: Mention, predicate: Predicate, obj: Mention, order: str, base: list[str]) -> list[str]:
    """A candidate's features: the pair's, each joined to the predicate and the order, and the
    predicate's bias, order and types."""
    p = predicate.value
    return [
        f"{p}|bias",
        f"{p}|{order}",
        f"{p}|t:{subj.etype.value}>{obj.etype.value}",
        *(f"{p}|{order}|{f}" for f in base),
    ]


def candidates(sent: Sentence) -> Iterator[tuple[Mention, Predicate, Mention, list[str]]]:
    """Every candidate of ``sent`` with its features (what training reads)."""
    for subj, predicate, obj, order, base in pairs(sent, tuple(PREDICATES)):
        yield subj, predicate, obj, features(subj, predicate, obj, order, base)


@cache
def _model() -> dict[str, Any]:
    if not WEIGHTS_PATH.exists():
        return {"weights": {}, "thresholds": {}}
    data: dict[str, Any] = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    return data


@cache
def _tables() -> tuple[dict[Predicate, float], dict[tuple[str, str], float], dict[tuple[str, str], dict[str, float]]]:
    """The weights by what they join: a predicate's threshold; a predicate's bias, order and types
    (``(p, "bias")``, ``(p, "sf")``, ``(p, "t:firm>list")``); the pair features by (p, order)."""
    model = _model()
    thresholds = {Predicate(p): float(t) for p, t in model["thresholds"].items()}
    head: dict[tuple[str, str], float] = {}
    by_order: dict[tuple[str, str], dict[str, float]] = {}
    for feature, weight in model["weights"].items():
        parts = feature.split("|", 2)
        if len(parts) == 3:
            by_order.setdefault((parts[0], parts[1]), {})[parts[2]] = weight
        else:
            head[(parts[0], parts[1])] = weight
    return thresholds, head, by_order


def _score(subj: Mention, predicate: Predicate, obj: Mention, order: str, base: list[str]) -> float:
    """:func:`probability_with` the stored weights of the candidate's :func:`features`, without building them."""
    _, head, by_order = _tables()
    p = predicate.value
    table = by_order.get((p, order), {})
    z = (
        head.get((p, "bias"), 0.0)
        + head.get((p, order), 0.0)
        + head.get((p, f"t:{subj.etype.value}>{obj.etype.value}"), 0.0)
    )
    z += sum([table[f] for f in base if f in table])
    return _sigmoid(z)


def probability_with(weights: dict[str, float], feats: list[str]) -> float:
    return _sigmoid(sum(weights.get(f, 0.0) for f in feats))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@contextmanager
def collecting() -> Iterator[list[Candidate]]:
    """Within it, the rule proposes nothing and records every candidate instead (for training)."""
    global _collector
    out: list[Candidate] = []
    _collector = out
    try:
        yield out
    finally:
        _collector = None


def rule_reader(sent: Sentence) -> None:
    related = {frozenset((r.subject, r.object)) for r in sent.raws}  # a pattern read this pair: its reading stands
    related |= sent.vetoed
    if _collector is not None:
        _collector.extend(
            Candidate(s.eid, p, o.eid, feats, frozenset((s.eid, o.eid)) not in related, sent.start)
            for s, p, o, feats in candidates(sent)
        )
        return
    thresholds = _tables()[0]
    if not thresholds or len(sent.ms) < 2:
        return
    best: dict[frozenset[str], tuple[float, Mention, Predicate, Mention]] = {}
    for subj, predicate, obj, order, base in pairs(sent, thresholds, related):
        pair = frozenset((subj.eid, obj.eid))
        p = _score(subj, predicate, obj, order, base)
        if p >= thresholds[predicate] and p > best.get(pair, (0.0,))[0]:
            best[pair] = (p, subj, predicate, obj)  # one reading of a pair: the likeliest
    for p, subj, predicate, obj in best.values():
        cue = (min(subj.start, obj.start), max(subj.end, obj.end))
        sent.add(subj, predicate, obj, cue, round(min(p, _MAX_CONFIDENCE), 2), learned=True)
