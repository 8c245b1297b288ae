"""Precision and recall of the article extractor against hand-made gold files.

    python -m bench.extract [--dir DIR ...] [--split dev|heldout] [-v] [--llm] [--min-precision P --min-recall R]

The directories default to the gold sets: ``tests/fixtures/articles`` (the seed and the texts
the first rules were written against), ``bench/eval`` (32 real US-government texts annotated
before any extractor ran on them, split once by name hash: ``bench/eval/SPLIT.md``),
``bench/eval4`` (12 more, annotated blind, development data after their one blind run:
``bench/eval4/SPLIT.md``), ``bench/eval5`` (18 more, annotated blind, split by the same hash rule
after their one blind run: ``bench/eval5/SPLIT.md``), ``bench/eval6`` (20 more, likewise:
``bench/eval6/SPLIT.md``), ``bench/eval7`` to ``bench/eval11`` (16 more each, likewise:
their ``SPLIT.md``), ``bench/eval12`` to ``bench/eval25`` (12 more each, likewise), ``bench/eval26``
(11 more, likewise), ``bench/eval27`` to ``bench/eval31`` (12 more each,
likewise).
For every ``<name>.gold.yaml`` in the directories, ``<name>.txt`` is run through
:func:`extract.propose` with ``<name>.meta.yaml`` (no known entities: only the built-in
gazetteer), and the set of extracted (subject, predicate, object, stance) tuples is compared with
the gold set. Prints one line per article, then micro-averaged totals per split (``dev``: texts
seen while writing the rules; ``heldout``: annotated before the extractor first ran on them) and
overall; for each split, the figures per predicate and the errors of each kind (an extra tuple
next to a gold one: another stance, another predicate, subject and object swapped, another
subject or object; else spurious; a gold tuple with no such neighbour: missed). ``-v`` lists the
misses (false negatives) and the extras (false positives). Exits 1 when a ``--min-*`` bound is not
met (overall, or of ``--split`` when given). ``--llm`` asks the model ``REGKG_EXTRACT_LLM_URL``
names too (its proposals pass the same gates and join the rules'; the ones refused, and a text the
model could not answer, are printed under the text's line).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from config import Settings
from extract import LlmBackend, load_meta, propose
from extract.patterns import SURNAME_TITLES
from reference import registry
from schema.errors import UpstreamError
from schema.models import slug

Tuple4 = tuple[str, str, str, str]
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles"
EVAL_DIR = Path(__file__).resolve().parent / "eval"
EVAL4_DIR = Path(__file__).resolve().parent / "eval4"
EVAL5_DIR = Path(__file__).resolve().parent / "eval5"
EVAL6_DIR = Path(__file__).resolve().parent / "eval6"
EVAL7_DIR = Path(__file__).resolve().parent / "eval7"
EVAL8_DIR = Path(__file__).resolve().parent / "eval8"
EVAL9_DIR = Path(__file__).resolve().parent / "eval9"
EVAL10_DIR = Path(__file__).resolve().parent / "eval10"
EVAL11_DIR = Path(__file__).resolve().parent / "eval11"
EVAL12_DIR = Path(__file__).resolve().parent / "eval12"
EVAL13_DIR = Path(__file__).resolve().parent / "eval13"
EVAL14_DIR = Path(__file__).resolve().parent / "eval14"
EVAL15_DIR = Path(__file__).resolve().parent / "eval15"
EVAL16_DIR = Path(__file__).resolve().parent / "eval16"
EVAL17_DIR = Path(__file__).resolve().parent / "eval17"
EVAL18_DIR = Path(__file__).resolve().parent / "eval18"
EVAL19_DIR = Path(__file__).resolve().parent / "eval19"
EVAL20_DIR = Path(__file__).resolve().parent / "eval20"
EVAL21_DIR = Path(__file__).resolve().parent / "eval21"
EVAL22_DIR = Path(__file__).resolve().parent / "eval22"
EVAL23_DIR = Path(__file__).resolve().parent / "eval23"
EVAL24_DIR = Path(__file__).resolve().parent / "eval24"
EVAL25_DIR = Path(__file__).resolve().parent / "eval25"
EVAL26_DIR = Path(__file__).resolve().parent / "eval26"
EVAL27_DIR = Path(__file__).resolve().parent / "eval27"
EVAL28_DIR = Path(__file__).resolve().parent / "eval28"
EVAL29_DIR = Path(__file__).resolve().parent / "eval29"
EVAL30_DIR = Path(__file__).resolve().parent / "eval30"
EVAL31_DIR = Path(__file__).resolve().parent / "eval31"
ALL_DIRS = (
    DEFAULT_DIR,
    EVAL_DIR,
    EVAL4_DIR,
    EVAL5_DIR,
    EVAL6_DIR,
    EVAL7_DIR,
    EVAL8_DIR,
    EVAL9_DIR,
    EVAL10_DIR,
    EVAL11_DIR,
    EVAL12_DIR,
    EVAL13_DIR,
    EVAL14_DIR,
    EVAL15_DIR,
    EVAL16_DIR,
    EVAL17_DIR,
    EVAL18_DIR,
    EVAL19_DIR,
    EVAL20_DIR,
    EVAL21_DIR,
    EVAL22_DIR,
    EVAL23_DIR,
    EVAL24_DIR,
    EVAL25_DIR,
    EVAL26_DIR,
    EVAL27_DIR,
    EVAL28_DIR,
    EVAL29_DIR,
    EVAL30_DIR,
    EVAL31_DIR,
)


@dataclass
class Score:
    name: str
    split: str
    gold: set[Tuple4]
    found: set[Tuple4]
    seconds: float
    refused: int = 0  # the model's proposals its gates refused (--llm)
    failed: str = ""  # why the model could not be asked (--llm): the rules' answer is scored
    confidence: dict[Tuple4, float] = field(default_factory=dict)  # the best of each found tuple

    @property
    def tp(self) -> int:
        return len(self.gold & self.found)

    @property
    def precision(self) -> float:
        return self.tp / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.tp / len(self.gold) if self.gold else 1.0


# an honorific, or a title a text puts before a family name alone ("President Trump"), is no part of a name
_TITLE_SLUGS = sorted({"mr", "ms", "mrs", "dr", *(slug(t) for t in SURNAME_TITLES)}, key=len, reverse=True)
_HONORIFIC_ID = re.compile(rf"^person:(?:{'|'.join(_TITLE_SLUGS)})-(?=[a-z])(?!of-)")


def same_id(eid: str) -> str:
    """The id both sides are compared by: a person named only with an honorific or a title is one
    person whether a gold set wrote ``person:mr-kennedy`` or ``person:president-trump`` (the longest
    name the text gives) or ``person:kennedy`` (the gold sets differ on this; the claims do not); an id made from a name
    the reference registry knows is the registry's id (``agency:u-s-customs-and-border-protection``,
    written while the registry lacked CBP, is ``agency:us-cbp``)."""
    eid = _HONORIFIC_ID.sub("person:", eid)
    return _registry_ids().get(eid, eid)


@cache
def _registry_ids() -> dict[str, str]:
    """Each registry body's and list's id, by the ids a slug of one of its names makes."""
    out: dict[str, str] = {}
    for entity in [*registry().bodies(), *(ref.entity for ref in registry().lists())]:
        for name in (entity.name, *entity.aliases):
            out.setdefault(f"{entity.type.prefix}:{slug(name)}", entity.id)
    return out


def _tuple(subject: str, predicate: str, obj: str, stance: str) -> Tuple4:
    return same_id(subject), predicate, same_id(obj), stance


def load_gold(path: Path) -> tuple[str, set[Tuple4]]:
    """(split, tuples) of a gold file; split is ``dev`` (seen while writing the rules) or
    ``heldout`` (annotated before the extractor first ran on it)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    tuples = {
        _tuple(c["subject"], c["predicate"], c["object"], c.get("stance", "asserted")) for c in data.get("claims", [])
    }
    return str(data.get("split", "dev")), tuples


def score_article(gold_path: Path, llm: LlmBackend | None = None) -> Score:
    name = gold_path.name.removesuffix(".gold.yaml")
    text_path = gold_path.with_name(name + ".txt")
    meta_path = gold_path.with_name(name + ".meta.yaml")
    meta = load_meta(meta_path) if meta_path.exists() else None
    started = time.perf_counter()
    refused, failed = 0, ""
    try:
        proposal = propose(text_path.read_bytes(), meta, llm=llm)
        refused = len(proposal.rejected)
    except UpstreamError as exc:  # the model timed out or answered nonsense: the rules' answer counts
        failed = exc.message
        proposal = propose(text_path.read_bytes(), meta)
    seconds = time.perf_counter() - started
    confidence: dict[Tuple4, float] = {}
    for c in proposal.parsed.claims:
        t = _tuple(c.subject, c.predicate.value, c.object, c.stance.value)
        confidence[t] = max(confidence.get(t, 0.0), c.confidence)
    split, gold = load_gold(gold_path)
    return Score(name, split, gold, set(confidence), seconds, refused, failed, confidence=confidence)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(gold: int, found: int, tp: int) -> tuple[float, float, float]:
    precision = tp / found if found else 1.0
    recall = tp / gold if gold else 1.0
    return precision, recall, _f1(precision, recall)


def error_kind(extra: Tuple4, gold: set[Tuple4]) -> str:
    """What an extracted tuple that is not gold got wrong, judged by its nearest gold tuple."""
    s, p, o, st = extra
    for gs, gp, go, gst in gold:
        if (gs, gp, go) == (s, p, o) and gst != st:
            return "stance"
    for gs, gp, go, _ in gold:
        if (gs, go) == (s, o):
            return "predicate"
        if (gs, gp, go) == (o, p, s):
            return "direction"
    for gs, gp, go, _ in gold:
        if gp == p and (gs == s or go == o):
            return "subject or object"
    return "spurious"


def errors(scores: list[Score]) -> Counter[str]:
    """Each split's errors by kind: the extras' (see :func:`error_kind`), and the gold tuples missed
    with no extra beside them (same subject and object)."""
    kinds: Counter[str] = Counter()
    for s in scores:
        for t in s.found - s.gold:
            kinds[error_kind(t, s.gold)] += 1
        near = {(f[0], f[2]) for f in s.found - s.gold} | {(f[2], f[0]) for f in s.found - s.gold}
        kinds["missed"] += sum(1 for g in s.gold - s.found if (g[0], g[2]) not in near)
    return kinds


CONFIDENCE_FLOORS = (0.5, 0.6, 0.7)  # the clause rule's and the reader's claims are below 0.5


def _at_confidence(group: list[Score], floor: float) -> str:
    """Precision and recall of the claims whose confidence is at least ``floor``."""
    gold = sum(len(s.gold) for s in group)
    kept = [(t, t in s.gold) for s in group for t, c in s.confidence.items() if c >= floor]
    tp = sum(hit for _, hit in kept)
    p, r, _ = _prf(gold, len(kept), tp)
    return f">= {floor}: found {len(kept)}, right {tp}, precision {p:.2f}, recall {r:.2f}"


def by_predicate(scores: list[Score]) -> dict[str, tuple[int, int, int]]:
    """gold, found and true positives per predicate."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for s in scores:
        for t in s.gold:
            out[t[1]][0] += 1
        for t in s.found:
            out[t[1]][1] += 1
        for t in s.gold & s.found:
            out[t[1]][2] += 1
    return {k: (v[0], v[1], v[2]) for k, v in sorted(out.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, action="append", help="a gold set directory (repeatable)")
    parser.add_argument("--split", choices=("dev", "heldout"), help="only this split")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    parser.add_argument("--min-precision", type=float, default=None)
    parser.add_argument("--min-recall", type=float, default=None)
    parser.add_argument(
        "--llm", action="store_true", help="ask the model REGKG_EXTRACT_LLM_URL names too (its checked proposals join)"
    )
    args = parser.parse_args(argv)
    llm = LlmBackend.from_settings(Settings()) if args.llm else None
    if args.llm and llm is None:
        parser.error("--llm needs REGKG_EXTRACT_LLM_URL (an OpenAI-compatible chat endpoint)")

    dirs = args.dir or list(ALL_DIRS)
    golds = sorted(g for d in dirs for g in d.glob("*.gold.yaml"))
    if not golds:
        print(f"no *.gold.yaml files in {', '.join(map(str, dirs))}")
        return 1
    if args.split:  # before scoring: a model is slow, and held-out texts are not asked for development
        golds = [g for g in golds if load_gold(g)[0] == args.split]
    if llm is not None:
        print(f"rules and {llm.label}")
    scores = [score_article(g, llm) for g in golds]
    width = max(len(s.name) for s in scores)
    print(f"{'article':<{width}}  gold  found  tp  precision  recall     f1   time")
    for s in sorted(scores, key=lambda x: (x.split, x.name)):
        print(
            f"{s.name:<{width}}  {len(s.gold):>4}  {len(s.found):>5}  {s.tp:>2}  "
            f"{s.precision:>9.2f}  {s.recall:>6.2f}  {_f1(s.precision, s.recall):>5.2f}  "
            f"{s.seconds:>4.2f}s"
        )
        if s.failed or s.refused:
            print(
                f"{'':<{width}}    model: {s.refused} proposal(s) refused by the gates"
                + (f"; {s.failed}" if s.failed else "")
            )
        if args.verbose:
            for t in sorted(s.gold - s.found):
                print(f"{'':<{width}}    miss   {' '.join(t)}")
            for t in sorted(s.found - s.gold):
                print(f"{'':<{width}}    extra  {' '.join(t)} ({error_kind(t, s.gold)})")
    splits = sorted({s.split for s in scores})
    groups = [(f"{name} (micro)", [s for s in scores if s.split == name]) for name in splits]
    if len(groups) > 1:
        groups.append(("overall (micro)", scores))
    precision = recall = 1.0
    for label, group in groups:
        gold = sum(len(s.gold) for s in group)
        found = sum(len(s.found) for s in group)
        tp = sum(s.tp for s in group)
        precision, recall, f1 = _prf(gold, found, tp)
        print(f"{label:<{width}}  {gold:>4}  {found:>5}  {tp:>2}  {precision:>9.2f}  {recall:>6.2f}  {f1:>5.2f}")
    for name in splits:
        group = [s for s in scores if s.split == name]
        print(
            f"\n{name}: per predicate{'':<{max(0, width - 14 - len(name))}}  gold  found  tp  precision  recall     f1"
        )
        for pred, (g, f, hits) in by_predicate(group).items():
            p, r, f1 = _prf(g, f, hits)
            print(f"  {pred:<{width - 2}}  {g:>4}  {f:>5}  {hits:>2}  {p:>9.2f}  {r:>6.2f}  {f1:>5.2f}")
        kinds = errors(group)
        print(f"{name}: errors " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
        print(f"{name}: by confidence " + "; ".join(_at_confidence(group, floor) for floor in CONFIDENCE_FLOORS))
    failed = (args.min_precision is not None and precision < args.min_precision) or (
        args.min_recall is not None and recall < args.min_recall
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
