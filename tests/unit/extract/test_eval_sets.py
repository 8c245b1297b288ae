"""The evaluation sets of ``bench.extract`` hold what their SPLIT.md files say: every gold claim is
a tuple the ontology allows, its quote (where the gold gives one) occurs in its text, every text has
its meta and gold file, and the split digest of each hashed set matches the gold files' splits."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml

from schema.ontology import EntityType, Predicate, Stance, allowed
from schema.quotes import fold

ROOT = Path(__file__).resolve().parents[3]
SETS = [
    ROOT / "tests" / "fixtures" / "articles",
    ROOT / "bench" / "eval",
    ROOT / "bench" / "eval4",
    ROOT / "bench" / "eval5",
    ROOT / "bench" / "eval6",
    ROOT / "bench" / "eval7",
    ROOT / "bench" / "eval8",
    ROOT / "bench" / "eval9",
    ROOT / "bench" / "eval10",
    ROOT / "bench" / "eval11",
    ROOT / "bench" / "eval12",
    ROOT / "bench" / "eval13",
    ROOT / "bench" / "eval14",
    ROOT / "bench" / "eval15",
    ROOT / "bench" / "eval16",
    ROOT / "bench" / "eval17",
    ROOT / "bench" / "eval18",
    ROOT / "bench" / "eval19",
    ROOT / "bench" / "eval20",
    ROOT / "bench" / "eval21",
    ROOT / "bench" / "eval22",
    ROOT / "bench" / "eval23",
    ROOT / "bench" / "eval24",
    ROOT / "bench" / "eval25",
    ROOT / "bench" / "eval26",
    ROOT / "bench" / "eval27",
    ROOT / "bench" / "eval28",
    ROOT / "bench" / "eval29",
    ROOT / "bench" / "eval30",
    ROOT / "bench" / "eval31",
]
GOLDS = sorted(g for d in SETS for g in d.glob("*.gold.yaml"))
TYPES = {t.value.lower(): t for t in EntityType}


def _split(gold: dict[str, object]) -> str:
    return str(gold.get("split", "dev"))


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.name.removesuffix(".gold.yaml"))
def test_every_gold_claim_is_allowed_and_quoted_from_its_text(path: Path) -> None:
    gold = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    name = path.name.removesuffix(".gold.yaml")
    text = fold((path.parent / f"{name}.txt").read_text(encoding="utf-8"))
    assert (path.parent / f"{name}.meta.yaml").exists()
    assert _split(gold) in {"dev", "heldout"}
    for claim in gold.get("claims") or []:
        predicate = Predicate(claim["predicate"])
        Stance(claim["stance"])
        subject = TYPES[claim["subject"].split(":", 1)[0]]
        obj = TYPES[claim["object"].split(":", 1)[0]]
        assert allowed(predicate, subject, obj), claim
        if "quote" in claim:
            assert fold(claim["quote"]) in text, claim["quote"]


@pytest.mark.parametrize(
    ("folder", "blind"),
    [
        ("eval", False),
        ("eval4", True),
        ("eval5", False),
        ("eval6", False),
        ("eval7", False),
        ("eval8", False),
        ("eval9", False),
        ("eval10", False),
        ("eval11", False),
        ("eval12", False),
        ("eval13", False),
        ("eval14", False),
        ("eval15", False),
        ("eval16", False),
        ("eval17", False),
        ("eval18", False),
        ("eval19", False),
        ("eval20", False),
        ("eval21", False),
        ("eval22", False),
        ("eval23", False),
        ("eval24", False),
        ("eval25", False),
        ("eval26", False),
        ("eval27", False),
        ("eval28", False),
        ("eval29", False),
        ("eval30", False),
        ("eval31", False),
    ],
)
def test_the_split_digest_matches_the_gold_files(folder: str, blind: bool) -> None:
    """eval4's digest is of its blind run, when every text was held out (its SPLIT.md)."""
    here = ROOT / "bench" / folder
    split_md = (here / "SPLIT.md").read_text(encoding="utf-8")
    written = re.search(r"split digest: ([0-9a-f]{64})", split_md)
    assert written is not None
    lines = []
    for txt in here.glob("*.txt"):
        name = txt.name.removesuffix(".txt")
        gold = yaml.safe_load((here / f"{name}.gold.yaml").read_text(encoding="utf-8"))
        split = "heldout" if blind else _split(gold)
        lines.append(f"{name} {split} {hashlib.sha256(txt.read_bytes()).hexdigest()}")
    assert hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest() == written.group(1)
