"""reference/: the one registry of countries, authorities, lists and publishers, and its evidence."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from reference import registry
from reference.registry import FILE, Registry
from schema.errors import InvalidInput
from schema.ontology import EntityType, Predicate

ROOT = Path(__file__).resolve().parents[3]
SPELLINGS = ROOT / "tests" / "fixtures" / "reference" / "country_spellings.txt"


def raw() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    return data


# -- evidence -----------------------------------------------------------------------------


def test_every_part_of_and_administers_cites_a_quote_that_is_in_its_source() -> None:
    ref = registry()
    structural = [(child, Predicate.PART_OF, parent) for body in ref.bodies() for child, parent in ref.chain(body.id)]
    structural += [(lst.administered_by, Predicate.ADMINISTERS, lst.entity.id) for lst in ref.lists()]
    assert structural
    for subject, predicate, obj in structural:
        evidence = ref.evidence(subject, predicate, obj)
        assert evidence is not None, (subject, predicate, obj)
        text = evidence.source.text or ""
        assert text[evidence.citation.start : evidence.citation.end] == evidence.citation.quote


def test_every_source_is_a_real_text_with_its_origin_and_licence() -> None:
    ref = registry()
    declared = {s["id"]: s for s in raw()["sources"]}
    assert {s.id for s in ref.sources()} == set(declared)
    for source in ref.sources():
        assert source.url and source.url.startswith("https://"), source.id
        assert source.publisher, source.id
        assert declared[source.id]["licence"], source.id
        assert source.text and len(source.text) > 100, source.id
    used = {e.source.id for e in ref.all_evidence()}
    assert used == set(declared), "a source no fact cites, or a fact citing an undeclared source"


def test_the_source_files_on_disk_are_exactly_the_declared_ones() -> None:
    on_disk = {p.name for p in (FILE.parent / "sources").iterdir()}
    assert on_disk == {Path(s["text_file"]).name for s in raw()["sources"]}


# -- look-ups -----------------------------------------------------------------------------


def test_lists_by_their_csl_code_and_bodies_by_name_or_source_name() -> None:
    ref = registry()
    el = ref.list_by_code("csl", "EL")
    assert el is not None and (el.entity.id, el.administered_by, el.kind) == (
        "list:us-bis-entity-list",
        "agency:us-bis",
        "export-control",
    )
    assert ref.list_by_code("csl", "el") == el  # codes are case-insensitive
    assert ref.list_by_code("csl", "NOPE") is None
    ofac = ref.body_by_code("csl", "Treasury Department")
    assert ofac is not None and ofac.id == "agency:us-ofac"
    found = ref.body_by_name("  office of foreign ASSETS control ")
    assert found is not None and found.id == "agency:us-ofac"
    assert ref.body_by_name("Entity List") is None  # lists are not bodies


def test_chains_end_at_a_country() -> None:
    ref = registry()
    assert list(ref.chain("agency:us-bis")) == [
        ("agency:us-bis", "agency:us-commerce"),
        ("agency:us-commerce", "country:us"),
    ]
    for body in ref.bodies():
        last = [parent for _child, parent in ref.chain(body.id)][-1:]
        assert not last or last[0].startswith("country:"), body.id


def test_types_come_from_the_id_prefix() -> None:
    ref = registry()
    assert ref.entity("agency:us-bis").type is EntityType.AGENCY
    assert ref.entity("organization:wsj").type is EntityType.ORGANIZATION
    assert all(lst.entity.type is EntityType.LIST for lst in ref.lists())


# -- countries ----------------------------------------------------------------------------


def test_countries_are_iso_coded_entities() -> None:
    ref = registry()
    us = ref.entity("country:us")
    assert (us.type, us.name, us.country) == (EntityType.COUNTRY, "United States", "US")
    assert {"United States of America", "US", "U.S."} <= set(us.aliases)
    assert ref.get("country:ru") is not None and ref.entity("country:ru").name == "Russia"
    assert ref.get("country:zz") is None and ref.get("country:russia") is None
    assert len(ref.countries.entities()) > 190


def test_every_spelling_the_lists_use_reads_as_its_country() -> None:
    countries = registry().countries
    wrong = []
    for row in SPELLINGS.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        code, *names = row.split("|")
        wrong += [(name, code, got) for name in (*names, code) if (got := countries.code(name)) != code]
    assert not wrong


def test_country_look_up_edges() -> None:
    countries = registry().countries
    assert countries.code("") is None and countries.code("Atlantis") is None
    assert countries.code("Scotland") == "GB"  # a part of a country answers with the country
    assert countries.code("Soviet Union") is None  # historical: no current code
    assert countries.code("Russian") == "RU"  # a demonym
    assert countries.is_code("xk") and not countries.is_code("usa")
    assert not countries.is_code("zz") and not countries.is_code("eu")  # rigour's pseudo-territories


# -- one definition -----------------------------------------------------------------------

PRODUCT_PACKAGES = ("schema", "config", "graph", "loaders", "extract", "export", "api", "cli")
_LITERAL_ID = re.compile(r"""\bid\s*=\s*["']((?:agency|list|organization|country):[a-z0-9-]+)["']""")


def test_no_product_module_defines_a_registry_entity() -> None:
    """Countries, agencies, lists and publishers are defined in reference/ and nowhere else."""
    ref = registry()
    offenders = [
        (str(path.relative_to(ROOT)), found)
        for package in PRODUCT_PACKAGES
        for path in (ROOT / package).rglob("*.py")
        for found in _LITERAL_ID.findall(path.read_text(encoding="utf-8"))
        if ref.get(found) is not None
    ]
    assert not offenders


# -- a broken registry says where ---------------------------------------------------------


def broken(mutate: Any) -> str:
    data = raw()
    mutate(data)
    with pytest.raises(InvalidInput) as info:
        Registry(data)
    return info.value.message


def test_a_part_of_naming_an_unknown_body_is_refused() -> None:
    def mutate(d: dict[str, Any]) -> None:
        bis = next(b for b in d["bodies"] if b["id"] == "agency:us-bis")
        bis["part_of"]["id"] = "agency:us-nowhere"

    assert "agency:us-bis: part_of: unknown id agency:us-nowhere" in broken(mutate)


def test_a_quote_not_in_its_source_is_refused() -> None:
    def mutate(d: dict[str, Any]) -> None:
        bis = next(b for b in d["bodies"] if b["id"] == "agency:us-bis")
        bis["part_of"]["quote"] = "BIS is a unit of the Treasury"

    message = broken(mutate)
    assert "agency:us-bis: part_of.quote: not found in the text of source:reference-fr-2023-02130" in message


def test_an_id_defined_twice_is_refused() -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["bodies"].append(dict(d["bodies"][0]))

    assert "id: defined twice" in broken(mutate)


def test_a_code_given_twice_is_refused() -> None:
    def mutate(d: dict[str, Any]) -> None:
        ssi = next(x for x in d["lists"] if x["id"] == "list:us-ofac-ssi")
        ssi["codes"] = {"csl": "sdn"}

    assert "codes.csl: 'sdn' is already another entry's" in broken(mutate)


def test_a_list_id_without_the_list_prefix_is_refused() -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["lists"][0]["id"] = "agency:us-not-a-list"

    assert "a list's id starts with 'list:'" in broken(mutate)
