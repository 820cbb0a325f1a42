"""Items gain ``title_publishable``: a hand-set title reviewed for publication.

A title starts as the file name, which can name a person or a place, so a
redacted bundle shows the exhibit number instead of the title unless a
person set a title by hand and marked it publishable (the same mark lets the
description be published). Existing items start unmarked, the safe default.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch rebuild of ``items`` would DROP TABLE items,
    # which the foreign keys of every other table refuse on a populated archive.
    op.add_column(
        "items",
        sa.Column("title_publishable", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+) keeps the table: a batch rebuild would
    # DROP TABLE items, which foreign keys from every other table refuse.
    op.execute("ALTER TABLE items DROP COLUMN title_publishable")
