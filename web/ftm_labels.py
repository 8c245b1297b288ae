"""Generates the labels the investigator's page shows a structured source's record with.

- ``web/src/ftm_labels.json``: every FollowTheMoney schema of the installed ``followthemoney``
  package — its label, the schemata it extends, and the properties it defines itself (label and
  type); the page finds an inherited property by walking ``extends`` (sorted: the model holds a
  set; no two parents label one property differently — ``tests/unit/test_ftm_labels.py`` checks
  every property of every schema resolves to the model's label).
- ``web/src/csv_layouts.json``: the columns of the list loaders' tables, from the loaders' own
  constants — the CSL's header (both layouts), the FCC Covered List's (both layouts, as the
  loader reads them), OFAC's ``sdn.csv`` and ``sdn_comments.csv`` (published without a header:
  OFAC's field names) — with the id prefix of the row Sources each loader writes.

Run it with the project's Python when followthemoney or a loader's columns change::

    .venv/bin/python web/ftm_labels.py

``tests/unit/test_ftm_labels.py`` fails when the committed files differ from what this writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FTM_JSON = ROOT / "web" / "src" / "ftm_labels.json"
CSV_JSON = ROOT / "web" / "src" / "csv_layouts.json"


def ftm_labels() -> dict[str, Any]:
    import followthemoney
    from followthemoney import model

    schemata: dict[str, Any] = {}
    for schema in sorted(model.schemata.values(), key=lambda s: s.name):
        own = {
            prop.name: {"label": prop.label, "type": prop.type.name}
            for prop in sorted(schema.properties.values(), key=lambda p: p.name)
            if prop.schema is schema
        }
        schemata[schema.name] = {
            "label": schema.label,
            "extends": sorted(parent.name for parent in schema.extends),  # a set in the model
            "properties": own,
        }
    return {
        "generated_by": "web/ftm_labels.py",
        "followthemoney": followthemoney.__version__,
        "schemata": schemata,
    }


def csv_layouts() -> dict[str, Any]:
    from loaders import csl, fcc, ofac

    fcc_2026 = [fcc.DESCRIPTION, fcc.DATE]
    fcc_2024 = [fcc.DESCRIPTION, fcc.DATE, fcc.ENTITY, fcc.SUBSIDIARIES]
    layouts = [
        {"loader": "ofac", "file": "sdn_comments.csv", "prefix": "source:ofac:sdn-comments-",
         "delimiter": ",", "empty": "-0-", "columns": list(ofac.COMMENT_COLUMNS)},
        {"loader": "ofac", "file": "sdn.csv", "prefix": "source:ofac:sdn-",
         "delimiter": ",", "empty": "-0-", "columns": list(ofac.SDN_COLUMNS)},
        {"loader": "csl", "file": "the Consolidated Screening List (current columns)", "prefix": "source:csl:",
         "delimiter": ",", "empty": None, "columns": ["_id", *csl.COLUMNS]},
        {"loader": "csl", "file": "the Consolidated Screening List (2019 columns)", "prefix": "source:csl:",
         "delimiter": ",", "empty": None, "columns": list(csl.COLUMNS)},
        {"loader": "fcc", "file": "the FCC Covered List table (semicolon layout)", "prefix": "source:fcc:",
         "delimiter": ";", "empty": None, "columns": fcc_2024, "labels": list(fcc.SEMICOLON_HEADINGS)},
        {"loader": "fcc", "file": "the FCC Covered List table (comma layout)", "prefix": "source:fcc:",
         "delimiter": ",", "empty": None, "columns": fcc_2026},
    ]  # fmt: skip
    # "labels": the file's own headings where they differ from the loader's keys (the page shows them)
    # the page tries a Source's layouts in this order and takes the first whose cell count fits:
    # longer prefixes first, then more columns (a row of fewer columns never splits into more)
    return {"generated_by": "web/ftm_labels.py", "layouts": layouts}


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    for path, data in ((FTM_JSON, ftm_labels()), (CSV_JSON, csv_layouts())):
        path.write_text(render(data), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")  # noqa: T201


if __name__ == "__main__":
    main()
