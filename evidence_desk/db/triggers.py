"""The triggers that make the database itself refuse edits of evidence.

Anyone with file access can drop a trigger, so these are a first line, not
the guarantee: ``verify`` compares the live schema with this list, names any
trigger that is missing or altered, and puts it back. The SQL here is the
exact text the migrations create (SQLite keeps it verbatim in sqlite_master).
"""

from __future__ import annotations

import re

# Columns of an item that are evidence; an UPDATE that changes one is refused.
EVIDENTIARY_COLUMNS = (
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

# The hash and size never change; a capture time or GPS fix may be filled in once
# (an importer sets it just after inserting the row, in the same transaction,
# before the custody event records the digest), never changed or removed.
_CHANGED = " OR ".join(
    f"NEW.{c} IS NOT OLD.{c}" if c in ("sha256", "size")
    else f"(OLD.{c} IS NOT NULL AND NEW.{c} IS NOT OLD.{c})"
    for c in EVIDENTIARY_COLUMNS
)

TRIGGERS: dict[str, str] = {
    "custody_events_no_update": (
        "CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events "
        "BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END"
    ),
    "custody_events_no_delete": (
        "CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events "
        "BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END"
    ),
    "items_evidence_no_update": (
        f"CREATE TRIGGER items_evidence_no_update BEFORE UPDATE ON items WHEN {_CHANGED} "
        "BEGIN SELECT RAISE(ABORT, 'evidentiary fields of an item cannot change'); END"
    ),
    "sources_no_update": (
        "CREATE TRIGGER sources_no_update BEFORE UPDATE ON sources "
        "BEGIN SELECT RAISE(ABORT, 'provenance records cannot change'); END"
    ),
}


def normalise(sql: str | None) -> str:
    """Whitespace-insensitive form, to compare with what sqlite_master holds."""
    return re.sub(r"\s+", " ", sql or "").strip()
