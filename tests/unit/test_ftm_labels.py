"""The page's generated label files (web/ftm_labels.py) are what the generator writes now: the
FollowTheMoney schemata of the installed package and the list loaders' table columns."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from followthemoney import model

from loaders import csl, fcc, ofac
from loaders.csvfile import header_key

ROOT = Path(__file__).resolve().parents[2]


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ftm_labels", ROOT / "web" / "ftm_labels.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def committed(name: str) -> Any:
    return json.loads((ROOT / "web" / "src" / name).read_text(encoding="utf-8"))


def test_the_committed_files_are_what_the_generator_writes_now() -> None:
    gen = generator()
    assert committed("ftm_labels.json") == gen.ftm_labels(), "run: .venv/bin/python web/ftm_labels.py"
    assert committed("csv_layouts.json") == gen.csv_layouts(), "run: .venv/bin/python web/ftm_labels.py"
    # byte for byte too: the files are the generator's rendering, not a hand-edited equivalent
    for name, data in (("ftm_labels.json", gen.ftm_labels()), ("csv_layouts.json", gen.csv_layouts())):
        assert (ROOT / "web" / "src" / name).read_text(encoding="utf-8") == gen.render(data)


def resolve(schemata: dict[str, Any], schema: str, prop: str) -> str | None:
    """A property's label as the page finds it: the schema's own, else its parents' in order."""
    entry = schemata[schema]
    if prop in entry["properties"]:
        return str(entry["properties"][prop]["label"])
    for parent in entry["extends"]:
        found = resolve(schemata, parent, prop)
        if found is not None:
            return found
    return None


def test_every_property_of_every_schema_gets_the_models_label() -> None:
    schemata = committed("ftm_labels.json")["schemata"]
    assert set(schemata) == set(model.schemata)
    for schema in model.schemata.values():
        assert schemata[schema.name]["label"] == schema.label
        for prop in schema.properties.values():
            assert resolve(schemata, schema.name, prop.name) == prop.label, (schema.name, prop.name)
    assert resolve(schemata, "Ownership", "percentage") == model.get("Ownership").properties["percentage"].label
    assert resolve(schemata, "Ownership", "startDate") == "Start date"  # from Interval


def test_the_layouts_are_the_loaders_columns() -> None:
    layouts = committed("csv_layouts.json")["layouts"]
    columns = {(x["loader"], len(x["columns"])): x["columns"] for x in layouts}
    assert columns[("csl", len(csl.COLUMNS) + 1)] == ["_id", *csl.COLUMNS]
    assert columns[("csl", len(csl.COLUMNS))] == list(csl.COLUMNS)
    assert columns[("ofac", len(ofac.SDN_COLUMNS))] == list(ofac.SDN_COLUMNS)
    assert columns[("fcc", 2)] == [fcc.DESCRIPTION, fcc.DATE]
    semicolon = next(x for x in layouts if x["loader"] == "fcc" and x["delimiter"] == ";")
    assert semicolon["labels"] == list(fcc.SEMICOLON_HEADINGS)  # the file's own headings, shown by the page
    assert [header_key(h) for h in semicolon["labels"]] == semicolon["columns"]
    # the page takes the first layout that fits: a longer prefix first, then more columns first
    for i, earlier in enumerate(layouts):
        for later in layouts[i + 1 :]:
            assert not later["prefix"].startswith(earlier["prefix"]) or later["prefix"] == earlier["prefix"]
            if later["prefix"] == earlier["prefix"]:
                assert len(later["columns"]) < len(earlier["columns"])
