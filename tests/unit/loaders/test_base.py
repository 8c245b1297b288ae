"""What every loader returns (loaders.base): record errors, pydantic errors turned into them,
rejects raised as one InvalidInput, and the input digest."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from loaders.base import RecordError, input_digest, validation_errors
from schema.models import Entity


def entity_error(**fields: object) -> ValidationError:
    data = {"id": "firm:acme", "type": "Firm", "name": "Acme", **fields}
    with pytest.raises(ValidationError) as info:
        Entity.model_validate(data)
    return info.value


# -- RecordError --------------------------------------------------------------------------


def test_record_error_str_with_line_and_field() -> None:
    assert str(RecordError("data.yaml", 12, "claims[3].quote", "quote not found")) == (
        "data.yaml:12: claims[3].quote: quote not found"
    )


def test_record_error_str_without_line_or_field() -> None:
    assert str(RecordError("data.yaml", None, None, "file not found")) == "data.yaml: (record): file not found"
    assert str(RecordError("data.yaml", 0, None, "x")) == "data.yaml:0: (record): x"


def test_record_error_as_dict() -> None:
    assert RecordError("f.csv", 3, "name", "empty").as_dict() == {
        "file": "f.csv",
        "line": 3,
        "field": "name",
        "message": "empty",
    }


# -- validation_errors --------------------------------------------------------------------


def test_validation_errors_name_each_field_and_its_line() -> None:
    exc = entity_error(type="Company", country="Russia")
    errors = validation_errors(exc, Path("data.yaml"), {"type": 4, "country": 6}, default_line=2, prefix="entities[0].")
    assert [(e.file, e.line, e.field) for e in errors] == [
        ("data.yaml", 4, "entities[0].type"),
        ("data.yaml", 6, "entities[0].country"),
    ]


def test_validation_errors_use_the_default_line_for_fields_without_one() -> None:
    exc = entity_error(name="")
    (error,) = validation_errors(exc, "data.yaml", {"id": 3}, default_line=2)
    assert (error.line, error.field) == (2, "name")


def test_validation_errors_nested_locations_are_dotted_and_lined_by_their_first_part() -> None:
    exc = entity_error(aliases=["ok", 5])
    (error,) = validation_errors(exc, "data.yaml", {"aliases": 7}, prefix="entities[2].")
    assert (error.line, error.field) == (7, "entities[2].aliases.1")


def test_validation_errors_strip_the_value_error_prefix() -> None:
    exc = entity_error(id="agency:acme")
    (error,) = validation_errors(exc, "data.yaml", default_line=9)
    assert error.message == "id 'agency:acme' must start with 'firm:' for type Firm"
    assert (error.line, error.field) == (9, None)


def test_validation_errors_record_level_field_has_no_trailing_dot() -> None:
    exc = entity_error(id="agency:acme")
    (error,) = validation_errors(exc, "data.yaml", default_line=9, prefix="entities[0].")
    assert error.field == "entities[0]"


# -- Parsed -------------------------------------------------------------------------------


# -- input_digest -------------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    (tmp_path / "a.yaml").write_bytes(b"entities: []\n")
    (tmp_path / "b.txt").write_bytes(b"some text\n")
    return [tmp_path / "a.yaml", tmp_path / "b.txt"]


def test_input_digest_is_a_stable_sha256(files: list[Path]) -> None:
    assert input_digest(files) == input_digest(files)
    assert len(input_digest(files)) == 64


def test_input_digest_ignores_order_and_repeats(files: list[Path]) -> None:
    assert input_digest(files) == input_digest(list(reversed(files)))
    assert input_digest(files) == input_digest([*files, files[0]])


def test_input_digest_changes_with_a_byte(files: list[Path]) -> None:
    before = input_digest(files)
    files[1].write_bytes(b"some text!\n")
    assert input_digest(files) != before


def test_input_digest_changes_with_a_name(files: list[Path], tmp_path: Path) -> None:
    before = input_digest(files)
    renamed = files[1].rename(tmp_path / "c.txt")
    assert input_digest([files[0], renamed]) != before


def test_input_digest_does_not_depend_on_the_directory(files: list[Path], tmp_path: Path) -> None:
    elsewhere = tmp_path / "copy"
    elsewhere.mkdir()
    copies = [elsewhere / f.name for f in files]
    for f, c in zip(files, copies, strict=True):
        c.write_bytes(f.read_bytes())
    assert input_digest(copies) == input_digest(files)


def test_input_digest_of_nothing() -> None:
    assert input_digest([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_input_digest_reads_large_files_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (1 << 20) + b"tail")
    before = input_digest([big])
    big.write_bytes(b"x" * (1 << 20) + b"tale")
    assert input_digest([big]) != before


def test_input_digest_tells_name_from_content(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "ab").write_bytes(b"c")
    (tmp_path / "two" / "a").write_bytes(b"bc")
    assert input_digest([tmp_path / "one" / "ab"]) != input_digest([tmp_path / "two" / "a"])
