"""Strict JSON parsing and the bundle schemas: what they refuse, and where they say it is."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import bundle_schemas, strict_json, zip_directory
from evidence_desk.core.safe_zip import HostileBundle, Limits


@pytest.mark.parametrize(
    ("text", "pointer", "why"),
    [
        ('{"a": [1, NaN]}', "/a/1", "NaN"),
        ('{"a": {"b": Infinity}}', "/a/b", "Infinity"),
        ('{"a": -Infinity}', "/a", "Infinity"),
        ('{"a": 1e999}', "/a", "out of range"),
        ('{"a": 123456789012345678901234567890}', "/a", "64 bits"),
        ('{"a": 9223372036854775808}', "/a", "64 bits"),
        ('{"x/y": {"~": "\\ud800"}}', "/x~1y/~0", "surrogate"),
        ('{"a": 1, "a": 2}', "/a", "duplicate key"),
    ],
)
def test_oddities_are_named_by_pointer(text: str, pointer: str, why: str) -> None:
    with pytest.raises(strict_json.JSONInputError, match=why) as caught:
        strict_json.loads(text.encode())
    assert caught.value.pointer == pointer


def test_extreme_64_bit_integers_and_brackets_in_strings_are_fine() -> None:
    value = strict_json.loads(b'{"max": 9223372036854775807, "min": -9223372036854775808, '
                              b'"s": "[[[[{{{{\\"]]]"}')  # fmt: skip
    assert value["max"] == 2**63 - 1 and value["min"] == -(2**63)
    assert strict_json.nesting_depth(b'{"s": "[[[[[[[[[[[["}') == 1


def test_deep_nesting_is_refused_before_parsing_without_recursion() -> None:
    data = b"[" * 1_000_000 + b"]" * 1_000_000  # the C parser would raise RecursionError
    with pytest.raises(strict_json.JSONInputError, match="1000000 levels"):
        strict_json.loads(data)


@pytest.mark.parametrize(
    ("data", "why"),
    [(b"\xef\xbb\xbf{}", "byte-order mark"), (b'{"\xff": 1}', "not UTF-8"), (b"{", "not valid")],
)
def test_undecodable_input(data: bytes, why: str) -> None:
    with pytest.raises(strict_json.JSONInputError, match=why):
        strict_json.loads(data)


def _items(**overrides) -> dict:  # type: ignore[no-untyped-def]
    record = {
        "id": "0ae9bc9b-e674-42a1-b6bb-e8587c217b3b",
        "exhibit": "ED-000001",
        "sha256": "ab" * 32,
        "bundle": {"file": "data/objects/ED-000001_abababab.jpg", "sha256": "ab" * 32, "size": 3},
        **overrides,
    }
    return {"format": L.ITEMS_FORMAT, "items": [record]}


@pytest.mark.parametrize(
    ("overrides", "pointer"),
    [
        ({"size": "12"}, "/items/0/size"),
        ({"size": -1}, "/items/0/size"),
        ({"captured_at": "0001-01-01T00:00:00"}, "/items/0/captured_at"),
        ({"captured_at": "2022-02-30T00:00:00"}, "/items/0/captured_at"),
        ({"gps": {"lat": 91, "lon": 0}}, "/items/0/gps/lat"),
        ({"exhibit": "../../etc"}, "/items/0/exhibit"),
        ({"tags": ["x" * 300]}, "/items/0/tags/0"),
        ({"smuggled": 1}, "/items/0"),
        ({"bundle": {"file": "data/objects/../../x", "sha256": "ab" * 32, "size": 1}},
         "/items/0/bundle/file"),
    ],
)  # fmt: skip
def test_item_schema_names_the_field(overrides: dict, pointer: str) -> None:
    problems = list(bundle_schemas.schema_errors(L.ITEMS_JSON, _items(**overrides)))
    assert problems and problems[0].pointer == pointer, problems
    assert str(problems[0]).startswith(f"{L.ITEMS_JSON}: {pointer}: ")
    assert len(str(problems[0])) < 400  # never the whole hostile value


def test_valid_items_pass_and_unknown_members_have_no_schema() -> None:
    assert list(bundle_schemas.schema_errors(L.ITEMS_JSON, _items())) == []
    (problem,) = bundle_schemas.schema_errors("data/metadata/new.json", {})
    assert "no schema" in problem.message


def _zip_bytes(count: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in range(count):
            z.writestr(f"b/{n}", b"")
    return buf.getvalue()


def test_directory_scan_counts_and_limits() -> None:
    data = _zip_bytes(50)
    assert zip_directory.scan(io.BytesIO(data), Limits()) == 50
    with pytest.raises(HostileBundle, match="declares 50 entries"):
        zip_directory.scan(io.BytesIO(data), Limits(max_entries=49))
    with pytest.raises(zip_directory.NotAZip):
        zip_directory.scan(io.BytesIO(b"not a zip at all" * 10), Limits())


def test_declared_count_that_the_directory_does_not_hold() -> None:
    raw = bytearray(_zip_bytes(5))
    at = raw.rfind(b"PK\x05\x06")
    struct.pack_into("<2H", raw, at + 8, 60_000, 60_000)
    with pytest.raises(HostileBundle, match="does not match its end record"):
        zip_directory.scan(io.BytesIO(bytes(raw)), Limits())


def test_free_form_parts_are_bounded_by_the_parser() -> None:
    """Extracted metadata has no schema of its own: the parser bounds every value in it."""
    huge = (
        b'{"metadata": {"exif": {"UserComment": "' + b"x" * (strict_json.MAX_STRING + 1) + b'"}}}'
    )
    with pytest.raises(strict_json.JSONInputError, match="longer than") as caught:
        strict_json.loads(huge)
    assert caught.value.pointer == "/metadata/exif/UserComment"
    many = ("{" + ",".join(f'"k{n}": 0' for n in range(strict_json.MAX_KEYS + 1)) + "}").encode()
    with pytest.raises(strict_json.JSONInputError, match="keys"):
        strict_json.loads(many)


def test_pointers_never_carry_terminal_escapes() -> None:
    with pytest.raises(strict_json.JSONInputError) as caught:
        strict_json.loads(b'{"metadata": {"\\u001b]0;owned\\u0007": NaN}}')
    assert caught.value.pointer == "/metadata/\\x1b]0;owned\\x07"
    assert "\x1b" not in caught.value.pointer
