"""Items gain ``title_publishable``: a hand-set title reviewed for publication.

A title starts as the file name, which can name a person or a place, so a
redacted bundle shows the exhibit number instead of the title unless a
person set a title by hand and marked it publishable (the same mark lets the
description be published). Existing items start unmarked, the safe default.

Revision ID: 0004r
Revises: 0004n
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0004r"
down_revision = "0004n"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.add_column(
            sa.Column("title_publishable", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.drop_column("title_publishable")
