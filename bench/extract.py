"""Precision and recall of the article extractor against hand-made gold files.

    python -m bench.extract [--dir tests/fixtures/articles] [-v] [--min-precision P --min-recall R]

For every ``<name>.gold.yaml`` in the directory, ``<name>.txt`` is run through
:func:`extract.propose` with ``<name>.meta.yaml`` (no known entities: only the built-in
gazetteer), and the set of extracted (subject, predicate, object, stance) tuples is compared with
the gold set. Prints one line per article, then micro-averaged totals per split (``dev``: texts
seen while writing the rules; ``heldout``: annotated before the extractor first ran on them) and
overall; ``-v`` lists the misses
(false negatives) and the extras (false positives). Exits 1 when a ``--min-*`` bound is not met.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from extract import load_meta, propose

Tuple4 = tuple[str, str, str, str]
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles"


@dataclass
class Score:
    name: str
    split: str
    gold: set[Tuple4]
    found: set[Tuple4]
    seconds: float

    @property
    def tp(self) -> int:
        return len(self.gold & self.found)

    @property
    def precision(self) -> float:
        return self.tp / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.tp / len(self.gold) if self.gold else 1.0


def load_gold(path: Path) -> tuple[str, set[Tuple4]]:
    """(split, tuples) of a gold file; split is ``dev`` (seen while writing the rules) or
    ``heldout`` (annotated before the extractor first ran on it)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    tuples = {
        (c["subject"], c["predicate"], c["object"], c.get("stance", "asserted"))
        for c in data.get("claims", [])
    }
    return str(data.get("split", "dev")), tuples


def score_article(gold_path: Path) -> Score:
    name = gold_path.name.removesuffix(".gold.yaml")
    text_path = gold_path.with_name(name + ".txt")
    meta_path = gold_path.with_name(name + ".meta.yaml")
    meta = load_meta(meta_path) if meta_path.exists() else None
    started = time.perf_counter()
    parsed = propose(text_path.read_bytes(), meta).parsed
    seconds = time.perf_counter() - started
    found = {(c.subject, c.predicate.value, c.object, c.stance.value) for c in parsed.claims}
    split, gold = load_gold(gold_path)
    return Score(name, split, gold, found, seconds)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="gold set directory")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    parser.add_argument("--min-precision", type=float, default=None)
    parser.add_argument("--min-recall", type=float, default=None)
    args = parser.parse_args(argv)

    golds = sorted(args.dir.glob("*.gold.yaml"))
    if not golds:
        print(f"no *.gold.yaml files in {args.dir}")
        return 1
    scores = [score_article(g) for g in golds]
    width = max(len(s.name) for s in scores)
    print(f"{'article':<{width}}  gold  found  tp  precision  recall     f1   time")
    for s in sorted(scores, key=lambda x: (x.split, x.name)):
        print(
            f"{s.name:<{width}}  {len(s.gold):>4}  {len(s.found):>5}  {s.tp:>2}  "
            f"{s.precision:>9.2f}  {s.recall:>6.2f}  {_f1(s.precision, s.recall):>5.2f}  "
            f"{s.seconds:>4.2f}s"
        )
        if args.verbose:
            for t in sorted(s.gold - s.found):
                print(f"{'':<{width}}    miss   {' '.join(t)}")
            for t in sorted(s.found - s.gold):
                print(f"{'':<{width}}    extra  {' '.join(t)}")
    splits = sorted({s.split for s in scores})
    groups = [(f"{name} (micro)", [s for s in scores if s.split == name]) for name in splits]
    groups.append(("overall (micro)", scores))
    precision = recall = 1.0
    for label, group in groups:
        gold = sum(len(s.gold) for s in group)
        found = sum(len(s.found) for s in group)
        tp = sum(s.tp for s in group)
        precision = tp / found if found else 1.0
        recall = tp / gold if gold else 1.0
        print(
            f"{label:<{width}}  {gold:>4}  {found:>5}  {tp:>2}  {precision:>9.2f}  "
            f"{recall:>6.2f}  {_f1(precision, recall):>5.2f}"
        )
    failed = (args.min_precision is not None and precision < args.min_precision) or (
        args.min_recall is not None and recall < args.min_recall
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
