"""A deterministic, moderately large curated input for fault-injection tests."""

from __future__ import annotations

import json
import random
from pathlib import Path


def curated_file(
    directory: Path, n_firms: int = 2000, n_sources: int = 1000, n_claims: int = 8000, seed: int = 7
) -> Path:
    """Write ``big.json`` (curated format, JSON) and return its path. Every quote is in its text."""
    rng = random.Random(seed)
    lists = [{"id": f"list:gen-list-{i}", "type": "List", "name": f"Generated List {i}"} for i in range(20)]
    firms = [
        {"id": f"firm:gen-{i}", "type": "Firm", "name": f"Generated Firm {i}", "aliases": [f"GF{i}"]}
        for i in range(n_firms)
    ]
    sources = []
    sentences: dict[str, list[str]] = {}
    for s in range(n_sources):
        sid = f"source:gen-{s}"
        lines = [
            f"Sentence {k} of report {s}: Generated Firm {rng.randrange(n_firms)} appears here." for k in range(10)
        ]
        sentences[sid] = lines
        sources.append({"id": sid, "title": f"Generated report {s}", "kind": "report", "text": " ".join(lines)})
    claims = []
    seen = set()
    while len(claims) < n_claims:
        sid = f"source:gen-{rng.randrange(n_sources)}"
        firm = rng.randrange(n_firms)
        lst = rng.randrange(len(lists))
        stance = rng.choice(["asserted", "alleged", "reported"])
        key = (firm, lst, stance, sid)
        if key in seen:
            continue
        seen.add(key)
        claims.append(
            {
                "subject": f"firm:gen-{firm}",
                "predicate": "listed-on",
                "object": f"list:gen-list-{lst}",
                "stance": stance,
                "source": sid,
                "quote": rng.choice(sentences[sid]),
            }
        )
    path = directory / "big.json"
    path.write_text(json.dumps({"sources": sources, "entities": lists + firms, "claims": claims}, indent=1))
    return path
