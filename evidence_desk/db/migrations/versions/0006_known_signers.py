"""Known signers: bundle signing keys pinned per sending archive.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "known_signers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("archive_uuid", sa.String(36), nullable=False),
        sa.Column("archive_name", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("public_key_pem", sa.Text(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index(
        "ix_known_signers_archive", "known_signers", ["archive_uuid", "fingerprint"], unique=True
    )
    op.create_index("ix_known_signers_fingerprint", "known_signers", ["fingerprint"])


def downgrade() -> None:
    op.drop_index("ix_known_signers_fingerprint", table_name="known_signers")
    op.drop_index("ix_known_signers_archive", table_name="known_signers")
    op.drop_table("known_signers")
