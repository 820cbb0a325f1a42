"""Chat messages on the timeline: how many were sent when, per chat.

A chat export can hold 100,000 messages; the timeline never draws a label
per message. It shows a density band (counts per slice of the visible span,
aggregated by the database, one row per slice) and, on the command line, one
line per chat and day. Times are the messages' sort times: the UTC instant
when the offset is known, else the wall-clock reading (as items with an
unknown offset are placed), so a WhatsApp chat imported without a time zone
sits up to a few hours off; ``offset_unknown`` counts such messages.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from evidence_desk.db.models_messages import Chat
from evidence_desk.db.queries import case_timeline as queries
from evidence_desk.db.queries import chats
from evidence_desk.db.queries import messages as message_queries
from evidence_desk.services.archive.archive import Archive
from evidence_desk.services.archive.errors import EvidenceDeskError

MAX_BUCKETS = 10_000


@dataclass(frozen=True)
class ChatDay:
    """How many messages a chat had on one day (of the sort time; see the module)."""

    chat_id: int
    chat: str | None
    platform: str
    day: str
    messages: int
    offset_unknown: bool  # the chat has messages without a UTC offset

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def chat_ids(archive: Archive, chat: str | int | None) -> list[int] | None:
    """The record ids of a chat given by name, chat id or record id; None: every chat."""
    if chat is None or chat == "":
        return None
    with archive.db.reader() as session:
        if isinstance(chat, int):
            found = [chat] if session.get(Chat, chat) is not None else []
        else:
            found = chats.chat_ids_named(session, chat)
    if not found:
        raise EvidenceDeskError(f"no chat {chat!r} in this archive")
    return found


def message_density(
    archive: Archive,
    start: datetime,
    end: datetime,
    buckets: int,
    chat: str | int | None = None,
) -> list[int]:
    """Messages sent in ``buckets`` equal slices of [start, end) (naive UTC), of one chat or all."""
    if buckets <= 0 or end <= start:
        return []
    ids = chat_ids(archive, chat)
    with archive.db.reader() as session:
        return message_queries.sent_buckets(session, start, end, min(buckets, MAX_BUCKETS), ids)


def message_days(
    archive: Archive,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    chat: str | int | None = None,
) -> list[ChatDay]:
    """One row per chat and day with messages, by day."""
    ids = chat_ids(archive, chat)
    with archive.db.reader() as session:
        rows = message_queries.sent_days(session, start, end, ids)
        chats = queries.chats_by_id(session, (r[0] for r in rows))
        unknown = queries.chats_with_unknown_offsets(session)
    return [
        ChatDay(
            chat_id,
            chats[chat_id].name,
            chats[chat_id].platform,
            day,
            count,
            bool(unknown.get(chat_id)),
        )
        for chat_id, day, count in rows
    ]
