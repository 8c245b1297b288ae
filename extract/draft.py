"""The draft for review: a :class:`~loaders.base.Parsed` as curated YAML (what ``regkg load
curated`` reads), every string exact — multi-line strings and strings with surrounding white
space are written double-quoted so they round-trip byte for byte, unicode is kept as it is."""

from __future__ import annotations

from typing import Any

import yaml

from loaders.base import Parsed

_HEADER = (
    "# Draft written by the article extractor (regkg extract). Every claim is a candidate\n"
    "# (method: extracted): check each quote, stance and id before loading; entities marked\n"
    "# candidate: true are new and unreviewed.\n"
)


def dump_curated(parsed: Parsed, text_file_name: str | None = None) -> str:
    """``parsed`` as curated YAML. With ``text_file_name`` the source names its text file
    (``text_file:``, relative to the YAML file) instead of carrying the text inline."""
    sources = []
    for s in parsed.sources:
        item: dict[str, Any] = {
            "id": s.id,
            "title": s.title,
            "kind": s.kind,
            "url": s.url,
            "publisher": s.publisher,
            "author": s.author,
            "published_at": s.published_at,
            "retrieved_at": s.retrieved_at,
        }
        if text_file_name is not None:
            item["text_file"] = text_file_name
        else:
            item["text"] = s.text
        item["derived_from"] = list(s.derived_from)
        sources.append(item)
    entities = []
    for e in parsed.entities:
        item = {"id": e.id, "type": e.type.value, "name": e.name, "aliases": list(e.aliases)}
        if e.country:
            item["country"] = e.country
        item["candidate"] = e.candidate
        entities.append(item)
    claims = [
        {
            "subject": c.subject,
            "predicate": c.predicate.value,
            "object": c.object,
            "stance": c.stance.value,
            "asserted_by": c.asserted_by,
            "valid_from": c.valid_from,
            "valid_to": c.valid_to,
            "qualifiers": dict(c.qualifiers),
            "confidence": c.confidence,
            "method": c.method.value,
            "citations": [{"source": x.source, "quote": x.quote, "start": x.start, "end": x.end} for x in c.citations],
        }
        for c in parsed.claims
    ]
    body = yaml.dump(
        {"sources": sources, "entities": entities, "claims": claims},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100_000,
        default_flow_style=False,
    )
    return _HEADER + body


class _Dumper(yaml.SafeDumper):
    """Safe dumper that writes multi-line strings double-quoted (exact round trip)."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if ("\n" in value or value != value.strip()) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
