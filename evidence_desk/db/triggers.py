"""The triggers that make the database itself refuse edits of evidence.

Anyone with file access can drop a trigger, so these are a first line, not
the guarantee: ``verify`` compares the live schema with this list, names any
trigger that is missing or altered, and puts it back. The SQL here is the
exact text the migrations create (SQLite keeps it verbatim in sqlite_master).
"""

from __future__ import annotations

import re

# An item's content never changes: its hash and size are refused outright. Its
# capture time may be improved by a logged correction (a messenger export's send
# time replacing a file date), so the other evidentiary fields are guarded by the
# record digests in the custody log, which verify follows, not by a trigger.
IMMUTABLE_COLUMNS = ("sha256", "size")

_CHANGED = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in IMMUTABLE_COLUMNS)

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
        "BEGIN SELECT RAISE(ABORT, 'the hash and size of an item cannot change'); END"
    ),
    "sources_no_update": (
        "CREATE TRIGGER sources_no_update BEFORE UPDATE ON sources "
        "BEGIN SELECT RAISE(ABORT, 'provenance records cannot change'); END"
    ),
}


def normalise(sql: str | None) -> str:
    """Whitespace-insensitive form, to compare with what sqlite_master holds."""
    return re.sub(r"\s+", " ", sql or "").strip()
