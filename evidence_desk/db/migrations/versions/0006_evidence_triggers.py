"""Triggers refusing edits of an item's evidentiary fields and of provenance.

The custody log already refuses UPDATE and DELETE. Items and their sources
did not: a direct ``UPDATE items SET gps_lat = ...`` went through. Now the
columns that are evidence (hash, size, capture time and its source, GPS) and
the provenance rows refuse changes, like the log. The text must stay equal to
``evidence_desk.db.triggers.TRIGGERS``, which ``verify`` checks against.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_COLUMNS = (
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


def upgrade() -> None:
    # Hash and size never change; a capture time or GPS fix may be filled in once
    # (an importer sets it just after inserting the row), never changed or removed.
    changed = " OR ".join(
        f"NEW.{c} IS NOT OLD.{c}"
        if c in ("sha256", "size")
        else f"(OLD.{c} IS NOT NULL AND NEW.{c} IS NOT OLD.{c})"
        for c in _COLUMNS
    )
    op.execute(
        f"CREATE TRIGGER items_evidence_no_update BEFORE UPDATE ON items WHEN {changed} "
        "BEGIN SELECT RAISE(ABORT, 'evidentiary fields of an item cannot change'); END"
    )
    op.execute(
        "CREATE TRIGGER sources_no_update BEFORE UPDATE ON sources "
        "BEGIN SELECT RAISE(ABORT, 'provenance records cannot change'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS sources_no_update")
    op.execute("DROP TRIGGER IF EXISTS items_evidence_no_update")
