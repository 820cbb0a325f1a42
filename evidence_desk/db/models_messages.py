"""Chats and messages from messenger exports, and their links to items.

A message is provenance, not an item: it says who posted a file, in which
chat and when. The export file itself (``result.json``, the chat ``.txt``)
is preserved as an item, and every message points into it (``export_item_id``
and ``export_where``: "message 123" or "line 45"), so a court can check each
record against the original.

Dedupe keys: a chat is (platform, ``chat_key``); a message is (chat,
``message_key``): Telegram's message id, or for WhatsApp -- which has none --
a digest of chat, time, author and text. Importing the same export again, or
a later export that overlaps it, adds nothing twice. A file attached to two
messages (a photo forwarded into two chats) is one item with two
``message_items`` rows.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from evidence_desk.db.models import Base


class Chat(Base):
    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    chat_key: Mapped[str] = mapped_column(Text)
    key_source: Mapped[str] = mapped_column(Text, default="export")
    name: Mapped[str | None] = mapped_column(Text)
    chat_type: Mapped[str | None] = mapped_column(String(40))
    first_recorded_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("platform", "chat_key", name="uq_chats_key"),)


class ChatMessage(Base):
    """One message or service line of a chat, as its export showed it.

    Times follow the items' convention: wall-clock reading, UTC offset when
    known (``sent_offset_source`` says who established it: the export
    itself, or the time zone the user stated at import), and a sort key.
    """

    __tablename__ = "chat_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chats.id", ondelete="CASCADE"))
    message_key: Mapped[str] = mapped_column(Text)
    key_source: Mapped[str] = mapped_column(Text, default="export")
    kind: Mapped[str] = mapped_column(String(16))  # "message" | "service"
    author: Mapped[str | None] = mapped_column(Text)
    author_id: Mapped[str | None] = mapped_column(Text)

    sent_local: Mapped[datetime | None] = mapped_column(DateTime)
    sent_offset_min: Mapped[int | None] = mapped_column(Integer)
    sent_utc: Mapped[datetime | None] = mapped_column(DateTime)
    sent_sort: Mapped[datetime | None] = mapped_column(DateTime)
    sent_source: Mapped[str | None] = mapped_column(String(40))
    sent_offset_source: Mapped[str | None] = mapped_column(Text)
    sent_raw: Mapped[str | None] = mapped_column(Text)
    edited_local: Mapped[datetime | None] = mapped_column(DateTime)
    edited_offset_min: Mapped[int | None] = mapped_column(Integer)

    forwarded_from: Mapped[str | None] = mapped_column(Text)
    reply_to: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    links_json: Mapped[str] = mapped_column(Text, default="[]")
    service_json: Mapped[str | None] = mapped_column(Text)
    location_lat: Mapped[float | None] = mapped_column(Float)
    location_lon: Mapped[float | None] = mapped_column(Float)
    location_json: Mapped[str | None] = mapped_column(Text)
    media_missing_json: Mapped[str] = mapped_column(Text, default="[]")

    export_item_id: Mapped[int] = mapped_column(ForeignKey("items.id"))
    export_where: Mapped[str] = mapped_column(Text)
    batch_uuid: Mapped[str] = mapped_column(String(36))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)

    chat: Mapped[Chat] = relationship()
    media: Mapped[list[MessageItem]] = relationship(
        back_populates="message", order_by="MessageItem.position", cascade="all, delete-orphan"
    )

    __table_args__ = (
        UniqueConstraint("chat_id", "message_key", name="uq_chat_messages_key"),
        Index("ix_chat_messages_chat_sent", "chat_id", "sent_sort"),
        Index("ix_chat_messages_export_item", "export_item_id"),
    )


class MessageItem(Base):
    """A file a message carried, ingested as an item."""

    __tablename__ = "message_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("chat_messages.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    media_kind: Mapped[str] = mapped_column(String(24))
    export_path: Mapped[str] = mapped_column(Text)

    message: Mapped[ChatMessage] = relationship(back_populates="media")

    __table_args__ = (UniqueConstraint("message_id", "item_id", name="uq_message_items"),)


class IncidentMessage(Base):
    """A chat message that documents an incident (as ``incident_items`` for files)."""

    __tablename__ = "incident_messages"

    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    message_id: Mapped[int] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
