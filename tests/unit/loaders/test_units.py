"""loaders.units: a refresh builds only the units a version's predecessor did not have (pure)."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

from loaders import fcc
from loaders.base import Parsed
from loaders.units import Manifest, Refresh, Unit, fingerprint, record_units
from schema.ontology import VERSIONED, Predicate

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real"
V1, V2 = "2026-03-01", "2026-08-01"


def table(tmp_path: Path, rows: slice, name: str) -> Parsed:
    lines = (REAL / "fcc_covered_list_2026.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / name
    path.write_text(lines[0] + "".join(lines[1:][rows]), encoding="utf-8")
    return fcc.load(path)


def test_a_version_after_itself_keeps_every_unit_and_holds_the_same_listings(tmp_path: Path) -> None:
    parsed = table(tmp_path, slice(0, 11), "covered.csv")
    first = Refresh(V1)
    built = list(first.built(record_units(parsed, V1)))
    assert first.kept == 0 and first.built_units == len(built) > 0
    assert first.present and all(p is Predicate.LISTED_ON for _s, p, _o in first.present)
    # the rows' sources are seen in the version: the manifest says which unit holds them
    assert {s for ids in first.manifest.seen.values() for s in ids} == {
        s.id for part in built for s in part.sources if s.last_seen == V1
    }

    again = Refresh(V2, Manifest.decode(first.manifest.encode()))
    assert list(again.built(record_units(parsed, V2))) == []  # the dates of a version are no change
    assert again.kept == first.built_units
    assert again.present == first.present  # the kept units' listings, from the manifest
    assert again.kept_seen == {s for ids in first.manifest.seen.values() for s in ids}
    assert again.manifest.fingerprints == first.manifest.fingerprints


def test_only_the_rows_that_differ_are_built(tmp_path: Path) -> None:
    v1 = table(tmp_path, slice(0, 11), "covered-1.csv")
    first = Refresh(V1)
    list(first.built(record_units(v1, V1)))
    v2 = table(tmp_path, slice(1, 12), "covered-2.csv")  # the first row gone, the 12th new
    second = Refresh(V2, first.manifest)
    built = list(second.built(record_units(v2, V2)))
    claims = {c.id for part in built for c in part.claims}
    assert claims and claims == {c.id for c in v2.claims} - {c.id for c in v1.claims}  # the new row's
    entities = {e.id for part in built for e in part.entities}
    assert entities == {e.id for e in v2.entities} - {e.id for e in v1.entities}
    gone = v1.claims[0]
    assert (gone.subject, gone.predicate, gone.object) not in second.present
    assert second.present == {(c.subject, c.predicate, c.object) for c in v2.claims if c.predicate in VERSIONED}
    assert second.kept > 5 * second.built_units  # most of the version is kept


def test_a_manifest_of_other_code_or_format_is_not_read() -> None:
    m = Manifest()
    m.add(fingerprint("x"), [("firm:a", Predicate.LISTED_ON, "list:b")], ["source:s"])
    back = Manifest.decode(m.encode())
    assert back is not None and back.keys == m.keys and back.seen == m.seen
    doc = json.loads(zlib.decompress(m.encode()))
    assert Manifest.decode(zlib.compress(json.dumps({**doc, "code": "0" * 64}).encode())) is None
    assert Manifest.decode(zlib.compress(json.dumps({**doc, "format": 0}).encode())) is None
    assert Manifest.decode(b"not a manifest") is None and Manifest.decode_or_none(None) is None


def test_batches_keep_the_groups_and_drop_the_kept() -> None:
    def unit(n: int) -> Unit:
        return Unit(fingerprint(str(n)), lambda: Parsed(notes=[str(n)]))

    prev = Manifest()
    prev.add(unit(1).fingerprint)
    refresh = Refresh(V1, prev)
    groups = [[unit(1)], [unit(2), unit(3)], [unit(1)]]
    assert list(refresh.batches(groups)) == []  # notes alone are no records: nothing to send
    assert (refresh.kept, refresh.built_units) == (2, 2)
    assert fingerprint("a", "bc") != fingerprint("ab", "c")  # parts are length-prefixed
