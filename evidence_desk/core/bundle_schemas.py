"""A JSON Schema for every JSON and tag file a bundle may carry, by member name.

``verify-bundle`` validates each member against its schema and ``import-bundle``
reads only documents that passed, so a value of the wrong type, a NaN, a year-1
date or a 70-bit integer is refused with the member and a JSON pointer before
any of it reaches the database. A member a bundle may carry must be in
:data:`REGISTRY`; :func:`validate` refuses any name it does not know, so a new
record type cannot be added to bundles without a schema (the tests check that
every file an export writes is registered).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from jsonschema.exceptions import ValidationError, best_match  # type: ignore[import-untyped]

from evidence_desk.core import bundle_layout as L
from evidence_desk.core import custody_checkpoint, fixity_run, strict_json
from evidence_desk.core.bundle_schema_parts import (
    EXHIBIT_RE,
    FORMATS,
    FREE_OBJECT,
    SHORT,
    TEXT,
    array,
    boolean,
    document,
    integer,
    number,
    record,
    sha256,
    string,
    uuid,
    when,
)
from evidence_desk.core.bundle_schemas_case import CASE_FILES
from evidence_desk.core.bundle_schemas_messages import MESSAGE_FILES

ARCHIVE = record({"uuid": uuid(), "name": string(SHORT)}, ("uuid",))
OBJECT_FILE = string(512, pattern=r"^data/objects/[A-Za-z0-9._-]{1,200}$")
PROFILE = {"enum": list(L.PROFILES)}

SOURCE = record(
    {
        "original_path": string(4096, null=True),
        "original_path_bytes_hex": string(8192, pattern=r"^([0-9a-f]{2})*$", null=True),
        "original_name": string(1024, null=True),
        "received_from": string(SHORT * 4, null=True),
        "method": string(SHORT, null=True),
        "collector": string(SHORT, null=True),
        "acquired_at": string(32, fmt="ed-date-or-datetime", null=True),
        "notes": string(TEXT, null=True),
        "file_mtime": when(),
        "file_birthtime": when(),
        "recorded_at": when(),
        "host": string(SHORT, null=True),
        "batch": string(36, null=True),
    }
)

ITEM = record(
    {
        "id": uuid(),
        "exhibit": string(24, pattern=EXHIBIT_RE),
        "kind": string(16, pattern=r"^[a-z]{1,16}$"),
        "title": string(1024, null=True),
        "title_publishable": boolean(null=True),
        "description": string(TEXT, null=True),
        "notes": string(TEXT, null=True),
        "sensitivity": {"enum": ["public", "restricted", "confidential", None]},
        "sha256": sha256(),
        "size": integer(),
        "mime_type": string(SHORT, pattern=r"^[\x21-\x7e]+$", null=True),
        "original_name": string(1024, null=True),
        "captured_at": when(),
        "captured_at_utc": when(),
        "captured_at_source": string(64, null=True),
        "captured_at_offset_known": boolean(null=True),
        "captured_at_precision": {"enum": ["second", "day", None]},
        "captured_at_note": string(TEXT, null=True),
        "gps": record(
            {
                "lat": number(-90, 90),
                "lon": number(-180, 180),
                "alt": number(-20_000, 1_000_000, null=True),
            },
            ("lat", "lon"),
            null=True,
        ),
        "device": record({"make": string(null=True), "model": string(null=True)}, null=True),
        "width": integer(0, 2**31, null=True),
        "height": integer(0, 2**31, null=True),
        "duration_s": number(0, 1e9, null=True),
        "phash": string(16, pattern=r"^[0-9a-f]{1,16}$", null=True),
        "ingested_at": when(),
        "tool_version": string(SHORT, null=True),
        "host": string(SHORT, null=True),
        "sources": array(SOURCE, 10_000),
        "tags": array(string(SHORT), 1_000),
        "warnings": array(string(TEXT), 1_000),
        "removed": boolean(null=True),
        "metadata": {**FREE_OBJECT, "type": ["object", "null"]},
        "links": array(
            record(
                {
                    "relation": string(64),
                    "to_exhibit": string(24, pattern=EXHIBIT_RE, null=True),
                    "to_id": uuid(null=True),
                    "in_bundle": boolean(),
                    "note": string(TEXT, null=True),
                }
            ),
            10_000,
        ),
        "bundle": record(
            {
                "file": OBJECT_FILE,
                "sha256": sha256(),
                "size": integer(),
                "redacted": boolean(),
                "original_sha256": sha256(null=True),
                "removed": array(string(TEXT), 100),
            },
            ("file", "sha256", "size"),
        ),
    },
    ("id", "exhibit", "sha256", "bundle"),
)

ITEMS = document(
    {
        "format": {"const": L.ITEMS_FORMAT},
        "archive": ARCHIVE,
        "bundle": uuid(),
        "profile": PROFILE,
        "exported_at": when(),
        "exported_by": string(SHORT, null=True),
        "signing_key_fingerprint": sha256(null=True),
        "items": array(ITEM, 10_000_000),
    },
    ("format", "items"),
)

HASH = sha256()
CUSTODY_ENTRY = {
    "oneOf": [
        record(  # a full event, every hashed field present
            {
                "seq": integer(null=True),
                "uuid": uuid(),
                "occurred_at": string(64, fmt="ed-datetime"),
                "event_type": string(64),
                "actor": string(SHORT, null=True),
                "tool": string(SHORT, null=True),
                "item_uuid": uuid(null=True),
                "outcome": string(64),
                "details": FREE_OBJECT,
                "prev_hash": HASH,
                "hash": HASH,
            },
            (
                "uuid",
                "occurred_at",
                "event_type",
                "actor",
                "tool",
                "item_uuid",
                "outcome",
                "details",
                "prev_hash",
                "hash",
            ),
        ),  # fmt: skip
        record(  # sealed (redacted profile): actor a pseudonym, details only hashes and numbers
            {
                "seq": integer(null=True),
                "uuid": uuid(),
                "occurred_at": string(64, fmt="ed-datetime"),
                "event_type": string(64),
                "item_uuid": uuid(null=True),
                "outcome": string(64),
                "actor": string(SHORT, null=True),
                "details": FREE_OBJECT,
                "sealed": {"const": True},
                "prev_hash": HASH,
                "hash": HASH,
            },
            ("sealed", "prev_hash", "hash"),
        ),
        record(  # a withheld run of other items' events
            {"withheld": integer(1), "prev_hash": HASH, "hash": HASH},
            ("withheld", "prev_hash", "hash"),
        ),
    ],
    # A verify run's archive-level event: no item, and details of a known shape (in
    # full: every field; sealed: only those a redacted bundle may show).
    "if": {"properties": {"event_type": {"const": "fixity run"}}, "required": ["event_type"]},
    "then": {
        "properties": {"item_uuid": {"type": "null"}},
        "required": ["item_uuid", "details"],
        "if": {"required": ["sealed"]},
        "then": {"properties": {"details": fixity_run.SEALED_DETAILS_SCHEMA}},
        "else": {"properties": {"details": fixity_run.DETAILS_SCHEMA}},
    },
}

CUSTODY = document(
    {
        "format": {"const": L.CUSTODY_FORMAT},
        "archive": ARCHIVE,
        "bundle": uuid(),
        "profile": PROFILE,
        "hash_algorithm": {"const": "SHA-256"},
        "canonical_json": string(TEXT),
        "hashed_fields": array(string(64), 32),
        "genesis_prev_hash": HASH,
        "entries_note": string(TEXT),
        "entries": array(CUSTODY_ENTRY, 50_000_000),
    },
    ("format", "entries"),
)


GEOJSON = document(
    {
        "type": {"const": "FeatureCollection"},
        "features": array(
            record(
                {
                    "type": {"const": "Feature"},
                    "geometry": record(
                        {
                            "type": {"const": "Point"},
                            "coordinates": {
                                **array(number(-1_000_000, 1_000_000), 3),
                                "minItems": 2,
                                "prefixItems": [number(-180, 180), number(-90, 90)],
                            },
                        },
                        ("type", "coordinates"),
                    ),
                    "properties": {**FREE_OBJECT, "maxProperties": 64},
                },
                ("type", "geometry"),
            ),
            10_000_000,
        ),
    },
    ("type", "features"),
)

BAG_INFO = document(
    {
        "Source-Organization": string(1024),
        "Contact-Name": string(1024),
        "External-Description": string(TEXT),
        "External-Identifier": uuid(),
        "Internal-Sender-Identifier": uuid(),
        "Bagging-Date": string(10, fmt="ed-date"),
        "Bag-Software-Agent": string(SHORT),
        "Payload-Oxum": string(40, pattern=r"^[0-9]{1,20}\.[0-9]{1,12}$"),
        L.INFO_ARCHIVE_NAME: string(1024),
        L.INFO_PROFILE: PROFILE,
        L.INFO_EXPORTED_AT: string(64, fmt="ed-datetime"),
        L.INFO_FINGERPRINT: string(64, pattern=r"^[0-9a-fA-F]{64}$"),
    },
    ("External-Identifier", "Payload-Oxum", L.INFO_FINGERPRINT),
)

# Member name -> schema. Every JSON file an export writes must be here.
REGISTRY: dict[str, dict[str, Any]] = {
    L.BAG_INFO: BAG_INFO,
    L.ITEMS_JSON: ITEMS,
    L.CUSTODY_JSON: CUSTODY,
    L.PLACES_GEOJSON: GEOJSON,
    L.CUSTODY_CHECKPOINT: custody_checkpoint.SCHEMA,
    **CASE_FILES,
    **MESSAGE_FILES,
}
REQUIRED = (L.BAG_INFO, L.ITEMS_JSON, L.CUSTODY_JSON)
_VALIDATORS = {
    name: Draft202012Validator(schema, format_checker=FORMATS) for name, schema in REGISTRY.items()
}


@dataclass(frozen=True)
class SchemaProblem:
    member: str
    pointer: str  # RFC 6901; "" is the whole document
    message: str

    def __str__(self) -> str:
        where = self.pointer or "(document)"
        return f"{self.member}: {where}: {self.message}"


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(error: ValidationError) -> str:
    """A short reason that never repeats a huge or hostile value in full."""
    kind, value = error.validator, error.instance
    if kind == "type":
        return f"{_short(value)} is not of type {error.validator_value}"
    if kind == "format":
        reason = str(error.cause) if error.cause else f"not a valid {error.validator_value}"
        return f"{_short(value)}: {reason}"
    if kind == "required":
        return str(error.message)[:200]
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        return f"unexpected field(s) {', '.join(_short(k, 40) for k in extra[:3])}"
    if kind in ("maxLength", "maxItems", "maxProperties"):
        return f"too long (more than {error.validator_value})"
    if kind in ("minimum", "maximum"):
        return f"{_short(value)} is out of range"
    if kind in ("oneOf", "anyOf"):
        return f"{_short(value)} matches none of the allowed forms"
    return f"{_short(value)}: {kind} {_short(error.validator_value, 40)} not met"


def schema_errors(member: str, document: Any, limit: int = 20) -> Iterator[SchemaProblem]:
    """The first few schema violations of ``document`` (best first)."""
    validator = _VALIDATORS.get(member)
    if validator is None:
        yield SchemaProblem(member, "", "no schema is registered for this member")
        return
    errors = list(islice(validator.iter_errors(document), limit))
    if not errors:
        return
    first = best_match(errors)
    errors.remove(first)
    for error in [first, *errors]:
        yield SchemaProblem(
            member, strict_json.pointer(list(error.absolute_path)), _describe(error)
        )


def parse_member(member: str, data: bytes) -> tuple[Any, list[SchemaProblem]]:
    """Parse and validate one member; the document is None unless it is valid."""
    try:
        document = strict_json.loads(data)
    except strict_json.JSONInputError as exc:
        return None, [SchemaProblem(member, exc.pointer, str(exc))]
    problems = list(schema_errors(member, document))
    return (None if problems else document), problems


def bag_info_document(fields: list[tuple[str, str]]) -> dict[str, Any] | list[SchemaProblem]:
    """bag-info.txt as an object for its schema; a repeated label of ours is a problem."""
    known = set(BAG_INFO["properties"])
    out: dict[str, Any] = {}
    for label, value in fields:
        if label not in known:
            continue  # RFC 8493 allows any other label; none of them is read
        if label in out:
            return [SchemaProblem(L.BAG_INFO, "/" + label, "label repeated")]
        out[label] = value
    return out
