"""Initial archive schema: items, sources, tags, custody log, full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archive_info",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=True),
        sa.Column("tool_version", sa.Text(), nullable=False),
    )
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("exhibit_no", sa.Integer(), nullable=False, unique=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("mime_type", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("sensitivity", sa.String(16), nullable=False),
        sa.Column("captured_local", sa.DateTime(), nullable=True),
        sa.Column("captured_offset_min", sa.Integer(), nullable=True),
        sa.Column("captured_utc", sa.DateTime(), nullable=True),
        sa.Column("captured_sort", sa.DateTime(), nullable=True),
        sa.Column("captured_source", sa.String(32), nullable=True),
        sa.Column("captured_precision", sa.String(8), nullable=True),
        sa.Column("captured_note", sa.Text(), nullable=True),
        sa.Column("gps_lat", sa.Float(), nullable=True),
        sa.Column("gps_lon", sa.Float(), nullable=True),
        sa.Column("gps_alt", sa.Float(), nullable=True),
        sa.Column("device_make", sa.Text(), nullable=True),
        sa.Column("device_model", sa.Text(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("duration_s", sa.Float(), nullable=True),
        sa.Column("phash", sa.String(16), nullable=True),
        sa.Column("has_thumbnail", sa.Boolean(), nullable=False),
        sa.Column("metadata_json", sa.Text(), nullable=False),
        sa.Column("warnings_json", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.Column("tool_version", sa.Text(), nullable=False),
        sa.Column("host", sa.Text(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("removed_reason", sa.Text(), nullable=True),
    )
    op.create_index("ix_items_kind", "items", ["kind"])
    op.create_index("ix_items_sensitivity", "items", ["sensitivity"])
    op.create_index("ix_items_captured_sort", "items", ["captured_sort"])
    op.create_index("ix_items_phash", "items", ["phash"])
    op.create_index("ix_items_ingested_at", "items", ["ingested_at"])
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "item_id", sa.Integer(), sa.ForeignKey("items.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("batch_uuid", sa.String(36), nullable=False),
        sa.Column("original_path", sa.Text(), nullable=False),
        sa.Column("original_path_bytes", sa.LargeBinary(), nullable=True),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("fs_mtime", sa.DateTime(), nullable=True),
        sa.Column("fs_birthtime", sa.DateTime(), nullable=True),
        sa.Column("received_from", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("collector", sa.Text(), nullable=False),
        sa.Column("acquired_at", sa.String(32), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("host", sa.Text(), nullable=False),
    )
    op.create_index("ix_sources_item_id", "sources", ["item_id"])
    op.create_index("ix_sources_batch_uuid", "sources", ["batch_uuid"])
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.UniqueConstraint("name", name="uq_tags_name"),
    )
    op.create_table(
        "item_tags",
        sa.Column(
            "item_id",
            sa.Integer(),
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "tag_id",
            sa.Integer(),
            sa.ForeignKey("tags.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("ix_item_tags_tag", "item_tags", ["tag_id"])
    op.create_table(
        "custody_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("occurred_at", sa.String(40), nullable=False),
        sa.Column("event_type", sa.String(40), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("tool", sa.Text(), nullable=False),
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("items.id"), nullable=True),
        sa.Column("item_uuid", sa.String(36), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("details_json", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_index("ix_custody_events_event_type", "custody_events", ["event_type"])
    op.create_index("ix_custody_events_item_id", "custody_events", ["item_id"])
    # The custody log is append-only: the database itself refuses edits.
    op.execute(
        "CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events "
        "BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events "
        "BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END"
    )
    op.create_table(
        "item_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "from_item_id",
            sa.Integer(),
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "to_item_id",
            sa.Integer(),
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("relation", sa.String(40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("from_item_id", "to_item_id", "relation", name="uq_item_links"),
    )
    op.create_index("ix_item_links_from_item_id", "item_links", ["from_item_id"])
    op.create_index("ix_item_links_to_item_id", "item_links", ["to_item_id"])
    op.create_table(
        "external_refs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "item_id",
            sa.Integer(),
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("system", sa.Text(), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("item_id", "system", "ref", name="uq_external_refs"),
    )
    op.create_index("ix_external_refs_item_id", "external_refs", ["item_id"])
    op.create_table(
        "imported_custody_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "item_id",
            sa.Integer(),
            sa.ForeignKey("items.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("source_archive_uuid", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("event_json", sa.Text(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_imported_custody_events_item_id", "imported_custody_events", ["item_id"])
    op.execute(
        "CREATE VIRTUAL TABLE item_search USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE item_search")
    for table in (
        "imported_custody_events",
        "external_refs",
        "item_links",
        "custody_events",
        "item_tags",
        "tags",
        "sources",
        "items",
        "archive_info",
    ):
        op.drop_table(table)
