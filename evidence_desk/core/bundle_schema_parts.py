"""Building blocks of the bundle schemas: bounded strings, numbers, dates and free JSON.

Every value a bundle carries gets an upper bound (length, count or range), so
that validation itself proves the data is safe to store: no string longer
than a database column can sensibly hold, no integer SQLite cannot store, no
date Python cannot turn into a ``datetime``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from jsonschema import FormatChecker  # type: ignore[import-untyped]

INT64 = 2**63 - 1
UUID_RE = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
SHA256_RE = r"^[0-9a-f]{64}$"
EXHIBIT_RE = r"^[A-Za-z]{1,10}-[0-9]{1,12}$"
MIN_YEAR, MAX_YEAR = 1800, 2200

SHORT = 256  # names, codes, labels
TEXT = 64 * 1024  # descriptions, notes
LONG_TEXT = 16 * 2**20  # a testimony's statement
MANY = 100_000  # list lengths inside one record

FORMATS = FormatChecker(formats=())
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _year_ok(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _is_datetime(value: object) -> bool:
    """ISO 8601 date and time (offset optional) in a plausible year."""
    if not isinstance(value, str):
        return True
    if not _DATE_PREFIX.match(value):
        raise ValueError("not an ISO 8601 date and time")
    parsed = datetime.fromisoformat(value)
    if not _year_ok(parsed.year):
        raise ValueError(f"year {parsed.year} is outside {MIN_YEAR}-{MAX_YEAR}")
    return True


def _is_date(value: object) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (case records keep their precision)."""
    if not isinstance(value, str):
        return True
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        raise ValueError("not a date like 2022-01-05")
    year = int(m.group(1))
    if not _year_ok(year):
        raise ValueError(f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    if m.group(3):
        date.fromisoformat(value)
    elif m.group(2) and not 1 <= int(m.group(2)) <= 12:
        raise ValueError("month out of range")
    return True


def _is_date_or_datetime(value: object) -> bool:
    if isinstance(value, str) and len(value) > 10:
        return _is_datetime(value)
    return _is_date(value)


# Registered by call, not as decorators, so the functions keep their types.
for _name, _check in (
    ("ed-datetime", _is_datetime),
    ("ed-date", _is_date),
    ("ed-date-or-datetime", _is_date_or_datetime),
):
    FORMATS.checks(_name, raises=ValueError)(_check)


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    return {**schema, "type": [*kinds, "null"]}


def string(max_length: int = SHORT, *, pattern: str | None = None, null: bool = False,
           fmt: str | None = None) -> dict[str, Any]:  # fmt: skip
    schema: dict[str, Any] = {"type": "string", "maxLength": max_length}
    if pattern:
        schema["pattern"] = pattern
    if fmt:
        schema["format"] = fmt
    return nullable(schema) if null else schema


def integer(minimum: int = 0, maximum: int = INT64, *, null: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "integer", "minimum": minimum, "maximum": maximum}
    return nullable(schema) if null else schema


def number(minimum: float, maximum: float, *, null: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "number", "minimum": minimum, "maximum": maximum}
    return nullable(schema) if null else schema


def boolean(*, null: bool = False) -> dict[str, Any]:
    return {"type": ["boolean", "null"]} if null else {"type": "boolean"}


def array(items: dict[str, Any], max_items: int = MANY) -> dict[str, Any]:
    return {"type": "array", "items": items, "maxItems": max_items}


def record(properties: dict[str, Any], required: tuple[str, ...] = (), *,
           null: bool = False) -> dict[str, Any]:  # fmt: skip
    """A closed object: unknown fields are refused, so nothing unvalidated slips through."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": list(required),
        "additionalProperties": False,
    }
    return nullable(schema) if null else schema


def uuid(*, null: bool = False) -> dict[str, Any]:
    return string(36, pattern=UUID_RE, null=null)


def sha256(*, null: bool = False) -> dict[str, Any]:
    return string(64, pattern=SHA256_RE, null=null)


def when(*, null: bool = True) -> dict[str, Any]:
    return string(64, fmt="ed-datetime", null=null)


def day(*, null: bool = True) -> dict[str, Any]:
    return string(10, fmt="ed-date", null=null)


# Free-form JSON (extracted file metadata, custody details): any shape inside. Its bounds
# (depth, string length, list and object sizes, 64-bit integers, finite numbers) are the
# ones core.strict_json enforces on the whole document while parsing: validating every
# nested value again with a recursive schema cost 1.2 ms per item, most of the schema time.
FREE_OBJECT = {
    "type": "object",
    "maxProperties": 2_000,
    "propertyNames": {"maxLength": SHORT},
}


def document(properties: dict[str, Any], required: tuple[str, ...]) -> dict[str, Any]:
    """A whole file: a closed top-level object with the free-JSON definition available."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **record(properties, required),
    }
