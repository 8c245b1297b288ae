"""How far two annotators agree: the gold files against a second, independent annotation of the same texts.

    python -m bench.agreement [--dir bench/agreement]

Every ``<name>.gold2.yaml`` in the folder is a second annotator's reading of ``<name>.txt`` of one
of :mod:`bench.extract`'s sets, written from the text and the written rules alone, without the
first annotator's gold file (``bench/agreement/AGREEMENT.md`` says how the texts were chosen and
who wrote what). Both files are read as :mod:`bench.extract` reads a gold file and compared by the
same tuples (subject, predicate, object, stance) under the same id rules, so the second annotator
is scored exactly as the extractor is. Prints, per text and per split of the first gold file, the
second annotation's precision and recall against the first (their F1 is the agreement; it is
symmetric), the figures per predicate, the disagreements by kind (:func:`bench.extract.error_kind`,
the second file's extras judged by the first's tuples), and — totals per split only, since a
held-out text's own figures are not read — the extractor on the same texts against the first
annotator, the second, the tuples both wrote, and either's.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench.extract import ALL_DIRS, DEFAULT_DIR, Tuple4, _prf, error_kind, load_gold, score_article

AGREEMENT_DIR = Path(__file__).resolve().parent / "agreement"
# the second annotators' format examples: never a text they annotate
FORMAT_EXAMPLES = frozenset(
    {
        "eval16-a-congress-moolenaar-catl-ford-battle-creek-letter-2025",
        "eval16-b-fincen-al-huda-bank-primary-money-laundering-concern-2024",
        "eval15-b-cisa-andariel-rgb-3rd-bureau-espionage-advisory-2024",
    }
)


@dataclass
class Pair:
    name: str
    split: str  # the first gold file's
    first: set[Tuple4]
    second: set[Tuple4]
    found: set[Tuple4]  # the extractor's


def select(folders: list[Path], per_split: int = 16, skip: int = 0) -> list[str]:
    """The texts a round annotates, chosen by a rule fixed before any second annotation: of the
    evaluation sets' texts (not the fixture set's, not a format example), in each split the
    ``per_split`` after the first ``skip`` in the order of ``sha256("agreement:" + name)``."""
    ranked: dict[str, list[tuple[int, str]]] = {"dev": [], "heldout": []}
    for folder in folders:
        if folder == DEFAULT_DIR:
            continue
        for path in folder.glob("*.gold.yaml"):
            name = path.name.removesuffix(".gold.yaml")
            if name not in FORMAT_EXAMPLES:
                value = int(hashlib.sha256(f"agreement:{name}".encode()).hexdigest(), 16)
                ranked[load_gold(path)[0]].append((value, name))
    return sorted(name for group in ranked.values() for _, name in sorted(group)[skip : skip + per_split])


def first_gold(name: str) -> Path:
    """The benchmark's gold file of a text, in whichever set holds it."""
    for folder in ALL_DIRS:
        path = folder / f"{name}.gold.yaml"
        if path.exists():
            return path
    raise FileNotFoundError(f"{name}: no gold file in bench.extract's sets")


def pairs(folder: Path) -> list[Pair]:
    out = []
    for path in sorted(folder.glob("*.gold2.yaml")):
        name = path.name.removesuffix(".gold2.yaml")
        gold_path = first_gold(name)
        split, first = load_gold(gold_path)
        _, second = load_gold(path)
        out.append(Pair(name, split, first, second, score_article(gold_path).found))
    return out


def _line(label: str, width: int, a: set[Tuple4] | int, b: set[Tuple4] | int, both: int) -> str:
    na = a if isinstance(a, int) else len(a)
    nb = b if isinstance(b, int) else len(b)
    p, r, f1 = _prf(na, nb, both)
    return f"{label:<{width}}  {na:>5}  {nb:>6}  {both:>4}  {p:>9.2f}  {r:>6.2f}  {f1:>5.2f}"


def disagreements(group: list[Pair]) -> Counter[str]:
    """The second file's extras by kind, judged by the first's tuples; the first's tuples with no
    extra beside them (same two ends) are ``missed``."""
    kinds: Counter[str] = Counter()
    for p in group:
        extras = p.second - p.first
        for t in extras:
            kinds[error_kind(t, p.first)] += 1
        near = {(t[0], t[2]) for t in extras} | {(t[2], t[0]) for t in extras}
        kinds["missed"] += sum(1 for g in p.first - p.second if (g[0], g[2]) not in near)
    return kinds


def extractor_lines(label: str, group: list[Pair]) -> list[str]:
    """The extractor on these texts, totals only: against each annotator, the tuples both wrote
    (recall) and the tuples either wrote (precision)."""
    found = sum(len(p.found) for p in group)
    out = []
    for what, ref in (
        ("first annotator", [p.first for p in group]),
        ("second annotator", [p.second for p in group]),
        ("both (recall)", [p.first & p.second for p in group]),
        ("either (precision)", [p.first | p.second for p in group]),
    ):
        tp = sum(len(r & p.found) for r, p in zip(ref, group, strict=True))
        gold = sum(len(r) for r in ref)
        prec, rec, f1 = _prf(gold, found, tp)
        out.append(
            f"{label} extractor vs {what:<18}  gold {gold:>4}  found {found:>4}  right {tp:>4}  "
            f"precision {prec:.2f}  recall {rec:.2f}  f1 {f1:.2f}"
        )
    return out


def rounds(folder: Path) -> list[Path]:
    """The folder itself when it holds second annotations, else each of its subfolders that does."""
    if any(folder.glob("*.gold2.yaml")):
        return [folder]
    return sorted(d for d in folder.iterdir() if d.is_dir() and any(d.glob("*.gold2.yaml")))


def report(group_all: list[Pair], per_text: bool = True) -> None:
    width = max(len(p.name) for p in group_all)
    print(f"{'text':<{width}}  first  second  both  precision  recall     f1   (second against first)")
    for p in sorted(group_all, key=lambda x: (x.split, x.name)) if per_text else []:
        print(_line(p.name, width, p.first, p.second, len(p.first & p.second)))
    splits = sorted({p.split for p in group_all})
    groups = [(name, [p for p in group_all if p.split == name]) for name in splits] + [("overall", group_all)]
    for name, group in groups:
        first = sum(len(p.first) for p in group)
        second = sum(len(p.second) for p in group)
        both = sum(len(p.first & p.second) for p in group)
        print(_line(f"{name} (micro, {len(group)} pairs)", width, first, second, both))
    print(f"\nper predicate (all texts){'':<{max(0, width - 25)}}  first  second  both  precision  recall     f1")
    firsts = Counter(t[1] for p in group_all for t in p.first)
    seconds = Counter(t[1] for p in group_all for t in p.second)
    boths = Counter(t[1] for p in group_all for t in p.first & p.second)
    for pred in sorted(firsts | seconds):
        print(_line(f"  {pred}", width, firsts[pred], seconds[pred], boths[pred]))
    for name, group in groups:
        kinds = disagreements(group)
        print(f"\n{name}: disagreements " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
        print("\n".join(extractor_lines(f"{name}:", group)))


def between(a: list[Pair], b: list[Pair]) -> str:
    """Two second annotators against each other, on the texts both read (micro F1; symmetric)."""
    seconds = {p.name: p.second for p in b}
    common = [(p.second, seconds[p.name]) for p in a if p.name in seconds]
    x = sum(len(s) for s, _ in common)
    y = sum(len(t) for _, t in common)
    both = sum(len(s & t) for s, t in common)
    _, _, f1 = _prf(x, y, both)
    return f"{len(common)} texts: {x} and {y} tuples, {both} in both, F1 {f1:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=AGREEMENT_DIR, help="a folder of *.gold2.yaml files, or of rounds")
    args = parser.parse_args(argv)
    found = rounds(args.dir)
    if not found:
        print(f"no *.gold2.yaml files in {args.dir} or its subfolders")
        return 1
    done: list[tuple[str, list[Pair]]] = []
    for folder in found:
        group = pairs(folder)
        print(f"== {folder.name}: {len(group)} texts\n")
        report(group)
        print()
        done.append((folder.name, group))
    for i, (name_a, a) in enumerate(done):
        for name_b, b in done[i + 1 :]:
            if {p.name for p in a} & {p.name for p in b}:
                print(f"{name_a}'s second annotator against {name_b}'s: {between(a, b)}")
    every = [p for _, group in done for p in group]
    if len(done) > 1:
        print("\n== all rounds: every pair of annotations (a text read in two rounds counts twice)\n")
        report(every, per_text=False)
    adjudicated = args.dir / "adjudicated"
    if any(adjudicated.glob("*.adjudicated.yaml")):
        print("\n== adjudicated: one consensus answer per text, from all its annotations (AGREEMENT.md)\n")
        print("\n".join(adjudication_lines(adjudicated, done)))
    return 0


def adjudication_lines(folder: Path, done: list[tuple[str, list[Pair]]]) -> list[str]:
    """Per split, totals only: the first annotator, each round's second annotator and the extractor, each against the
    adjudicated answer of the texts adjudicated."""
    consensus = {p.name.removesuffix(".adjudicated.yaml"): load_gold(p)[1] for p in folder.glob("*.adjudicated.yaml")}
    firsts: dict[str, tuple[str, set[Tuple4], set[Tuple4]]] = {}
    for _, group in done:
        for p in group:
            firsts.setdefault(p.name, (p.split, p.first, p.found))
    out = []
    seconds = {round_name: {p.name: p.second for p in group} for round_name, group in done}
    for split in sorted({firsts[n][0] for n in consensus}) + ["overall"]:
        names = [n for n in consensus if split in {"overall", firsts[n][0]}]
        rows = [("first annotator", {n: firsts[n][1] for n in names}), ("extractor", {n: firsts[n][2] for n in names})]
        rows += [(f"{r}'s second annotator", {n: a[n] for n in names if n in a}) for r, a in seconds.items()]
        for label, answers in rows:
            gold = sum(len(consensus[n]) for n in answers)
            found = sum(len(a) for a in answers.values())
            right = sum(len(a & consensus[n]) for n, a in answers.items())
            prec, rec, f1 = _prf(gold, found, right)
            out.append(
                f"{split} ({len(answers)} texts): {label:<28} against the adjudicated {gold:>4}: found {found:>4}, "
                f"right {right:>4}, precision {prec:.2f}, recall {rec:.2f}, f1 {f1:.2f}"
            )
    return out


if __name__ == "__main__":
    sys.exit(main())
