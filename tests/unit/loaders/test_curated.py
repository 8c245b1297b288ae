"""The analysts' loader (loaders.curated) through ``load``: small YAML files in tmp_path, each bad
record reported with its file, line and field — no database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.base import Parsed, RecordError
from loaders.curated import load
from schema.ontology import Predicate, Stance

TEXT = (
    "Yesterday Acme Corp was added to the Entity List.\n"
    "BIS called the firm \u201ca threat to national\u00a0security\u201d.\n"
    "Acme Corp denied it. Acme Corp said nothing more.\n"
)
HEAD = """\
sources:
  - id: source:art
    title: Test article
    kind: article
    text_file: art.txt
entities:
  - {id: firm:acme, type: Firm, name: Acme Corp}
  - {id: list:el, type: List, name: Entity List}
  - {id: agency:bis, type: Agency, name: BIS}
"""
HEAD_LINES = HEAD.count("\n")
GOOD_CLAIM = """\
claims:
  - subject: firm:acme
    predicate: listed-on
    object: list:el
    source: source:art
    quote: "Acme Corp was added to the Entity List"
"""


def write(tmp_path: Path, body: str, name: str = "data.yaml", text: str | None = TEXT) -> Path:
    if text is not None:
        (tmp_path / "art.txt").write_text(text, encoding="utf-8")
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def only_reject(parsed: Parsed) -> RecordError:
    assert len(parsed.rejects) == 1, [str(r) for r in parsed.rejects]
    return parsed.rejects[0]


def claim_yaml(**fields: str) -> str:
    """One claim under ``claims:`` (first line of the claim is HEAD_LINES + 2)."""
    base = {
        "subject": "firm:acme",
        "predicate": "listed-on",
        "object": "list:el",
        "source": "source:art",
        "quote": '"Acme Corp was added"',
    }
    base.update(fields)
    lines = [f"  - {k}: {v}" if i == 0 else f"    {k}: {v}" for i, (k, v) in enumerate(base.items()) if v != "-"]
    return "claims:\n" + "\n".join(lines) + "\n"


# -- a good file --------------------------------------------------------------------------


def test_a_good_file_loads_with_offsets_into_the_text(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + GOOD_CLAIM)
    parsed = load([path])
    assert parsed.rejects == []
    assert [e.id for e in parsed.entities] == ["firm:acme", "list:el", "agency:bis"]
    (source,) = parsed.sources
    assert source.text == TEXT
    (claim,) = parsed.claims
    assert claim.predicate is Predicate.LISTED_ON and claim.stance is Stance.ASSERTED
    (cite,) = claim.citations
    assert (cite.start, cite.end) == (10, 48)
    assert TEXT[cite.start : cite.end] == cite.quote == "Acme Corp was added to the Entity List"
    assert parsed.inputs == [path, (tmp_path / "art.txt").resolve()]
    assert parsed.external_refs == set()


def test_the_text_file_is_read_byte_exact(tmp_path: Path) -> None:
    text = "line one\r\nline\u00a0two\r\n"
    (tmp_path / "art.txt").write_bytes(text.encode("utf-8"))
    path = write(tmp_path, HEAD, text=None)
    assert load([path]).sources[0].text == text


def test_an_empty_file_is_nothing(tmp_path: Path) -> None:
    parsed = load([write(tmp_path, "")])
    assert (parsed.rejects, parsed.entities, parsed.sources, parsed.claims) == ([], [], [], [])


def test_yaml_dates_and_years_are_partial_dates(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + claim_yaml(valid_from="2017", valid_to="2019-03-25"))
    (claim,) = load([path]).claims
    assert (claim.valid_from, claim.valid_to) == ("2017", "2019-03-25")


def test_json_files_load_too(tmp_path: Path) -> None:
    doc = {"entities": [{"id": "firm:acme", "type": "Firm", "name": "Acme"}]}
    path = tmp_path / "data.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    parsed = load([path])
    assert parsed.rejects == []
    assert parsed.entities[0].name == "Acme"


def test_a_directory_is_read_in_name_order_skipping_other_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.yml").write_text("entities: [{id: firm:b, type: Firm, name: B}]\n", encoding="utf-8")
    (tmp_path / "sub" / "a.yaml").write_text("entities: [{id: firm:a, type: Firm, name: A}]\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("entities: [oops\n", encoding="utf-8")
    parsed = load([tmp_path])
    assert parsed.rejects == []
    assert [e.id for e in parsed.entities] == ["firm:b", "firm:a"]  # b.yml sorts before sub/a.yaml


# -- the file itself ----------------------------------------------------------------------


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "entities:\n  - id: firm:acme\n    name: Acme: Corp\n")
    reject = only_reject(load([path]))
    assert (reject.file, reject.line, reject.field) == (str(path), 3, None)
    # libyaml says "... allowed in this context", pure-Python PyYAML "... allowed here"
    assert reject.message.startswith("malformed YAML/JSON: mapping values are not allowed")


def test_malformed_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text('{"entities": [\n  {"id": "firm:a"},\n  {"id": "firm:b",}\n  oops\n]}\n', encoding="utf-8")
    reject = only_reject(load([path]))
    assert (reject.file, reject.field) == (str(path), None)
    assert reject.line == 4
    assert reject.message.startswith("malformed YAML/JSON: ")


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_bytes(b"entities: [{id: firm:a, type: Firm, name: Caf\xe9}]\n")
    reject = only_reject(load([path]))
    assert (reject.file, reject.line, reject.field) == (str(path), None, None)
    assert reject.message == "not UTF-8 text (invalid continuation byte)"


def test_a_missing_file(tmp_path: Path) -> None:
    reject = only_reject(load([tmp_path / "absent.yaml"]))
    assert (reject.line, reject.field, reject.message) == (None, None, "file not found")


def test_unknown_section_names_its_key_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "claimz:\n  - subject: firm:acme\n")
    reject = only_reject(load([path]))
    assert (reject.file, reject.line, reject.field) == (str(path), HEAD_LINES + 1, "claimz")
    assert reject.message == "unknown section; expected one of ['claims', 'entities', 'sources']"


def test_a_section_that_is_not_a_list(tmp_path: Path) -> None:
    path = write(tmp_path, "entities:\n  id: firm:acme\n")
    reject = only_reject(load([path]))
    assert (reject.line, reject.field, reject.message) == (1, "entities", "must be a list")


def test_a_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    reject = only_reject(load([write(tmp_path, "- just\n- a list\n")]))
    assert (reject.line, reject.field) == (1, None)
    assert reject.message == "the file must be a mapping with sources/entities/claims"


def test_a_record_that_is_not_a_mapping(tmp_path: Path) -> None:
    reject = only_reject(load([write(tmp_path, "entities:\n  - firm:acme\n")]))
    assert (reject.line, reject.field, reject.message) == (1, "entities[0]", "must be a mapping")


# -- sources ------------------------------------------------------------------------------


def test_a_source_with_text_and_text_file(tmp_path: Path) -> None:
    body = "sources:\n  - id: source:art\n    title: T\n    kind: article\n    text_file: art.txt\n    text: inline\n"
    reject = only_reject(load([write(tmp_path, body)]))
    assert (reject.line, reject.field) == (6, "sources[0].text")
    assert reject.message == "give text or text_file, not both"


def test_a_missing_text_file(tmp_path: Path) -> None:
    body = "sources:\n  - id: source:art\n    title: T\n    kind: article\n    text_file: gone.txt\n"
    path = write(tmp_path, body)
    reject = only_reject(load([path]))
    assert (reject.file, reject.line, reject.field) == (str(path), 5, "sources[0].text_file")
    assert reject.message == f"file not found: {(tmp_path / 'gone.txt').resolve()}"


def test_a_text_file_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "latin1.txt").write_bytes("Acme Corp fut ajout\u00e9e.".encode("latin-1"))
    body = "sources:\n  - id: source:art\n    title: T\n    kind: article\n    text_file: latin1.txt\n"
    reject = only_reject(load([write(tmp_path, body, text=None)]))
    assert (reject.line, reject.field) == (5, "sources[0].text_file")
    assert reject.message == "not UTF-8 text (invalid continuation byte)"


def test_a_bad_partial_date_on_a_source(tmp_path: Path) -> None:
    body = "sources:\n  - id: source:art\n    title: T\n    kind: article\n    published_at: 2022-02-30\n"
    reject = only_reject(load([write(tmp_path, body)]))
    assert (reject.line, reject.field) == (5, "sources[0].published_at")
    assert reject.message == "'2022-02-30' is not a real date (day is out of range for month)"


def test_an_unknown_source_kind(tmp_path: Path) -> None:
    body = "sources:\n  - id: source:art\n    title: T\n    kind: tweet\n"
    reject = only_reject(load([write(tmp_path, body)]))
    assert (reject.line, reject.field) == (4, "sources[0].kind")


def test_derived_from_an_unknown_source(tmp_path: Path) -> None:
    body = "sources:\n  - id: source:art\n    title: T\n    kind: article\n    derived_from: [source:nowhere]\n"
    path = write(tmp_path, body)
    reject = only_reject(load([path]))
    assert (reject.file, reject.line, reject.field) == (str(path), 5, "sources[0].derived_from")
    assert reject.message == "unknown source source:nowhere"


def test_derived_from_a_source_defined_later_or_in_another_file(tmp_path: Path) -> None:
    first = write(tmp_path, "sources:\n  - {id: source:relay, title: R, kind: article, derived_from: [source:wire]}\n")
    second = write(tmp_path, "sources:\n  - {id: source:wire, title: W, kind: article}\n", name="z.yaml")
    parsed = load([first, second])
    assert parsed.rejects == []
    assert parsed.sources[0].derived_from == ("source:wire",)


# -- entities -----------------------------------------------------------------------------


def test_an_entity_whose_id_does_not_match_its_type(tmp_path: Path) -> None:
    reject = only_reject(load([write(tmp_path, "entities:\n  - id: firm:bis\n    type: Agency\n    name: BIS\n")]))
    assert reject.line == 2
    assert reject.field is not None and reject.field.rstrip(".") == "entities[0]"  # see test_base: trailing dot
    assert reject.message == "id 'firm:bis' must start with 'agency:' for type Agency"


def test_an_entity_with_an_unknown_type(tmp_path: Path) -> None:
    reject = only_reject(load([write(tmp_path, "entities:\n  - id: firm:a\n    name: A\n    type: Company\n")]))
    assert (reject.line, reject.field) == (4, "entities[0].type")


def test_an_id_defined_twice_differently(tmp_path: Path) -> None:
    first = write(tmp_path, "entities:\n  - {id: firm:acme, type: Firm, name: Acme}\n", name="a.yaml")
    body = "entities:\n  - {id: firm:other, type: Firm, name: O}\n  - {id: firm:acme, type: Firm, name: ACME}\n"
    second = write(tmp_path, body, name="b.yaml")
    reject = only_reject(load([first, second]))
    assert (reject.file, reject.line, reject.field) == (str(second), 3, "entities[1].id")
    assert reject.message == "firm:acme is defined twice, differently"


def test_a_source_defined_twice_differently(tmp_path: Path) -> None:
    body = "sources:\n  - {id: source:a, title: A, kind: article}\n  - {id: source:a, title: B, kind: article}\n"
    reject = only_reject(load([write(tmp_path, body)]))
    assert (reject.line, reject.field, reject.message) == (3, "sources[1].id", "source:a is defined twice, differently")


def test_an_id_defined_twice_identically_is_fine(tmp_path: Path) -> None:
    body = "entities:\n  - {id: firm:acme, type: Firm, name: Acme}\n"
    parsed = load([write(tmp_path, body, name="a.yaml"), write(tmp_path, body, name="b.yaml")])
    assert parsed.rejects == []
    assert len(parsed.entities) == 1


# -- claims -------------------------------------------------------------------------------


def test_an_unknown_predicate(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(predicate="listed-in")
    reject = only_reject(load([write(tmp_path, body)]))
    assert (reject.line, reject.field) == (HEAD_LINES + 3, "claims[0].predicate")
    assert reject.message.startswith("Input should be 'banned-by', 'alleged-tie-to', ")


def test_a_wrong_object_type_names_the_allowed_types(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(object="agency:bis")
    reject = only_reject(load([write(tmp_path, body)]))
    assert (reject.line, reject.field) == (HEAD_LINES + 4, "claims[0].object")
    assert reject.message == "listed-on does not take a Agency as object (allowed: List)"


def test_a_wrong_subject_type_names_the_allowed_types(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(subject="list:el", predicate="banned-by", object="agency:bis")
    reject = only_reject(load([write(tmp_path, body)]))
    assert (reject.line, reject.field) == (HEAD_LINES + 2, "claims[0].subject")
    assert (
        reject.message
        == "banned-by does not take a List as subject (allowed: Asset, Firm, Organization, Person, Product)"
    )


@pytest.mark.parametrize(("key", "offset"), [("subject", 2), ("object", 4), ("asserted_by", 7)])
def test_an_unknown_entity(tmp_path: Path, key: str, offset: int) -> None:
    fields = {"asserted_by": "agency:bis", key: "firm:nobody"}
    reject = only_reject(load([write(tmp_path, HEAD + claim_yaml(**fields))]))
    assert (reject.line, reject.field) == (HEAD_LINES + offset, f"claims[0].{key}")
    assert reject.message == "unknown entity firm:nobody"


def test_a_quote_not_in_the_text(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(quote='"Acme Corp was removed"')
    path = write(tmp_path, body)
    reject = only_reject(load([path]))
    assert (reject.file, reject.line, reject.field) == (str(path), HEAD_LINES + 6, "claims[0].quote")
    assert reject.message == "quote not found in the text of source:art: 'Acme Corp was removed'"


def test_a_straight_quoted_quote_is_located_in_curly_text_with_exact_offsets(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(
        subject="firm:acme",
        predicate="warned-against-by",
        object="agency:bis",
        quote="'\"a threat to national security\"'",
    )
    (claim,) = load([write(tmp_path, body)]).claims
    (cite,) = claim.citations
    assert (cite.start, cite.end) == (70, 101)
    assert TEXT.index("\u201c") == 70
    assert cite.quote == "\u201ca threat to national\u00a0security\u201d"
    assert TEXT[cite.start : cite.end] == cite.quote


def test_a_quote_across_a_line_break(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(quote='"the Entity List. BIS called"')
    (claim,) = load([write(tmp_path, body)]).claims
    assert claim.citations[0].quote == "the Entity List.\nBIS called"


def test_a_claim_without_a_quote(tmp_path: Path) -> None:
    reject = only_reject(load([write(tmp_path, HEAD + claim_yaml(quote="-"))]))
    assert (reject.line, reject.field, reject.message) == (HEAD_LINES + 2, "claims[0].quote", "Field required")


def test_a_claim_citing_an_unknown_source(tmp_path: Path) -> None:
    reject = only_reject(load([write(tmp_path, HEAD + claim_yaml(source="source:nope"))]))
    assert (reject.line, reject.field) == (HEAD_LINES + 5, "claims[0].source")
    assert reject.message == "unknown source source:nope"


def test_a_claim_citing_a_source_without_text(tmp_path: Path) -> None:
    head = "sources:\n  - {id: source:bare, title: Bare, kind: list}\nentities:\n  - {id: firm:acme, type: Firm, name: A}\n"
    head += "  - {id: list:el, type: List, name: L}\n"
    reject = only_reject(load([write(tmp_path, head + claim_yaml(source="source:bare"))]))
    assert (reject.line, reject.field) == (10, "claims[0].source")
    assert reject.message == "source source:bare has no text to quote from"


def test_citations_and_source_quote_both_given(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(citations='[{source: source:art, quote: "Acme Corp"}]')
    reject = only_reject(load([write(tmp_path, body)]))
    assert (reject.line, reject.field) == (HEAD_LINES + 7, "claims[0].citations")
    assert reject.message == "give citations or source+quote, not both"


@pytest.mark.parametrize("citations", ["[]", "source:art"])
def test_citations_must_be_a_non_empty_list(tmp_path: Path, citations: str) -> None:
    body = HEAD + claim_yaml(source="-", quote="-", citations=citations)
    reject = only_reject(load([write(tmp_path, body)]))
    assert (reject.line, reject.field) == (HEAD_LINES + 5, "claims[0].citations")
    assert reject.message == "must be a non-empty list"


def test_a_bad_quote_in_a_citation_list_names_its_item_and_line(tmp_path: Path) -> None:
    citations = (
        "\n      - source: source:art\n        quote: Acme Corp denied it"
        "\n      - source: source:art\n        quote: Acme Corp agreed"
    )
    body = HEAD + claim_yaml(source="-", quote="-", citations=citations)
    reject = only_reject(load([write(tmp_path, body)]))
    assert (reject.line, reject.field) == (HEAD_LINES + 9, "claims[0].citations[1].quote")


def test_a_citation_start_picks_the_later_occurrence(tmp_path: Path) -> None:
    later = TEXT.index("Acme Corp said")
    citations = f"[{{source: source:art, quote: Acme Corp, start: {later}}}]"
    body = HEAD + claim_yaml(source="-", quote="-", citations=citations)
    (claim,) = load([write(tmp_path, body)]).claims
    assert (claim.citations[0].start, claim.citations[0].end) == (later, later + 9)
    (first,) = load([write(tmp_path, HEAD + claim_yaml(quote="Acme Corp"))]).claims
    assert first.citations[0].start == TEXT.index("Acme Corp")


def test_start_outside_a_citation_list_is_an_unknown_field(tmp_path: Path) -> None:
    # the documented shape takes start only inside citations
    reject = only_reject(load([write(tmp_path, HEAD + claim_yaml(quote="Acme Corp", start="120"))]))
    assert (reject.line, reject.field, reject.message) == (
        HEAD_LINES + 7,
        "claims[0].start",
        "Extra inputs are not permitted",
    )


def test_a_claim_about_itself_is_reported_at_the_claims_line(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(predicate="owns", object="firm:acme", quote="Acme Corp")
    reject = only_reject(load([write(tmp_path, body)]))
    assert reject.line == HEAD_LINES + 2
    assert reject.field is not None and reject.field.rstrip(".") == "claims[0]"
    assert reject.message == "subject and object must differ"


def test_a_bad_partial_date_on_a_claim(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + claim_yaml(valid_from="2022-02-30"))
    reject = only_reject(load([path]))
    assert (reject.file, reject.line, reject.field) == (str(path), HEAD_LINES + 7, "claims[0].valid_from")
    assert reject.message == "'2022-02-30' is not a real date (day is out of range for month)"


def test_an_unknown_stance(tmp_path: Path) -> None:
    reject = only_reject(load([write(tmp_path, HEAD + claim_yaml(stance="rumoured"))]))
    assert (reject.line, reject.field) == (HEAD_LINES + 7, "claims[0].stance")


def test_every_bad_record_is_reported_and_nothing_is_kept_from_them(tmp_path: Path) -> None:
    body = HEAD + GOOD_CLAIM + claim_yaml(object="agency:bis").removeprefix("claims:\n")
    body += claim_yaml(quote="nowhere").removeprefix("claims:\n")
    parsed = load([write(tmp_path, body)])
    assert [r.field for r in parsed.rejects] == ["claims[1].object", "claims[2].quote"]
    assert len(parsed.claims) == 1


def test_the_same_claim_twice_is_one_claim(tmp_path: Path) -> None:
    body = HEAD + GOOD_CLAIM + GOOD_CLAIM.removeprefix("claims:\n")
    assert len(load([write(tmp_path, body)]).claims) == 1


# -- references outside the files ---------------------------------------------------------


class Resolver:
    """A dict-backed ``resolve_external`` that remembers what it was asked."""

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known
        self.asked: list[list[str]] = []

    def __call__(self, ids: list[str]) -> dict[str, str]:
        self.asked.append(ids)
        return {i: self.known[i] for i in ids if i in self.known}


def test_references_resolved_outside_the_files(tmp_path: Path) -> None:
    resolver = Resolver({"firm:huawei": "Firm", "agency:fcc": "Agency", "source:wire": "Source", "firm:unused": "Firm"})
    body = HEAD.replace("text_file: art.txt", "text_file: art.txt\n    derived_from: [source:wire]") + claim_yaml(
        subject="firm:huawei", predicate="banned-by", object="agency:fcc", asserted_by="agency:bis", quote="Acme Corp"
    )
    parsed = load([write(tmp_path, body)], resolve_external=resolver)
    assert parsed.rejects == []
    assert resolver.asked == [["agency:fcc", "firm:huawei", "source:wire"]]  # sorted; defined ids not asked
    assert parsed.external_refs == {"agency:fcc", "firm:huawei", "source:wire"}
    assert parsed.claims[0].subject == "firm:huawei"


def test_the_resolver_is_not_asked_when_everything_is_defined(tmp_path: Path) -> None:
    resolver = Resolver({})
    assert load([write(tmp_path, HEAD + GOOD_CLAIM)], resolve_external=resolver).rejects == []
    assert resolver.asked == []


def test_an_external_reference_of_the_wrong_type_is_checked_against_the_predicate(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(object="country:ru")
    reject = only_reject(load([write(tmp_path, body)], resolve_external=Resolver({"country:ru": "Country"})))
    assert (reject.field, reject.message) == (
        "claims[0].object",
        "listed-on does not take a Country as object (allowed: List)",
    )


def test_without_a_resolver_outside_references_are_unknown(tmp_path: Path) -> None:
    reject = only_reject(load([write(tmp_path, HEAD + claim_yaml(object="list:sdn"))]))
    assert (reject.field, reject.message) == ("claims[0].object", "unknown entity list:sdn")


def test_a_claim_quoting_an_external_source_is_refused(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(source="source:wire")
    parsed = load([write(tmp_path, body)], resolve_external=Resolver({"source:wire": "Source"}))
    reject = only_reject(parsed)
    assert (reject.line, reject.field) == (HEAD_LINES + 5, "claims[0].source")
    assert parsed.claims == []


def test_a_claim_quoting_an_external_source_named_in_derived_from_explains_why(tmp_path: Path) -> None:
    head = HEAD.replace("text_file: art.txt", "text_file: art.txt\n    derived_from: [source:wire]")
    body = head + claim_yaml(source="source:wire")
    reject = only_reject(load([write(tmp_path, body)], resolve_external=Resolver({"source:wire": "Source"})))
    assert (reject.line, reject.field) == (HEAD_LINES + 6, "claims[0].source")
    assert reject.message == "source source:wire is not defined in these files; its text is needed to locate the quote"


def test_a_claim_quoting_an_external_source_says_its_text_is_needed(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(source="source:wire")
    reject = only_reject(load([write(tmp_path, body)], resolve_external=Resolver({"source:wire": "Source"})))
    assert reject.message == "source source:wire is not defined in these files; its text is needed to locate the quote"


def test_an_external_entity_is_not_a_source(tmp_path: Path) -> None:
    body = HEAD + claim_yaml(source="firm:huawei", subject="firm:huawei")
    parsed = load([write(tmp_path, body)], resolve_external=Resolver({"firm:huawei": "Firm"}))
    reject = only_reject(parsed)
    assert (reject.field, reject.message) == ("claims[0].source", "unknown source firm:huawei")
