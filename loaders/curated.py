"""The analysts' format: YAML (or JSON) files of sources, entities and claims.

    sources:    [{id, title, kind, url?, publisher?, author?, published_at?, retrieved_at?,
                  text_file? | text?, derived_from?: [source ids]}]
    entities:   [{id, type, name, aliases?, country?, identifiers?, description?}]
    claims:     [{subject, predicate, object, stance?, asserted_by?, valid_from?, valid_to?,
                  qualifiers?, confidence?, method?,
                  source + quote | citations: [{source, quote, start?}]}]

``text_file`` is relative to the YAML file and read byte-exact as UTF-8. Each quote is located in
its source's text after normalising white space, non-breaking spaces and curly quotes
(:mod:`schema.quotes`); its offsets are stored and a quote that is not in the text is an error.

Every problem is reported with file, line and field, and the whole input is rejected: nothing is
written unless every record is valid. The reference registry's entities (countries, agencies,
lists: :mod:`reference`) are referred to by id and never defined in these files; other ids not
defined in the files are resolved through ``resolve_external`` (the CLI passes a read-only graph
lookup), so the loader stays pure.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from reference import registry
from schema.models import Citation, Claim, Entity, Source
from schema.ontology import EntityType
from schema.quotes import locate, normalise

from .base import Parsed, RecordError, validation_errors

# ids -> type name ("Firm", ... or "Source") for the ids that exist outside the files
ExternalResolver = Callable[[list[str]], dict[str, str]]

TOP_LEVEL = {"sources", "entities", "claims"}
SUFFIXES = {".yaml", ".yml", ".json"}


class _Mapping(dict[str, Any]):
    """A YAML mapping that remembers the line of each key (1-based)."""

    line: int
    lines: dict[str, int]

    def error(self, path: Path | str, key: str | None, field: str | None, message: str) -> RecordError:
        """A RecordError at ``key``'s line (this mapping's own line when ``key`` is None or has none)."""
        return RecordError(str(path), self.lines.get(key, self.line) if key else self.line, field, message)


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml when present
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    out = _Mapping()
    out.line = node.start_mark.line + 1
    out.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (int, float, bool)) or key is None:
            key = str(key)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[str(key)] = key_node.start_mark.line + 1
    return out


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    # dates stay text: the schema validates partial dates and names the field when one is bad
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the curated files inside directories named, in a stable order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.suffix in SUFFIXES and f.is_file()))
        else:
            out.append(p)
    return out


def _parse_file(path: Path, errors: list[RecordError]) -> _Mapping | None:
    try:
        raw = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        errors.append(RecordError(str(path), None, None, "file not found"))
        return None
    except UnicodeDecodeError as exc:
        errors.append(RecordError(str(path), None, None, f"not UTF-8 text ({exc.reason})"))
        return None
    try:
        doc = yaml.load(raw, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        errors.append(RecordError(str(path), line, None, f"malformed YAML/JSON: {problem}"))
        return None
    if doc is None:
        return _empty()
    if not isinstance(doc, _Mapping):
        errors.append(RecordError(str(path), 1, None, "the file must be a mapping with sources/entities/claims"))
        return None
    for key in doc:
        if key not in TOP_LEVEL:
            errors.append(doc.error(path, key, key, f"unknown section; expected one of {sorted(TOP_LEVEL)}"))
    for key in TOP_LEVEL & set(doc):
        if doc[key] is not None and not isinstance(doc[key], list):
            errors.append(doc.error(path, key, key, "must be a list"))
            return None
    return doc


def _empty() -> _Mapping:
    m = _Mapping()
    m.line, m.lines = 1, {}
    return m


def _records(doc: _Mapping, section: str, path: Path, errors: list[RecordError]) -> list[tuple[int, _Mapping]]:
    out: list[tuple[int, _Mapping]] = []
    for i, item in enumerate(doc.get(section) or []):
        if not isinstance(item, _Mapping):
            errors.append(doc.error(path, section, f"{section}[{i}]", "must be a mapping"))
            continue
        out.append((i, item))
    return out


def _source(path: Path, i: int, rec: _Mapping, errors: list[RecordError], extra_files: list[Path]) -> Source | None:
    data = dict(rec)
    where = f"sources[{i}]."
    text_file = data.pop("text_file", None)
    if text_file is not None:
        if "text" in data:
            errors.append(rec.error(path, "text", where + "text", "give text or text_file, not both"))
            return None
        file = (path.parent / str(text_file)).resolve()
        extra_files.append(file)
        try:
            data["text"] = file.read_bytes().decode("utf-8")
        except FileNotFoundError:
            errors.append(rec.error(path, "text_file", where + "text_file", f"file not found: {file}"))
            return None
        except UnicodeDecodeError as exc:
            errors.append(rec.error(path, "text_file", where + "text_file", f"not UTF-8 text ({exc.reason})"))
            return None
    try:
        return Source.model_validate(data)
    except ValidationError as exc:
        errors.extend(validation_errors(exc, path, rec.lines, rec.line, where))
        return None


def _entity(path: Path, i: int, rec: _Mapping, errors: list[RecordError]) -> Entity | None:
    try:
        return Entity.model_validate(dict(rec))
    except ValidationError as exc:
        errors.extend(validation_errors(exc, path, rec.lines, rec.line, f"entities[{i}]."))
        return None


def _citations(
    path: Path,
    i: int,
    rec: _Mapping,
    sources: dict[str, Source],
    external: dict[str, str],
    errors: list[RecordError],
) -> list[dict[str, Any]] | None:
    where = f"claims[{i}]."
    if "citations" in rec and ("source" in rec or "quote" in rec):
        errors.append(rec.error(path, "citations", where + "citations", "give citations or source+quote, not both"))
        return None
    if "citations" in rec:
        raw = rec["citations"]
        if not isinstance(raw, list) or not raw:
            errors.append(rec.error(path, "citations", where + "citations", "must be a non-empty list"))
            return None
        items = [(f"citations[{j}].", c) for j, c in enumerate(raw)]
    else:
        items = [("", rec)]
    out: list[dict[str, Any]] = []
    ok = True
    for sub, item in items:
        owner = item if isinstance(item, _Mapping) else rec
        if not isinstance(item, dict):
            errors.append(owner.error(path, None, where + sub.rstrip("."), "must be a mapping"))
            ok = False
            continue
        for key in ("source", "quote"):
            if not item.get(key):
                errors.append(owner.error(path, key, where + sub + key, "Field required"))
                ok = False
        if not (item.get("source") and item.get("quote")):
            continue
        sid, quote = str(item["source"]), str(item["quote"])
        src = sources.get(sid)
        if src is None:
            if external.get(sid) != "Source":
                errors.append(owner.error(path, "source", where + sub + "source", f"unknown source {sid}"))
            else:
                errors.append(
                    owner.error(
                        path,
                        "source",
                        where + sub + "source",
                        f"source {sid} is not defined in these files; its text is needed to locate the quote",
                    )
                )
            ok = False
            continue
        if src.text is None:
            errors.append(
                owner.error(path, "source", where + sub + "source", f"source {sid} has no text to quote from")
            )
            ok = False
            continue
        hint = item.get("start") if isinstance(item.get("start"), int) else None
        span = locate(src.text, quote, hint, _normalised(src))
        if span is None:
            errors.append(
                owner.error(
                    path, "quote", where + sub + "quote", f"quote not found in the text of {sid}: {quote[:80]!r}"
                )
            )
            ok = False
            continue
        start, end = span
        out.append({"source": sid, "quote": src.text[start:end], "start": start, "end": end})
    return out if ok else None


_NORMALISED: dict[str, tuple[str, tuple[str, list[int]]]] = {}


def _normalised(src: Source) -> tuple[str, list[int]]:
    """normalise(src.text), computed once per source text (keyed by its sha256)."""
    key = src.sha256 or ""
    hit = _NORMALISED.get(src.id)
    if hit is None or hit[0] != key:
        if len(_NORMALISED) > 10_000:
            _NORMALISED.clear()
        hit = (key, normalise(src.text or ""))
        _NORMALISED[src.id] = hit
    return hit[1]


def _claim(
    path: Path,
    i: int,
    rec: _Mapping,
    types: dict[str, str],
    sources: dict[str, Source],
    external: dict[str, str],
    errors: list[RecordError],
) -> Claim | None:
    where = f"claims[{i}]."
    before = len(errors)
    cites = _citations(path, i, rec, sources, external, errors)
    data = {k: v for k, v in rec.items() if k not in ("source", "quote", "citations")}
    data["citations"] = [Citation.model_validate(c) for c in cites] if cites else []
    claim: Claim | None = None
    try:
        claim = Claim.model_validate(data)
    except ValidationError as exc:
        errs = validation_errors(exc, path, rec.lines, rec.line, where)
        # an empty citation list is already reported precisely above
        errors.extend(e for e in errs if not (cites is None and e.field == where + "citations"))
        if cites is not None and not cites:
            errors.append(rec.error(path, None, where + "citations", "a claim needs at least one citation"))
    # references and the predicate's domain/range
    for key in ("subject", "object", "asserted_by"):
        ref = rec.get(key)
        if isinstance(ref, str) and ref not in types:
            errors.append(rec.error(path, key, where + key, f"unknown entity {ref}"))
    if claim is None or len(errors) > before:
        return None
    spec = claim.predicate.spec
    for end_name, ref, allowed_types in (
        ("subject", claim.subject, spec.subjects),
        ("object", claim.object, spec.objects),
    ):
        etype = EntityType(types[ref])
        if etype not in allowed_types:
            errors.append(
                rec.error(
                    path,
                    end_name,
                    where + end_name,
                    f"{claim.predicate.value} does not take a {etype.value} as {end_name} "
                    f"(allowed: {', '.join(sorted(t.value for t in allowed_types))})",
                )
            )
            return None
    return claim


def load(paths: Iterable[Path], resolve_external: ExternalResolver | None = None) -> Parsed:
    """Parse and validate curated files. ``Parsed.rejects`` lists every problem found."""
    files = expand(paths)
    errors: list[RecordError] = []
    parsed = Parsed()
    docs = [(f, d) for f in files if (d := _parse_file(f, errors)) is not None]
    extra_files: list[Path] = []

    sources: dict[str, Source] = {}
    entities: dict[str, Entity] = {}
    for f, doc in docs:
        for i, rec in _records(doc, "sources", f, errors):
            src = _source(f, i, rec, errors, extra_files)
            if src is not None:
                if src.id in sources and sources[src.id] != src:
                    errors.append(rec.error(f, None, f"sources[{i}].id", f"{src.id} is defined twice, differently"))
                sources[src.id] = src
        for i, rec in _records(doc, "entities", f, errors):
            ent = _entity(f, i, rec, errors)
            if ent is not None and registry().get(ent.id) is not None:
                why = "is the reference registry's (reference/authorities.yaml): refer to it, do not define it"
                errors.append(rec.error(f, "id", f"entities[{i}].id", f"{ent.id} {why}"))
                continue
            if ent is not None:
                parsed.origins[ent.id] = f"curated:{f.name}"
                parsed.locations[ent.id] = f"{f}:{rec.line}: entities[{i}]"
                if ent.id in entities and entities[ent.id] != ent:
                    errors.append(rec.error(f, None, f"entities[{i}].id", f"{ent.id} is defined twice, differently"))
                entities[ent.id] = ent

    # ids referred to but not defined here: ask the graph (when a resolver is given)
    wanted: set[str] = set()
    for _, doc in docs:
        for _, rec in _records(doc, "claims", Path(), []):
            wanted.update(str(rec[k]) for k in ("subject", "object", "asserted_by") if isinstance(rec.get(k), str))
            listed = rec.get("citations")
            cites: list[Any] = listed if isinstance(listed, list) else [rec]
            wanted.update(str(c["source"]) for c in cites if isinstance(c, dict) and isinstance(c.get("source"), str))
    for s in sources.values():
        wanted.update(s.derived_from)
    wanted -= set(entities) | set(sources)
    # the reference registry's bodies, lists and countries are referred to, never defined here
    from_registry = {ref: found for ref in sorted(wanted) if (found := registry().get(ref)) is not None}
    entities.update(from_registry)
    wanted -= set(from_registry)
    external = resolve_external(sorted(wanted)) if (resolve_external and wanted) else {}
    for f, doc in docs:
        for i, rec in _records(doc, "sources", f, []):
            for ref in rec.get("derived_from") or []:
                if ref not in sources and external.get(str(ref)) != "Source":
                    errors.append(rec.error(f, "derived_from", f"sources[{i}].derived_from", f"unknown source {ref}"))

    types = {eid: e.type.value for eid, e in entities.items()}
    types.update({k: v for k, v in external.items() if v != "Source"})
    claims: dict[str, Claim] = {}
    for f, doc in docs:
        for i, rec in _records(doc, "claims", f, errors):
            claim = _claim(f, i, rec, types, sources, external, errors)
            if claim is not None:
                claims.setdefault(claim.id, claim)

    parsed.sources = list(sources.values())
    parsed.entities = list(entities.values())
    parsed.claims = list(claims.values())
    parsed.external_refs = set(external)
    parsed.rejects = errors
    parsed.notes.append(f"read {len(files)} file(s) and {len(extra_files)} text file(s)")
    parsed.inputs = files + extra_files
    return parsed


def load_document(
    doc: Mapping[str, Any], name: str = "request", resolve_external: ExternalResolver | None = None
) -> Parsed:
    """A curated document given as data (``POST /v1/claims``): the same validation as a file,
    each problem named by its JSON path (``claims[0].quote``) under ``name``. Sources give their
    text inline (``text_file`` refers to a file on the server: refused)."""
    for i, src in enumerate(doc.get("sources") or [] if isinstance(doc, Mapping) else []):
        if isinstance(src, Mapping) and "text_file" in src:
            parsed = Parsed()
            parsed.rejects.append(RecordError(name, None, f"sources[{i}].text_file", "give the text inline (text)"))
            return parsed
    with tempfile.TemporaryDirectory(prefix="regkg-claims-") as folder:
        path = Path(folder) / f"{name}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        parsed = load([path], resolve_external)
    parsed.rejects = [RecordError(name, None, r.field, r.message) for r in parsed.rejects]
    parsed.notes = []
    parsed.inputs = []
    return parsed


__all__ = ["load", "load_document", "expand", "ExternalResolver"]
