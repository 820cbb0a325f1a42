"""Triggers refusing edits of an item's hash and size and of provenance records.

The custody log already refuses UPDATE and DELETE. Items and their sources
did not: a direct ``UPDATE items SET size = ...`` went through. Now an item's
hash and size, and the provenance rows, refuse changes like the log. (Capture
time and GPS may be corrected by a logged event; the record digests in the
custody log guard them.) The text must stay equal to
``evidence_desk.db.triggers.TRIGGERS``, which ``verify`` checks against.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_IMMUTABLE = ("sha256", "size")


def upgrade() -> None:
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in _IMMUTABLE)
    op.execute(
        f"CREATE TRIGGER items_evidence_no_update BEFORE UPDATE ON items WHEN {changed} "
        "BEGIN SELECT RAISE(ABORT, 'the hash and size of an item cannot change'); END"
    )
    op.execute(
        "CREATE TRIGGER sources_no_update BEFORE UPDATE ON sources "
        "BEGIN SELECT RAISE(ABORT, 'provenance records cannot change'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS sources_no_update")
    op.execute("DROP TRIGGER IF EXISTS items_evidence_no_update")
