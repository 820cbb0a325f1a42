"""A counters table: exhibit numbers come from a row, not from max() + 1.

``max(exhibit_no) + 1`` is safe only while the database serialises every
writer (SQLite's whole-file write lock). A counter row updated in the same
transaction that inserts the item is safe under row locking too. The row
starts at the highest exhibit number already given.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The counter starts at the highest exhibit number already given.
SEED_EXHIBIT_COUNTER = (
    "INSERT INTO counters (name, value) SELECT 'exhibit', COALESCE(MAX(exhibit_no), 0) FROM items"
)


def upgrade() -> None:
    op.create_table(
        "counters",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False),
    )
    op.execute(SEED_EXHIBIT_COUNTER)


def downgrade() -> None:
    op.drop_table("counters")
