"""Train the learned reader (:mod:`extract.reader`) on the development split, and only on it.

    python -m bench.train_reader [--c 1 2 5 10 20] [--folds 5] [--min-precision 0.8] [--write]

Every development text of the evaluation sets (``bench.extract.ALL_DIRS``; a text whose gold file
says ``split: heldout`` is never read) runs through the rules; each ordered pair of mentions a
sentence holds, for each predicate the pair's types fit, is one example, labelled by the text's
gold claims (subject, predicate and object; any stance). A logistic regression with an L1 penalty
(scikit-learn's liblinear; few weights, each one readable) learns the weights.

The penalty and the threshold are chosen by cross-validation grouped by text (``--folds``; a text's
pairs are all in one fold): for each ``--c``, the model trained without a fold scores that fold's
pairs, and a claim it proposes counts once per text, right when the text's gold holds it. The
chosen pair is the one that finds most right claims with a precision of at least
``--min-precision``. ``--write`` stores the weights, the threshold, the cross-validated figures
and the names and digest of the texts read in ``extract/reader_weights.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from bench.extract import ALL_DIRS, load_gold, same_id
from extract import load_meta, propose
from extract.reader import WEIGHTS_PATH, collecting, probability_with

Triple = tuple[str, str, str]


class Example(NamedTuple):
    text: str
    triple: Triple  # (subject, predicate, object), compared as the gold is
    features: list[str]
    gold: bool  # the text's gold holds the triple (any stance)
    fresh: bool  # no pattern related the pair in its sentence: the reader scores it
    added: bool  # the reader would score it (no pattern related the pair) and the patterns did not claim it
    pair: tuple[str, int, frozenset[str]]  # text, sentence, the two ends: one reading a pair


THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(14))  # 0.3 .. 0.95


def dev_golds() -> list[Path]:
    return sorted(g for d in ALL_DIRS for g in d.glob("*.gold.yaml") if load_gold(g)[0] == "dev")


def examples(golds: list[Path]) -> tuple[list[Example], int]:
    """The candidate pairs of every text, labelled, and the number of gold claims."""
    out: list[Example] = []
    total = 0
    for g in golds:
        name = g.name.removesuffix(".gold.yaml")
        meta = g.with_name(name + ".meta.yaml")
        gold = {(s, p, o) for s, p, o, _ in load_gold(g)[1]}
        total += len(gold)
        with collecting() as cands:
            proposal = propose(g.with_name(name + ".txt").read_bytes(), load_meta(meta) if meta.exists() else None)
        claimed = {(same_id(c.subject), c.predicate.value, same_id(c.object)) for c in proposal.parsed.claims}
        for c in cands:
            t = (same_id(c.subject), c.predicate.value, same_id(c.object))
            pair = (name, c.sentence, frozenset((c.subject, c.object)))
            out.append(Example(name, t, c.features, t in gold, c.fresh, c.fresh and t not in claimed, pair))
    return out, total


def fit(rows: list[list[str]], labels: list[bool], c: float) -> dict[str, float]:
    """Weights of an L1-penalised logistic regression on binary features (no intercept: each
    predicate has its own ``<predicate>|bias`` feature)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    vocab = {f: i for i, f in enumerate(sorted({f for feats in rows for f in feats}))}
    indptr, indices = [0], []
    for feats in rows:
        indices += sorted({vocab[f] for f in feats})
        indptr.append(len(indices))
    x = csr_matrix(([1.0] * len(indices), indices, indptr), shape=(len(rows), len(vocab)))
    model = LogisticRegression(  # random_state: liblinear shuffles; fixed, the same data gives the same weights
        C=c, l1_ratio=1.0, solver="liblinear", fit_intercept=False, max_iter=5000, random_state=0
    )
    model.fit(x, labels)
    coef = model.coef_[0]
    return {f: round(float(coef[i]), 4) for f, i in vocab.items() if abs(coef[i]) >= 1e-4}


Scored = tuple[float, Example]


def cross_validate(data: list[Example], names: list[str], folds: int, c: float) -> list[Scored]:
    """Every pair with the probability a model that did not see its text gives it."""
    scored: list[Scored] = []
    for k in range(folds):
        held = {n for i, n in enumerate(names) if i % folds == k}
        train = [e for e in data if e.text not in held]
        weights = fit([e.features for e in train], [e.gold for e in train], c)
        scored += [(probability_with(weights, e.features), e) for e in data if e.text in held]
    return scored


def per_predicate(scored: list[Scored], additions: bool = False) -> dict[str, list[tuple[float, int, int]]]:
    """For each predicate, (threshold, found, right) at each of :data:`THRESHOLDS`, a claim once per
    text: of every pair (the model alone), or (``additions``) of what the reader would add to the
    patterns — a pair no pattern related, its likeliest reading only, a claim the patterns did not make."""
    kept: list[Scored] = scored
    if additions:
        best: dict[tuple[str, int, frozenset[str]], Scored] = {}
        for p, e in scored:
            if e.fresh and p > best.get(e.pair, (-1.0, e))[0]:
                best[e.pair] = (p, e)
        kept = [(p, e) for p, e in best.values() if e.added]
    out: dict[str, list[tuple[float, int, int]]] = {}
    for threshold in THRESHOLDS:
        proposed = {(e.text, e.triple): e.gold for p, e in kept if p >= threshold}
        found: Counter[str] = Counter(t[1] for _, t in proposed)
        right: Counter[str] = Counter(t[1] for (_, t), gold in proposed.items() if gold)
        for predicate in sorted(found):
            out.setdefault(predicate, []).append((threshold, found[predicate], right[predicate]))
    return out


def choose(
    table: dict[str, list[tuple[float, int, int]]], min_precision: float, min_found: int
) -> dict[str, tuple[float, int, int]]:
    """Each predicate's lowest threshold whose proposals reach ``min_precision`` (at least
    ``min_found`` of them); a predicate with none is left to the patterns."""
    chosen = {}
    for predicate, rows in table.items():
        for threshold, found, right in rows:
            if found >= min_found and right >= min_precision * found:
                chosen[predicate] = (threshold, found, right)
                break
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, nargs="+", default=[1.0, 2.0, 5.0, 10.0, 20.0], help="inverse L1 strengths")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--min-precision", type=float, default=0.8, help="cross-validated, per predicate")
    parser.add_argument("--min-found", type=int, default=5, help="cross-validated proposals a predicate needs")
    parser.add_argument("--write", action="store_true", help=f"store the model in {WEIGHTS_PATH.name}")
    args = parser.parse_args(argv)

    golds = dev_golds()
    names = [g.name.removesuffix(".gold.yaml") for g in golds]
    data, total = examples(golds)
    positives = sum(e.gold for e in data)
    fresh = sum(e.fresh for e in data)
    print(
        f"{len(golds)} development texts, {total} gold claims, {len(data)} candidate pairs ({positives} gold), "
        f"{fresh} of them no pattern related"
    )
    print(
        f"the model alone on the texts each of {args.folds} folds left out (any stance), at each predicate's threshold:"
    )
    best: tuple[int, float, dict[str, tuple[float, int, int]]] | None = None
    for c in args.c:
        scored = cross_validate(data, names, args.folds, c)
        alone = choose(per_predicate(scored), args.min_precision, args.min_found)
        found = sum(f for _, f, _ in alone.values())
        right = sum(r for _, _, r in alone.values())
        figures = f"found {found}, right {right} (precision {right / max(found, 1):.2f}, recall {right / total:.2f})"
        print(f"  C {c:>5}: model alone {figures}")
        # what the reader proposes is only what it adds: the thresholds are chosen on that
        chosen = choose(per_predicate(scored, additions=True), args.min_precision, args.min_found)
        found = sum(f for _, f, _ in chosen.values())
        right = sum(r for _, _, r in chosen.values())
        added = [row for rows in per_predicate(scored, additions=True).values() for row in rows if row[0] == 0.5]
        print(
            f"           added to the patterns at 0.5 (a pair no pattern related): found {sum(r[1] for r in added)}, "
            f"right {sum(r[2] for r in added)}; at each predicate's threshold reaching {args.min_precision}: "
            f"found {found}, right {right}; "
            + (", ".join(f"{p} {t}" for p, (t, _, _) in sorted(chosen.items())) or "none")
        )
        if best is None or right > best[0]:
            best = (right, c, chosen)
    assert best is not None, "no --c given"
    right, c, chosen = best
    if not chosen:
        print(f"no predicate's additions reach a precision of {args.min_precision}: the reader proposes nothing")
    found = sum(f for _, f, _ in chosen.values())
    print(f"chosen: C {c}")
    for predicate, (threshold, f, r) in sorted(chosen.items()):
        print(f"  {predicate:<28} threshold {threshold}  found {f:>4}  right {r:>4}  precision {r / f:.2f}")
    if args.write:
        weights = fit([e.features for e in data], [e.gold for e in data], c)
        keep = tuple(f"{p}|" for p in chosen)
        model = {
            "trained_on": names,
            "texts_digest": hashlib.sha256("\n".join(names).encode()).hexdigest(),
            "c": c,
            "thresholds": {p: t for p, (t, _, _) in sorted(chosen.items())},
            "cross_validated": {
                "folds": args.folds,
                "gold": total,
                "found": found,
                "right": right,
                "by_predicate": {p: {"found": f, "right": r} for p, (_, f, r) in sorted(chosen.items())},
            },
            "weights": {f: w for f, w in sorted(weights.items()) if f.startswith(keep)},
        }
        WEIGHTS_PATH.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH} ({len(model['weights'])} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
