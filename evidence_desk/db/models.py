"""SQLAlchemy models of an archive.

Times are stored as naive UTC ``DateTime`` values; capture times also keep
the wall-clock reading, its UTC offset (when known) and the source they came
from, because a court will ask how each time was established.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from evidence_desk.db.sort_keys import ID_ORDER_INDEX, SORT_INDEXES, install


class Base(DeclarativeBase):
    pass


item_tags = Table(
    "item_tags",
    Base.metadata,
    Column("item_id", ForeignKey("items.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_item_tags_tag", "tag_id"),
)


class ArchiveInfo(Base):
    """The single row that names an archive."""

    __tablename__ = "archive_info"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str | None] = mapped_column(Text)
    tool_version: Mapped[str] = mapped_column(Text)


class Counter(Base):
    """Named counters, such as the next exhibit number.

    Numbers are taken by updating the row in the writing transaction, so two
    writers on a database with row locks (not only SQLite's whole-file lock)
    can never take the same number.
    """

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class Item(Base):
    __tablename__ = "items"
    # Narrow indexes: the default catalogue order and the sidebar counts are
    # answered without reading the wide rows (migration 0003).
    __table_args__ = (
        Index("ix_items_active_exhibit", "removed_at", "exhibit_no"),
        Index("ix_items_facets", "removed_at", "kind", "sensitivity"),
        *(Index(name, "removed_at", column, "exhibit_no") for name, column in SORT_INDEXES),
        Index(ID_ORDER_INDEX[0], *ID_ORDER_INDEX[1]),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    exhibit_no: Mapped[int] = mapped_column(Integer, unique=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    mime_type: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    # Set by hand: the title and description may appear in a redacted bundle (migration 0005).
    title_publishable: Mapped[bool] = mapped_column(default=False, server_default=false())
    description: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    sensitivity: Mapped[str] = mapped_column(String(16), default="restricted", index=True)

    captured_local: Mapped[datetime | None] = mapped_column(DateTime)
    captured_offset_min: Mapped[int | None] = mapped_column(Integer)
    captured_utc: Mapped[datetime | None] = mapped_column(DateTime)
    captured_sort: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    captured_source: Mapped[str | None] = mapped_column(String(32))
    captured_precision: Mapped[str | None] = mapped_column(String(8))
    captured_note: Mapped[str | None] = mapped_column(Text)

    gps_lat: Mapped[float | None] = mapped_column(Float)
    gps_lon: Mapped[float | None] = mapped_column(Float)
    gps_alt: Mapped[float | None] = mapped_column(Float)
    device_make: Mapped[str | None] = mapped_column(Text)
    device_model: Mapped[str | None] = mapped_column(Text)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    duration_s: Mapped[float | None] = mapped_column(Float)
    phash: Mapped[str | None] = mapped_column(String(16), index=True)
    has_thumbnail: Mapped[bool] = mapped_column(default=False)

    metadata_json: Mapped[str] = mapped_column(Text, default="{}")
    warnings_json: Mapped[str] = mapped_column(Text, default="[]")

    ingested_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    tool_version: Mapped[str] = mapped_column(Text)
    host: Mapped[str] = mapped_column(Text)

    removed_at: Mapped[datetime | None] = mapped_column(DateTime)
    removed_reason: Mapped[str | None] = mapped_column(Text)

    # Folded, stored sort keys (db/sort_keys.py keeps them current; migration 0009).
    sort_title: Mapped[str | None] = mapped_column(Text)
    sort_source: Mapped[str | None] = mapped_column(Text)
    sort_tags: Mapped[str | None] = mapped_column(Text)
    sort_warnings: Mapped[int | None] = mapped_column(Integer)

    sources: Mapped[list[Source]] = relationship(
        back_populates="item", order_by="Source.id", cascade="all, delete-orphan"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=item_tags, order_by="Tag.name")

    @property
    def exhibit(self) -> str:
        return format_exhibit(self.exhibit_no)


def format_exhibit(number: int) -> str:
    return f"ED-{number:06d}"


class Source(Base):
    """One receipt of an item: where, how and from whom it came.

    The same content received twice keeps one item and two sources.
    """

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    batch_uuid: Mapped[str] = mapped_column(String(36), index=True)
    original_path: Mapped[str] = mapped_column(Text)
    original_path_bytes: Mapped[bytes | None] = mapped_column(LargeBinary)
    original_name: Mapped[str] = mapped_column(Text)
    fs_mtime: Mapped[datetime | None] = mapped_column(DateTime)
    fs_birthtime: Mapped[datetime | None] = mapped_column(DateTime)
    received_from: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(Text, default="")
    collector: Mapped[str] = mapped_column(Text, default="")
    acquired_at: Mapped[str | None] = mapped_column(String(32))
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    host: Mapped[str] = mapped_column(Text)

    item: Mapped[Item] = relationship(back_populates="sources")


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("name", name="uq_tags_name"),)


class CustodyEvent(Base):
    """An append-only, hash-chained PREMIS-style event.

    ``prev_hash`` is unique, so two writers can never fork the chain.
    """

    __tablename__ = "custody_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    occurred_at: Mapped[str] = mapped_column(String(40))
    event_type: Mapped[str] = mapped_column(String(40), index=True)
    actor: Mapped[str] = mapped_column(Text)
    tool: Mapped[str] = mapped_column(Text)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"), index=True)
    item_uuid: Mapped[str | None] = mapped_column(String(36))
    outcome: Mapped[str] = mapped_column(String(16))
    details_json: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class ItemLink(Base):
    """A typed link between two items ("same scene", "attachment of", ...)."""

    __tablename__ = "item_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    from_item_id: Mapped[int] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), index=True
    )
    to_item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    relation: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        UniqueConstraint("from_item_id", "to_item_id", "relation", name="uq_item_links"),
    )


class ExternalRef(Base):
    """An identifier the item has elsewhere, e.g. the sender's exhibit number."""

    __tablename__ = "external_refs"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    system: Mapped[str] = mapped_column(Text)
    ref: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("item_id", "system", "ref", name="uq_external_refs"),)


class ImportedCustodyEvent(Base):
    """Custody history received with an item from another archive, kept verbatim.

    It is not part of this archive's own chain (which records the accession);
    its own hashes stay checkable against the sender's chain.
    """

    __tablename__ = "imported_custody_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    source_archive_uuid: Mapped[str] = mapped_column(String(36))
    position: Mapped[int] = mapped_column(Integer)
    event_json: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))


install(Item, Source)

# Case records share Base.metadata; importing them here keeps the metadata complete
# for Alembic and the schema test whichever model module is imported first.
from evidence_desk.db import (  # noqa: E402, F401
    models_case,
    models_counts,
    models_messages,
    models_signers,
)
