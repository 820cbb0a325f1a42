"""Chats and messages from messenger exports, linked to the items they carried.

Tables ``chats``, ``chat_messages`` and ``message_items`` (see
``db/models_messages.py``), and the FTS5 table ``message_search`` (rowid =
message id) over message text, author, forward origin and chat name, with
the Latin spelling of Cyrillic words as for items.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chats",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("chat_key", sa.Text(), nullable=False),
        sa.Column("key_source", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("chat_type", sa.String(40), nullable=True),
        sa.Column("first_recorded_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("platform", "chat_key", name="uq_chats_key"),
    )
    op.create_table(
        "chat_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "chat_id", sa.Integer(), sa.ForeignKey("chats.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("message_key", sa.Text(), nullable=False),
        sa.Column("key_source", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("author_id", sa.Text(), nullable=True),
        sa.Column("sent_local", sa.DateTime(), nullable=True),
        sa.Column("sent_offset_min", sa.Integer(), nullable=True),
        sa.Column("sent_utc", sa.DateTime(), nullable=True),
        sa.Column("sent_sort", sa.DateTime(), nullable=True),
        sa.Column("sent_source", sa.String(40), nullable=True),
        sa.Column("sent_offset_source", sa.Text(), nullable=True),
        sa.Column("sent_raw", sa.Text(), nullable=True),
        sa.Column("edited_local", sa.DateTime(), nullable=True),
        sa.Column("edited_offset_min", sa.Integer(), nullable=True),
        sa.Column("forwarded_from", sa.Text(), nullable=True),
        sa.Column("reply_to", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("links_json", sa.Text(), nullable=False),
        sa.Column("service_json", sa.Text(), nullable=True),
        sa.Column("location_lat", sa.Float(), nullable=True),
        sa.Column("location_lon", sa.Float(), nullable=True),
        sa.Column("location_json", sa.Text(), nullable=True),
        sa.Column("media_missing_json", sa.Text(), nullable=False),
        sa.Column("export_item_id", sa.Integer(), sa.ForeignKey("items.id"), nullable=False),
        sa.Column("export_where", sa.Text(), nullable=False),
        sa.Column("batch_uuid", sa.String(36), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("chat_id", "message_key", name="uq_chat_messages_key"),
    )
    op.create_index("ix_chat_messages_chat_sent", "chat_messages", ["chat_id", "sent_sort"])
    op.create_index("ix_chat_messages_export_item", "chat_messages", ["export_item_id"])
    op.create_table(
        "message_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "message_id",
            sa.Integer(),
            sa.ForeignKey("chat_messages.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "item_id", sa.Integer(), sa.ForeignKey("items.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("media_kind", sa.String(24), nullable=False),
        sa.Column("export_path", sa.Text(), nullable=False),
        sa.UniqueConstraint("message_id", "item_id", name="uq_message_items"),
    )
    op.create_index("ix_message_items_item_id", "message_items", ["item_id"])
    op.execute(
        "CREATE VIRTUAL TABLE message_search USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE message_search")
    op.drop_table("message_items")
    op.drop_table("chat_messages")
    op.drop_table("chats")
