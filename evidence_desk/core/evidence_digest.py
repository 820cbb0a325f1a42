"""The digest of an item's evidentiary record, embedded in its custody events.

The custody chain protects the events, but the item rows they describe sit in
ordinary tables: anyone who can edit the database file could move a photo's
capture time or GPS fix and the chain would still verify. So each event that
creates an item or changes what it attests (ingestion, accession, a duplicate
receipt adding provenance, a metadata modification of these fields) embeds a
digest of the record as it then stands, and ``verify`` recomputes it from the
rows.

The record is what a court relies on: the object's hash and size, the capture
time with its offset, source and precision, the GPS fix, and the provenance
(every receipt: who, how, when, from which path). Descriptive fields (title,
notes, tags) are not part of it; their edits are logged as events of their own.

Besides the full SHA-256 the digest keeps a short hash per field, so a
mismatch can be named ("ED-000042: GPS latitude changed since ...") without
putting the values themselves into the log (a redacted bundle seals event
details, but a value would still sit in every full export's custody.json).
The short hashes only *name* a change; detecting it rests on the full digest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from evidence_desk.core.custody_chain import canonical_json

VERSION = 1
DETAILS_KEY = "evidence_record"
SHORT_HEX = 8

# Item columns that are evidence, in a fixed order (the order of the short hashes).
ITEM_FIELDS = (
    "sha256",
    "size",
    "captured_local",
    "captured_offset_min",
    "captured_utc",
    "captured_source",
    "captured_precision",
    "gps_lat",
    "gps_lon",
    "gps_alt",
)
SOURCE_FIELDS = (
    "original_path",
    "original_path_bytes",
    "original_name",
    "received_from",
    "method",
    "collector",
    "acquired_at",
    "fs_mtime",
    "fs_birthtime",
    "recorded_at",
)
FIELDS = (*ITEM_FIELDS, "provenance")

LABELS = {
    "sha256": "SHA-256",
    "size": "size",
    "captured_local": "capture time",
    "captured_offset_min": "capture time offset",
    "captured_utc": "capture time (UTC)",
    "captured_source": "capture time source",
    "captured_precision": "capture time precision",
    "gps_lat": "GPS latitude",
    "gps_lon": "GPS longitude",
    "gps_alt": "GPS altitude",
    "provenance": "provenance",
}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, bool):
        return int(value)
    return value


def record(item: Mapping[str, Any], sources: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The evidentiary record as plain JSON values; ``sources`` in the order received."""
    body = {name: _plain(item.get(name)) for name in ITEM_FIELDS}
    body["provenance"] = [{k: _plain(s.get(k)) for k in SOURCE_FIELDS} for s in sources]
    return body


@dataclass(frozen=True)
class RecordDigest:
    digest: str
    fields: str  # the short hashes, SHORT_HEX digits each, in FIELDS order

    def as_details(self) -> dict[str, Any]:
        return {"v": VERSION, "digest": self.digest, "fields": self.fields}


def full_digest(rec: Mapping[str, Any]) -> str:
    """The full digest alone: what verify compares first (the short ones only name a change)."""
    return hashlib.sha256(canonical_json({"v": VERSION, **rec})).hexdigest()


def digest(rec: Mapping[str, Any]) -> RecordDigest:
    full = full_digest(rec)
    short = "".join(
        hashlib.sha256(canonical_json({name: rec.get(name)})).hexdigest()[:SHORT_HEX]
        for name in FIELDS
    )
    return RecordDigest(full, short)


def from_details(details: Mapping[str, Any]) -> RecordDigest | None:
    """The digest an event's details carry, or None (older events, other event types)."""
    value = details.get(DETAILS_KEY)
    if not isinstance(value, Mapping) or value.get("v") != VERSION:
        return None
    full, short = value.get("digest"), value.get("fields")
    if not isinstance(full, str) or not isinstance(short, str):
        return None
    if len(full) != 64 or len(short) != SHORT_HEX * len(FIELDS):
        return None
    return RecordDigest(full, short)


def changed_fields(recorded: RecordDigest, current: RecordDigest) -> list[str]:
    """Fields whose short hash differs; empty when the records match.

    When the full digests differ but no short hash does (a short-hash
    collision, or a record version mismatch), the answer is ``["record"]``.
    """
    if recorded.digest == current.digest:
        return []
    changed = [
        name
        for i, name in enumerate(FIELDS)
        if recorded.fields[i * SHORT_HEX : (i + 1) * SHORT_HEX]
        != current.fields[i * SHORT_HEX : (i + 1) * SHORT_HEX]
    ]
    return changed or ["record"]


def label(field: str) -> str:
    return LABELS.get(field, field)
