"""Schemas of the case-record members of a bundle: incidents, persons, testimonies, places.

Registered by member name in :data:`core.bundle_schemas.REGISTRY`; see there.
"""

from __future__ import annotations

from typing import Any

from evidence_desk.core import bundle_layout as L
from evidence_desk.core.bundle_schema_parts import (
    EXHIBIT_RE,
    LONG_TEXT,
    SHORT,
    TEXT,
    array,
    boolean,
    day,
    document,
    integer,
    number,
    record,
    sha256,
    string,
    uuid,
    when,
)

CASE_FORMAT = "evidence-desk/bundle-case-records/1"
PROFILE = {"enum": list(L.PROFILES)}
PLACE_REF = record({"uuid": uuid(), "name": string(SHORT)}, ("uuid",), null=True)


def _case_file(key: str, item: dict[str, Any]) -> dict[str, Any]:
    return document(
        {"format": {"const": CASE_FORMAT}, "profile": PROFILE, key: array(item, 1_000_000)},
        ("format", key),
    )


ITEM_LINK = record({"id": uuid(), "note": string(TEXT, null=True)}, ("id",))
PRECISION = {"enum": ["exact", "day", "month", "year", "approximate", None]}
INCIDENT = record(
    {
        "uuid": uuid(),
        "title": string(1024, null=True),
        "description": string(TEXT, null=True),
        "notes": string(TEXT, null=True),
        "start": string(64, fmt="ed-date-or-datetime", null=True),
        "start_precision": PRECISION,
        "end": string(64, fmt="ed-date-or-datetime", null=True),
        "end_precision": PRECISION,
        "place": PLACE_REF,
        "violations": array(string(64), 200),
        "verification": string(64, null=True),
        "items": array(ITEM_LINK),
        "persons": array(
            record({"uuid": uuid(), "role": string(64), "note": string(TEXT, null=True)}),
            10_000,
        ),
    },
    ("uuid",),
)

PERSON = record(
    {
        "uuid": uuid(),
        "ref": string(32, null=True),
        "kind": {"enum": ["individual", "unit", None]},
        "name": string(SHORT, null=True),
        "names": array(
            record(
                {"name": string(SHORT), "kind": {"enum": ["name", "alias"]}, "lang": string(8)},
                ("name",),
            ),
            200,
        ),
        "sex": string(32, null=True),
        "birth_year": integer(1800, 2200, null=True),
        "age": integer(0, 150, null=True),
        "age_date": day(),
        "occupation": string(SHORT, null=True),
        "sensitive": boolean(null=True),
        "redacted": boolean(null=True),
        "notes": string(TEXT, null=True),
        "statuses": array(
            record(
                {
                    "status": string(64),
                    "started": day(),
                    "ended": day(),
                    "precision": {"enum": ["day", "month", "year", None]},
                    "place": PLACE_REF,
                    "incident": uuid(null=True),
                    "note": string(TEXT, null=True),
                },
                ("status",),
            ),
            1_000,
        ),
        "items": array(
            record({"id": uuid(), "relation": string(40), "note": string(TEXT, null=True)}, ("id",))
        ),
    },
    ("uuid",),
)

CONSENT = record(
    {
        "court": boolean(),
        "advocacy": boolean(),
        "publication": boolean(),
        "anonymity_requested": boolean(),
        "date": day(),
        "method": string(64, null=True),
    }
)
TESTIMONY = record(
    {
        "id": uuid(),
        "exhibit": string(24, pattern=EXHIBIT_RE),
        "witness_code": string(40, null=True),
        "witness": string(SHORT, null=True),
        "pseudonym": string(SHORT, null=True),
        "interviewer": string(SHORT, null=True),
        "interview_date": day(),
        "interview_place": PLACE_REF,
        "language": string(16, null=True),
        "translation_language": string(16, null=True),
        "consent": CONSENT,
        "risk_notes": string(TEXT, null=True),
        "statement": string(LONG_TEXT, null=True),
        "statement_version": integer(1, 1_000_000, null=True),
        "statement_sha256": sha256(null=True),
        "translation": string(LONG_TEXT, null=True),
        "translation_sha256": sha256(null=True),
        "versions": array(
            record(
                {
                    "field": {"enum": ["statement", "translation"]},
                    "version": integer(1, 1_000_000),
                    "sha256": sha256(),
                    "size": integer(),
                    "created_at": when(),
                    "actor": string(SHORT, null=True),
                    "note": string(TEXT, null=True),
                }
            ),
            10_000,
        ),
        "attachments": array(uuid(), 10_000),
        "incidents": array(uuid(), 10_000),
    },
    ("id",),
)

PLACE = record(
    {
        "uuid": uuid(),
        "code": string(64, null=True),
        "name": string(SHORT),
        "kind": string(64, null=True),
        "parent": uuid(null=True),
        "lat": number(-90, 90, null=True),
        "lon": number(-180, 180, null=True),
        "radius_m": number(0, 1e8, null=True),
        "names": array(record({"name": string(SHORT), "lang": string(8)}, ("name",)), 200),
        "items": array(
            record(
                {
                    "id": uuid(),
                    "method": {"enum": ["gps", "manual"]},
                    "distance_m": number(0, 1e8, null=True),
                },
                ("id",),
            )
        ),  # fmt: skip
    },
    ("uuid", "name"),
)


CASE_FILES: dict[str, dict[str, Any]] = {
    f"{L.METADATA_DIR}/incidents.json": _case_file("incidents", INCIDENT),
    f"{L.METADATA_DIR}/persons.json": _case_file("persons", PERSON),
    f"{L.METADATA_DIR}/testimonies.json": _case_file("testimonies", TESTIMONY),
    f"{L.METADATA_DIR}/places.json": _case_file("places", PLACE),
}
