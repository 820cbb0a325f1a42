"""A narrow index for verify's read of the whole catalogue, in item-UUID order.

At a million items verify read (id, exhibit, sha256, size, uuid) of every row
from the wide ``items`` table (1.9 GB of pages for 1,000,000 rows) and then
sorted a million "<uuid> <sha256>" lines for the run's ``intact_digest``.
This covering index holds just those columns (the id is every index's row
id), about 120 bytes per item, and gives the rows already in UUID order, so
the lines come out sorted. See ``db.queries.custody.verify_targets``.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-28
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_items_verify", "items", ["uuid", "sha256", "size", "exhibit_no"])


def downgrade() -> None:
    op.drop_index("ix_items_verify", table_name="items")
