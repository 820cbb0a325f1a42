"""Catalogue counts kept by triggers, and a record of whether item ids follow exhibits.

At a million items the sidebar's counts walked two million index entries on
every refresh (250-330 ms). Two small tables, ``item_counts`` (per removed,
kind, sensitivity) and ``tag_counts`` (item_tags rows per tag), are kept by
triggers on ``items`` and ``item_tags``, so every write path keeps them
right. The ``counters`` row ``id_order_breaks`` counts writes that may have
put item ids out of exhibit order; while it is 0 a search takes its hits in
the full-text index's rowid order with no sort. See ``db/counts.py``; all
three are filled here from the rows (one pass each).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from evidence_desk.db.counts import FILL, TRIGGERS

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "item_counts",
        sa.Column("removed", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("sensitivity", sa.String(16), primary_key=True),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.create_table(
        "tag_counts",
        sa.Column(
            "tag_id",
            sa.Integer(),
            sa.ForeignKey("tags.id", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    for sql in FILL:
        op.execute(sql)
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DELETE FROM counters WHERE name = 'id_order_breaks'")
    op.drop_table("tag_counts")
    op.drop_table("item_counts")
